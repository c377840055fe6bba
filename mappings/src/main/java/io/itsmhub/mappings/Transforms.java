package io.itsmhub.mappings;

import java.text.DecimalFormat;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The named transforms and value maps as both directions compile them: the outbound
 * mapping ({@link MappingCompiler}) and the inbound source mapping
 * ({@link SourceMapping}). Compiling checks each argument (a regular expression, a date
 * or number pattern, a defined lookup) and reports what is wrong at the transform's path,
 * so a compiled step cannot be invalid.
 */
final class Transforms {

	/**
	 * The transforms compiled here. The outbound mapping adds those that need its
	 * context: {@code truncate} without a length (the catalog's maximum length),
	 * {@code currency} (a money value) and {@code template} (item paths).
	 */
	static final Set<String> SHARED = Set.of("trim", "upper", "lower", "first", "join", "truncate", "replace",
			"dateFormat", "numberFormat", "lookup");

	/** Where compile errors go: the path at fault and what to do about it. */
	interface Errors {

		void error(String path, String message);

	}

	private Transforms() {
	}

	/**
	 * Compiles one shared transform.
	 * @param path the transform's path, such as
	 * {@code records.ci.fields.name.transforms[0]}
	 * @param name one of {@link #SHARED}
	 * @param argument its argument, or {@code null}
	 * @param lookups the document's value maps
	 * @return the step, or {@code null} when the argument is wrong (reported) or missing
	 */
	static Step compile(String path, String name, JsonNode argument, Map<String, LookupTable> lookups, Errors errors) {
		switch (name) {
			case "trim":
				return Step.trim();
			case "upper":
				return Step.upper();
			case "lower":
				return Step.lower();
			case "first":
				return Step.first();
			case "join":
				return Step.join((argument != null) ? argument.asText() : ", ");
			case "truncate":
				return (argument != null && argument.canConvertToInt()) ? Step.truncate(argument.asInt()) : null;
			case "replace": {
				String pattern = (argument != null) ? argument.path("pattern").asText(null) : null;
				String with = (argument != null) ? argument.path("with").asText(null) : null;
				if (pattern == null || with == null) {
					return null;
				}
				try {
					Pattern compiled = Pattern.compile(pattern);
					// fail here, not on the first item, when with names a group the
					// pattern lacks
					compiled.matcher("").replaceAll(with);
					return Step.replace(compiled, with);
				}
				catch (PatternSyntaxException ex) {
					errors.error(path + ".replace.pattern", "is not a valid regular expression: " + ex.getDescription()
							+ " near index " + ex.getIndex());
				}
				catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
					errors.error(path + ".replace.with", "is not a valid replacement: " + ex.getMessage());
				}
				return null;
			}
			case "dateFormat": {
				String pattern = (argument != null) ? argument.asText() : "";
				try {
					return Step.dateFormat(DateTimeFormatter.ofPattern(pattern, Locale.ROOT), pattern);
				}
				catch (IllegalArgumentException ex) {
					errors.error(path + ".dateFormat",
							"is not a valid date pattern: " + ex.getMessage() + "; for example yyyy-MM-dd HH:mm:ss");
					return null;
				}
			}
			case "numberFormat": {
				String pattern = (argument != null) ? argument.asText() : "";
				try {
					new DecimalFormat(pattern);
					return Step.numberFormat(pattern);
				}
				catch (IllegalArgumentException ex) {
					errors.error(path + ".numberFormat",
							"is not a valid number pattern: " + ex.getMessage() + "; for example 0.00");
					return null;
				}
			}
			case "lookup": {
				String lookup = (argument != null) ? argument.asText() : "";
				LookupTable table = lookups.get(lookup);
				if (table == null) {
					errors.error(path + ".lookup",
							"lookup '" + lookup + "' is not defined in lookups" + closest(lookups.keySet(), lookup)
									+ (lookups.isEmpty() ? "; define it under lookups"
											: "; defined lookups are " + String.join(", ", lookups.keySet())));
					return null;
				}
				return Step.lookup(lookup, table.values(), table.defaultValue(), table.passThrough(),
						table.ignoreCase());
			}
			default:
				return null;
		}
	}

	/** Compiles the {@code lookups} section of a document. */
	static Map<String, LookupTable> readLookups(JsonNode node, Errors errors) {
		Map<String, LookupTable> lookups = new LinkedHashMap<>();
		for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> entry = it.next();
			JsonNode lookup = entry.getValue();
			boolean ignoreCase = lookup.path("ignoreCase").asBoolean(false);
			Map<String, Object> values = new LinkedHashMap<>();
			for (Iterator<Map.Entry<String, JsonNode>> values2 = lookup.path("values").fields(); values2.hasNext();) {
				Map.Entry<String, JsonNode> value = values2.next();
				String key = ignoreCase ? value.getKey().toLowerCase(Locale.ROOT) : value.getKey();
				if (values.containsKey(key)) {
					errors.error("lookups." + entry.getKey() + ".values." + value.getKey(),
							"matches another key when case is ignored; keep one");
				}
				values.put(key, scalar(value.getValue()));
			}
			lookups.put(entry.getKey(), new LookupTable(values, scalar(lookup.get("default")),
					lookup.path("passThrough").asBoolean(false), ignoreCase));
		}
		return lookups;
	}

	/** A YAML scalar as a mapping value: text, boolean, long or decimal. */
	static Object scalar(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (node.isTextual()) {
			return node.textValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isIntegralNumber() && node.canConvertToLong()) {
			return node.longValue();
		}
		if (node.isNumber()) {
			return node.decimalValue();
		}
		return node.toString();
	}

	/** {@code ", did you mean 'x'?"} for the closest candidate, or nothing. */
	static String closest(Iterable<String> candidates, String wanted) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : candidates) {
			int distance = ItemPath.distance(candidate.toLowerCase(Locale.ROOT), wanted.toLowerCase(Locale.ROOT));
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return (best != null && bestDistance <= Math.max(2, wanted.length() / 3)) ? ", did you mean '" + best + "'?"
				: "";
	}

}
