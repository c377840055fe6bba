package io.itsmhub.simulators.jsmassets;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.simulators.SimHttp;

import static io.itsmhub.simulators.SimHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resolves object type and attribute ids by name the way a connector does: schema list,
 * object types, attributes.
 */
final class AssetsTestClient {

	final SimHttp http;

	final String api;

	private final Map<String, String> typeIds = new HashMap<>();

	private final Map<String, Map<String, String>> attributeIds = new HashMap<>();

	AssetsTestClient(SimHttp http, String api) {
		this.http = http;
		this.api = api;
	}

	String typeId(String name) {
		return this.typeIds.computeIfAbsent(name, (n) -> {
			String schemaId = json(this.http.get(this.api + "/objectschema/list")).path("values")
				.get(0)
				.path("id")
				.asText();
			for (JsonNode type : json(this.http.get(this.api + "/objectschema/" + schemaId + "/objecttypes/flat"))) {
				if (type.path("name").asText().equals(n)) {
					return type.path("id").asText();
				}
			}
			throw new IllegalArgumentException(n);
		});
	}

	String attributeId(String type, String attribute) {
		return this.attributeIds.computeIfAbsent(type, (t) -> {
			Map<String, String> ids = new HashMap<>();
			json(this.http.get(this.api + "/objecttype/" + typeId(t) + "/attributes"))
				.forEach((a) -> ids.put(a.path("name").asText(), a.path("id").asText()));
			return ids;
		}).get(attribute);
	}

	/** Builds an ObjectIn body from name/value pairs. */
	String objectIn(String type, String... pairs) {
		StringBuilder body = new StringBuilder("{\"objectTypeId\":\"" + typeId(type) + "\",\"attributes\":[");
		for (int i = 0; i < pairs.length; i += 2) {
			String id = attributeId(type, pairs[i]);
			assertThat(id).as(pairs[i]).isNotNull();
			body.append((i > 0) ? "," : "")
				.append("{\"objectTypeAttributeId\":\"")
				.append(id)
				.append("\",\"objectAttributeValues\":[");
			String[] values = pairs[i + 1].isEmpty() ? new String[0] : pairs[i + 1].split("\\|");
			for (int v = 0; v < values.length; v++) {
				body.append((v > 0) ? "," : "").append("{\"value\":\"").append(values[v]).append("\"}");
			}
			body.append("]}");
		}
		return body.append("]}").toString();
	}

	JsonNode create(String type, String... pairs) {
		HttpResponse<String> response = this.http.post(this.api + "/object/create", objectIn(type, pairs));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response);
	}

	JsonNode aql(String query, int startAt, int maxResults) {
		HttpResponse<String> response = this.http.post(
				this.api + "/object/aql?startAt=" + startAt + "&maxResults=" + maxResults,
				"{\"qlQuery\":" + io.itsmhub.simulators.core.Json.MAPPER.valueToTree(query) + "}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response);
	}

}
