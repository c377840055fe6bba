package io.itsmhub.connectors.servicenow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.api.target.FieldType;

/**
 * Reads the field catalog the way a ServiceNow admin sees it: tables from
 * {@code sys_db_object} with their {@code super_class}, columns from
 * {@code sys_dictionary} (one row per column on the table that defines it, so inherited
 * columns come from walking up the hierarchy), relation types from {@code cmdb_rel_type}.
 */
final class DictionaryReader {

	private final TableResource table;

	private final ServiceNowProperties properties;

	DictionaryReader(TableResource table, ServiceNowProperties properties) {
		this.table = table;
		this.properties = properties;
	}

	FieldCatalog read() {
		StringJoiner prefixes = new StringJoiner("^OR");
		this.properties.catalogTablePrefixes().forEach((prefix) -> prefixes.add("nameSTARTSWITH" + prefix));
		// GET /api/now/table/sys_db_object: the tables and what each extends
		Map<String, String> nameBySysId = new HashMap<>();
		Map<String, String> parentSysId = new LinkedHashMap<>();
		for (JsonNode record : this.table.list(ServiceNowParams.TABLE_DB_OBJECT, prefixes.toString(),
				"sys_id,name,super_class")) {
			String name = record.path("name").asText();
			nameBySysId.put(record.path("sys_id").asText(), name);
			parentSysId.put(name, record.path("super_class").asText(""));
		}
		// GET /api/now/table/sys_dictionary: the columns each table defines
		Map<String, List<FieldCatalog.Field>> own = new HashMap<>();
		for (JsonNode record : this.table.list(ServiceNowParams.TABLE_DICTIONARY, prefixes.toString(),
				"name,element,internal_type,max_length,mandatory")) {
			String element = record.path("element").asText("");
			if (element.isBlank()) {
				continue;
			}
			FieldType type = type(record.path("internal_type").asText(""));
			int maxLength = record.path("max_length").asInt(0);
			own.computeIfAbsent(record.path("name").asText(), (t) -> new ArrayList<>())
				.add(new FieldCatalog.Field(element, type,
						(type == FieldType.STRING && maxLength > 0) ? maxLength : null,
						record.path("mandatory").asBoolean(false)));
		}
		Map<String, FieldCatalog.TargetClass> classes = new LinkedHashMap<>();
		for (String name : parentSysId.keySet()) {
			List<String> chain = new ArrayList<>();
			Set<String> seen = new LinkedHashSet<>();
			for (String current = name; current != null
					&& seen.add(current); current = nameBySysId.get(parentSysId.getOrDefault(current, ""))) {
				chain.add(0, current);
			}
			Map<String, FieldCatalog.Field> fields = new LinkedHashMap<>();
			for (String table : chain) {
				own.getOrDefault(table, List.of()).forEach((field) -> fields.put(field.name(), field));
			}
			classes.put(name, new FieldCatalog.TargetClass(name, fields));
		}
		// GET /api/now/table/cmdb_rel_type: the relation type names
		Set<String> relationTypes = new LinkedHashSet<>();
		for (JsonNode record : this.table.list(ServiceNowParams.TABLE_REL_TYPE, null, "name")) {
			relationTypes.add(record.path("name").asText());
		}
		return new FieldCatalog(ServiceNowConnector.PLATFORM, classes, relationTypes);
	}

	static FieldType type(String internalType) {
		return switch (internalType) {
			case "integer", "longint" -> FieldType.INTEGER;
			case "decimal", "float", "currency", "price", "percent_complete" -> FieldType.DECIMAL;
			case "boolean" -> FieldType.BOOLEAN;
			case "glide_date" -> FieldType.DATE;
			case "glide_date_time", "due_date" -> FieldType.DATETIME;
			case "reference" -> FieldType.REFERENCE;
			default -> FieldType.STRING;
		};
	}

}
