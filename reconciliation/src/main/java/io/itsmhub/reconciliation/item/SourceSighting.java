package io.itsmhub.reconciliation.item;

import java.time.Instant;

/**
 * A source's record that contributes to an item.
 *
 * @param source the source name
 * @param sourceKey the record's key in that source
 * @param lastSeen when the source last reported it
 */
public record SourceSighting(String source, String sourceKey, Instant lastSeen) {

}
