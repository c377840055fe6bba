package io.itsmhub.connectors.servicenow;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.itsmhub.api.target.HttpFailures;
import io.itsmhub.api.target.TargetException;
import io.itsmhub.api.target.TargetFailure;

/**
 * The HTTP transport to one ServiceNow instance: signs every request (basic, or a bearer
 * token from {@link OAuthTokenResource}), sends JSON, reads JSON, and turns every answer
 * that is not a success into a classified {@link TargetException}. Credentials go into
 * the {@code Authorization} header and nowhere else.
 */
final class ServiceNowHttp {

	static final ObjectMapper JSON = new ObjectMapper();

	private final ServiceNowProperties properties;

	private final HttpClient client;

	private final String baseUrl;

	private final OAuthTokenResource tokens;

	ServiceNowHttp(ServiceNowProperties properties, HttpClient client) {
		this.properties = properties;
		this.client = client;
		String url = (properties.baseUrl() != null) ? properties.baseUrl().trim() : "";
		this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
		this.tokens = new OAuthTokenResource(this, properties);
	}

	ServiceNowProperties properties() {
		return this.properties;
	}

	/** A path below the base URL with query parameters, encoded. */
	static String path(String path, Map<String, String> query) {
		if (query.isEmpty()) {
			return path;
		}
		StringJoiner joined = new StringJoiner("&", path + "?", "");
		query.forEach((name, value) -> joined.add(encode(name) + "=" + encode(value)));
		return joined.toString();
	}

	static Map<String, String> query(String... pairs) {
		Map<String, String> query = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			if (pairs[i + 1] != null) {
				query.put(pairs[i], pairs[i + 1]);
			}
		}
		return query;
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** Sends a JSON request to a path below the base URL. */
	Response send(String method, String pathAndQuery, JsonNode body) {
		return send(method, URI.create(this.baseUrl + pathAndQuery), body, true);
	}

	/** Sends a GET to an absolute URL the instance gave (a {@code Link} header). */
	Response get(URI uri) {
		return send("GET", uri, null, true);
	}

	private Response send(String method, URI uri, JsonNode body, boolean mayRenewToken) {
		byte[] bytes;
		try {
			bytes = (body != null) ? JSON.writeValueAsBytes(body) : null;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(this.properties.timeout())
			.header(ServiceNowParams.HEADER_ACCEPT, ServiceNowParams.APPLICATION_JSON)
			.header(ServiceNowParams.HEADER_AUTHORIZATION, authorization())
			.method(method, (bytes != null) ? HttpRequest.BodyPublishers.ofByteArray(bytes)
					: HttpRequest.BodyPublishers.noBody());
		if (bytes != null) {
			request.header(ServiceNowParams.HEADER_CONTENT_TYPE, ServiceNowParams.APPLICATION_JSON);
		}
		Response response = exchange(request.build());
		if (response.status() == 401 && mayRenewToken
				&& this.properties.auth() == ServiceNowProperties.AuthMode.OAUTH2) {
			this.tokens.forget();
			return send(method, uri, body, false);
		}
		return requireSuccess(response);
	}

	/** Sends a form (the token endpoint), without an {@code Authorization} header. */
	Response sendForm(String path, Map<String, String> form) {
		StringJoiner joined = new StringJoiner("&");
		form.forEach((name, value) -> joined.add(encode(name) + "=" + encode(value)));
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(this.properties.timeout())
			.header(ServiceNowParams.HEADER_ACCEPT, ServiceNowParams.APPLICATION_JSON)
			.header(ServiceNowParams.HEADER_CONTENT_TYPE, ServiceNowParams.FORM_URLENCODED)
			.POST(HttpRequest.BodyPublishers.ofString(joined.toString()))
			.build();
		return requireSuccess(exchange(request));
	}

	private Response exchange(HttpRequest request) {
		try {
			HttpResponse<byte[]> response = this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), response.headers().map(), parse(response.body()),
					response.body().length);
		}
		catch (IOException ex) {
			throw new TargetException(HttpFailures.io(ex), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TargetException(new TargetFailure(TargetFailure.Kind.TRANSIENT, "interrupted", null, null, null));
		}
	}

	private Response requireSuccess(Response response) {
		if (response.status() >= 200 && response.status() < 300) {
			if (response.length() > 0 && response.json().isMissingNode()) {
				throw new TargetException(new TargetFailure(TargetFailure.Kind.TRANSIENT,
						"the answer is not readable JSON", response.status(), null, null));
			}
			return response;
		}
		throw new TargetException(
				failure(response.status(), response.header(ServiceNowParams.HEADER_RETRY_AFTER), response.json()));
	}

	/** Classifies a status with the platform's error body. */
	TargetFailure failure(int status, String retryAfter, JsonNode body) {
		return HttpFailures.classify(status, retryAfter, errorMessage(status, body),
				this.properties.credentialProperty(), this.properties.accountProperty());
	}

	/** The platform's own error text: {@code error.message: error.detail}. */
	static String errorMessage(int status, JsonNode body) {
		JsonNode error = body.path("error");
		String message = error.path("message").asText("");
		String detail = error.path("detail").asText("");
		if (message.isEmpty() && body.has("error_description")) {
			message = body.path("error_description").asText();
		}
		if (message.isEmpty()) {
			return "HTTP " + status;
		}
		return detail.isEmpty() ? message : message + ": " + detail;
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

	private String authorization() {
		if (this.properties.auth() == ServiceNowProperties.AuthMode.OAUTH2) {
			return "Bearer " + this.tokens.accessToken();
		}
		String user = (this.properties.username() != null) ? this.properties.username() : "";
		return "Basic " + Base64.getEncoder()
			.encodeToString((user + ":" + this.properties.password().reveal()).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * One answer.
	 *
	 * @param status the HTTP status
	 * @param headers the headers
	 * @param json the body, {@code MissingNode} when empty or not JSON
	 * @param length the body's length in bytes
	 */
	record Response(int status, Map<String, java.util.List<String>> headers, JsonNode json, int length) {

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.flatMap((entry) -> entry.getValue().stream())
				.findFirst()
				.orElse(null);
		}

		/** The {@code rel="next"} URL of the {@code Link} header. */
		Optional<URI> nextLink() {
			String link = header(ServiceNowParams.HEADER_LINK);
			if (link == null) {
				return Optional.empty();
			}
			for (String part : link.split(",")) {
				if (part.contains("rel=\"next\"")) {
					int start = part.indexOf('<');
					int end = part.indexOf('>');
					if (start >= 0 && end > start) {
						return Optional.of(URI.create(part.substring(start + 1, end).trim()));
					}
				}
			}
			return Optional.empty();
		}

	}

	/** A bearer token and when to stop using it. */
	record Token(String value, Instant renewAt) {

		boolean fresh() {
			return Instant.now().isBefore(this.renewAt);
		}

		static Token of(String value, long expiresInSeconds) {
			long margin = Math.min(60, expiresInSeconds / 10);
			return new Token(value, Instant.now().plus(Duration.ofSeconds(expiresInSeconds - margin)));
		}

		@Override
		public String toString() {
			return "Token[renewAt=" + this.renewAt + "]";
		}

	}

}
