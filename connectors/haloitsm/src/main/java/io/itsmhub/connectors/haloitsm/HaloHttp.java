package io.itsmhub.connectors.haloitsm;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.itsmhub.api.target.HttpFailures;
import io.itsmhub.api.target.TargetException;
import io.itsmhub.api.target.TargetFailure;

/**
 * The HTTP transport to one Halo tenant: gets an access token with the client credentials
 * grant and keeps it until shortly before it expires, signs every API call with it,
 * fetches a new token and tries once more when the API answers 401, and turns every
 * answer that is not a success into a classified {@link TargetException} carrying Halo's
 * own error text. The client secret goes only into the token request's form body.
 */
final class HaloHttp {

	static final ObjectMapper JSON = new ObjectMapper();

	/** A token is renewed this long before Halo says it expires. */
	private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);

	private final HaloItsmProperties properties;

	private final HttpClient client;

	private Token token;

	HaloHttp(HaloItsmProperties properties, HttpClient client) {
		this.properties = properties;
		this.client = client;
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

	/** Sends to a path below the API root and gives the body. */
	JsonNode api(String method, String path, JsonNode body) {
		return call(method, path, body).json();
	}

	/**
	 * Sends to a path below the API root, with a fresh token and one more try when Halo
	 * answers 401 (the token expired or was revoked early).
	 */
	Response call(String method, String path, JsonNode body) {
		byte[] bytes;
		try {
			bytes = (body != null) ? JSON.writeValueAsBytes(body) : null;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		URI uri = URI.create(this.properties.apiRoot() + path);
		Response response = send(apiRequest(method, uri, bytes, accessToken(false)));
		if (response.status() == 401) {
			response = send(apiRequest(method, uri, bytes, accessToken(true)));
		}
		if (response.status() >= 200 && response.status() < 300) {
			return response;
		}
		throw new TargetException(
				HttpFailures.classify(response.status(), response.header(HaloParams.HEADER_RETRY_AFTER),
						errorMessage(response), credentialProperty(), HaloItsmProperties.property("client-id")));
	}

	private HttpRequest apiRequest(String method, URI uri, byte[] bytes, String accessToken) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(this.properties.timeout())
			.header(HaloParams.HEADER_ACCEPT, HaloParams.APPLICATION_JSON)
			.header(HaloParams.HEADER_AUTHORIZATION, "Bearer " + accessToken)
			.method(method, (bytes != null) ? HttpRequest.BodyPublishers.ofByteArray(bytes)
					: HttpRequest.BodyPublishers.noBody());
		if (bytes != null) {
			request.header(HaloParams.HEADER_CONTENT_TYPE, HaloParams.APPLICATION_JSON);
		}
		return request.build();
	}

	/**
	 * The cached access token, or a new one when none is cached, it expires or is stale.
	 */
	synchronized String accessToken(boolean stale) {
		Token current = this.token;
		if (!stale && current != null && Instant.now().isBefore(current.renewAt())) {
			return current.value();
		}
		this.token = null;
		this.token = fetchToken();
		return this.token.value();
	}

	// POST {authUrl}/token grant_type=client_credentials&client_id&client_secret&scope
	private Token fetchToken() {
		String url = this.properties.tokenUrl();
		if (this.properties.tenant() != null && !this.properties.tenant().isBlank()) {
			url = query(url, params(HaloParams.TENANT, this.properties.tenant().trim()));
		}
		String form = HaloParams.GRANT_TYPE + "=" + HaloParams.CLIENT_CREDENTIALS + "&" + HaloParams.CLIENT_ID + "="
				+ encode(this.properties.clientId()) + "&" + HaloParams.CLIENT_SECRET + "="
				+ encode(this.properties.clientSecret().reveal()) + "&" + HaloParams.SCOPE + "="
				+ encode(this.properties.scope());
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(this.properties.timeout())
			.header(HaloParams.HEADER_ACCEPT, HaloParams.APPLICATION_JSON)
			.header(HaloParams.HEADER_CONTENT_TYPE, HaloParams.FORM_URLENCODED)
			.POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
			.build();
		Response response = send(request);
		JsonNode body = response.json();
		if (response.status() >= 200 && response.status() < 300 && body.hasNonNull("access_token")) {
			long seconds = body.path("expires_in").asLong(3600);
			Instant renewAt = Instant.now().plusSeconds(seconds).minus(EXPIRY_MARGIN);
			return new Token(body.path("access_token").asText(), renewAt);
		}
		String error = body.path("error").asText("");
		String message = "token endpoint " + url + ": " + errorMessage(response);
		if (error.equals("invalid_client") || error.equals("unauthorized_client") || response.status() == 401) {
			throw new TargetException(new TargetFailure(TargetFailure.Kind.AUTHENTICATION, message, response.status(),
					null, credentialProperty()));
		}
		if (error.equals("invalid_scope")) {
			throw new TargetException(new TargetFailure(TargetFailure.Kind.AUTHENTICATION, message, response.status(),
					null, HaloItsmProperties.property("scope")));
		}
		if (response.status() >= 200 && response.status() < 300) {
			throw new TargetException(new TargetFailure(TargetFailure.Kind.TRANSIENT,
					"the token endpoint gave no access_token", response.status(), null, null));
		}
		throw new TargetException(
				HttpFailures.classify(response.status(), response.header(HaloParams.HEADER_RETRY_AFTER), message,
						credentialProperty(), HaloItsmProperties.property("client-id")));
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<byte[]> answer = this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			return new Response(answer.statusCode(), answer.headers().map(), answer.body());
		}
		catch (IOException ex) {
			throw new TargetException(HttpFailures.io(ex), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TargetException(new TargetFailure(TargetFailure.Kind.TRANSIENT, "interrupted", null, null, null));
		}
	}

	static String credentialProperty() {
		return HaloItsmProperties.property("client-secret");
	}

	/**
	 * Halo's own error text: the OAuth {@code error_description}, a JSON message, or the
	 * plain text body the API answers errors with.
	 */
	static String errorMessage(Response response) {
		JsonNode json = response.json();
		for (String field : List.of("error_description", "message", "Message", "error", "title")) {
			if (json.hasNonNull(field) && json.get(field).isTextual()) {
				return json.get(field).asText();
			}
		}
		if (json.isTextual()) {
			return json.asText();
		}
		String text = new String(response.body(), StandardCharsets.UTF_8).trim();
		if (text.length() > 500) {
			text = text.substring(0, 500) + "...";
		}
		return text.isEmpty() ? "HTTP " + response.status() : text;
	}

	private static String encode(String value) {
		return URLEncoder.encode((value != null) ? value : "", StandardCharsets.UTF_8);
	}

	/** An access token and when to renew it. */
	private record Token(String value, Instant renewAt) {

		@Override
		public String toString() {
			return "Token[renewAt=" + this.renewAt + "]";
		}

	}

	/**
	 * One answer.
	 *
	 * @param status the HTTP status
	 * @param headers the headers
	 * @param body the raw body
	 */
	record Response(int status, Map<String, List<String>> headers, byte[] body) {

		Response {
			body = (body != null) ? body : new byte[0];
		}

		JsonNode json() {
			if (this.body.length == 0) {
				return MissingNode.getInstance();
			}
			try {
				JsonNode node = JSON.readTree(this.body);
				return (node != null) ? node : MissingNode.getInstance();
			}
			catch (IOException ex) {
				if (this.status >= 200 && this.status < 300) {
					throw new TargetException(new TargetFailure(TargetFailure.Kind.TRANSIENT,
							"unreadable answer: " + ex.getMessage(), this.status, null, null));
				}
				return MissingNode.getInstance();
			}
		}

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.flatMap((entry) -> entry.getValue().stream())
				.findFirst()
				.orElse(null);
		}

		/** The server's time from the {@code Date} header, or {@code null}. */
		Instant date() {
			String value = header(HaloParams.HEADER_DATE);
			if (value == null) {
				return null;
			}
			try {
				return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}

	}

}
