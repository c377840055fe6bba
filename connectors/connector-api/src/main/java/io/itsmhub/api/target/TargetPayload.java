package io.itsmhub.api.target;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one platform should hold about one item, as its mapping produced it: the
 * records, the relations, and a hash of exactly what would be sent. An unchanged hash
 * means nothing needs to be sent again.
 *
 * @param platform the platform id, such as {@code servicenow}
 * @param itemId the hub's id of the item
 * @param records the records, in mapping order (the main record first)
 * @param relations the relations from the main record to other items
 * @param contentHash a stable hash (lower-case hex SHA-256) over the records and
 * relations; equal payloads have equal hashes, whatever the order the item's source gave
 * its values in
 */
public record TargetPayload(String platform, String itemId, List<TargetRecord> records, List<TargetRelation> relations,
		String contentHash) {

	public TargetPayload {
		Objects.requireNonNull(platform, "platform");
		Objects.requireNonNull(contentHash, "contentHash");
		records = List.copyOf(records);
		relations = List.copyOf(relations);
	}

	/** The record of a role, such as {@code asset}. */
	public Optional<TargetRecord> record(String role) {
		return this.records.stream().filter((record) -> record.role().equals(role)).findFirst();
	}

}
