package io.itsmhub.connectors.xurrent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.api.target.FieldCatalog.Field;
import io.itsmhub.api.target.FieldCatalog.TargetClass;
import io.itsmhub.api.target.FieldType;
import io.itsmhub.api.target.TargetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the account's GraphQL schema says, read once by introspection:
 * {@code __type(name: "ConfigurationItemCreateInput")} for the fields (and so the field
 * catalog), {@code CiStatus} and {@code CiRelationType} for the enum literals as the
 * account spells them. Without introspection (or when it fails) the shipped catalog and
 * the reference's values stand in.
 */
final class TenantSchema {

	/** The target classes of the shipped mapping: product categories. */
	static final List<String> CLASSES = List.of("Server", "Virtual Server", "Laptop", "Desktop", "Network Device",
			"Storage", "Mobile Device", "Printer", "Peripheral", "Cloud Resource", "Database", "Software", "Service");

	static final List<String> DEFAULT_STATUSES = List.of("in_production", "installed", "in_stock", "being_repaired",
			"lent_out", "archived", "to_be_removed", "removed", "undergoing_maintenance", "broken_down",
			"standby_for_continuity", "reserved");

	static final List<String> DEFAULT_RELATION_TYPES = List.of("parent", "child", "network_connection", "redundancy",
			"continuity", "software_dependency");

	static final String INTROSPECTION = """
			query {
			  create: __type(name: "ConfigurationItemCreateInput") { name inputFields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } }
			  status: __type(name: "CiStatus") { enumValues { name } }
			  relationType: __type(name: "CiRelationType") { enumValues { name } }
			}
			""";

	private static final Logger log = LoggerFactory.getLogger(TenantSchema.class);

	private static final Map<String, Field> FALLBACK_FIELDS = new LinkedHashMap<>();

	static {
		for (Field field : List.of(new Field("name", FieldType.STRING, 200, true),
				new Field("label", FieldType.STRING, 200, false),
				new Field("productId", FieldType.REFERENCE, null, true),
				new Field("serialNr", FieldType.STRING, 100, false), new Field("assetID", FieldType.STRING, 100, false),
				new Field("systemID", FieldType.STRING, 256, false), new Field("source", FieldType.STRING, 30, false),
				new Field("sourceID", FieldType.STRING, 128, false), new Field("status", FieldType.STRING, 40, false),
				new Field("financialOwnerId", FieldType.REFERENCE, null, false),
				new Field("userIds", FieldType.REFERENCE, null, false),
				new Field("siteId", FieldType.REFERENCE, null, false),
				new Field("location", FieldType.STRING, 100, false),
				new Field("purchaseValue", FieldType.DECIMAL, null, false),
				new Field("purchaseValueCurrency", FieldType.STRING, 3, false),
				new Field("inUseSince", FieldType.DATE, null, false),
				new Field("warrantyExpiryDate", FieldType.DATE, null, false),
				new Field("supplierId", FieldType.REFERENCE, null, false),
				new Field("supportTeamId", FieldType.REFERENCE, null, false),
				new Field("remarks", FieldType.STRING, 65535, false))) {
			FALLBACK_FIELDS.put(field.name(), field);
		}
	}

	private final XurrentGraphQl graphQl;

	private final boolean introspect;

	private volatile Snapshot snapshot;

	TenantSchema(XurrentGraphQl graphQl, boolean introspect) {
		this.graphQl = graphQl;
		this.introspect = introspect;
	}

	/**
	 * What the account says, introspected once.
	 * @throws TargetException when introspection is on and the call fails
	 */
	Snapshot snapshot() {
		Snapshot known = this.snapshot;
		if (known == null) {
			known = this.introspect ? introspect() : fallback();
			this.snapshot = known;
		}
		return known;
	}

	/** The catalog; the shipped one (not cached) when the account cannot be read. */
	FieldCatalog catalog() {
		try {
			return snapshot().catalog();
		}
		catch (TargetException ex) {
			log.warn("Xurrent schema introspection failed, using the shipped catalog: {}", ex.getMessage());
			return fallback().catalog();
		}
	}

	static Snapshot fallback() {
		return new Snapshot(catalog(FALLBACK_FIELDS, DEFAULT_RELATION_TYPES), FALLBACK_FIELDS, DEFAULT_STATUSES,
				DEFAULT_RELATION_TYPES, false);
	}

	private Snapshot introspect() {
		JsonNode data = this.graphQl.execute(INTROSPECTION, null).requireData();
		JsonNode create = data.path("create");
		if (!create.path("inputFields").isArray()) {
			log.warn("Xurrent account has no ConfigurationItemCreateInput type; using the shipped catalog");
			return fallback();
		}
		Map<String, Field> fields = new LinkedHashMap<>();
		for (JsonNode input : create.path("inputFields")) {
			String name = input.path("name").asText();
			if (name.equals("clientMutationId") || name.equals("newCiRelations")) {
				continue;
			}
			Field known = FALLBACK_FIELDS.get(name);
			JsonNode type = input.path("type");
			boolean required = type.path("kind").asText().equals("NON_NULL");
			fields.put(name, new Field(name, fieldType(type), (known != null) ? known.maxLength() : null, required));
		}
		List<String> statuses = enumValues(data.path("status"), DEFAULT_STATUSES);
		List<String> relationTypes = enumValues(data.path("relationType"), DEFAULT_RELATION_TYPES);
		return new Snapshot(catalog(fields, relationTypes), fields, statuses, relationTypes, true);
	}

	private static List<String> enumValues(JsonNode type, List<String> fallback) {
		List<String> values = new ArrayList<>();
		type.path("enumValues").forEach((value) -> values.add(value.path("name").asText()));
		return values.isEmpty() ? fallback : values;
	}

	/** The hub's field type for a GraphQL input type reference. */
	static FieldType fieldType(JsonNode type) {
		JsonNode named = type;
		boolean list = false;
		while (named.hasNonNull("ofType") && !named.path("ofType").isMissingNode()) {
			list |= named.path("kind").asText().equals("LIST");
			named = named.path("ofType");
		}
		String name = named.path("name").asText();
		if (named.path("kind").asText().equals("ENUM")) {
			return FieldType.STRING;
		}
		return switch (name) {
			case "ID" -> FieldType.REFERENCE;
			case "Date" -> FieldType.DATE;
			case "ISO8601Timestamp", "DateTime" -> FieldType.DATETIME;
			case "Int" -> FieldType.INTEGER;
			case "Float", "MonetaryAmount", "Decimal" -> FieldType.DECIMAL;
			case "Boolean" -> FieldType.BOOLEAN;
			default -> list ? FieldType.REFERENCE : FieldType.STRING;
		};
	}

	private static FieldCatalog catalog(Map<String, Field> fields, List<String> relationTypes) {
		Map<String, TargetClass> classes = new LinkedHashMap<>();
		classes.put("ConfigurationItem", new TargetClass("ConfigurationItem", fields));
		for (String name : CLASSES) {
			classes.put(name, new TargetClass(name, fields));
		}
		return new FieldCatalog("xurrent", classes, java.util.Set.copyOf(relationTypes));
	}

	/**
	 * The account's schema as far as the connector uses it.
	 *
	 * @param catalog the field catalog
	 * @param fields the configuration item input fields by name
	 * @param statuses the {@code CiStatus} literals
	 * @param relationTypes the {@code CiRelationType} literals
	 * @param introspected whether read from the account
	 */
	record Snapshot(FieldCatalog catalog, Map<String, Field> fields, List<String> statuses, List<String> relationTypes,
			boolean introspected) {

		/**
		 * The account's spelling of a status, or {@code null} when it has none like it.
		 */
		String status(String value) {
			return literal(this.statuses, value);
		}

		/** The account's spelling of a relation type, or {@code null}. */
		String relationType(String value) {
			return literal(this.relationTypes, value);
		}

		private static String literal(List<String> literals, String value) {
			if (value == null) {
				return null;
			}
			String wanted = value.trim().replace(' ', '_').replace('-', '_').toLowerCase(Locale.ROOT);
			for (String literal : literals) {
				if (literal.toLowerCase(Locale.ROOT).equals(wanted)) {
					return literal;
				}
			}
			return null;
		}

	}

}
