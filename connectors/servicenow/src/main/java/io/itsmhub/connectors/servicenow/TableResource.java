package io.itsmhub.connectors.servicenow;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Table API: reads records by encoded query, page by page, following the {@code Link}
 * header's {@code next} until the last page.
 */
final class TableResource {

	private final ServiceNowHttp http;

	TableResource(ServiceNowHttp http) {
		this.http = http;
	}

	// GET
	// /api/now/table/{table}?sysparm_query&sysparm_fields&sysparm_limit&sysparm_offset
	List<JsonNode> list(String table, String encodedQuery, String fields) {
		return list(table, encodedQuery, fields, this.http.properties().pageSize(), Integer.MAX_VALUE);
	}

	/** Reads at most {@code max} records, {@code pageSize} per request. */
	List<JsonNode> list(String table, String encodedQuery, String fields, int pageSize, int max) {
		Map<String, String> query = ServiceNowHttp.query(ServiceNowParams.SYSPARM_QUERY, encodedQuery,
				ServiceNowParams.SYSPARM_FIELDS, fields, ServiceNowParams.SYSPARM_EXCLUDE_REFERENCE_LINK, "true",
				ServiceNowParams.SYSPARM_LIMIT, Integer.toString(Math.min(pageSize, max)),
				ServiceNowParams.SYSPARM_OFFSET, "0");
		List<JsonNode> records = new ArrayList<>();
		ServiceNowHttp.Response page = this.http.send("GET",
				ServiceNowHttp.path(ServiceNowParams.PATH_TABLE + table, query), null);
		while (true) {
			JsonNode result = page.json().path("result");
			result.forEach(records::add);
			Optional<URI> next = page.nextLink();
			if (records.size() >= max || result.size() == 0 || next.isEmpty()) {
				return records;
			}
			page = this.http.get(next.get());
		}
	}

	/** The path of one record, for a Batch API request. */
	static String recordPath(String table, String sysId) {
		return ServiceNowParams.PATH_TABLE + table + ((sysId != null) ? "/" + sysId : "");
	}

}
