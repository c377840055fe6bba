package io.itsmhub.simulators.jsmassets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import io.itsmhub.simulators.core.Json;
import io.itsmhub.simulators.core.RecordedRequest;

/**
 * Checks recorded requests against an OpenAPI 3.0 document: the path exists with that
 * method, required query parameters are present, and a JSON body is valid against the
 * operation's schema (networknt json-schema-validator with the OpenAPI 3.0 dialect).
 */
final class OpenApiContract {

	private static final Pattern API_PATH = Pattern
		.compile("(?:/ex/jira/[^/]+)?/jsm/(?:assets|insight)/workspace/[^/]+/v1(/.*)");

	private final String resource;

	private final JsonNode spec;

	private final List<Template> templates = new ArrayList<>();

	private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
			(builder) -> builder.metaSchema(OpenApi30.getInstance())
				.defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));

	private final Map<String, JsonSchema> schemas = new HashMap<>();

	private OpenApiContract(String resource, JsonNode spec) {
		this.resource = resource;
		this.spec = spec;
		Iterator<String> paths = spec.path("paths").fieldNames();
		while (paths.hasNext()) {
			String path = paths.next();
			this.templates.add(new Template(path,
					Pattern.compile(Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"))));
		}
		// Prefer the most literal template: /object/create over /object/{id}.
		this.templates.sort(Comparator.comparingInt((Template t) -> t.path.split("\\{").length)
			.thenComparing((Template t) -> t.path.length(), Comparator.reverseOrder()));
	}

	static OpenApiContract load(String resource) {
		try (InputStream in = OpenApiContract.class.getResourceAsStream("/" + resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing test resource " + resource);
			}
			return new OpenApiContract(resource, Json.MAPPER.readTree(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The spec path and method a request was matched to, or {@code null}. */
	String operationOf(RecordedRequest request) {
		Matcher api = API_PATH.matcher(request.path());
		if (!api.matches()) {
			return null;
		}
		for (Template template : this.templates) {
			if (template.regex.matcher(api.group(1)).matches()
					&& this.spec.path("paths").path(template.path).has(request.method().toLowerCase(Locale.ROOT))) {
				return request.method() + " " + template.path;
			}
		}
		return null;
	}

	/**
	 * The ways a request breaks the specification.
	 * @param request the recorded request
	 * @return the violations, empty when it conforms
	 */
	List<String> violations(RecordedRequest request) {
		List<String> violations = new ArrayList<>();
		String name = "#" + request.sequence() + " " + request.method() + " " + request.path();
		Matcher api = API_PATH.matcher(request.path());
		if (!api.matches()) {
			violations.add(name + ": not below the Assets API base path");
			return violations;
		}
		String path = api.group(1);
		List<Template> matching = this.templates.stream().filter((t) -> t.regex.matcher(path).matches()).toList();
		if (matching.isEmpty()) {
			violations.add(name + ": no such path in the specification");
			return violations;
		}
		String method = request.method().toLowerCase(Locale.ROOT);
		Template template = matching.stream()
			.filter((t) -> this.spec.path("paths").path(t.path).has(method))
			.findFirst()
			.orElse(null);
		if (template == null) {
			violations.add(name + ": method not in the specification for " + matching.get(0).path);
			return violations;
		}
		JsonNode pathItem = this.spec.path("paths").path(template.path);
		JsonNode operation = pathItem.path(method);
		List<JsonNode> parameters = new ArrayList<>();
		pathItem.path("parameters").forEach(parameters::add);
		operation.path("parameters").forEach(parameters::add);
		for (JsonNode parameter : parameters) {
			JsonNode resolved = resolve(parameter);
			if ("query".equals(resolved.path("in").asText()) && resolved.path("required").asBoolean(false)
					&& !request.query().containsKey(resolved.path("name").asText())) {
				violations.add(name + ": required query parameter " + resolved.path("name").asText() + " is missing");
			}
		}
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
			body = Json.MAPPER.readTree(request.body());
		}
		catch (IOException ex) {
			violations.add(name + ": the body is not JSON");
			return violations;
		}
		JsonNode schemaNode = requestBody.path("content").path("application/json").path("schema");
		if (schemaNode.isMissingNode()) {
			return violations;
		}
		String pointer = schemaNode.has("$ref") ? schemaNode.get("$ref").asText()
				: "#/paths/" + escape(template.path) + "/" + method + "/requestBody/content/application~1json/schema";
		Set<ValidationMessage> errors = schema(pointer).validate(body);
		boolean accepted = request.status() == 0 || (request.status() >= 200 && request.status() < 300);
		// A body the specification rejects must have been rejected by the simulator too.
		if (!errors.isEmpty() && accepted) {
			violations.add(name + ": accepted a body that breaks " + pointer + ": " + errors);
		}
		return violations;
	}

	private JsonSchema schema(String pointer) {
		return this.schemas.computeIfAbsent(pointer,
				(p) -> this.factory.getSchema(SchemaLocation.of("classpath:" + this.resource + p)));
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

	private record Template(String path, Pattern regex) {
	}

}
