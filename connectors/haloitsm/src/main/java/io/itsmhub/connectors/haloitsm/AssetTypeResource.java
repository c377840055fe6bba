package io.itsmhub.connectors.haloitsm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

/** Asset types ({@code Xtype}), read once and kept by name. */
final class AssetTypeResource {

	private final HaloHttp http;

	private volatile Map<String, Integer> byName;

	private final Set<String> reread = ConcurrentHashMap.newKeySet();

	AssetTypeResource(HaloHttp http) {
		this.http = http;
	}

	/** The tenant's asset types, name to id, read on first use. */
	Map<String, Integer> byName() {
		Map<String, Integer> types = this.byName;
		if (types == null) {
			types = read();
			this.byName = types;
		}
		return types;
	}

	/**
	 * The id of an asset type by name, reading the types again once per unknown name (it
	 * may have been created since).
	 */
	Integer id(String name) {
		Integer id = byName().get(name);
		if (id == null && this.reread.add(name)) {
			this.byName = null;
			id = byName().get(name);
		}
		return id;
	}

	// GET /api/AssetType
	private Map<String, Integer> read() {
		JsonNode body = this.http.api("GET", HaloParams.PATH_ASSET_TYPE, null);
		JsonNode list = body.isArray() ? body : body.path("assettypes");
		Map<String, Integer> types = new LinkedHashMap<>();
		for (JsonNode type : list) {
			if (type.hasNonNull("name") && type.has("id")) {
				types.putIfAbsent(type.get("name").asText(), type.get("id").asInt());
			}
		}
		return Map.copyOf(types);
	}

}
