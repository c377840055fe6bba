package io.itsmhub.simulators.xurrent;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsmhub.simulators.core.Json;

/**
 * The slice of the Xurrent GraphQL schema the simulator serves: the input objects and
 * enums of configuration item writes, answered to {@code __type(name:)} introspection and
 * used to coerce variables the way a GraphQL server does (an unknown field, a bad enum
 * literal or an unreadable date refuses the whole request with a top-level error). Field
 * names follow the reference's reading of the developer docs and the third-party SDK; the
 * enum literal casing (lower snake case) is the simulator's assumption.
 */
final class XurrentSchema {

	/** The configuration item statuses ({@code CiStatus}). */
	static final List<String> CI_STATUSES = List.of("in_production", "installed", "in_stock", "being_repaired",
			"lent_out", "archived", "to_be_removed", "removed", "undergoing_maintenance", "broken_down",
			"standby_for_continuity", "reserved");

	/** The relation types ({@code CiRelationType}). */
	static final List<String> RELATION_TYPES = List.of("parent", "child", "network_connection", "redundancy",
			"continuity", "software_dependency");

	/** The discovery strategies ({@code DiscoveredCiStrategy}). */
	static final List<String> STRATEGIES = List.of("CREATE", "UPDATE", "DEFAULT");

	private static final Map<String, Map<String, String>> INPUTS = new LinkedHashMap<>();

	private static final Map<String, List<String>> ENUMS = Map.of("CiStatus", CI_STATUSES, "CiRelationType",
			RELATION_TYPES, "DiscoveredCiStrategy", STRATEGIES);

	static {
		Map<String, String> ci = new LinkedHashMap<>();
		ci.put("clientMutationId", "String");
		ci.put("name", "String");
		ci.put("label", "String");
		ci.put("serialNr", "String");
		ci.put("assetID", "String");
		ci.put("systemID", "String");
		ci.put("source", "String");
		ci.put("sourceID", "String");
		ci.put("status", "CiStatus");
		ci.put("financialOwnerId", "ID");
		ci.put("userIds", "[ID!]");
		ci.put("siteId", "ID");
		ci.put("location", "String");
		ci.put("purchaseValue", "MonetaryAmount");
		ci.put("purchaseValueCurrency", "String");
		ci.put("inUseSince", "Date");
		ci.put("warrantyExpiryDate", "Date");
		ci.put("supplierId", "ID");
		ci.put("supportTeamId", "ID");
		ci.put("remarks", "String");
		ci.put("newCiRelations", "[CiRelationInput!]");
		Map<String, String> create = new LinkedHashMap<>();
		create.put("productId", "ID!");
		create.putAll(ci);
		INPUTS.put("ConfigurationItemCreateInput", create);
		Map<String, String> update = new LinkedHashMap<>();
		update.put("id", "ID!");
		update.put("productId", "ID");
		update.putAll(ci);
		update.put("ciRelationsToDelete", "[ID!]");
		INPUTS.put("ConfigurationItemUpdateInput", update);
		INPUTS.put("CiRelationInput",
				new LinkedHashMap<>(Map.of("relationType", "CiRelationType!", "configurationItemId", "ID",
						"configurationItemSource", "String", "configurationItemSourceID", "String")));
		Map<String, String> product = new LinkedHashMap<>();
		product.put("name", "String!");
		product.put("categoryId", "ID!");
		product.put("brand", "String");
		product.put("model", "String");
		product.put("source", "String");
		product.put("sourceID", "String");
		INPUTS.put("ProductCreateInput", product);
	}

	private XurrentSchema() {
	}

	/** Whether the schema has a type of that name. */
	static boolean hasType(String name) {
		return INPUTS.containsKey(name) || ENUMS.containsKey(name);
	}

	/**
	 * The type as {@code __type(name:)} answers it: {@code kind}, {@code name}, and
	 * {@code inputFields} or {@code enumValues}; {@code null} when unknown.
	 */
	static ObjectNode type(String name) {
		ObjectNode type = Json.object();
		type.put("__typename", "__Type");
		if (INPUTS.containsKey(name)) {
			type.put("kind", "INPUT_OBJECT");
			type.put("name", name);
			ArrayNode fields = type.putArray("inputFields");
			INPUTS.get(name).forEach((field, ref) -> {
				ObjectNode entry = fields.addObject();
				entry.put("name", field);
				entry.putNull("description");
				entry.set("type", typeRef(ref));
				entry.putNull("defaultValue");
			});
			type.putNull("enumValues");
			return type;
		}
		if (ENUMS.containsKey(name)) {
			type.put("kind", "ENUM");
			type.put("name", name);
			ArrayNode values = type.putArray("enumValues");
			ENUMS.get(name).forEach((value) -> values.addObject().put("name", value).put("isDeprecated", false));
			type.putNull("inputFields");
			return type;
		}
		return null;
	}

	private static ObjectNode typeRef(String ref) {
		ObjectNode node = Json.object();
		if (ref.endsWith("!")) {
			node.put("kind", "NON_NULL");
			node.putNull("name");
			node.set("ofType", typeRef(ref.substring(0, ref.length() - 1)));
		}
		else if (ref.startsWith("[")) {
			node.put("kind", "LIST");
			node.putNull("name");
			node.set("ofType", typeRef(ref.substring(1, ref.length() - 1)));
		}
		else {
			node.put("kind", INPUTS.containsKey(ref) ? "INPUT_OBJECT" : ENUMS.containsKey(ref) ? "ENUM" : "SCALAR");
			node.put("name", ref);
			node.putNull("ofType");
		}
		return node;
	}

	/**
	 * Coerces an input value as a GraphQL server does before it runs anything.
	 * @param typeRef the type, such as {@code ConfigurationItemCreateInput!}
	 * @param value the value
	 * @param path where the value is, for the message
	 * @return the problem, or {@code null} when the value fits
	 */
	static String problem(String typeRef, JsonNode value, String path) {
		boolean nonNull = typeRef.endsWith("!");
		String type = nonNull ? typeRef.substring(0, typeRef.length() - 1) : typeRef;
		if (value == null || value.isNull() || value.isMissingNode()) {
			return nonNull ? path + " (Expected value to not be null)" : null;
		}
		if (type.startsWith("[")) {
			String inner = type.substring(1, type.length() - 1);
			if (!value.isArray()) {
				return problem(inner, value, path);
			}
			for (int i = 0; i < value.size(); i++) {
				String problem = problem(inner, value.get(i), path + "." + i);
				if (problem != null) {
					return problem;
				}
			}
			return null;
		}
		if (INPUTS.containsKey(type)) {
			if (!value.isObject()) {
				return path + " (Expected an input object " + type + ")";
			}
			Map<String, String> fields = INPUTS.get(type);
			for (var names = value.fieldNames(); names.hasNext();) {
				String name = names.next();
				if (!fields.containsKey(name)) {
					return (path.isEmpty() ? name : path + "." + name) + " (Field is not defined on " + type + ")";
				}
			}
			for (Map.Entry<String, String> field : fields.entrySet()) {
				String problem = problem(field.getValue(), value.get(field.getKey()),
						path.isEmpty() ? field.getKey() : path + "." + field.getKey());
				if (problem != null) {
					return problem;
				}
			}
			return null;
		}
		if (ENUMS.containsKey(type)) {
			return (value.isTextual() && ENUMS.get(type).contains(value.asText())) ? null : path + " (Expected \""
					+ value.asText() + "\" to be one of: " + String.join(", ", ENUMS.get(type)) + ")";
		}
		return switch (type) {
			case "Date" -> date(value) ? null : path + " (Could not coerce value \"" + value.asText() + "\" to Date)";
			case "MonetaryAmount" -> (value.isNumber() || value.asText().matches("-?\\d+(\\.\\d+)?")) ? null
					: path + " (Could not coerce value \"" + value.asText() + "\" to MonetaryAmount)";
			case "String", "ID" ->
				value.isValueNode() ? null : path + " (Could not coerce value " + value + " to " + type + ")";
			default -> null;
		};
	}

	private static boolean date(JsonNode value) {
		if (!value.isTextual()) {
			return false;
		}
		try {
			LocalDate.parse(value.asText());
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

}
