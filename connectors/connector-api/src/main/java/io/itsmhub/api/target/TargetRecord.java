package io.itsmhub.api.target;

import java.util.Map;
import java.util.Objects;

/**
 * One record to create or update in a platform for one item, such as the CI record or the
 * asset record.
 *
 * @param role what the record is for the item, such as {@code ci} or {@code asset}; a
 * connector keeps one target record id per item and role
 * @param targetClass the platform's class, table, object type or asset type
 * @param fields the fields to send, by platform field name, in mapping order (kept as an
 * immutable {@link FieldValues}, without {@code null} values); values are {@code String},
 * {@code Long}, {@code BigDecimal}, {@code Boolean} or a {@code List} of those
 * @param matchOn the identifying fields and their values, by platform field name: what
 * the connector looks the platform record up by before creating it
 */
public record TargetRecord(String role, String targetClass, Map<String, Object> fields, Map<String, Object> matchOn) {

	public TargetRecord {
		Objects.requireNonNull(role, "role");
		Objects.requireNonNull(targetClass, "targetClass");
		// immutable and ordered; a FieldValues is both already, and is kept as it is
		fields = FieldValues.copyOf(fields);
		matchOn = FieldValues.copyOf(matchOn);
	}

}
