package io.itsmhub.api.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The identifiers an item carries, by type. Each type holds one or more values (several
 * MAC addresses, say). Values are as the source sent them; the reconciliation module
 * normalizes them.
 */
public final class Identifiers {

	private static final Identifiers NONE = new Identifiers(new EnumMap<>(IdentifierType.class));

	private final Map<IdentifierType, List<String>> values;

	private Identifiers(EnumMap<IdentifierType, List<String>> values) {
		this.values = Collections.unmodifiableMap(values);
	}

	public static Identifiers none() {
		return NONE;
	}

	public static Identifiers of(Map<IdentifierType, List<String>> values) {
		EnumMap<IdentifierType, List<String>> copy = new EnumMap<>(IdentifierType.class);
		values.forEach((type, list) -> {
			if (list != null && !list.isEmpty()) {
				copy.put(type, List.copyOf(list));
			}
		});
		return copy.isEmpty() ? NONE : new Identifiers(copy);
	}

	public static Identifiers of(IdentifierType type, String value) {
		return of(Map.of(type, List.of(value)));
	}

	/** The values of one type, empty when the item has none. */
	public List<String> get(IdentifierType type) {
		return this.values.getOrDefault(type, List.of());
	}

	/** The first value of one type, or {@code null}. */
	public String first(IdentifierType type) {
		List<String> list = this.values.get(type);
		return (list != null) ? list.get(0) : null;
	}

	public Map<IdentifierType, List<String>> asMap() {
		return this.values;
	}

	public boolean isEmpty() {
		return this.values.isEmpty();
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Identifiers that) && this.values.equals(that.values);
	}

	@Override
	public int hashCode() {
		return this.values.hashCode();
	}

	@Override
	public String toString() {
		return this.values.toString();
	}

}
