package io.itsmhub.simulators.freshservice;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

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
 * A stateful Freshservice (API v2) account: assets of asset types whose type fields carry
 * the id of the asset type that defines them ({@code serial_number_25}), the asset filter
 * query (clauses on a field and a quoted value joined with OR and AND, 30 a page, at most
 * 40 pages), create and partial update by display id, relationships created by an
 * asynchronous bulk job, and the requesters, locations and departments assets point at.
 * Authentication is HTTP basic with the API key as user name and {@code X} as password;
 * validation errors answer 400 with {@code description} and {@code errors[]} naming each
 * field, as Freshservice does.
 *
 * <p>
 * Inspection: {@code _sim/records} lists {@code assets}, {@code relationships} and the
 * reference records; fault injection and rate limits come from {@link PlatformSimulator}.
 */
public final class FreshserviceSimulator extends PlatformSimulator {

	/** The platform id. */
	public static final String PLATFORM_ID = "freshservice";

	/** Records a filter page holds at most ({@code per_page} may ask for fewer). */
	public static final int FILTER_PAGE_SIZE = 30;

	/** The last page a filter query may read. */
	public static final int FILTER_MAX_PAGES = 40;

	/** The longest filter query Freshservice accepts. */
	public static final int FILTER_MAX_LENGTH = 512;

	private static final String API = "/api/v2/";

	private final Builder options;

	private final Map<Long, AssetType> assetTypes = new TreeMap<>();

	private final Map<Long, ObjectNode> assets = new TreeMap<>();

	private final Map<String, Map<Long, ObjectNode>> references = new LinkedHashMap<>();

	private final Map<Long, ObjectNode> relationshipTypes = new TreeMap<>();

	private final List<ObjectNode> relationships = new ArrayList<>();

	private final Map<String, ObjectNode> jobs = new LinkedHashMap<>();

	private long nextAssetId;

	private long nextRelationshipId;

	private FreshserviceSimulator(Builder options) {
		super(options.clock, options.rateLimits, options.journalCapacity);
		this.options = options;
		resetState();
	}

	/**
	 * Starts building a simulator: API key {@code fs-api-key}, the default hardware asset
	 * types and relationship types, no requesters, locations or departments.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A per-minute, account-wide limit such as the plans' 100 to 500 requests a minute.
	 * @param perMinute requests a minute
	 * @return the rule
	 */
	public static RateLimitRule accountLimit(int perMinute) {
		return RateLimitRule.all(perMinute, Duration.ofMinutes(1));
	}

	@Override
	public String platformId() {
		return PLATFORM_ID;
	}

	@Override
	protected void resetState() {
		this.assetTypes.clear();
		this.assets.clear();
		this.references.clear();
		this.relationshipTypes.clear();
		this.relationships.clear();
		this.jobs.clear();
		this.nextAssetId = 1;
		this.nextRelationshipId = 1;
		defaultAssetTypes().forEach((type) -> this.assetTypes.put(type.id, type));
		String[][] relationTypes = { { "Depends On", "Used By" }, { "Runs on", "Runs" }, { "Hosted On", "Hosts" },
				{ "Connects to", "Connected by" }, { "Member of", "Has member" }, { "Contains", "Contained by" } };
		for (int i = 0; i < relationTypes.length; i++) {
			ObjectNode type = Json.object();
			type.put("id", i + 1);
			type.put("downstream_relation", relationTypes[i][0]);
			type.put("upstream_relation", relationTypes[i][1]);
			type.put("description", relationTypes[i][0] + " / " + relationTypes[i][1]);
			this.relationshipTypes.put((long) (i + 1), type);
		}
		for (String kind : List.of("requesters", "locations", "departments")) {
			Map<Long, ObjectNode> records = new TreeMap<>();
			long id = 1;
			for (Map<String, String> seed : this.options.seed.getOrDefault(kind, List.of())) {
				ObjectNode record = Json.object();
				record.put("id", id);
				seed.forEach(record::put);
				records.put(id++, record);
			}
			this.references.put(kind, records);
		}
	}

	/** The default hardware tree: Hardware, Computer below it, and the device types. */
	private static List<AssetType> defaultAssetTypes() {
		List<AssetType> types = new ArrayList<>();
		AssetType hardware = new AssetType(25, "Hardware", null);
		hardware.field("serial_number", "custom_text")
			.field("cost", "custom_number")
			.field("acquisition_date", "custom_date")
			.field("warranty_expiry_date", "custom_date")
			.field("asset_state", "dropdown", "In Use", "In Stock", "In Repair", "Retired", "Disposed", "Missing",
					"Loaned");
		AssetType computer = new AssetType(26, "Computer", hardware);
		computer.field("hostname", "custom_text")
			.field("os", "custom_text")
			.field("os_version", "custom_text")
			.field("memory", "custom_number")
			.field("cpu_core_count", "custom_number")
			.field("computer_ip_address", "custom_text")
			.field("mac_address", "custom_text");
		types.add(hardware);
		types.add(computer);
		long id = 27;
		for (String name : List.of("Server", "Virtual Machine", "Laptop", "Desktop")) {
			types.add(new AssetType(id++, name, computer));
		}
		for (String name : List.of("Network Device", "Storage", "Mobile Device", "Printer")) {
			types.add(new AssetType(id++, name, hardware));
		}
		return types;
	}

	@Override
	protected String authenticate(SimRequest request) {
		String authorization = request.header("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			String decoded;
			try {
				decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
						StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				decoded = "";
			}
			if (decoded.equals(this.options.apiKey + ":X")) {
				return "key:" + Integer.toHexString(this.options.apiKey.hashCode());
			}
		}
		throw new SimulatorException(401, "You have to be logged in to perform this action.", null);
	}

	@Override
	protected SimResponse errorResponse(int status, String message, String detail) {
		ObjectNode body = Json.object();
		body.put("code", (status == 401) ? "access_denied" : (status == 404) ? "not_found" : "error");
		body.put("message", (detail != null) ? message + ": " + detail : message);
		return SimResponse.json(status, body);
	}

	private static SimResponse validationError(List<String[]> errors) {
		ObjectNode body = Json.object();
		body.put("description", "Validation failed");
		ArrayNode list = body.putArray("errors");
		for (String[] error : errors) {
			ObjectNode node = list.addObject();
			node.put("field", error[0]);
			node.put("message", error[1]);
			node.put("code", error[2]);
		}
		return SimResponse.json(400, body);
	}

	@Override
	protected SimResponse route(SimRequest request, String principal) {
		if (!request.path().startsWith(API)) {
			throw new SimulatorException(404, "Not found", request.path());
		}
		String[] parts = request.path().substring(API.length()).split("/");
		String method = request.method();
		return switch (parts[0]) {
			case "asset_types" ->
				(parts.length == 1) ? page(request, "asset_types", assetTypeNodes()) : assetTypeFields(parts[1]);
			case "assets" -> assets(request, parts, method);
			case "relationship_types" ->
				page(request, "relationship_types", new ArrayList<>(this.relationshipTypes.values()));
			case "relationships" -> {
				if (parts.length == 2 && parts[1].equals("bulk-create") && method.equals("POST")) {
					yield bulkCreate(request);
				}
				throw new SimulatorException(404, "Not found", request.path());
			}
			case "jobs" -> job(parts);
			case "requesters", "locations", "departments" ->
				(parts.length == 1) ? page(request, parts[0], new ArrayList<>(this.references.get(parts[0]).values()))
						: single(parts[0].substring(0, parts[0].length() - 1),
								this.references.get(parts[0]).get(id(parts[1])));
			default -> throw new SimulatorException(404, "Not found", request.path());
		};
	}

	private SimResponse assets(SimRequest request, String[] parts, String method) {
		if (parts.length == 1) {
			if (method.equals("POST")) {
				return createAsset(request);
			}
			String filter = request.queryParam("filter");
			if (filter != null) {
				return filterAssets(request, filter);
			}
			return page(request, "assets",
					this.assets.values().stream().map((asset) -> (JsonNode) view(asset, request)).toList());
		}
		long displayId = id(parts[1]);
		ObjectNode asset = this.assets.get(displayId);
		if (asset == null) {
			throw new SimulatorException(404, "Asset not found", parts[1]);
		}
		if (parts.length == 3 && parts[2].equals("relationships")) {
			ArrayNode list = Json.array();
			this.relationships.stream()
				.filter((relation) -> relation.path("primary_id").asLong() == displayId
						|| relation.path("secondary_id").asLong() == displayId)
				.forEach(list::add);
			ObjectNode body = Json.object();
			body.set("relationships", list);
			return SimResponse.json(200, body);
		}
		return switch (method) {
			case "GET" -> single("asset", view(asset, request));
			case "PUT" -> updateAsset(request, asset);
			case "DELETE" -> {
				this.assets.remove(displayId);
				yield SimResponse.empty(204);
			}
			default -> throw new SimulatorException(405, "Method not allowed", method);
		};
	}

	private SimResponse createAsset(SimRequest request) {
		JsonNode body = Json.parse(request.body());
		if (!body.isObject()) {
			throw new BadRequestException("The request body must be a JSON object");
		}
		List<String[]> errors = new ArrayList<>();
		if (body.path("name").asText("").isBlank()) {
			errors.add(new String[] { "name", "It should be a/an String", "missing_field" });
		}
		AssetType type = this.assetTypes.get(body.path("asset_type_id").asLong(-1));
		if (type == null) {
			errors.add(new String[] { "asset_type_id",
					"There is no asset type with id " + body.path("asset_type_id").asText(),
					(body.has("asset_type_id")) ? "invalid_value" : "missing_field" });
		}
		ObjectNode asset = Json.object();
		asset.put("id", 1_000_000_000L + this.nextAssetId);
		asset.put("display_id", this.nextAssetId);
		asset.put("created_at", this.clock.instant().toString());
		apply(asset, (ObjectNode) body, type, errors);
		if (!errors.isEmpty()) {
			return validationError(errors);
		}
		this.assets.put(this.nextAssetId++, asset);
		return SimResponse.json(201, single(asset));
	}

	private SimResponse updateAsset(SimRequest request, ObjectNode asset) {
		JsonNode body = Json.parse(request.body());
		if (!body.isObject()) {
			throw new BadRequestException("The request body must be a JSON object");
		}
		ObjectNode updated = asset.deepCopy();
		AssetType type = this.assetTypes.get(body.path("asset_type_id").asLong(asset.path("asset_type_id").asLong()));
		List<String[]> errors = new ArrayList<>();
		if (type == null) {
			errors.add(new String[] { "asset_type_id",
					"There is no asset type with id " + body.path("asset_type_id").asText(), "invalid_value" });
		}
		if (body.has("name") && body.path("name").asText("").isBlank()) {
			errors.add(new String[] { "name", "It should be a/an String", "invalid_value" });
		}
		apply(updated, (ObjectNode) body, type, errors);
		if (!errors.isEmpty()) {
			return validationError(errors);
		}
		asset.setAll(updated);
		return SimResponse.json(200, single(asset));
	}

	/** Copies a create or update body into the asset, collecting every invalid field. */
	private void apply(ObjectNode asset, ObjectNode body, AssetType type, List<String[]> errors) {
		for (Map.Entry<String, JsonNode> field : body.properties()) {
			String name = field.getKey();
			JsonNode value = field.getValue();
			switch (name) {
				case "name", "asset_tag", "description" -> asset.put(name, value.asText());
				case "impact" -> choice(asset, name, value, errors, "low", "medium", "high");
				case "usage_type" -> choice(asset, name, value, errors, "permanent", "loaner");
				case "asset_type_id" -> asset.put(name, value.asLong());
				case "user_id", "location_id", "department_id" -> {
					String kind = switch (name) {
						case "user_id" -> "requesters";
						case "location_id" -> "locations";
						default -> "departments";
					};
					if (value.isNull()) {
						asset.putNull(name);
					}
					else if (!value.canConvertToLong() || !this.references.get(kind).containsKey(value.asLong())) {
						errors.add(new String[] { name,
								"There is no " + kind.substring(0, kind.length() - 1) + " with id " + value.asText(),
								"invalid_value" });
					}
					else {
						asset.put(name, value.asLong());
					}
				}
				case "type_fields" -> typeFields(asset, value, type, errors);
				default -> errors.add(new String[] { name, "Unexpected/invalid field in request", "invalid_field" });
			}
		}
		asset.put("updated_at", this.clock.instant().toString());
	}

	private static void choice(ObjectNode asset, String name, JsonNode value, List<String[]> errors,
			String... allowed) {
		if (!List.of(allowed).contains(value.asText())) {
			errors.add(new String[] { name, "It should be one of these values: '" + String.join(",", allowed) + "'",
					"invalid_value" });
		}
		else {
			asset.put(name, value.asText());
		}
	}

	private void typeFields(ObjectNode asset, JsonNode values, AssetType type, List<String[]> errors) {
		if (type == null) {
			return;
		}
		if (!values.isObject()) {
			errors.add(new String[] { "type_fields", "It should be a/an key/value pair", "datatype_mismatch" });
			return;
		}
		ObjectNode stored = asset.with("type_fields");
		Map<String, TypeField> fields = type.allFields();
		for (Map.Entry<String, JsonNode> entry : values.properties()) {
			TypeField field = fields.get(entry.getKey());
			JsonNode value = entry.getValue();
			if (field == null) {
				errors.add(new String[] { entry.getKey(), "Unexpected/invalid field in request", "invalid_field" });
				continue;
			}
			if (value.isNull()) {
				stored.putNull(entry.getKey());
				continue;
			}
			String problem = field.check(value);
			if (problem != null) {
				errors.add(new String[] { entry.getKey(), problem, "invalid_value" });
			}
			else {
				stored.set(entry.getKey(), value);
			}
		}
	}

	private SimResponse filterAssets(SimRequest request, String rawFilter) {
		String filter = rawFilter.strip();
		if (filter.length() >= 2 && filter.startsWith("\"") && filter.endsWith("\"")) {
			filter = filter.substring(1, filter.length() - 1);
		}
		if (filter.length() > FILTER_MAX_LENGTH) {
			return validationError(List.<String[]>of(new String[] { "filter",
					"The query length should not exceed " + FILTER_MAX_LENGTH + " characters", "invalid_value" }));
		}
		Predicate<ObjectNode> matcher;
		try {
			matcher = FilterQuery.parse(filter);
		}
		catch (IllegalArgumentException ex) {
			return validationError(List.<String[]>of(new String[] { "filter", ex.getMessage(), "invalid_value" }));
		}
		int page = intParam(request, "page", 1);
		if (page > FILTER_MAX_PAGES) {
			return validationError(List.<String[]>of(new String[] { "page",
					"Filter results can only be read up to page " + FILTER_MAX_PAGES, "invalid_value" }));
		}
		List<JsonNode> matches = this.assets.values()
			.stream()
			.filter(matcher)
			.map((asset) -> (JsonNode) view(asset, request))
			.toList();
		int pageSize = Math.min(intParam(request, "per_page", FILTER_PAGE_SIZE), FILTER_PAGE_SIZE);
		int from = Math.min((page - 1) * pageSize, matches.size());
		int to = Math.min(from + pageSize, matches.size());
		ObjectNode body = Json.object();
		body.putArray("assets").addAll(matches.subList(from, to));
		body.put("total", matches.size());
		return SimResponse.json(200, body);
	}

	/** The asset as listed: type fields only with {@code include=type_fields}. */
	private static ObjectNode view(ObjectNode asset, SimRequest request) {
		String include = request.queryParam("include");
		if (include != null && include.contains("type_fields")) {
			return asset;
		}
		ObjectNode copy = asset.deepCopy();
		copy.remove("type_fields");
		return copy;
	}

	private SimResponse bulkCreate(SimRequest request) {
		JsonNode body = Json.parse(request.body());
		JsonNode list = body.path("relationships");
		if (!list.isArray() || list.isEmpty()) {
			return validationError(List
				.<String[]>of(new String[] { "relationships", "It should be a non-empty array", "missing_field" }));
		}
		String jobId = UUID.randomUUID().toString();
		ObjectNode job = Json.object();
		job.put("job_id", jobId);
		job.put("operation", "create_relationships");
		ArrayNode results = job.putArray("relationships");
		boolean allGood = true;
		for (JsonNode wanted : list) {
			ObjectNode result = results.addObject();
			result.setAll((ObjectNode) wanted.deepCopy());
			String problem = relationshipProblem(wanted);
			if (problem == null) {
				ObjectNode relation = Json.object();
				relation.put("id", this.nextRelationshipId++);
				relation.put("relationship_type_id", wanted.path("relationship_type_id").asLong());
				relation.put("primary_id", wanted.path("primary_id").asLong());
				relation.put("primary_type", wanted.path("primary_type").asText());
				relation.put("secondary_id", wanted.path("secondary_id").asLong());
				relation.put("secondary_type", wanted.path("secondary_type").asText());
				relation.put("created_at", this.clock.instant().toString());
				this.relationships.add(relation);
				result.put("success", true);
				result.put("id", relation.path("id").asLong());
			}
			else {
				allGood = false;
				result.put("success", false);
				result.put("error", problem);
			}
		}
		job.put("status", allGood ? "success" : "partial");
		this.jobs.put(jobId, job);
		ObjectNode answer = Json.object();
		answer.put("job_id", jobId);
		answer.put("href", request.baseUrl() + API + "jobs/" + jobId);
		return SimResponse.json(202, answer);
	}

	private String relationshipProblem(JsonNode wanted) {
		if (!this.relationshipTypes.containsKey(wanted.path("relationship_type_id").asLong(-1))) {
			return "There is no relationship type with id " + wanted.path("relationship_type_id").asText();
		}
		for (String end : List.of("primary", "secondary")) {
			if (!"asset".equals(wanted.path(end + "_type").asText())) {
				return end + "_type must be asset";
			}
			if (!this.assets.containsKey(wanted.path(end + "_id").asLong(-1))) {
				return "There is no asset with display id " + wanted.path(end + "_id").asText();
			}
		}
		boolean exists = this.relationships.stream()
			.anyMatch(
					(relation) -> relation.path("relationship_type_id").asLong() == wanted.path("relationship_type_id")
						.asLong() && relation.path("primary_id").asLong() == wanted.path("primary_id").asLong()
							&& relation.path("secondary_id").asLong() == wanted.path("secondary_id").asLong());
		return exists ? "The relationship already exists" : null;
	}

	private SimResponse job(String[] parts) {
		ObjectNode job = (parts.length == 2) ? this.jobs.get(parts[1]) : null;
		if (job == null) {
			throw new SimulatorException(404, "Job not found", (parts.length == 2) ? parts[1] : null);
		}
		return SimResponse.json(200, job);
	}

	private List<JsonNode> assetTypeNodes() {
		List<JsonNode> nodes = new ArrayList<>();
		this.assetTypes.values().forEach((type) -> nodes.add(type.toJson()));
		return nodes;
	}

	private SimResponse assetTypeFields(String idText) {
		AssetType type = this.assetTypes.get(id(idText));
		if (type == null) {
			throw new SimulatorException(404, "Asset type not found", idText);
		}
		ObjectNode body = Json.object();
		ArrayNode groups = body.putArray("asset_type_fields");
		List<AssetType> chain = new ArrayList<>();
		for (AssetType at = type; at != null; at = at.parent) {
			chain.add(0, at);
		}
		for (AssetType at : chain) {
			ObjectNode group = groups.addObject();
			group.put("field_header", at.name);
			ArrayNode fields = group.putArray("fields");
			at.fields.values().forEach((field) -> fields.add(field.toJson()));
		}
		return SimResponse.json(200, body);
	}

	/**
	 * One page of a list, {@code page} from 1, {@code per_page} up to 100, with a Link.
	 */
	private static SimResponse page(SimRequest request, String key, List<JsonNode> all) {
		int page = intParam(request, "page", 1);
		int perPage = Math.min(intParam(request, "per_page", 30), 100);
		int from = Math.min((page - 1) * perPage, all.size());
		int to = Math.min(from + perPage, all.size());
		ObjectNode body = Json.object();
		body.putArray(key).addAll(all.subList(from, to));
		SimResponse response = SimResponse.json(200, body);
		if (to < all.size()) {
			response.header("Link", "<" + request.baseUrl() + request.path() + "?page=" + (page + 1) + "&per_page="
					+ perPage + ">; rel=\"next\"");
		}
		return response;
	}

	private static SimResponse single(String key, JsonNode record) {
		if (record == null) {
			throw new SimulatorException(404, "Not found", key);
		}
		ObjectNode body = Json.object();
		body.set(key, record);
		return SimResponse.json(200, body);
	}

	private static ObjectNode single(ObjectNode asset) {
		ObjectNode body = Json.object();
		body.set("asset", asset);
		return body;
	}

	private static int intParam(SimRequest request, String name, int fallback) {
		String value = request.queryParam(name);
		if (value == null) {
			return fallback;
		}
		try {
			int parsed = Integer.parseInt(value);
			if (parsed < 1) {
				throw new BadRequestException(name + " must be at least 1");
			}
			return parsed;
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException(name + " must be a number");
		}
	}

	private static long id(String text) {
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			throw new SimulatorException(404, "Not found", text);
		}
	}

	@Override
	protected ObjectNode recordsSnapshot(SimRequest request) {
		ObjectNode snapshot = Json.object();
		snapshot.putArray("assets").addAll(new ArrayList<JsonNode>(this.assets.values()));
		snapshot.putArray("relationships").addAll(new ArrayList<JsonNode>(this.relationships));
		this.references.forEach((kind, records) -> snapshot.putArray(kind).addAll(new ArrayList<>(records.values())));
		return snapshot;
	}

	/** An asset type and the type fields it defines, suffixed with its id. */
	static final class AssetType {

		final long id;

		final String name;

		final AssetType parent;

		final Map<String, TypeField> fields = new LinkedHashMap<>();

		AssetType(long id, String name, AssetType parent) {
			this.id = id;
			this.name = name;
			this.parent = parent;
		}

		AssetType field(String plain, String fieldType, String... choices) {
			String name = plain + "_" + this.id;
			this.fields.put(name, new TypeField(name, plain, fieldType, List.of(choices)));
			return this;
		}

		Map<String, TypeField> allFields() {
			Map<String, TypeField> all = new LinkedHashMap<>();
			if (this.parent != null) {
				all.putAll(this.parent.allFields());
			}
			all.putAll(this.fields);
			return all;
		}

		static String plainName(String name) {
			return name.replaceFirst("_[0-9]+$", "");
		}

		ObjectNode toJson() {
			ObjectNode node = Json.object();
			node.put("id", this.id);
			node.put("name", this.name);
			node.put("description", this.name);
			if (this.parent != null) {
				node.put("parent_asset_type_id", this.parent.id);
			}
			else {
				node.putNull("parent_asset_type_id");
			}
			node.put("visible", true);
			return node;
		}

	}

	/** A type field: text, number, date or dropdown. */
	record TypeField(String name, String label, String fieldType, List<String> choices) {

		String check(JsonNode value) {
			return switch (this.fieldType) {
				case "custom_number" -> value.isNumber() ? null : "It should be a/an Number";
				case "custom_date" -> {
					try {
						LocalDate.parse(value.asText());
						yield null;
					}
					catch (DateTimeParseException ex) {
						yield "It should be in the 'YYYY-MM-DD' format";
					}
				}
				case "dropdown" -> this.choices.contains(value.asText()) ? null
						: "It should be one of these values: '" + String.join(",", this.choices) + "'";
				default -> (value.isValueNode()) ? null : "It should be a/an String";
			};
		}

		ObjectNode toJson() {
			ObjectNode node = Json.object();
			node.put("name", this.name);
			node.put("label", this.label);
			node.put("field_type", this.fieldType);
			node.put("required", false);
			if (!this.choices.isEmpty()) {
				ArrayNode choices = node.putArray("choices");
				this.choices.forEach(choices::add);
			}
			return node;
		}

	}

	/** Options of a {@link FreshserviceSimulator}. */
	public static final class Builder {

		private String apiKey = "fs-api-key";

		private final Map<String, List<Map<String, String>>> seed = new LinkedHashMap<>();

		private final List<RateLimitRule> rateLimits = new ArrayList<>();

		private Clock clock = Clock.systemUTC();

		private int journalCapacity = 10_000;

		private Builder() {
		}

		/**
		 * The API key the account accepts.
		 * @param apiKey the key
		 * @return this builder
		 */
		public Builder apiKey(String apiKey) {
			this.apiKey = apiKey;
			return this;
		}

		/**
		 * Adds reference records the account holds from the start and after a reset.
		 * @param kind {@code requesters} (with {@code primary_email}), {@code locations}
		 * or {@code departments} (with {@code name})
		 * @param record the fields of the record
		 * @return this builder
		 */
		public Builder seed(String kind, Map<String, String> record) {
			if (!List.of("requesters", "locations", "departments").contains(kind)) {
				throw new IllegalArgumentException("no such record kind: " + kind);
			}
			this.seed.computeIfAbsent(kind, (k) -> new ArrayList<>()).add(Map.copyOf(record));
			return this;
		}

		/**
		 * Adds a rate limit.
		 * @param rule the rule
		 * @return this builder
		 */
		public Builder rateLimit(RateLimitRule rule) {
			this.rateLimits.add(rule);
			return this;
		}

		/**
		 * The clock.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * How many requests to keep for inspection.
		 * @param capacity the count
		 * @return this builder
		 */
		public Builder journalCapacity(int capacity) {
			this.journalCapacity = capacity;
			return this;
		}

		/**
		 * Builds the simulator.
		 * @return the simulator
		 */
		public FreshserviceSimulator build() {
			return new FreshserviceSimulator(this);
		}

	}

}
