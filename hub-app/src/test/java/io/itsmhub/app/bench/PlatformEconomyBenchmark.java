package io.itsmhub.app.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

import com.zaxxer.hikari.HikariDataSource;
import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.target.TargetConnector;
import io.itsmhub.api.testing.EstateGenerator;
import io.itsmhub.app.store.ItemQueries;
import io.itsmhub.app.store.JdbcItemRepository;
import io.itsmhub.app.sync.JdbcSyncStore;
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
import io.itsmhub.simulators.core.PlatformSimulator;
import io.itsmhub.simulators.core.RecordedRequest;
import io.itsmhub.simulators.core.SimulatorProvider;
import io.itsmhub.simulators.http.SimulatorServer;
import org.flywaydb.core.Flyway;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * API calls per item on every platform the hub ships, the same way for each: an estate of
 * inventory-agent items (servers and virtual machines, two relationships each) is
 * reconciled into the store once, then for each simulator on the class path the
 * platform's own connector (made by its auto-configuration from the simulator's demo
 * settings) gets a first full sync through the sync engine and then an unchanged re-sync.
 * Calls are the HTTP requests the simulator received, schema discovery and provisioning
 * included.
 *
 * <p>
 * Run: {@code ./mvnw -B -q -Pplatform-bench -DskipTests -pl hub-app -am verify}
 * ({@code -Dbench.items=10000} by default; {@code -Dbench.platforms=xurrent,ivanti} for
 * some).
 */
public final class PlatformEconomyBenchmark {

	private PlatformEconomyBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int items = Integer.getInteger("bench.items", 10_000);
		String only = System.getProperty("bench.platforms", "");
		Instant t0 = Instant.parse("2026-11-29T06:00:00Z");
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl("jdbc:hsqldb:mem:platform-bench;hsqldb.tx=mvcc");
			dataSource.setUsername("SA");
			Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			JdbcItemRepository repository = new JdbcItemRepository(jdbc,
					new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
			IdentifierNormalizer normalizer = new IdentifierNormalizer(PlaceholderBlocklist.defaults());
			Reconciler reconciler = new Reconciler(IdentificationRules.defaults(), normalizer,
					SourcePrecedence.defaults(), repository, Clock.systemUTC());
			for (ParsedRecords batch : EstateGenerator.batches(EstateGenerator.agent(items, t0), 1000)) {
				reconciler.reconcile("agent", batch);
			}
			JdbcSyncStore store = new JdbcSyncStore(jdbc, repository, new ItemQueries(jdbc, repository, normalizer));
			ShippedMappings shipped = new ShippedMappings();
			Map<String, Optional<CompiledMapping>> compiled = new ConcurrentHashMap<>();
			ActiveMappings mappings = (platform) -> compiled.computeIfAbsent(platform, shipped::load);
			List<String> lines = new ArrayList<>();
			for (SimulatorProvider provider : ServiceLoader.load(SimulatorProvider.class)) {
				String platform = provider.platformId();
				if (!only.isBlank() && !List.of(only.split(",")).contains(platform)) {
					continue;
				}
				// a tenant holds reference records before the hub writes: the ServiceNow
				// simulator knows the PowerEdge R740, not the R650 the estate also names
				PlatformSimulator simulator = provider
					.create(Map.of("cmdb_model", List.of(Map.of("name", "PowerEdge R650"))));
				try (SimulatorServer server = SimulatorServer.start(simulator)) {
					Map<String, String> settings = new LinkedHashMap<>();
					settings.put("hub.targets." + platform + ".enabled", "true");
					provider.demoTargetProperties(server.baseUrl())
						.forEach((name, value) -> settings.put("hub.targets." + platform + "." + name, value));
					new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(connectorConfigurations()))
						.withPropertyValues(settings.entrySet()
							.stream()
							.map((entry) -> entry.getKey() + "=" + entry.getValue())
							.toArray(String[]::new))
						.run((context) -> {
							TargetConnector connector = context.getBean(TargetConnector.class);
							SyncEngine engine = new SyncEngine(store, mappings, List.of(connector),
									new TargetGuard.Settings(100_000, 3, Duration.ofMillis(100), Duration.ofSeconds(5),
											1000, Duration.ofSeconds(30)),
									Clock.systemUTC());
							lines.add(report(platform, "first sync", engine, simulator, items));
							jdbc.queryForList(
									"SELECT reason, COUNT(*) AS n FROM dead_letters WHERE target = ? GROUP BY reason",
									platform)
								.forEach((row) -> {
									String line = "  dead letters: " + row.get("n") + " x " + row.get("reason");
									System.out.println(line);
									lines.add(line);
								});
							lines.add(report(platform, "unchanged re-sync", engine, simulator, items));
						});
				}
			}
			System.out.println();
			System.out.printf("API calls per item, %,d agent items with %,d relationships%n", items, 2 * items - 3);
			lines.forEach(System.out::println);
		}
	}

	private static String report(String platform, String what, SyncEngine engine, PlatformSimulator simulator,
			int items) {
		long before = lastSequence(simulator);
		long start = System.nanoTime();
		SyncResult result = engine.run("bench", List.of(platform), SyncMode.FULL, false, List.of());
		double seconds = (System.nanoTime() - start) / 1e9;
		long calls = lastSequence(simulator) - before;
		TargetCounts counts = result.counts().get(platform);
		Map<String, Integer> kinds = new java.util.TreeMap<>();
		simulator.recordedRequests()
			.stream()
			.filter((request) -> request.sequence() > before)
			.forEach((request) -> kinds.merge(
					request.method() + " " + request.path().replaceAll("[0-9a-f-]{6,}|[0-9]+", "*"), 1, Integer::sum));
		String line = String.format(
				"%-12s %-18s %,7d HTTP calls = %.3f per item; created %,d, updated %,d, unchanged %,d, failed %,d; "
						+ "relations pushed %,d, pending %,d; %.1f s; calls (in the journal) %s",
				platform, what, calls, calls / (double) items, counts.created(), counts.updated(), counts.unchanged(),
				counts.failed(), counts.relationsPushed(), counts.relationsPending(), seconds, kinds);
		System.out.println(line);
		return line;
	}

	private static long lastSequence(PlatformSimulator simulator) {
		List<RecordedRequest> journal = simulator.recordedRequests();
		return journal.isEmpty() ? 0 : journal.get(journal.size() - 1).sequence();
	}

	/** The auto-configurations of the platform connectors on the class path. */
	private static Class<?>[] connectorConfigurations() throws IOException, ClassNotFoundException {
		List<Class<?>> classes = new ArrayList<>();
		Enumeration<URL> imports = PlatformEconomyBenchmark.class.getClassLoader()
			.getResources("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports");
		while (imports.hasMoreElements()) {
			try (InputStream in = imports.nextElement().openStream()) {
				for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
					if (line.strip().startsWith("io.itsmhub.connectors.")) {
						classes.add(Class.forName(line.strip()));
					}
				}
			}
		}
		return classes.toArray(Class<?>[]::new);
	}

}
