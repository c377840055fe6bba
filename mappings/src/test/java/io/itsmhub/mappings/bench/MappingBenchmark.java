package io.itsmhub.mappings.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import io.itsmhub.api.json.CanonicalItemReader;
import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.mappings.CompiledMapping;
import io.itsmhub.mappings.FieldCatalogReader;
import io.itsmhub.mappings.MappingCompiler;

/**
 * Throughput of a compiled 30-field mapping with value maps and transforms, content hash
 * included, on one thread (so the figure is per core). Not a test: run it with
 * {@code ./mvnw -B -pl mappings -am -Pjmh test-compile}, which prints items/s, bytes
 * allocated per item and items per CPU-second at the end. The payload is returned, so JMH
 * consumes it (nothing can be folded away), and 64 items with distinct values take turns.
 * Their strings keep the hash codes of the first round, which real items, read fresh, do
 * not: lookups here are a little cheaper than in a sync.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// three forks: on a shared machine one JVM's luck (JIT decisions, neighbours) is not a
// figure
@Fork(3)
@Threads(1)
public class MappingBenchmark {

	private CompiledMapping mapping;

	private DiscoveredItem[] items;

	private int next;

	@Setup
	public void setUp() throws IOException {
		this.mapping = new MappingCompiler().compile("bench/mapping.yaml", resource("bench/mapping.yaml"),
				FieldCatalogReader.read(resource("bench/catalog.yaml")));
		// several distinct items, so the benchmark does not measure one cached path
		this.items = new DiscoveredItem[64];
		for (int i = 0; i < this.items.length; i++) {
			String json = resource("bench/item.json").replace("{n}", Integer.toString(i));
			this.items[i] = new CanonicalItemReader().read(json.getBytes(StandardCharsets.UTF_8), null)
				.discoveredItems()
				.get(0);
		}
		TargetPayload sample = this.mapping.map(this.items[0], "item-0");
		int fields = sample.records().get(0).fields().size();
		if (fields != 30) {
			throw new IllegalStateException("the benchmark item should fill all 30 fields, filled " + fields);
		}
	}

	@Benchmark
	public TargetPayload mapOneItem() {
		DiscoveredItem item = this.items[this.next++ & 63];
		return this.mapping.map(item, "item");
	}

	private static String resource(String name) throws IOException {
		try (InputStream in = MappingBenchmark.class.getClassLoader().getResourceAsStream(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	public static void main(String[] args) throws RunnerException, IOException {
		Options options = new OptionsBuilder().include(MappingBenchmark.class.getName() + ".mapOneItem")
			.addProfiler(GCProfiler.class)
			.build();
		Collection<RunResult> results = new Runner(options).run();
		if (results.isEmpty()) {
			throw new IllegalStateException("the benchmark did not run; see the output above");
		}
		for (RunResult result : results) {
			System.out.printf("%nCompiled 30-field mapping: %,.0f items/s on one thread (± %,.0f), wall clock%n",
					result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError());
			Result<?> allocated = result.getSecondaryResults().get("gc.alloc.rate.norm");
			if (allocated != null) {
				System.out.printf("Compiled 30-field mapping: %,.0f bytes allocated per item%n", allocated.getScore());
			}
		}
		System.out.printf("Compiled 30-field mapping: %,.0f items per CPU-second of the mapping thread%n",
				itemsPerCpuSecond());
	}

	/**
	 * The same work timed by the thread's own CPU time (the median of five rounds after
	 * three of warm-up): on a shared machine, wall-clock throughput also counts the time
	 * other processes held the core; this does not.
	 */
	private static double itemsPerCpuSecond() throws IOException {
		MappingBenchmark benchmark = new MappingBenchmark();
		benchmark.setUp();
		java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		int items = 500_000;
		double[] rates = new double[5];
		for (int round = 0; round < 8; round++) {
			long start = threads.getCurrentThreadCpuTime();
			int sink = 0;
			for (int i = 0; i < items; i++) {
				sink += benchmark.mapOneItem().records().size();
			}
			long cpu = threads.getCurrentThreadCpuTime() - start;
			if (sink != items) {
				throw new IllegalStateException("every item should give one record");
			}
			// the first rounds warm the JIT up; of the last five, the median, not the
			// best
			if (round >= 3) {
				rates[round - 3] = items * 1e9 / cpu;
			}
		}
		java.util.Arrays.sort(rates);
		return rates[rates.length / 2];
	}

}
