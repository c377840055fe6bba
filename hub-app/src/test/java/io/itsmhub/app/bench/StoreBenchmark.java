package io.itsmhub.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.testing.EstateGenerator;
import io.itsmhub.app.store.JdbcItemRepository;
import io.itsmhub.reconciliation.Reconciler;
import io.itsmhub.reconciliation.identify.IdentificationRules;
import io.itsmhub.reconciliation.identify.IdentifierNormalizer;
import io.itsmhub.reconciliation.identify.PlaceholderBlocklist;
import io.itsmhub.reconciliation.item.SourcePrecedence;

/**
 * Identification plus reconciliation of 100,000 items through the embedded store (HSQLDB
 * in file mode, cached tables, as the hub runs by default), in batches of 1,000. The
 * score is items per second.
 *
 * <p>
 * Run: {@code ./mvnw -B -q -Pbench -DskipTests -pl hub-app -am verify}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(value = 1, jvmArgs = { "-Xms2g", "-Xmx2g" })
public class StoreBenchmark {

	static final int ITEMS = 100_000;

	private static final Instant T0 = Instant.parse("2026-11-29T06:00:00Z");

	private List<ParsedRecords> agent;

	private List<ParsedRecords> register;

	private HikariDataSource dataSource;

	private Reconciler reconciler;

	private Path directory;

	@Setup(Level.Trial)
	public void generate() {
		this.agent = EstateGenerator.batches(EstateGenerator.agent(ITEMS, T0), 1000);
		this.register = EstateGenerator.batches(EstateGenerator.register(ITEMS, T0), 1000);
	}

	@Setup(Level.Invocation)
	public void emptyStore() throws IOException {
		this.directory = Files.createTempDirectory("hub-bench-store");
		this.dataSource = new HikariDataSource();
		this.dataSource.setJdbcUrl("jdbc:hsqldb:file:" + this.directory.resolve("hub")
				+ ";hsqldb.default_table_type=cached;hsqldb.tx=mvcc;shutdown=true");
		this.dataSource.setUsername("SA");
		Flyway.configure().dataSource(this.dataSource).locations("classpath:db/migration").load().migrate();
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		this.reconciler = new Reconciler(IdentificationRules.defaults(),
				new IdentifierNormalizer(PlaceholderBlocklist.defaults()), SourcePrecedence.defaults(),
				new JdbcItemRepository(jdbc,
						new TransactionTemplate(new DataSourceTransactionManager(this.dataSource))),
				Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC));
	}

	@TearDown(Level.Invocation)
	public void closeStore() throws IOException {
		this.dataSource.close();
		try (var paths = Files.walk(this.directory)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
	}

	/**
	 * 100,000 new items; then the register's facts merged into them; then the same again.
	 */
	@Benchmark
	@OperationsPerInvocation(3 * ITEMS)
	public int loadMergeAndReIngest() {
		int accepted = 0;
		for (List<ParsedRecords> batches : List.of(this.agent, this.register, this.agent)) {
			for (ParsedRecords batch : batches) {
				accepted += this.reconciler.reconcile("x", batch).report().accepted();
			}
		}
		return accepted;
	}

}
