package io.itsmhub.simulators.hornbill;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ServiceLoader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsmhub.simulators.core.Json;
import io.itsmhub.simulators.core.SimulatorProvider;
import io.itsmhub.simulators.http.SimulatorServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Hornbill simulator over HTTP: discovery, authentication, methods, answers. */
class HornbillSimulatorTest {

	static SimulatorServer server;

	static HornbillSimulator simulator;

	static final HttpClient HTTP = HttpClient.newHttpClient();

	@BeforeAll
	static void start() {
		simulator = HornbillSimulator.builder().build();
		server = SimulatorServer.start(simulator);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@BeforeEach
	void reset() {
		simulator.reset();
	}

	static HttpResponse<String> call(String service, String method, JsonNode params, String key, String accept) {
		ObjectNode body = Json.object();
		ObjectNode call = body.putObject("methodCall");
		call.put("@service", service);
		call.put("@method", method);
		call.set("params", params);
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(server.baseUrl() + "/xmlmc/" + service + "/?method=" + method))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()));
		if (key != null) {
			request.header("Authorization", "ESP-APIKEY " + key);
		}
		if (accept != null) {
			request.header("Accept", accept);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode ok(String service, String method, JsonNode params) {
		HttpResponse<String> response = call(service, method, params, "hornbill-api-key", "text/json");
		assertThat(response.statusCode()).isEqualTo(200);
		return Json.parse(response.body().getBytes());
	}

	static JsonNode params(String json) {
		return Json.parse(json.getBytes());
	}

	static String add(String name, String serial) {
		JsonNode answer = ok("data", "entityAddRecord", params(
				"{\"application\":\"com.hornbill.servicemanager\",\"entity\":\"Asset\",\"returnModifiedData\":true,"
						+ "\"primaryEntityData\":{\"record\":{\"h_class\":\"computer\",\"h_type\":\"1\",\"h_name\":\""
						+ name + "\",\"h_order_date\":\"2024-01-01 00:00:00\"}},\"relatedEntityData\":{"
						+ "\"relationshipName\":\"AssetClass\",\"entityAction\":\"insert\",\"record\":{\"h_type\":\"1\","
						+ "\"h_serial_number\":\"" + serial + "\"}}}"));
		assertThat(answer.path("@status").asBoolean()).as("%s", answer).isTrue();
		return answer.path("params").path("primaryEntityData").path("record").path("h_pk_asset_id").asText();
	}

	@Test
	void zoneinfoNamesTheApiEndpointWithoutAuthentication() throws Exception {
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(URI.create(server.baseUrl() + "/instances/acme/zoneinfo")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode zone = Json.parse(response.body().getBytes()).path("zoneinfo");
		assertThat(zone.path("apiEndpoint").asText()).isEqualTo(server.baseUrl() + "/xmlmc/");
		assertThat(zone.path("message").asText()).isEqualTo("Success");
	}

	@Test
	void aMissingOrWrongKeyIs401InHornbillsShape() {
		for (String key : new String[] { null, "wrong" }) {
			HttpResponse<String> response = call("session", "getSessionInfo", Json.object(), key, "text/json");
			assertThat(response.statusCode()).isEqualTo(401);
			JsonNode body = Json.parse(response.body().getBytes());
			assertThat(body.path("@status").asBoolean(true)).isFalse();
			assertThat(body.path("state").path("error").asText()).contains("Authentication failure");
		}
		assertThat(call("session", "getSessionInfo", Json.object(), "hornbill-api-key", null).statusCode())
			.isEqualTo(400);
	}

	@Test
	void browseAnswersOneRowAsAnObjectSeveralAsAListAndPages() {
		String first = add("srv-1", "SN1");
		add("srv-2", "SN2");
		add("srv-3", "SN3");
		String filter = "\"searchFilter\":[{\"column\":\"h_serial_number\",\"value\":\"sn1\",\"matchType\":\"exact\"},"
				+ "{\"column\":\"h_serial_number\",\"value\":\"SN2\",\"matchType\":\"exact\"},"
				+ "{\"column\":\"h_serial_number\",\"value\":\"SN3\",\"matchType\":\"exact\"}]";
		JsonNode one = ok("data", "entityBrowseRecords2",
				params("{\"application\":\"com.hornbill.servicemanager\",\"entity\":\"AssetsComputer\","
						+ "\"matchScope\":\"any\"," + filter + ",\"maxResults\":2,\"rowStart\":2}"));
		assertThat(one.path("params").path("rowData").path("row").isObject()).isTrue();
		JsonNode two = ok("data", "entityBrowseRecords2",
				params("{\"application\":\"com.hornbill.servicemanager\",\"entity\":\"AssetsComputer\","
						+ "\"matchScope\":\"any\"," + filter + ",\"maxResults\":2,\"rowStart\":0}"));
		assertThat(two.path("params").path("rowData").path("row")).hasSize(2);
		assertThat(two.path("params").path("rowData").path("row").path(0).path("h_pk_asset_id").asText())
			.isEqualTo(first);
		JsonNode none = ok("data", "entityBrowseRecords2", params(
				"{\"application\":\"com.hornbill.servicemanager\",\"entity\":\"Asset\",\"searchFilter\":{\"column\":\"h_name\",\"value\":\"nope\"}}"));
		assertThat(none.path("@status").asBoolean()).isTrue();
		assertThat(none.path("params").has("rowData")).isFalse();
	}

	@Test
	void refusalsAreHttp200WithStatusFalse() {
		JsonNode badDate = ok("data", "entityAddRecord",
				params("{\"application\":\"com.hornbill.servicemanager\",\"entity\":\"Asset\",\"primaryEntityData\":"
						+ "{\"record\":{\"h_class\":\"computer\",\"h_type\":\"1\",\"h_name\":\"x\",\"h_order_date\":\"soon\"}}}"));
		assertThat(badDate.path("@status").asBoolean(true)).isFalse();
		assertThat(badDate.path("state").path("error").asText()).contains("h_order_date")
			.contains("is not a valid date");
		JsonNode serialOnAsset = ok("data", "entityAddRecord",
				params("{\"application\":\"com.hornbill.servicemanager\",\"entity\":\"Asset\",\"primaryEntityData\":"
						+ "{\"record\":{\"h_class\":\"computer\",\"h_type\":\"1\",\"h_name\":\"x\",\"h_serial_number\":\"S\"}}}"));
		assertThat(serialOnAsset.path("state").path("error").asText())
			.isEqualTo("The column 'h_serial_number' is not defined in entity 'Asset'");
		assertThat(simulator.records().path("Asset")).isEmpty();
	}

	@Test
	void anUpdateThatChangesNothingSaysSoAndLinksAreStoredOnce() {
		String a = add("srv-1", "SN1");
		String b = add("srv-2", "SN2");
		JsonNode same = ok("data", "entityUpdateRecord",
				params("{\"application\":\"com.hornbill.servicemanager\",\"entity\":\"Asset\",\"primaryEntityData\":"
						+ "{\"record\":{\"h_pk_asset_id\":\"" + a + "\",\"h_name\":\"srv-1\"}}}"));
		assertThat(same.path("state").path("error").asText()).isEqualTo(HornbillSimulator.NO_VALUES_TO_UPDATE);
		String link = "{\"leftEntityId\":\"urn:sys:entity:com.hornbill.servicemanager:Asset:" + a
				+ "\",\"leftEntityType\":\"asset\",\"leftRelType\":\"Depends On\","
				+ "\"rightEntityId\":\"urn:sys:entity:com.hornbill.servicemanager:Asset:" + b
				+ "\",\"rightEntityType\":\"asset\",\"rightRelType\":\"Used By\",\"dependsOn\":true}";
		String service = "apps/com.hornbill.servicemanager/Asset";
		assertThat(ok(service, "linkAsset", params(link)).path("params").path("recordsLinked").asInt()).isEqualTo(1);
		assertThat(ok(service, "linkAsset", params(link)).path("params").path("recordsLinked").asInt()).isEqualTo(0);
		assertThat(simulator.records().path("h_cmdb_config_items_dependency")).hasSize(1);
		JsonNode missing = ok(service, "linkAsset", params(link.replace("Asset:" + b, "Asset:999")));
		assertThat(missing.path("@status").asBoolean(true)).isFalse();
	}

	@Test
	void theProviderIsRegisteredWithDemoSettings() {
		SimulatorProvider provider = ServiceLoader.load(SimulatorProvider.class)
			.stream()
			.map(ServiceLoader.Provider::get)
			.filter((candidate) -> candidate.platformId().equals("hornbill"))
			.findFirst()
			.orElseThrow();
		assertThat(provider.create(java.util.Map.of())).isInstanceOf(HornbillSimulator.class);
		assertThat(provider.demoTargetProperties("http://localhost:8080/sim/hornbill"))
			.containsEntry("api-key", "hornbill-api-key")
			.containsEntry("zoneinfo-url", "http://localhost:8080/sim/hornbill/instances/{instance}/zoneinfo");
	}

}
