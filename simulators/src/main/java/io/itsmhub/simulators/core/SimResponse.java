package io.itsmhub.simulators.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a simulator answers, independent of the server that sends it.
 */
public final class SimResponse {

	/**
	 * How the adapter should deliver the response.
	 */
	public enum Delivery {

		/** Send status, headers and body. */
		NORMAL,

		/**
		 * Close the connection without a complete response, as a network failure would.
		 */
		DROP_CONNECTION

	}

	private final int status;

	private final Map<String, List<String>> headers = new LinkedHashMap<>();

	private byte[] body;

	private Delivery delivery = Delivery.NORMAL;

	private SimResponse(int status, byte[] body) {
		this.status = status;
		this.body = (body != null) ? body : new byte[0];
	}

	/**
	 * A JSON response.
	 * @param status the HTTP status
	 * @param json the body
	 * @return the response
	 */
	public static SimResponse json(int status, JsonNode json) {
		try {
			return new SimResponse(status, Json.MAPPER.writeValueAsBytes(json)).header("Content-Type",
					"application/json;charset=UTF-8");
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A response without a body.
	 * @param status the HTTP status
	 * @return the response
	 */
	public static SimResponse empty(int status) {
		return new SimResponse(status, null);
	}

	/**
	 * A plain text response.
	 * @param status the HTTP status
	 * @param text the body
	 * @return the response
	 */
	public static SimResponse text(int status, String text) {
		return new SimResponse(status, text.getBytes(StandardCharsets.UTF_8)).header("Content-Type",
				"text/plain;charset=UTF-8");
	}

	/**
	 * A response that tells the adapter to drop the connection.
	 * @return the response
	 */
	public static SimResponse dropConnection() {
		SimResponse response = new SimResponse(500, null);
		response.delivery = Delivery.DROP_CONNECTION;
		return response;
	}

	/**
	 * Adds a header value.
	 * @param name the header name
	 * @param value the value
	 * @return this response
	 */
	public SimResponse header(String name, String value) {
		this.headers.computeIfAbsent(name, (n) -> new ArrayList<>()).add(value);
		return this;
	}

	/**
	 * Replaces the body; used to corrupt a finished response for the malformed-body
	 * fault.
	 * @param body the new body
	 * @return this response
	 */
	SimResponse replaceBody(byte[] body) {
		this.body = body;
		return this;
	}

	public int status() {
		return this.status;
	}

	public Map<String, List<String>> headers() {
		return this.headers;
	}

	/**
	 * Returns the first value of a header.
	 * @param name the header name, exact case-insensitive match
	 * @return the value or {@code null}
	 */
	public String firstHeader(String name) {
		for (Map.Entry<String, List<String>> entry : this.headers.entrySet()) {
			if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
				return entry.getValue().get(0);
			}
		}
		return null;
	}

	public byte[] body() {
		return this.body;
	}

	public Delivery delivery() {
		return this.delivery;
	}

}
