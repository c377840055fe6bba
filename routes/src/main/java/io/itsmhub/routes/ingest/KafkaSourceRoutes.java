package io.itsmhub.routes.ingest;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

import io.itsmhub.routes.RouteIds;

/**
 * One route per Kafka source: reads the source's topic and hands each message to the
 * ingest service. Offsets are committed by hand, and only after the service returned, so
 * a message is never lost to a crash between reading and storing it. A malformed message
 * is not an error here (the service records it as a rejected record), so it never blocks
 * its partition; a failure to store is, and with {@code breakOnFirstError} the consumer
 * goes back to the uncommitted message and reads it again.
 */
public class KafkaSourceRoutes extends RouteBuilder {

	private final String brokers;

	private final String groupId;

	private final Map<String, String> topics;

	private final KafkaMessageHandler handler;

	/**
	 * @param brokers the bootstrap servers
	 * @param groupId the consumer group every hub instance joins, so instances split the
	 * partitions
	 * @param topics per source, its topic
	 * @param handler who ingests each message
	 */
	public KafkaSourceRoutes(String brokers, String groupId, Map<String, String> topics, KafkaMessageHandler handler) {
		this.brokers = brokers;
		this.groupId = groupId;
		this.topics = Map.copyOf(topics);
		this.handler = handler;
	}

	@Override
	public void configure() {
		this.topics.forEach((source,
				topic) -> from("kafka:" + topic + "?brokers=" + this.brokers + "&groupId=" + this.groupId
						+ "&autoOffsetReset=earliest&autoCommitEnable=false&allowManualCommit=true"
						+ "&breakOnFirstError=true&maxPollRecords=500"
						+ "&keyDeserializer=org.apache.kafka.common.serialization.StringDeserializer"
						+ "&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer")
					.routeId(RouteIds.ingestKafka(source))
					.process((exchange) -> this.handler.handle(source,
							exchange.getIn().getHeader(KafkaConstants.KEY, String.class),
							exchange.getIn().getBody(byte[].class), label(topic, exchange)))
					.id(RouteIds.INGEST_KAFKA_STEP + "-" + source)
					.process(KafkaSourceRoutes::commit)
					.id(RouteIds.INGEST_KAFKA_COMMIT + "-" + source));
	}

	private static String label(String topic, Exchange exchange) {
		return topic + "/" + exchange.getIn().getHeader(KafkaConstants.PARTITION) + "@"
				+ exchange.getIn().getHeader(KafkaConstants.OFFSET);
	}

	private static void commit(Exchange exchange) {
		KafkaManualCommit commit = exchange.getIn().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
		if (commit != null) {
			commit.commit();
		}
	}

}
