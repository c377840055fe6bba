package io.itsmhub.reconciliation.identify;

/**
 * What the store indexes items by: the rule that made the key and the normalized value(s)
 * it combines. Each key belongs to at most one item.
 *
 * @param type the rule's name, such as {@code serial_number} or
 * {@code serial_number+manufacturer}; {@code source_key} for a source's own record key
 * @param value the normalized value; combined values are joined with {@code |}
 */
public record IdentityKey(String type, String value) {

	@Override
	public String toString() {
		return this.type + ":" + this.value;
	}

}
