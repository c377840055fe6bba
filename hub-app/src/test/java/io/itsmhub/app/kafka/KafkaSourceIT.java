package io.itsmhub.app.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Kafka topic source on an embedded KRaft broker: keyed canonical items and an AWS
 * Config topic, a malformed message rejected without blocking its partition, offsets
 * committed once the items are stored.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:hsqldb:mem:kafka-source-it",
		"hub.kafka.brokers=${spring.embedded.kafka.brokers}", "hub.kafka.group-id=kafka-source-it",
		"hub.kafka.sources.cmdb.topic=cmdb-items", "hub.kafka.sources.cloud.topic=aws-config-items",
		"hub.kafka.sources.cloud.format=aws-config" })
@EmbeddedKafka(kraft = true, partitions = 1, topics = { "cmdb-items", "aws-config-items" })
@ActiveProfiles("it")
class KafkaSourceIT {

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void keyedItemsAreStoredAMalformedMessageIsRejectedAndOffsetsCommittedAfterwards() throws Exception {
		try (KafkaProducer<String, byte[]> producer = producer()) {
			send(producer, "cmdb-items", "web-01", """
					{"sourceKey": "web-01", "ciClass": "server", "identifiers": {"serial_number": "KAFKA-0001"}}""");
			send(producer, "cmdb-items", "broken", "{\"sourceKey\": \"broken\", \"ciClass\": ");
			send(producer, "cmdb-items", "web-02", """
					{"sourceKey": "web-02", "ciClass": "server", "identifiers": {"serial_number": "KAFKA-0002"}}""");
			producer.flush();
		}
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.jdbc.queryForList(
					"SELECT source_key FROM item_sources WHERE source = 'cmdb' ORDER BY source_key", String.class))
				.containsExactly("web-01", "web-02"));
		// the malformed message is in the run record with its reason, under its key
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.jdbc
				.queryForList("SELECT r.reason FROM ingest_rejections r JOIN ingest_runs u ON u.id = r.run_id "
						+ "WHERE u.source = 'cmdb' AND u.origin = 'kafka' AND u.file_name LIKE 'cmdb-items/0@1 key broken'",
						String.class))
				.singleElement()
				.asString()
				.isNotBlank());
		// all three offsets are committed: the malformed one did not block the partition
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(committed("cmdb-items")).isEqualTo(3));
	}

	@Test
	void anAwsConfigTopicIsReadInItsFormat() throws Exception {
		byte[] notification = KafkaSourceIT.class.getResourceAsStream("/samples/cloud/aws-config/ec2.0.json")
			.readAllBytes();
		byte[] malformed = KafkaSourceIT.class.getResourceAsStream("/samples/cloud/aws-config/elb.malformed.json")
			.readAllBytes();
		try (KafkaProducer<String, byte[]> producer = producer()) {
			producer.send(new ProducerRecord<>("aws-config-items", "elb", malformed));
			producer.send(new ProducerRecord<>("aws-config-items", "ec2", notification));
			producer.flush();
		}
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(
					this.jdbc.queryForObject("SELECT COUNT(*) FROM item_sources WHERE source = 'cloud'", Integer.class))
				.isEqualTo(1));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.jdbc.queryForList(
					"SELECT r.field FROM ingest_rejections r JOIN ingest_runs u ON u.id = r.run_id WHERE u.source = 'cloud'",
					String.class))
				.containsExactly("configurationItem.awsAccountId"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(committed("aws-config-items")).isEqualTo(2));
	}

	private long committed(String topic) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers))) {
			Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("kafka-source-it")
				.partitionsToOffsetAndMetadata()
				.get();
			OffsetAndMetadata offset = offsets.get(new TopicPartition(topic, 0));
			return (offset != null) ? offset.offset() : -1;
		}
	}

	private KafkaProducer<String, byte[]> producer() {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
		return new KafkaProducer<>(config);
	}

	private static void send(KafkaProducer<String, byte[]> producer, String topic, String key, String value) {
		producer.send(new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8)));
	}

}
