package io.itsmhub.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.testing.EstateGenerator;
import io.itsmhub.app.store.ItemQueries;
import io.itsmhub.app.store.JdbcItemRepository;
import io.itsmhub.app.sync.JdbcSyncStore;
import io.itsmhub.connectors.servicenow.ServiceNowConnector;
import io.itsmhub.connectors.servicenow.ServiceNowProperties;
import io.itsmhub.mappings.ActiveMappings;
import io.itsmhub.mappings.CompiledMapping;
import io.itsmhub.mappings.shipped.ShippedMappings;
import io.itsmhub.reconciliation.Reconciler;
import io.itsmhub.reconciliation.identify.IdentificationRules;
import io.itsmhub.reconciliation.identify.IdentifierNormalizer;
import io.itsmhub.reconciliation.identify.PlaceholderBlocklist;
import io.itsmhub.reconciliation.item.SourcePrecedence;
import io.itsmhub.routes.sync.SyncEngine;
import io.itsmhub.routes.sync.SyncMode;
import io.itsmhub.routes.sync.SyncResult;
import io.itsmhub.routes.sync.TargetCounts;
import io.itsmhub.routes.sync.TargetGuard;
import io.itsmhub.simulators.http.SimulatorServer;
import io.itsmhub.simulators.servicenow.ServiceNowSimulator;

/**
 * Pushes a synthetic estate (two relationships per item) through the whole sync path into
 * the ServiceNow simulator over HTTP, then re-syncs the unchanged estate, and prints per
 * phase items/s, connector calls and HTTP requests (writes and reads) per item, the
 * process's CPU time, and the peak heap (the heap pools' peak usage, reset before each
 * phase) and what is left after a full GC. The simulator runs in the same JVM, so the
 * heap figure includes its tables; its request journal is kept small, and requests are
 * counted on the client side.
 *
 * <p>
 * Run: {@code ./mvnw -B -q -Psync-bench -DskipTests -pl hub-app -am verify}
 * ({@code -Dbench.items=100000} by default: about two relations per item, 199,997 for
 * 100,000 items).
 */
public final class SyncBenchmark {

	private SyncBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int items = Integer.getInteger("bench.items", 100_000);
		Instant t0 = Instant.parse("2026-11-29T06:00:00Z");
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl("jdbc:hsqldb:mem:sync-bench;hsqldb.tx=mvcc");
			dataSource.setUsername("SA");
			Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			JdbcItemRepository repository = new JdbcItemRepository(jdbc,
					new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
			IdentifierNormalizer normalizer = new IdentifierNormalizer(PlaceholderBlocklist.defaults());
			Reconciler reconciler = new Reconciler(IdentificationRules.defaults(), normalizer,
					SourcePrecedence.defaults(), repository, Clock.systemUTC());
			long ingestStart = System.nanoTime();
			for (ParsedRecords batch : EstateGenerator.batches(EstateGenerator.agent(items, t0), 1000)) {
				reconciler.reconcile("agent", batch);
			}
			System.out.printf("ingested %,d items in %.1f s%n", items, seconds(ingestStart));

			ServiceNowSimulator simulator = ServiceNowSimulator.builder()
				.seed("cmdb_model", Map.of("name", "PowerEdge R650"))
				.journalCapacity(16)
				.build();
			try (SimulatorServer server = SimulatorServer.start(simulator)) {
				ServiceNowProperties properties = ServiceNowProperties.basic(server.baseUrl(), "admin", "admin");
				CountingHttpClient http = new CountingHttpClient(
						HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
				ServiceNowConnector connector = new ServiceNowConnector(properties, http);
				ShippedMappings shipped = new ShippedMappings();
				Map<String, Optional<CompiledMapping>> compiled = new ConcurrentHashMap<>();
				ActiveMappings mappings = (platform) -> compiled.computeIfAbsent(platform, shipped::load);
				SyncEngine engine = new SyncEngine(
						new JdbcSyncStore(jdbc, repository, new ItemQueries(jdbc, repository, normalizer)), mappings,
						List.of(connector), new TargetGuard.Settings(100_000, 3, Duration.ofMillis(100),
								Duration.ofSeconds(5), 1000, Duration.ofSeconds(30)),
						Clock.systemUTC());
				report("first sync", engine, http, items);
				report("unchanged re-sync", engine, http, items);
			}
		}
	}

	private static void report(String what, SyncEngine engine, CountingHttpClient http, int items) {
		http.reset();
		resetPeaks();
		long cpuStart = processCpuNanos();
		long start = System.nanoTime();
		SyncResult result = engine.run("bench", List.of("servicenow"), SyncMode.FULL, false, List.of());
		double seconds = seconds(start);
		double cpu = (processCpuNanos() - cpuStart) / 1e9;
		TargetCounts counts = result.counts().get("servicenow");
		long writes = http.writes.get();
		long reads = http.reads.get();
		System.out.printf(
				"%s: %,d items in %.1f s = %,.0f items/s (process CPU %.1f s = %,.0f items per CPU-second); "
						+ "created %,d, updated %,d, unchanged %,d, failed %,d; relations pushed %,d, pending %,d, "
						+ "retired %,d; connector calls %,d (%.4f per item); HTTP requests %,d (%.4f per item): "
						+ "writes %,d (%.4f per item), reads %,d; peak heap %,d MB, after a full GC %,d MB%n",
				what, items, seconds, items / seconds, cpu, items / cpu, counts.created(), counts.updated(),
				counts.unchanged(), counts.failed(), counts.relationsPushed(), counts.relationsPending(),
				counts.relationsRetired(), counts.apiCalls(), counts.apiCalls() / (double) items, writes + reads,
				(writes + reads) / (double) items, writes, writes / (double) items, reads, peakHeapMegabytes(),
				liveHeapMegabytes());
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	private static void resetPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	/**
	 * What stays on the heap after a full collection: the hub, the store and the
	 * simulator.
	 */
	private static long liveHeapMegabytes() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
	}

	private static long peakHeapMegabytes() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak / (1024 * 1024);
	}

}
