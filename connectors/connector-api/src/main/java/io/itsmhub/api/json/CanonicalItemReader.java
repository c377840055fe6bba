package io.itsmhub.api.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.itsmhub.api.ingest.FieldError;
import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.ingest.RecordRejection;
import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.Identifiers;
import io.itsmhub.api.model.LifecycleFacts;
import io.itsmhub.api.model.LifecycleFacts.FactName;
import io.itsmhub.api.model.Relationship;
import io.itsmhub.api.model.RelationshipType;

/**
 * Reads canonical items in their JSON form: a JSON array, a single object, or NDJSON (one
 * object a line). Every record is checked on its own; a record with errors is rejected
 * with every field at fault, and the others are read regardless. A syntax error in a JSON
 * array ends the array there (what follows cannot be trusted), while in NDJSON it costs
 * only its own line.
 */
public final class CanonicalItemReader {

	private static final ObjectMapper MAPPER = new ObjectMapper()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

	private static final com.fasterxml.jackson.databind.ObjectReader SINGLE = MAPPER.reader()
		.with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	private final Clock clock;

	public CanonicalItemReader(Clock clock) {
		this.clock = clock;
	}

	public CanonicalItemReader() {
		this(Clock.systemUTC());
	}

	/**
	 * Reads a body whose form is told by its first significant character: {@code [} for a
	 * JSON array, otherwise NDJSON (a single object is one line of NDJSON, even if it
	 * spans several lines).
	 * @param body the bytes, UTF-8
	 * @param source the source the records belong to (from the URL or the drop folder)
	 */
	public ParsedRecords read(byte[] body, String source) {
		int first = firstSignificant(body);
		if (first < 0) {
			return new ParsedRecords(List.of(), List.of());
		}
		return (body[first] == '[') ? readArray(body, source) : readNdjson(body, source);
	}

	public ParsedRecords read(InputStream in, String source) throws IOException {
		return read(in.readAllBytes(), source);
	}

	private ParsedRecords readArray(byte[] body, String source) {
		List<ParsedRecords.Indexed> items = new ArrayList<>();
		List<RecordRejection> rejections = new ArrayList<>();
		int index = 0;
		try (JsonParser parser = MAPPER.createParser(body)) {
			parser.nextToken();
			while (true) {
				JsonToken token;
				try {
					token = parser.nextToken();
				}
				catch (JsonParseException ex) {
					rejections.add(syntaxError(index, ex));
					break;
				}
				if (token == JsonToken.END_ARRAY || token == null) {
					break;
				}
				JsonNode node;
				try {
					node = MAPPER.readTree(parser);
				}
				catch (JsonParseException ex) {
					rejections.add(syntaxError(index, ex));
					break;
				}
				collect(index++, node, source, items, rejections);
			}
		}
		catch (IOException ex) {
			rejections.add(RecordRejection.of(index, null, "(body)", "could not be read: " + ex.getMessage()));
		}
		return new ParsedRecords(items, rejections);
	}

	private ParsedRecords readNdjson(byte[] body, String source) {
		List<ParsedRecords.Indexed> items = new ArrayList<>();
		List<RecordRejection> rejections = new ArrayList<>();
		String text = new String(body, StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		// a single pretty-printed object is allowed too: try it whole first
		if (looksLikeSingleObject(text)) {
			try {
				JsonNode node = SINGLE.readTree(text);
				collect(0, node, source, items, rejections);
				return new ParsedRecords(items, rejections);
			}
			catch (IOException ex) {
				// not one object: read it as NDJSON, line by line
			}
		}
		int index = 0;
		int lineNumber = 0;
		for (String line : text.split("\r?\n")) {
			lineNumber++;
			if (line.isBlank()) {
				continue;
			}
			try {
				collect(index, MAPPER.readTree(line), source, items, rejections);
			}
			catch (JsonParseException ex) {
				rejections
					.add(RecordRejection.of(index, null, "(line " + lineNumber + ")", "malformed JSON: " + brief(ex)));
			}
			catch (IOException ex) {
				rejections.add(RecordRejection.of(index, null, "(line " + lineNumber + ")",
						"could not be read: " + ex.getMessage()));
			}
			index++;
		}
		return new ParsedRecords(items, rejections);
	}

	private void collect(int index, JsonNode node, String source, List<ParsedRecords.Indexed> items,
			List<RecordRejection> rejections) {
		List<FieldError> errors = new ArrayList<>();
		DiscoveredItem item = toItem(node, source, errors);
		if (errors.isEmpty()) {
			items.add(new ParsedRecords.Indexed(index, item));
		}
		else {
			JsonNode key = node.isObject() ? node.get("sourceKey") : null;
			rejections
				.add(new RecordRejection(index, (key != null && key.isValueNode()) ? key.asText() : null, errors));
		}
	}

	/**
	 * One canonical item from its JSON tree, or {@code null} with the reasons added to
	 * {@code errors}.
	 */
	public DiscoveredItem toItem(JsonNode node, String source, List<FieldError> errors) {
		if (node == null || !node.isObject()) {
			errors.add(new FieldError("(record)", "expected a JSON object, got "
					+ ((node != null) ? node.getNodeType().toString().toLowerCase() : "nothing")));
			return null;
		}
		String recordSource = optionalText(node, "source", errors);
		if (source == null) {
			source = recordSource;
			if (source == null || source.isBlank()) {
				errors.add(new FieldError("source", "is required"));
			}
		}
		else if (recordSource != null && !recordSource.equals(source)) {
			errors.add(new FieldError("source",
					"the record names source '" + recordSource + "' but was sent for source '" + source + "'"));
		}
		String sourceKey = optionalText(node, "sourceKey", errors);
		if (sourceKey == null || sourceKey.isBlank()) {
			errors.add(new FieldError("sourceKey", "is required: the record's key in its source"));
		}
		CiClass ciClass = null;
		String classId = optionalText(node, "ciClass", errors);
		if (classId == null) {
			errors.add(new FieldError("ciClass", "is required"));
		}
		else {
			ciClass = CiClass.fromId(classId).orElse(null);
			if (ciClass == null) {
				errors.add(new FieldError("ciClass", "'" + classId + "' is not a known class; known classes are "
						+ String.join(", ", java.util.Arrays.stream(CiClass.values()).map(CiClass::id).toList())));
			}
		}
		String name = optionalText(node, "name", errors);
		Identifiers identifiers = identifiers(node.get("identifiers"), "identifiers", errors);
		Map<String, Object> attributes = attributes(node.get("attributes"), errors);
		LifecycleFacts facts = facts(node.get("facts"), errors);
		List<Relationship> relationships = relationships(node.get("relationships"), errors);
		Instant observedAt = observedAt(node.get("observedAt"), errors);
		for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
			String field = names.next();
			if (!KNOWN_FIELDS.contains(field)) {
				errors.add(new FieldError(field, "is not a field of the canonical item"));
			}
		}
		if (!errors.isEmpty()) {
			return null;
		}
		return new DiscoveredItem(source, sourceKey.trim(), ciClass, (name != null) ? name.trim() : null, identifiers,
				attributes, facts, relationships, observedAt);
	}

	private static final java.util.Set<String> KNOWN_FIELDS = java.util.Set.of("source", "sourceKey", "ciClass", "name",
			"identifiers", "attributes", "facts", "relationships", "observedAt");

	private static String optionalText(JsonNode node, String field, List<FieldError> errors) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isTextual() || value.isNumber()) {
			return value.asText();
		}
		errors.add(new FieldError(field, "expected a string, got " + value.getNodeType().toString().toLowerCase()));
		return null;
	}

	private static Identifiers identifiers(JsonNode node, String path, List<FieldError> errors) {
		if (node == null || node.isNull()) {
			return Identifiers.none();
		}
		if (!node.isObject()) {
			errors.add(new FieldError(path, "expected an object of identifier type to value"));
			return Identifiers.none();
		}
		Map<IdentifierType, List<String>> values = new EnumMap<>(IdentifierType.class);
		for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> field = it.next();
			String fieldPath = path + "." + field.getKey();
			IdentifierType type = IdentifierType.fromId(field.getKey()).orElse(null);
			if (type == null) {
				errors.add(new FieldError(fieldPath, "'" + field.getKey()
						+ "' is not a known identifier type; known types are " + IdentifierType.wireNames()));
				continue;
			}
			JsonNode value = field.getValue();
			List<String> list = new ArrayList<>();
			if (value.isArray()) {
				int i = 0;
				for (JsonNode element : value) {
					addIdentifierValue(element, fieldPath + "[" + i++ + "]", list, errors);
				}
			}
			else {
				addIdentifierValue(value, fieldPath, list, errors);
			}
			if (!list.isEmpty()) {
				values.put(type, list);
			}
		}
		return Identifiers.of(values);
	}

	private static void addIdentifierValue(JsonNode value, String path, List<String> into, List<FieldError> errors) {
		if (value.isNull()) {
			return;
		}
		if (value.isTextual() || value.isNumber()) {
			String text = value.asText().trim();
			if (!text.isEmpty()) {
				into.add(text);
			}
			return;
		}
		errors.add(new FieldError(path, "expected a string or a list of strings"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> attributes(JsonNode node, List<FieldError> errors) {
		if (node == null || node.isNull()) {
			return Map.of();
		}
		if (!node.isObject()) {
			errors.add(new FieldError("attributes", "expected an object of attribute name to value"));
			return Map.of();
		}
		return (Map<String, Object>) CanonicalValues.fromJson(node);
	}

	private static LifecycleFacts facts(JsonNode node, List<FieldError> errors) {
		if (node == null || node.isNull()) {
			return LifecycleFacts.EMPTY;
		}
		if (!node.isObject()) {
			errors.add(new FieldError("facts", "expected an object of fact name to value"));
			return LifecycleFacts.EMPTY;
		}
		Map<String, Object> values = new LinkedHashMap<>();
		for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> field = it.next();
			try {
				Object value = CanonicalValues.factFromJson(field.getKey(), field.getValue());
				if (value != null) {
					values.put(field.getKey(), value);
				}
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldError("facts." + field.getKey(), ex.getMessage()));
			}
		}
		return values.isEmpty() ? LifecycleFacts.EMPTY : LifecycleFacts.fromMap(values);
	}

	private static List<Relationship> relationships(JsonNode node, List<FieldError> errors) {
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			errors.add(new FieldError("relationships", "expected a list of {type, target}"));
			return List.of();
		}
		List<Relationship> relationships = new ArrayList<>();
		int i = 0;
		for (JsonNode element : node) {
			String path = "relationships[" + i++ + "]";
			if (!element.isObject()) {
				errors.add(new FieldError(path, "expected an object {type, target}"));
				continue;
			}
			JsonNode typeNode = element.get("type");
			RelationshipType type = (typeNode != null) ? RelationshipType.fromId(typeNode.asText()).orElse(null) : null;
			if (type == null) {
				errors.add(new FieldError(path + ".type", ((typeNode == null) ? "is required"
						: "'" + typeNode.asText() + "' is not a relationship type")
						+ "; known types are depends_on, runs_on, hosted_on, connected_to, member_of, contains"));
			}
			int before = errors.size();
			Identifiers target = identifiers(element.get("target"), path + ".target", errors);
			if (target.isEmpty() && errors.size() == before) {
				errors.add(new FieldError(path + ".target", "names no identifier of the other item"));
			}
			if (type != null && !target.isEmpty()) {
				relationships.add(new Relationship(type, target));
			}
		}
		return relationships;
	}

	private Instant observedAt(JsonNode node, List<FieldError> errors) {
		if (node == null || node.isNull()) {
			return this.clock.instant();
		}
		try {
			return OffsetDateTime.parse(node.asText()).toInstant();
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldError("observedAt",
					"'" + node.asText() + "' is not an ISO 8601 date-time such as 2026-11-29T06:00:00Z"));
			return null;
		}
	}

	private static RecordRejection syntaxError(int index, JsonParseException ex) {
		JsonLocation location = ex.getLocation();
		String where = (location != null) ? " at line " + location.getLineNr() + ", column " + location.getColumnNr()
				: "";
		return RecordRejection.of(index, null, "(record)",
				"malformed JSON" + where + ": " + brief(ex) + "; the records after it in this array were not read");
	}

	/**
	 * Jackson's message without its pointer into the source, which says nothing to a
	 * user.
	 */
	private static String brief(JsonParseException ex) {
		String message = ex.getOriginalMessage();
		int cut = message.indexOf(" (start marker at");
		if (cut < 0) {
			cut = message.indexOf("\n at [Source");
		}
		return (cut > 0) ? message.substring(0, cut) : message;
	}

	private static boolean looksLikeSingleObject(String text) {
		String trimmed = text.strip();
		return trimmed.startsWith("{") && trimmed.indexOf('\n') > 0;
	}

	private static int firstSignificant(byte[] body) {
		int start = (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB
				&& (body[2] & 0xFF) == 0xBF) ? 3 : 0;
		for (int i = start; i < body.length; i++) {
			if (!Character.isWhitespace(body[i])) {
				return i;
			}
		}
		return -1;
	}

}
