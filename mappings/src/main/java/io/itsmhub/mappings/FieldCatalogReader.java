package io.itsmhub.mappings;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.api.target.FieldType;

/**
 * Reads a field catalog written in YAML, the form the default mappings ship theirs in
 * until a connector describes its platform itself:
 *
 * <pre>
 * platform: servicenow
 * relationTypes: ["Runs on::Runs", ...]
 * classes:
 *   cmdb_ci_hardware:
 *     fields:
 *       serial_number: {type: string, maxLength: 255}
 *   cmdb_ci_server:
 *     extends: cmdb_ci_hardware     # inherits its fields, as ServiceNow tables do
 *     fields: ...
 * </pre>
 */
public final class FieldCatalogReader {

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	private FieldCatalogReader() {
	}

	/**
	 * Reads a catalog.
	 * @throws IllegalArgumentException naming what is wrong, when the text is not a
	 * catalog
	 */
	public static FieldCatalog read(String yaml) {
		JsonNode root;
		try {
			root = YAML.readTree(yaml);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("field catalog is not valid YAML: " + ex.getMessage(), ex);
		}
		if (root == null || !root.path("platform").isTextual()) {
			throw new IllegalArgumentException("field catalog needs a platform");
		}
		JsonNode classes = root.path("classes");
		Map<String, FieldCatalog.TargetClass> resolved = new LinkedHashMap<>();
		for (Iterator<String> names = classes.fieldNames(); names.hasNext();) {
			resolve(names.next(), classes, resolved, new LinkedHashSet<>());
		}
		Set<String> relationTypes = new LinkedHashSet<>();
		root.path("relationTypes").forEach((type) -> relationTypes.add(type.asText()));
		return new FieldCatalog(root.path("platform").asText(), resolved, relationTypes);
	}

	private static FieldCatalog.TargetClass resolve(String name, JsonNode classes,
			Map<String, FieldCatalog.TargetClass> resolved, Set<String> visiting) {
		FieldCatalog.TargetClass done = resolved.get(name);
		if (done != null) {
			return done;
		}
		JsonNode node = classes.get(name);
		if (node == null) {
			throw new IllegalArgumentException("field catalog: class '" + name + "' is extended but not defined");
		}
		if (!visiting.add(name)) {
			throw new IllegalArgumentException(
					"field catalog: class '" + name + "' extends itself through " + visiting);
		}
		List<FieldCatalog.Field> fields = new ArrayList<>();
		if (node.path("extends").isTextual()) {
			fields.addAll(resolve(node.path("extends").asText(), classes, resolved, visiting).fields().values());
		}
		for (Iterator<Map.Entry<String, JsonNode>> it = node.path("fields").fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> entry = it.next();
			JsonNode field = entry.getValue();
			String typeId = field.path("type").asText("string");
			FieldType type = FieldType.fromId(typeId)
				.orElseThrow(() -> new IllegalArgumentException(
						"field catalog: " + name + "." + entry.getKey() + " has unknown type '" + typeId + "'"));
			fields.removeIf((existing) -> existing.name().equals(entry.getKey()));
			fields.add(new FieldCatalog.Field(entry.getKey(), type,
					field.has("maxLength") ? field.path("maxLength").asInt() : null,
					field.path("required").asBoolean(false)));
		}
		FieldCatalog.TargetClass targetClass = FieldCatalog.TargetClass.of(name, fields);
		resolved.put(name, targetClass);
		return targetClass;
	}

}
