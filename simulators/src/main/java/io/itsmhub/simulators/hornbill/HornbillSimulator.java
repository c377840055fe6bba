package io.itsmhub.simulators.hornbill;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsmhub.simulators.core.BadRequestException;
import io.itsmhub.simulators.core.Json;
import io.itsmhub.simulators.core.PlatformSimulator;
import io.itsmhub.simulators.core.RateLimitRule;
import io.itsmhub.simulators.core.SimRequest;
import io.itsmhub.simulators.core.SimResponse;
import io.itsmhub.simulators.core.SimulatorException;

/**
 * Hornbill Service Manager's XMLMC API as JSON, for tests and the demo profile.
 *
 * <ul>
 * <li>{@code GET /instances/{instance}/zoneinfo}: the instance's endpoints,
 * unauthenticated, the way {@code files.hornbill.com} answers them.</li>
 * <li>{@code POST /xmlmc/{service}/?method={method}} with
 * {@code {"methodCall":{"@service":..,"@method":..,"params":{..}}}},
 * {@code Authorization: ESP-APIKEY <key>} and {@code Accept: text/json}.</li>
 * <li>{@code data::entityBrowseRecords2} on {@code Asset}, the class extension entities
 * ({@code AssetsComputer}, ...) and {@code AssetsTypes}: {@code searchFilter} (one object
 * or a list of {@code column}/{@code value}/{@code matchType}), {@code matchScope}
 * {@code all}/{@code any}, {@code maxResults}, {@code rowStart}; rows as
 * {@code params.rowData.row}, an object for one row and a list for several, as Hornbill's
 * XML-to-JSON conversion gives them.</li>
 * <li>{@code data::entityAddRecord} and {@code data::entityUpdateRecord} on {@code Asset}
 * with {@code primaryEntityData.record} and {@code relatedEntityData}
 * ({@code relationshipName AssetClass}, {@code entityAction insert/update}): columns are
 * checked against the entity (unknown columns and unreadable dates, numbers are refused);
 * an update that changes nothing answers {@code There are no values to update}.</li>
 * <li>{@code apps/com.hornbill.servicemanager/Asset::linkAsset}: stores a row of
 * {@code h_cmdb_config_items_dependency}; linking an existing pair again links nothing
 * ({@code recordsLinked 0}).</li>
 * </ul>
 * A method that fails answers HTTP 200 with
 * {@code {"@status":false,"state":{"error":..}}}; a wrong or missing API key answers HTTP
 * 401 in the same shape.
 */
public final class HornbillSimulator extends PlatformSimulator {

	/** The platform id. */
	public static final String PLATFORM_ID = "hornbill";

	/** The Service Manager application. */
	public static final String APPLICATION = "com.hornbill.servicemanager";

	/** The message Hornbill gives for an update that changes no column. */
	public static final String NO_VALUES_TO_UPDATE = "There are no values to update";

	static final String DEPENDENCY_TABLE = "h_cmdb_config_items_dependency";

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/**
	 * Asset entity columns and their kinds (s text, d datetime, i integer, n decimal).
	 */
	static final Map<String, Character> ASSET_COLUMNS = columns("h_pk_asset_id i", "h_asset_urn s", "h_class s",
			"h_type i", "h_name s", "h_asset_tag s", "h_description s", "h_site s", "h_site_id i", "h_location s",
			"h_building s", "h_room s", "h_cost n", "h_cost_center s", "h_owned_by s", "h_owned_by_name s",
			"h_used_by s", "h_used_by_name s", "h_order_date d", "h_received_date d", "h_warranty_start d",
			"h_warranty_expires d", "h_operational_state i", "h_record_state i", "h_actual_retired_date d",
			"h_scheduled_retire_date d", "h_disposal_reason s", "h_supplier s", "h_supplier_id s",
			"h_supplier_contract s", "h_notes s", "h_last_updated d", "h_last_updated_by s");

	/** Class extension columns shared by every class. */
	static final Map<String, Character> CLASS_COLUMNS = columns("h_pk_asset_id i", "h_type i", "h_serial_number s",
			"h_manufacturer s", "h_model s", "h_description s");

	/** Extra class extension columns per class. */
	static final Map<String, Map<String, Character>> CLASS_EXTRA = Map.of("computer",
			columns("h_mac_address s", "h_net_ip_address s", "h_net_computer_name s", "h_net_win_domain s",
					"h_os_description s", "h_os_version s", "h_cpu_info s", "h_memory_info s", "h_physical_memory i"),
			"networkDevice", columns("h_mac_address s", "h_net_ip_address s"), "printer",
			columns("h_net_ip_address s"));

	/** The class extension entity of each asset class. */
	static final Map<String, String> CLASS_ENTITIES = Map.of("computer", "AssetsComputer", "computerPeripheral",
			"AssetsComputerPeripheral", "mobileDevice", "AssetsMobileDevice", "networkDevice", "AssetsNetworkDevice",
			"printer", "AssetsPrinter", "software", "AssetsSoftware", "system", "AssetsSystem");

	private final Map<String, String> apiKeys;

	private final List<String[]> seedTypes;

	private final Map<String, ObjectNode> assets = new LinkedHashMap<>();

	private final Map<String, Map<String, ObjectNode>> extensions = new LinkedHashMap<>();

	private final List<ObjectNode> types = new ArrayList<>();

	private final List<ObjectNode> links = new ArrayList<>();

	private final Set<String> linkKeys = new HashSet<>();

	private long nextId;

	private HornbillSimulator(Builder builder) {
		super(builder.clock, builder.rateLimits, builder.journalCapacity);
		this.apiKeys = Map.copyOf(builder.apiKeys);
		this.seedTypes = List.copyOf(builder.types);
		resetState();
	}

	/** A builder with the demo API key {@code hornbill-api-key} and the seeded types. */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public String platformId() {
		return PLATFORM_ID;
	}

	@Override
	protected String authenticate(SimRequest request) {
		if (request.path().startsWith("/instances/")) {
			return "zoneinfo";
		}
		String header = request.header("authorization");
		if (header == null || !header.startsWith("ESP-APIKEY ")) {
			throw new SimulatorException(401, "Authentication failure: no API key or session", null);
		}
		String user = this.apiKeys.get(header.substring("ESP-APIKEY ".length()).trim());
		if (user == null) {
			throw new SimulatorException(401, "Authentication failure: the API key is not valid", null);
		}
		return user;
	}

	@Override
	protected SimResponse route(SimRequest request, String principal) {
		String path = request.path();
		if (path.startsWith("/instances/") && path.endsWith("/zoneinfo") && request.method().equals("GET")) {
			return zoneinfo(request, path.substring("/instances/".length(), path.length() - "/zoneinfo".length()));
		}
		if (!path.startsWith("/xmlmc/")) {
			throw new SimulatorException(404, "Not found", path);
		}
		if (!request.method().equals("POST")) {
			throw new SimulatorException(405, "Method not allowed", request.method());
		}
		String accept = request.header("accept");
		if (accept == null || !accept.contains("text/json")) {
			throw new BadRequestException("This simulator answers JSON only: send Accept: text/json");
		}
		String service = path.substring("/xmlmc/".length());
		service = service.endsWith("/") ? service.substring(0, service.length() - 1) : service;
		String method = request.queryParam("method");
		JsonNode call = Json.parse(request.body()).path("methodCall");
		if (!call.isObject()) {
			throw new BadRequestException("The request body has no methodCall");
		}
		if (!service.equals(call.path("@service").asText()) || method == null
				|| !method.equals(call.path("@method").asText())) {
			throw new BadRequestException("methodCall @service/@method do not match the URL: " + service + "::" + method
					+ " vs " + call.path("@service").asText() + "::" + call.path("@method").asText());
		}
		JsonNode params = call.path("params");
		try {
			JsonNode result = switch (service + "::" + method) {
				case "session::getSessionInfo" -> sessionInfo(principal);
				case "data::entityBrowseRecords2" -> browse(params);
				case "data::entityAddRecord" -> add(params);
				case "data::entityUpdateRecord" -> update(params);
				case "apps/" + APPLICATION + "/Asset::linkAsset" -> link(params);
				default ->
					throw new MethodFailure("The method '" + method + "' is not defined in service '" + service + "'");
			};
			ObjectNode ok = Json.object();
			ok.put("@status", true);
			ok.set("params", result);
			return SimResponse.json(200, ok);
		}
		catch (MethodFailure ex) {
			return SimResponse.json(200, failure(ex.getMessage()));
		}
	}

	private SimResponse zoneinfo(SimRequest request, String instance) {
		ObjectNode body = Json.object();
		ObjectNode zone = body.putObject("zoneinfo");
		zone.put("clusterFqn", "sim-p01.hornbill.example");
		zone.put("releaseStream", "live");
		zone.put("endpoint", request.baseUrl() + "/");
		zone.put("apiEndpoint", request.baseUrl() + "/xmlmc/");
		zone.put("instance", instance);
		zone.put("message", "Success");
		return SimResponse.json(200, body);
	}

	private JsonNode sessionInfo(String principal) {
		ObjectNode params = Json.object();
		params.put("sessionId", "sim-" + principal);
		params.put("userId", principal);
		params.put("accountStatus", "active");
		return params;
	}

	// data::entityBrowseRecords2
	private JsonNode browse(JsonNode params) {
		requireApplication(params);
		String entity = required(params, "entity");
		List<ObjectNode> rows = rows(entity);
		List<JsonNode> filters = new ArrayList<>();
		JsonNode filter = params.path("searchFilter");
		if (filter.isArray()) {
			filter.forEach(filters::add);
		}
		else if (filter.isObject()) {
			filters.add(filter);
		}
		boolean any = params.path("matchScope").asText("all").equalsIgnoreCase("any");
		int max = params.path("maxResults").asInt(100);
		int start = params.path("rowStart").asInt(0);
		List<ObjectNode> matched = new ArrayList<>();
		Map<String, Set<String>> exactAny = any ? exactValues(filters) : null;
		for (ObjectNode row : rows) {
			if (filters.isEmpty() || ((exactAny != null) ? matchesAny(row, exactAny) : matches(row, filters, any))) {
				matched.add(row);
			}
		}
		List<ObjectNode> page = matched.subList(Math.min(start, matched.size()),
				Math.min(matched.size(), start + Math.max(1, max)));
		ObjectNode result = Json.object();
		if (page.size() == 1) {
			result.putObject("rowData").set("row", page.get(0).deepCopy());
		}
		else if (!page.isEmpty()) {
			ArrayNode list = result.putObject("rowData").putArray("row");
			page.forEach((row) -> list.add(row.deepCopy()));
		}
		return result;
	}

	/**
	 * The wanted values per column when every filter is an exact match (one pass over the
	 * rows instead of one per filter), else {@code null}.
	 */
	private static Map<String, Set<String>> exactValues(List<JsonNode> filters) {
		Map<String, Set<String>> values = new LinkedHashMap<>();
		for (JsonNode filter : filters) {
			if (filter.path("matchType").asText("exact").equals("contains")) {
				return null;
			}
			values.computeIfAbsent(filter.path("column").asText(), (c) -> new HashSet<>())
				.add(filter.path("value").asText().toLowerCase(Locale.ROOT));
		}
		return values;
	}

	private static boolean matchesAny(ObjectNode row, Map<String, Set<String>> values) {
		for (Map.Entry<String, Set<String>> column : values.entrySet()) {
			JsonNode actual = row.get(column.getKey());
			if (actual != null && column.getValue().contains(actual.asText().toLowerCase(Locale.ROOT))) {
				return true;
			}
		}
		return false;
	}

	private static boolean matches(ObjectNode row, List<JsonNode> filters, boolean any) {
		for (JsonNode filter : filters) {
			String column = filter.path("column").asText();
			String value = filter.path("value").asText();
			String actual = row.path(column).asText(null);
			boolean hit = actual != null && (filter.path("matchType").asText("exact").equals("contains")
					? actual.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT))
					: actual.equalsIgnoreCase(value));
			if (any && hit) {
				return true;
			}
			if (!any && !hit) {
				return false;
			}
		}
		return !any;
	}

	private List<ObjectNode> rows(String entity) {
		if (entity.equals("Asset")) {
			return new ArrayList<>(this.assets.values());
		}
		if (entity.equals("AssetsTypes")) {
			return this.types;
		}
		if (this.extensions.containsKey(entity)) {
			return new ArrayList<>(this.extensions.get(entity).values());
		}
		throw new MethodFailure("The entity '" + entity + "' is not defined in application '" + APPLICATION + "'");
	}

	// data::entityAddRecord
	private JsonNode add(JsonNode params) {
		requireApplication(params);
		requireAssetEntity(params);
		JsonNode record = params.path("primaryEntityData").path("record");
		if (!record.isObject()) {
			throw new MethodFailure("Required input parameter 'primaryEntityData' is missing");
		}
		ObjectNode primary = checked(record, ASSET_COLUMNS, "Asset");
		if (primary.has("h_pk_asset_id")) {
			throw new MethodFailure("The column 'h_pk_asset_id' is an auto-increment key and cannot be set");
		}
		if (primary.path("h_name").asText("").isBlank()) {
			throw new MethodFailure("The column 'h_name' requires a value");
		}
		String assetClass = primary.path("h_class").asText("");
		String entity = CLASS_ENTITIES.get(assetClass);
		if (entity == null) {
			throw new MethodFailure("Invalid value for column 'h_class': unknown asset class '" + assetClass + "'");
		}
		if (!primary.has("h_type") || type(primary.path("h_type").asText()) == null) {
			throw new MethodFailure(
					"Invalid value for column 'h_type': no asset type '" + primary.path("h_type").asText("") + "'");
		}
		ObjectNode extension = null;
		JsonNode related = params.path("relatedEntityData");
		if (related.isObject()) {
			requireClassRelationship(related, "insert");
			extension = checked(related.path("record"), classColumns(assetClass), entity);
		}
		String id = Long.toString(this.nextId++);
		ObjectNode stored = Json.object();
		stored.put("h_pk_asset_id", id);
		stored.setAll(primary);
		stored.put("h_last_updated", LocalDateTime.now(this.clock).format(DATE_TIME));
		this.assets.put(id, stored);
		ObjectNode ext = Json.object();
		ext.put("h_pk_asset_id", id);
		if (extension != null) {
			ext.setAll(extension);
		}
		ext.put("h_pk_asset_id", id);
		this.extensions.get(entity).put(id, ext);
		ObjectNode result = Json.object();
		ObjectNode out = result.putObject("primaryEntityData").putObject("record");
		if (params.path("returnModifiedData").asBoolean(false)) {
			out.setAll(stored.deepCopy());
		}
		else {
			out.put("h_pk_asset_id", id);
		}
		return result;
	}

	// data::entityUpdateRecord
	private JsonNode update(JsonNode params) {
		requireApplication(params);
		requireAssetEntity(params);
		JsonNode record = params.path("primaryEntityData").path("record");
		String id = record.path("h_pk_asset_id").asText("");
		ObjectNode stored = this.assets.get(id);
		if (stored == null) {
			throw new MethodFailure("The record with primary key '" + id + "' does not exist in entity 'Asset'");
		}
		ObjectNode primary = checked(record, ASSET_COLUMNS, "Asset");
		primary.remove("h_pk_asset_id");
		if (primary.has("h_class") && !primary.path("h_class").asText().equals(stored.path("h_class").asText())) {
			throw new MethodFailure("The column 'h_class' cannot be changed by entityUpdateRecord");
		}
		String assetClass = stored.path("h_class").asText();
		String entity = CLASS_ENTITIES.get(assetClass);
		ObjectNode extension = null;
		JsonNode related = params.path("relatedEntityData");
		if (related.isObject()) {
			requireClassRelationship(related, "update");
			extension = checked(related.path("record"), classColumns(assetClass), entity);
			extension.remove("h_pk_asset_id");
		}
		ArrayNode changedPrimary = Json.array();
		primary.fields().forEachRemaining((field) -> {
			if (!field.getValue().equals(stored.get(field.getKey()))) {
				changedPrimary.add(field.getKey());
			}
		});
		ArrayNode changedRelated = Json.array();
		ObjectNode ext = this.extensions.get(entity).get(id);
		if (extension != null) {
			extension.fields().forEachRemaining((field) -> {
				if (!field.getValue().equals(ext.get(field.getKey()))) {
					changedRelated.add(field.getKey());
				}
			});
		}
		if (changedPrimary.isEmpty() && changedRelated.isEmpty()) {
			throw new MethodFailure(NO_VALUES_TO_UPDATE);
		}
		stored.setAll(primary);
		stored.put("h_last_updated", LocalDateTime.now(this.clock).format(DATE_TIME));
		if (extension != null) {
			ext.setAll(extension);
		}
		ObjectNode result = Json.object();
		ObjectNode out = result.putObject("primaryEntityData");
		out.put("primaryKey", id);
		out.set("columns", changedPrimary);
		result.putObject("relatedEntityData").set("columns", changedRelated);
		return result;
	}

	// apps/com.hornbill.servicemanager/Asset::linkAsset
	private JsonNode link(JsonNode params) {
		String left = required(params, "leftEntityId");
		String right = required(params, "rightEntityId");
		String leftType = required(params, "leftRelType");
		for (String urn : List.of(left, right)) {
			if (!this.assets.containsKey(assetId(urn))) {
				throw new MethodFailure("The asset '" + urn + "' does not exist");
			}
		}
		ObjectNode result = Json.object();
		if (!this.linkKeys.add(left + "|" + right + "|" + leftType)) {
			result.put("recordsLinked", 0);
			return result;
		}
		ObjectNode link = Json.object();
		link.put("h_pk_id", Long.toString(this.nextId++));
		link.put("h_entity_l_id", left);
		link.put("h_entity_l_type", params.path("leftEntityType").asText(""));
		link.put("h_entity_r_id", right);
		link.put("h_entity_r_type", params.path("rightEntityType").asText(""));
		link.put("h_dependency", leftType);
		link.put("h_dependency_r", params.path("rightRelType").asText(""));
		link.put("h_depends_on", params.path("dependsOn").asBoolean(false));
		this.links.add(link);
		result.put("recordsLinked", 1);
		return result;
	}

	private static String assetId(String urn) {
		String prefix = "urn:sys:entity:" + APPLICATION + ":Asset:";
		if (!urn.startsWith(prefix)) {
			throw new MethodFailure("Invalid entity id '" + urn + "': expected " + prefix + "<id>");
		}
		return urn.substring(prefix.length());
	}

	private ObjectNode type(String id) {
		return this.types.stream()
			.filter((type) -> type.path("h_pk_type_id").asText().equals(id))
			.findFirst()
			.orElse(null);
	}

	private static Map<String, Character> classColumns(String assetClass) {
		Map<String, Character> columns = new LinkedHashMap<>(CLASS_COLUMNS);
		columns.putAll(CLASS_EXTRA.getOrDefault(assetClass, Map.of()));
		return columns;
	}

	/** The record's columns, checked against the entity and kept as text. */
	private static ObjectNode checked(JsonNode record, Map<String, Character> columns, String entity) {
		ObjectNode out = Json.object();
		if (!record.isObject()) {
			return out;
		}
		record.fields().forEachRemaining((field) -> {
			Character kind = columns.get(field.getKey());
			if (kind == null) {
				throw new MethodFailure(
						"The column '" + field.getKey() + "' is not defined in entity '" + entity + "'");
			}
			JsonNode value = field.getValue();
			if (!value.isValueNode() || value.isNull()) {
				throw new MethodFailure("Invalid value for column '" + field.getKey() + "': expected a value");
			}
			String text = value.asText();
			try {
				switch (kind) {
					case 'd' -> LocalDateTime.parse(text, DATE_TIME);
					case 'i' -> Long.parseLong(text);
					case 'n' -> new BigDecimal(text);
					default -> {
					}
				}
			}
			catch (DateTimeParseException | NumberFormatException ex) {
				throw new MethodFailure(
						"Invalid value for column '" + field.getKey() + "': '" + text + "' is not a " + switch (kind) {
							case 'd' -> "valid date/time (yyyy-MM-dd HH:mm:ss)";
							case 'i' -> "valid integer";
							default -> "valid number";
						});
			}
			out.put(field.getKey(), text);
		});
		return out;
	}

	private static void requireApplication(JsonNode params) {
		if (!APPLICATION.equals(params.path("application").asText())) {
			throw new MethodFailure("The application '" + params.path("application").asText("")
					+ "' is not installed on this instance");
		}
	}

	private static void requireAssetEntity(JsonNode params) {
		if (!"Asset".equals(params.path("entity").asText())) {
			throw new MethodFailure(
					"This simulator writes the entity 'Asset' only, not '" + params.path("entity").asText("") + "'");
		}
	}

	private static void requireClassRelationship(JsonNode related, String action) {
		if (!"AssetClass".equals(related.path("relationshipName").asText())) {
			throw new MethodFailure(
					"The relationship '" + related.path("relationshipName").asText("") + "' is not defined on 'Asset'");
		}
		if (!action.equals(related.path("entityAction").asText())) {
			throw new MethodFailure("relatedEntityData.entityAction must be '" + action + "' here");
		}
	}

	private static String required(JsonNode params, String name) {
		String value = Json.text(params, name);
		if (value == null || value.isBlank()) {
			throw new MethodFailure("Required input parameter '" + name + "' is missing");
		}
		return value;
	}

	private static ObjectNode failure(String error) {
		ObjectNode body = Json.object();
		body.put("@status", false);
		body.putObject("state").put("error", error);
		return body;
	}

	@Override
	protected SimResponse errorResponse(int status, String message, String detail) {
		return SimResponse.json(status, failure((detail != null) ? message + ": " + detail : message));
	}

	@Override
	protected ObjectNode recordsSnapshot(SimRequest request) {
		ObjectNode all = Json.object();
		ArrayNode assetRows = all.putArray("Asset");
		this.assets.values().forEach((asset) -> assetRows.add(asset.deepCopy()));
		this.extensions.forEach((entity, records) -> {
			if (!records.isEmpty()) {
				ArrayNode rows = all.putArray(entity);
				records.values().forEach((row) -> rows.add(row.deepCopy()));
			}
		});
		ArrayNode linkRows = all.putArray(DEPENDENCY_TABLE);
		this.links.forEach((link) -> linkRows.add(link.deepCopy()));
		ArrayNode typeRows = all.putArray("AssetsTypes");
		this.types.forEach((type) -> typeRows.add(type.deepCopy()));
		return all;
	}

	@Override
	protected void resetState() {
		this.assets.clear();
		this.links.clear();
		this.linkKeys.clear();
		this.extensions.clear();
		CLASS_ENTITIES.values().forEach((entity) -> this.extensions.put(entity, new LinkedHashMap<>()));
		this.types.clear();
		for (String[] type : this.seedTypes) {
			ObjectNode row = Json.object();
			row.put("h_pk_type_id", type[0]);
			row.put("h_name", type[1]);
			row.put("h_class", type[2]);
			this.types.add(row);
		}
		this.nextId = 1000;
	}

	private static Map<String, Character> columns(String... specs) {
		Map<String, Character> columns = new LinkedHashMap<>();
		for (String spec : specs) {
			String[] parts = spec.split(" ");
			columns.put(parts[0], parts[1].charAt(0));
		}
		return columns;
	}

	/** The asset type names seeded per class, for tests. */
	public Set<String> typeNames() {
		Set<String> names = new LinkedHashSet<>();
		this.seedTypes.forEach((type) -> names.add(type[1]));
		return names;
	}

	/** A method that failed: HTTP 200 with {@code @status false}. */
	private static final class MethodFailure extends RuntimeException {

		MethodFailure(String message) {
			super(message, null, false, false);
		}

	}

	/** Builds a simulator. */
	public static final class Builder {

		private final Map<String, String> apiKeys = new LinkedHashMap<>(Map.of("hornbill-api-key", "hubintegration"));

		private final List<String[]> types = new ArrayList<>(List.of(new String[] { "1", "Server", "computer" },
				new String[] { "2", "Laptop", "computer" }, new String[] { "3", "Desktop", "computer" },
				new String[] { "4", "Switch", "networkDevice" }, new String[] { "5", "Printer", "printer" },
				new String[] { "6", "Mobile Phone", "mobileDevice" },
				new String[] { "7", "Monitor", "computerPeripheral" }, new String[] { "8", "Application", "software" },
				new String[] { "9", "System", "system" }));

		private final List<RateLimitRule> rateLimits = new ArrayList<>();

		private Clock clock = Clock.systemUTC();

		private int journalCapacity = 10_000;

		private Builder() {
		}

		/** Replaces the API keys with one key of one user. */
		public Builder apiKey(String key, String user) {
			this.apiKeys.clear();
			this.apiKeys.put(key, user);
			return this;
		}

		/** Adds an asset type. */
		public Builder assetType(String id, String name, String assetClass) {
			this.types.add(new String[] { id, name, assetClass });
			return this;
		}

		/** Adds a rate limit (Hornbill documents none; tests add their own). */
		public Builder rateLimit(RateLimitRule rule) {
			this.rateLimits.add(rule);
			return this;
		}

		/** The clock. */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/** How many requests the journal keeps. */
		public Builder journalCapacity(int capacity) {
			this.journalCapacity = capacity;
			return this;
		}

		public HornbillSimulator build() {
			return new HornbillSimulator(this);
		}

	}

}
