package io.itsmhub.routes;

/** Stable route and step ids, for tests and operations. */
public final class RouteIds {

	/** Reads the file-drop folder. */
	public static final String INGEST_FILE_DROP = "ingest-file-drop";

	/** The step that hands a dropped file to the ingest service. */
	public static final String INGEST_FILE_STEP = "ingest-file";

	/**
	 * Prefix of the route that reads one source's Kafka topic:
	 * {@code ingest-kafka-<source>}.
	 */
	public static final String INGEST_KAFKA_PREFIX = "ingest-kafka-";

	/**
	 * The step that hands a Kafka message to the ingest service, {@code -<source>}
	 * appended.
	 */
	public static final String INGEST_KAFKA_STEP = "ingest-kafka-message";

	/**
	 * The step that commits a message's offset once stored, {@code -<source>} appended.
	 */
	public static final String INGEST_KAFKA_COMMIT = "ingest-kafka-commit";

	/** Prefix of the route that pulls one source's REST API: {@code pull-<source>}. */
	public static final String PULL_PREFIX = "pull-";

	/** The kafka route of a source. */
	public static String ingestKafka(String source) {
		return INGEST_KAFKA_PREFIX + source;
	}

	/** The pull route of a source. */
	public static String pull(String source) {
		return PULL_PREFIX + source;
	}

	private RouteIds() {
	}

}
