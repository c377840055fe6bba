package io.itsmhub.simulators.servicenow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A ServiceNow encoded query ({@code sysparm_query}): conditions joined by {@code ^}
 * (AND) and {@code ^OR} (OR, binding to the condition before it, as on the platform),
 * groups joined by {@code ^NQ}, and {@code ORDERBY}/{@code ORDERBYDESC}. Operators:
 * {@code = != > >= < <= IN NOT IN LIKE NOT LIKE STARTSWITH ENDSWITH ISEMPTY ISNOTEMPTY}.
 * Comparison is case-insensitive, as on a default instance. A condition on an unknown
 * column is dropped, as the platform does by default, so a misspelt column widens the
 * result instead of failing.
 */
final class EncodedQuery {

	private static final Pattern CONDITION = Pattern.compile(
			"([a-z0-9_.]+)(!=|>=|<=|=|>|<|NOT IN|IN|NOT LIKE|NOTLIKE|LIKE|STARTSWITH|ENDSWITH|ISNOTEMPTY|ISEMPTY)(.*)",
			Pattern.DOTALL);

	private final List<List<List<Condition>>> groups;

	private final List<Order> orders;

	private EncodedQuery(List<List<List<Condition>>> groups, List<Order> orders) {
		this.groups = groups;
		this.orders = orders;
	}

	/**
	 * Parses a query.
	 * @param query the encoded query, may be {@code null}
	 * @param knownField tells whether a (possibly dot-walked) column exists
	 * @return the parsed query
	 */
	static EncodedQuery parse(String query, Predicate<String> knownField) {
		List<List<List<Condition>>> groups = new ArrayList<>();
		List<Order> orders = new ArrayList<>();
		if (query == null || query.isBlank()) {
			return new EncodedQuery(groups, orders);
		}
		for (String groupText : query.split("\\^NQ")) {
			// Each inner list is a run of OR-ed conditions; the runs are AND-ed.
			List<List<Condition>> group = new ArrayList<>();
			for (String term : groupText.split("\\^")) {
				if (term.isEmpty() || term.equals("EQ")) {
					continue;
				}
				if (term.startsWith("ORDERBYDESC")) {
					orders.add(new Order(term.substring("ORDERBYDESC".length()), true));
					continue;
				}
				if (term.startsWith("ORDERBY")) {
					orders.add(new Order(term.substring("ORDERBY".length()), false));
					continue;
				}
				boolean or = term.startsWith("OR") && !group.isEmpty();
				Condition condition = Condition.parse(or ? term.substring(2) : term);
				if (condition == null || !knownField.test(condition.field)) {
					continue;
				}
				if (or) {
					group.get(group.size() - 1).add(condition);
				}
				else {
					group.add(new ArrayList<>(List.of(condition)));
				}
			}
			groups.add(group);
		}
		return new EncodedQuery(groups, orders);
	}

	/**
	 * Whether a record matches.
	 * @param record the record
	 * @param valueOf reads a possibly dot-walked column of a record
	 * @return whether it matches
	 */
	boolean matches(Map<String, String> record, BiFunction<Map<String, String>, String, String> valueOf) {
		if (this.groups.isEmpty()) {
			return true;
		}
		for (List<List<Condition>> group : this.groups) {
			boolean all = true;
			for (List<Condition> anyOf : group) {
				if (anyOf.stream().noneMatch((c) -> c.test(valueOf.apply(record, c.field)))) {
					all = false;
					break;
				}
			}
			if (all) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Values of indexed columns one of which every match must have, so the candidates can
	 * come from the index instead of a scan: the terms of an OR-run of {@code =} and
	 * {@code IN} conditions on indexed columns (such as
	 * {@code ciINa,b^ORserial_numberINc}).
	 * @return the column and value pairs, or {@code null} when the query has no such run
	 */
	List<Map.Entry<String, String>> indexedValues() {
		if (this.groups.size() != 1) {
			return null;
		}
		for (List<Condition> anyOf : this.groups.get(0)) {
			if (anyOf.stream()
				.allMatch((c) -> TableStore.INDEXED.contains(c.field)
						&& ((c.operator.equals("=") && !c.value.isEmpty()) || c.operator.equals("IN")))) {
				List<Map.Entry<String, String>> values = new ArrayList<>();
				for (Condition condition : anyOf) {
					if (condition.operator.equals("=")) {
						values.add(Map.entry(condition.field, condition.value));
					}
					else {
						condition.values.forEach((value) -> values.add(Map.entry(condition.field, value)));
					}
				}
				return values;
			}
		}
		return null;
	}

	Comparator<Map<String, String>> ordering(BiFunction<Map<String, String>, String, String> valueOf) {
		Comparator<Map<String, String>> comparator = (a, b) -> 0;
		for (Order order : this.orders) {
			Comparator<Map<String, String>> next = Comparator.comparing(
					(Map<String, String> r) -> nullToEmpty(valueOf.apply(r, order.field)), EncodedQuery::compareValues);
			comparator = comparator.thenComparing(order.descending ? next.reversed() : next);
		}
		return comparator;
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

	static int compareValues(String a, String b) {
		BigDecimal left = number(a);
		BigDecimal right = number(b);
		if (left != null && right != null) {
			return left.compareTo(right);
		}
		return a.compareToIgnoreCase(b);
	}

	private static BigDecimal number(String value) {
		try {
			return (value == null || value.isEmpty()) ? null : new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private record Order(String field, boolean descending) {
	}

	/**
	 * One condition; the values of {@code IN} and {@code NOT IN} are split once, not per
	 * record tested.
	 */
	private record Condition(String field, String operator, String value, Set<String> values) {

		static Condition parse(String text) {
			Matcher matcher = CONDITION.matcher(text);
			if (!matcher.matches()) {
				return null;
			}
			String value = matcher.group(3);
			Set<String> values = Arrays.stream(value.split(","))
				.map((v) -> v.trim().toLowerCase(Locale.ROOT))
				.collect(Collectors.toCollection(LinkedHashSet::new));
			return new Condition(matcher.group(1), matcher.group(2), value, values);
		}

		boolean test(String actual) {
			String have = (actual != null) ? actual : "";
			String haveLower = have.toLowerCase(Locale.ROOT);
			String wantLower = this.value.toLowerCase(Locale.ROOT);
			return switch (this.operator) {
				case "=" -> haveLower.equals(wantLower);
				case "!=" -> !haveLower.equals(wantLower);
				case ">" -> !have.isEmpty() && compareValues(have, this.value) > 0;
				case ">=" -> !have.isEmpty() && compareValues(have, this.value) >= 0;
				case "<" -> !have.isEmpty() && compareValues(have, this.value) < 0;
				case "<=" -> !have.isEmpty() && compareValues(have, this.value) <= 0;
				case "IN" -> this.values.contains(haveLower);
				case "NOT IN" -> !this.values.contains(haveLower);
				case "LIKE" -> haveLower.contains(wantLower);
				case "NOT LIKE", "NOTLIKE" -> !haveLower.contains(wantLower);
				case "STARTSWITH" -> haveLower.startsWith(wantLower);
				case "ENDSWITH" -> haveLower.endsWith(wantLower);
				case "ISEMPTY" -> have.isEmpty();
				case "ISNOTEMPTY" -> !have.isEmpty();
				default -> false;
			};
		}

	}

}
