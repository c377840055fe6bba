package io.itsmhub.simulators.haloitsm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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
 * A stateful fake of the HaloITSM API (the same API as HaloPSA and HaloServiceDesk), at
 * the paths of Halo's OpenAPI document (server {@code /api}):
 *
 * <ul>
 * <li>{@code POST /auth/token}: OAuth 2.0 client credentials (form body
 * {@code grant_type=client_credentials&client_id&client_secret&scope=all}), bearer tokens
 * that expire;</li>
 * <li>{@code GET /api/AssetType}, {@code GET /api/AssetType/{id}}: the seeded asset
 * types;</li>
 * <li>{@code GET /api/Asset}: {@code search}, {@code inventory_number},
 * {@code assettype_id}, {@code includeinactive}, {@code includeactive},
 * {@code lastupdatefromdate}, {@code count} and paging by
 * {@code pageinate}/{@code page_size}/{@code page_no}, answered as
 * {@code {"record_count", "assets"}};</li>
 * <li>{@code POST /api/Asset}: an array of {@code Device}; an element with {@code id}
 * updates, one without creates; the whole array is validated before anything is saved
 * (types of the {@code Device} fields the schema declares; unknown fields are refused);
 * answers the saved device (one element) or the saved devices (several);</li>
 * <li>{@code GET /api/Asset/{id}} ({@code includehierarchy=true} adds
 * {@code parent_assets}, {@code child_assets}, {@code sibling_assets}), {@code DELETE
 * /api/Asset/{id}}.</li>
 * </ul>
 *
 * <p>
 * Relationships: {@code parent_assets}, {@code child_assets} and {@code sibling_assets}
 * on a posted device replace that device's parents, children or siblings with the listed
 * ids; {@code parent_id} sets a single parent. Which of these a real tenant honours is an
 * open point (see the connector's README); the simulator keeps one set of parent-child
 * links, so a link written from either end is seen from both.
 */
public final class HaloItsmSimulator extends PlatformSimulator {

	/** The platform id used in the hub's mount path. */
	public static final String PLATFORM_ID = "haloitsm";

	/** The API application's client id unless the builder sets another. */
	public static final String DEFAULT_CLIENT_ID = "hub-client";

	/** The API application's client secret unless the builder sets another. */
	public static final String DEFAULT_CLIENT_SECRET = "hub-secret";

	/** The hub's recommended asset types, seeded unless the builder sets others. */
	public static final List<String> DEFAULT_ASSET_TYPES = List.of("Server", "Virtual Machine", "Laptop", "Desktop",
			"Network Device", "Storage", "Mobile Device", "Printer", "Peripheral");

	private static final String TOKEN_PATH = "/auth/token";

	private static final Set<String> INTEGER_FIELDS = Set.of("id", "assettype_id", "client_id", "site_id", "status_id",
			"parent_id", "child_id", "supplier_id", "contract_id", "business_owner_id", "technical_owner_id",
			"relationship_id");

	private static final Set<String> BOOLEAN_FIELDS = Set.of("inactive", "_validateonly", "_dontaddnewfields",
			"_dontupdatetype", "deactivate_child_devices", "sibling_id");

	private static final Set<String> NUMBER_FIELDS = Set.of("item_cost");

	private static final Set<String> DATE_FIELDS = Set.of("supplier_purchasedate", "warranty_start", "warranty_end");

	private static final Set<String> STRING_FIELDS = Set.of("inventory_number", "key_field", "key_field2", "key_field3",
			"third_party_id_string", "aws_id", "intune_id", "matching_field", "username", "site_name", "client_name",
			"supplier_name", "contract_ref", "status_name", "notes", "assettype_name");

	private static final Set<String> LINK_FIELDS = Set.of("parent_assets", "child_assets", "sibling_assets");

	private static final Set<String> LIST_FIELDS = Set.of("fields", "customfields");

	private final Builder options;

	// Concurrent: authentication reads the tokens outside the simulator's lock.
	private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

	private final Map<Integer, String> assetTypes = new LinkedHashMap<>();

	private final Map<Integer, Asset> assets = new LinkedHashMap<>();

	/** Parent-child links as {@code parentId -> childIds}. */
	private final Map<Integer, Set<Integer>> children = new LinkedHashMap<>();

	/** Sibling links, both ways. */
	private final Map<Integer, Set<Integer>> siblings = new LinkedHashMap<>();

	private int nextAssetId;

	/** A simulator with the default options. */
	public HaloItsmSimulator() {
		this(builder());
	}

	private HaloItsmSimulator(Builder options) {
		super(options.clock, options.rateLimits, options.journalCapacity);
		this.options = options;
		resetState();
	}

	/**
	 * Starts building a simulator.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The limit third-party Halo clients cite: 700 requests per rolling 5 minutes
	 * (another source says 500 per 3 minutes); Halo's own documentation gives none.
	 * @return the rule
	 */
	public static List<RateLimitRule> citedRateLimits() {
		return List.of(RateLimitRule.all(700, Duration.ofMinutes(5)));
	}

	@Override
	public String platformId() {
		return PLATFORM_ID;
	}

	/**
	 * The id of a seeded asset type.
	 * @param name the type's name
	 * @return the id, or {@code null}
	 */
	public Integer assetTypeId(String name) {
		synchronized (this.assetTypes) {
			return this.assetTypes.entrySet()
				.stream()
				.filter((entry) -> entry.getValue().equals(name))
				.map(Map.Entry::getKey)
				.findFirst()
				.orElse(null);
		}
	}

	/**
	 * Makes every token issued so far invalid, as when a token expires early.
	 */
	public void revokeTokens() {
		this.tokens.clear();
	}

	@Override
	protected void resetState() {
		this.tokens.clear();
		synchronized (this.assetTypes) {
			this.assetTypes.clear();
			int id = 101;
			for (String name : this.options.assetTypes) {
				this.assetTypes.put(id++, name);
			}
		}
		this.assets.clear();
		this.children.clear();
		this.siblings.clear();
		this.nextAssetId = 1001;
	}

	@Override
	protected String authenticate(SimRequest request) {
		if (request.path().equals(TOKEN_PATH)) {
			Map<String, List<String>> form = SimRequest.parseQuery(request.bodyText());
			String clientId = first(form, "client_id");
			String secret = first(form, "client_secret");
			if (clientId == null || !this.options.clientId.equals(clientId)
					|| !this.options.clientSecret.equals(secret)) {
				throw new SimulatorException(401, "invalid_client", "Unknown client or wrong client secret");
			}
			return "client:" + clientId;
		}
		String authorization = request.header("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			Instant expires = this.tokens.get(authorization.substring(7).trim());
			if (expires != null && expires.isAfter(this.clock.instant())) {
				return "client:" + this.options.clientId;
			}
		}
		throw new SimulatorException(401, "Unauthorized", null);
	}

	@Override
	protected SimResponse errorResponse(int status, String message, String detail) {
		if (message.startsWith("invalid_") || message.startsWith("unsupported_")) {
			// the token endpoint's OAuth 2.0 error shape (RFC 6749 section 5.2)
			ObjectNode body = Json.object();
			body.put("error", message);
			if (detail != null) {
				body.put("error_description", detail);
			}
			return SimResponse.json(status, body);
		}
		// the API answers errors as plain text
		return SimResponse.text(status, (detail != null) ? message + ": " + detail : message);
	}

	@Override
	protected SimResponse route(SimRequest request, String principal) {
		String path = request.path();
		String method = request.method();
		if (path.equals(TOKEN_PATH)) {
			requireMethod(method, "POST");
			return token(request);
		}
		if (!path.startsWith("/api/")) {
			throw new SimulatorException(404, "Not found", path);
		}
		String[] parts = path.substring("/api/".length()).split("/");
		String resource = parts[0].toLowerCase(Locale.ROOT);
		if (resource.equals("assettype")) {
			requireMethod(method, "GET");
			return (parts.length == 1) ? SimResponse.json(200, assetTypeList()) : assetType(parts[1]);
		}
		if (resource.equals("asset")) {
			if (parts.length == 1) {
				if (method.equals("POST")) {
					return upsert(request);
				}
				requireMethod(method, "GET");
				return list(request);
			}
			Asset asset = this.assets.get(intOrNull(parts[1]));
			if (asset == null) {
				throw new SimulatorException(404, "Asset not found", parts[1]);
			}
			if (method.equals("DELETE")) {
				delete(asset.id);
				return SimResponse.empty(200);
			}
			requireMethod(method, "GET");
			return SimResponse.json(200, json(asset, "true".equalsIgnoreCase(request.queryParam("includehierarchy"))));
		}
		throw new SimulatorException(404, "Not found", path);
	}

	// POST /auth/token
	private SimResponse token(SimRequest request) {
		Map<String, List<String>> form = SimRequest.parseQuery(request.bodyText());
		if (!"client_credentials".equals(first(form, "grant_type"))) {
			throw new SimulatorException(400, "unsupported_grant_type", "Only client_credentials is supported");
		}
		String scope = first(form, "scope");
		if (scope != null && !scope.isBlank() && !Set.of(scope.split(" ")).contains("all")) {
			throw new SimulatorException(400, "invalid_scope", "The API application grants scope 'all'");
		}
		String token = UUID.randomUUID().toString().replace("-", "");
		this.tokens.put(token, this.clock.instant().plus(this.options.tokenLifetime));
		ObjectNode body = Json.object();
		body.put("access_token", token);
		body.put("expires_in", this.options.tokenLifetime.toSeconds());
		body.put("token_type", "Bearer");
		body.put("scope", "all");
		return SimResponse.json(200, body);
	}

	// GET /api/AssetType
	private ArrayNode assetTypeList() {
		ArrayNode array = Json.array();
		synchronized (this.assetTypes) {
			this.assetTypes.forEach((id, name) -> array.add(assetTypeJson(id, name)));
		}
		return array;
	}

	// GET /api/AssetType/{id}
	private SimResponse assetType(String idText) {
		Integer id = intOrNull(idText);
		String name;
		synchronized (this.assetTypes) {
			name = this.assetTypes.get(id);
		}
		if (name == null) {
			throw new SimulatorException(404, "Asset type not found", idText);
		}
		ObjectNode type = assetTypeJson(id, name);
		type.putArray("fields");
		return SimResponse.json(200, type);
	}

	private static ObjectNode assetTypeJson(int id, String name) {
		ObjectNode type = Json.object();
		type.put("id", id);
		type.put("name", name);
		type.put("assetgroup_id", 1);
		type.put("assetgroup_name", "IT Assets");
		type.put("keyfield_id", 1);
		type.put("keyfield_name", "Serial Number");
		type.put("keyfield2_id", 2);
		type.put("keyfield2_name", "Host Name");
		type.put("keyfield3_id", 3);
		type.put("keyfield3_name", "FQDN");
		return type;
	}

	// GET /api/Asset
	private SimResponse list(SimRequest request) {
		String search = lower(request.queryParam("search"));
		boolean inventoryOnly = "true".equalsIgnoreCase(request.queryParam("search_inventory_number_only"));
		String inventoryNumber = request.queryParam("inventory_number");
		Integer typeId = intOrNull(request.queryParam("assettype_id"));
		boolean includeInactive = "true".equalsIgnoreCase(request.queryParam("includeinactive"));
		boolean includeActive = !"false".equalsIgnoreCase(request.queryParam("includeactive"));
		Instant updatedFrom = instantOrNull(request.queryParam("lastupdatefromdate"));
		List<Asset> hits = new ArrayList<>();
		for (Asset asset : this.assets.values()) {
			boolean inactive = asset.fields.path("inactive").asBoolean(false);
			if ((inactive && !includeInactive) || (!inactive && !includeActive)) {
				continue;
			}
			if (typeId != null && typeId != asset.typeId) {
				continue;
			}
			if (inventoryNumber != null && !inventoryNumber.equalsIgnoreCase(asset.text("inventory_number"))) {
				continue;
			}
			if (updatedFrom != null && asset.updated.isBefore(updatedFrom)) {
				continue;
			}
			if (search != null && !search.isEmpty() && !matches(asset, search, inventoryOnly)) {
				continue;
			}
			hits.add(asset);
		}
		int from = 0;
		int to = hits.size();
		if ("true".equalsIgnoreCase(request.queryParam("pageinate"))) {
			int size = Math.max(1, intParam(request, "page_size", 50));
			int page = Math.max(1, intParam(request, "page_no", 1));
			from = Math.min(hits.size(), (page - 1) * size);
			to = Math.min(hits.size(), from + size);
		}
		else if (request.queryParam("count") != null) {
			to = Math.min(hits.size(), intParam(request, "count", hits.size()));
		}
		ObjectNode body = Json.object();
		body.put("record_count", hits.size());
		ArrayNode list = body.putArray("assets");
		hits.subList(from, to).forEach((asset) -> list.add(json(asset, false)));
		return SimResponse.json(200, body);
	}

	private static boolean matches(Asset asset, String search, boolean inventoryOnly) {
		if (inventoryOnly) {
			return lower(asset.text("inventory_number")).contains(search);
		}
		for (String field : List.of("inventory_number", "key_field", "key_field2", "key_field3",
				"third_party_id_string", "aws_id")) {
			String value = asset.text(field);
			if (value != null && value.toLowerCase(Locale.ROOT).contains(search)) {
				return true;
			}
		}
		return false;
	}

	// POST /api/Asset
	private SimResponse upsert(SimRequest request) {
		JsonNode body = Json.parse(request.body());
		if (!body.isArray()) {
			throw new BadRequestException("The request body must be an array of Device");
		}
		// validate the whole array first: Halo saves all or nothing
		for (int i = 0; i < body.size(); i++) {
			validate(body.get(i), (body.size() > 1) ? "Device " + (i + 1) + ": " : "");
		}
		boolean validateOnly = false;
		ArrayNode saved = Json.array();
		for (JsonNode device : body) {
			validateOnly |= device.path("_validateonly").asBoolean(false);
		}
		if (validateOnly) {
			body.forEach(saved::add);
		}
		else {
			for (JsonNode device : body) {
				saved.add(json(save((ObjectNode) device), false));
			}
		}
		return SimResponse.json(200, (saved.size() == 1) ? saved.get(0) : saved);
	}

	private void validate(JsonNode device, String where) {
		if (!device.isObject()) {
			throw new BadRequestException(where + "each element must be a Device object");
		}
		Iterator<Map.Entry<String, JsonNode>> fields = device.fields();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			String name = field.getKey();
			JsonNode value = field.getValue();
			if (value.isNull()) {
				continue;
			}
			String problem = null;
			if (INTEGER_FIELDS.contains(name)) {
				problem = value.canConvertToInt() && value.isIntegralNumber() ? null : "must be an integer";
			}
			else if (BOOLEAN_FIELDS.contains(name)) {
				problem = value.isBoolean() ? null : "must be true or false";
			}
			else if (NUMBER_FIELDS.contains(name)) {
				problem = value.isNumber() ? null : "must be a number";
			}
			else if (DATE_FIELDS.contains(name)) {
				problem = (value.isTextual() && instantOrNull(value.asText()) != null) ? null
						: "'" + value.asText() + "' is not a valid date-time";
			}
			else if (STRING_FIELDS.contains(name)) {
				problem = value.isTextual() ? null : "must be a string";
			}
			else if (LINK_FIELDS.contains(name)) {
				problem = links(value);
			}
			else if (LIST_FIELDS.contains(name)) {
				problem = value.isArray() ? null : "must be an array";
			}
			else {
				throw new BadRequestException(where + "Device has no field '" + name + "'");
			}
			if (problem != null) {
				throw new BadRequestException(where + name + ": " + problem);
			}
		}
		Integer id = device.has("id") ? device.get("id").asInt() : null;
		if (id != null && id > 0 && !this.assets.containsKey(id)) {
			throw new BadRequestException(where + "no asset with id " + id);
		}
		JsonNode type = device.path("assettype_id");
		if (!type.isMissingNode() && !type.isNull()) {
			synchronized (this.assetTypes) {
				if (!this.assetTypes.containsKey(type.asInt())) {
					throw new BadRequestException(where + "no asset type with id " + type.asInt());
				}
			}
		}
		else if (id == null || id <= 0) {
			throw new BadRequestException(where + "assettype_id is required for a new asset");
		}
		for (String link : List.of("parent_id", "child_id")) {
			if (device.path(link).canConvertToInt() && device.path(link).asInt() > 0
					&& !this.assets.containsKey(device.path(link).asInt())) {
				throw new BadRequestException(where + link + ": no asset with id " + device.path(link).asInt());
			}
		}
		for (String link : LINK_FIELDS) {
			for (JsonNode entry : device.path(link)) {
				if (!this.assets.containsKey(entry.path("id").asInt())) {
					throw new BadRequestException(where + link + ": no asset with id " + entry.path("id").asInt());
				}
			}
		}
	}

	private static String links(JsonNode value) {
		if (!value.isArray()) {
			return "must be an array of Device_List";
		}
		for (JsonNode entry : value) {
			if (!entry.isObject() || !entry.path("id").isIntegralNumber()) {
				return "each entry needs an integer id";
			}
		}
		return null;
	}

	private Asset save(ObjectNode device) {
		int id = device.path("id").asInt(0);
		Asset found = (id > 0) ? this.assets.get(id) : null;
		if (found == null) {
			found = new Asset(this.nextAssetId++);
			this.assets.put(found.id, found);
		}
		Asset asset = found;
		Iterator<Map.Entry<String, JsonNode>> fields = device.fields();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			String name = field.getKey();
			if (name.equals("id") || name.startsWith("_") || LINK_FIELDS.contains(name) || name.equals("parent_id")
					|| name.equals("child_id")) {
				continue;
			}
			if (name.equals("assettype_id")) {
				asset.typeId = field.getValue().asInt();
				continue;
			}
			asset.fields.set(name, field.getValue());
		}
		if (device.path("parent_id").asInt(0) > 0) {
			link(device.get("parent_id").asInt(), asset.id);
		}
		if (device.path("child_id").asInt(0) > 0) {
			link(asset.id, device.get("child_id").asInt());
		}
		if (device.has("parent_assets")) {
			this.children.values().forEach((set) -> set.remove(asset.id));
			device.get("parent_assets").forEach((parent) -> link(parent.path("id").asInt(), asset.id));
		}
		if (device.has("child_assets")) {
			this.children.remove(asset.id);
			device.get("child_assets").forEach((child) -> link(asset.id, child.path("id").asInt()));
		}
		if (device.has("sibling_assets")) {
			for (Integer other : this.siblings.getOrDefault(asset.id, Set.of())) {
				this.siblings.getOrDefault(other, new LinkedHashSet<>()).remove(asset.id);
			}
			this.siblings.remove(asset.id);
			for (JsonNode sibling : device.get("sibling_assets")) {
				int other = sibling.path("id").asInt();
				this.siblings.computeIfAbsent(asset.id, (k) -> new LinkedHashSet<>()).add(other);
				this.siblings.computeIfAbsent(other, (k) -> new LinkedHashSet<>()).add(asset.id);
			}
		}
		asset.updated = this.clock.instant();
		return asset;
	}

	private void link(int parent, int child) {
		if (parent != child) {
			this.children.computeIfAbsent(parent, (k) -> new LinkedHashSet<>()).add(child);
		}
	}

	private void delete(int id) {
		this.assets.remove(id);
		this.children.remove(id);
		this.children.values().forEach((set) -> set.remove(id));
		this.siblings.remove(id);
		this.siblings.values().forEach((set) -> set.remove(id));
	}

	private ObjectNode json(Asset asset, boolean hierarchy) {
		ObjectNode device = Json.object();
		device.put("id", asset.id);
		device.put("assettype_id", asset.typeId);
		String typeName;
		synchronized (this.assetTypes) {
			typeName = this.assetTypes.get(asset.typeId);
		}
		device.put("assettype_name", typeName);
		device.setAll(asset.fields);
		if (!device.has("inactive")) {
			device.put("inactive", false);
		}
		if (hierarchy) {
			ArrayNode parents = device.putArray("parent_assets");
			this.children.forEach((parent, set) -> {
				if (set.contains(asset.id) && this.assets.containsKey(parent)) {
					parents.add(summary(this.assets.get(parent)));
				}
			});
			ArrayNode childList = device.putArray("child_assets");
			this.children.getOrDefault(asset.id, Set.of())
				.stream()
				.filter(this.assets::containsKey)
				.forEach((child) -> childList.add(summary(this.assets.get(child))));
			ArrayNode siblingList = device.putArray("sibling_assets");
			this.siblings.getOrDefault(asset.id, Set.of())
				.stream()
				.filter(this.assets::containsKey)
				.forEach((sibling) -> siblingList.add(summary(this.assets.get(sibling))));
		}
		return device;
	}

	private ObjectNode summary(Asset asset) {
		ObjectNode entry = Json.object();
		entry.put("id", asset.id);
		for (String field : List.of("inventory_number", "key_field", "key_field2")) {
			if (asset.fields.has(field)) {
				entry.set(field, asset.fields.get(field));
			}
		}
		synchronized (this.assetTypes) {
			entry.put("assettype_name", this.assetTypes.get(asset.typeId));
		}
		return entry;
	}

	/**
	 * Assets grouped by asset type name, each with its parents, children and siblings.
	 */
	@Override
	protected ObjectNode recordsSnapshot(SimRequest request) {
		ObjectNode snapshot = Json.object();
		synchronized (this.assetTypes) {
			this.assetTypes.values().forEach(snapshot::putArray);
		}
		for (Asset asset : this.assets.values()) {
			ObjectNode device = json(asset, true);
			String type = device.path("assettype_name").asText("");
			(snapshot.has(type) ? (ArrayNode) snapshot.get(type) : snapshot.putArray(type)).add(device);
		}
		return snapshot;
	}

	private static void requireMethod(String actual, String expected) {
		if (!actual.equals(expected)) {
			throw new SimulatorException(405, "The requested resource does not support http method '" + actual + "'",
					null);
		}
	}

	private static String first(Map<String, List<String>> form, String name) {
		List<String> values = form.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	private static int intParam(SimRequest request, String name, int fallback) {
		Integer value = intOrNull(request.queryParam(name));
		return (value != null) ? value : fallback;
	}

	private static Integer intOrNull(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException("'" + text + "' is not a valid integer");
		}
	}

	/** An ISO 8601 date-time with or without offset (UTC then), or {@code null}. */
	static Instant instantOrNull(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException notLocal) {
				return null;
			}
		}
	}

	private static String lower(String text) {
		return (text != null) ? text.toLowerCase(Locale.ROOT) : null;
	}

	/** One stored asset. */
	private static final class Asset {

		final int id;

		final ObjectNode fields = Json.object();

		int typeId;

		Instant updated;

		Asset(int id) {
			this.id = id;
		}

		String text(String field) {
			return Json.text(this.fields, field);
		}

	}

	/** Options of a {@link HaloItsmSimulator}. */
	public static final class Builder {

		private final List<RateLimitRule> rateLimits = new ArrayList<>();

		private final List<String> assetTypes = new ArrayList<>(DEFAULT_ASSET_TYPES);

		private String clientId = DEFAULT_CLIENT_ID;

		private String clientSecret = DEFAULT_CLIENT_SECRET;

		private Duration tokenLifetime = Duration.ofHours(1);

		private Clock clock = Clock.systemUTC();

		private int journalCapacity = 10_000;

		private Builder() {
		}

		/**
		 * Sets the API application's credentials.
		 * @param id the client id
		 * @param secret the client secret
		 * @return this builder
		 */
		public Builder client(String id, String secret) {
			this.clientId = id;
			this.clientSecret = secret;
			return this;
		}

		/**
		 * Sets how long an access token lives ({@code expires_in}).
		 * @param lifetime the lifetime
		 * @return this builder
		 */
		public Builder tokenLifetime(Duration lifetime) {
			this.tokenLifetime = lifetime;
			return this;
		}

		/**
		 * Replaces the seeded asset types.
		 * @param names the type names, ids given from 101 in this order
		 * @return this builder
		 */
		public Builder assetTypes(List<String> names) {
			this.assetTypes.clear();
			this.assetTypes.addAll(names);
			return this;
		}

		/**
		 * Adds rate limits in force from the start.
		 * @param rules the rules
		 * @return this builder
		 */
		public Builder rateLimits(List<RateLimitRule> rules) {
			this.rateLimits.addAll(rules);
			return this;
		}

		/**
		 * Sets the clock.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Sets how many requests the journal keeps.
		 * @param capacity the capacity
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
		public HaloItsmSimulator build() {
			return new HaloItsmSimulator(this);
		}

	}

}
