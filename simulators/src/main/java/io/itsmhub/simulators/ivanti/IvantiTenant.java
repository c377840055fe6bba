package io.itsmhub.simulators.ivanti;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsmhub.simulators.core.BadRequestException;
import io.itsmhub.simulators.core.Json;
import io.itsmhub.simulators.core.SimulatorException;
import io.itsmhub.simulators.ivanti.BusinessObjectDefinition.FieldDefinition;

/**
 * The simulated tenant's business objects, records and relationship links. Records are
 * JSON objects holding every field of their business object (unset ones {@code null}), as
 * the OData API returns them. Text values are indexed (lower case) so that look-ups of
 * many identifiers stay quick on a large estate.
 */
final class IvantiTenant {

	/** The CI status validation list of the seeded tenant. */
	static final List<String> CI_STATUSES = List.of("Planned", "On Order", "In Stock", "Production", "Maintenance",
			"Retired", "Disposed");

	/** The relationship between CIs the seeded tenant defines. */
	static final String CI_RELATIONSHIP = "CIAssociatesCI";

	private final Clock clock;

	private final Map<String, BusinessObjectDefinition> definitions = new LinkedHashMap<>();

	/** Records per collection, by RecId. */
	private final Map<String, Map<String, ObjectNode>> records = new LinkedHashMap<>();

	/** Links: holder RecId, then relationship name, then related RecIds. */
	private final Map<String, Map<String, Set<String>>> links = new LinkedHashMap<>();

	/** Per collection, field (lower case), value (lower case): RecIds. */
	private final Map<String, Map<String, Map<String, Set<String>>>> index = new HashMap<>();

	private final AtomicLong sequence = new AtomicLong();

	IvantiTenant(Clock clock) {
		this.clock = clock;
	}

	void seed(List<BusinessObjectDefinition> extra) {
		this.definitions.clear();
		this.records.clear();
		this.links.clear();
		this.index.clear();
		this.sequence.set(0);
		for (BusinessObjectDefinition definition : defaultDefinitions()) {
			define(definition);
		}
		extra.forEach(this::define);
	}

	private void define(BusinessObjectDefinition definition) {
		this.definitions.put(definition.collection().toLowerCase(Locale.ROOT), definition);
		this.records.put(definition.collection(), new LinkedHashMap<>());
	}

	/** CIs and their subtypes, as an out-of-the-box tenant roughly has them. */
	static List<BusinessObjectDefinition> defaultDefinitions() {
		List<FieldDefinition> ci = List.of(FieldDefinition.text("RecId", 32).asSystem(),
				FieldDefinition.text("Name", 100).asRequired(), FieldDefinition.text("CIType", 50),
				FieldDefinition.text("SerialNumber", 100), FieldDefinition.text("AssetTag", 50),
				FieldDefinition.text("Status", 50).validatedBy(CI_STATUSES), FieldDefinition.text("Status_Valid", 32),
				FieldDefinition.text("IPAddress", 50), FieldDefinition.text("MACAddress", 50),
				FieldDefinition.text("Manufacturer", 100), FieldDefinition.text("Model", 100),
				FieldDefinition.text("ivnt_Location", 100), FieldDefinition.text("Owner", 100),
				FieldDefinition.text("CostCenter", 50), FieldDefinition.of("Cost", "decimal"),
				FieldDefinition.of("PurchaseDate", "datetime"),
				FieldDefinition.of("WarrantyExpirationDate", "datetime"), FieldDefinition.text("Description", 4000),
				FieldDefinition.of("CreatedDateTime", "datetime").asSystem(),
				FieldDefinition.of("LastModDateTime", "datetime").asSystem());
		List<FieldDefinition> computer = List.of(FieldDefinition.text("HostName", 100),
				FieldDefinition.text("OperatingSystem", 100), FieldDefinition.text("OSVersion", 50));
		Map<String, String> ciLinks = Map.of(CI_RELATIONSHIP, "CIs");
		List<BusinessObjectDefinition> list = new ArrayList<>();
		list.add(BusinessObjectDefinition.of("CI", null, ci, ciLinks));
		list.add(BusinessObjectDefinition.of("CI__Computer", "CIs", computer, Map.of()));
		list.add(BusinessObjectDefinition.of("CI__Server", "CI__Computers", List.of(), Map.of()));
		list.add(BusinessObjectDefinition.of("CI__VirtualServer", "CI__Computers", List.of(), Map.of()));
		for (String subtype : List.of("CI__ivnt_Infrastructure", "CI__MobileDevice", "CI__Printer", "CI__Peripheral",
				"CI__Service")) {
			list.add(BusinessObjectDefinition.of(subtype, "CIs", List.of(), Map.of()));
		}
		return list;
	}

	/** A business object by collection name (any case), or a 404. */
	BusinessObjectDefinition definition(String collection) {
		BusinessObjectDefinition definition = this.definitions.get(collection.toLowerCase(Locale.ROOT));
		if (definition == null) {
			throw new SimulatorException(404, "Business object '" + collection + "' does not exist", null);
		}
		return definition;
	}

	List<BusinessObjectDefinition> definitions() {
		return List.copyOf(this.definitions.values());
	}

	/** Every field of a business object, inherited ones first. */
	Map<String, FieldDefinition> fields(BusinessObjectDefinition definition) {
		Map<String, FieldDefinition> fields = new LinkedHashMap<>();
		if (definition.parent() != null) {
			fields.putAll(fields(definition(definition.parent())));
		}
		fields.putAll(definition.fields());
		return fields;
	}

	/** Every relationship of a business object, inherited ones included. */
	Map<String, String> relationships(BusinessObjectDefinition definition) {
		Map<String, String> relationships = new LinkedHashMap<>();
		if (definition.parent() != null) {
			relationships.putAll(relationships(definition(definition.parent())));
		}
		relationships.putAll(definition.relationships());
		return relationships;
	}

	/** The collection and its descendants. */
	List<BusinessObjectDefinition> withDescendants(BusinessObjectDefinition definition) {
		List<BusinessObjectDefinition> result = new ArrayList<>();
		result.add(definition);
		for (BusinessObjectDefinition candidate : this.definitions.values()) {
			if (definition.collection().equals(candidate.parent())) {
				result.addAll(withDescendants(candidate));
			}
		}
		return result;
	}

	/**
	 * The records of a collection (and its descendants) that match a filter, in creation
	 * order.
	 */
	List<ObjectNode> query(BusinessObjectDefinition definition, ODataFilter filter) {
		List<ObjectNode> result = new ArrayList<>();
		for (BusinessObjectDefinition each : withDescendants(definition)) {
			Map<String, ObjectNode> stored = this.records.get(each.collection());
			Set<String> candidates = candidates(each.collection(), filter);
			if (candidates == null) {
				stored.values().stream().filter(filter::matches).forEach(result::add);
			}
			else {
				stored.values()
					.stream()
					.filter((record) -> candidates.contains(record.path("RecId").asText()))
					.filter(filter::matches)
					.forEach(result::add);
			}
		}
		return result;
	}

	/**
	 * The RecIds an index look-up gives when every {@code or} term has an {@code eq} on a
	 * text value, else {@code null} (scan all).
	 */
	private Set<String> candidates(String collection, ODataFilter filter) {
		if (filter.terms().isEmpty()) {
			return null;
		}
		Map<String, Map<String, Set<String>>> byField = this.index.getOrDefault(collection, Map.of());
		Set<String> ids = new HashSet<>();
		for (List<ODataFilter.Comparison> term : filter.terms()) {
			ODataFilter.Comparison eq = term.stream()
				.filter((c) -> c.op().equals("eq") && c.value() instanceof String)
				.findFirst()
				.orElse(null);
			if (eq == null) {
				return null;
			}
			ids.addAll(byField.getOrDefault(eq.field().toLowerCase(Locale.ROOT), Map.of())
				.getOrDefault(((String) eq.value()).toLowerCase(Locale.ROOT), Set.of()));
		}
		return ids;
	}

	/** A record by RecId in a collection or its descendants, or a 404. */
	ObjectNode record(BusinessObjectDefinition definition, String recId) {
		for (BusinessObjectDefinition each : withDescendants(definition)) {
			ObjectNode record = this.records.get(each.collection()).get(recId.toUpperCase(Locale.ROOT));
			if (record != null) {
				return record;
			}
		}
		throw new SimulatorException(404,
				"Record '" + recId + "' cannot be found in business object '" + definition.name() + "'", null);
	}

	/** The collection a record lives in. */
	String collectionOf(String recId) {
		for (Map.Entry<String, Map<String, ObjectNode>> entry : this.records.entrySet()) {
			if (entry.getValue().containsKey(recId)) {
				return entry.getKey();
			}
		}
		return null;
	}

	ObjectNode create(BusinessObjectDefinition definition, JsonNode body) {
		Map<String, FieldDefinition> fields = fields(definition);
		ObjectNode record = Json.object();
		fields.keySet().forEach(record::putNull);
		apply(definition, fields, record, body, true);
		String recId = String.format("%032X", 0x1F0000L + this.sequence.incrementAndGet());
		String now = now();
		record.put("RecId", recId);
		record.put("CreatedDateTime", now);
		record.put("LastModDateTime", now);
		this.records.get(definition.collection()).put(recId, record);
		reindex(definition.collection(), null, record);
		return record;
	}

	ObjectNode update(BusinessObjectDefinition definition, ObjectNode record, JsonNode body) {
		String collection = collectionOf(record.path("RecId").asText());
		BusinessObjectDefinition actual = definition(collection);
		ObjectNode before = record.deepCopy();
		apply(actual, fields(actual), record, body, false);
		record.put("LastModDateTime", now());
		reindex(collection, before, record);
		return record;
	}

	void delete(ObjectNode record) {
		String recId = record.path("RecId").asText();
		String collection = collectionOf(recId);
		this.records.get(collection).remove(recId);
		reindex(collection, record, null);
		this.links.remove(recId);
		this.links.values().forEach((byName) -> byName.values().forEach((ids) -> ids.remove(recId)));
	}

	private String now() {
		return Instant.now(this.clock).truncatedTo(ChronoUnit.SECONDS).toString();
	}

	private void apply(BusinessObjectDefinition definition, Map<String, FieldDefinition> fields, ObjectNode record,
			JsonNode body, boolean create) {
		if (!body.isObject()) {
			throw new BadRequestException("Invalid Request Payload", "The request body must be a JSON object");
		}
		ObjectNode changes = Json.object();
		var names = body.fieldNames();
		while (names.hasNext()) {
			String name = names.next();
			FieldDefinition field = fields.get(name);
			if (field == null) {
				throw new BadRequestException(
						"Field '" + name + "' does not exist in business object '" + definition.name() + "'.");
			}
			if (field.system()) {
				continue;
			}
			JsonNode value = body.get(name);
			if (value.isNull()) {
				changes.putNull(name);
				continue;
			}
			changes.set(name, convert(field, value));
			if (!field.validated().isEmpty()) {
				String text = value.asText();
				String valid = field.validated()
					.stream()
					.filter((option) -> option.equalsIgnoreCase(text))
					.findFirst()
					.orElseThrow(() -> new BadRequestException(
							"'" + text + "' is not a valid value for the validated field '" + name + "'. Valid values: "
									+ String.join(", ", field.validated())));
				changes.put(name, valid);
				changes.put(name + "_Valid", String.format("%032X", 0xA0000L + field.validated().indexOf(valid)));
			}
		}
		if (create) {
			for (FieldDefinition field : fields.values()) {
				JsonNode value = changes.get(field.name());
				if (field.required() && (value == null || value.isNull() || value.asText().isBlank())) {
					throw new BadRequestException("Required field '" + field.name() + "' must be provided.");
				}
			}
		}
		else if (changes.has("Name") && (changes.get("Name").isNull() || changes.get("Name").asText().isBlank())) {
			throw new BadRequestException("Required field 'Name' must be provided.");
		}
		record.setAll(changes);
	}

	private static JsonNode convert(FieldDefinition field, JsonNode value) {
		String text = value.asText();
		switch (field.type()) {
			case "decimal" -> {
				try {
					return Json.MAPPER.getNodeFactory().numberNode(new BigDecimal(text));
				}
				catch (NumberFormatException ex) {
					throw new BadRequestException(
							"'" + text + "' is not a valid number for field '" + field.name() + "'.");
				}
			}
			case "int" -> {
				try {
					return Json.MAPPER.getNodeFactory().numberNode(Long.parseLong(text));
				}
				catch (NumberFormatException ex) {
					throw new BadRequestException(
							"'" + text + "' is not a valid integer for field '" + field.name() + "'.");
				}
			}
			case "boolean" -> {
				return Json.MAPPER.getNodeFactory().booleanNode(Boolean.parseBoolean(text));
			}
			case "datetime" -> {
				return Json.MAPPER.getNodeFactory().textNode(dateTime(field, text));
			}
			default -> {
				if (!value.isValueNode()) {
					throw new BadRequestException("Field '" + field.name() + "' takes a single value.");
				}
				if (field.maxLength() > 0 && text.length() > field.maxLength()) {
					throw new BadRequestException("The value of field '" + field.name() + "' is longer than "
							+ field.maxLength() + " characters.");
				}
				return Json.MAPPER.getNodeFactory().textNode(text);
			}
		}
	}

	private static String dateTime(FieldDefinition field, String text) {
		try {
			return OffsetDateTime.parse(text).toInstant().toString();
		}
		catch (DateTimeParseException notADateTime) {
			try {
				return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC).toString();
			}
			catch (DateTimeParseException notADate) {
				throw new BadRequestException("'" + text + "' is not a valid date for field '" + field.name() + "'.");
			}
		}
	}

	private void reindex(String collection, ObjectNode before, ObjectNode after) {
		Map<String, Map<String, Set<String>>> byField = this.index.computeIfAbsent(collection, (c) -> new HashMap<>());
		if (before != null) {
			String id = before.path("RecId").asText();
			before.properties().forEach((entry) -> {
				if (entry.getValue().isTextual()) {
					Set<String> ids = byField.getOrDefault(entry.getKey().toLowerCase(Locale.ROOT), Map.of())
						.get(entry.getValue().asText().toLowerCase(Locale.ROOT));
					if (ids != null) {
						ids.remove(id);
					}
				}
			});
		}
		if (after != null) {
			String id = after.path("RecId").asText();
			after.properties().forEach((entry) -> {
				if (entry.getValue().isTextual()) {
					byField.computeIfAbsent(entry.getKey().toLowerCase(Locale.ROOT), (f) -> new HashMap<>())
						.computeIfAbsent(entry.getValue().asText().toLowerCase(Locale.ROOT), (v) -> new HashSet<>())
						.add(id);
				}
			});
		}
	}

	/**
	 * Links two records through a relationship of the holder's business object.
	 * @return whether the link is new
	 */
	boolean link(ObjectNode holder, String relationship, String relatedRecId) {
		BusinessObjectDefinition holderType = definition(collectionOf(holder.path("RecId").asText()));
		String relatedCollection = relationshipTarget(holderType, relationship);
		ObjectNode related;
		try {
			related = record(definition(relatedCollection), relatedRecId);
		}
		catch (SimulatorException ex) {
			throw new BadRequestException(
					"Record '" + relatedRecId + "' cannot be found in the related business object '"
							+ definition(relatedCollection).name() + "'");
		}
		return this.links.computeIfAbsent(holder.path("RecId").asText(), (id) -> new LinkedHashMap<>())
			.computeIfAbsent(relationship, (r) -> new LinkedHashSet<>())
			.add(related.path("RecId").asText());
	}

	boolean unlink(ObjectNode holder, String relationship, String relatedRecId) {
		BusinessObjectDefinition holderType = definition(collectionOf(holder.path("RecId").asText()));
		relationshipTarget(holderType, relationship);
		Set<String> ids = this.links.getOrDefault(holder.path("RecId").asText(), Map.of()).get(relationship);
		return ids != null && ids.remove(relatedRecId.toUpperCase(Locale.ROOT));
	}

	/** The records linked to a holder through a relationship. */
	List<ObjectNode> related(ObjectNode holder, String relationship) {
		BusinessObjectDefinition holderType = definition(collectionOf(holder.path("RecId").asText()));
		relationshipTarget(holderType, relationship);
		List<ObjectNode> result = new ArrayList<>();
		for (String id : this.links.getOrDefault(holder.path("RecId").asText(), Map.of())
			.getOrDefault(relationship, Set.of())) {
			String collection = collectionOf(id);
			if (collection != null) {
				result.add(this.records.get(collection).get(id));
			}
		}
		return result;
	}

	private String relationshipTarget(BusinessObjectDefinition definition, String relationship) {
		for (Map.Entry<String, String> entry : relationships(definition).entrySet()) {
			if (entry.getKey().equalsIgnoreCase(relationship)) {
				return entry.getValue();
			}
		}
		throw new SimulatorException(400,
				"Relationship '" + relationship + "' is not defined for business object '" + definition.name() + "'",
				null);
	}

	/** Every record per collection and every link, for {@code _sim/records}. */
	ObjectNode snapshot(String only) {
		ObjectNode out = Json.object();
		this.records.forEach((collection, stored) -> {
			if (only == null || only.equalsIgnoreCase(collection)) {
				var array = out.putArray(collection);
				stored.values().forEach(array::add);
			}
		});
		var array = out.putArray("_links");
		this.links.forEach((holder, byName) -> byName.forEach((name, ids) -> ids.forEach((id) -> {
			ObjectNode link = array.addObject();
			link.put("holder", holder);
			link.put("holderName", name(holder));
			link.put("relationship", name);
			link.put("related", id);
			link.put("relatedName", name(id));
		})));
		return out;
	}

	private String name(String recId) {
		String collection = collectionOf(recId);
		return (collection != null) ? this.records.get(collection).get(recId).path("Name").asText(null) : null;
	}

}
