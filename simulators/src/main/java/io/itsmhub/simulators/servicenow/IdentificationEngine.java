package io.itsmhub.simulators.servicenow;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsmhub.simulators.core.BadRequestException;
import io.itsmhub.simulators.core.Json;
import io.itsmhub.simulators.core.SimulatorException;

/**
 * The Identification and Reconciliation engine: identifies each payload item by its
 * class's identification rule, answers INSERT, UPDATE or NO_CHANGE with the sys_id,
 * records the item's source in {@code sys_object_source}, and writes the payload's
 * relations into {@code cmdb_rel_ci} with the type resolved by name.
 */
final class IdentificationEngine {

	private final TableStore store;

	private final List<IdentificationRule> rules;

	// Indexes that spare a scan of every source record and relationship per payload
	// item on large loads; an entry is trusted only after the record is read back.
	private final Map<String, String> sourceIndex = new HashMap<>();

	private final Map<String, String> relationIndex = new HashMap<>();

	IdentificationEngine(TableStore store, List<IdentificationRule> rules) {
		this.store = store;
		this.rules = rules;
	}

	/**
	 * Runs a payload.
	 * @param payload the request body
	 * @param dataSource the {@code sysparm_data_source}, may be {@code null}
	 * @param commit false for the {@code query} variant, which only identifies
	 * @param user the user writing
	 * @return the {@code result} object
	 */
	ObjectNode run(JsonNode payload, String dataSource, boolean commit, String user) {
		JsonNode items = payload.get("items");
		if (items == null || !items.isArray()) {
			throw new BadRequestException("Invalid payload", "The payload must have an 'items' array");
		}
		if (dataSource != null && !validDataSource(dataSource)) {
			throw new BadRequestException("Invalid data source: " + dataSource,
					"sysparm_data_source must be a choice value of cmdb_ci.discovery_source");
		}
		ObjectNode result = Json.object();
		ArrayNode itemResults = result.putArray("items");
		List<String> sysIds = new ArrayList<>();
		Map<String, Integer> internalIds = new HashMap<>();
		for (int i = 0; i < items.size(); i++) {
			JsonNode item = items.get(i);
			String internalId = Json.text(item, "internal_id");
			if (internalId != null) {
				internalIds.put(internalId, i);
			}
			ObjectNode itemResult = itemResults.addObject();
			sysIds.add(identifyOne(item, itemResult, dataSource, commit, user));
		}
		ArrayNode relationResults = result.putArray("relations");
		JsonNode relations = payload.path("relations");
		for (JsonNode relation : relations) {
			relationResults.add(relate(relation, sysIds, internalIds, commit, user));
		}
		result.putArray("additionalCommittedItems");
		result.putArray("additionalCommittedRelations");
		return result;
	}

	private String identifyOne(JsonNode item, ObjectNode out, String dataSource, boolean commit, String user) {
		String className = Json.text(item, "className");
		out.put("className", className);
		Map<String, String> values = new LinkedHashMap<>();
		Iterator<Map.Entry<String, JsonNode>> fields = item.path("values").fields();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			values.put(field.getKey(), field.getValue().isNull() ? "" : field.getValue().asText());
		}
		JsonNode sourceInfo = item.path("sys_object_source_info");
		String sourceName = Json.text(sourceInfo, "source_name");
		ArrayNode attempts = Json.array();
		try {
			if (className == null || !this.store.schema().exists(className)
					|| !this.store.schema().isA(className, "cmdb_ci")) {
				throw new ItemError("INVALID_INPUT_DATA", "Invalid className: " + className);
			}
			if (sourceName != null && !validDataSource(sourceName)) {
				throw new ItemError("INVALID_INPUT_DATA",
						"source_name '" + sourceName + "' is not a choice value of cmdb_ci.discovery_source");
			}
			IdentificationRule rule = ruleFor(className);
			Map<String, String> match = identify(rule, className, values, lookupValues(item), attempts);
			String operation;
			Map<String, String> record;
			if (match == null) {
				operation = "INSERT";
				Map<String, String> insertValues = new LinkedHashMap<>(values);
				String source = (dataSource != null) ? dataSource : sourceName;
				if (source != null) {
					insertValues.putIfAbsent("discovery_source", source);
				}
				insertValues.putIfAbsent("first_discovered", this.store.now());
				insertValues.putIfAbsent("last_discovered", this.store.now());
				record = commit ? this.store.insert(className, insertValues, user) : null;
			}
			else {
				record = match;
				boolean upgrade = !className.equals(match.get("sys_class_name"))
						&& this.store.schema().isA(className, match.get("sys_class_name"))
						&& !item.path("settings").path("updateWithoutUpgrade").asBoolean(false);
				boolean same = !upgrade && this.store.unchanged(match, values);
				operation = same ? "NO_CHANGE" : "UPDATE";
				if (commit && !same) {
					if (upgrade) {
						this.store.reclassify(match, className);
					}
					this.store.update(match, values, user);
				}
			}
			String sysId = (record != null) ? record.get("sys_id") : null;
			out.put("operation", operation);
			out.put("sysId", (sysId != null) ? sysId : "Unknown");
			if (rule != null) {
				out.put("identifierEntrySysId", TableStore.seedSysId("identifier:" + rule.name()));
			}
			out.set("identificationAttempts", attempts);
			out.put("errorCount", 0);
			if (commit && sysId != null && sourceName != null) {
				recordSource(sourceInfo, className, sysId, user);
			}
			return sysId;
		}
		catch (ItemError ex) {
			fail(out, attempts, ex.type, ex.getMessage());
		}
		catch (SimulatorException ex) {
			fail(out, attempts, "INVALID_INPUT_DATA",
					ex.getMessage() + ((ex.detail() != null) ? ": " + ex.detail().trim() : ""));
		}
		return null;
	}

	private static void fail(ObjectNode out, ArrayNode attempts, String type, String message) {
		out.put("operation", "NO_CHANGE");
		out.put("sysId", "Unknown");
		out.set("identificationAttempts", attempts);
		ArrayNode errors = out.putArray("errors");
		ObjectNode error = errors.addObject();
		error.put("error", type);
		error.put("message", message);
		out.put("errorCount", 1);
	}

	private IdentificationRule ruleFor(String className) {
		for (IdentificationRule rule : this.rules) {
			if (this.store.schema().isA(className, rule.appliesTo())) {
				return rule;
			}
		}
		return null;
	}

	/** Values from {@code lookup} entries, such as a {@code cmdb_serial_number} row. */
	private static Map<String, String> lookupValues(JsonNode item) {
		Map<String, String> values = new HashMap<>();
		for (JsonNode lookup : item.path("lookup")) {
			if ("cmdb_serial_number".equals(Json.text(lookup, "className"))) {
				String serial = Json.text(lookup.path("values"), "serial_number");
				if (serial != null && !serial.isBlank()) {
					values.put("serial_number", serial);
				}
			}
		}
		return values;
	}

	private Map<String, String> identify(IdentificationRule rule, String className, Map<String, String> values,
			Map<String, String> lookups, ArrayNode attempts) {
		if (rule == null) {
			throw new ItemError("NO_CLASS_IDENTIFIER", "No identification rule for class " + className);
		}
		boolean anyTried = false;
		for (List<String> entry : rule.entries()) {
			Map<String, String> wanted = new LinkedHashMap<>();
			for (String attribute : entry) {
				String value = values.get(attribute);
				if (value == null || value.isBlank()) {
					value = lookups.get(attribute);
				}
				if (value != null && !value.isBlank()) {
					wanted.put(attribute, value.trim());
				}
			}
			ObjectNode attempt = attempts.addObject();
			attempt.put("identifierName", rule.name());
			attempt.set("attributes", Json.MAPPER.valueToTree(entry));
			attempt.put("searchOnTable", rule.searchOnTable());
			if (wanted.size() < entry.size()) {
				attempt.put("attemptResult", "SKIPPED");
				continue;
			}
			anyTried = true;
			List<Map<String, String>> found = new ArrayList<>();
			Map.Entry<String, String> first = wanted.entrySet().iterator().next();
			for (Map<String, String> candidate : this.store.lookup(rule.searchOnTable(), first.getKey(),
					first.getValue())) {
				if (wanted.entrySet()
					.stream()
					.allMatch((w) -> w.getValue().equalsIgnoreCase(candidate.getOrDefault(w.getKey(), "")))) {
					found.add(candidate);
				}
			}
			if (found.size() > 1) {
				attempt.put("attemptResult", "MULTI_MATCH");
				throw new ItemError("MULTI_MATCH", "Found " + found.size() + " duplicate records in "
						+ rule.searchOnTable() + " for " + wanted + "; not updated");
			}
			if (found.size() == 1) {
				attempt.put("attemptResult", "MATCHED");
				return found.get(0);
			}
			attempt.put("attemptResult", "NO_MATCH");
		}
		if (!anyTried) {
			throw new ItemError("MISSING_MATCHING_ATTRIBUTES", "In payload no attributes from identifier entries of "
					+ rule.name() + " are present: " + rule.entries());
		}
		return null;
	}

	private void recordSource(JsonNode info, String className, String sysId, String user) {
		String name = Json.text(info, "source_name");
		String nativeKey = Json.text(info, "source_native_key");
		String scan = Json.text(info, "source_recency_timestamp");
		if (nativeKey == null || nativeKey.isBlank()) {
			// Without a native key there is nothing to tell this item's source row apart.
			return;
		}
		Map<String, String> values = new LinkedHashMap<>();
		values.put("name", name);
		values.put("id", (nativeKey != null) ? nativeKey : "");
		values.put("target_table", className);
		values.put("target_sys_id", sysId);
		values.put("last_scan", isDateTime(scan) ? scan : this.store.now());
		String key = name + "|" + values.get("id");
		Map<String, String> existing = indexed("sys_object_source", this.sourceIndex.get(key));
		if (existing == null || !name.equals(existing.get("name")) || !values.get("id").equals(existing.get("id"))) {
			existing = null;
			for (Map<String, String> candidate : this.store.lookup("sys_object_source", "id", values.get("id"))) {
				if (name.equals(candidate.get("name")) && values.get("id").equals(candidate.get("id"))) {
					existing = candidate;
				}
			}
		}
		if (existing != null) {
			this.store.update(existing, values, user);
			this.sourceIndex.put(key, existing.get("sys_id"));
			return;
		}
		this.sourceIndex.put(key, this.store.insert("sys_object_source", values, user).get("sys_id"));
	}

	private static boolean isDateTime(String value) {
		try {
			return value != null && LocalDateTime.parse(value, TableStore.DATE_TIME) != null;
		}
		catch (java.time.format.DateTimeParseException ex) {
			return false;
		}
	}

	private ObjectNode relate(JsonNode relation, List<String> sysIds, Map<String, Integer> internalIds, boolean commit,
			String user) {
		ObjectNode out = Json.object();
		out.put("className", "cmdb_rel_ci");
		String type = Json.text(relation, "type");
		String parent = endpoint(relation, "parent", sysIds, internalIds);
		String child = endpoint(relation, "child", sysIds, internalIds);
		String problem = null;
		Map<String, String> relType = null;
		if (parent == null || child == null) {
			problem = "Relation refers to an item that is missing or failed: " + relation;
		}
		else {
			for (Map<String, String> candidate : this.store.list("cmdb_rel_type")) {
				if (candidate.get("name").equalsIgnoreCase((type != null) ? type : "")) {
					relType = candidate;
				}
			}
			if (relType == null) {
				problem = "Invalid relationship type: " + type;
			}
		}
		if (problem != null) {
			out.put("operation", "NO_CHANGE");
			ObjectNode error = out.putArray("errors").addObject();
			error.put("error", "INVALID_INPUT_DATA");
			error.put("message", problem);
			out.put("errorCount", 1);
			return out;
		}
		String key = parent + "|" + child + "|" + relType.get("sys_id");
		Map<String, String> known = indexed("cmdb_rel_ci", this.relationIndex.get(key));
		if (known == null || !key.equals(known.get("parent") + "|" + known.get("child") + "|" + known.get("type"))) {
			known = null;
			for (Map<String, String> existing : this.store.lookup("cmdb_rel_ci", "parent", parent)) {
				if (key.equals(existing.get("parent") + "|" + existing.get("child") + "|" + existing.get("type"))) {
					known = existing;
				}
			}
		}
		if (known != null) {
			this.relationIndex.put(key, known.get("sys_id"));
			out.put("operation", "NO_CHANGE");
			out.put("sysId", known.get("sys_id"));
			out.put("errorCount", 0);
			return out;
		}
		out.put("operation", "INSERT");
		if (commit) {
			Map<String, String> values = new LinkedHashMap<>();
			values.put("parent", parent);
			values.put("child", child);
			values.put("type", relType.get("sys_id"));
			String sysId = this.store.insert("cmdb_rel_ci", values, user).get("sys_id");
			this.relationIndex.put(key, sysId);
			out.put("sysId", sysId);
		}
		out.put("errorCount", 0);
		return out;
	}

	private Map<String, String> indexed(String table, String sysId) {
		return (sysId != null) ? this.store.get(table, sysId) : null;
	}

	private static String endpoint(JsonNode relation, String side, List<String> sysIds,
			Map<String, Integer> internalIds) {
		JsonNode index = relation.get(side);
		Integer position = null;
		if (index != null && index.canConvertToInt()) {
			position = index.asInt();
		}
		else if (index != null && index.isTextual() && index.asText().matches("\\d+")) {
			position = Integer.parseInt(index.asText());
		}
		else {
			String internalId = Json.text(relation, side + "_id");
			position = (internalId != null) ? internalIds.get(internalId) : null;
		}
		return (position != null && position >= 0 && position < sysIds.size()) ? sysIds.get(position) : null;
	}

	boolean validDataSource(String source) {
		for (Map<String, String> choice : this.store.list("sys_choice")) {
			if ("cmdb_ci".equals(choice.get("name")) && "discovery_source".equals(choice.get("element"))
					&& source.equals(choice.get("value"))) {
				return true;
			}
		}
		return false;
	}

	private static final class ItemError extends RuntimeException {

		private final String type;

		ItemError(String type, String message) {
			super(message);
			this.type = type;
		}

	}

}
