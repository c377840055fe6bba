package io.itsmhub.app.sync;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import io.itsmhub.api.target.TargetConnector;
import io.itsmhub.app.ingest.IngestService;
import io.itsmhub.app.store.ItemQueries;
import io.itsmhub.app.store.JdbcItemRepository;
import io.itsmhub.mappings.ActiveMappings;
import io.itsmhub.routes.sync.SyncEngine;
import io.itsmhub.routes.sync.SyncMode;
import io.itsmhub.routes.sync.SyncScheduleRoutes;

/**
 * Wires the sync engine: every {@link TargetConnector} bean the connector modules
 * contribute, the active mappings, the integrations and their schedules. Every
 * integration that names a target without a connector is reported at start, all at once.
 */
@Configuration(proxyBeanMethods = false)
public class SyncConfiguration {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SyncConfiguration.class);

	@Bean
	JdbcSyncStore syncStore(JdbcTemplate jdbc, JdbcItemRepository items, ItemQueries queries) {
		return new JdbcSyncStore(jdbc, items, queries);
	}

	@Bean
	SyncEngine syncEngine(JdbcSyncStore store, ActiveMappings mappings, ObjectProvider<TargetConnector> connectorBeans,
			SyncProperties properties, Clock clock) {
		List<TargetConnector> connectors = connectorBeans.orderedStream().toList();
		List<String> errors = new ArrayList<>();
		List<String> platforms = connectors.stream().map(TargetConnector::platform).toList();
		properties.withTargetsResolved(platforms).integrations().forEach((name, integration) -> {
			for (int i = 0; i < integration.targets().size(); i++) {
				String target = integration.targets().get(i);
				if (!platforms.contains(target)) {
					errors.add("hub.sync.integrations." + name + ".targets[" + i + "]: no connector for '" + target
							+ "' (enable it under hub.targets." + target + "); connectors: "
							+ (platforms.isEmpty() ? "none" : String.join(", ", platforms)));
				}
			}
		});
		if (!errors.isEmpty()) {
			throw new IllegalStateException("hub.sync is invalid: " + String.join("; ", errors));
		}
		int interrupted = store.markInterruptedRuns(clock.instant());
		if (interrupted > 0) {
			log.warn("{} sync runs were cut short when the hub last stopped; marked interrupted. The next run "
					+ "finishes their work: pending creates are looked up first, never repeated", interrupted);
		}
		return new SyncEngine(store, mappings, connectors, properties.guard().settings(), clock);
	}

	@Bean
	SyncQueries syncQueries(JdbcTemplate jdbc) {
		return new SyncQueries(jdbc);
	}

	@Bean
	SyncMetrics syncMetrics(io.micrometer.core.instrument.MeterRegistry registry, JdbcTemplate jdbc, Clock clock,
			SyncProperties properties) {
		SyncMetrics metrics = new SyncMetrics(registry, jdbc, clock);
		java.util.Set<String> sources = new java.util.LinkedHashSet<>();
		properties.integrations().values().forEach((integration) -> sources.addAll(integration.authoritativeSources()));
		metrics.watchSources(List.copyOf(sources));
		return metrics;
	}

	@Bean
	SyncService syncService(SyncEngine engine, SyncProperties properties, ObjectProvider<TargetConnector> connectors,
			IngestService ingest, SyncMetrics metrics) {
		SyncService sync = new SyncService(engine,
				properties.withTargetsResolved(connectors.orderedStream().map(TargetConnector::platform).toList()),
				metrics);
		ingest.onChangedItems(sync::afterIngest);
		return sync;
	}

	@Bean
	SyncScheduleRoutes syncScheduleRoutes(SyncProperties properties, SyncService sync) {
		Map<String, SyncScheduleRoutes.Schedule> schedules = new java.util.LinkedHashMap<>();
		properties.integrations()
			.forEach((name, integration) -> schedules.put(name,
					new SyncScheduleRoutes.Schedule(integration.fullCron(), integration.incrementalCron())));
		return new SyncScheduleRoutes(schedules, (integration, mode) -> sync.run(integration, mode, false));
	}

	@Bean
	ApplicationRunner syncOnStart(SyncProperties properties, SyncService sync) {
		return (args) -> properties.integrations().forEach((name, integration) -> {
			if (integration.syncOnStart()) {
				sync.run(name, SyncMode.FULL, false);
			}
		});
	}

}
