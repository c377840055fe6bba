package io.itsmhub.app.config;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.itsmhub.app.store.JdbcItemRepository;
import io.itsmhub.reconciliation.Reconciler;
import io.itsmhub.reconciliation.identify.IdentificationRules;
import io.itsmhub.reconciliation.identify.IdentifierNormalizer;
import io.itsmhub.reconciliation.identify.PlaceholderBlocklist;
import io.itsmhub.reconciliation.item.SourcePrecedence;

/**
 * Builds the reconciler from {@code hub.reconciliation.*}. Every configuration error is
 * reported at once, at start.
 */
@Configuration(proxyBeanMethods = false)
public class ReconciliationConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	IdentifierNormalizer identifierNormalizer(ReconciliationProperties properties) {
		return new IdentifierNormalizer(PlaceholderBlocklist.withAdditional(properties.placeholders()));
	}

	@Bean
	JdbcItemRepository itemRepository(JdbcTemplate jdbc, TransactionTemplate transactions) {
		return new JdbcItemRepository(jdbc, transactions);
	}

	@Bean
	Reconciler reconciler(ReconciliationProperties properties, IdentifierNormalizer normalizer,
			JdbcItemRepository repository, Clock clock) {
		List<String> errors = new ArrayList<>();
		IdentificationRules rules = null;
		try {
			rules = IdentificationRules.of(properties.rules());
		}
		catch (IllegalArgumentException ex) {
			errors.add(ex.getMessage());
		}
		SourcePrecedence precedence = null;
		try {
			Map<String, List<String>> sources = new LinkedHashMap<>();
			Map<String, List<String>> fields = new LinkedHashMap<>();
			properties.groups().forEach((name, group) -> {
				sources.put(name, group.sources());
				fields.put(name, group.fields());
			});
			precedence = SourcePrecedence.of(sources, fields, properties.staleness());
		}
		catch (IllegalArgumentException ex) {
			errors.add(ex.getMessage());
		}
		if (!errors.isEmpty()) {
			throw new IllegalStateException("hub.reconciliation is invalid: " + String.join("; ", errors));
		}
		return new Reconciler(rules, normalizer, precedence, repository, clock);
	}

}
