package io.itsmhub.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for tests: what a user's curl would do. */
public final class HubClient {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	public HubClient(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public Answer get(String path, String user) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET(), user);
	}

	public Answer post(String path, String user, String contentType, byte[] body) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)), user);
	}

	/** A webhook: no user, a signature header. */
	public Answer postSigned(String path, String signature, byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (signature != null) {
			request.header("X-Hub-Signature", signature);
		}
		return send(request, null);
	}

	public Answer post(String path, String user, String json) {
		return post(path, user, "application/json", json.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @param user {@code name} (password {@code demo}), {@code bearer:<token>}, or
	 * {@code null} for none
	 */
	private Answer send(HttpRequest.Builder request, String user) {
		if (user != null && user.startsWith("bearer:")) {
			request.header("Authorization", "Bearer " + user.substring(7));
		}
		else if (user != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An HTTP answer.
	 *
	 * @param status the status code
	 * @param contentType the content type
	 * @param body the body
	 */
	public record Answer(int status, String contentType, String body) {

		public JsonNode json() {
			try {
				return JSON.readTree(this.body);
			}
			catch (IOException ex) {
				throw new IllegalStateException("not JSON: " + this.body, ex);
			}
		}

	}

}
