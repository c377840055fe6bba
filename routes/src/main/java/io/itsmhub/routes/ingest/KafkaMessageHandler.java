package io.itsmhub.routes.ingest;

/** What the Kafka source route hands each message to. */
public interface KafkaMessageHandler {

	/**
	 * Ingests one message of one source and returns once its items are stored.
	 * @param source the source the topic belongs to
	 * @param key the message key, may be {@code null}
	 * @param value the message value
	 * @param label where it came from ({@code topic/partition@offset}), for the run
	 * record
	 * @throws RuntimeException when the items could not be stored; the offset is then not
	 * committed and the message is read again
	 */
	void handle(String source, String key, byte[] value, String label);

}
