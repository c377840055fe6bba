package io.itsmhub.simulators.jsmassets;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * A stateful fake of Jira Service Management Assets (Cloud): workspace discovery, object
 * schemas, object types and attributes of a seeded IT schema, objects (create, read,
 * update, delete), AQL search with paging, status and reference types, and the external
 * import API, at the paths of the official OpenAPI specification below
 * {@code /jsm/assets/workspace/{workspaceId}/v1} (also accepted with the
 * {@code /ex/jira/{cloudId}} gateway prefix and the legacy {@code insight} segment).
 *
 * <pre>
 * JsmAssetsSimulator sim = JsmAssetsSimulator.builder()
 *     .basicUser("hub@example.com", "api-token")
 *     .bearerToken("oauth-access-token")
 *     .rateLimits(JsmAssetsSimulator.documentedRateLimits(JsmAssetsSimulator.DEFAULT_WORKSPACE_ID))
 *     .build();
 * </pre>
 */
public final class JsmAssetsSimulator extends PlatformSimulator {

	/** The platform id used in the hub's mount path. */
	public static final String PLATFORM_ID = "jsm-assets";

	/** The workspace id used unless the builder sets another. */
	public static final String DEFAULT_WORKSPACE_ID = "f1668d0c-828c-470c-b7d1-8c4f48cd345a";

	/**
	 * The Atlassian accounts every simulator has: the demo data's owners, the hub's API
	 * user and the addresses the tests use ({@code owner0..owner99@example.com} too).
	 */
	public static final List<String> DEFAULT_ACCOUNTS = List.of("jane.doe@example.com", "max.mustermann@example.com",
			"erika.musterfrau@example.com", "netops@example.com", "ciso-team@example.com", "ciso-security@example.com",
			"hub@example.com", "ops@example.com", "alice.nguyen@example.com", "alice@example.com", "bob@example.com",
			"carol@example.com", "a@example.com");

	/** The external import source seeded unless the builder sets another. */
	public static final String DEFAULT_IMPORT_SOURCE_ID = "4d4095c3-cb7c-4d59-9b75-a381ea4b1975";

	private static final String USER_SEARCH = "/rest/api/3/user/search";

	private static final Pattern API_PATH = Pattern
		.compile("(?:/ex/jira/[^/]+)?/jsm/(?:assets|insight)/workspace/([^/]+)/v1(/.*)");

	private final Builder options;

	private final AssetsModel model;

	private final ImportProcessor imports;

	// Concurrent: authentication reads the import tokens outside the simulator's lock.
	private final Map<String, ImportSource> importSources = new ConcurrentHashMap<>();

	/**
	 * A simulator with the default options: basic user {@code hub@example.com} with API
	 * token {@code api-token}, bearer token {@code hub-bearer-token}, no rate limits.
	 */
	public JsmAssetsSimulator() {
		this(builder());
	}

	private JsmAssetsSimulator(Builder options) {
		super(options.clock, options.rateLimits, options.journalCapacity);
		this.options = options;
		this.model = new AssetsModel(options.workspaceId, options.clock);
		this.imports = new ImportProcessor(this.model, options.clock);
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
	 * The per-endpoint limits the specification documents ("Every API key is allowed to
	 * perform N requests per minute to this endpoint"): 2000/min for object create and
	 * read and object type attributes, 1000/min for AQL search, 500/min for the AQL total
	 * count.
	 * @param workspaceId the workspace id in the paths
	 * @return the rules
	 */
	public static List<RateLimitRule> documentedRateLimits(String workspaceId) {
		String base = "/jsm/assets/workspace/" + workspaceId + "/v1";
		Duration minute = Duration.ofMinutes(1);
		return List.of(new RateLimitRule("object-create", base + "/object/create", "POST", 2000, minute),
				new RateLimitRule("aql-totalcount", base + "/object/aql/totalcount", "POST", 500, minute),
				new RateLimitRule("aql", base + "/object/aql", "POST", 1000, minute),
				new RateLimitRule("object-get", base + "/object/", "GET", 2000, minute),
				new RateLimitRule("objecttype-attributes", base + "/objecttype/", "GET", 2000, minute));
	}

	@Override
	public String platformId() {
		return PLATFORM_ID;
	}

	/**
	 * The workspace id.
	 * @return the id
	 */
	public String workspaceId() {
		return this.options.workspaceId;
	}

	/**
	 * The path prefix of the Assets API below the simulator's base URL.
	 * @return {@code /jsm/assets/workspace/<workspaceId>/v1}
	 */
	public String apiPrefix() {
		return "/jsm/assets/workspace/" + this.options.workspaceId + "/v1";
	}

	@Override
	protected void resetState() {
		this.model.seed();
		this.model.users.clear();
		this.options.accounts
			.forEach((email, name) -> this.model.users.put(accountIdOf(email), new String[] { email, name }));
		this.importSources.clear();
		for (Map.Entry<String, String> source : this.options.importSources.entrySet()) {
			this.importSources.put(source.getKey(),
					new ImportSource(source.getKey(), source.getValue(), this.clock.instant()));
		}
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
			int colon = decoded.indexOf(':');
			if (colon > 0 && decoded.substring(colon + 1).equals(this.options.users.get(decoded.substring(0, colon)))) {
				return decoded.substring(0, colon);
			}
		}
		else if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			String token = authorization.substring(7).trim();
			if (this.options.bearerTokens.contains(token)) {
				return "bearer:" + Integer.toHexString(token.hashCode());
			}
			// A token made by POST /importsource/{id}/token only opens that source's API.
			for (ImportSource source : this.importSources.values()) {
				if (token.equals(source.token) && request.path().contains("/importsource/" + source.id)) {
					return "import:" + source.id;
				}
			}
		}
		throw new SimulatorException(401, "Client must be authenticated to access this resource.", null);
	}

	@Override
	protected SimResponse errorResponse(int status, String message, String detail) {
		ObjectNode body = Json.object();
		ArrayNode messages = body.putArray("errorMessages");
		messages.add(message);
		if (detail != null) {
			messages.add(detail);
		}
		body.putObject("errors");
		return SimResponse.json(status, body);
	}

	private static SimResponse attributeError(AssetsModel.AttributeError error) {
		ObjectNode body = Json.object();
		body.putArray("errorMessages");
		body.putObject("errors").put("rlabs-insight-attribute-" + error.attributeId, error.getMessage());
		return SimResponse.json(400, body);
	}

	@Override
	protected SimResponse route(SimRequest request, String principal) {
		if (request.path().equals("/rest/servicedeskapi/assets/workspace")) {
			return workspaces(request);
		}
		if (request.path().equals(USER_SEARCH) || request.path().matches("/ex/jira/[^/]+" + USER_SEARCH)) {
			return userSearch(request);
		}
		Matcher matcher = API_PATH.matcher(request.path());
		if (!matcher.matches()) {
			throw new SimulatorException(404, "Not found: " + request.path(), null);
		}
		if (!matcher.group(1).equals(this.options.workspaceId)) {
			throw new SimulatorException(404, "Workspace " + matcher.group(1) + " does not exist", null);
		}
		String base = request.baseUrl() + apiPrefix();
		String path = matcher.group(2);
		String[] parts = path.substring(1).split("/");
		String method = request.method();
		if (principal.startsWith("import:") && !parts[0].equals("importsource")) {
			throw new SimulatorException(403, "The import token only opens the import source API", null);
		}
		try {
			return switch (parts[0]) {
				case "objectschema" -> objectSchema(request, parts, base);
				case "objecttype" -> objectType(request, parts, base);
				case "objecttypeattribute" -> createAttribute(request, parts, base);
				case "object" -> object(request, parts, base);
				case "config" -> config(request, parts);
				case "importsource" -> importSource(request, parts, base);
				default -> throw new SimulatorException(404, "Not found: " + path, null);
			};
		}
		catch (AssetsModel.AttributeError ex) {
			return attributeError(ex);
		}
		catch (ArrayIndexOutOfBoundsException ex) {
			throw new SimulatorException((method.equals("GET")) ? 404 : 405, "No such resource: " + path, null);
		}
	}

	// GET /rest/servicedeskapi/assets/workspace
	private SimResponse workspaces(SimRequest request) {
		ObjectNode body = Json.object();
		body.put("size", 1);
		body.put("start", 0);
		body.put("limit", 50);
		body.put("isLastPage", true);
		ObjectNode links = body.putObject("_links");
		links.put("base", request.baseUrl());
		links.put("context", "");
		links.put("self", request.baseUrl() + request.path());
		body.putArray("values").addObject().put("workspaceId", this.options.workspaceId);
		return SimResponse.json(200, body);
	}

	// GET /rest/api/3/user/search?query&startAt&maxResults (Jira platform, on the site):
	// users whose email address or display name starts with the query, or whose
	// accountId is the one asked for
	private SimResponse userSearch(SimRequest request) {
		requireMethod(request, "GET");
		String query = request.queryParam("query");
		String accountId = request.queryParam("accountId");
		if ((query == null || query.isBlank()) && (accountId == null || accountId.isBlank())) {
			throw new BadRequestException("The query parameter 'query' or 'accountId' is required.");
		}
		int startAt = intParam(request, "startAt", 0);
		int maxResults = intParam(request, "maxResults", 50);
		String prefix = (query != null) ? query.trim().toLowerCase(java.util.Locale.ROOT) : null;
		ArrayNode users = Json.array();
		int index = 0;
		for (Map.Entry<String, String[]> user : this.model.users.entrySet()) {
			String email = user.getValue()[0].toLowerCase(java.util.Locale.ROOT);
			String name = user.getValue()[1].toLowerCase(java.util.Locale.ROOT);
			boolean match = (prefix != null) ? (email.startsWith(prefix) || name.startsWith(prefix))
					: user.getKey().equals(accountId);
			if (!match || index++ < startAt || users.size() >= maxResults) {
				continue;
			}
			ObjectNode node = users.addObject();
			node.put("self", request.baseUrl() + "/rest/api/3/user?accountId=" + user.getKey());
			node.put("accountId", user.getKey());
			node.put("accountType", "atlassian");
			node.put("emailAddress", user.getValue()[0]);
			node.put("displayName", user.getValue()[1]);
			node.put("active", true);
			node.put("timeZone", "Europe/Berlin");
			node.put("locale", "en_US");
		}
		return SimResponse.json(200, users);
	}

	/**
	 * The accountId of a seeded Atlassian account, as the user search answers it.
	 * @param email the account's email address
	 * @return the accountId, or {@code null} when the site has no such account
	 */
	public String accountId(String email) {
		String id = accountIdOf(email);
		return this.options.accounts.containsKey(email.toLowerCase(java.util.Locale.ROOT)) ? id : null;
	}

	private static String accountIdOf(String email) {
		return "712020:"
				+ UUID.nameUUIDFromBytes(email.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
	}

	private static void requireMethod(SimRequest request, String method) {
		if (!request.method().equals(method)) {
			throw new SimulatorException(405, "Method " + request.method() + " is not allowed here", null);
		}
	}

	private static JsonNode body(SimRequest request) {
		JsonNode body = Json.parse(request.body());
		if (!body.isObject()) {
			throw new BadRequestException("The request body must be a JSON object");
		}
		return body;
	}

	// GET /objectschema/list, GET /objectschema/{id}, GET
	// /objectschema/{id}/objecttypes[/flat],
	// GET /objectschema/{id}/attributes
	private SimResponse objectSchema(SimRequest request, String[] parts, String base) {
		requireMethod(request, "GET");
		if (parts[1].equals("list")) {
			int startAt = intParam(request, "startAt", 0);
			int maxResults = intParam(request, "maxResults", 25);
			ObjectNode body = Json.object();
			body.put("startAt", startAt);
			body.put("maxResults", maxResults);
			body.put("total", 1);
			ArrayNode values = body.putArray("values");
			if (startAt == 0 && maxResults > 0) {
				values.add(this.model.schemaJson());
			}
			body.put("isLast", startAt + maxResults >= 1);
			body.put("last", startAt + maxResults >= 1);
			return SimResponse.json(200, body);
		}
		if (!parts[1].equals(AssetsModel.SCHEMA_ID)) {
			throw new SimulatorException(404, "No object schema found with id " + parts[1], null);
		}
		if (parts.length == 2) {
			return SimResponse.json(200, this.model.schemaJson());
		}
		ArrayNode array = Json.array();
		if (parts[2].equals("objecttypes")) {
			this.model.types.values().forEach((type) -> array.add(this.model.typeJson(type, base)));
		}
		else if (parts[2].equals("attributes")) {
			for (ObjectTypeDefinition type : this.model.types.values()) {
				type.own.forEach((attribute) -> array.add(this.model.attributeJson(attribute, type, base)));
			}
		}
		else {
			throw new SimulatorException(404, "No such resource", null);
		}
		return SimResponse.json(200, array);
	}

	private ObjectTypeDefinition type(String id) {
		ObjectTypeDefinition type = this.model.types.get(id);
		if (type == null) {
			throw new SimulatorException(404, "No object type found with id " + id, null);
		}
		return type;
	}

	// GET /objecttype/{id}, GET /objecttype/{id}/attributes
	private SimResponse objectType(SimRequest request, String[] parts, String base) {
		requireMethod(request, "GET");
		ObjectTypeDefinition type = type(parts[1]);
		if (parts.length == 2) {
			return SimResponse.json(200, this.model.typeJson(type, base));
		}
		if (!parts[2].equals("attributes")) {
			throw new SimulatorException(404, "No such resource", null);
		}
		boolean excludeParents = "true".equals(request.queryParam("excludeParentAttributes"));
		ArrayNode array = Json.array();
		for (AttributeDefinition attribute : this.model.attributes(type)) {
			if (excludeParents && !attribute.objectTypeId.equals(type.id)) {
				continue;
			}
			array.add(this.model.attributeJson(attribute, this.model.types.get(attribute.objectTypeId), base));
		}
		return SimResponse.json(200, array);
	}

	// POST /objecttypeattribute/{objectTypeId}
	private SimResponse createAttribute(SimRequest request, String[] parts, String base) {
		requireMethod(request, "POST");
		ObjectTypeDefinition type = type(parts[1]);
		JsonNode body = body(request);
		String name = Json.text(body, "name");
		if (name == null || name.isBlank()) {
			throw new BadRequestException("The attribute name is required");
		}
		if (this.model.attributeByName(type, name) != null) {
			throw new BadRequestException("An attribute named " + name + " already exists on " + type.name);
		}
		int kind = body.path("type").asInt(0);
		String typeValue = Json.text(body, "typeValue");
		if (kind == 1 && (typeValue == null || !this.model.types.containsKey(typeValue))) {
			throw new BadRequestException("typeValue must be the referenced object type id");
		}
		String additional = Json.text(body, "additionalValue");
		// "It is mandatory for Type = Object reference": the reference type id
		if (kind == 1 && (additional == null || !this.model.referenceTypes.containsKey(additional))) {
			throw new BadRequestException("additionalValue must be the id of a reference type");
		}
		AttributeDefinition attribute = this.model.attribute(type, name, kind, body.path("defaultTypeId").asInt(0),
				body.path("minimumCardinality").asInt(0), body.path("maximumCardinality").asInt(1),
				body.path("uniqueAttribute").asBoolean(false), (kind == 1) ? typeValue : null,
				(kind == 1) ? additional : null, body.path("includeChildObjectTypes").asBoolean(false), List.of());
		return SimResponse.json(201, this.model.attributeJson(attribute, type, base));
	}

	// POST /object/create, POST /object/aql, POST /object/aql/totalcount,
	// GET|PUT|DELETE /object/{id}, GET /object/{id}/attributes
	private SimResponse object(SimRequest request, String[] parts, String base) {
		if (parts[1].equals("create")) {
			requireMethod(request, "POST");
			return createObject(request, base);
		}
		if (parts[1].equals("aql")) {
			requireMethod(request, "POST");
			return (parts.length > 2 && parts[2].equals("totalcount")) ? totalCount(request) : aql(request, base);
		}
		AssetsObject object = this.model.findObject(parts[1]);
		if (object == null || !object.id.equals(parts[1])) {
			throw new SimulatorException(404, "No object found with id " + parts[1], null);
		}
		if (parts.length > 2) {
			requireMethod(request, "GET");
			if (!parts[2].equals("attributes")) {
				throw new SimulatorException(404, "No such resource", null);
			}
			return SimResponse.json(200, this.model.objectJson(object, base, true, true).get("attributes"));
		}
		return switch (request.method()) {
			case "GET" -> SimResponse.json(200, this.model.objectJson(object, base, true, true));
			case "PUT" -> {
				write(object, body(request), false);
				yield SimResponse.json(200, this.model.objectJson(object, base, true, true));
			}
			case "DELETE" -> {
				boolean referenced = this.model.objects.values()
					.stream()
					.anyMatch((o) -> o != object && o.values.values()
						.stream()
						.anyMatch((v) -> v.contains(object.id) && isReferenceValue(o, object.id)));
				this.model.objects.remove(object.id);
				if (referenced) {
					removeReferencesTo(object.id);
				}
				// The specification lists no success status; the platform answers 204.
				yield SimResponse.empty(204);
			}
			default -> throw new SimulatorException(405, "Method " + request.method() + " is not allowed here", null);
		};
	}

	private boolean isReferenceValue(AssetsObject holder, String targetId) {
		ObjectTypeDefinition type = this.model.types.get(holder.objectTypeId);
		return this.model.attributes(type)
			.stream()
			.anyMatch((a) -> a.isReference() && holder.get(a.id).contains(targetId));
	}

	private void removeReferencesTo(String targetId) {
		for (AssetsObject holder : this.model.objects.values()) {
			ObjectTypeDefinition type = this.model.types.get(holder.objectTypeId);
			for (AttributeDefinition attribute : this.model.attributes(type)) {
				if (attribute.isReference() && holder.get(attribute.id).contains(targetId)) {
					List<String> remaining = new ArrayList<>(holder.get(attribute.id));
					remaining.remove(targetId);
					holder.values.put(attribute.id, remaining);
				}
			}
		}
	}

	private SimResponse createObject(SimRequest request, String base) {
		JsonNode body = body(request);
		String typeId = Json.text(body, "objectTypeId");
		if (typeId == null || !body.path("attributes").isArray()) {
			throw new BadRequestException("objectTypeId and attributes are required");
		}
		ObjectTypeDefinition type = this.model.types.get(typeId);
		if (type == null) {
			throw new BadRequestException("No object type found with id " + typeId);
		}
		if (type.abstractType) {
			throw new BadRequestException("Objects cannot be created for the abstract object type " + type.name);
		}
		AssetsObject object = new AssetsObject("pending", "pending", typeId, this.clock.millis());
		Map<String, List<String>> values = validate(type, body, object, true);
		AssetsObject created = this.model.newObject(typeId);
		created.values.putAll(values);
		return SimResponse.json(201, this.model.objectJson(created, base, false, false));
	}

	private void write(AssetsObject object, JsonNode body, boolean create) {
		String typeId = Json.text(body, "objectTypeId");
		if (typeId == null || !body.path("attributes").isArray()) {
			throw new BadRequestException("objectTypeId and attributes are required");
		}
		if (!typeId.equals(object.objectTypeId)) {
			throw new BadRequestException(
					"The object " + object.objectKey + " is of object type " + object.objectTypeId + ", not " + typeId);
		}
		ObjectTypeDefinition type = this.model.types.get(typeId);
		Map<String, List<String>> values = validate(type, body, object, create);
		boolean changed = false;
		for (Map.Entry<String, List<String>> value : values.entrySet()) {
			if (!value.getValue().equals(object.get(value.getKey()))) {
				object.values.put(value.getKey(), value.getValue());
				changed = true;
			}
		}
		if (changed) {
			object.updated = this.clock.millis();
		}
	}

	private Map<String, List<String>> validate(ObjectTypeDefinition type, JsonNode body, AssetsObject self,
			boolean create) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		for (JsonNode attributeNode : body.path("attributes")) {
			String attributeId = Json.text(attributeNode, "objectTypeAttributeId");
			AttributeDefinition attribute = this.model.attribute(type, String.valueOf(attributeId));
			if (attribute == null) {
				throw new AssetsModel.AttributeError(String.valueOf(attributeId),
						"The object type attribute " + attributeId + " does not exist on object type " + type.name);
			}
			List<String> raw = new ArrayList<>();
			for (JsonNode value : attributeNode.path("objectAttributeValues")) {
				raw.add(Json.text(value, "value"));
			}
			values.put(attribute.id, this.model.normalize(type, attribute, raw, self));
		}
		for (AttributeDefinition attribute : this.model.attributes(type)) {
			if (attribute.system || attribute.minimumCardinality < 1) {
				continue;
			}
			List<String> after = values.containsKey(attribute.id) ? values.get(attribute.id)
					: (create ? List.of() : self.get(attribute.id));
			if (after.size() < attribute.minimumCardinality) {
				throw new AssetsModel.AttributeError(attribute.id, attribute.name + " is required");
			}
		}
		return values;
	}

	private SimResponse aql(SimRequest request, String base) {
		String query = Json.text(body(request), "qlQuery");
		if (query == null) {
			throw new BadRequestException("qlQuery is required");
		}
		List<AssetsObject> matches = search(query);
		int startAt = intParam(request, "startAt", 0);
		int maxResults = intParam(request, "maxResults", 25);
		boolean includeAttributes = !"false".equals(request.queryParam("includeAttributes"));
		ObjectNode body = Json.object();
		body.put("startAt", startAt);
		body.put("maxResults", maxResults);
		body.put("total", matches.size());
		ArrayNode values = body.putArray("values");
		Set<String> typeIds = new LinkedHashSet<>();
		for (int i = startAt; i < Math.min(matches.size(), startAt + maxResults); i++) {
			values.add(this.model.objectJson(matches.get(i), base, includeAttributes, false));
			typeIds.add(matches.get(i).objectTypeId);
		}
		ArrayNode attributes = body.putArray("objectTypeAttributes");
		Set<String> seen = new LinkedHashSet<>();
		for (String typeId : typeIds) {
			ObjectTypeDefinition type = this.model.types.get(typeId);
			for (AttributeDefinition attribute : this.model.attributes(type)) {
				if (seen.add(attribute.id)) {
					attributes
						.add(this.model.attributeJson(attribute, this.model.types.get(attribute.objectTypeId), base));
				}
			}
		}
		boolean last = startAt + maxResults >= matches.size();
		body.put("last", last);
		body.put("isLast", last);
		return SimResponse.json(200, body);
	}

	private List<AssetsObject> search(String query) {
		Aql.Query parsed = Aql.parse(this.model, query);
		List<AssetsObject> matches = new ArrayList<>();
		for (AssetsObject object : this.model.objects.values()) {
			if (parsed.filter().test(object)) {
				matches.add(object);
			}
		}
		matches.sort(parsed.order().thenComparing(Comparator.comparing((AssetsObject o) -> Integer.parseInt(o.id))));
		return matches;
	}

	private SimResponse totalCount(SimRequest request) {
		String query = Json.text(body(request), "qlQuery");
		if (query == null) {
			throw new BadRequestException("qlQuery is required");
		}
		ObjectNode body = Json.object();
		body.put("totalCount", search(query).size());
		return SimResponse.json(200, body);
	}

	private static int intParam(SimRequest request, String name, int fallback) {
		String value = request.queryParam(name);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Math.max(0, Integer.parseInt(value.trim()));
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException(name + " must be a number");
		}
	}

	// GET|POST /config/statustype, GET /config/statustype/{id}, GET|POST
	// /config/referencetype
	private SimResponse config(SimRequest request, String[] parts) {
		if (parts[1].equals("statustype")) {
			if (parts.length > 2) {
				requireMethod(request, "GET");
				if (!this.model.statuses.containsKey(parts[2])) {
					throw new SimulatorException(404, "No status type found with id " + parts[2], null);
				}
				return SimResponse.json(200, this.model.statusJson(parts[2]));
			}
			if (request.method().equals("POST")) {
				JsonNode body = body(request);
				String name = Json.text(body, "name");
				int category = body.path("category").asInt(-1);
				if (name == null || category < 0 || category > 2) {
					throw new BadRequestException("name and category (0, 1 or 2) are required");
				}
				String id = this.model.addStatus(name, category, String.valueOf(Json.text(body, "description")));
				return SimResponse.json(201, this.model.statusJson(id));
			}
			requireMethod(request, "GET");
			ArrayNode array = Json.array();
			this.model.statuses.keySet().forEach((id) -> array.add(this.model.statusJson(id)));
			return SimResponse.json(200, array);
		}
		if (parts[1].equals("referencetype")) {
			if (request.method().equals("POST")) {
				JsonNode body = body(request);
				String name = Json.text(body, "name");
				if (name == null) {
					throw new BadRequestException("name is required");
				}
				String id = this.model.addReferenceType(name, String.valueOf(Json.text(body, "description")));
				return SimResponse.json(201, this.model.referenceTypeJson(id));
			}
			requireMethod(request, "GET");
			ArrayNode array = Json.array();
			this.model.referenceTypes.keySet().forEach((id) -> array.add(this.model.referenceTypeJson(id)));
			return SimResponse.json(200, array);
		}
		throw new SimulatorException(404, "No such resource", null);
	}

	// The external import API below /importsource/{importSourceId}
	private SimResponse importSource(SimRequest request, String[] parts, String base) {
		ImportSource source = this.importSources.get(parts[1]);
		if (source == null) {
			throw new SimulatorException(404, "No import source found with id " + parts[1], null);
		}
		String method = request.method();
		String sub = (parts.length > 2) ? parts[2] : "";
		switch (sub) {
			case "" -> {
				requireMethod(request, "GET");
				return SimResponse.json(200, importSourceJson(source));
			}
			case "token" -> {
				requireMethod(request, "POST");
				source.token = "ATCTT3xFfGN" + UUID.randomUUID().toString().replace("-", "");
				ObjectNode body = Json.object();
				body.put("token", source.token);
				return SimResponse.json(200, body);
			}
			case "mapping" -> {
				if (method.equals("PUT") && source.mapping != null) {
					throw new SimulatorException(409, "A mapping already exists for this import", null);
				}
				if (!method.equals("PUT") && !method.equals("PATCH")) {
					throw new SimulatorException(405, "Method " + method + " is not allowed here", null);
				}
				JsonNode document = body(request);
				this.imports.applySchema(document);
				source.mapping = document;
				return SimResponse.empty(204);
			}
			case "schema-and-mapping" -> {
				requireMethod(request, "GET");
				return SimResponse.json(200, (source.mapping != null) ? source.mapping : Json.object());
			}
			case "configstatus" -> {
				requireMethod(request, "GET");
				ObjectNode body = Json.object();
				body.put("status",
						(source.mapping == null) ? "MISSING_MAPPING" : (source.running() != null) ? "RUNNING" : "IDLE");
				return SimResponse.json(200, body);
			}
			case "executions" -> {
				return execution(request, parts, source, base);
			}
			default -> throw new SimulatorException(404, "No such resource", null);
		}
	}

	private SimResponse execution(SimRequest request, String[] parts, ImportSource source, String base) {
		String method = request.method();
		if (parts.length == 3) {
			requireMethod(request, "POST");
			String reason = (source.mapping == null) ? "MISSING_MAPPING"
					: (source.running() != null) ? "IN_PROGRESS" : null;
			if (reason != null) {
				ObjectNode body = Json.object();
				body.put("result", "error");
				body.put("errorCode", reason);
				return SimResponse.json(409, body);
			}
			ImportSource.Execution execution = new ImportSource.Execution(UUID.randomUUID().toString(),
					this.clock.instant());
			source.executions.put(execution.id, execution);
			String prefix = base + "/importsource/" + source.id + "/executions/" + execution.id;
			ObjectNode body = Json.object();
			ObjectNode links = body.putObject("links");
			links.put("submitProgress", prefix + "/progress");
			links.put("submitResults", prefix + "/data");
			links.put("getExecutionStatus", prefix + "/status");
			links.put("cancel", prefix);
			body.put("result", "success");
			return SimResponse.json(200, body);
		}
		ImportSource.Execution execution = source.executions.get(parts[3]);
		if (execution == null) {
			throw new BadRequestException("No import execution found with id " + parts[3]);
		}
		String sub = (parts.length > 4) ? parts[4] : "";
		switch (sub) {
			case "" -> {
				requireMethod(request, "DELETE");
				if (execution.status.equals("INGESTING")) {
					execution.status = "CANCELLED";
					execution.ended = this.clock.instant();
				}
				return SimResponse.empty(200);
			}
			case "progress" -> {
				requireMethod(request, "PUT");
				body(request);
				return SimResponse.empty(200);
			}
			case "data" -> {
				requireMethod(request, "POST");
				JsonNode body = body(request);
				if (!execution.status.equals("INGESTING")) {
					throw new BadRequestException("The import execution is " + execution.status + "; it takes no data");
				}
				if (!body.path("data").isObject()) {
					throw new BadRequestException("data must be a JSON object");
				}
				String chunkId = Json.text(body, "clientGeneratedId");
				// A chunk resent under the same clientGeneratedId (a retry) is taken
				// once.
				if (chunkId == null || execution.clientGeneratedIds.add(chunkId)) {
					execution.chunks.add(body);
				}
				if (body.path("completed").asBoolean(false)) {
					execution.result = this.imports.process(source, execution);
					execution.status = "DONE";
					execution.ended = this.clock.instant();
				}
				return SimResponse.empty(200);
			}
			case "status" -> {
				requireMethod(request, "GET");
				ObjectNode body = Json.object();
				body.put("status", execution.status);
				if (execution.result != null) {
					body.set("progressResult", execution.result);
				}
				return SimResponse.json(200, body);
			}
			default -> throw new SimulatorException(404, "No such resource", null);
		}
	}

	private ObjectNode importSourceJson(ImportSource source) {
		ObjectNode node = Json.object();
		node.put("id", source.id);
		node.put("collectionId",
				UUID.nameUUIDFromBytes(AssetsModel.SCHEMA_KEY.getBytes(StandardCharsets.UTF_8)).toString());
		node.put("name", source.name);
		node.put("created", source.created.toString());
		node.put("updated", source.created.toString());
		node.put("description", "External import");
		node.put("objectSchemaId", AssetsModel.SCHEMA_ID);
		node.put("importSourceModuleKey", "rlabs-import-type-external");
		node.put("defaultConcatenator", ",");
		node.put("defaultHandleEmptyValues", "IGNORE");
		node.put("defaultHandleUnknownValues", "IGNORE");
		node.put("dateFormat", "yyyy-MM-dd");
		node.put("dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss'Z'");
		ObjectNode status = node.putObject("importStatus");
		status.put("configurationStatusType", "ENABLED");
		status.put("validationStatusType", (source.mapping != null) ? "VALID" : "INVALID_CONFIGURATION");
		node.put("tokenGenerated", source.token != null);
		node.put("isImportSourceSchedulingEnabled", false);
		return node;
	}

	@Override
	protected ObjectNode recordsSnapshot(SimRequest request) {
		String only = request.queryParam("objectType");
		ObjectNode out = Json.object();
		for (AssetsObject object : this.model.objects.values()) {
			ObjectTypeDefinition type = this.model.types.get(object.objectTypeId);
			if (only != null && !only.equalsIgnoreCase(type.name)) {
				continue;
			}
			ArrayNode list = out.has(type.name) ? (ArrayNode) out.get(type.name) : out.putArray(type.name);
			ObjectNode entry = list.addObject();
			entry.put("id", object.id);
			entry.put("objectKey", object.objectKey);
			entry.put("label", this.model.label(object));
			entry.put("objectTypeId", type.id);
			ObjectNode attributes = entry.putObject("attributes");
			for (AttributeDefinition attribute : this.model.attributes(type)) {
				List<String> values = object.get(attribute.id);
				if (values.isEmpty()) {
					continue;
				}
				ArrayNode shown = attributes.putArray(attribute.name);
				for (String value : values) {
					if (attribute.isReference() && this.model.objects.containsKey(value)) {
						shown.add(this.model.objects.get(value).objectKey);
					}
					else if (attribute.isStatus()) {
						shown.add(this.model.statuses.get(value)[0]);
					}
					else if (attribute.type == 2 && this.model.users.containsKey(value)) {
						shown.add(this.model.users.get(value)[0]);
					}
					else {
						shown.add(value);
					}
				}
			}
		}
		return out;
	}

	/**
	 * Options for a {@link JsmAssetsSimulator}.
	 */
	public static final class Builder {

		private final Map<String, String> users = new LinkedHashMap<>(Map.of("hub@example.com", "api-token"));

		private final Set<String> bearerTokens = new LinkedHashSet<>(Set.of("hub-bearer-token"));

		private final Map<String, String> importSources = new LinkedHashMap<>(
				Map.of(DEFAULT_IMPORT_SOURCE_ID, "ITSM Hub import"));

		private final Map<String, String> accounts = new LinkedHashMap<>();

		private final List<RateLimitRule> rateLimits = new ArrayList<>();

		private Clock clock = Clock.systemUTC();

		private String workspaceId = DEFAULT_WORKSPACE_ID;

		private int journalCapacity = 10_000;

		private Builder() {
			for (String email : DEFAULT_ACCOUNTS) {
				account(email, displayName(email));
			}
			for (int i = 0; i < 100; i++) {
				account("owner" + i + "@example.com", "Owner " + i);
			}
		}

		private static String displayName(String email) {
			StringJoiner name = new StringJoiner(" ");
			for (String part : email.substring(0, email.indexOf('@')).split("[._-]")) {
				name.add(part.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
			}
			return name.toString();
		}

		/**
		 * Adds an Atlassian account the user search finds and User attributes accept (by
		 * its accountId, see {@link JsmAssetsSimulator#accountId(String)}). The demo
		 * owners and the addresses the tests use are there from the start.
		 * @param email the account's email address
		 * @param displayName its display name
		 * @return this builder
		 */
		public Builder account(String email, String displayName) {
			this.accounts.put(email.toLowerCase(java.util.Locale.ROOT), displayName);
			return this;
		}

		/**
		 * Replaces the default basic-auth account (Atlassian account email and API
		 * token); call again to add more.
		 * @param email the account email
		 * @param apiToken the API token
		 * @return this builder
		 */
		public Builder basicUser(String email, String apiToken) {
			this.users.remove("hub@example.com");
			this.users.put(email, apiToken);
			return this;
		}

		/**
		 * Replaces the default bearer token (an OAuth access token or a Data Center
		 * personal access token); call again to add more.
		 * @param token the token
		 * @return this builder
		 */
		public Builder bearerToken(String token) {
			this.bearerTokens.remove("hub-bearer-token");
			this.bearerTokens.add(token);
			return this;
		}

		/**
		 * Sets the workspace id.
		 * @param id the id
		 * @return this builder
		 */
		public Builder workspaceId(String id) {
			this.workspaceId = id;
			return this;
		}

		/**
		 * Replaces the default external import source; call again to add more.
		 * @param id the import source id (a UUID)
		 * @param name its name
		 * @return this builder
		 */
		public Builder importSource(String id, String name) {
			this.importSources.remove(DEFAULT_IMPORT_SOURCE_ID);
			this.importSources.put(id, name);
			return this;
		}

		/**
		 * Adds rate limits in force from the start and after a reset.
		 * @param rules the rules, for example {@link #documentedRateLimits(String)}
		 * @return this builder
		 */
		public Builder rateLimits(List<RateLimitRule> rules) {
			this.rateLimits.addAll(rules);
			return this;
		}

		/**
		 * Adds a rate limit in force from the start and after a reset.
		 * @param rule the rule
		 * @return this builder
		 */
		public Builder rateLimit(RateLimitRule rule) {
			this.rateLimits.add(rule);
			return this;
		}

		/**
		 * Sets the clock behind timestamps and rate-limit windows.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Sets how many requests are kept for {@code _sim/requests}.
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
		public JsmAssetsSimulator build() {
			return new JsmAssetsSimulator(this);
		}

	}

}
