package io.itsmhub.connectors.haloitsm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;

/**
 * Checks a request against Halo's OpenAPI 3.0 document (server {@code /api}): the path
 * exists with that method, every query parameter is one the operation declares and has
 * the declared type (Halo writes {@code int} and {@code bool}), and a JSON body the
 * platform accepted is valid against the operation's request schema (networknt
 * json-schema-validator with the OpenAPI 3.0 dialect). The approach of the JSM Assets
 * simulator's {@code OpenApiContract}, for a document whose paths sit below {@code /api}.
 */
final class HaloOpenApiContract {

	static final String SPEC = "HaloITSM-swagger.json";

	private static final String API = "/api";

	/**
	 * Query parameters whose declared type in Halo's generated document contradicts their
	 * use: {@code lastupdatefromdate} and {@code lastupdatetodate} are declared
	 * {@code bool} ("Include the field lastupdatefromdate in the response"), but Halo
	 * clients send them as date filters (UTC {@code yyyy-MM-ddTHH:mm:ss}); they are
	 * checked as such. The connector's README lists this as an open point.
	 */
	static final Map<String, String> TYPE_OVERRIDES = Map.of("lastupdatefromdate", "date-time", "lastupdatetodate",
			"date-time");

	private final JsonNode spec;

	private final List<Template> templates = new ArrayList<>();

	private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
			(builder) -> builder.metaSchema(OpenApi30.getInstance())
				.defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));

	private final Map<String, JsonSchema> schemas = new HashMap<>();

	private HaloOpenApiContract(JsonNode spec) {
		this.spec = spec;
		Iterator<String> paths = spec.path("paths").fieldNames();
		while (paths.hasNext()) {
			String path = paths.next();
			this.templates.add(new Template(path,
					Pattern.compile("(?i)" + Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"))));
		}
		// Prefer the most literal template: /Asset/GetAllTags over /Asset/{id}.
		this.templates.sort(Comparator.comparingInt((Template t) -> t.path.split("\\{").length)
			.thenComparing((Template t) -> t.path.length(), Comparator.reverseOrder()));
	}

	static HaloOpenApiContract load() {
		try (InputStream in = HaloOpenApiContract.class.getResourceAsStream("/" + SPEC)) {
			if (in == null) {
				throw new IllegalStateException("Missing test resource " + SPEC);
			}
			return new HaloOpenApiContract(HaloHttp.JSON.readTree(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The operation ({@code POST /Asset}) a request matched, or {@code null}. */
	String operationOf(Request request) {
		Template template = template(request);
		return (template != null) ? request.method() + " " + template.path : null;
	}

	private Template template(Request request) {
		if (!request.path().startsWith(API + "/")) {
			return null;
		}
		String path = request.path().substring(API.length());
		String method = request.method().toLowerCase(Locale.ROOT);
		return this.templates.stream()
			.filter((t) -> t.regex.matcher(path).matches() && this.spec.path("paths").path(t.path).has(method))
			.findFirst()
			.orElse(null);
	}

	/**
	 * The ways a request breaks the specification.
	 * @param request the recorded request
	 * @return the violations, empty when it conforms
	 */
	List<String> violations(Request request) {
		List<String> violations = new ArrayList<>();
		String name = request.method() + " " + request.path();
		if (!request.path().startsWith(API + "/")) {
			violations.add(name + ": not below the API's server path " + API);
			return violations;
		}
		String path = request.path().substring(API.length());
		List<Template> matching = this.templates.stream().filter((t) -> t.regex.matcher(path).matches()).toList();
		if (matching.isEmpty()) {
			violations.add(name + ": no such path in the specification");
			return violations;
		}
		Template template = template(request);
		if (template == null) {
			violations.add(name + ": method not in the specification for " + matching.get(0).path);
			return violations;
		}
		String method = request.method().toLowerCase(Locale.ROOT);
		JsonNode pathItem = this.spec.path("paths").path(template.path);
		JsonNode operation = pathItem.path(method);
		Map<String, JsonNode> declared = new LinkedHashMap<>();
		pathItem.path("parameters").forEach((p) -> declared.put(resolve(p).path("name").asText(), resolve(p)));
		operation.path("parameters").forEach((p) -> declared.put(resolve(p).path("name").asText(), resolve(p)));
		request.query().forEach((param, values) -> {
			JsonNode parameter = declared.get(param);
			if (parameter == null || !"query".equals(parameter.path("in").asText())) {
				violations.add(name + ": query parameter " + param + " is not declared for " + request.method() + " "
						+ template.path);
				return;
			}
			String type = TYPE_OVERRIDES.getOrDefault(param, parameter.path("schema").path("type").asText(""));
			for (String value : values) {
				if (Set.of("int", "integer").contains(type) && !value.matches("-?\\d+")) {
					violations.add(name + ": query parameter " + param + "=" + value + " is no " + type);
				}
				if (Set.of("bool", "boolean").contains(type) && !value.matches("true|false")) {
					violations.add(name + ": query parameter " + param + "=" + value + " is no " + type);
				}
				if (type.equals("date-time") && !value.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d")) {
					violations.add(name + ": query parameter " + param + "=" + value + " is no " + type);
				}
			}
		});
		declared.values().forEach((parameter) -> {
			if ("query".equals(parameter.path("in").asText()) && parameter.path("required").asBoolean(false)
					&& !request.query().containsKey(parameter.path("name").asText())) {
				violations.add(name + ": required query parameter " + parameter.path("name").asText() + " is missing");
			}
		});
		JsonNode requestBody = resolve(operation.path("requestBody"));
		boolean hasBody = request.body() != null && !request.body().isBlank();
		if (requestBody.isMissingNode()) {
			if (hasBody) {
				violations.add(name + ": the operation takes no request body");
			}
			return violations;
		}
		if (!hasBody) {
			if (requestBody.path("required").asBoolean(false)) {
				violations.add(name + ": the request body is required");
			}
			return violations;
		}
		JsonNode body;
		try {
			body = HaloHttp.JSON.readTree(request.body());
		}
		catch (IOException ex) {
			violations.add(name + ": the body is not JSON");
			return violations;
		}
		JsonNode schemaNode = requestBody.path("content").path("application/json").path("schema");
		if (schemaNode.isMissingNode()) {
			violations.add(name + ": the operation takes no application/json body");
			return violations;
		}
		String pointer = schemaNode.has("$ref") ? schemaNode.get("$ref").asText()
				: "#/paths/" + escape(template.path) + "/" + method + "/requestBody/content/application~1json/schema";
		Set<ValidationMessage> errors = schema(pointer).validate(body);
		boolean accepted = request.status() >= 200 && request.status() < 300;
		// A body the specification rejects must have been rejected by the simulator too.
		if (!errors.isEmpty() && accepted) {
			violations.add(name + ": accepted a body that breaks " + pointer + ": " + errors);
		}
		return violations;
	}

	/** Whether the specification accepts a body for an operation, whatever the status. */
	Set<ValidationMessage> bodyErrors(String method, String specPath, JsonNode body) {
		return schema("#/paths/" + escape(specPath) + "/" + method.toLowerCase(Locale.ROOT)
				+ "/requestBody/content/application~1json/schema")
			.validate(body);
	}

	private JsonSchema schema(String pointer) {
		return this.schemas.computeIfAbsent(pointer,
				(p) -> this.factory.getSchema(SchemaLocation.of("classpath:" + SPEC + p)));
	}

	private JsonNode resolve(JsonNode node) {
		JsonNode current = node;
		while (current.has("$ref")) {
			current = this.spec.at(current.get("$ref").asText().substring(1));
		}
		return current;
	}

	private static String escape(String path) {
		return path.replace("~", "~0").replace("/", "~1");
	}

	/**
	 * One request as the simulator's {@code _sim/requests} lists it.
	 *
	 * @param method the method
	 * @param path the path below the simulator's base
	 * @param query the decoded query parameters
	 * @param body the body, or {@code null}
	 * @param status the status the simulator answered
	 */
	record Request(String method, String path, Map<String, List<String>> query, String body, int status) {

		static Request of(JsonNode recorded) {
			Map<String, List<String>> query = new LinkedHashMap<>();
			recorded.path("query").fields().forEachRemaining((entry) -> {
				List<String> values = new ArrayList<>();
				entry.getValue().forEach((value) -> values.add(value.asText()));
				query.put(entry.getKey(), values);
			});
			return new Request(recorded.path("method").asText(), recorded.path("path").asText(), query,
					recorded.path("body").isNull() ? null : recorded.path("body").asText(),
					recorded.path("status").asInt());
		}

	}

	private record Template(String path, Pattern regex) {
	}

}
