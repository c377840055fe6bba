package io.itsmhub.app.mapping;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.mappings.shipped.ShippedMappings;

/**
 * Wires mapping versions. The mapping files are imported (and missing platforms seeded
 * with their defaults) while the service is created, so nothing that needs a mapping
 * starts before they are in place, and a bad file stops the start with every error.
 */
@Configuration(proxyBeanMethods = false)
public class MappingConfiguration {

	@Bean
	MappingVersionStore mappingVersionStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
		return new MappingVersionStore(jdbc, transactions);
	}

	@Bean
	MappingService mappingService(MappingVersionStore store, MappingProperties properties, Clock clock) {
		ShippedMappings shipped = new ShippedMappings();
		// connectors will supply their live catalogs; until then the shipped ones stand
		// in
		Map<String, FieldCatalog> catalogs = new LinkedHashMap<>();
		for (String platform : shipped.platforms()) {
			shipped.catalog(platform).ifPresent((catalog) -> catalogs.put(platform, catalog));
		}
		MappingService service = new MappingService(store, catalogs, shipped, clock, properties.refreshInterval());
		service.importAtStart(properties.directory());
		return service;
	}

}
