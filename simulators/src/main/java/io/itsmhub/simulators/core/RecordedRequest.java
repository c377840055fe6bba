package io.itsmhub.simulators.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request as the simulator received it, kept for inspection, with secrets redacted.
 *
 * @param sequence the arrival number, from 1
 * @param receivedAt when it arrived
 * @param method the method
 * @param path the path below the simulator's base
 * @param query the decoded query parameters
 * @param headers the headers (names in lower case; {@code authorization} redacted to its
 * scheme)
 * @param body the body as text (secrets in form bodies redacted)
 * @param status the status answered (0 when the connection was dropped)
 * @param fault a short description of the injected fault or rate limit, or {@code null}
 */
public record RecordedRequest(long sequence, Instant receivedAt, String method, String path,
		Map<String, List<String>> query, Map<String, List<String>> headers, String body, int status, String fault) {

	/**
	 * Writes this request as JSON for {@code _sim/requests}.
	 * @return the JSON object
	 */
	public ObjectNode toJson() {
		ObjectNode node = Json.object();
		node.put("sequence", this.sequence);
		node.put("receivedAt", this.receivedAt.toString());
		node.put("method", this.method);
		node.put("path", this.path);
		node.set("query", Json.MAPPER.valueToTree(this.query));
		node.set("headers", Json.MAPPER.valueToTree(this.headers));
		node.put("body", this.body);
		node.put("status", this.status);
		node.put("fault", this.fault);
		return node;
	}

}
