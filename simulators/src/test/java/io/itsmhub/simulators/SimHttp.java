package io.itsmhub.simulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.simulators.core.Json;

/**
 * A small HTTP client for the tests: JSON in, JSON out, against a simulator's base URL.
 */
public final class SimHttp {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private String authorization;

	public SimHttp(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public SimHttp basic(String user, String password) {
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return this;
	}

	public SimHttp bearer(String token) {
		this.authorization = "Bearer " + token;
		return this;
	}

	public SimHttp anonymous() {
		this.authorization = null;
		return this;
	}

	public HttpResponse<String> get(String path) {
		return send("GET", path, null, "application/json");
	}

	public HttpResponse<String> delete(String path) {
		return send("DELETE", path, null, "application/json");
	}

	public HttpResponse<String> post(String path, String json) {
		return send("POST", path, json, "application/json");
	}

	public HttpResponse<String> put(String path, String json) {
		return send("PUT", path, json, "application/json");
	}

	public HttpResponse<String> patch(String path, String json) {
		return send("PATCH", path, json, "application/json");
	}

	public HttpResponse<String> form(String path, String form) {
		return send("POST", path, form, "application/x-www-form-urlencoded");
	}

	public HttpResponse<String> send(String method, String path, String body, String contentType) {
		try {
			return sendOrThrow(method, path, body, contentType);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Sends a request and lets an I/O failure (a dropped connection) through.
	 */
	public HttpResponse<String> sendOrThrow(String method, String path, String body, String contentType)
			throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + escape(path)))
			.timeout(Duration.ofSeconds(10))
			.header("Accept", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", contentType);
		}
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	/**
	 * Escapes the characters tests like to write literally in encoded queries.
	 */
	private static String escape(String path) {
		return path.replace("^", "%5E").replace(" ", "%20").replace("\"", "%22");
	}

	public static JsonNode json(HttpResponse<String> response) {
		try {
			return Json.MAPPER.readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Not JSON: " + response.body(), ex);
		}
	}

}
