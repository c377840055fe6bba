package io.itsmhub.simulators.freshservice;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Freshservice filter query language, as far as assets use it: clauses of a field, a
 * colon and a value in single quotes (or a bare number) joined with AND and OR (AND binds
 * tighter), compared case-insensitively for text.
 */
final class FilterQuery {

	private FilterQuery() {
	}

	/**
	 * Parses a query.
	 * @param query the query without its surrounding double quotes
	 * @return a test on an asset (type fields are matched by their plain names)
	 * @throws IllegalArgumentException naming what is wrong
	 */
	static Predicate<ObjectNode> parse(String query) {
		List<List<String[]>> any = new ArrayList<>();
		List<String[]> all = new ArrayList<>();
		int i = 0;
		int n = query.length();
		while (true) {
			while (i < n && query.charAt(i) == ' ') {
				i++;
			}
			int colon = query.indexOf(':', i);
			if (colon <= i) {
				throw new IllegalArgumentException("Invalid query: expected field:value at position " + i);
			}
			String field = query.substring(i, colon).strip();
			i = colon + 1;
			String value;
			if (i < n && query.charAt(i) == '\'') {
				int end = query.indexOf('\'', i + 1);
				if (end < 0) {
					throw new IllegalArgumentException("Invalid query: unclosed quote after " + field);
				}
				value = query.substring(i + 1, end);
				i = end + 1;
			}
			else {
				int end = query.indexOf(' ', i);
				end = (end < 0) ? n : end;
				value = query.substring(i, end);
				i = end;
			}
			all.add(new String[] { field, value });
			while (i < n && query.charAt(i) == ' ') {
				i++;
			}
			if (i >= n) {
				break;
			}
			if (query.startsWith("AND ", i)) {
				i += 4;
			}
			else if (query.startsWith("OR ", i)) {
				i += 3;
				any.add(all);
				all = new ArrayList<>();
			}
			else {
				throw new IllegalArgumentException("Invalid query: expected AND or OR at position " + i);
			}
		}
		any.add(all);
		return (asset) -> any.stream()
			.anyMatch((clauses) -> clauses.stream().allMatch((clause) -> matches(value(asset, clause[0]), clause[1])));
	}

	/** A field of an asset, a type field by its name without the type id suffix. */
	private static JsonNode value(ObjectNode asset, String field) {
		JsonNode direct = asset.get(field);
		if (direct != null) {
			return direct;
		}
		JsonNode typeFields = asset.get("type_fields");
		if (typeFields != null) {
			for (var entry : typeFields.properties()) {
				String name = entry.getKey();
				if (name.startsWith(field) && name.length() > field.length() + 1 && name.charAt(field.length()) == '_'
						&& name.substring(field.length() + 1).chars().allMatch(Character::isDigit)) {
					return entry.getValue();
				}
			}
		}
		return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
	}

	private static boolean matches(JsonNode actual, String wanted) {
		if (actual.isMissingNode() || actual.isNull()) {
			return wanted.equals("null");
		}
		return actual.asText().equalsIgnoreCase(wanted);
	}

}
