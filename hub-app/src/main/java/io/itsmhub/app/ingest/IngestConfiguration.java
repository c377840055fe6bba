package io.itsmhub.app.ingest;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import io.itsmhub.app.store.IngestRunStore;
import io.itsmhub.app.store.ItemQueries;
import io.itsmhub.app.store.JdbcItemRepository;
import io.itsmhub.reconciliation.Reconciler;
import io.itsmhub.reconciliation.identify.IdentifierNormalizer;
import io.itsmhub.routes.ingest.FileDropRoutes;

/** Wires the ways in: the ingest API's service, the drop folder, the read side. */
@Configuration(proxyBeanMethods = false)
public class IngestConfiguration {

	@Bean
	IngestRunStore ingestRunStore(JdbcTemplate jdbc) {
		return new IngestRunStore(jdbc);
	}

	@Bean
	ItemQueries itemQueries(JdbcTemplate jdbc, JdbcItemRepository items, IdentifierNormalizer normalizer) {
		return new ItemQueries(jdbc, items, normalizer);
	}

	@Bean
	SourceFileReaders sourceFileReaders(IngestProperties properties, Clock clock) {
		return new SourceFileReaders(properties.csv(), properties.formats(), clock);
	}

	@Bean
	IngestService ingestService(Reconciler reconciler, IngestRunStore runs, SourceFileReaders readers,
			IngestProperties properties, Clock clock) {
		return new IngestService(reconciler, runs, readers, properties.batchSize(), clock);
	}

	@Bean
	@ConditionalOnProperty(name = "hub.ingest.drop.enabled", havingValue = "true", matchIfMissing = true)
	FileDropRoutes fileDropRoutes(IngestProperties properties, IngestService ingest) {
		return new FileDropRoutes(properties.drop().directory(), properties.drop().pollDelay(),
				(source, fileName, content) -> ingest.ingestFile(source, fileName, content, "file"));
	}

}
