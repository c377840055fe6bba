package io.itsmhub.connectors.jsmassets;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsmhub.api.target.FieldType;
import io.itsmhub.api.target.TargetException;
import io.itsmhub.api.target.TargetFailure;

/**
 * The object schema the hub writes into, read once and cached: object type ids by name,
 * attribute ids by type and name, status ids by name. With provisioning on, missing
 * attributes and statuses are created (and cached) the first time a payload names them.
 */
final class AssetsSchema {

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");

	/** Status names whose category is inactive (retired-like). */
	private static final Set<String> INACTIVE = Set.of("retired", "disposed", "stopped", "closed");

	private final ObjectSchemaResource resource;

	private final JsmAssetsProperties properties;

	private volatile String schemaId;

	private final Map<String, ObjectType> types = new ConcurrentHashMap<>();

	private final Map<String, Map<String, Attribute>> attributes = new ConcurrentHashMap<>();

	private final Map<String, String> statuses = new ConcurrentHashMap<>();

	private final Map<String, String> referenceTypes = new ConcurrentHashMap<>();

	AssetsSchema(ObjectSchemaResource resource, JsmAssetsProperties properties) {
		this.resource = resource;
		this.properties = properties;
	}

	synchronized String schemaId() {
		if (this.schemaId != null) {
			return this.schemaId;
		}
		String id = null;
		for (JsonNode schema : this.resource.schemas()) {
			if (schema.path("name").asText().equalsIgnoreCase(this.properties.objectSchema())) {
				id = schema.path("id").asText();
			}
		}
		if (id == null) {
			throw new TargetException(new TargetFailure(TargetFailure.Kind.PERMANENT,
					"no object schema named '" + this.properties.objectSchema() + "' in the workspace", null, null,
					JsmAssetsProperties.PREFIX + ".object-schema"));
		}
		for (JsonNode type : this.resource.objectTypes(id)) {
			ObjectType objectType = new ObjectType(type.path("id").asText(), type.path("name").asText(),
					type.path("abstractObjectType").asBoolean(false), type.path("parentObjectTypeId").asText(null));
			this.types.put(key(objectType.name()), objectType);
		}
		for (JsonNode status : this.resource.statuses(id)) {
			this.statuses.put(key(status.path("name").asText()), status.path("id").asText());
		}
		this.schemaId = id;
		return id;
	}

	ObjectType type(String name) {
		schemaId();
		return this.types.get(key(name));
	}

	Collection<ObjectType> types() {
		schemaId();
		return this.types.values();
	}

	ObjectType typeById(String id) {
		return types().stream().filter((type) -> type.id().equals(id)).findFirst().orElse(null);
	}

	/**
	 * The top of a type's hierarchy: a reference attribute pointing at it with child
	 * types included takes objects of the type and of every sibling branch below it.
	 */
	ObjectType root(ObjectType type) {
		ObjectType current = type;
		for (int depth = 0; depth < 50 && current.parentId() != null; depth++) {
			ObjectType parent = typeById(current.parentId());
			if (parent == null) {
				break;
			}
			current = parent;
		}
		return current;
	}

	/**
	 * The id of the reference type named like a relation ("Depends on"), created when the
	 * workspace has none.
	 */
	synchronized String referenceTypeId(String name) {
		String schema = schemaId();
		if (this.referenceTypes.isEmpty()) {
			for (JsonNode type : this.resource.referenceTypes(schema)) {
				this.referenceTypes.putIfAbsent(key(type.path("name").asText()), type.path("id").asText());
			}
		}
		String id = this.referenceTypes.get(key(name));
		if (id == null) {
			id = this.resource.createReferenceType(schema, name).path("id").asText();
			this.referenceTypes.put(key(name), id);
		}
		return id;
	}

	/**
	 * Creates the object reference attribute a relation type needs on a holding type:
	 * multi-valued, tied to the same-named reference type, pointing at the given type
	 * with its child types included.
	 */
	synchronized Attribute provisionReference(ObjectType holder, String name, ObjectType referenced) {
		Attribute existing = attribute(holder.id(), name);
		if (existing != null) {
			return existing;
		}
		ObjectNode body = AssetsHttp.JSON.createObjectNode();
		body.put("name", name);
		body.put("type", AssetsParams.TYPE_REFERENCE);
		body.put("typeValue", referenced.id());
		body.put("additionalValue", referenceTypeId(name));
		body.put("includeChildObjectTypes", true);
		body.put("minimumCardinality", 0);
		body.put("maximumCardinality", -1);
		Attribute created = Attribute.of(this.resource.createAttribute(holder.id(), body));
		attributes(holder.id()).put(key(created.name()), created);
		return created;
	}

	Map<String, Attribute> attributes(String typeId) {
		return this.attributes.computeIfAbsent(typeId, (id) -> {
			Map<String, Attribute> byName = new ConcurrentHashMap<>();
			for (JsonNode node : this.resource.attributes(id)) {
				Attribute attribute = Attribute.of(node);
				byName.put(key(attribute.name()), attribute);
			}
			return byName;
		});
	}

	/** Attributes of a type in the schema's order. */
	List<Attribute> orderedAttributes(String typeId) {
		List<Attribute> list = new ArrayList<>(attributes(typeId).values());
		list.sort((a, b) -> Integer.compare(Integer.parseInt(a.id()), Integer.parseInt(b.id())));
		return list;
	}

	Attribute attribute(String typeId, String name) {
		return attributes(typeId).get(key(name));
	}

	/** A status id by name; created (category by name) when provisioning, else null. */
	String statusId(String name) {
		schemaId();
		String id = this.statuses.get(key(name));
		if (id == null && this.properties.provisionSchema()) {
			int category = INACTIVE.contains(key(name)) ? 0 : 1;
			id = this.resource.createStatus(this.schemaId, name, category).path("id").asText();
			this.statuses.put(key(name), id);
		}
		return id;
	}

	/**
	 * Creates an attribute of a type: an object reference when another object type has
	 * the name, a status for the status attribute, else a default attribute of the given
	 * type.
	 */
	synchronized Attribute provision(ObjectType type, String name, FieldType fieldType) {
		Attribute existing = attribute(type.id(), name);
		if (existing != null) {
			return existing;
		}
		ObjectNode body = AssetsHttp.JSON.createObjectNode();
		body.put("name", name);
		ObjectType referenced = this.types.get(key(name));
		if (fieldType == FieldType.REFERENCE && referenced != null) {
			body.put("type", AssetsParams.TYPE_REFERENCE);
			body.put("typeValue", referenced.id());
			// mandatory for object references: Assets' built-in "Reference" type
			body.put("additionalValue", referenceTypeId("Reference"));
		}
		else if (fieldType == FieldType.REFERENCE && name.equalsIgnoreCase(this.properties.statusAttribute())) {
			body.put("type", AssetsParams.TYPE_STATUS);
		}
		else if (fieldType == FieldType.REFERENCE) {
			body.put("type", AssetsParams.TYPE_USER);
		}
		else {
			body.put("type", AssetsParams.TYPE_DEFAULT);
			body.put("defaultTypeId", switch (fieldType) {
				case INTEGER -> 1;
				case BOOLEAN -> 2;
				case DECIMAL -> 3;
				case DATE -> 4;
				case DATETIME -> 6;
				default -> 0;
			});
		}
		body.put("minimumCardinality", 0);
		body.put("maximumCardinality", 1);
		Attribute created = Attribute.of(this.resource.createAttribute(type.id(), body));
		attributes(type.id()).put(key(created.name()), created);
		return created;
	}

	/** The field type a value suggests, for provisioning from a payload. */
	static FieldType typeOf(Object value) {
		if (value instanceof Long || value instanceof Integer) {
			return FieldType.INTEGER;
		}
		if (value instanceof BigDecimal || value instanceof Double) {
			return FieldType.DECIMAL;
		}
		if (value instanceof Boolean) {
			return FieldType.BOOLEAN;
		}
		String text = String.valueOf(value);
		if (DATE.matcher(text).matches()) {
			return FieldType.DATE;
		}
		if (DATE_TIME.matcher(text).matches()) {
			return FieldType.DATETIME;
		}
		return FieldType.STRING;
	}

	static String key(String name) {
		return name.trim().toLowerCase(Locale.ROOT);
	}

	/** One object type. */
	record ObjectType(String id, String name, boolean abstractType, String parentId) {

	}

	/** One attribute of an object type. */
	record Attribute(String id, String name, int type, int defaultType, int minimumCardinality, int maximumCardinality,
			String referenceObjectTypeId, boolean system) {

		static Attribute of(JsonNode node) {
			return new Attribute(node.path("id").asText(), node.path("name").asText(), node.path("type").asInt(0),
					node.path("defaultType").path("id").asInt(-1), node.path("minimumCardinality").asInt(0),
					node.path("maximumCardinality").asInt(1), node.hasNonNull("referenceObjectTypeId")
							? node.path("referenceObjectTypeId").asText() : node.path("typeValue").asText(null),
					node.path("system").asBoolean(false));
		}

		boolean reference() {
			return this.type == AssetsParams.TYPE_REFERENCE;
		}

		boolean status() {
			return this.type == AssetsParams.TYPE_STATUS;
		}

		boolean user() {
			return this.type == AssetsParams.TYPE_USER;
		}

		FieldType fieldType() {
			if (this.type != AssetsParams.TYPE_DEFAULT) {
				return FieldType.REFERENCE;
			}
			return switch (this.defaultType) {
				case 1 -> FieldType.INTEGER;
				case 2 -> FieldType.BOOLEAN;
				case 3 -> FieldType.DECIMAL;
				case 4 -> FieldType.DATE;
				case 6 -> FieldType.DATETIME;
				default -> FieldType.STRING;
			};
		}

	}

	static Map<String, Object> copy(Map<String, Object> fields) {
		return new LinkedHashMap<>(fields);
	}

}
