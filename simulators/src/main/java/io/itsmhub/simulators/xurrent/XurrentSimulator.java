package io.itsmhub.simulators.xurrent;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsmhub.simulators.core.BadRequestException;
import io.itsmhub.simulators.core.Json;
import io.itsmhub.simulators.core.PlatformSimulator;
import io.itsmhub.simulators.core.SimRequest;
import io.itsmhub.simulators.core.SimResponse;
import io.itsmhub.simulators.core.SimulatorException;
import io.itsmhub.simulators.xurrent.GraphQlRequest.Field;
import io.itsmhub.simulators.xurrent.GraphQlRequest.InlineFragment;
import io.itsmhub.simulators.xurrent.GraphQlRequest.Selection;

/**
 * A stateful fake of the Xurrent (formerly 4me) GraphQL API: {@code POST /} with
 * {@code Authorization: Bearer <token>} and the account header
 * ({@code X-Xurrent-Account}); configuration items with their products, product
 * categories, sites, organizations and people; {@code configurationItems(filter:)} and
 * the other connections with Relay cursor paging ({@code first} at most 100,
 * {@code after}, {@code pageInfo}); {@code node}/{@code nodes};
 * {@code configurationItemCreate}, {@code configurationItemUpdate} (with
 * {@code newCiRelations}), {@code productCreate}; the asynchronous bulk
 * {@code discoveredConfigurationItems} (at most 100 items, an {@code AsyncQuery} to poll
 * and a result document); {@code __type(name:)} introspection of the input types and
 * enums. Errors follow GraphQL: coercion problems are top-level {@code errors} (nothing
 * runs), validation problems are {@code errors { path message }} in a mutation payload.
 *
 * <p>
 * Limits: a request budget and a query-cost budget per token and window (documented:
 * 3,600 requests and 5,000 cost points per hour), reported on every answer in
 * {@code x-ratelimit-*} and {@code x-costlimit-*} headers; over either, 429 with
 * {@code Retry-After}.
 */
public final class XurrentSimulator extends PlatformSimulator {

	/** The platform id used in the hub's mount path. */
	public static final String PLATFORM_ID = "xurrent";

	/** The default account id. */
	public static final String DEFAULT_ACCOUNT = "wdc";

	/** The default API token. */
	public static final String DEFAULT_TOKEN = "xurrent-token";

	/** Where asynchronous query results are served (pre-signed, no authentication). */
	static final String RESULTS_PATH = "/async-results/";

	private static final int MAX_PAGE = 100;

	private static final int MAX_BULK = 100;

	private final Builder options;

	private final Map<String, Map<String, ObjectNode>> store = new LinkedHashMap<>();

	private final Map<String, long[]> budgets = new LinkedHashMap<>();

	private long sequence;

	private XurrentSimulator(Builder options) {
		super(options.clock, List.of(), options.journalCapacity);
		this.options = options;
		resetState();
	}

	/** Starts building a simulator. */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public String platformId() {
		return PLATFORM_ID;
	}

	@Override
	protected void resetState() {
		this.store.clear();
		this.budgets.clear();
		this.sequence = 0;
		for (String type : List.of("ConfigurationItem", "Product", "ProductCategory", "Site", "Organization", "Person",
				"Team", "AsyncQuery")) {
			this.store.put(type, new LinkedHashMap<>());
		}
		for (String category : this.options.productCategories) {
			insert("ProductCategory", Json.object().put("name", category));
		}
		this.options.seed.forEach((type, rows) -> rows.forEach((row) -> {
			ObjectNode record = Json.object();
			row.forEach(record::put);
			insert(type, record);
		}));
	}

	private ObjectNode insert(String type, ObjectNode record) {
		String id = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("xurrent.sim/" + type + "/" + (++this.sequence)).getBytes(StandardCharsets.UTF_8));
		record.put("id", id);
		record.put("__typename", type);
		this.store.computeIfAbsent(type, (t) -> new LinkedHashMap<>()).put(id, record);
		return record;
	}

	@Override
	protected String authenticate(SimRequest request) {
		if (request.method().equals("GET") && request.path().startsWith(RESULTS_PATH)) {
			return "presigned";
		}
		String authorization = request.header("Authorization");
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				|| !this.options.tokens.contains(authorization.substring(7).trim())) {
			throw new SimulatorException(401, "Not authorized: the access token is missing, invalid or expired", null);
		}
		String account = request.header(this.options.accountHeader);
		if (account == null || !account.equals(this.options.account)) {
			throw new SimulatorException(403, "Account '" + account + "' is not accessible with this token", null);
		}
		return "token:" + Integer.toHexString(authorization.hashCode());
	}

	@Override
	protected SimResponse errorResponse(int status, String message, String detail) {
		ObjectNode body = Json.object();
		ObjectNode error = body.putArray("errors").addObject();
		error.put("message", (detail != null) ? message + ": " + detail : message);
		return SimResponse.json(status, body);
	}

	@Override
	protected ObjectNode recordsSnapshot(SimRequest request) {
		ObjectNode records = Json.object();
		this.store.forEach((type, rows) -> {
			ArrayNode array = records.putArray(type);
			rows.values().forEach((row) -> array.add(view(row)));
		});
		return records;
	}

	@Override
	protected SimResponse route(SimRequest request, String principal) {
		if (request.method().equals("GET") && request.path().startsWith(RESULTS_PATH)) {
			ObjectNode query = this.store.get("AsyncQuery").get(request.path().substring(RESULTS_PATH.length()));
			if (query == null) {
				throw new SimulatorException(404, "No such result", null);
			}
			return SimResponse.json(200, query.path("result"));
		}
		if (!request.method().equals("POST") || !(request.path().equals("/") || request.path().equals("/graphql"))) {
			throw new SimulatorException(404, "Not found: " + request.method() + " " + request.path(), null);
		}
		JsonNode body = Json.parse(request.body());
		GraphQlRequest graphQl;
		try {
			graphQl = GraphQlRequest.parse(Json.text(body, "query"), body.get("variables"));
		}
		catch (BadRequestException ex) {
			return graphQlErrors(ex.getMessage(), null);
		}
		long[] budget = this.budgets.computeIfAbsent(principal, (p) -> new long[] { 0, 0, 0 });
		long now = this.clock.millis();
		long windowMillis = this.options.window.toMillis();
		if (now >= budget[2] + windowMillis) {
			budget[0] = 0;
			budget[1] = 0;
			budget[2] = now;
		}
		long resetEpoch = (budget[2] + windowMillis) / 1000;
		int cost = cost(graphQl);
		if (budget[0] + 1 > this.options.requestLimit || budget[1] + cost > this.options.costLimit) {
			boolean requests = budget[0] + 1 > this.options.requestLimit;
			SimResponse limited = errorResponse(429, requests ? "Too many requests" : "Query cost limit exceeded",
					requests ? "at most " + this.options.requestLimit + " requests per " + this.options.window
							: "at most " + this.options.costLimit + " cost points per " + this.options.window);
			limited.header("Retry-After", Long.toString(Math.max(1, (budget[2] + windowMillis - now + 999) / 1000)));
			return limitHeaders(limited, budget, resetEpoch);
		}
		budget[0]++;
		budget[1] += cost;
		String problem = coercionProblem(graphQl);
		SimResponse response;
		if (problem != null) {
			response = graphQlErrors(problem, null);
		}
		else {
			ObjectNode data = Json.object();
			for (Selection selection : graphQl.selections()) {
				if (selection instanceof Field field) {
					JsonNode value = graphQl.mutation() ? mutate(field, request) : query(field);
					data.set(field.key(), project(value, field.selections()));
				}
			}
			ObjectNode answer = Json.object();
			answer.set("data", data);
			response = SimResponse.json(200, answer);
		}
		response.header("x-cost", Integer.toString(cost));
		return limitHeaders(response, budget, resetEpoch);
	}

	private SimResponse limitHeaders(SimResponse response, long[] budget, long resetEpoch) {
		response.header("x-ratelimit-limit", Long.toString(this.options.requestLimit));
		response.header("x-ratelimit-remaining", Long.toString(Math.max(0, this.options.requestLimit - budget[0])));
		response.header("x-ratelimit-reset", Long.toString(resetEpoch));
		response.header("x-costlimit-limit", Long.toString(this.options.costLimit));
		response.header("x-costlimit-remaining", Long.toString(Math.max(0, this.options.costLimit - budget[1])));
		response.header("x-costlimit-reset", Long.toString(resetEpoch));
		return response;
	}

	private static SimResponse graphQlErrors(String message, JsonNode data) {
		ObjectNode body = Json.object();
		body.putArray("errors").addObject().put("message", message);
		if (data != null) {
			body.set("data", data);
		}
		return SimResponse.json(200, body);
	}

	/**
	 * The query cost: one point per root field, plus one per started 100 nodes a
	 * connection asks for, plus one per ten items of a bulk mutation (an assumption: the
	 * real cost formula is not published).
	 */
	static int cost(GraphQlRequest request) {
		int cost = 0;
		for (Selection selection : request.selections()) {
			if (selection instanceof Field field) {
				cost += 1;
				if (field.arguments().containsKey("first")) {
					cost += (int) Math.ceil(field.argument("first").asInt(MAX_PAGE) / 100.0);
				}
				JsonNode assets = field.argument("input").path("physicalAssets");
				if (assets.isArray()) {
					cost += (assets.size() + 9) / 10;
				}
			}
		}
		return Math.max(1, cost);
	}

	private String coercionProblem(GraphQlRequest request) {
		if (!request.mutation()) {
			return null;
		}
		for (Selection selection : request.selections()) {
			if (selection instanceof Field field) {
				String type = switch (field.name()) {
					case "configurationItemCreate" -> "ConfigurationItemCreateInput!";
					case "configurationItemUpdate" -> "ConfigurationItemUpdateInput!";
					case "productCreate" -> "ProductCreateInput!";
					default -> null;
				};
				if (type != null) {
					String problem = XurrentSchema.problem(type, field.argument("input"), "");
					if (problem != null) {
						return "Argument 'input' on Field '" + field.key() + "' has an invalid value: " + problem;
					}
				}
			}
		}
		return null;
	}

	// ---- queries

	private JsonNode query(Field field) {
		return switch (field.name()) {
			case "configurationItems" -> connection("ConfigurationItem", field);
			case "products" -> connection("Product", field);
			case "productCategories" -> connection("ProductCategory", field);
			case "sites" -> connection("Site", field);
			case "organizations" -> connection("Organization", field);
			case "people" -> connection("Person", field);
			case "node" -> nodeView(field.argument("id").asText());
			case "nodes" -> {
				ArrayNode nodes = Json.array();
				field.argument("ids").forEach((id) -> nodes.add(nodeView(id.asText())));
				yield nodes;
			}
			case "__type" -> {
				ObjectNode type = XurrentSchema.type(field.argument("name").asText());
				yield (type != null) ? type : Json.MAPPER.nullNode();
			}
			case "__typename" -> Json.MAPPER.getNodeFactory().textNode("Query");
			default -> throw new BadRequestException("Field '" + field.name() + "' doesn't exist on type 'Query'");
		};
	}

	private JsonNode nodeView(String id) {
		for (Map<String, ObjectNode> rows : this.store.values()) {
			ObjectNode row = rows.get(id);
			if (row != null) {
				if (row.path("__typename").asText().equals("AsyncQuery")) {
					// completes once it has been polled more often than configured
					int polls = row.path("polls").asInt() + 1;
					row.put("polls", polls);
					row.put("completed", polls > this.options.pollsUntilComplete);
				}
				return view(row);
			}
		}
		return Json.MAPPER.nullNode();
	}

	private ObjectNode connection(String type, Field field) {
		int first = field.arguments().containsKey("first") ? field.argument("first").asInt() : MAX_PAGE;
		if (first < 1 || first > MAX_PAGE) {
			throw new BadRequestException("first must be between 1 and " + MAX_PAGE);
		}
		Map<String, Set<String>> filter = filter(field.argument("filter"));
		List<ObjectNode> matching = new ArrayList<>();
		for (ObjectNode row : this.store.get(type).values()) {
			if (matches(row, filter)) {
				matching.add(row);
			}
		}
		int offset = 0;
		JsonNode after = field.argument("after");
		if (after.isTextual() && !after.asText().isEmpty()) {
			try {
				offset = Integer
					.parseInt(new String(Base64.getDecoder().decode(after.asText()), StandardCharsets.UTF_8));
			}
			catch (IllegalArgumentException ex) {
				throw new BadRequestException("Invalid cursor: " + after.asText());
			}
		}
		ObjectNode connection = Json.object();
		ArrayNode nodes = connection.putArray("nodes");
		ArrayNode edges = connection.putArray("edges");
		int end = Math.min(matching.size(), offset + first);
		for (int i = offset; i < end; i++) {
			JsonNode view = view(matching.get(i));
			nodes.add(view);
			edges.addObject().put("cursor", cursor(i + 1)).set("node", view);
		}
		ObjectNode pageInfo = connection.putObject("pageInfo");
		pageInfo.put("hasNextPage", end < matching.size());
		pageInfo.put("hasPreviousPage", offset > 0);
		if (end > offset) {
			pageInfo.put("startCursor", cursor(offset + 1));
			pageInfo.put("endCursor", cursor(end));
		}
		else {
			pageInfo.putNull("startCursor");
			pageInfo.putNull("endCursor");
		}
		connection.put("totalCount", matching.size());
		return connection;
	}

	static String cursor(int position) {
		return Base64.getEncoder().encodeToString(Integer.toString(position).getBytes(StandardCharsets.UTF_8));
	}

	/** A filter as field to accepted values ({@code null} standing for "no value"). */
	private static Map<String, Set<String>> filter(JsonNode filter) {
		Map<String, Set<String>> accepted = new LinkedHashMap<>();
		if (filter == null || !filter.isObject()) {
			return accepted;
		}
		filter.fields().forEachRemaining((entry) -> {
			Set<String> values = new HashSet<>();
			for (JsonNode value : entry.getValue().path("values")) {
				values.add(value.isNull() ? null : normalized(entry.getKey(), value.asText()));
			}
			accepted.put(entry.getKey(), values);
		});
		return accepted;
	}

	private static String normalized(String field, String value) {
		return field.equals("primaryEmail") ? value.toLowerCase(Locale.ROOT) : value;
	}

	private static boolean matches(ObjectNode row, Map<String, Set<String>> filter) {
		for (Map.Entry<String, Set<String>> entry : filter.entrySet()) {
			String field = entry.getKey();
			String actual = row.hasNonNull(field) ? normalized(field, row.get(field).asText()) : null;
			if (!entry.getValue().contains(actual)) {
				return false;
			}
		}
		return true;
	}

	// ---- mutations

	private JsonNode mutate(Field field, SimRequest request) {
		JsonNode input = field.argument("input");
		return switch (field.name()) {
			case "configurationItemCreate" -> ciPayload(createCi(input));
			case "configurationItemUpdate" -> ciPayload(updateCi(input, null));
			case "productCreate" -> productCreate(input);
			case "discoveredConfigurationItems" -> discovered(input, request);
			default -> throw new BadRequestException("Field '" + field.name() + "' doesn't exist on type 'Mutation'");
		};
	}

	/** The outcome of one write: the record, or the validation errors. */
	private record Outcome(ObjectNode record, ArrayNode errors) {

	}

	private JsonNode ciPayload(Outcome outcome) {
		ObjectNode payload = Json.object();
		payload.set("errors", outcome.errors().isEmpty() ? Json.MAPPER.nullNode() : outcome.errors());
		payload.set("configurationItem", (outcome.record() != null) ? view(outcome.record()) : Json.MAPPER.nullNode());
		return payload;
	}

	private static void error(ArrayNode errors, String path, String message) {
		ObjectNode error = errors.addObject();
		error.putArray("path").add(path);
		error.put("message", message);
	}

	private Outcome createCi(JsonNode input) {
		ArrayNode errors = Json.array();
		String name = input.path("name").asText("").trim();
		if (name.isEmpty()) {
			error(errors, "name", "Name can't be blank");
		}
		else if (name.length() > 200) {
			error(errors, "name", "Name is too long (maximum is 200 characters)");
		}
		if (!this.store.get("Product").containsKey(input.path("productId").asText())) {
			error(errors, "productId", "Product is invalid");
		}
		validateReferences(input, errors);
		if (!errors.isEmpty()) {
			return new Outcome(null, errors);
		}
		ObjectNode ci = Json.object();
		apply(ci, input);
		if (!ci.hasNonNull("status")) {
			ci.put("status", "in_production");
		}
		ci.putArray("ciRelations");
		ObjectNode created = insert("ConfigurationItem", ci);
		if (!created.hasNonNull("label")) {
			created.put("label", "CI-" + this.store.get("ConfigurationItem").size());
		}
		created.put("createdAt", this.clock.instant().toString());
		return relations(created, input, errors);
	}

	private Outcome updateCi(JsonNode input, ObjectNode known) {
		ArrayNode errors = Json.array();
		ObjectNode ci = (known != null) ? known : this.store.get("ConfigurationItem").get(input.path("id").asText());
		if (ci == null) {
			error(errors, "id", "Configuration item not found");
			return new Outcome(null, errors);
		}
		if (input.has("name") && input.path("name").asText("").isBlank()) {
			error(errors, "name", "Name can't be blank");
		}
		if (input.hasNonNull("productId") && !this.store.get("Product").containsKey(input.path("productId").asText())) {
			error(errors, "productId", "Product is invalid");
		}
		validateReferences(input, errors);
		if (!errors.isEmpty()) {
			return new Outcome(null, errors);
		}
		apply(ci, input);
		for (JsonNode delete : input.path("ciRelationsToDelete")) {
			ArrayNode kept = Json.array();
			ci.withArray("ciRelations").forEach((relation) -> {
				if (!relation.path("id").asText().equals(delete.asText())) {
					kept.add(relation);
				}
			});
			ci.set("ciRelations", kept);
		}
		return relations(ci, input, errors);
	}

	private void validateReferences(JsonNode input, ArrayNode errors) {
		reference(input, "siteId", "Site", errors);
		reference(input, "financialOwnerId", "Organization", errors);
		reference(input, "supplierId", "Organization", errors);
		reference(input, "supportTeamId", "Team", errors);
		for (JsonNode user : input.path("userIds")) {
			if (!this.store.get("Person").containsKey(user.asText())) {
				error(errors, "userIds", "User is invalid");
			}
		}
	}

	private void reference(JsonNode input, String field, String type, ArrayNode errors) {
		if (input.hasNonNull(field)) {
			Map<String, ObjectNode> rows = this.store.get(type);
			if (rows == null || !rows.containsKey(input.get(field).asText())) {
				error(errors, field,
						field.replace("Id", "").replaceAll("([A-Z])", " $1").toLowerCase() + " is invalid");
			}
		}
	}

	private static final Set<String> NOT_STORED = Set.of("id", "clientMutationId", "newCiRelations",
			"ciRelationsToDelete", "meta");

	private void apply(ObjectNode ci, JsonNode input) {
		input.fields().forEachRemaining((entry) -> {
			if (!NOT_STORED.contains(entry.getKey())) {
				ci.set(entry.getKey(), entry.getValue().deepCopy());
			}
		});
		ci.put("updatedAt", this.clock.instant().toString());
	}

	private Outcome relations(ObjectNode ci, JsonNode input, ArrayNode errors) {
		ArrayNode relations = ci.withArray("ciRelations");
		int index = 0;
		for (JsonNode relation : input.path("newCiRelations")) {
			String other = relation.path("configurationItemId").asText(null);
			if (other == null && relation.hasNonNull("configurationItemSourceID")) {
				ObjectNode found = bySource(relation.path("configurationItemSource").asText(null),
						relation.path("configurationItemSourceID").asText());
				other = (found != null) ? found.path("id").asText() : null;
			}
			String path = "newCiRelations." + index++;
			if (other == null || !this.store.get("ConfigurationItem").containsKey(other)) {
				error(errors, path, "Configuration item is invalid");
				continue;
			}
			String type = relation.path("relationType").asText();
			boolean duplicate = false;
			for (JsonNode existing : relations) {
				duplicate |= existing.path("relationType").asText().equals(type)
						&& existing.path("configurationItemId").asText().equals(other);
			}
			if (duplicate) {
				error(errors, path, "Configuration item has already been taken for this relation type");
				continue;
			}
			ObjectNode stored = relations.addObject();
			stored.put("id", ci.path("id").asText() + "-rel-" + (++this.sequence));
			stored.put("relationType", type);
			stored.put("configurationItemId", other);
		}
		return new Outcome(ci, errors);
	}

	private ObjectNode bySource(String source, String sourceId) {
		for (ObjectNode ci : this.store.get("ConfigurationItem").values()) {
			if (sourceId.equals(ci.path("sourceID").asText(null))
					&& (source == null || source.equals(ci.path("source").asText(null)))) {
				return ci;
			}
		}
		return null;
	}

	private JsonNode productCreate(JsonNode input) {
		ObjectNode payload = Json.object();
		ArrayNode errors = Json.array();
		if (!this.store.get("ProductCategory").containsKey(input.path("categoryId").asText())) {
			error(errors, "categoryId", "Category is invalid");
		}
		for (ObjectNode product : this.store.get("Product").values()) {
			if (product.path("name").asText().equalsIgnoreCase(input.path("name").asText())) {
				error(errors, "name", "Name has already been taken");
			}
		}
		if (!errors.isEmpty()) {
			payload.set("errors", errors);
			payload.putNull("product");
			return payload;
		}
		ObjectNode product = Json.object();
		input.fields().forEachRemaining((entry) -> product.set(entry.getKey(), entry.getValue().deepCopy()));
		payload.putNull("errors");
		payload.set("product", view(insert("Product", product)));
		return payload;
	}

	/**
	 * The bulk mutation: at most 100 configuration items in physical assets and products,
	 * matched on {@code source} + {@code sourceID}; processed at once here, but answered
	 * as an {@code AsyncQuery} the client polls, with a result document at
	 * {@code resultUrl}.
	 */
	private JsonNode discovered(JsonNode input, SimRequest request) {
		ObjectNode payload = Json.object();
		String source = input.path("source").asText(null);
		int items = 0;
		for (JsonNode asset : input.path("physicalAssets")) {
			for (JsonNode product : asset.path("products")) {
				items += product.path("configurationItems").size();
			}
		}
		if (source == null || items > MAX_BULK) {
			ArrayNode errors = payload.putArray("errors");
			error(errors, (source == null) ? "source" : "physicalAssets",
					(source == null) ? "Source can't be blank" : "At most " + MAX_BULK + " configuration items");
			payload.putNull("asyncQuery");
			return payload;
		}
		ArrayNode results = Json.array();
		ArrayNode resultErrors = Json.array();
		Map<String, ObjectNode> bySourceId = new HashMap<>();
		for (ObjectNode ci : this.store.get("ConfigurationItem").values()) {
			if (source.equals(ci.path("source").asText(null)) && ci.hasNonNull("sourceID")) {
				bySourceId.putIfAbsent(ci.path("sourceID").asText(), ci);
			}
		}
		for (JsonNode asset : input.path("physicalAssets")) {
			String strategy = asset.path("meta").path("strategy").asText("DEFAULT");
			for (JsonNode product : asset.path("products")) {
				String productId = product.path("id").asText(null);
				if (productId == null) {
					for (ObjectNode known : this.store.get("Product").values()) {
						if (known.path("name").asText().equalsIgnoreCase(product.path("name").asText())) {
							productId = known.path("id").asText();
						}
					}
				}
				for (JsonNode item : product.path("configurationItems")) {
					ObjectNode ci = item.deepCopy();
					ci.remove("meta");
					ci.put("source", source);
					if (productId != null) {
						ci.put("productId", productId);
					}
					String sourceId = ci.path("sourceID").asText(null);
					ObjectNode existing = (sourceId != null) ? bySourceId.get(sourceId) : null;
					Outcome outcome;
					String problem = XurrentSchema.problem("ConfigurationItemUpdateInput", withId(ci), "");
					if (sourceId == null) {
						outcome = new Outcome(null, Json.array());
						error(outcome.errors(), "sourceID", "Source ID can't be blank");
					}
					else if (problem != null) {
						outcome = new Outcome(null, Json.array());
						error(outcome.errors(), "configurationItems", problem);
					}
					else if (existing != null && !strategy.equals("CREATE")) {
						outcome = updateCi(ci, existing);
					}
					else if (existing == null && !strategy.equals("UPDATE")) {
						outcome = createCi(ci);
					}
					else {
						outcome = new Outcome(null, Json.array());
						error(outcome.errors(), "meta.strategy", "Strategy " + strategy + " does not allow this");
					}
					if (outcome.errors().isEmpty()) {
						bySourceId.put(sourceId, outcome.record());
						results.addObject().put("sourceID", sourceId).put("id", outcome.record().path("id").asText());
					}
					else {
						outcome.errors().forEach((error) -> {
							ObjectNode entry = resultErrors.addObject();
							entry.put("sourceID", sourceId);
							entry.set("path", error.path("path"));
							entry.put("message", error.path("message").asText());
						});
					}
				}
			}
		}
		ObjectNode query = Json.object();
		query.put("completed", false);
		query.put("polls", 0);
		query.put("errorCount", resultErrors.size());
		ObjectNode result = query.putObject("result");
		result.set("configurationItems", results);
		result.set("errors", resultErrors);
		ObjectNode stored = insert("AsyncQuery", query);
		stored.put("resultUrl", request.baseUrl() + RESULTS_PATH + stored.path("id").asText());
		payload.putNull("errors");
		payload.set("asyncQuery", view(stored));
		return payload;
	}

	private static ObjectNode withId(ObjectNode ci) {
		ObjectNode copy = ci.deepCopy();
		copy.put("id", "bulk");
		copy.remove("ciRelations");
		return copy;
	}

	// ---- views

	private JsonNode view(ObjectNode row) {
		String type = row.path("__typename").asText();
		ObjectNode view = row.deepCopy();
		view.remove("result");
		switch (type) {
			case "ConfigurationItem" -> {
				view.set("product", refView("Product", row.path("productId").asText(null)));
				view.set("site", refView("Site", row.path("siteId").asText(null)));
				view.set("financialOwner", refView("Organization", row.path("financialOwnerId").asText(null)));
				view.set("supplier", refView("Organization", row.path("supplierId").asText(null)));
				ArrayNode users = view.putObject("users").putArray("nodes");
				row.path("userIds").forEach((id) -> users.add(refView("Person", id.asText())));
				ObjectNode relations = Json.object();
				ArrayNode nodes = relations.putArray("nodes");
				for (JsonNode relation : row.path("ciRelations")) {
					ObjectNode entry = nodes.addObject();
					entry.put("__typename", "CiRelation");
					entry.put("id", relation.path("id").asText());
					entry.put("relationType", relation.path("relationType").asText());
					entry.set("configurationItem",
							refView("ConfigurationItem", relation.path("configurationItemId").asText()));
				}
				relations.put("totalCount", nodes.size());
				relations.putObject("pageInfo").put("hasNextPage", false).putNull("endCursor");
				view.set("ciRelations", relations);
			}
			case "Product" -> view.set("category", refView("ProductCategory", row.path("categoryId").asText(null)));
			case "AsyncQuery" -> view.remove("polls");
			default -> {
			}
		}
		return view;
	}

	private JsonNode refView(String type, String id) {
		ObjectNode row = (id != null) ? this.store.get(type).get(id) : null;
		if (row == null) {
			return Json.MAPPER.nullNode();
		}
		ObjectNode ref = Json.object();
		ref.put("__typename", type);
		ref.put("id", id);
		ref.put("name", row.path("name").asText(null));
		if (row.has("primaryEmail")) {
			ref.put("primaryEmail", row.path("primaryEmail").asText());
		}
		if (row.has("sourceID")) {
			ref.put("sourceID", row.path("sourceID").asText());
		}
		return ref;
	}

	/** Keeps what the selection asks for, as a GraphQL server answers. */
	static JsonNode project(JsonNode value, List<Selection> selections) {
		if (selections.isEmpty() || value == null || value.isNull() || value.isMissingNode()) {
			return (value == null || value.isMissingNode()) ? Json.MAPPER.nullNode() : value;
		}
		if (value.isArray()) {
			ArrayNode array = Json.array();
			value.forEach((element) -> array.add(project(element, selections)));
			return array;
		}
		ObjectNode out = Json.object();
		select(value, selections, out);
		return out;
	}

	private static void select(JsonNode value, List<Selection> selections, ObjectNode out) {
		for (Selection selection : selections) {
			if (selection instanceof InlineFragment fragment) {
				if (fragment.typeCondition() == null
						|| fragment.typeCondition().equals(value.path("__typename").asText())) {
					select(value, fragment.selections(), out);
				}
			}
			else if (selection instanceof Field field) {
				out.set(field.key(), project(value.get(field.name()), field.selections()));
			}
		}
	}

	/** The simulator's options. */
	public static final class Builder {

		private Clock clock = Clock.systemUTC();

		private int journalCapacity = 10_000;

		private final List<String> tokens = new ArrayList<>(List.of(DEFAULT_TOKEN));

		private String account = DEFAULT_ACCOUNT;

		private String accountHeader = "X-Xurrent-Account";

		private long requestLimit = 3_600;

		private long costLimit = 5_000;

		private Duration window = Duration.ofHours(1);

		private int pollsUntilComplete = 0;

		private List<String> productCategories = List.of("Server", "Virtual Server", "Laptop", "Desktop",
				"Network Device", "Storage", "Mobile Device", "Printer", "Peripheral", "Cloud Resource", "Database",
				"Software", "Service");

		private final Map<String, List<Map<String, String>>> seed = new LinkedHashMap<>();

		private Builder() {
		}

		/** The only accepted bearer token (replacing the default). */
		public Builder token(String token) {
			this.tokens.clear();
			this.tokens.add(token);
			return this;
		}

		/** The account id and the header that carries it. */
		public Builder account(String id, String header) {
			this.account = id;
			this.accountHeader = header;
			return this;
		}

		/**
		 * The budgets per token and window (documented: 3,600 requests, 5,000 points).
		 */
		public Builder limits(long requests, long cost, Duration per) {
			this.requestLimit = requests;
			this.costLimit = cost;
			this.window = per;
			return this;
		}

		/** No effective limit, for load tests. */
		public Builder unlimited() {
			return limits(Long.MAX_VALUE / 4, Long.MAX_VALUE / 4, Duration.ofHours(1));
		}

		/** How many polls of an async query answer {@code completed: false} first. */
		public Builder pollsUntilComplete(int polls) {
			this.pollsUntilComplete = polls;
			return this;
		}

		/** The product categories (the target classes), replacing the defaults. */
		public Builder productCategories(List<String> categories) {
			this.productCategories = List.copyOf(categories);
			return this;
		}

		/**
		 * A reference record ({@code Site}, {@code Organization}, {@code Person}, ...).
		 */
		public Builder seed(String type, Map<String, String> record) {
			this.seed.computeIfAbsent(type, (t) -> new ArrayList<>()).add(record);
			return this;
		}

		/** The clock. */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/** How many requests to keep for inspection. */
		public Builder journalCapacity(int capacity) {
			this.journalCapacity = capacity;
			return this;
		}

		/** The simulator. */
		public XurrentSimulator build() {
			return new XurrentSimulator(this);
		}

	}

}
