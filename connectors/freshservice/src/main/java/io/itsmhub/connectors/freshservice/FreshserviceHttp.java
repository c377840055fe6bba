package io.itsmhub.connectors.freshservice;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
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
 * The HTTP transport to one Freshservice account: signs each call with the API key,
 * counts calls, and turns every answer that is neither a success nor a refusal of the
 * request itself (400, 404, 409, 422) into a classified {@link TargetException} carrying
 * Freshservice's own error text.
 */
final class FreshserviceHttp {

	static final ObjectMapper JSON = new ObjectMapper();

	static final String API_KEY_PROPERTY = FreshserviceProperties.PREFIX + ".api-key";

	private final FreshserviceProperties properties;

	private final HttpClient client;

	FreshserviceHttp(FreshserviceProperties properties, HttpClient client) {
		this.properties = properties;
		this.client = client;
	}

	/** One answer: its status and body. */
	record Answer(int status, JsonNode body, HttpResponse<String> response) {

		boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

		/** Freshservice's error text: the description and every field error. */
		String error() {
			StringJoiner text = new StringJoiner("; ");
			String description = this.body.path("description").asText(this.body.path("message").asText(""));
			if (!description.isEmpty()) {
				text.add(description);
			}
			for (JsonNode error : this.body.path("errors")) {
				text.add(error.path("field").asText() + ": " + error.path("message").asText());
			}
			return (text.length() > 0) ? text.toString() : "HTTP " + this.status;
		}

	}

	Answer get(String path, Map<String, String> query) {
		return send("GET", withQuery(path, query), null);
	}

	Answer send(String method, String path, JsonNode body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root() + path))
			.timeout(this.properties.timeout())
			.header("Accept", "application/json")
			.header("Authorization", authorization());
		if (body != null) {
			request.header("Content-Type", "application/json");
			request.method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		HttpResponse<String> response;
		try {
			response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new TargetException(HttpFailures.io(ex), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TargetException(new TargetFailure(TargetFailure.Kind.TRANSIENT, "interrupted", null, null, null),
					ex);
		}
		int status = response.statusCode();
		JsonNode parsed = parse(response.body());
		Answer answer = new Answer(status, parsed, response);
		boolean refusal = status == 400 || status == 404 || status == 409 || status == 422;
		if (!answer.ok() && !refusal) {
			throw new TargetException(
					HttpFailures.classify(status, response.headers().firstValue("Retry-After").orElse(null),
							"Freshservice answered " + status + " to " + method + " " + path + ": " + answer.error(),
							API_KEY_PROPERTY, API_KEY_PROPERTY));
		}
		if (answer.ok() && parsed.isMissingNode() && status != 204 && !response.body().isBlank()) {
			throw new TargetException(new TargetFailure(TargetFailure.Kind.TRANSIENT,
					"Freshservice answered " + method + " " + path + " with a body that is not JSON", status, null,
					null));
		}
		return answer;
	}

	/**
	 * Reads every page of a list ({@code page} from 1, {@code per_page}), following the
	 * {@code Link} header Freshservice sends while there is a next page.
	 */
	List<JsonNode> readAll(String path, String key) {
		List<JsonNode> all = new ArrayList<>();
		int page = 1;
		while (true) {
			Answer answer = get(path,
					Map.of("page", Integer.toString(page), "per_page", Integer.toString(this.properties.pageSize())));
			if (!answer.ok()) {
				throw new TargetException(new TargetFailure(TargetFailure.Kind.PERMANENT,
						"Freshservice refused GET " + path + ": " + answer.error(), answer.status(), null, null));
			}
			JsonNode records = answer.body().path(key);
			records.forEach(all::add);
			boolean next = answer.response()
				.headers()
				.firstValue("Link")
				.map((link) -> link.contains("rel=\"next\""))
				.orElse(false);
			if (!next || records.isEmpty()) {
				return all;
			}
			page++;
		}
	}

	private String authorization() {
		String key = (this.properties.apiKey() != null) ? this.properties.apiKey().reveal() : "";
		return "Basic " + Base64.getEncoder().encodeToString((key + ":X").getBytes(StandardCharsets.UTF_8));
	}

	private String root() {
		String base = (this.properties.baseUrl() != null) ? this.properties.baseUrl().trim() : "";
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	static String withQuery(String path, Map<String, String> query) {
		if (query.isEmpty()) {
			return path;
		}
		StringJoiner joined = new StringJoiner("&", path + "?", "");
		query.forEach((name, value) -> joined.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
				+ URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return joined.toString();
	}

	private static JsonNode parse(String body) {
		if (body == null || body.isBlank()) {
			return MissingNode.getInstance();
		}
		try {
			return JSON.readTree(body);
		}
		catch (IOException ex) {
			return MissingNode.getInstance();
		}
	}

}
