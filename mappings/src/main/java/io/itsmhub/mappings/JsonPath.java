package io.itsmhub.mappings;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a value is in a source's JSON record: the subset of JSONPath that source mappings
 * need, or a JSON pointer.
 * <ul>
 * <li>{@code $.hw.serial}, {@code hw.serial}, {@code $['hw']['serial']}: a member;</li>
 * <li>{@code $.nics[0].mac}: an array element, from 0 ({@code [-1]} is the last);</li>
 * <li>{@code $.nics[*].mac}, {@code $.tags.*}: every element or member, giving a
 * list;</li>
 * <li>{@code /hw/serial}: a JSON pointer (RFC 6901).</li>
 * </ul>
 * Filters, recursive descent and slices are not supported: a path that uses them does not
 * compile.
 */
public final class JsonPath {

	private final String text;

	private final String pointer;

	private final List<Object> segments;

	private final boolean definite;

	private JsonPath(String text, String pointer, List<Object> segments) {
		this.text = text;
		this.pointer = pointer;
		this.segments = segments;
		this.definite = !segments.contains(WILDCARD);
	}

	/** The wildcard segment ({@code [*]} or {@code .*}). */
	private static final Object WILDCARD = new Object();

	/**
	 * Compiles a path.
	 * @throws IllegalArgumentException naming what in the path is not supported
	 */
	public static JsonPath compile(String path) {
		if (path == null || path.isBlank()) {
			throw new IllegalArgumentException("is empty; give a JSONPath such as $.hw.serial or a JSON pointer");
		}
		String text = path.trim();
		if (text.startsWith("/")) {
			return new JsonPath(text, text, List.of());
		}
		List<Object> segments = new ArrayList<>();
		int i = 0;
		if (text.startsWith("$")) {
			i = 1;
		}
		else {
			text = "$." + text;
			i = 1;
		}
		int n = text.length();
		while (i < n) {
			char c = text.charAt(i);
			if (c == '.') {
				if (i + 1 < n && text.charAt(i + 1) == '.') {
					throw new IllegalArgumentException("'" + path + "': recursive descent (..) is not supported");
				}
				int end = i + 1;
				while (end < n && text.charAt(end) != '.' && text.charAt(end) != '[') {
					end++;
				}
				String name = text.substring(i + 1, end);
				if (name.isEmpty()) {
					throw new IllegalArgumentException("'" + path + "': a member name is missing at " + (i + 1));
				}
				segments.add(name.equals("*") ? WILDCARD : name);
				i = end;
			}
			else if (c == '[') {
				int end = text.indexOf(']', i);
				if (end < 0) {
					throw new IllegalArgumentException("'" + path + "': '[' is not closed");
				}
				String inner = text.substring(i + 1, end).trim();
				if (inner.equals("*")) {
					segments.add(WILDCARD);
				}
				else if (inner.length() >= 2 && (inner.charAt(0) == '\'' || inner.charAt(0) == '"')
						&& inner.charAt(inner.length() - 1) == inner.charAt(0)) {
					segments.add(inner.substring(1, inner.length() - 1));
				}
				else if (inner.matches("-?\\d+")) {
					segments.add(Integer.valueOf(inner));
				}
				else {
					throw new IllegalArgumentException("'" + path + "': [" + inner
							+ "] is not supported; use an index ([0]), [*] or a quoted name (['name'])");
				}
				i = end + 1;
			}
			else {
				throw new IllegalArgumentException("'" + path + "': unexpected '" + c + "' at " + i);
			}
		}
		return new JsonPath(path.trim(), null, List.copyOf(segments));
	}

	/** Whether the path names at most one value (no wildcard). */
	public boolean definite() {
		return this.definite;
	}

	/**
	 * The values at the path: at most one for a definite path; missing members and JSON
	 * {@code null}s are left out.
	 */
	public List<JsonNode> read(JsonNode record) {
		if (this.pointer != null) {
			JsonNode value = record.at(this.pointer);
			return (value.isMissingNode() || value.isNull()) ? List.of() : List.of(value);
		}
		List<JsonNode> current = List.of(record);
		for (Object segment : this.segments) {
			List<JsonNode> next = new ArrayList<>();
			for (JsonNode node : current) {
				if (segment == WILDCARD) {
					node.elements().forEachRemaining(next::add);
				}
				else if (segment instanceof Integer index) {
					int at = (index < 0) ? node.size() + index : index;
					if (node.isArray() && at >= 0 && at < node.size()) {
						next.add(node.get(at));
					}
				}
				else if (node.isObject() && node.has((String) segment)) {
					next.add(node.get((String) segment));
				}
			}
			current = next;
		}
		return current.stream().filter((node) -> !node.isNull() && !node.isMissingNode()).toList();
	}

	@Override
	public String toString() {
		return this.text;
	}

}
