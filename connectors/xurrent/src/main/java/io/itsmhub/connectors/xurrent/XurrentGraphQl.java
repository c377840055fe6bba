package io.itsmhub.connectors.xurrent;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsmhub.api.target.HttpFailures;
import io.itsmhub.api.target.TargetException;
import io.itsmhub.api.target.TargetFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP transport to one Xurrent account: {@code POST <graphql-url>} with the bearer
 * token and the account header, JSON {@code {query, variables}}. An answer that is not a
 * success becomes a classified {@link TargetException} (401 names {@code token}, 403
 * {@code account-id}, 429 carries {@code Retry-After}); a 200 is handed back with its
 * {@code data} and top-level {@code errors} for the caller to judge. Every answer's
 * {@code x-ratelimit-*} and {@code x-costlimit-*} headers update {@link #budget()}.
 */
final class XurrentGraphQl {

	static final ObjectMapper JSON = new ObjectMapper();

	private static final Logger log = LoggerFactory.getLogger(XurrentGraphQl.class);

	private final XurrentProperties properties;

	private final HttpClient client;

	private volatile RateBudget budget = RateBudget.UNKNOWN;

	XurrentGraphQl(XurrentProperties properties, HttpClient client) {
		this.properties = properties;
		this.client = client;
	}

	RateBudget budget() {
		return this.budget;
	}

	/**
	 * Runs one GraphQL document.
	 * @param query the document
	 * @param variables its variables, may be {@code null}
	 * @return the answer (HTTP 200)
	 * @throws TargetException when the call failed as a whole
	 */
	Answer execute(String query, ObjectNode variables) {
		ObjectNode body = JSON.createObjectNode();
		body.put("query", query);
		if (variables != null && !variables.isEmpty()) {
			body.set("variables", variables);
		}
		byte[] bytes;
		try {
			bytes = JSON.writeValueAsBytes(body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.properties.graphqlUrl().trim()))
			.timeout(this.properties.timeout())
			.header(GraphQlParams.HEADER_ACCEPT, GraphQlParams.APPLICATION_JSON)
			.header(GraphQlParams.HEADER_CONTENT_TYPE, GraphQlParams.APPLICATION_JSON)
			.header(GraphQlParams.HEADER_AUTHORIZATION, "Bearer " + this.properties.token().reveal())
			.header(this.properties.accountHeader(),
					(this.properties.accountId() != null) ? this.properties.accountId() : "")
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
			.build();
		HttpResponse<byte[]> response = send(request);
		JsonNode json = parse(response.body());
		track(response);
		if (response.statusCode() < 200 || response.statusCode() >= 300) {
			String message = errorMessage(response.statusCode(), json);
			if (response.statusCode() == 429 && this.budget != RateBudget.UNKNOWN) {
				message += " (budget left: " + this.budget + ")";
			}
			throw new TargetException(HttpFailures.classify(response.statusCode(),
					header(response.headers().map(), GraphQlParams.HEADER_RETRY_AFTER), message,
					XurrentProperties.property("token"), XurrentProperties.property("account-id")));
		}
		if (json.isMissingNode()) {
			throw new TargetException(new TargetFailure(TargetFailure.Kind.TRANSIENT,
					"unreadable GraphQL answer (HTTP " + response.statusCode() + ")", response.statusCode(), null,
					null));
		}
		return new Answer(json.path("data"), json.path("errors"));
	}

	/**
	 * Reads a document from a pre-signed URL (an async query's {@code resultUrl}):
	 * without the token, which must not travel to the storage host.
	 */
	JsonNode download(String url) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(this.properties.timeout())
			.header(GraphQlParams.HEADER_ACCEPT, GraphQlParams.APPLICATION_JSON)
			.GET()
			.build();
		HttpResponse<byte[]> response = send(request);
		if (response.statusCode() < 200 || response.statusCode() >= 300) {
			throw new TargetException(HttpFailures.classify(response.statusCode(),
					header(response.headers().map(), GraphQlParams.HEADER_RETRY_AFTER),
					"async query result: HTTP " + response.statusCode(), null, null));
		}
		return parse(response.body());
	}

	private HttpResponse<byte[]> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new TargetException(HttpFailures.io(ex), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TargetException(new TargetFailure(TargetFailure.Kind.TRANSIENT, "interrupted", null, null, null));
		}
	}

	private void track(HttpResponse<byte[]> response) {
		Map<String, List<String>> headers = response.headers().map();
		if (header(headers, GraphQlParams.RATE_REMAINING) == null
				&& header(headers, GraphQlParams.COST_REMAINING) == null) {
			return;
		}
		RateBudget now = new RateBudget(number(headers, GraphQlParams.RATE_REMAINING),
				number(headers, GraphQlParams.RATE_LIMIT), number(headers, GraphQlParams.COST_REMAINING),
				number(headers, GraphQlParams.COST_LIMIT),
				Math.max(number(headers, GraphQlParams.RATE_RESET), number(headers, GraphQlParams.COST_RESET)));
		if (now.low() && !this.budget.low()) {
			log.warn("Xurrent budget of account '{}' is running low: {}", this.properties.accountId(), now);
		}
		this.budget = now;
	}

	private static long number(Map<String, List<String>> headers, String name) {
		String value = header(headers, name);
		try {
			return (value != null) ? Long.parseLong(value.trim()) : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	static String header(Map<String, List<String>> headers, String name) {
		return headers.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
			.flatMap((entry) -> entry.getValue().stream())
			.findFirst()
			.orElse(null);
	}

	/** The messages of a GraphQL {@code errors} array, joined. */
	static String messages(JsonNode errors) {
		StringJoiner joined = new StringJoiner("; ");
		for (JsonNode error : errors) {
			JsonNode path = error.path("path");
			String where = (path.isArray() && !path.isEmpty()) ? join(path) + ": " : "";
			joined.add(where + error.path("message").asText());
		}
		return joined.toString();
	}

	private static String join(JsonNode path) {
		StringJoiner joined = new StringJoiner(".");
		path.forEach((part) -> joined.add(part.asText()));
		return joined.toString();
	}

	private static String errorMessage(int status, JsonNode body) {
		String messages = messages(body.path("errors"));
		if (!messages.isEmpty()) {
			return messages;
		}
		return body.hasNonNull("message") ? body.path("message").asText() : "HTTP " + status;
	}

	private static JsonNode parse(byte[] body) {
		if (body == null || body.length == 0) {
			return MissingNode.getInstance();
		}
		try {
			JsonNode node = JSON.readTree(body);
			return (node != null) ? node : MissingNode.getInstance();
		}
		catch (IOException ex) {
			return MissingNode.getInstance();
		}
	}

	/**
	 * A GraphQL answer.
	 *
	 * @param data the {@code data} object, missing or null when nothing ran
	 * @param errors the top-level {@code errors}, missing when none
	 */
	record Answer(JsonNode data, JsonNode errors) {

		boolean hasErrors() {
			return this.errors.isArray() && !this.errors.isEmpty();
		}

		/** The data, or a permanent failure when the request was refused as a whole. */
		JsonNode requireData() {
			if (hasErrors() && (this.data.isMissingNode() || this.data.isNull())) {
				throw new TargetException(
						new TargetFailure(TargetFailure.Kind.PERMANENT, messages(this.errors), 400, null, null));
			}
			return this.data;
		}

		/** The top-level error of one aliased root field, or {@code null}. */
		String errorFor(String alias) {
			StringJoiner joined = new StringJoiner("; ");
			for (JsonNode error : this.errors) {
				if (error.path("path").path(0).asText().equals(alias)) {
					joined.add(error.path("message").asText());
				}
			}
			return (joined.length() > 0) ? joined.toString() : null;
		}

	}

}
