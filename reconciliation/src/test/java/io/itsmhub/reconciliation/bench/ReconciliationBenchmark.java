package io.itsmhub.reconciliation.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.testing.EstateGenerator;
import io.itsmhub.reconciliation.Reconciler;
import io.itsmhub.reconciliation.identify.IdentificationRules;
import io.itsmhub.reconciliation.identify.IdentifierNormalizer;
import io.itsmhub.reconciliation.identify.PlaceholderBlocklist;
import io.itsmhub.reconciliation.item.SourcePrecedence;
import io.itsmhub.reconciliation.store.InMemoryItemRepository;

/**
 * Identification plus reconciliation of 100,000 items in memory, in batches of 1,000: a
 * first load (every item created), the asset register merging its facts into those items
 * (every item updated), and an unchanged re-ingest. The score is items per second.
 *
 * <p>
 * Run: {@code ./mvnw -B -q -Pbench -DskipTests -pl reconciliation -am verify}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = { "-Xms2g", "-Xmx2g" })
public class ReconciliationBenchmark {

	static final int ITEMS = 100_000;

	private static final Instant T0 = Instant.parse("2026-11-29T06:00:00Z");

	private List<ParsedRecords> agent;

	private List<ParsedRecords> register;

	private InMemoryItemRepository repository;

	@Setup(Level.Trial)
	public void generate() {
		this.agent = EstateGenerator.batches(EstateGenerator.agent(ITEMS, T0), 1000);
		this.register = EstateGenerator.batches(EstateGenerator.register(ITEMS, T0), 1000);
	}

	@Setup(Level.Invocation)
	public void emptyStore() {
		this.repository = new InMemoryItemRepository();
	}

	@Benchmark
	@OperationsPerInvocation(ITEMS)
	public int firstLoad() {
		return ingest(reconciler(this.repository), this.agent);
	}

	@Benchmark
	@OperationsPerInvocation(ITEMS)
	public int registerMergesIntoKnownItems(LoadedStore loaded) {
		return ingest(reconciler(loaded.repository), this.register);
	}

	@Benchmark
	@OperationsPerInvocation(ITEMS)
	public int unchangedReIngest(LoadedStore loaded) {
		return ingest(reconciler(loaded.repository), this.agent);
	}

	static int ingest(Reconciler reconciler, List<ParsedRecords> batches) {
		int changed = 0;
		for (ParsedRecords batch : batches) {
			changed += reconciler.reconcile("x", batch).report().accepted();
		}
		return changed;
	}

	static Reconciler reconciler(InMemoryItemRepository repository) {
		return new Reconciler(IdentificationRules.defaults(), new IdentifierNormalizer(PlaceholderBlocklist.defaults()),
				SourcePrecedence.defaults(), repository, Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC));
	}

	/** A store that already holds the agent's 100,000 items. */
	@State(Scope.Thread)
	public static class LoadedStore {

		InMemoryItemRepository repository;

		@Setup(Level.Invocation)
		public void load(ReconciliationBenchmark benchmark) {
			this.repository = new InMemoryItemRepository();
			ingest(reconciler(this.repository), benchmark.agent);
		}

	}

}
