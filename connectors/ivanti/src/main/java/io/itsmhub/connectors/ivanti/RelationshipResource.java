package io.itsmhub.connectors.ivanti;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Relationship links of a record: read the linked records, link one more. */
final class RelationshipResource {

	private final IvantiHttp http;

	RelationshipResource(IvantiHttp http) {
		this.http = http;
	}

	// GET
	// /api/odata/businessobject/{collection}('{RecId}')/{relationship}?$select=RecId&$top&$skip
	List<String> linked(String collection, String recId, String relationship, int pageSize) {
		List<String> ids = new ArrayList<>();
		int skip = 0;
		while (true) {
			JsonNode page = this.http
				.json("GET",
						IvantiHttp
							.query(BusinessObjectResource.entity(collection, recId) + "/" + relationship,
									IvantiHttp.params(ODataParams.SELECT, ODataParams.REC_ID, ODataParams.TOP,
											Integer.toString(pageSize), ODataParams.SKIP, Integer.toString(skip))),
						null);
			JsonNode values = page.path(ODataParams.VALUE);
			values.forEach((value) -> ids.add(value.path(ODataParams.REC_ID).asText()));
			skip += values.size();
			int count = page.path(ODataParams.COUNT).asInt(-1);
			boolean more = (count >= 0) ? skip < count : values.size() >= pageSize;
			if (!more || values.isEmpty()) {
				return ids;
			}
		}
	}

	// PATCH
	// /api/odata/businessobject/{collection}('{RecId}')/{relationship}('{RecId}')/$Ref
	void link(String collection, String recId, String relationship, String relatedRecId) {
		this.http.json("PATCH", BusinessObjectResource.entity(collection, recId) + "/" + relationship + "('"
				+ relatedRecId + "')" + ODataParams.REF, null);
	}

}
