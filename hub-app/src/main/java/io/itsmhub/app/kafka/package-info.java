/**
 * Kafka topic sources: per configured source a topic whose messages hold canonical items
 * or the source's own format, ingested with offsets committed only once stored.
 */
package io.itsmhub.app.kafka;
