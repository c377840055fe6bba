package io.itsmhub.mappings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.LifecycleFacts;
import io.itsmhub.api.model.LifecycleFacts.FactName;
import io.itsmhub.api.model.Money;

/**
 * A path into the canonical item, such as {@code identifiers.serial_number} or
 * {@code facts.purchase_cost.amount}, resolved once at compile time into a fast accessor.
 * Only paths the canonical model has are accepted; attributes are open (sources send any
 * configuration attribute), so any attribute name is.
 *
 * @param text the path as written
 * @param kind what kind of value it gives
 * @param accessor reads the value from an item; {@code null} when the item has none
 */
record ItemPath(String text, ValueKind kind, Function<DiscoveredItem, Object> accessor) {

	/** What kind of value a path gives, so that misuse is caught at compile time. */
	enum ValueKind {

		TEXT, INTEGER, DATE, DATETIME, DECIMAL, MONEY, DEPRECIATION, TEXT_LIST, ANY

	}

	/** Every fixed path, for error messages that suggest the closest one. */
	static final List<String> KNOWN_PATHS;

	static {
		List<String> known = new ArrayList<>(List.of("name", "ciClass", "source", "sourceKey", "sourceNativeKey",
				"observedAt", "facts.purchase_cost.amount", "facts.purchase_cost.currency", "facts.depreciation.method",
				"facts.depreciation.months"));
		Arrays.stream(IdentifierType.values())
			.filter((type) -> type != IdentifierType.SOURCE_KEY)
			.forEach((type) -> known.add("identifiers." + type.id()));
		FactName.ALL.forEach((fact) -> known.add("facts." + fact));
		KNOWN_PATHS = List.copyOf(known);
	}

	Object read(DiscoveredItem item) {
		return this.accessor.apply(item);
	}

	/**
	 * Resolves a path.
	 * @throws IllegalArgumentException with an actionable message when the canonical
	 * model has no such path
	 */
	static ItemPath resolve(String path) {
		String[] parts = path.split("\\.", -1);
		for (String part : parts) {
			if (part.isEmpty()) {
				throw new IllegalArgumentException("'" + path + "' is not a path: it has an empty segment");
			}
		}
		switch (parts[0]) {
			case "name":
				return simple(path, parts, ValueKind.TEXT, DiscoveredItem::name);
			case "ciClass":
				return simple(path, parts, ValueKind.TEXT, (item) -> item.ciClass().id());
			case "source":
				return simple(path, parts, ValueKind.TEXT, DiscoveredItem::source);
			case "sourceKey":
				return simple(path, parts, ValueKind.TEXT, DiscoveredItem::sourceKey);
			case "sourceNativeKey":
				return simple(path, parts, ValueKind.TEXT, DiscoveredItem::sourceNativeKey);
			case "observedAt":
				return simple(path, parts, ValueKind.DATETIME, DiscoveredItem::observedAt);
			case "identifiers":
				return identifier(path, parts);
			case "attributes":
				return attribute(path, parts);
			case "facts":
				return fact(path, parts);
			default:
				throw unknown(path);
		}
	}

	private static ItemPath simple(String path, String[] parts, ValueKind kind,
			Function<DiscoveredItem, Object> accessor) {
		if (parts.length > 1) {
			throw new IllegalArgumentException("'" + path + "' goes below '" + parts[0] + "', which is a plain value");
		}
		return new ItemPath(path, kind, accessor);
	}

	private static ItemPath identifier(String path, String[] parts) {
		if (parts.length != 2) {
			throw new IllegalArgumentException("'" + path
					+ "' is not an identifier path; write identifiers.<type>, such as identifiers.serial_number");
		}
		IdentifierType type = IdentifierType.fromId(parts[1])
			.orElseThrow(() -> new IllegalArgumentException("'" + parts[1] + "' is not an identifier type"
					+ suggestion(path) + "; known types are " + IdentifierType.wireNames()));
		if (type.multiValued()) {
			return new ItemPath(path, ValueKind.TEXT_LIST, (item) -> {
				List<String> values = item.identifiers().get(type);
				return values.isEmpty() ? null : values;
			});
		}
		return new ItemPath(path, ValueKind.TEXT, (item) -> item.identifiers().first(type));
	}

	private static ItemPath attribute(String path, String[] parts) {
		if (parts.length < 2) {
			throw new IllegalArgumentException(
					"'attributes' is the whole attribute map; name one, such as attributes.os");
		}
		String[] keys = Arrays.copyOfRange(parts, 1, parts.length);
		return new ItemPath(path, ValueKind.ANY, (item) -> {
			Object value = item.attributes().get(keys[0]);
			for (int i = 1; i < keys.length && value != null; i++) {
				value = (value instanceof Map<?, ?> map) ? map.get(keys[i]) : null;
			}
			return value;
		});
	}

	private static ItemPath fact(String path, String[] parts) {
		if (parts.length < 2 || !FactName.ALL.contains(parts[1])) {
			throw new IllegalArgumentException(((parts.length < 2) ? "'facts' is all facts; name one"
					: "'" + parts[1] + "' is not a fact" + suggestion(path)) + "; known facts are "
					+ String.join(", ", FactName.ALL));
		}
		String fact = parts[1];
		if (parts.length == 2) {
			switch (fact) {
				case FactName.PURCHASE_COST:
					return new ItemPath(path, ValueKind.MONEY, (item) -> item.facts().purchaseCost());
				case FactName.PURCHASE_DATE:
					return new ItemPath(path, ValueKind.DATE, (item) -> item.facts().purchaseDate());
				case FactName.WARRANTY_EXPIRES:
					return new ItemPath(path, ValueKind.DATE, (item) -> item.facts().warrantyExpires());
				case FactName.LIFECYCLE_STATUS:
					return new ItemPath(path, ValueKind.TEXT, (item) -> {
						LifecycleFacts facts = item.facts();
						return (facts.lifecycleStatus() != null) ? facts.lifecycleStatus().id() : null;
					});
				case FactName.DEPRECIATION:
					return new ItemPath(path, ValueKind.DEPRECIATION, (item) -> item.facts().depreciation());
				case FactName.OWNER:
					return new ItemPath(path, ValueKind.TEXT, (item) -> item.facts().owner());
				case FactName.COST_CENTER:
					return new ItemPath(path, ValueKind.TEXT, (item) -> item.facts().costCenter());
				case FactName.CONTRACT_ID:
					return new ItemPath(path, ValueKind.TEXT, (item) -> item.facts().contractId());
				case FactName.VENDOR:
					return new ItemPath(path, ValueKind.TEXT, (item) -> item.facts().vendor());
				case FactName.LOCATION:
					return new ItemPath(path, ValueKind.TEXT, (item) -> item.facts().location());
				default:
					throw unknown(path);
			}
		}
		if (parts.length == 3 && fact.equals(FactName.PURCHASE_COST)) {
			if (parts[2].equals("amount")) {
				return new ItemPath(path, ValueKind.DECIMAL, (item) -> {
					Money money = item.facts().purchaseCost();
					return (money != null) ? money.amount() : null;
				});
			}
			if (parts[2].equals("currency")) {
				return new ItemPath(path, ValueKind.TEXT, (item) -> {
					Money money = item.facts().purchaseCost();
					return (money != null) ? money.currency() : null;
				});
			}
		}
		if (parts.length == 3 && fact.equals(FactName.DEPRECIATION)) {
			if (parts[2].equals("method")) {
				return new ItemPath(path, ValueKind.TEXT,
						(item) -> (item.facts().depreciation() != null) ? item.facts().depreciation().method() : null);
			}
			if (parts[2].equals("months")) {
				return new ItemPath(path, ValueKind.INTEGER, (item) -> {
					Integer months = (item.facts().depreciation() != null) ? item.facts().depreciation().months()
							: null;
					return (months != null) ? (Object) months.longValue() : null;
				});
			}
		}
		throw new IllegalArgumentException("'" + path + "' is not a fact path" + suggestion(path)
				+ "; below facts.purchase_cost are amount and currency, below facts.depreciation method and months, "
				+ "the other facts are plain values");
	}

	private static IllegalArgumentException unknown(String path) {
		return new IllegalArgumentException("'" + path + "' is not a path of the canonical item" + suggestion(path)
				+ "; paths start with name, ciClass, source, sourceKey, sourceNativeKey, observedAt, identifiers., "
				+ "attributes. or facts.");
	}

	/**
	 * ", did you mean 'x'?" for the closest known path, or nothing when none is close.
	 */
	static String suggestion(String path) {
		return KNOWN_PATHS.stream()
			.min(Comparator.comparingInt((known) -> distance(known, path)))
			.filter((known) -> distance(known, path) <= Math.max(2, path.length() / 4))
			.map((known) -> ", did you mean '" + known + "'?")
			.orElse("");
	}

	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
