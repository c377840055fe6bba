package io.itsmhub.simulators.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One injected fault: what goes wrong, and for which requests.
 *
 * <p>
 * Which requests: those whose path starts with {@code pathPrefix} (any when {@code null})
 * and whose method is {@code method} (any when {@code null}); of those, the next
 * {@code times} ones, or, when {@code share} is set, that share of them, spread evenly
 * (deterministically, so tests never depend on luck).
 *
 * @param status an error status to answer instead of handling the request (0 for none)
 * @param retryAfterSeconds a {@code Retry-After} value sent with the error status (0 for
 * none)
 * @param delayMillis a delay before the request is handled
 * @param connectionReset drop the connection before handling the request
 * @param malformedBody handle the request, then send a truncated body
 * @param lostResponseAfterCommit handle the request (the write is applied), then lose the
 * response
 * @param lostResponseStatus how the response is lost: 0 drops the connection, another
 * value answers that status with an error body
 * @param times how many matching requests the fault applies to; 0 means unlimited (only
 * sensible with a share)
 * @param share the share of matching requests the fault applies to, in (0, 1]; 1 for all
 * @param pathPrefix the path prefix below the simulator's base, or {@code null}
 * @param method the method, or {@code null}
 */
public record Fault(int status, long retryAfterSeconds, long delayMillis, boolean connectionReset,
		boolean malformedBody, boolean lostResponseAfterCommit, int lostResponseStatus, int times, double share,
		String pathPrefix, String method) {

	public Fault {
		if (share <= 0 || share > 1) {
			throw new IllegalArgumentException("share must be in (0, 1]");
		}
		if (times < 0) {
			throw new IllegalArgumentException("times must not be negative");
		}
	}

	/**
	 * A fault answering the next request with an error status.
	 * @param status the status
	 * @return the fault
	 */
	public static Fault errorStatus(int status) {
		return new Fault(status, 0, 0, false, false, false, 0, 1, 1.0, null, null);
	}

	/**
	 * A fault losing the response of the next request after its write is applied, by
	 * dropping the connection.
	 * @return the fault
	 */
	public static Fault loseResponseAfterCommit() {
		return new Fault(0, 0, 0, false, false, true, 0, 1, 1.0, null, null);
	}

	/**
	 * A fault dropping the connection of the next request before it is handled.
	 * @return the fault
	 */
	public static Fault resetConnection() {
		return new Fault(0, 0, 0, true, false, false, 0, 1, 1.0, null, null);
	}

	/**
	 * A fault sending a truncated body for the next request.
	 * @return the fault
	 */
	public static Fault truncateBody() {
		return new Fault(0, 0, 0, false, true, false, 0, 1, 1.0, null, null);
	}

	/**
	 * A fault delaying the next request.
	 * @param millis the delay
	 * @return the fault
	 */
	public static Fault delay(long millis) {
		return new Fault(0, 0, millis, false, false, false, 0, 1, 1.0, null, null);
	}

	/**
	 * Returns this fault for the next {@code n} matching requests.
	 * @param n the count, 0 for unlimited
	 * @return the fault
	 */
	public Fault times(int n) {
		return new Fault(this.status, this.retryAfterSeconds, this.delayMillis, this.connectionReset,
				this.malformedBody, this.lostResponseAfterCommit, this.lostResponseStatus, n, this.share,
				this.pathPrefix, this.method);
	}

	/**
	 * Returns this fault for a share of the matching requests, without a count limit.
	 * @param fraction the share in (0, 1]
	 * @return the fault
	 */
	public Fault share(double fraction) {
		return new Fault(this.status, this.retryAfterSeconds, this.delayMillis, this.connectionReset,
				this.malformedBody, this.lostResponseAfterCommit, this.lostResponseStatus, 0, fraction, this.pathPrefix,
				this.method);
	}

	/**
	 * Returns this fault limited to a path prefix and, optionally, a method.
	 * @param prefix the path prefix below the simulator's base
	 * @param httpMethod the method or {@code null}
	 * @return the fault
	 */
	public Fault matching(String prefix, String httpMethod) {
		return new Fault(this.status, this.retryAfterSeconds, this.delayMillis, this.connectionReset,
				this.malformedBody, this.lostResponseAfterCommit, this.lostResponseStatus, this.times, this.share,
				prefix, httpMethod);
	}

	/**
	 * Returns this fault with a {@code Retry-After} on its error status.
	 * @param seconds the seconds
	 * @return the fault
	 */
	public Fault retryAfter(long seconds) {
		return new Fault(this.status, seconds, this.delayMillis, this.connectionReset, this.malformedBody,
				this.lostResponseAfterCommit, this.lostResponseStatus, this.times, this.share, this.pathPrefix,
				this.method);
	}

	/**
	 * Reads a fault from the JSON posted to {@code _sim/faults}.
	 * @param node the JSON object
	 * @return the fault
	 */
	public static Fault fromJson(JsonNode node) {
		if (!node.isObject()) {
			throw new BadRequestException("A fault must be a JSON object");
		}
		boolean hasShare = node.hasNonNull("share");
		int times = node.path("times").asInt(hasShare ? 0 : 1);
		try {
			return new Fault(node.path("status").asInt(0), node.path("retryAfterSeconds").asLong(0),
					node.path("delayMillis").asLong(0), node.path("connectionReset").asBoolean(false),
					node.path("malformedBody").asBoolean(false), node.path("lostResponseAfterCommit").asBoolean(false),
					node.path("lostResponseStatus").asInt(0), times, node.path("share").asDouble(1.0),
					Json.text(node, "pathPrefix"), Json.text(node, "method"));
		}
		catch (IllegalArgumentException ex) {
			throw new BadRequestException(ex.getMessage());
		}
	}

	/**
	 * Writes this fault as JSON.
	 * @return the JSON object
	 */
	public ObjectNode toJson() {
		ObjectNode node = Json.object();
		node.put("status", this.status);
		node.put("retryAfterSeconds", this.retryAfterSeconds);
		node.put("delayMillis", this.delayMillis);
		node.put("connectionReset", this.connectionReset);
		node.put("malformedBody", this.malformedBody);
		node.put("lostResponseAfterCommit", this.lostResponseAfterCommit);
		node.put("lostResponseStatus", this.lostResponseStatus);
		node.put("times", this.times);
		node.put("share", this.share);
		node.put("pathPrefix", this.pathPrefix);
		node.put("method", this.method);
		return node;
	}

	boolean matches(SimRequest request) {
		return (this.pathPrefix == null || request.path().startsWith(normalized(this.pathPrefix)))
				&& (this.method == null || this.method.equalsIgnoreCase(request.method()));
	}

	private static String normalized(String prefix) {
		return prefix.startsWith("/") ? prefix : "/" + prefix;
	}

}
