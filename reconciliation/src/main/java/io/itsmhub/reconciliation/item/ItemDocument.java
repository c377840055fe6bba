package io.itsmhub.reconciliation.item;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.itsmhub.api.json.CanonicalItemWriter;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.Identifiers;
import io.itsmhub.api.model.RelationshipType;
import io.itsmhub.reconciliation.identify.IdentityKey;

/**
 * An item's whole state as one JSON document, the form the store keeps it in. The store's
 * other tables (identifiers, sources, relationships) are indexes over it.
 */
public final class ItemDocument {

	private static final ObjectMapper MAPPER = new ObjectMapper()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

	private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

	private ItemDocument() {
	}

	public static String write(ItemState item) {
		ObjectNode root = NODES.objectNode();
		ObjectNode fields = root.putObject("fields");
		item.fields().forEach((path, value) -> {
			ObjectNode field = fields.putObject(path);
			field.set("v", FieldCodec.encode(value.value()));
			field.put("s", value.source());
			field.put("t", value.observedAt().toString());
		});
		ArrayNode sightings = root.putArray("sources");
		for (SourceSighting sighting : item.sightings().values()) {
			sightings.addObject()
				.put("source", sighting.source())
				.put("sourceKey", sighting.sourceKey())
				.put("lastSeen", sighting.lastSeen().toString());
		}
		ObjectNode identifiers = root.putObject("identifiers");
		item.identifiers().forEach((type, values) -> {
			ArrayNode array = identifiers.putArray(type.id());
			values.forEach(array::add);
		});
		ArrayNode keys = root.putArray("keys");
		item.keys().forEach((key) -> keys.addObject().put("type", key.type()).put("value", key.value()));
		ObjectNode relationships = root.putObject("relationships");
		item.relationships().forEach((source, list) -> {
			ArrayNode array = relationships.putArray(source);
			for (StoredRelationship relationship : list) {
				ObjectNode rel = array.addObject();
				rel.put("type", relationship.type().id());
				rel.set("target", CanonicalItemWriter.identifiers(relationship.target()));
			}
		});
		try {
			return MAPPER.writeValueAsString(root);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static ItemState read(String id, Instant createdAt, Instant updatedAt, long version, String document) {
		JsonNode root;
		try {
			root = MAPPER.readTree(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("item " + id + " has an unreadable document", ex);
		}
		Map<String, FieldValue> fields = new TreeMap<>();
		for (Iterator<Map.Entry<String, JsonNode>> it = root.path("fields").fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> entry = it.next();
			JsonNode field = entry.getValue();
			fields.put(entry.getKey(), new FieldValue(FieldCodec.decode(entry.getKey(), field.get("v")),
					field.get("s").asText(), Instant.parse(field.get("t").asText())));
		}
		Map<String, SourceSighting> sightings = new LinkedHashMap<>();
		for (JsonNode sighting : root.path("sources")) {
			SourceSighting value = new SourceSighting(sighting.get("source").asText(),
					sighting.get("sourceKey").asText(), Instant.parse(sighting.get("lastSeen").asText()));
			sightings.put(value.source() + ":" + value.sourceKey(), value);
		}
		Map<IdentifierType, Set<String>> identifiers = new EnumMap<>(IdentifierType.class);
		for (Iterator<Map.Entry<String, JsonNode>> it = root.path("identifiers").fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> entry = it.next();
			Set<String> values = new LinkedHashSet<>();
			entry.getValue().forEach((value) -> values.add(value.asText()));
			identifiers.put(IdentifierType.fromId(entry.getKey()).orElseThrow(), values);
		}
		Set<IdentityKey> keys = new LinkedHashSet<>();
		for (JsonNode key : root.path("keys")) {
			keys.add(new IdentityKey(key.get("type").asText(), key.get("value").asText()));
		}
		Map<String, List<StoredRelationship>> relationships = new TreeMap<>();
		for (Iterator<Map.Entry<String, JsonNode>> it = root.path("relationships").fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> entry = it.next();
			List<StoredRelationship> list = new ArrayList<>();
			for (JsonNode rel : entry.getValue()) {
				list.add(new StoredRelationship(entry.getKey(),
						RelationshipType.fromId(rel.get("type").asText()).orElseThrow(),
						identifiers(rel.get("target"))));
			}
			relationships.put(entry.getKey(), list);
		}
		return new ItemState(id, createdAt, updatedAt, version, fields, sightings, identifiers, keys, relationships);
	}

	private static Identifiers identifiers(JsonNode node) {
		Map<IdentifierType, List<String>> values = new EnumMap<>(IdentifierType.class);
		for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> entry = it.next();
			List<String> list = new ArrayList<>();
			if (entry.getValue().isArray()) {
				entry.getValue().forEach((value) -> list.add(value.asText()));
			}
			else {
				list.add(entry.getValue().asText());
			}
			IdentifierType.fromId(entry.getKey()).ifPresent((type) -> values.put(type, list));
		}
		return Identifiers.of(values);
	}

}
