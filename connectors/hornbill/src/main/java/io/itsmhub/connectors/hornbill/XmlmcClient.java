package io.itsmhub.connectors.hornbill;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsmhub.api.target.HttpFailures;
import io.itsmhub.api.target.TargetException;
import io.itsmhub.api.target.TargetFailure;

/**
 * The XMLMC transport to one Hornbill instance: discovers the API endpoint from the
 * instance's zoneinfo when it is not configured, sends
 * {@code POST <endpoint><service>/?method=<method>} with a JSON {@code methodCall},
 * {@code Authorization: ESP-APIKEY} and {@code Accept: text/json}, and sorts the answers.
 *
 * <p>
 * Hornbill answers a method that failed with HTTP 200 and
 * {@code {"@status":false,"state":{"error":...}}}. Such an answer is either a refusal of
 * the record the call was about ({@link MethodResult#failed()}, the caller fails that
 * item alone) or a failure of the call as a whole (the key, a throttle, a method the
 * instance does not have), thrown as {@link TargetException} like any HTTP failure.
 */
final class XmlmcClient {

	static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * The status a refused record is reported with: Hornbill answers HTTP 200 with
	 * {@code @status false}; for the engine a refused record is a client error.
	 */
	static final int REFUSED_STATUS = 400;

	private final HornbillProperties properties;

	private final HttpClient client;

	private volatile String endpoint;

	XmlmcClient(HornbillProperties properties, HttpClient client) {
		this.properties = properties;
		this.client = client;
	}

	HornbillProperties properties() {
		return this.properties;
	}

	/** The XMLMC endpoint, ending in {@code /}, discovering it once. */
	String endpoint() {
		String known = this.endpoint;
		if (known == null) {
			String configured = this.properties.apiEndpoint();
			known = (configured != null && !configured.isBlank()) ? configured.trim() : discover();
			known = known.endsWith("/") ? known : known + "/";
			this.endpoint = known;
		}
		return known;
	}

	// GET https://files.hornbill.com/instances/{instance}/zoneinfo (no authentication)
	private String discover() {
		String url = this.properties.zoneinfoUrl()
			.replace("{instance}", URLEncoder.encode(this.properties.instance(), StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(this.properties.timeout())
			.header(XmlmcParams.HEADER_ACCEPT, XmlmcParams.APPLICATION_JSON)
			.GET()
			.build();
		Answer answer = exchange(request);
		if (answer.status() != 200) {
			throw new TargetException(withProperty(
					HttpFailures.classify(answer.status(), answer.retryAfter(), "zoneinfo of instance '"
							+ this.properties.instance() + "' answered HTTP " + answer.status(), null, null),
					HornbillProperties.PREFIX + ".instance"));
		}
		JsonNode zone = answer.json().path("zoneinfo");
		String api = zone.path("apiEndpoint").asText("");
		if (!api.isBlank()) {
			return api;
		}
		String base = zone.path("endpoint").asText("");
		if (base.isBlank()) {
			throw new TargetException(new TargetFailure(
					TargetFailure.Kind.PERMANENT, "zoneinfo of instance '" + this.properties.instance()
							+ "' names no endpoint: " + zone.path("message").asText(""),
					200, null, HornbillProperties.PREFIX + ".instance"));
		}
		// older zoneinfo documents give the instance endpoint only
		return (base.endsWith("/") ? base : base + "/") + "xmlmc/";
	}

	/**
	 * Invokes one method.
	 * @return the method's {@code params}, or the record-level refusal
	 * @throws TargetException when the call failed as a whole
	 */
	MethodResult invoke(String service, String method, ObjectNode params) {
		ObjectNode body = JSON.createObjectNode();
		ObjectNode call = body.putObject("methodCall");
		call.put("@service", service);
		call.put("@method", method);
		call.set("params", params);
		byte[] bytes;
		try {
			bytes = JSON.writeValueAsBytes(body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		URI uri = URI.create(endpoint() + service + "/?method=" + URLEncoder.encode(method, StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.properties.timeout())
			.header(XmlmcParams.HEADER_AUTHORIZATION, XmlmcParams.API_KEY_SCHEME + this.properties.apiKey().reveal())
			.header(XmlmcParams.HEADER_ACCEPT, XmlmcParams.TEXT_JSON)
			.header(XmlmcParams.HEADER_CONTENT_TYPE, XmlmcParams.APPLICATION_JSON)
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
			.build();
		Answer answer = exchange(request);
		JsonNode json = answer.json();
		String error = json.path("state").path("error").asText("");
		if (answer.status() < 200 || answer.status() >= 300) {
			String message = error.isBlank() ? "HTTP " + answer.status() : error;
			throw new TargetException(HttpFailures.classify(answer.status(), answer.retryAfter(),
					service + "::" + method + ": " + message, this.properties.credentialProperty(),
					this.properties.credentialProperty()));
		}
		if (!json.has("@status")) {
			throw new TargetException(new TargetFailure(TargetFailure.Kind.TRANSIENT,
					service + "::" + method + ": the answer is no XMLMC JSON document", answer.status(), null, null));
		}
		if (json.path("@status").asBoolean(false)) {
			return new MethodResult(json.path("params"), null);
		}
		TargetFailure failure = classify(service + "::" + method + ": " + error, error);
		if (failure != null) {
			throw new TargetException(failure);
		}
		return new MethodResult(json.path("params"), error);
	}

	/**
	 * The failure of the whole call a {@code @status false} answer means, or {@code null}
	 * when it refuses the record the call was about.
	 */
	TargetFailure classify(String message, String error) {
		String text = error.toLowerCase(Locale.ROOT);
		if (containsAny(text, XmlmcParams.AUTHENTICATION_ERRORS)) {
			return new TargetFailure(TargetFailure.Kind.AUTHENTICATION, message, 200, null,
					this.properties.credentialProperty());
		}
		if (containsAny(text, XmlmcParams.RATE_ERRORS)) {
			return new TargetFailure(TargetFailure.Kind.RATE_LIMITED, message, 200, null, null);
		}
		if (containsAny(text, XmlmcParams.TRANSIENT_ERRORS)) {
			return new TargetFailure(TargetFailure.Kind.TRANSIENT, message, 200, null, null);
		}
		if (containsAny(text, XmlmcParams.CALL_ERRORS)) {
			return new TargetFailure(TargetFailure.Kind.PERMANENT, message, 200, null, null);
		}
		return null;
	}

	private static boolean containsAny(String text, List<String> parts) {
		return parts.stream().anyMatch(text::contains);
	}

	private Answer exchange(HttpRequest request) {
		try {
			HttpResponse<byte[]> response = this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			return new Answer(response.statusCode(),
					response.headers().firstValue(XmlmcParams.HEADER_RETRY_AFTER).orElse(null), parse(response.body()));
		}
		catch (IOException ex) {
			throw new TargetException(HttpFailures.io(ex), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TargetException(new TargetFailure(TargetFailure.Kind.TRANSIENT, "interrupted", null, null, null));
		}
	}

	private static TargetFailure withProperty(TargetFailure failure, String property) {
		return new TargetFailure(failure.kind(), failure.message(), failure.httpStatus(), failure.retryAfter(),
				property);
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

	/** The failure of a refused record, with Hornbill's own message. */
	static TargetFailure refused(String message) {
		return new TargetFailure(TargetFailure.Kind.PERMANENT, message, REFUSED_STATUS, null, null);
	}

	/**
	 * What a method answered.
	 *
	 * @param params the method's output parameters
	 * @param error Hornbill's {@code state.error} when the method refused the record,
	 * else {@code null}
	 */
	record MethodResult(JsonNode params, String error) {

		boolean failed() {
			return this.error != null;
		}

	}

	private record Answer(int status, String retryAfter, JsonNode json) {

	}

}
