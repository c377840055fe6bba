package io.itsmhub.connectors.jsmassets;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Objects: AQL search, create, read, update. */
final class ObjectResource {

	private final AssetsHttp http;

	ObjectResource(AssetsHttp http) {
		this.http = http;
	}

	// POST /object/aql?startAt&maxResults&includeAttributes=true, to the page with isLast
	List<JsonNode> aql(String query, int pageSize) {
		return aql(query, pageSize, true);
	}

	// the same, with includeAttributes as asked (false: ids, keys and types only)
	List<JsonNode> aql(String query, int pageSize, boolean includeAttributes) {
		List<JsonNode> objects = new ArrayList<>();
		int startAt = 0;
		ObjectNode body = AssetsHttp.JSON.createObjectNode();
		body.put("qlQuery", query);
		while (true) {
			JsonNode page = this.http.api("POST",
					AssetsHttp.query("/object/aql",
							AssetsHttp.params(AssetsParams.START_AT, Integer.toString(startAt),
									AssetsParams.MAX_RESULTS, Integer.toString(pageSize),
									AssetsParams.INCLUDE_ATTRIBUTES, Boolean.toString(includeAttributes))),
					body);
			JsonNode values = page.path("values");
			values.forEach(objects::add);
			if (page.path("isLast").asBoolean(true) || values.isEmpty()) {
				return objects;
			}
			startAt += values.size();
		}
	}

	// POST /object/create
	JsonNode create(ObjectNode object) {
		return this.http.api("POST", "/object/create", object);
	}

	// GET /object/{id}
	JsonNode get(String id) {
		return this.http.api("GET", "/object/" + id, null);
	}

	// PUT /object/{id}
	JsonNode update(String id, ObjectNode object) {
		return this.http.api("PUT", "/object/" + id, object);
	}

}
