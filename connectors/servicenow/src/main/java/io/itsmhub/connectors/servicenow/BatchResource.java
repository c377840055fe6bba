package io.itsmhub.connectors.servicenow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsmhub.api.target.TargetFailure;

/**
 * The Batch API: many Table API writes in one round trip. Bodies go and come back
 * base64-encoded; each inner request has its own status, so one refused record does not
 * fail the others.
 */
final class BatchResource {

	private final ServiceNowHttp http;

	private int batchCounter;

	BatchResource(ServiceNowHttp http) {
		this.http = http;
	}

	/**
	 * Runs the requests, {@code batchSize} per call.
	 * @return the inner answers by request id
	 */
	Map<String, Inner> run(List<Request> requests) {
		Map<String, Inner> answers = new HashMap<>();
		int size = this.http.properties().batchSize();
		for (int from = 0; from < requests.size(); from += size) {
			answers.putAll(call(requests.subList(from, Math.min(requests.size(), from + size))));
		}
		return answers;
	}

	// POST /api/now/v1/batch
	private Map<String, Inner> call(List<Request> requests) {
		ObjectNode body = ServiceNowHttp.JSON.createObjectNode();
		body.put("batch_request_id", "hub-" + (++this.batchCounter));
		ArrayNode rest = body.putArray("rest_requests");
		for (Request request : requests) {
			ObjectNode inner = rest.addObject();
			inner.put("id", request.id());
			inner.put("method", request.method());
			inner.put("url", request.url());
			ArrayNode headers = inner.putArray("headers");
			headers.addObject()
				.put("name", ServiceNowParams.HEADER_CONTENT_TYPE)
				.put("value", ServiceNowParams.APPLICATION_JSON);
			headers.addObject()
				.put("name", ServiceNowParams.HEADER_ACCEPT)
				.put("value", ServiceNowParams.APPLICATION_JSON);
			if (request.body() != null) {
				try {
					inner.put("body",
							Base64.getEncoder().encodeToString(ServiceNowHttp.JSON.writeValueAsBytes(request.body())));
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}
			inner.put("exclude_response_headers", true);
		}
		JsonNode answer = this.http.send("POST", ServiceNowParams.PATH_BATCH, body).json();
		Map<String, Inner> answers = new HashMap<>();
		for (JsonNode serviced : answer.path("serviced_requests")) {
			int status = serviced.path("status_code").asInt(500);
			JsonNode innerBody = ServiceNowHttp.parse(decode(serviced.path("body").asText("")));
			TargetFailure failure = (status >= 200 && status < 300) ? null : this.http.failure(status, null, innerBody);
			if (failure != null && failure.kind() == TargetFailure.Kind.AUTHENTICATION && status == 403) {
				// Inside a batch a 403 is the record's data policy or ACL, not the
				// sign-in.
				failure = new TargetFailure(TargetFailure.Kind.PERMANENT, failure.message(), status, null, null);
			}
			answers.put(serviced.path("id").asText(), new Inner(status, innerBody.path("result"), failure));
		}
		List<String> unserviced = new ArrayList<>();
		answer.path("unserviced_requests").forEach((id) -> unserviced.add(id.asText()));
		for (String id : unserviced) {
			answers.put(id,
					new Inner(503, ServiceNowHttp.JSON.missingNode(), new TargetFailure(TargetFailure.Kind.TRANSIENT,
							"not serviced: the batch hit a size or time limit", null, null, null)));
		}
		return answers;
	}

	private static byte[] decode(String base64) {
		try {
			return Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			return new byte[0];
		}
	}

	/**
	 * One inner request.
	 *
	 * @param id unique within the batch
	 * @param method the HTTP method
	 * @param url the path, such as {@code /api/now/table/alm_hardware}
	 * @param body the JSON body, or {@code null}
	 */
	record Request(String id, String method, String url, JsonNode body) {

	}

	/**
	 * One inner answer.
	 *
	 * @param status its HTTP status
	 * @param result its {@code result}
	 * @param failure why it failed, {@code null} on success
	 */
	record Inner(int status, JsonNode result, TargetFailure failure) {

	}

}
