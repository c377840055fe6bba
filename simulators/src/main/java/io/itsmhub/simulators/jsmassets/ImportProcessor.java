package io.itsmhub.simulators.jsmassets;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsmhub.simulators.core.BadRequestException;
import io.itsmhub.simulators.core.Json;

/**
 * Applies an external import: the schema part of a mapping document creates the object
 * types and attributes that are missing (matched by name), and the data of a finished
 * execution is written through the mapping, identifying objects by their
 * {@code externalIdPart} attributes, creating or updating them, and resolving references
 * after every object exists.
 */
final class ImportProcessor {

	private final AssetsModel model;

	private final Clock clock;

	ImportProcessor(AssetsModel model, Clock clock) {
		this.model = model;
		this.clock = clock;
	}

	/**
	 * Checks a schema-and-mapping document and creates the types and attributes it needs.
	 */
	void applySchema(JsonNode document) {
		JsonNode mapping = document.path("mapping").path("objectTypeMappings");
		if (!document.path("schema").path("objectSchema").isObject() || !mapping.isArray()) {
			throw new BadRequestException("The document needs schema.objectSchema and mapping.objectTypeMappings");
		}
		for (JsonNode type : document.path("schema").path("objectSchema").path("objectTypes")) {
			applyType(type, null);
		}
		for (JsonNode typeMapping : mapping) {
			ObjectTypeDefinition type = this.model.typeByName(String.valueOf(Json.text(typeMapping, "objectTypeName")));
			if (type == null) {
				throw new BadRequestException(
						"Mapping refers to unknown object type " + Json.text(typeMapping, "objectTypeName"));
			}
			for (JsonNode attributeMapping : typeMapping.path("attributesMapping")) {
				if (this.model.attributeByName(type,
						String.valueOf(Json.text(attributeMapping, "attributeName"))) == null) {
					throw new BadRequestException("Mapping refers to unknown attribute "
							+ Json.text(attributeMapping, "attributeName") + " of " + type.name);
				}
			}
		}
	}

	private void applyType(JsonNode typeNode, ObjectTypeDefinition parent) {
		String name = Json.text(typeNode, "name");
		if (name == null) {
			throw new BadRequestException("Every object type in the import schema needs a name");
		}
		ObjectTypeDefinition type = this.model.typeByName(name);
		if (type == null) {
			type = this.model.addType(name, String.valueOf(Json.text(typeNode, "description")),
					(parent != null) ? parent.id : null, false, false, "Import");
		}
		for (JsonNode attribute : typeNode.path("attributes")) {
			String attributeName = Json.text(attribute, "name");
			if (attributeName == null || this.model.attributeByName(type, attributeName) != null) {
				continue;
			}
			String kind = String.valueOf(Json.text(attribute, "type")).toLowerCase(Locale.ROOT);
			int max = attribute.path("maximumCardinality").asInt(1);
			boolean unique = attribute.path("unique").asBoolean(false);
			switch (kind) {
				case "referenced_object" -> {
					ObjectTypeDefinition target = this.model
						.typeByName(String.valueOf(Json.text(attribute, "referenceObjectTypeName")));
					if (target == null) {
						throw new BadRequestException("Reference attribute " + attributeName
								+ " needs referenceObjectTypeName of an existing object type");
					}
					this.model.attribute(type, attributeName, 1, -1, 0, max, false, target.id,
							this.model.referenceTypeId("Reference"), false, List.of());
				}
				case "status" ->
					this.model.attribute(type, attributeName, 7, -1, 0, 1, false, null, null, false, List.of());
				case "user" ->
					this.model.attribute(type, attributeName, 2, -1, 0, max, false, null, null, false, List.of());
				default -> this.model.attribute(type, attributeName, 0, defaultType(kind), 0, max, unique, null, null,
						false, List.of());
			}
		}
		for (JsonNode child : typeNode.path("children")) {
			applyType(child, type);
		}
	}

	private static int defaultType(String kind) {
		return switch (kind) {
			case "integer" -> 1;
			case "boolean" -> 2;
			case "double" -> 3;
			case "date" -> 4;
			case "time" -> 5;
			case "datetime" -> 6;
			case "url" -> 7;
			case "email" -> 8;
			case "textarea" -> 9;
			case "ipaddress" -> 11;
			default -> 0;
		};
	}

	/**
	 * Processes the chunks of a finished execution; returns the {@code progressResult}.
	 */
	ObjectNode process(ImportSource source, ImportSource.Execution execution) {
		ObjectNode result = Json.object();
		result.put("type", "IMPORT");
		result.put("id", execution.id);
		result.put("started", execution.started.toString());
		result.put("objectSchemaId", AssetsModel.SCHEMA_ID);
		result.put("importSourceId", source.id);
		ObjectNode perType = result.putObject("objectTypeResultMap");
		ArrayNode populated = result.putArray("populatedObjectTypes");
		List<Runnable> referencePass = new ArrayList<>();
		int total = 0;
		for (JsonNode typeMapping : source.mapping.path("mapping").path("objectTypeMappings")) {
			ObjectTypeDefinition type = this.model.typeByName(Json.text(typeMapping, "objectTypeName"));
			List<JsonNode> entries = new ArrayList<>();
			for (JsonNode chunk : execution.chunks) {
				entries.addAll(select(chunk.path("data"), String.valueOf(Json.text(typeMapping, "selector"))));
			}
			total += entries.size();
			int[] counts = new int[3];
			ArrayNode errors = Json.array();
			for (JsonNode entry : entries) {
				try {
					importEntry(type, typeMapping, entry, counts, referencePass);
				}
				catch (AssetsModel.AttributeError | BadRequestException ex) {
					errors.add(ex.getMessage());
				}
			}
			ObjectNode typeResult = perType.putObject(type.id);
			typeResult.put("objectTypeName", type.name);
			typeResult.put("objectTypeId", Integer.parseInt(type.id));
			typeResult.put("objectsCreated", counts[0]);
			typeResult.put("objectsUpdated", counts[1]);
			typeResult.put("objectsIdentical", counts[2]);
			typeResult.put("objectsMissingUpdated", 0);
			typeResult.put("objectsMissingDeleted", 0);
			typeResult.put("entriesInSource", entries.size());
			typeResult.put("duplicateEnries", 0);
			typeResult.set("errorMessages", errors.isEmpty() ? null : errors);
			if (!entries.isEmpty()) {
				populated.add(type.name);
			}
		}
		List<String> referenceErrors = new ArrayList<>();
		for (Runnable reference : referencePass) {
			try {
				reference.run();
			}
			catch (AssetsModel.AttributeError ex) {
				referenceErrors.add(ex.getMessage());
			}
		}
		result.put("ended", this.clock.instant().toString());
		result.put("result", referenceErrors.isEmpty() ? "OK" : "PARTIAL");
		result.put("status", "FINISHED");
		result.set("errorMessages", referenceErrors.isEmpty() ? null : Json.MAPPER.valueToTree(referenceErrors));
		result.put("totalNumberEntriesInImport", total);
		return result;
	}

	private void importEntry(ObjectTypeDefinition type, JsonNode typeMapping, JsonNode entry, int[] counts,
			List<Runnable> referencePass) {
		Map<AttributeDefinition, List<String>> plain = new LinkedHashMap<>();
		Map<AttributeDefinition, List<String>> references = new LinkedHashMap<>();
		Map<AttributeDefinition, List<String>> identity = new LinkedHashMap<>();
		for (JsonNode attributeMapping : typeMapping.path("attributesMapping")) {
			AttributeDefinition attribute = this.model.attributeByName(type,
					Json.text(attributeMapping, "attributeName"));
			List<String> values = new ArrayList<>();
			for (JsonNode locator : attributeMapping.path("attributeLocators")) {
				for (JsonNode value : select(entry, locator.asText())) {
					if (!value.isNull() && !value.asText().isEmpty()) {
						values.add(value.asText());
					}
				}
			}
			if (attributeMapping.path("externalIdPart").asBoolean(false)) {
				identity.put(attribute, values);
			}
			(attribute.isReference() ? references : plain).put(attribute, values);
		}
		if (identity.isEmpty() || identity.values().stream().anyMatch(List::isEmpty)) {
			throw new BadRequestException("Entry of " + type.name + " has no value for its externalIdPart attributes");
		}
		AssetsObject existing = this.model.objects.values()
			.stream()
			.filter((o) -> o.objectTypeId.equals(type.id))
			.filter((o) -> identity.entrySet().stream().allMatch((e) -> o.get(e.getKey().id).equals(e.getValue())))
			.findFirst()
			.orElse(null);
		Map<String, List<String>> clean = new LinkedHashMap<>();
		for (Map.Entry<AttributeDefinition, List<String>> value : plain.entrySet()) {
			clean.put(value.getKey().id, this.model.normalize(type, value.getKey(), value.getValue(), existing));
		}
		AssetsObject target = existing;
		if (target == null) {
			for (AttributeDefinition attribute : this.model.attributes(type)) {
				if (attribute.minimumCardinality > 0 && !attribute.system && !attribute.isReference()
						&& clean.getOrDefault(attribute.id, List.of()).isEmpty()) {
					throw new AssetsModel.AttributeError(attribute.id,
							"Entry of " + type.name + " has no value for the required attribute " + attribute.name);
				}
			}
			target = this.model.newObject(type.id);
			target.values.putAll(clean);
			counts[0]++;
		}
		else {
			boolean changed = false;
			for (Map.Entry<String, List<String>> value : clean.entrySet()) {
				if (!value.getValue().equals(target.get(value.getKey()))) {
					target.values.put(value.getKey(), value.getValue());
					changed = true;
				}
			}
			if (changed) {
				target.updated = this.clock.millis();
			}
			counts[changed ? 1 : 2]++;
		}
		AssetsObject object = target;
		for (Map.Entry<AttributeDefinition, List<String>> reference : references.entrySet()) {
			referencePass.add(() -> {
				List<String> resolved = new ArrayList<>();
				for (String value : reference.getValue()) {
					resolved.add(resolveReference(reference.getKey(), value));
				}
				List<String> clean2 = this.model.normalize(type, reference.getKey(), resolved, object);
				if (!clean2.equals(object.get(reference.getKey().id))) {
					object.values.put(reference.getKey().id, clean2);
					object.updated = this.clock.millis();
				}
			});
		}
	}

	/** An import names referenced objects by key, label or a unique attribute value. */
	private String resolveReference(AttributeDefinition attribute, String value) {
		if (this.model.findObject(value) != null) {
			return value;
		}
		for (AssetsObject candidate : this.model.objects.values()) {
			if (!this.model.isA(candidate.objectTypeId, attribute.referenceObjectTypeId)) {
				continue;
			}
			if (this.model.label(candidate).equals(value)) {
				return candidate.objectKey;
			}
			for (AttributeDefinition unique : this.model.attributes(this.model.types.get(candidate.objectTypeId))) {
				if (unique.unique && candidate.get(unique.id).contains(value)) {
					return candidate.objectKey;
				}
			}
		}
		return value;
	}

	/** Follows a dotted selector, flattening arrays on the way. */
	static List<JsonNode> select(JsonNode root, String selector) {
		List<JsonNode> current = new ArrayList<>(List.of(root));
		if (selector == null || selector.isEmpty()) {
			return flatten(current);
		}
		for (String part : selector.split("\\.")) {
			List<JsonNode> next = new ArrayList<>();
			for (JsonNode node : flatten(current)) {
				JsonNode child = node.get(part);
				if (child != null && !child.isMissingNode()) {
					next.add(child);
				}
			}
			current = next;
		}
		return flatten(current);
	}

	private static List<JsonNode> flatten(List<JsonNode> nodes) {
		List<JsonNode> result = new ArrayList<>();
		for (JsonNode node : nodes) {
			if (node.isArray()) {
				node.forEach(result::add);
			}
			else {
				result.add(node);
			}
		}
		return result;
	}

}
