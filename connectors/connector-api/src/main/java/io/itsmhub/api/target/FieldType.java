package io.itsmhub.api.target;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The type of a platform field, as far as a mapping needs to know it. The JSON form of a
 * value of each type is fixed, so a connector can put it on the wire as it is.
 */
public enum FieldType {

	/** Text; a JSON string. */
	STRING,
	/** A whole number; a JSON integer ({@code Long}). */
	INTEGER,
	/** A decimal number; a JSON number ({@code BigDecimal}). */
	DECIMAL,
	/** {@code true} or {@code false}. */
	BOOLEAN,
	/**
	 * A calendar day; a string, ISO 8601 {@code 2026-11-29} unless the mapping formats
	 * it.
	 */
	DATE,
	/**
	 * An instant; a string, ISO 8601 {@code 2026-11-29T06:00:00Z} unless the mapping
	 * formats it.
	 */
	DATETIME,
	/**
	 * A reference to another platform record (a user, a cost center, a location) by a
	 * value the platform resolves, such as a display value or a key; a string.
	 */
	REFERENCE;

	/** The lower-case name used in mappings and catalogs. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<FieldType> fromId(String id) {
		return Arrays.stream(values()).filter((type) -> type.id().equals(id)).findFirst();
	}

	@Override
	public String toString() {
		return id();
	}

}
