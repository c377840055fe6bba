package io.itsmhub.connectors.ivanti;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.itsmhub.api.target.HttpFailures;
import io.itsmhub.api.target.TargetException;
import io.itsmhub.api.target.TargetFailure;

/**
 * The HTTP transport to one tenant: signs each request with the REST API key, and turns
 * every answer that is not a success into a classified {@link TargetException} carrying
 * Ivanti's own error text ({@code code}, {@code description}, {@code message}).
 */
final class IvantiHttp {

	static final ObjectMapper JSON = new ObjectMapper();

	private final IvantiProperties properties;

	private final HttpClient client;

	IvantiHttp(IvantiProperties properties, HttpClient client) {
		this.properties = properties;
		this.client = client;
	}

	IvantiProperties properties() {
		return this.properties;
	}

	/** {@code <baseUrl>} without a trailing slash. */
	String root() {
		String text = (this.properties.baseUrl() != null) ? this.properties.baseUrl().trim() : "";
		return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
	}

	/**
	 * A path with query parameters: names as OData writes them ({@code $filter}), values
	 * percent-encoded (spaces as {@code %20}, never {@code +}).
	 */
	static String query(String path, Map<String, String> params) {
		if (params.isEmpty()) {
			return path;
		}
		StringJoiner joined = new StringJoiner("&", path + "?", "");
		params.forEach((name, value) -> joined
			.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
		return joined.toString();
	}

	static Map<String, String> params(String... pairs) {
		Map<String, String> params = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			if (pairs[i + 1] != null) {
				params.put(pairs[i], pairs[i + 1]);
			}
		}
		return params;
	}

	/**
	 * Sends JSON to a path below the base URL; an empty answer (204) is a missing node.
	 */
	JsonNode json(String method, String path, JsonNode body) {
		return parse(send(method, path, body, ODataParams.APPLICATION_JSON).body());
	}

	/** Reads a path below the base URL as text (the CSDL {@code $metadata}). */
	String text(String path) {
		byte[] body = send("GET", path, null, ODataParams.APPLICATION_XML).body();
		return (body != null) ? new String(body, StandardCharsets.UTF_8) : "";
	}

	private HttpResponse<byte[]> send(String method, String path, JsonNode body, String accept) {
		byte[] bytes;
		try {
			bytes = (body != null) ? JSON.writeValueAsBytes(body) : null;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		HttpRequest.Builder request;
		try {
			request = HttpRequest.newBuilder(URI.create(root() + path));
		}
		catch (IllegalArgumentException ex) {
			throw new TargetException(new TargetFailure(TargetFailure.Kind.PERMANENT, "not a URL: " + ex.getMessage(),
					null, null, IvantiProperties.property("base-url")));
		}
		request.timeout(this.properties.timeout())
			.header(ODataParams.HEADER_ACCEPT, accept)
			.header(ODataParams.HEADER_AUTHORIZATION, ODataParams.REST_API_KEY + this.properties.apiKey().reveal())
			.method(method, (bytes != null) ? HttpRequest.BodyPublishers.ofByteArray(bytes)
					: HttpRequest.BodyPublishers.noBody());
		if (bytes != null) {
			request.header(ODataParams.HEADER_CONTENT_TYPE, ODataParams.APPLICATION_JSON);
		}
		HttpResponse<byte[]> answer;
		try {
			answer = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new TargetException(HttpFailures.io(ex), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TargetException(new TargetFailure(TargetFailure.Kind.TRANSIENT, "interrupted", null, null, null));
		}
		int status = answer.statusCode();
		if (status >= 200 && status < 300) {
			return answer;
		}
		String credential = IvantiProperties.property("api-key");
		throw new TargetException(
				HttpFailures.classify(status, answer.headers().firstValue(ODataParams.HEADER_RETRY_AFTER).orElse(null),
						errorMessage(status, answer.body()), credential, credential));
	}

	/**
	 * Ivanti's own error text: the {@code message} list, else {@code description}, else
	 * the start of the body.
	 */
	static String errorMessage(int status, byte[] body) {
		JsonNode json = parse(body);
		StringJoiner joined = new StringJoiner("; ");
		JsonNode message = json.path("message");
		if (message.isArray()) {
			message.forEach((line) -> joined.add(line.asText()));
		}
		else if (message.isTextual()) {
			joined.add(message.asText());
		}
		if (joined.length() == 0 && json.hasNonNull("description")) {
			joined.add(json.path("description").asText());
		}
		if (joined.length() == 0 && body != null && body.length > 0 && json.isMissingNode()) {
			String text = new String(body, StandardCharsets.UTF_8).strip();
			joined.add(text.length() > 300 ? text.substring(0, 300) + "..." : text);
		}
		String code = json.path("code").asText("");
		String text = (joined.length() > 0) ? joined.toString() : "HTTP " + status;
		return code.isEmpty() ? text : code + ": " + text;
	}

	static JsonNode parse(byte[] body) {
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

}
