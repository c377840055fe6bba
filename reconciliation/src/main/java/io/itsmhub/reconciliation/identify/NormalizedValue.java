package io.itsmhub.reconciliation.identify;

import io.itsmhub.api.model.IdentifierType;

/**
 * An identifier after normalization: trimmed, case folded, in one canonical form per
 * type.
 *
 * @param type the identifier type
 * @param value the normalized value
 */
public record NormalizedValue(IdentifierType type, String value) {

	@Override
	public String toString() {
		return this.type.id() + ":" + this.value;
	}

}
