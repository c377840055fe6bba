package io.itsmhub.simulators.jsmassets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import io.itsmhub.simulators.core.SimulatorException;

/**
 * The subset of the Assets Query Language the simulator understands: conditions
 * {@code attribute OP value} with {@code = == != < <= > >= LIKE NOT LIKE STARTSWITH
 * ENDSWITH IN (..) NOT IN (..) IS EMPTY IS NOT EMPTY}, joined by {@code AND}, {@code OR},
 * {@code NOT} and parentheses, and {@code ORDER BY attribute [ASC|DESC]}. Besides
 * attribute names (quoted when they contain spaces) it knows {@code objectSchemaId},
 * {@code objectSchema}, {@code objectType}, {@code objectTypeId}, {@code Key},
 * {@code objectId} and {@code objectType IN objectTypeAndChildren("X")}. {@code =} is
 * case-insensitive and {@code ==} case-sensitive, as on the platform. An unknown
 * attribute is an error (400), not an empty result.
 */
final class Aql {

	private final AssetsModel model;

	private final List<String> tokens;

	private int position;

	private Aql(AssetsModel model, List<String> tokens) {
		this.model = model;
		this.tokens = tokens;
	}

	/**
	 * A parsed query: the filter and the ordering.
	 */
	record Query(Predicate<AssetsObject> filter, Comparator<AssetsObject> order) {
	}

	static Query parse(AssetsModel model, String text) {
		if (text == null || text.isBlank()) {
			return new Query((o) -> true, Comparator.comparing((AssetsObject o) -> Integer.parseInt(o.id)));
		}
		Aql parser = new Aql(model, tokenize(text));
		Predicate<AssetsObject> filter = parser.peekKeyword("ORDER") ? (o) -> true : parser.or();
		Comparator<AssetsObject> order = Comparator.comparing((AssetsObject o) -> Integer.parseInt(o.id));
		if (parser.acceptKeyword("ORDER")) {
			parser.expectKeyword("BY");
			String name = parser.next();
			boolean descending = parser.acceptKeyword("DESC");
			if (!descending) {
				parser.acceptKeyword("ASC");
			}
			Comparator<AssetsObject> byValue = Comparator.comparing((AssetsObject o) -> parser.firstValue(o, name),
					Aql::compare);
			order = descending ? byValue.reversed() : byValue;
		}
		if (parser.position < parser.tokens.size()) {
			throw error("Unexpected '" + parser.tokens.get(parser.position) + "' in AQL: " + text);
		}
		return new Query(filter, order);
	}

	private static SimulatorException error(String message) {
		return new SimulatorException(400, message, null);
	}

	private static List<String> tokenize(String text) {
		List<String> tokens = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '"') {
				StringBuilder quoted = new StringBuilder("\"");
				i++;
				while (i < text.length() && text.charAt(i) != '"') {
					if (text.charAt(i) == '\\' && i + 1 < text.length()) {
						i++;
					}
					quoted.append(text.charAt(i++));
				}
				if (i >= text.length()) {
					throw error("Unterminated quote in AQL: " + text);
				}
				i++;
				tokens.add(quoted.toString());
			}
			else if ("(),".indexOf(c) >= 0) {
				tokens.add(String.valueOf(c));
				i++;
			}
			else if ("=!<>".indexOf(c) >= 0) {
				int start = i;
				while (i < text.length() && "=!<>".indexOf(text.charAt(i)) >= 0) {
					i++;
				}
				tokens.add(text.substring(start, i));
			}
			else {
				int start = i;
				while (i < text.length() && !Character.isWhitespace(text.charAt(i))
						&& "(),=!<>\"".indexOf(text.charAt(i)) < 0) {
					i++;
				}
				tokens.add(text.substring(start, i));
			}
		}
		return tokens;
	}

	private String next() {
		if (this.position >= this.tokens.size()) {
			throw error("Unexpected end of AQL");
		}
		String token = this.tokens.get(this.position++);
		return token.startsWith("\"") ? token.substring(1) : token;
	}

	private boolean peekKeyword(String keyword) {
		return this.position < this.tokens.size() && this.tokens.get(this.position).equalsIgnoreCase(keyword);
	}

	private boolean acceptKeyword(String keyword) {
		if (peekKeyword(keyword)) {
			this.position++;
			return true;
		}
		return false;
	}

	private void expectKeyword(String keyword) {
		if (!acceptKeyword(keyword)) {
			throw error("Expected " + keyword + " in AQL");
		}
	}

	private Predicate<AssetsObject> or() {
		Predicate<AssetsObject> left = and();
		while (acceptKeyword("OR")) {
			left = left.or(and());
		}
		return left;
	}

	private Predicate<AssetsObject> and() {
		Predicate<AssetsObject> left = unary();
		while (acceptKeyword("AND")) {
			left = left.and(unary());
		}
		return left;
	}

	private Predicate<AssetsObject> unary() {
		if (acceptKeyword("NOT")) {
			return unary().negate();
		}
		if (acceptKeyword("(")) {
			Predicate<AssetsObject> inner = or();
			expectKeyword(")");
			return inner;
		}
		return condition();
	}

	private Predicate<AssetsObject> condition() {
		String name = next();
		checkName(name);
		if (acceptKeyword("IS")) {
			boolean not = acceptKeyword("NOT");
			expectKeyword("EMPTY");
			return (o) -> values(o, name).isEmpty() != not;
		}
		boolean not = acceptKeyword("NOT");
		if (acceptKeyword("IN")) {
			List<String> wanted = list();
			return (o) -> wanted.stream().anyMatch((w) -> matchesAny(o, name, "=", w)) != not;
		}
		if (acceptKeyword("LIKE")) {
			String wanted = next();
			return (o) -> matchesAny(o, name, "LIKE", wanted) != not;
		}
		if (not) {
			throw error("Expected IN or LIKE after NOT");
		}
		String operator;
		if (acceptKeyword("STARTSWITH")) {
			operator = "STARTSWITH";
		}
		else if (acceptKeyword("ENDSWITH")) {
			operator = "ENDSWITH";
		}
		else {
			operator = next();
			if (!List.of("=", "==", "!=", "<", "<=", ">", ">=").contains(operator)) {
				throw error("Unknown operator '" + operator + "' in AQL");
			}
		}
		String wanted = next();
		if (operator.equals("!=")) {
			return (o) -> !matchesAny(o, name, "=", wanted);
		}
		return (o) -> matchesAny(o, name, operator, wanted);
	}

	private List<String> list() {
		List<String> values = new ArrayList<>();
		if (peekKeyword("objectTypeAndChildren")) {
			next();
			expectKeyword("(");
			ObjectTypeDefinition root = typeNamed(next());
			expectKeyword(")");
			this.model.types.values()
				.stream()
				.filter((t) -> this.model.isA(t.id, root.id))
				.forEach((t) -> values.add(t.name));
			return values;
		}
		expectKeyword("(");
		do {
			values.add(next());
		}
		while (acceptKeyword(","));
		expectKeyword(")");
		return values;
	}

	private ObjectTypeDefinition typeNamed(String name) {
		ObjectTypeDefinition type = this.model.typeByName(name);
		if (type == null) {
			throw error("ObjectType with name " + name + " does not exist");
		}
		return type;
	}

	private void checkName(String name) {
		switch (name.toLowerCase(Locale.ROOT)) {
			case "objectschemaid", "objectschema", "objecttype", "objecttypeid", "key", "objectid", "label" -> {
			}
			default -> {
				boolean known = this.model.types.values()
					.stream()
					.anyMatch((t) -> this.model.attributeByName(t, name) != null);
				if (!known) {
					throw error("AQL: the attribute \"" + name + "\" does not exist on any object type");
				}
			}
		}
	}

	private List<String> values(AssetsObject object, String name) {
		ObjectTypeDefinition type = this.model.types.get(object.objectTypeId);
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "objectschemaid" -> List.of(AssetsModel.SCHEMA_ID);
			case "objectschema" -> List.of("IT Assets", AssetsModel.SCHEMA_KEY);
			case "objecttype" -> List.of(type.name);
			case "objecttypeid" -> List.of(type.id);
			case "key" -> List.of(object.objectKey);
			case "objectid" -> List.of(object.id);
			case "label" -> List.of(this.model.label(object));
			default -> {
				AttributeDefinition attribute = this.model.attributeByName(type, name);
				if (attribute == null) {
					yield List.of();
				}
				List<String> result = new ArrayList<>();
				for (String value : this.model.systemOrStored(object, attribute)) {
					if (attribute.isReference()) {
						AssetsObject target = this.model.objects.get(value);
						if (target != null) {
							result.add(target.objectKey);
							result.add(this.model.label(target));
							result.add(target.id);
						}
					}
					else if (attribute.isStatus()) {
						result.add(this.model.statuses.get(value)[0]);
						result.add(value);
					}
					else {
						result.add(value);
					}
				}
				yield result;
			}
		};
	}

	private String firstValue(AssetsObject object, String name) {
		List<String> values = values(object, name);
		return values.isEmpty() ? "" : values.get(0);
	}

	private boolean matchesAny(AssetsObject object, String name, String operator, String wanted) {
		for (String value : values(object, name)) {
			boolean match = switch (operator) {
				case "=" -> value.equalsIgnoreCase(wanted);
				case "==" -> value.equals(wanted);
				case "LIKE" -> value.toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT));
				case "STARTSWITH" -> value.toLowerCase(Locale.ROOT).startsWith(wanted.toLowerCase(Locale.ROOT));
				case "ENDSWITH" -> value.toLowerCase(Locale.ROOT).endsWith(wanted.toLowerCase(Locale.ROOT));
				case "<" -> compare(value, wanted) < 0;
				case "<=" -> compare(value, wanted) <= 0;
				case ">" -> compare(value, wanted) > 0;
				case ">=" -> compare(value, wanted) >= 0;
				default -> false;
			};
			if (match) {
				return true;
			}
		}
		return false;
	}

	private static int compare(String a, String b) {
		try {
			return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
		}
		catch (NumberFormatException ex) {
			return a.compareToIgnoreCase(b);
		}
	}

}
