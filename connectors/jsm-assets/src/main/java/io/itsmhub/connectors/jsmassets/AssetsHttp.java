package io.itsmhub.connectors.jsmassets;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.itsmhub.api.target.HttpFailures;
import io.itsmhub.api.target.Secret;
import io.itsmhub.api.target.TargetException;
import io.itsmhub.api.target.TargetFailure;

/**
 * The HTTP transport to one Assets workspace: discovers the workspace id when it is not
 * configured, signs requests (basic or bearer), and turns every answer that is not a
 * success into a classified {@link TargetException} carrying Assets' own error text.
 */
final class AssetsHttp {

	static final ObjectMapper JSON = new ObjectMapper();

	private final JsmAssetsProperties properties;

	private final HttpClient client;

	private volatile String apiRoot;

	AssetsHttp(JsmAssetsProperties properties, HttpClient client) {
		this.properties = properties;
		this.client = client;
	}

	JsmAssetsProperties properties() {
		return this.properties;
	}

	/**
	 * The API root, {@code .../jsm/assets/workspace/<id>/v1}, discovering the id once.
	 */
	String apiRoot() {
		String root = this.apiRoot;
		if (root == null) {
			String workspace = this.properties.workspaceId();
			if (workspace == null || workspace.isBlank()) {
				workspace = new WorkspaceResource(this).discover();
			}
			String base = trim(this.properties.apiBaseUrl());
			String cloud = this.properties.cloudId();
			root = base + ((cloud != null && !cloud.isBlank()) ? "/ex/jira/" + cloud : "") + "/jsm/assets/workspace/"
					+ workspace + "/v1";
			this.apiRoot = root;
		}
		return root;
	}

	String siteUrl() {
		return trim(this.properties.siteUrl());
	}

	/**
	 * Where Jira's own REST API is: the gateway's {@code /ex/jira/<cloudId>} when a cloud
	 * id is set (OAuth 2.0), else the site; empty when neither is configured.
	 */
	String jiraRoot() {
		String cloud = this.properties.cloudId();
		if (cloud != null && !cloud.isBlank()) {
			return trim(this.properties.apiBaseUrl()) + "/ex/jira/" + cloud.trim();
		}
		return siteUrl();
	}

	private static String trim(String url) {
		String text = (url != null) ? url.trim() : "";
		return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
	}

	static String query(String path, Map<String, String> params) {
		StringJoiner joined = new StringJoiner("&", path + "?", "");
		params.forEach((name, value) -> joined.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
				+ URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return joined.toString();
	}

	static Map<String, String> params(String... pairs) {
		Map<String, String> params = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			params.put(pairs[i], pairs[i + 1]);
		}
		return params;
	}

	/** Sends to a path below the API root. */
	JsonNode api(String method, String path, JsonNode body) {
		return send(method, URI.create(apiRoot() + path), body, null).json();
	}

	/**
	 * Sends to an absolute URL (import links, the site), optionally with another token.
	 */
	Response send(String method, URI uri, JsonNode body, Secret bearer) {
		byte[] bytes;
		try {
			bytes = (body != null) ? JSON.writeValueAsBytes(body) : null;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(this.properties.timeout())
			.header(AssetsParams.HEADER_ACCEPT, AssetsParams.APPLICATION_JSON)
			.header(AssetsParams.HEADER_AUTHORIZATION, authorization(bearer))
			.method(method, (bytes != null) ? HttpRequest.BodyPublishers.ofByteArray(bytes)
					: HttpRequest.BodyPublishers.noBody());
		if (bytes != null) {
			request.header(AssetsParams.HEADER_CONTENT_TYPE, AssetsParams.APPLICATION_JSON);
		}
		Response response;
		try {
			HttpResponse<byte[]> answer = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			response = new Response(answer.statusCode(), answer.headers().map(), parse(answer.body()));
		}
		catch (IOException ex) {
			throw new TargetException(HttpFailures.io(ex), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TargetException(new TargetFailure(TargetFailure.Kind.TRANSIENT, "interrupted", null, null, null));
		}
		if (response.status() >= 200 && response.status() < 300) {
			return response;
		}
		throw new TargetException(HttpFailures.classify(response.status(),
				response.header(AssetsParams.HEADER_RETRY_AFTER), errorMessage(response.status(), response.json()),
				this.properties.credentialProperty(), this.properties.accountProperty()));
	}

	/**
	 * Assets' own error text: {@code errorMessages} and the per-attribute {@code errors}.
	 */
	static String errorMessage(int status, JsonNode body) {
		StringJoiner joined = new StringJoiner("; ");
		body.path("errorMessages").forEach((message) -> joined.add(message.asText()));
		body.path("errors")
			.fields()
			.forEachRemaining((entry) -> joined.add(entry.getKey() + ": " + entry.getValue().asText()));
		if (joined.length() == 0 && body.has("errorCode")) {
			joined.add(body.path("errorCode").asText());
		}
		return (joined.length() > 0) ? joined.toString() : "HTTP " + status;
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

	private String authorization(Secret bearer) {
		if (bearer != null && !bearer.isEmpty()) {
			return "Bearer " + bearer.reveal();
		}
		if (this.properties.auth() == JsmAssetsProperties.AuthMode.BEARER) {
			return "Bearer " + this.properties.bearerToken().reveal();
		}
		String email = (this.properties.email() != null) ? this.properties.email() : "";
		return "Basic " + Base64.getEncoder()
			.encodeToString((email + ":" + this.properties.apiToken().reveal()).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * One answer.
	 *
	 * @param status the HTTP status
	 * @param headers the headers
	 * @param json the body, {@code MissingNode} when empty or not JSON
	 */
	record Response(int status, Map<String, List<String>> headers, JsonNode json) {

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.flatMap((entry) -> entry.getValue().stream())
				.findFirst()
				.orElse(null);
		}

	}

}
