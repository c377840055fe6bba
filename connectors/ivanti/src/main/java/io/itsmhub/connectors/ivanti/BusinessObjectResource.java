package io.itsmhub.connectors.ivanti;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Business object records: filtered and paged reads, create, update. */
final class BusinessObjectResource {

	private final IvantiHttp http;

	BusinessObjectResource(IvantiHttp http) {
		this.http = http;
	}

	// GET
	// /api/odata/businessobject/{collection}?$filter&$select&$orderby=RecId&$top&$skip,
	// page after page until @odata.count is reached (a 204 is no match)
	List<JsonNode> query(String collection, String filter, String select, int pageSize) {
		List<JsonNode> records = new ArrayList<>();
		int skip = 0;
		while (true) {
			JsonNode page = this.http.json("GET",
					IvantiHttp.query(ODataParams.BUSINESS_OBJECT + collection,
							IvantiHttp.params(ODataParams.FILTER, filter, ODataParams.SELECT, select,
									ODataParams.ORDER_BY, ODataParams.REC_ID, ODataParams.TOP,
									Integer.toString(pageSize), ODataParams.SKIP, Integer.toString(skip))),
					null);
			JsonNode values = page.path(ODataParams.VALUE);
			values.forEach(records::add);
			skip += values.size();
			int count = page.path(ODataParams.COUNT).asInt(-1);
			boolean more = (count >= 0) ? skip < count : values.size() >= pageSize;
			if (!more || values.isEmpty()) {
				return records;
			}
		}
	}

	// POST /api/odata/businessobject/{collection}
	JsonNode create(String collection, ObjectNode fields) {
		return this.http.json("POST", ODataParams.BUSINESS_OBJECT + collection, fields);
	}

	// PATCH /api/odata/businessobject/{collection}('{RecId}')
	JsonNode update(String collection, String recId, ObjectNode fields) {
		return this.http.json("PATCH", entity(collection, recId), fields);
	}

	static String entity(String collection, String recId) {
		return ODataParams.BUSINESS_OBJECT + collection + "('" + recId + "')";
	}

}
