package io.itsmhub.connectors.hornbill;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsmhub.api.target.TargetException;
import io.itsmhub.api.target.TargetFailure;
import io.itsmhub.connectors.hornbill.XmlmcClient.MethodResult;

/** The {@code data} service on Service Manager entities: browse, add, update. */
final class EntityResource {

	private final XmlmcClient client;

	EntityResource(XmlmcClient client) {
		this.client = client;
	}

	/**
	 * Every row of an entity whose {@code column} equals one of {@code values}, read page
	 * by page to the last one.
	 */
	// POST data/?method=entityBrowseRecords2 {entity, matchScope any, searchFilter[],
	// maxResults, rowStart}
	List<JsonNode> browse(String entity, String column, Collection<String> values, int pageSize) {
		List<JsonNode> rows = new ArrayList<>();
		int start = 0;
		while (true) {
			ObjectNode params = params(entity);
			params.put(XmlmcParams.MATCH_SCOPE, "any");
			ArrayNode filters = params.putArray(XmlmcParams.SEARCH_FILTER);
			for (String value : values) {
				ObjectNode filter = filters.addObject();
				filter.put("column", column);
				filter.put("value", value);
				filter.put("matchType", "exact");
			}
			params.put(XmlmcParams.MAX_RESULTS, pageSize);
			params.put(this.client.properties().api().rowStart(), start);
			List<JsonNode> page = rows(read(XmlmcParams.METHOD_BROWSE, params));
			rows.addAll(page);
			if (page.size() < pageSize) {
				return rows;
			}
			start += page.size();
		}
	}

	/** The rows of {@code params.rowData.row}: an object for one row, a list for more. */
	static List<JsonNode> rows(JsonNode params) {
		JsonNode row = params.path("rowData").path("row");
		List<JsonNode> rows = new ArrayList<>();
		if (row.isArray()) {
			row.forEach(rows::add);
		}
		else if (row.isObject()) {
			rows.add(row);
		}
		return rows;
	}

	// POST data/?method=entityAddRecord {entity Asset, returnModifiedData,
	// primaryEntityData, relatedEntityData}
	MethodResult add(Map<String, Object> primary, Map<String, Object> related) {
		ObjectNode params = params(XmlmcParams.ENTITY_ASSET);
		params.put(XmlmcParams.RETURN_MODIFIED_DATA, true);
		record(params.putObject(XmlmcParams.PRIMARY_ENTITY_DATA), primary);
		if (related != null) {
			relatedData(params, "insert", related);
		}
		return this.client.invoke(XmlmcParams.SERVICE_DATA, XmlmcParams.METHOD_ADD, params);
	}

	// POST data/?method=entityUpdateRecord {entity Asset, primaryEntityData,
	// relatedEntityData}
	MethodResult update(Map<String, Object> primary, Map<String, Object> related) {
		ObjectNode params = params(XmlmcParams.ENTITY_ASSET);
		record(params.putObject(XmlmcParams.PRIMARY_ENTITY_DATA), primary);
		if (related != null && related.size() > 1) {
			relatedData(params, "update", related);
		}
		return this.client.invoke(XmlmcParams.SERVICE_DATA, XmlmcParams.METHOD_UPDATE, params);
	}

	private static void relatedData(ObjectNode params, String action, Map<String, Object> record) {
		ObjectNode related = params.putObject(XmlmcParams.RELATED_ENTITY_DATA);
		related.put(XmlmcParams.RELATIONSHIP_NAME, XmlmcParams.RELATIONSHIP_CLASS);
		related.put(XmlmcParams.ENTITY_ACTION, action);
		record(related, record);
	}

	private static void record(ObjectNode holder, Map<String, Object> fields) {
		ObjectNode record = holder.putObject(XmlmcParams.RECORD);
		fields.forEach((name, value) -> record.put(name, HornbillConnector.text(value)));
	}

	private ObjectNode params(String entity) {
		ObjectNode params = XmlmcClient.JSON.createObjectNode();
		params.put(XmlmcParams.APPLICATION, this.client.properties().application());
		params.put(XmlmcParams.ENTITY, entity);
		return params;
	}

	/** A read whose refusal fails the whole call: there is no record to blame. */
	private JsonNode read(String method, ObjectNode params) {
		MethodResult result = this.client.invoke(XmlmcParams.SERVICE_DATA, method, params);
		if (result.failed()) {
			throw new TargetException(new TargetFailure(TargetFailure.Kind.PERMANENT,
					"data::" + method + " on " + params.path(XmlmcParams.ENTITY).asText() + ": " + result.error(), 200,
					null, null));
		}
		return result.params();
	}

}
