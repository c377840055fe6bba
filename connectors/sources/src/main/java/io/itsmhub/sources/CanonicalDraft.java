package io.itsmhub.sources;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.itsmhub.api.json.CanonicalItemWriter;
import io.itsmhub.api.json.CanonicalValues;
import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.Identifiers;
import io.itsmhub.api.model.RelationshipType;

/**
 * One record being translated from a source format into the canonical JSON form. Every
 * source builds its records with this and hands the JSON to
 * {@link io.itsmhub.api.json.CanonicalItemReader#toItem}, so that all sources validate
 * and name bad fields exactly as the ingest API does. Blank values are dropped here: a
 * source that does not know a value says nothing about it.
 */
public final class CanonicalDraft {

	private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

	private final ObjectNode root = NODES.objectNode();

	private final Map<IdentifierType, Set<String>> identifiers = new EnumMap<>(IdentifierType.class);

	private final ObjectNode attributes = NODES.objectNode();

	private final ObjectNode facts = NODES.objectNode();

	private final ArrayNode relationships = NODES.arrayNode();

	/** The record's key in its source; {@code null} leaves it missing (and rejected). */
	public CanonicalDraft sourceKey(String sourceKey) {
		putText(this.root, "sourceKey", sourceKey);
		return this;
	}

	/** The sourceKey set so far, or {@code null}. */
	public String sourceKey() {
		JsonNode key = this.root.get("sourceKey");
		return (key != null) ? key.asText() : null;
	}

	public CanonicalDraft ciClass(CiClass ciClass) {
		return ciClass((ciClass != null) ? ciClass.id() : null);
	}

	/** A class by its wire name; an unknown name is left for the reader to reject. */
	public CanonicalDraft ciClass(String ciClass) {
		putText(this.root, "ciClass", ciClass);
		return this;
	}

	public CanonicalDraft name(String name) {
		putText(this.root, "name", name);
		return this;
	}

	/** Adds an identifier value; blank values and repeats are ignored. */
	public CanonicalDraft identifier(IdentifierType type, String value) {
		if (!isBlank(value)) {
			this.identifiers.computeIfAbsent(type, (t) -> new LinkedHashSet<>()).add(value.trim());
		}
		return this;
	}

	public CanonicalDraft identifiers(IdentifierType type, Collection<String> values) {
		values.forEach((value) -> identifier(type, value));
		return this;
	}

	/** The identifier values of one type added so far. */
	public List<String> identifier(IdentifierType type) {
		return List.copyOf(this.identifiers.getOrDefault(type, Set.of()));
	}

	/**
	 * Sets an attribute. Values are canonical values ({@code String}, {@code Boolean},
	 * {@code Long}, {@code BigDecimal}, {@code List}, {@code Map}) or a {@link JsonNode};
	 * {@code null}, blank strings and empty lists are dropped.
	 */
	public CanonicalDraft attribute(String name, Object value) {
		JsonNode node = (value instanceof JsonNode json) ? json : CanonicalValues.toJson(value);
		if (node.isNull() || (node.isTextual() && node.asText().isBlank())
				|| (node.isContainerNode() && node.isEmpty())) {
			return this;
		}
		this.attributes.set(name, node.isTextual() ? NODES.textNode(node.asText().trim()) : node);
		return this;
	}

	/** Sets a fact as text; the reader checks it against the fact's type. */
	public CanonicalDraft fact(String name, String value) {
		putText(this.facts, name, value);
		return this;
	}

	/** Sets a fact from JSON, such as a purchase cost object. */
	public CanonicalDraft fact(String name, JsonNode value) {
		if (value != null && !value.isNull()) {
			this.facts.set(name, value);
		}
		return this;
	}

	/** Adds a relationship to another item named by one identifier. */
	public CanonicalDraft relationship(RelationshipType type, IdentifierType targetType, String targetValue) {
		if (!isBlank(targetValue)) {
			relationship(type, Identifiers.of(targetType, targetValue.trim()));
		}
		return this;
	}

	/** Adds a relationship to another item named by its identifiers. */
	public CanonicalDraft relationship(RelationshipType type, Identifiers target) {
		ObjectNode relationship = this.relationships.addObject();
		relationship.put("type", type.id());
		relationship.set("target", CanonicalItemWriter.identifiers(target));
		return this;
	}

	/** Adds a relationship by a type name the reader will check. */
	public CanonicalDraft relationship(String type, Identifiers target) {
		ObjectNode relationship = this.relationships.addObject();
		relationship.put("type", type);
		relationship.set("target", CanonicalItemWriter.identifiers(target));
		return this;
	}

	public CanonicalDraft observedAt(Instant observedAt) {
		if (observedAt != null) {
			this.root.put("observedAt", observedAt.toString());
		}
		return this;
	}

	/** Sets observedAt as text; the reader checks it is ISO 8601. */
	public CanonicalDraft observedAt(String observedAt) {
		putText(this.root, "observedAt", observedAt);
		return this;
	}

	/** The record in the canonical JSON form. */
	public ObjectNode toJson() {
		ObjectNode node = this.root.deepCopy();
		ObjectNode ids = node.putObject("identifiers");
		this.identifiers.forEach((type, values) -> {
			if (values.size() == 1 && !type.multiValued()) {
				ids.put(type.id(), values.iterator().next());
			}
			else {
				ArrayNode array = ids.putArray(type.id());
				new ArrayList<>(values).forEach(array::add);
			}
		});
		if (!this.attributes.isEmpty()) {
			node.set("attributes", this.attributes.deepCopy());
		}
		if (!this.facts.isEmpty()) {
			node.set("facts", this.facts.deepCopy());
		}
		if (!this.relationships.isEmpty()) {
			node.set("relationships", this.relationships.deepCopy());
		}
		return node;
	}

	/** Whether a value is missing: {@code null} or only white space. */
	public static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private static void putText(ObjectNode node, String field, String value) {
		if (isBlank(value)) {
			node.remove(field);
		}
		else {
			node.put(field, value.trim());
		}
	}

}
