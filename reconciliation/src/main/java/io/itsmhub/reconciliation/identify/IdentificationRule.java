package io.itsmhub.reconciliation.identify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.model.IdentifierType;

/**
 * One identification rule: the identifiers (and attributes) that together name one item.
 * A rule of several terms, such as {@code serial_number+manufacturer}, keeps
 * vendor-reused serials apart; {@code serial_number+name} keeps VM clones apart.
 */
public final class IdentificationRule {

	private final String name;

	private final List<Term> terms;

	private IdentificationRule(String name, List<Term> terms) {
		this.name = name;
		this.terms = terms;
	}

	/**
	 * Parses a rule written as terms joined by {@code +}: identifier types
	 * ({@code serial_number}, {@code mac_address}, ...), {@code name}, or attributes
	 * ({@code manufacturer}, {@code attributes.manufacturer}).
	 * @throws IllegalArgumentException naming the term that is not known
	 */
	public static IdentificationRule parse(String text) {
		List<Term> terms = new ArrayList<>();
		int identifierTerms = 0;
		for (String part : text.split("\\+")) {
			String term = part.trim();
			if (term.isEmpty()) {
				throw new IllegalArgumentException("rule '" + text + "' has an empty term");
			}
			IdentifierType type = IdentifierType.fromId(term).orElse(null);
			if (type != null) {
				terms.add(new Term(type, null));
				identifierTerms++;
			}
			else if (term.equals("name")) {
				terms.add(new Term(null, "name"));
			}
			else {
				String attribute = term.startsWith("attributes.") ? term.substring("attributes.".length()) : term;
				if (!attribute.matches("[a-z][a-z0-9_]*")) {
					throw new IllegalArgumentException("rule '" + text + "': '" + term
							+ "' is neither an identifier type, 'name', nor an attribute name");
				}
				terms.add(new Term(null, attribute));
			}
		}
		if (identifierTerms == 0) {
			throw new IllegalArgumentException(
					"rule '" + text + "' names no identifier type (" + IdentifierType.wireNames() + ")");
		}
		return new IdentificationRule(text.replace(" ", ""), List.copyOf(terms));
	}

	public String name() {
		return this.name;
	}

	/** The identifier types this rule reads. */
	public List<IdentifierType> identifierTypes() {
		return this.terms.stream().filter((term) -> term.type != null).map(Term::type).toList();
	}

	/**
	 * The keys this rule gives an item: none when one of its terms is missing, several
	 * when a term has several values (MAC addresses).
	 */
	public List<IdentityKey> keys(DiscoveredItem item, Map<IdentifierType, Set<String>> normalized) {
		List<String> combined = List.of("");
		for (Term term : this.terms) {
			List<String> values;
			if (term.type != null) {
				Set<String> set = normalized.get(term.type);
				if (set == null || set.isEmpty()) {
					return List.of();
				}
				values = List.copyOf(set);
			}
			else {
				String value = term.attribute.equals("name") ? item.name()
						: text(item.attributes().get(term.attribute));
				if (value == null || value.isBlank()) {
					return List.of();
				}
				values = List.of(Text.collapseSpaces(value).toLowerCase(Locale.ROOT));
			}
			combined = combine(combined, values);
		}
		List<IdentityKey> keys = new ArrayList<>(combined.size());
		for (String value : combined) {
			keys.add(new IdentityKey(this.name, value));
		}
		return keys;
	}

	private static List<String> combine(List<String> prefixes, List<String> values) {
		List<String> out = new ArrayList<>(prefixes.size() * values.size());
		for (String prefix : prefixes) {
			for (String value : values) {
				out.add(prefix.isEmpty() ? value : prefix + "|" + value);
			}
		}
		return out;
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	@Override
	public String toString() {
		return this.name;
	}

	private record Term(IdentifierType type, String attribute) {

	}

}
