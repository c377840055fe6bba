package io.itsmhub.connectors.haloitsm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** Assets ({@code Device}): list and search page by page, read one, upsert an array. */
final class AssetResource {

	private final HaloHttp http;

	AssetResource(HaloHttp http) {
		this.http = http;
	}

	// GET /api/Asset?<filters>&includeinactive=true&pageinate=true&page_size&page_no, to
	// the
	// last page record_count gives
	Page list(Map<String, String> filters, int pageSize) {
		List<JsonNode> assets = new ArrayList<>();
		Instant serverTime = null;
		int page = 1;
		while (true) {
			Map<String, String> params = new LinkedHashMap<>(filters);
			params.put(HaloParams.INCLUDE_INACTIVE, "true");
			params.put(HaloParams.PAGINATE, "true");
			params.put(HaloParams.PAGE_SIZE, Integer.toString(pageSize));
			params.put(HaloParams.PAGE_NO, Integer.toString(page));
			HaloHttp.Response response = this.http.call("GET", HaloHttp.query(HaloParams.PATH_ASSET, params), null);
			if (serverTime == null) {
				serverTime = response.date();
			}
			JsonNode body = response.json();
			JsonNode values = body.isArray() ? body : body.path(HaloParams.ASSETS);
			values.forEach(assets::add);
			int total = body.path(HaloParams.RECORD_COUNT).asInt(-1);
			boolean last = values.size() < pageSize || (total >= 0 && assets.size() >= total) || body.isArray();
			if (last || values.isEmpty()) {
				return new Page(assets, serverTime);
			}
			page++;
		}
	}

	// GET /api/Asset/{id}?includehierarchy=true
	JsonNode withHierarchy(String id) {
		return this.http.api("GET",
				HaloHttp.query(HaloParams.PATH_ASSET + "/" + id, HaloHttp.params(HaloParams.INCLUDE_HIERARCHY, "true")),
				null);
	}

	// POST /api/Asset with an array of Device: without id creates, with id updates
	List<JsonNode> upsert(ArrayNode devices) {
		JsonNode saved = this.http.api("POST", HaloParams.PATH_ASSET, devices);
		List<JsonNode> result = new ArrayList<>();
		if (saved.isArray()) {
			saved.forEach(result::add);
		}
		else if (saved.isObject()) {
			result.add(saved);
		}
		return result;
	}

	/**
	 * The assets of a listing.
	 *
	 * @param assets the assets of every page
	 * @param serverTime the server's time when the first page was answered, or
	 * {@code null}
	 */
	record Page(List<JsonNode> assets, Instant serverTime) {

	}

}
