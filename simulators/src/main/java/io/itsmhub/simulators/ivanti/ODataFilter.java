package io.itsmhub.simulators.ivanti;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.simulators.core.BadRequestException;

/**
 * The {@code $filter} subset Ivanti documents: comparisons with
 * {@code eq, ne, lt, le, gt,
 * ge} joined by {@code and} and {@code or} ({@code and} binds tighter), string literals
 * in single quotes ({@code ''} for a quote), numbers, {@code true}/{@code false},
 * {@code null} and unquoted ISO date-times. Parentheses are refused, as third-party notes
 * report for the platform. Text compares case-insensitively, like the platform's SQL
 * Server collation.
 *
 * @param terms the {@code or} terms, each a list of {@code and}-ed comparisons
 */
record ODataFilter(List<List<Comparison>> terms) {

	static final ODataFilter ALL = new ODataFilter(List.of());

	/**
	 * Parses a filter.
	 * @param text the {@code $filter} value, may be {@code null}
	 * @return the filter
	 */
	static ODataFilter parse(String text) {
		if (text == null || text.isBlank()) {
			return ALL;
		}
		Lexer lexer = new Lexer(text);
		List<List<Comparison>> terms = new ArrayList<>();
		List<Comparison> term = new ArrayList<>();
		while (true) {
			String field = lexer.word();
			String op = lexer.word().toLowerCase(Locale.ROOT);
			if (!List.of("eq", "ne", "lt", "le", "gt", "ge").contains(op)) {
				throw new BadRequestException("Unsupported $filter operator '" + op + "'");
			}
			term.add(new Comparison(field, op, lexer.literal()));
			if (lexer.atEnd()) {
				break;
			}
			String joiner = lexer.word().toLowerCase(Locale.ROOT);
			if (joiner.equals("or")) {
				terms.add(term);
				term = new ArrayList<>();
			}
			else if (!joiner.equals("and")) {
				throw new BadRequestException("Expected 'and' or 'or' in $filter, found '" + joiner + "'");
			}
		}
		terms.add(term);
		return new ODataFilter(terms);
	}

	boolean matches(JsonNode record) {
		if (this.terms.isEmpty()) {
			return true;
		}
		for (List<Comparison> term : this.terms) {
			if (term.stream().allMatch((comparison) -> comparison.matches(record))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * One comparison.
	 *
	 * @param field the field name
	 * @param op the operator
	 * @param value the literal: a {@code String}, {@code BigDecimal}, {@code Boolean},
	 * {@code Instant} or {@code null}
	 */
	record Comparison(String field, String op, Object value) {

		boolean matches(JsonNode record) {
			JsonNode actual = field(record, this.field);
			if (this.value == null || actual == null || actual.isNull()) {
				boolean bothNull = this.value == null && (actual == null || actual.isNull());
				return switch (this.op) {
					case "eq" -> bothNull;
					case "ne" -> !bothNull;
					default -> false;
				};
			}
			int compared = compare(actual, this.value);
			return switch (this.op) {
				case "eq" -> compared == 0;
				case "ne" -> compared != 0;
				case "lt" -> compared < 0;
				case "le" -> compared <= 0;
				case "gt" -> compared > 0;
				default -> compared >= 0;
			};
		}

		private static JsonNode field(JsonNode record, String name) {
			JsonNode exact = record.get(name);
			if (exact != null) {
				return exact;
			}
			var names = record.fieldNames();
			while (names.hasNext()) {
				String candidate = names.next();
				if (candidate.equalsIgnoreCase(name)) {
					return record.get(candidate);
				}
			}
			return null;
		}

		private static int compare(JsonNode actual, Object expected) {
			if (expected instanceof BigDecimal number) {
				try {
					return new BigDecimal(actual.asText()).compareTo(number);
				}
				catch (NumberFormatException ex) {
					return actual.asText().compareToIgnoreCase(number.toPlainString());
				}
			}
			if (expected instanceof Boolean flag) {
				return Boolean.compare(actual.asBoolean(), flag);
			}
			if (expected instanceof Instant instant) {
				try {
					return OffsetDateTime.parse(actual.asText()).toInstant().compareTo(instant);
				}
				catch (DateTimeParseException ex) {
					return actual.asText().compareTo(instant.toString());
				}
			}
			return actual.asText().compareToIgnoreCase((String) expected);
		}

	}

	private static final class Lexer {

		private final String text;

		private int at;

		Lexer(String text) {
			this.text = text;
		}

		boolean atEnd() {
			skipSpace();
			return this.at >= this.text.length();
		}

		private void skipSpace() {
			while (this.at < this.text.length() && Character.isWhitespace(this.text.charAt(this.at))) {
				this.at++;
			}
		}

		String word() {
			skipSpace();
			int start = this.at;
			while (this.at < this.text.length() && !Character.isWhitespace(this.text.charAt(this.at))) {
				char c = this.text.charAt(this.at);
				if (c == '(' || c == ')') {
					throw new BadRequestException("Parentheses are not supported in $filter");
				}
				if (c == '\'') {
					throw new BadRequestException("Unexpected quote in $filter at " + this.at);
				}
				this.at++;
			}
			if (start == this.at) {
				throw new BadRequestException("Incomplete $filter expression");
			}
			return this.text.substring(start, this.at);
		}

		Object literal() {
			skipSpace();
			if (this.at < this.text.length() && this.text.charAt(this.at) == '\'') {
				StringBuilder value = new StringBuilder();
				this.at++;
				while (true) {
					if (this.at >= this.text.length()) {
						throw new BadRequestException("Unterminated string literal in $filter");
					}
					char c = this.text.charAt(this.at++);
					if (c == '\'') {
						if (this.at < this.text.length() && this.text.charAt(this.at) == '\'') {
							value.append('\'');
							this.at++;
							continue;
						}
						return value.toString();
					}
					value.append(c);
				}
			}
			String word = word();
			if (word.equalsIgnoreCase("null")) {
				return null;
			}
			if (word.equalsIgnoreCase("true") || word.equalsIgnoreCase("false")) {
				return Boolean.valueOf(word);
			}
			try {
				return new BigDecimal(word);
			}
			catch (NumberFormatException notANumber) {
				try {
					return OffsetDateTime.parse(word).toInstant();
				}
				catch (DateTimeParseException notADate) {
					throw new BadRequestException("Invalid literal '" + word + "' in $filter");
				}
			}
		}

	}

}
