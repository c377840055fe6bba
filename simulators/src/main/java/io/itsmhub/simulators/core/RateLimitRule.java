package io.itsmhub.simulators.core;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A rate limit: at most {@code limit} requests per {@code window} per credential, for the
 * requests whose path starts with {@code pathPrefix} (all when {@code null}) and whose
 * method is {@code method} (any when {@code null}). Requests over the limit are answered
 * 429 with a {@code Retry-After} of the seconds left in the window.
 *
 * @param name a name reported in the rate-limit headers
 * @param pathPrefix the path prefix below the simulator's base, or {@code null}
 * @param method the method, or {@code null}
 * @param limit the requests allowed per window
 * @param window the window length
 */
public record RateLimitRule(String name, String pathPrefix, String method, int limit, Duration window) {

	public RateLimitRule {
		if (limit < 0) {
			throw new IllegalArgumentException("limit must not be negative");
		}
		if (window == null || window.isZero() || window.isNegative()) {
			throw new IllegalArgumentException("window must be positive");
		}
		if (name == null) {
			name = (pathPrefix != null) ? pathPrefix : "all";
		}
	}

	/**
	 * A limit on every request.
	 * @param limit the requests per window
	 * @param window the window
	 * @return the rule
	 */
	public static RateLimitRule all(int limit, Duration window) {
		return new RateLimitRule("all", null, null, limit, window);
	}

	/**
	 * A limit on the requests below a path prefix.
	 * @param pathPrefix the prefix below the simulator's base
	 * @param method the method or {@code null}
	 * @param limit the requests per window
	 * @param window the window
	 * @return the rule
	 */
	public static RateLimitRule path(String pathPrefix, String method, int limit, Duration window) {
		return new RateLimitRule(pathPrefix, pathPrefix, method, limit, window);
	}

	boolean matches(SimRequest request) {
		return (this.pathPrefix == null
				|| request.path().startsWith(this.pathPrefix.startsWith("/") ? this.pathPrefix : "/" + this.pathPrefix))
				&& (this.method == null || this.method.equalsIgnoreCase(request.method()));
	}

	/**
	 * Reads a rule from JSON: {@code {"name", "pathPrefix", "method", "limit",
	 * "windowSeconds"}}.
	 * @param node the JSON object
	 * @return the rule
	 */
	public static RateLimitRule fromJson(JsonNode node) {
		try {
			return new RateLimitRule(Json.text(node, "name"), Json.text(node, "pathPrefix"), Json.text(node, "method"),
					node.path("limit").asInt(-1), Duration.ofSeconds(node.path("windowSeconds").asLong(60)));
		}
		catch (IllegalArgumentException ex) {
			throw new BadRequestException(ex.getMessage());
		}
	}

	/**
	 * Writes this rule as JSON.
	 * @return the JSON object
	 */
	public ObjectNode toJson() {
		ObjectNode node = Json.object();
		node.put("name", this.name);
		node.put("pathPrefix", this.pathPrefix);
		node.put("method", this.method);
		node.put("limit", this.limit);
		node.put("windowSeconds", this.window.toSeconds());
		return node;
	}

}
