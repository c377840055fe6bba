package io.itsmhub.simulators.servicenow;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
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
 * A stateful fake of a ServiceNow instance: the Table API, the Identification and
 * Reconciliation API, the Batch API and the OAuth token endpoint, over seeded CMDB, ITAM
 * and dictionary tables.
 *
 * <pre>
 * ServiceNowSimulator sim = ServiceNowSimulator.builder()
 *     .basicUser("admin", "admin")
 *     .oauthClient("hub", "secret")
 *     .rateLimit(RateLimitRule.all(100, Duration.ofMinutes(1)))
 *     .build();
 * </pre>
 */
public final class ServiceNowSimulator extends PlatformSimulator {

	/** The platform id used in the hub's mount path. */
	public static final String PLATFORM_ID = "servicenow";

	/** The relationship types seeded into {@code cmdb_rel_type}. */
	public static final List<String> RELATIONSHIP_TYPES = List.of("Runs on::Runs", "Depends on::Used by",
			"Hosted on::Hosts", "Connects to::Connected by", "Members::Member of", "Contains::Contained by",
			"Virtualized by::Virtualizes", "IP Connection::IP Connection");

	/** The {@code cmdb_ci.discovery_source} choices seeded into {@code sys_choice}. */
	public static final List<String> DATA_SOURCES = List.of("ServiceNow", "SCCM", "Altiris", "Manual Entry",
			"Other Automated", "ITSMHub");

	private static final Pattern TABLE_PATH = Pattern.compile("/table/([A-Za-z0-9_]+)(?:/([^/]+))?");

	private static final Pattern VERSIONED = Pattern.compile("/api/now(?:/v\\d+)?(/.*)");

	private final Builder options;

	private final ServiceNowSchema schema = new ServiceNowSchema();

	private final TableStore store;

	private final IdentificationEngine engine;

	private final Map<String, Token> tokens = new HashMap<>();

	/**
	 * A simulator with the default options: basic user {@code admin}/{@code admin}, OAuth
	 * client {@code hub-client}/{@code hub-secret}, no rate limits.
	 */
	public ServiceNowSimulator() {
		this(builder());
	}

	private ServiceNowSimulator(Builder options) {
		super(options.clock, options.rateLimits, options.journalCapacity);
		this.options = options;
		this.store = new TableStore(this.schema, options.clock);
		this.engine = new IdentificationEngine(this.store, IdentificationRule.defaults());
		resetState();
	}

	/**
	 * Starts building a simulator.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public String platformId() {
		return PLATFORM_ID;
	}

	/**
	 * The table definitions behind the seeded dictionary.
	 * @return the schema
	 */
	public ServiceNowSchema schema() {
		return this.schema;
	}

	/**
	 * Revokes every OAuth access token, so the next call with one is answered 401; lets a
	 * test prove a client fetches a new token.
	 */
	public void revokeTokens() {
		synchronized (this.tokens) {
			this.tokens.clear();
		}
	}

	@Override
	protected void resetState() {
		this.store.clear();
		revokeTokens();
		String system = "system";
		for (TableDefinition table : this.schema.tables()) {
			Map<String, String> values = new LinkedHashMap<>();
			values.put("name", table.name());
			values.put("label", table.label());
			this.store.insert("sys_db_object", values, system, TableStore.seedSysId("sys_db_object:" + table.name()));
		}
		for (TableDefinition table : this.schema.tables()) {
			if (table.parent() != null) {
				this.store.get("sys_db_object", TableStore.seedSysId("sys_db_object:" + table.name()))
					.put("super_class", TableStore.seedSysId("sys_db_object:" + table.parent()));
			}
			List<FieldDefinition> fields = new ArrayList<>(table.fields());
			if (table.parent() == null) {
				fields.addAll(ServiceNowSchema.SYSTEM_FIELDS);
			}
			for (FieldDefinition field : fields) {
				Map<String, String> values = new LinkedHashMap<>();
				values.put("name", table.name());
				values.put("element", field.name());
				values.put("column_label", field.label());
				values.put("internal_type", field.type());
				values.put("reference", (field.reference() != null) ? field.reference() : "");
				values.put("mandatory", Boolean.toString(field.mandatory()));
				values.put("max_length", Integer.toString(field.maxLength()));
				values.put("active", "true");
				this.store.insert("sys_dictionary", values, system,
						TableStore.seedSysId("sys_dictionary:" + table.name() + "." + field.name()));
			}
		}
		for (String source : DATA_SOURCES) {
			seed("sys_choice", "name", "cmdb_ci", "element", "discovery_source", "value", source, "label", source,
					"language", "en", "inactive", "false");
		}
		for (String type : RELATIONSHIP_TYPES) {
			String[] parts = type.split("::");
			seed("cmdb_rel_type", "name", type, "parent_descriptor", parts[0], "child_descriptor", parts[1]);
		}
		seed("sys_user", "user_name", "admin", "name", "System Administrator", "email", "admin@example.com", "active",
				"true");
		seed("sys_user", "user_name", "alice.nguyen", "name", "Alice Nguyen", "first_name", "Alice", "last_name",
				"Nguyen", "email", "alice.nguyen@example.com", "active", "true");
		seed("sys_user", "user_name", "bob.smith", "name", "Bob Smith", "first_name", "Bob", "last_name", "Smith",
				"email", "bob.smith@example.com", "active", "true");
		seed("sys_user", "user_name", "carol.jones", "name", "Carol Jones", "first_name", "Carol", "last_name", "Jones",
				"email", "carol.jones@example.com", "active", "true");
		seed("cmn_cost_center", "name", "IT Operations", "account_number", "CC-1000");
		seed("cmn_cost_center", "name", "Finance", "account_number", "CC-2000");
		seed("cmn_cost_center", "name", "Engineering", "account_number", "CC-3000");
		seed("cmn_location", "name", "London DC1", "city", "London", "country", "United Kingdom");
		seed("cmn_location", "name", "Frankfurt DC2", "city", "Frankfurt", "country", "Germany");
		seed("cmn_location", "name", "New York Office", "city", "New York", "country", "USA");
		seed("cmn_department", "name", "IT");
		seed("cmn_department", "name", "Finance");
		for (String company : List.of("Dell Inc.", "Hewlett Packard Enterprise", "Lenovo", "Cisco Systems", "VMware",
				"NetApp", "Microsoft")) {
			seed("core_company", "name", company, "manufacturer", "true", "vendor", "true");
		}
		seed("cmdb_model", "name", "PowerEdge R740", "manufacturer", "Dell Inc.");
		seed("cmdb_model", "name", "ProLiant DL380 Gen10", "manufacturer", "Hewlett Packard Enterprise");
		seed("cmdb_model", "name", "ThinkPad T14", "manufacturer", "Lenovo");
		seed("cmdb_model", "name", "Catalyst 9300", "manufacturer", "Cisco Systems");
		this.options.seeds.forEach((seed) -> this.store.insert(seed.table, seed.values, system));
	}

	private void seed(String table, String... pairs) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			values.put(pairs[i], pairs[i + 1]);
		}
		String key = table + ":" + values.values().iterator().next() + ":" + values.getOrDefault("value", "");
		this.store.insert(table, values, "system", TableStore.seedSysId(key));
	}

	@Override
	protected String authenticate(SimRequest request) {
		if (request.path().equals("/oauth_token.do")) {
			return "anonymous";
		}
		String authorization = request.header("Authorization");
		if (authorization == null) {
			throw new SimulatorException(401, "User Not Authenticated", "Required to provide Auth information");
		}
		if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			String decoded;
			try {
				decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
						StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				decoded = "";
			}
			int colon = decoded.indexOf(':');
			if (colon > 0) {
				String user = decoded.substring(0, colon);
				if (decoded.substring(colon + 1).equals(this.options.users.get(user))) {
					return user;
				}
			}
		}
		else if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			Token token;
			synchronized (this.tokens) {
				token = this.tokens.get(authorization.substring(7).trim());
			}
			if (token != null && token.expiresAt > this.clock.millis()) {
				return "oauth:" + token.clientId;
			}
		}
		throw new SimulatorException(401, "User is not authenticated", "Required to provide Auth information");
	}

	@Override
	protected SimResponse errorResponse(int status, String message, String detail) {
		ObjectNode body = Json.object();
		ObjectNode error = body.putObject("error");
		error.put("message", message);
		error.put("detail", detail);
		body.put("status", "failure");
		return SimResponse.json(status, body);
	}

	@Override
	protected SimResponse route(SimRequest request, String principal) {
		if (request.path().equals("/oauth_token.do")) {
			return token(request);
		}
		Matcher versioned = VERSIONED.matcher(request.path());
		if (!versioned.matches()) {
			return errorResponse(400, "Requested URI does not represent any resource", request.path());
		}
		String path = versioned.group(1);
		String user = principal.startsWith("oauth:") ? "admin" : principal;
		Matcher table = TABLE_PATH.matcher(path);
		if (table.matches()) {
			return table(request, table.group(1), table.group(2), user);
		}
		switch (path) {
			case "/identifyreconcile", "/identifyreconcile/enhanced", "/identifyreconcile/query",
					"/identifyreconcile/queryEnhanced" -> {
				requireMethod(request, "POST");
				boolean commit = !path.startsWith("/identifyreconcile/query");
				ObjectNode body = Json.object();
				body.set("result", this.engine.run(Json.parse(request.body()),
						request.queryParam("sysparm_data_source"), commit, user));
				return SimResponse.json(200, body);
			}
			case "/batch" -> {
				requireMethod(request, "POST");
				return batch(request, principal);
			}
			default -> {
				return errorResponse(400, "Requested URI does not represent any resource", request.path());
			}
		}
	}

	private static void requireMethod(SimRequest request, String method) {
		if (!request.method().equals(method)) {
			throw new SimulatorException(405, "Method not Supported", "Method " + request.method() + " not supported");
		}
	}

	// POST /oauth_token.do (form-encoded client_credentials or password grant)
	private SimResponse token(SimRequest request) {
		requireMethod(request, "POST");
		Map<String, List<String>> form = SimRequest.parseQuery(request.bodyText());
		String grant = first(form, "grant_type");
		String clientId = first(form, "client_id");
		String secret = first(form, "client_secret");
		boolean clientOk = clientId != null && secret != null && secret.equals(this.options.clients.get(clientId));
		boolean grantOk = "client_credentials".equals(grant)
				|| ("password".equals(grant) && first(form, "password") != null
						&& first(form, "password").equals(this.options.users.get(first(form, "username"))));
		if (!clientOk || !grantOk) {
			ObjectNode error = Json.object();
			error.put("error_description", "access_denied");
			error.put("error", "server_error");
			return SimResponse.json(401, error);
		}
		String accessToken = UUID.randomUUID().toString().replace("-", "")
				+ UUID.randomUUID().toString().replace("-", "");
		synchronized (this.tokens) {
			this.tokens.put(accessToken,
					new Token(clientId, this.clock.millis() + this.options.tokenTimeToLive.toMillis()));
		}
		ObjectNode body = Json.object();
		body.put("access_token", accessToken);
		body.put("refresh_token", UUID.randomUUID().toString().replace("-", ""));
		body.put("scope", first(form, "scope") != null ? first(form, "scope") : "useraccount");
		body.put("token_type", "Bearer");
		body.put("expires_in", this.options.tokenTimeToLive.toSeconds());
		return SimResponse.json(200, body);
	}

	private static String first(Map<String, List<String>> form, String name) {
		List<String> values = form.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	// GET|POST|PUT|PATCH|DELETE /api/now/table/{table}[/{sys_id}]
	private SimResponse table(SimRequest request, String table, String sysId, String user) {
		this.store.requireTable(table);
		String method = request.method();
		if (sysId == null) {
			if (method.equals("GET")) {
				return list(request, table);
			}
			if (method.equals("POST")) {
				Map<String, String> record = this.store.insert(table, bodyValues(request), user);
				return recordResponse(request, 201, record).header("Location",
						request.baseUrl() + "/api/now/table/" + table + "/" + record.get("sys_id"));
			}
			throw new SimulatorException(405, "Method not Supported", "Method " + method + " not supported");
		}
		Map<String, String> record = this.store.get(table, sysId);
		if (record == null) {
			throw new SimulatorException(404, "No Record found",
					"Record doesn't exist or ACL restricts the record retrieval");
		}
		return switch (method) {
			case "GET" -> recordResponse(request, 200, record);
			case "PATCH", "PUT" -> {
				this.store.update(record, bodyValues(request), user);
				yield recordResponse(request, 200, record);
			}
			case "DELETE" -> {
				this.store.delete(table, sysId);
				yield SimResponse.empty(204);
			}
			default -> throw new SimulatorException(405, "Method not Supported", "Method " + method + " not supported");
		};
	}

	private static Map<String, String> bodyValues(SimRequest request) {
		JsonNode body = Json.parse(request.body());
		if (!body.isObject()) {
			throw new BadRequestException("Exception while reading request", "The payload is not valid JSON object");
		}
		Map<String, String> values = new LinkedHashMap<>();
		Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			JsonNode value = field.getValue();
			// A reference read back as {"value": ..., "link": ...} may be written back as
			// is.
			values.put(field.getKey(),
					value.isNull() ? "" : value.isObject() ? value.path("value").asText("") : value.asText());
		}
		return values;
	}

	private SimResponse list(SimRequest request, String table) {
		EncodedQuery query = EncodedQuery.parse(request.queryParam("sysparm_query"),
				(field) -> this.store.knownField(table, field));
		List<Map<String, String>> matches = new ArrayList<>();
		List<Map.Entry<String, String>> indexed = query.indexedValues();
		Collection<Map<String, String>> candidates;
		if (indexed != null) {
			// by sys_id, so a record two values find is listed once
			Map<String, Map<String, String>> found = new LinkedHashMap<>();
			for (Map.Entry<String, String> value : indexed) {
				this.store.lookup(table, value.getKey(), value.getValue())
					.forEach((record) -> found.putIfAbsent(record.get("sys_id"), record));
			}
			candidates = found.values();
		}
		else {
			candidates = this.store.list(table);
		}
		for (Map<String, String> record : candidates) {
			if (query.matches(record, this.store::value)) {
				matches.add(record);
			}
		}
		matches.sort(query.ordering(this.store::value));
		int limit = intParam(request, "sysparm_limit", this.options.defaultLimit);
		int offset = intParam(request, "sysparm_offset", 0);
		int total = matches.size();
		ArrayNode result = Json.array();
		for (int i = offset; i < Math.min(total, offset + limit); i++) {
			result.add(render(request, matches.get(i)));
		}
		ObjectNode body = Json.object();
		body.set("result", result);
		SimResponse response = SimResponse.json(200, body);
		if (!"true".equals(request.queryParam("sysparm_no_count"))) {
			response.header("X-Total-Count", Integer.toString(total));
		}
		if (!"true".equals(request.queryParam("sysparm_suppress_pagination_header")) && limit > 0) {
			response.header("Link", links(request, table, limit, offset, total));
		}
		return response;
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
			throw new BadRequestException("Invalid " + name, "'" + value + "' is not a number");
		}
	}

	private static String links(SimRequest request, String table, int limit, int offset, int total) {
		int last = (total == 0) ? 0 : ((total - 1) / limit) * limit;
		List<String> parts = new ArrayList<>();
		parts.add(link(request, table, limit, 0, "first"));
		if (offset > 0) {
			parts.add(link(request, table, limit, Math.max(0, offset - limit), "prev"));
		}
		if (offset + limit < total) {
			parts.add(link(request, table, limit, offset + limit, "next"));
		}
		parts.add(link(request, table, limit, last, "last"));
		return String.join(",", parts);
	}

	private static String link(SimRequest request, String table, int limit, int offset, String rel) {
		StringBuilder url = new StringBuilder(request.baseUrl()).append(request.path()).append('?');
		for (Map.Entry<String, List<String>> param : request.query().entrySet()) {
			if (param.getKey().equals("sysparm_limit") || param.getKey().equals("sysparm_offset")) {
				continue;
			}
			for (String value : param.getValue()) {
				url.append(encode(param.getKey())).append('=').append(encode(value)).append('&');
			}
		}
		url.append("sysparm_limit=").append(limit).append("&sysparm_offset=").append(offset);
		return "<" + url + ">;rel=\"" + rel + "\"";
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private SimResponse recordResponse(SimRequest request, int status, Map<String, String> record) {
		ObjectNode body = Json.object();
		body.set("result", render(request, record));
		return SimResponse.json(status, body);
	}

	private ObjectNode render(SimRequest request, Map<String, String> record) {
		String displayValue = String.valueOf(request.queryParam("sysparm_display_value")).toLowerCase(Locale.ROOT);
		boolean noLinks = "true".equals(request.queryParam("sysparm_exclude_reference_link"));
		String fieldsParam = request.queryParam("sysparm_fields");
		Map<String, FieldDefinition> fields = this.schema.fields(record.get("sys_class_name"));
		List<String> names = new ArrayList<>();
		if (fieldsParam != null && !fieldsParam.isBlank()) {
			for (String name : fieldsParam.split(",")) {
				if (!name.isBlank()) {
					names.add(name.trim());
				}
			}
		}
		else {
			names.addAll(fields.keySet());
		}
		ObjectNode out = Json.object();
		for (String name : names) {
			FieldDefinition field = fields.get(name);
			String value = this.store.value(record, name);
			if (value == null) {
				value = "";
			}
			if (field != null && field.reference() != null && !value.isEmpty()) {
				String display = this.store.display(field.reference(), value);
				String link = request.baseUrl() + "/api/now/table/" + field.reference() + "/" + value;
				switch (displayValue) {
					case "true" -> out.put(name, (display != null) ? display : "");
					case "all" -> {
						ObjectNode both = out.putObject(name);
						both.put("display_value", display);
						if (!noLinks) {
							both.put("link", link);
						}
						both.put("value", value);
					}
					default -> {
						if (noLinks) {
							out.put(name, value);
						}
						else {
							ObjectNode ref = out.putObject(name);
							ref.put("link", link);
							ref.put("value", value);
						}
					}
				}
			}
			else if ("all".equals(displayValue)) {
				ObjectNode both = out.putObject(name);
				both.put("display_value", value);
				both.put("value", value);
			}
			else {
				out.put(name, value);
			}
		}
		return out;
	}

	// POST /api/now/v1/batch: runs each base64-encoded request through the same routing.
	private SimResponse batch(SimRequest request, String principal) {
		JsonNode body = Json.parse(request.body());
		JsonNode requests = body.path("rest_requests");
		if (!requests.isArray()) {
			throw new BadRequestException("Invalid batch request", "rest_requests must be an array");
		}
		ObjectNode out = Json.object();
		out.put("batch_request_id", Json.text(body, "batch_request_id"));
		ArrayNode serviced = out.putArray("serviced_requests");
		ArrayNode unserviced = out.putArray("unserviced_requests");
		int count = 0;
		for (JsonNode inner : requests) {
			String id = Json.text(inner, "id");
			if (count++ >= this.options.maxBatchRequests) {
				unserviced.add(id);
				continue;
			}
			serviced.add(runInner(request, inner, id, principal));
		}
		return SimResponse.json(200, out);
	}

	private ObjectNode runInner(SimRequest outer, JsonNode inner, String id, String principal) {
		long started = System.nanoTime();
		String url = String.valueOf(Json.text(inner, "url"));
		int question = url.indexOf('?');
		String path = (question < 0) ? url : url.substring(0, question);
		String query = (question < 0) ? null : url.substring(question + 1);
		String encodedBody = Json.text(inner, "body");
		byte[] innerBody;
		try {
			innerBody = (encodedBody != null) ? Base64.getDecoder().decode(encodedBody) : new byte[0];
		}
		catch (IllegalArgumentException ex) {
			innerBody = null;
		}
		SimResponse response;
		if (innerBody == null) {
			response = errorResponse(400, "Invalid batch request body", "The body of request " + id + " is not base64");
		}
		else if (path.endsWith("/batch")) {
			response = errorResponse(400, "Nested batch requests are not supported", path);
		}
		else {
			response = routeInner(outer.derive(String.valueOf(Json.text(inner, "method")), path, query, innerBody),
					principal);
		}
		ObjectNode result = Json.object();
		result.put("id", id);
		result.put("body", Base64.getEncoder().encodeToString(response.body()));
		result.put("status_code", response.status());
		result.put("status_text", statusText(response.status()));
		ArrayNode headers = result.putArray("headers");
		if (!inner.path("exclude_response_headers").asBoolean(false)) {
			response.headers().forEach((name, values) -> values.forEach((value) -> {
				ObjectNode header = headers.addObject();
				header.put("name", name);
				header.put("value", value);
			}));
		}
		result.put("execution_time", (System.nanoTime() - started) / 1_000_000);
		return result;
	}

	private static String statusText(int status) {
		return switch (status) {
			case 200 -> "OK";
			case 201 -> "Created";
			case 204 -> "No Content";
			case 400 -> "Bad Request";
			case 401 -> "Unauthorized";
			case 403 -> "Forbidden";
			case 404 -> "Not Found";
			default -> (status >= 500) ? "Internal Server Error" : "Status " + status;
		};
	}

	@Override
	protected ObjectNode recordsSnapshot(SimRequest request) {
		String only = request.queryParam("table");
		Map<String, ArrayNode> grouped = new TreeMap<>();
		for (Map<String, String> record : this.store.all()) {
			String table = record.get("sys_class_name");
			if (only != null && !this.schema.isA(table, only)) {
				continue;
			}
			grouped.computeIfAbsent(table, (t) -> Json.array()).add(Json.MAPPER.valueToTree(record));
		}
		ObjectNode out = Json.object();
		grouped.forEach(out::set);
		return out;
	}

	private record Token(String clientId, long expiresAt) {
	}

	private record Seed(String table, Map<String, String> values) {
	}

	/**
	 * Options for a {@link ServiceNowSimulator}.
	 */
	public static final class Builder {

		private final Map<String, String> users = new LinkedHashMap<>(Map.of("admin", "admin"));

		private final Map<String, String> clients = new LinkedHashMap<>(Map.of("hub-client", "hub-secret"));

		private final List<RateLimitRule> rateLimits = new ArrayList<>();

		private final List<Seed> seeds = new ArrayList<>();

		private Clock clock = Clock.systemUTC();

		private Duration tokenTimeToLive = Duration.ofSeconds(1799);

		private int journalCapacity = 10_000;

		private int defaultLimit = 10_000;

		private int maxBatchRequests = 1_000;

		private Builder() {
		}

		/**
		 * Replaces the default basic-auth user with this one (call again to add more).
		 * @param user the user name
		 * @param password the password
		 * @return this builder
		 */
		public Builder basicUser(String user, String password) {
			this.users.remove("admin");
			this.users.put(user, password);
			return this;
		}

		/**
		 * Replaces the default OAuth client with this one (call again to add more).
		 * @param clientId the client id
		 * @param clientSecret the client secret
		 * @return this builder
		 */
		public Builder oauthClient(String clientId, String clientSecret) {
			this.clients.remove("hub-client");
			this.clients.put(clientId, clientSecret);
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
		 * Sets the clock behind timestamps, token expiry and rate-limit windows.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Sets the lifetime of OAuth access tokens (default 1799 s, as the platform).
		 * @param ttl the lifetime
		 * @return this builder
		 */
		public Builder tokenTimeToLive(Duration ttl) {
			this.tokenTimeToLive = ttl;
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
		 * Sets the page size used when {@code sysparm_limit} is absent (platform default
		 * 10000).
		 * @param limit the size
		 * @return this builder
		 */
		public Builder defaultLimit(int limit) {
			this.defaultLimit = limit;
			return this;
		}

		/**
		 * Sets how many requests of one batch are run; the rest are reported as
		 * unserviced, as when the platform hits its batch time or size limit.
		 * @param max the count
		 * @return this builder
		 */
		public Builder maxBatchRequests(int max) {
			this.maxBatchRequests = max;
			return this;
		}

		/**
		 * Adds a record seeded at start and after every reset, such as a user or a cost
		 * center the demo data refers to.
		 * @param table the table
		 * @param values the column values
		 * @return this builder
		 */
		public Builder seed(String table, Map<String, String> values) {
			this.seeds.add(new Seed(table, new LinkedHashMap<>(values)));
			return this;
		}

		/**
		 * Builds the simulator.
		 * @return the simulator
		 */
		public ServiceNowSimulator build() {
			return new ServiceNowSimulator(this);
		}

	}

}
