package io.itsmhub.app.kafka;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.itsmhub.app.ingest.SourceFormat;

/**
 * Kafka topic sources.
 *
 * @param brokers the bootstrap servers ({@code host:port,...}); without them no topic is
 * read
 * @param groupId the consumer group every hub instance joins, so instances split the
 * partitions
 * @param sources per source name, its topic
 */
@ConfigurationProperties("hub.kafka")
public record KafkaSourceProperties(String brokers, @DefaultValue("itsm-hub") String groupId,
		@DefaultValue Map<String, Source> sources) {

	/**
	 * One source's topic.
	 *
	 * @param topic the topic; its messages are keyed by the item's source key, so one
	 * item's messages stay in order on one partition
	 * @param format what the messages hold; the source's {@code hub.ingest.formats} entry
	 * (canonical by default) when not given
	 */
	public record Source(String topic, SourceFormat format) {

	}

}
