package io.itsmhub.simulators.ivanti;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import io.itsmhub.simulators.ivanti.BusinessObjectDefinition.FieldDefinition;

/**
 * A stateful fake of the Ivanti Neurons for ITSM OData API for business objects:
 *
 * <ul>
 * <li>{@code GET /api/odata/businessobject/{collection}} with {@code $filter},
 * {@code $select}, {@code $orderby}, {@code $top} (at most {@code maxPageSize}, default
 * 100) and {@code $skip}; answers {@code @odata.context}, {@code @odata.count} and
 * {@code value} (or 204 for no match when so built). A CI collection also returns the
 * records of its subtypes.</li>
 * <li>{@code POST /api/odata/businessobject/{collection}} (201 with the record),
 * {@code GET|PATCH|PUT|DELETE .../{collection}('{RecId}')} (PUT merges like PATCH).</li>
 * <li>{@code PATCH|DELETE .../{collection}('{RecId}')/{Relationship}('{RecId}')/$Ref}
 * links and unlinks, {@code GET .../{collection}('{RecId}')/{Relationship}} lists the
 * linked records.</li>
 * <li>{@code GET /api/odata/{collection}/$metadata}: an OData v4 CSDL document with the
 * business object's entity type, its properties (inherited ones included) and its
 * navigation properties (the relationships).</li>
 * </ul>
 * Authentication is {@code Authorization: rest_api_key=<key>}; errors are
 * {@code {"code":"ISM_4000","description":...,"message":[...]}}.
 */
public final class IvantiSimulator extends PlatformSimulator {

	/** The platform id used in the hub's mount path. */
	public static final String PLATFORM_ID = "ivanti";

	/** The REST API key used unless the builder sets another. */
	public static final String DEFAULT_API_KEY = "hub-rest-api-key";

	private static final String ODATA = "/api/odata";

	private static final String BUSINESS_OBJECT = ODATA + "/businessobject/";

	// {collection}('{id}') optionally followed by /{relationship} and ('{id}')/$Ref
	private static final Pattern ENTITY = Pattern
		.compile("([A-Za-z0-9_]+)(?:\\('([^']*)'\\))?(?:/([A-Za-z0-9_]+)(?:\\('([^']*)'\\))?(/\\$[Rr]ef)?)?");

	private final Builder options;

	private final IvantiTenant tenant;

	private IvantiSimulator(Builder options) {
		super(options.clock, options.rateLimits, options.journalCapacity);
		this.options = options;
		this.tenant = new IvantiTenant(options.clock);
		resetState();
	}

	/** A simulator with the default options: API key {@code hub-rest-api-key}. */
	public IvantiSimulator() {
		this(builder());
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

	@Override
	protected void resetState() {
		this.tenant.seed(this.options.businessObjects);
		for (Map.Entry<String, List<Map<String, String>>> entry : this.options.seed.entrySet()) {
			BusinessObjectDefinition definition = this.tenant.definition(entry.getKey());
			for (Map<String, String> row : entry.getValue()) {
				this.tenant.create(definition, Json.MAPPER.valueToTree(row));
			}
		}
	}

	@Override
	protected String authenticate(SimRequest request) {
		String authorization = request.header("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, "rest_api_key=", 0, 13)) {
			String key = authorization.substring(13).trim();
			if (this.options.apiKeys.contains(key)) {
				return "key:" + Integer.toHexString(key.hashCode());
			}
		}
		throw new SimulatorException(401, "Unauthorized", "The REST API key is missing or not valid.");
	}

	@Override
	protected SimResponse errorResponse(int status, String message, String detail) {
		ObjectNode body = Json.object();
		body.put("code", "ISM_" + status + "0");
		body.put("description", description(status));
		ArrayNode messages = body.putArray("message");
		messages.add(message);
		if (detail != null) {
			messages.add(detail);
		}
		body.put("help", "");
		return SimResponse.json(status, body);
	}

	private static String description(int status) {
		return switch (status) {
			case 400 -> "Invalid Request Payload";
			case 401 -> "Unauthorized";
			case 403 -> "Forbidden";
			case 404 -> "Not Found";
			case 405 -> "Method Not Allowed";
			case 429 -> "Too Many Requests";
			case 503 -> "Service Unavailable";
			default -> (status >= 500) ? "Internal Server Error" : "Error";
		};
	}

	@Override
	protected ObjectNode recordsSnapshot(SimRequest request) {
		return this.tenant.snapshot(request.queryParam("businessObject"));
	}

	@Override
	protected SimResponse route(SimRequest request, String principal) {
		String path = URLDecoder.decode(request.path().replace("+", "%2B"), StandardCharsets.UTF_8);
		if (path.startsWith(BUSINESS_OBJECT)) {
			return businessObject(request, path.substring(BUSINESS_OBJECT.length()));
		}
		if (path.startsWith(ODATA + "/") && path.endsWith("/$metadata")) {
			requireMethod(request, "GET");
			String collection = path.substring(ODATA.length() + 1, path.length() - "/$metadata".length());
			return metadata(this.tenant.definition(collection));
		}
		throw new SimulatorException(404, "Not found: " + request.path(), null);
	}

	private SimResponse businessObject(SimRequest request, String rest) {
		Matcher matcher = ENTITY.matcher(rest);
		if (!matcher.matches()) {
			throw new SimulatorException(404, "Not found: " + rest, null);
		}
		BusinessObjectDefinition definition = this.tenant.definition(matcher.group(1));
		String recId = matcher.group(2);
		String relationship = matcher.group(3);
		String relatedId = matcher.group(4);
		boolean ref = matcher.group(5) != null;
		String method = request.method();
		if (recId == null) {
			if (relationship != null) {
				throw new SimulatorException(404, "Not found: " + rest, null);
			}
			return switch (method) {
				case "GET" -> list(request, definition, this.tenant.query(definition, filter(request)));
				case "POST" -> SimResponse.json(201, this.tenant.create(definition, Json.parse(request.body())));
				default -> throw new SimulatorException(405, "Method " + method + " is not allowed here", null);
			};
		}
		ObjectNode record = this.tenant.record(definition, recId);
		if (relationship == null) {
			return switch (method) {
				case "GET" -> SimResponse.json(200, select(record, request.queryParam("$select")));
				case "PATCH", "PUT" ->
					SimResponse.json(200, this.tenant.update(definition, record, Json.parse(request.body())));
				case "DELETE" -> {
					this.tenant.delete(record);
					yield SimResponse.empty(204);
				}
				default -> throw new SimulatorException(405, "Method " + method + " is not allowed here", null);
			};
		}
		if (relatedId == null) {
			requireMethod(request, "GET");
			List<ObjectNode> related = new ArrayList<>(this.tenant.related(record, relationship));
			ODataFilter filter = filter(request);
			related.removeIf((r) -> !filter.matches(r));
			return list(request, definition, related);
		}
		if (!ref) {
			throw new SimulatorException(404, "Not found: " + rest, null);
		}
		return switch (method) {
			case "PATCH", "POST", "PUT" -> {
				this.tenant.link(record, relationship, relatedId);
				yield ok("Successfully Created the link");
			}
			case "DELETE" -> {
				this.tenant.unlink(record, relationship, relatedId);
				yield ok("Successfully Deleted the link");
			}
			default -> throw new SimulatorException(405, "Method " + method + " is not allowed here", null);
		};
	}

	private static SimResponse ok(String message) {
		ObjectNode body = Json.object();
		body.put("code", "ISM_2000");
		body.put("description", "Ok");
		body.putArray("message").add(message);
		body.put("help", "");
		return SimResponse.json(200, body);
	}

	private static ODataFilter filter(SimRequest request) {
		return ODataFilter.parse(request.queryParam("$filter"));
	}

	private SimResponse list(SimRequest request, BusinessObjectDefinition definition, List<ObjectNode> all) {
		List<ObjectNode> records = new ArrayList<>(all);
		String orderBy = request.queryParam("$orderby");
		if (orderBy != null && !orderBy.isBlank()) {
			String[] parts = orderBy.trim().split("\\s+");
			Comparator<ObjectNode> order = Comparator.comparing((ObjectNode r) -> r.path(parts[0]).asText(""),
					String.CASE_INSENSITIVE_ORDER);
			records.sort((parts.length > 1 && parts[1].equalsIgnoreCase("desc")) ? order.reversed() : order);
		}
		int top = Math.min(intParam(request, "$top", this.options.maxPageSize), this.options.maxPageSize);
		int skip = intParam(request, "$skip", 0);
		if (records.isEmpty() && this.options.noContentWhenEmpty) {
			return SimResponse.empty(204);
		}
		ObjectNode body = Json.object();
		body.put("@odata.context", request.baseUrl() + ODATA + "/$metadata#" + definition.collection());
		body.put("@odata.count", records.size());
		ArrayNode value = body.putArray("value");
		String select = request.queryParam("$select");
		for (int i = skip; i < Math.min(records.size(), skip + top); i++) {
			value.add(select(records.get(i), select));
		}
		return SimResponse.json(200, body);
	}

	private static JsonNode select(ObjectNode record, String select) {
		if (select == null || select.isBlank()) {
			return record;
		}
		ObjectNode selected = Json.object();
		for (String field : select.split(",")) {
			String name = field.trim();
			record.fieldNames().forEachRemaining((candidate) -> {
				if (candidate.equalsIgnoreCase(name)) {
					selected.set(candidate, record.get(candidate));
				}
			});
		}
		return selected;
	}

	private static int intParam(SimRequest request, String name, int fallback) {
		String value = request.queryParam(name);
		if (value == null) {
			return fallback;
		}
		try {
			int parsed = Integer.parseInt(value.trim());
			if (parsed < 0) {
				throw new NumberFormatException();
			}
			return parsed;
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException("Invalid value '" + value + "' for " + name);
		}
	}

	private static void requireMethod(SimRequest request, String method) {
		if (!request.method().equals(method)) {
			throw new SimulatorException(405, "Method " + request.method() + " is not allowed here", null);
		}
	}

	// GET /api/odata/{collection}/$metadata: CSDL (EDMX 4.0) for one business object
	private SimResponse metadata(BusinessObjectDefinition definition) {
		StringBuilder xml = new StringBuilder();
		xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
		xml.append("<edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\">\n");
		xml.append(" <edmx:DataServices>\n");
		xml.append(
				"  <Schema Namespace=\"Ivanti.Saas.BusinessObjects\" xmlns=\"http://docs.oasis-open.org/odata/ns/edm\">\n");
		xml.append("   <EntityType Name=\"").append(definition.name()).append("\">\n");
		xml.append("    <Key><PropertyRef Name=\"RecId\"/></Key>\n");
		for (FieldDefinition field : this.tenant.fields(definition).values()) {
			xml.append("    <Property Name=\"")
				.append(field.name())
				.append("\" Type=\"")
				.append(edmType(field))
				.append('"');
			if (field.maxLength() > 0) {
				xml.append(" MaxLength=\"").append(field.maxLength()).append('"');
			}
			if (field.required() || field.name().equals("RecId")) {
				xml.append(" Nullable=\"false\"");
			}
			xml.append("/>\n");
		}
		for (Map.Entry<String, String> relationship : this.tenant.relationships(definition).entrySet()) {
			BusinessObjectDefinition target = this.tenant.definition(relationship.getValue());
			xml.append("    <NavigationProperty Name=\"")
				.append(relationship.getKey())
				.append("\" Type=\"Collection(Ivanti.Saas.BusinessObjects.")
				.append(target.name())
				.append(")\"/>\n");
		}
		xml.append("   </EntityType>\n");
		xml.append("   <EntityContainer Name=\"Container\">\n");
		xml.append("    <EntitySet Name=\"")
			.append(definition.collection())
			.append("\" EntityType=\"Ivanti.Saas.BusinessObjects.")
			.append(definition.name())
			.append("\"/>\n");
		xml.append("   </EntityContainer>\n");
		xml.append("  </Schema>\n");
		xml.append(" </edmx:DataServices>\n");
		xml.append("</edmx:Edmx>\n");
		SimResponse response = SimResponse.text(200, xml.toString());
		response.headers().put("Content-Type", new ArrayList<>(List.of("application/xml;charset=UTF-8")));
		return response;
	}

	private static String edmType(FieldDefinition field) {
		return switch (field.type()) {
			case "decimal" -> "Edm.Decimal";
			case "int" -> "Edm.Int32";
			case "boolean" -> "Edm.Boolean";
			case "datetime" -> "Edm.DateTimeOffset";
			default -> "Edm.String";
		};
	}

	/**
	 * Options for an {@link IvantiSimulator}.
	 */
	public static final class Builder {

		private final Set<String> apiKeys = new LinkedHashSet<>(Set.of(DEFAULT_API_KEY));

		private final List<RateLimitRule> rateLimits = new ArrayList<>();

		private final List<BusinessObjectDefinition> businessObjects = new ArrayList<>();

		private final Map<String, List<Map<String, String>>> seed = new java.util.LinkedHashMap<>();

		private Clock clock = Clock.systemUTC();

		private int journalCapacity = 10_000;

		private int maxPageSize = 100;

		private boolean noContentWhenEmpty;

		private Builder() {
		}

		/**
		 * Replaces the default REST API key; call again to add more.
		 * @param key the key (its Reference ID in the Configuration Console)
		 * @return this builder
		 */
		public Builder apiKey(String key) {
			this.apiKeys.remove(DEFAULT_API_KEY);
			this.apiKeys.add(key);
			return this;
		}

		/**
		 * Adds a business object with text fields and optional relationships (name to
		 * related collection), such as a tenant's own CI subtype.
		 * @param name the business object name, such as {@code CI__Router} (the
		 * collection is the name plus {@code s})
		 * @param parentCollection the parent collection such as {@code CIs}, or
		 * {@code null}
		 * @param textFields its own text fields
		 * @param relationships its own relationships
		 * @return this builder
		 */
		public Builder businessObject(String name, String parentCollection, List<String> textFields,
				Map<String, String> relationships) {
			this.businessObjects.add(BusinessObjectDefinition.of(name, parentCollection,
					textFields.stream().map((field) -> FieldDefinition.text(field, 255)).toList(), relationships));
			return this;
		}

		/**
		 * Adds a record present from the start and after a reset.
		 * @param collection the collection, such as {@code CI__Servers}
		 * @param fields its fields
		 * @return this builder
		 */
		public Builder seed(String collection, Map<String, String> fields) {
			this.seed.computeIfAbsent(collection, (c) -> new ArrayList<>()).add(Map.copyOf(fields));
			return this;
		}

		/**
		 * Sets the most records one page holds, whatever {@code $top} asks (default 100).
		 * @param size the size
		 * @return this builder
		 */
		public Builder maxPageSize(int size) {
			this.maxPageSize = size;
			return this;
		}

		/**
		 * Answers a query without matches {@code 204 No Content}, as some releases
		 * reportedly do, instead of an empty {@code value}.
		 * @return this builder
		 */
		public Builder noContentWhenEmpty() {
			this.noContentWhenEmpty = true;
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
		public IvantiSimulator build() {
			return new IvantiSimulator(this);
		}

	}

}
