package io.itsmhub.api.ingest;

/**
 * Where source adapters hand their records: the hub identifies, reconciles and stores
 * them, one record at a time in effect, so a bad record never stops the good ones.
 */
public interface ItemSink {

	/**
	 * Identify, reconcile and store records of one source.
	 * @param source the source name
	 * @param records what the adapter read, with what it rejected already
	 * @return the outcome, including the adapter's rejections
	 */
	IngestReport accept(String source, ParsedRecords records);

}
