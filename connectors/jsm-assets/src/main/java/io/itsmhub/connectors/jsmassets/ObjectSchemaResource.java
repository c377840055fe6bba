package io.itsmhub.connectors.jsmassets;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The schema side of the API: object schemas, object types, their attributes, statuses
 * and reference types.
 */
final class ObjectSchemaResource {

	private final AssetsHttp http;

	ObjectSchemaResource(AssetsHttp http) {
		this.http = http;
	}

	// GET /objectschema/list?startAt&maxResults, to the last page
	List<JsonNode> schemas() {
		List<JsonNode> schemas = new ArrayList<>();
		int startAt = 0;
		while (true) {
			JsonNode page = this.http.api("GET", AssetsHttp.query("/objectschema/list", AssetsHttp
				.params(AssetsParams.START_AT, Integer.toString(startAt), AssetsParams.MAX_RESULTS, "50")), null);
			page.path("values").forEach(schemas::add);
			if (page.path("isLast").asBoolean(true) || page.path("values").isEmpty()) {
				return schemas;
			}
			startAt += page.path("values").size();
		}
	}

	// GET /objectschema/{id}/objecttypes/flat
	JsonNode objectTypes(String schemaId) {
		return this.http.api("GET", "/objectschema/" + schemaId + "/objecttypes/flat", null);
	}

	// GET /objecttype/{id}/attributes
	JsonNode attributes(String objectTypeId) {
		return this.http.api("GET", "/objecttype/" + objectTypeId + "/attributes", null);
	}

	// POST /objecttypeattribute/{objectTypeId}
	JsonNode createAttribute(String objectTypeId, ObjectNode attribute) {
		return this.http.api("POST", "/objecttypeattribute/" + objectTypeId, attribute);
	}

	// GET /config/statustype?objectSchemaId={id}
	JsonNode statuses(String schemaId) {
		return this.http.api("GET",
				AssetsHttp.query("/config/statustype", AssetsHttp.params("objectSchemaId", schemaId)), null);
	}

	// GET /config/referencetype?objectSchemaId={id}: global ones and the schema's own
	JsonNode referenceTypes(String schemaId) {
		return this.http.api("GET", AssetsHttp.query(AssetsParams.PATH_REFERENCE_TYPES,
				AssetsHttp.params(AssetsParams.OBJECT_SCHEMA_ID, schemaId)), null);
	}

	// POST /config/referencetype
	JsonNode createReferenceType(String schemaId, String name) {
		ObjectNode body = AssetsHttp.JSON.createObjectNode();
		body.put("name", name);
		body.put("description", "");
		body.put("color", "42526E");
		body.put(AssetsParams.OBJECT_SCHEMA_ID, schemaId);
		return this.http.api("POST", AssetsParams.PATH_REFERENCE_TYPES, body);
	}

	// POST /config/statustype
	JsonNode createStatus(String schemaId, String name, int category) {
		ObjectNode body = AssetsHttp.JSON.createObjectNode();
		body.put("name", name);
		body.put("category", category);
		body.put("objectSchemaId", schemaId);
		return this.http.api("POST", "/config/statustype", body);
	}

}
