package io.itsmhub.mappings.yaml;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A YAML document as a JSON tree, with the location of every node by its path. Paths are
 * written {@code records.ci.fields.name.from} (array elements as {@code scope[2]}); the
 * location of an object member is the line of its key, which is where a reader looks.
 * Duplicate keys, which YAML parsers often accept silently, are reported as problems.
 */
public final class LocatedTree {

	private static final YAMLFactory YAML = YAMLFactory.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

	private final JsonNode root;

	private final Map<String, Location> locations;

	private final List<Problem> problems;

	private LocatedTree(JsonNode root, Map<String, Location> locations, List<Problem> problems) {
		this.root = root;
		this.locations = locations;
		this.problems = List.copyOf(problems);
	}

	/**
	 * Reads a YAML text. A syntax error does not throw: it is one of the
	 * {@link #problems()}, and the tree is what could be read before it.
	 */
	public static LocatedTree read(String yaml) {
		Map<String, Location> locations = new HashMap<>();
		List<Problem> problems = new ArrayList<>();
		JsonNode root = NODES.missingNode();
		try (JsonParser parser = YAML.createParser(yaml)) {
			if (parser.nextToken() != null) {
				root = readNode(parser, "", locations, problems);
			}
			if (parser.nextToken() != null) {
				problems.add(new Problem("", location(parser.currentTokenLocation()),
						"holds more than one YAML document; a mapping is one document"));
			}
		}
		catch (JsonProcessingException ex) {
			problems.add(syntaxError(ex));
		}
		catch (IOException ex) {
			problems.add(new Problem("", Location.START, "could not be read: " + ex.getMessage()));
		}
		return new LocatedTree(root, locations, problems);
	}

	private static JsonNode readNode(JsonParser parser, String path, Map<String, Location> locations,
			List<Problem> problems) throws IOException {
		JsonToken token = parser.currentToken();
		locations.putIfAbsent(path, location(parser.currentTokenLocation()));
		switch (token) {
			case START_OBJECT: {
				ObjectNode object = NODES.objectNode();
				while (parser.nextToken() == JsonToken.FIELD_NAME) {
					String name = parser.currentName();
					String childPath = child(path, name);
					Location keyLocation = location(parser.currentTokenLocation());
					parser.nextToken();
					if (object.has(name)) {
						problems.add(new Problem(childPath, keyLocation,
								"is given twice; the later one would silently win, so keep one"));
						readNode(parser, childPath + "#duplicate", locations, problems);
						continue;
					}
					locations.put(childPath, keyLocation);
					object.set(name, readNode(parser, childPath, locations, problems));
				}
				return object;
			}
			case START_ARRAY: {
				ArrayNode array = NODES.arrayNode();
				int index = 0;
				while (parser.nextToken() != JsonToken.END_ARRAY) {
					array.add(readNode(parser, path + "[" + index++ + "]", locations, problems));
				}
				return array;
			}
			case VALUE_STRING:
				return NODES.textNode(parser.getText());
			case VALUE_NUMBER_INT:
				return (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER)
						? NODES.numberNode(parser.getBigIntegerValue()) : NODES.numberNode(parser.getLongValue());
			case VALUE_NUMBER_FLOAT:
				return NODES.numberNode(parser.getDecimalValue());
			case VALUE_TRUE:
				return NODES.booleanNode(true);
			case VALUE_FALSE:
				return NODES.booleanNode(false);
			case VALUE_NULL:
				return NODES.nullNode();
			default:
				return NODES.textNode(parser.getText());
		}
	}

	/**
	 * A syntax error at the place the YAML parser names (its message marks the line and
	 * column where it gave up), in one line without the parser's source excerpt.
	 */
	private static Problem syntaxError(JsonProcessingException ex) {
		String message = String.valueOf(ex.getOriginalMessage());
		Location location = location(ex.getLocation());
		Matcher mark = MARK.matcher(message);
		while (mark.find()) {
			location = new Location(Integer.parseInt(mark.group(1)), Integer.parseInt(mark.group(2)));
		}
		String summary = message.lines()
			.filter((line) -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
			.map(String::strip)
			.collect(Collectors.joining("; "));
		return new Problem("", location, "is not valid YAML: " + summary);
	}

	private static final Pattern MARK = Pattern.compile("line (\\d+), column (\\d+)");

	/** The path of a member of the object at {@code path}. */
	public static String child(String path, String name) {
		return path.isEmpty() ? name : path + "." + name;
	}

	private static Location location(JsonLocation location) {
		if (location == null || location.getLineNr() < 1) {
			return Location.START;
		}
		return new Location(location.getLineNr(), Math.max(1, location.getColumnNr()));
	}

	/** The document's root; a missing node when the document was empty or unreadable. */
	public JsonNode root() {
		return this.root;
	}

	/**
	 * Where the node at a path was written; for a path that does not exist (a member that
	 * is missing), where its closest existing parent was.
	 */
	public Location locationOf(String path) {
		String current = path;
		while (true) {
			Location location = this.locations.get(current);
			if (location != null) {
				return location;
			}
			if (current.isEmpty()) {
				return Location.START;
			}
			int cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
			current = (cut > 0) ? current.substring(0, cut) : "";
		}
	}

	/** What was wrong with the text itself: syntax errors, duplicate keys. */
	public List<Problem> problems() {
		return this.problems;
	}

	/**
	 * Something wrong in the text.
	 *
	 * @param path where
	 * @param location the line and column
	 * @param message what is wrong
	 */
	public record Problem(String path, Location location, String message) {

	}

}
