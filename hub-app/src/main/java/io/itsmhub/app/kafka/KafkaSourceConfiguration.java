package io.itsmhub.app.kafka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.ingest.RecordRejection;
import io.itsmhub.app.ingest.IngestService;
import io.itsmhub.app.ingest.SourceFormat;
import io.itsmhub.app.ingest.UnreadableFileException;
import io.itsmhub.routes.ingest.KafkaMessageHandler;
import io.itsmhub.routes.ingest.KafkaSourceRoutes;

/** Reads the configured Kafka topics when {@code hub.kafka.brokers} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("hub.kafka.brokers")
public class KafkaSourceConfiguration {

	@Bean
	KafkaSourceRoutes kafkaSourceRoutes(KafkaSourceProperties properties, IngestService ingest) {
		Map<String, String> topics = new LinkedHashMap<>();
		List<String> errors = new ArrayList<>();
		properties.sources().forEach((source, config) -> {
			try {
				IngestService.checkSource(source);
			}
			catch (IllegalArgumentException ex) {
				errors.add("hub.kafka.sources." + source + ": " + ex.getMessage());
			}
			if (config.topic() == null || config.topic().isBlank()) {
				errors.add("hub.kafka.sources." + source + ".topic: is required");
			}
			topics.put(source, config.topic());
		});
		if (!errors.isEmpty()) {
			throw new IllegalStateException(String.join("; ", errors));
		}
		return new KafkaSourceRoutes(properties.brokers(), properties.groupId(), topics,
				handler(properties.sources(), ingest));
	}

	static KafkaMessageHandler handler(Map<String, KafkaSourceProperties.Source> sources, IngestService ingest) {
		return (source, key, value, label) -> {
			KafkaSourceProperties.Source config = sources.get(source);
			SourceFormat format = (config != null && config.format() != null) ? config.format() : ingest.format(source);
			ParsedRecords records;
			try {
				records = ingest.read(source, format, (value != null) ? value : new byte[0]);
			}
			catch (UnreadableFileException ex) {
				// an unreadable message is a rejected record, not a failure: a failure
				// would stop the partition on it for ever
				records = new ParsedRecords(List.of(),
						List.of(RecordRejection.of(0, key, "(message)", ex.getMessage())));
			}
			ingest.ingestParsed(source, records, "kafka", label + ((key != null) ? " key " + key : ""));
		};
	}

}
