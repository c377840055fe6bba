package io.itsmhub.reconciliation.item;

import java.time.Instant;
import java.util.List;

/**
 * Identifiers of one incoming record that point at different items. The hub never merges
 * such items on its own: it records the conflict for a person to decide.
 *
 * @param keyType the rule whose key collided, such as {@code serial_number}
 * @param keyValue the normalized value that collided
 * @param itemIds the items the key and the record's other identifiers point at
 * @param source the source of the incoming record
 * @param sourceKey the incoming record's key
 * @param reason what happened, in words
 * @param detectedAt when it was found
 */
public record Conflict(String keyType, String keyValue, List<String> itemIds, String source, String sourceKey,
		String reason, Instant detectedAt) {

	public Conflict {
		itemIds = List.copyOf(itemIds);
	}

}
