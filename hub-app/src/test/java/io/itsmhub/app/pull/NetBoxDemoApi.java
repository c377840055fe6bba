package io.itsmhub.app.pull;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A NetBox REST API on a random port, serving {@code /api/dcim/devices/} and
 * {@code /api/virtualization/virtual-machines/} with limit/offset paging, built from the
 * NetBox demo data export: foreign keys become the nested objects the API answers with.
 * Requests must carry {@code Authorization: Token <token>}; every request is counted.
 */
final class NetBoxDemoApi implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpServer server;

	private final Map<String, List<ObjectNode>> collections = new HashMap<>();

	private final String token;

	final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());

	NetBoxDemoApi(String token) throws IOException {
		this.token = token;
		JsonNode export;
		try (InputStream in = NetBoxDemoApi.class
			.getResourceAsStream("/samples/misc/netbox-demo-data-v3.6-cmdb-subset.json")) {
			export = JSON.readTree(in);
		}
		Map<String, Map<Long, JsonNode>> byModel = new HashMap<>();
		for (JsonNode entry : export) {
			byModel.computeIfAbsent(entry.path("model").asText(), (m) -> new HashMap<>())
				.put(entry.path("pk").asLong(), entry.path("fields"));
		}
		List<ObjectNode> devices = new ArrayList<>();
		List<ObjectNode> vms = new ArrayList<>();
		for (JsonNode entry : export) {
			String model = entry.path("model").asText();
			JsonNode fields = entry.path("fields");
			if (model.equals("dcim.device")) {
				ObjectNode device = common(entry, fields, byModel);
				JsonNode type = ref(byModel, "dcim.devicetype", fields.path("device_type"));
				ObjectNode deviceType = device.putObject("device_type");
				deviceType.put("model", type.path("model").asText());
				deviceType.set("manufacturer", named(byModel, "dcim.manufacturer", type.path("manufacturer")));
				device.set("role", named(byModel, "dcim.devicerole", fields.path("role")));
				device.set("rack", named(byModel, "dcim.rack", fields.path("rack")));
				device.set("location", fields.path("location").isNull() ? null : JSON.createObjectNode());
				device.put("serial", fields.path("serial").asText(""));
				device.set("asset_tag", fields.path("asset_tag"));
				device.set("position", fields.path("position"));
				devices.add(device);
			}
			else if (model.equals("virtualization.virtualmachine")) {
				ObjectNode vm = common(entry, fields, byModel);
				vm.set("role", named(byModel, "dcim.devicerole", fields.path("role")));
				vm.set("cluster", named(byModel, "virtualization.cluster", fields.path("cluster")));
				vm.set("vcpus", fields.path("vcpus"));
				vm.set("memory", fields.path("memory"));
				vm.set("disk", fields.path("disk"));
				vms.add(vm);
			}
		}
		this.collections.put("/api/dcim/devices/", devices);
		this.collections.put("/api/virtualization/virtual-machines/", vms);
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/api/", this::handle);
		this.server.start();
	}

	private static ObjectNode common(JsonNode entry, JsonNode fields, Map<String, Map<Long, JsonNode>> byModel) {
		ObjectNode node = JSON.createObjectNode();
		node.put("id", entry.path("pk").asLong());
		node.set("name", fields.path("name"));
		node.putObject("status").put("value", fields.path("status").asText());
		node.set("site", named(byModel, "dcim.site", fields.path("site")));
		node.set("tenant", named(byModel, "tenancy.tenant", fields.path("tenant")));
		node.set("platform", named(byModel, "dcim.platform", fields.path("platform")));
		return node;
	}

	private static JsonNode ref(Map<String, Map<Long, JsonNode>> byModel, String model, JsonNode pk) {
		if (pk.isNull() || pk.isMissingNode()) {
			return JSON.missingNode();
		}
		JsonNode fields = byModel.getOrDefault(model, Map.of()).get(pk.asLong());
		return (fields != null) ? fields : JSON.missingNode();
	}

	private static JsonNode named(Map<String, Map<Long, JsonNode>> byModel, String model, JsonNode pk) {
		JsonNode fields = ref(byModel, model, pk);
		if (fields.isMissingNode()) {
			return JSON.nullNode();
		}
		ObjectNode node = JSON.createObjectNode();
		node.put("id", pk.asLong());
		node.put("name", fields.path("name").asText());
		return node;
	}

	int count(String path) {
		return this.collections.get(path).size();
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	private void handle(HttpExchange exchange) throws IOException {
		URI uri = exchange.getRequestURI();
		this.requests.add(uri.toString());
		if (!("Token " + this.token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			send(exchange, 403, "{\"detail\":\"Invalid token\"}");
			return;
		}
		List<ObjectNode> all = this.collections.get(uri.getPath());
		if (all == null) {
			send(exchange, 404, "{\"detail\":\"Not found.\"}");
			return;
		}
		Map<String, String> query = new HashMap<>();
		if (uri.getQuery() != null) {
			for (String pair : uri.getQuery().split("&")) {
				String[] kv = pair.split("=", 2);
				query.put(kv[0], (kv.length > 1) ? kv[1] : "");
			}
		}
		int limit = Integer.parseInt(query.getOrDefault("limit", "50"));
		int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
		ObjectNode page = JSON.createObjectNode();
		page.put("count", all.size());
		int end = Math.min(all.size(), offset + limit);
		page.put("next", (end < all.size()) ? url(uri.getPath()) + "?limit=" + limit + "&offset=" + end : null);
		page.putNull("previous");
		page.putArray("results").addAll(all.subList(Math.min(offset, all.size()), end));
		send(exchange, 200, JSON.writeValueAsString(page));
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
