package io.itsmhub.simulators.xurrent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsmhub.simulators.core.BadRequestException;

/**
 * A GraphQL request parsed as far as the simulator needs it: the operation type and its
 * selection set (fields with aliases and arguments, inline fragments), with variables
 * substituted into the argument values. Fragment definitions and directives are not
 * supported; the connector does not use them.
 *
 * @param mutation whether the operation is a mutation
 * @param selections the root selection set
 */
record GraphQlRequest(boolean mutation, List<Selection> selections) {

	/** One entry of a selection set. */
	sealed interface Selection permits Field, InlineFragment {

	}

	/**
	 * A field.
	 *
	 * @param alias the response key when aliased, else {@code null}
	 * @param name the field name
	 * @param arguments the argument values, variables substituted (enum literals as text)
	 * @param selections the sub-selection, empty for leaves
	 */
	record Field(String alias, String name, Map<String, JsonNode> arguments,
			List<Selection> selections) implements Selection {

		String key() {
			return (this.alias != null) ? this.alias : this.name;
		}

		JsonNode argument(String name) {
			JsonNode value = this.arguments.get(name);
			return (value != null) ? value : NullNode.getInstance();
		}

	}

	/**
	 * {@code ... on Type { ... }}.
	 *
	 * @param typeCondition the type, {@code null} when none is given
	 * @param selections the selection
	 */
	record InlineFragment(String typeCondition, List<Selection> selections) implements Selection {

	}

	/**
	 * Parses a request.
	 * @param query the GraphQL document
	 * @param variables the variables, may be {@code null}
	 * @return the request
	 * @throws BadRequestException for a syntax error
	 */
	static GraphQlRequest parse(String query, JsonNode variables) {
		return new Parser(query,
				(variables != null && variables.isObject()) ? variables : JsonNodeFactory.instance.objectNode())
			.document();
	}

	private static final class Parser {

		private final String text;

		private final JsonNode variables;

		private int at;

		Parser(String text, JsonNode variables) {
			this.text = (text != null) ? text : "";
			this.variables = variables;
		}

		GraphQlRequest document() {
			skip();
			boolean mutation = false;
			if (peek() != '{') {
				String type = name();
				if (type.equals("mutation")) {
					mutation = true;
				}
				else if (!type.equals("query")) {
					throw error("unsupported operation '" + type + "'");
				}
				skip();
				if (isNameStart(peek())) {
					name();
					skip();
				}
				if (peek() == '(') {
					variableDefinitions();
				}
			}
			List<Selection> selections = selectionSet();
			skip();
			if (this.at < this.text.length()) {
				throw error("unexpected '" + this.text.charAt(this.at) + "' after the operation");
			}
			return new GraphQlRequest(mutation, selections);
		}

		private void variableDefinitions() {
			expect('(');
			int depth = 1;
			while (depth > 0) {
				if (this.at >= this.text.length()) {
					throw error("unterminated variable definitions");
				}
				char c = this.text.charAt(this.at++);
				if (c == '(') {
					depth++;
				}
				else if (c == ')') {
					depth--;
				}
				else if (c == '"') {
					this.at--;
					string();
				}
			}
			skip();
		}

		private List<Selection> selectionSet() {
			expect('{');
			List<Selection> selections = new ArrayList<>();
			while (true) {
				skip();
				if (peek() == '}') {
					this.at++;
					skip();
					return selections;
				}
				if (this.text.startsWith("...", this.at)) {
					this.at += 3;
					skip();
					String type = null;
					if (isNameStart(peek())) {
						String on = name();
						if (!on.equals("on")) {
							throw error("fragment spreads are not supported");
						}
						skip();
						type = name();
						skip();
					}
					selections.add(new InlineFragment(type, selectionSet()));
					continue;
				}
				selections.add(field());
			}
		}

		private Field field() {
			String first = name();
			skip();
			String alias = null;
			String name = first;
			if (peek() == ':') {
				this.at++;
				skip();
				alias = first;
				name = name();
				skip();
			}
			Map<String, JsonNode> arguments = new LinkedHashMap<>();
			if (peek() == '(') {
				this.at++;
				skip();
				while (peek() != ')') {
					String argument = name();
					skip();
					expect(':');
					arguments.put(argument, value());
					skip();
				}
				this.at++;
				skip();
			}
			List<Selection> selections = (peek() == '{') ? selectionSet() : List.of();
			return new Field(alias, name, arguments, selections);
		}

		private JsonNode value() {
			skip();
			char c = peek();
			JsonNodeFactory json = JsonNodeFactory.instance;
			if (c == '$') {
				this.at++;
				JsonNode value = this.variables.get(name());
				return (value != null) ? value : NullNode.getInstance();
			}
			if (c == '"') {
				return json.textNode(string());
			}
			if (c == '[') {
				this.at++;
				ArrayNode array = json.arrayNode();
				skip();
				while (peek() != ']') {
					array.add(value());
					skip();
				}
				this.at++;
				return array;
			}
			if (c == '{') {
				this.at++;
				ObjectNode object = json.objectNode();
				skip();
				while (peek() != '}') {
					String key = name();
					skip();
					expect(':');
					object.set(key, value());
					skip();
				}
				this.at++;
				return object;
			}
			if (c == '-' || Character.isDigit(c)) {
				int start = this.at++;
				while (this.at < this.text.length() && "0123456789.eE+-".indexOf(this.text.charAt(this.at)) >= 0) {
					this.at++;
				}
				String number = this.text.substring(start, this.at);
				return (number.contains(".") || number.contains("e") || number.contains("E"))
						? json.numberNode(new java.math.BigDecimal(number)) : json.numberNode(Long.parseLong(number));
			}
			String word = name();
			return switch (word) {
				case "true" -> json.booleanNode(true);
				case "false" -> json.booleanNode(false);
				case "null" -> NullNode.getInstance();
				default -> json.textNode(word);
			};
		}

		private String string() {
			expect('"');
			StringBuilder out = new StringBuilder();
			while (true) {
				if (this.at >= this.text.length()) {
					throw error("unterminated string");
				}
				char c = this.text.charAt(this.at++);
				if (c == '"') {
					return out.toString();
				}
				if (c == '\\') {
					char escaped = this.text.charAt(this.at++);
					switch (escaped) {
						case 'n' -> out.append('\n');
						case 't' -> out.append('\t');
						case 'r' -> out.append('\r');
						case 'b' -> out.append('\b');
						case 'f' -> out.append('\f');
						case 'u' -> {
							out.append((char) Integer.parseInt(this.text.substring(this.at, this.at + 4), 16));
							this.at += 4;
						}
						default -> out.append(escaped);
					}
				}
				else {
					out.append(c);
				}
			}
		}

		private String name() {
			if (!isNameStart(peek())) {
				throw error("expected a name");
			}
			int start = this.at;
			while (this.at < this.text.length()
					&& (Character.isLetterOrDigit(this.text.charAt(this.at)) || this.text.charAt(this.at) == '_')) {
				this.at++;
			}
			return this.text.substring(start, this.at);
		}

		private static boolean isNameStart(char c) {
			return Character.isLetter(c) || c == '_';
		}

		private void expect(char c) {
			skip();
			if (peek() != c) {
				throw error("expected '" + c + "'");
			}
			this.at++;
			skip();
		}

		private char peek() {
			return (this.at < this.text.length()) ? this.text.charAt(this.at) : '\0';
		}

		private void skip() {
			while (this.at < this.text.length()) {
				char c = this.text.charAt(this.at);
				if (c == '#') {
					while (this.at < this.text.length() && this.text.charAt(this.at) != '\n') {
						this.at++;
					}
				}
				else if (Character.isWhitespace(c) || c == ',' || c == '\uFEFF') {
					this.at++;
				}
				else {
					return;
				}
			}
		}

		private BadRequestException error(String message) {
			return new BadRequestException("Parse error at position " + this.at + ": " + message);
		}

	}

}
