package io.itsmhub.simulators.haloitsm;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.simulators.SimHttp;
import io.itsmhub.simulators.core.RateLimitRule;
import io.itsmhub.simulators.http.SimulatorServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.itsmhub.simulators.SimHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

class HaloItsmSimulatorTest {

	static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.parse("2026-11-29T10:00:00Z"));

	private static HaloItsmSimulator simulator;

	private static SimulatorServer server;

	private static SimHttp http;

	@BeforeAll
	static void start() {
		Clock clock = new Clock() {

			@Override
			public ZoneOffset getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return NOW.get();
			}

		};
		simulator = HaloItsmSimulator.builder()
			.client("app", "s3cret")
			.tokenLifetime(Duration.ofMinutes(10))
			.clock(clock)
			.build();
		server = SimulatorServer.start(simulator);
		http = new SimHttp(server.baseUrl());
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@BeforeEach
	void reset() {
		simulator.reset();
		http.bearer(token());
	}

	private static String token() {
		HttpResponse<String> response = http.anonymous()
			.form("/auth/token", "grant_type=client_credentials&client_id=app&client_secret=s3cret&scope=all");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json(response);
		assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
		assertThat(body.path("expires_in").asInt()).isEqualTo(600);
		return body.path("access_token").asText();
	}

	private static JsonNode post(String body) {
		HttpResponse<String> response = http.post("/api/Asset", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response);
	}

	@Test
	void theTokenEndpointRefusesAWrongSecretAndTokensExpire() {
		HttpResponse<String> wrong = http.anonymous()
			.form("/auth/token", "grant_type=client_credentials&client_id=app&client_secret=nope&scope=all");
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(json(wrong).path("error").asText()).isEqualTo("invalid_client");
		assertThat(simulator.recordedRequests().get(simulator.recordedRequests().size() - 1).body())
			.contains("client_secret=***")
			.doesNotContain("nope");
		assertThat(http.anonymous().get("/api/Asset").statusCode()).isEqualTo(401);
		String token = token();
		assertThat(http.bearer(token).get("/api/AssetType").statusCode()).isEqualTo(200);
		NOW.set(NOW.get().plus(Duration.ofMinutes(11)));
		assertThat(http.bearer(token).get("/api/AssetType").statusCode()).isEqualTo(401);
	}

	@Test
	void postUpsertsAnArrayAndAnswersTheSavedDevices() {
		int server = simulator.assetTypeId("Server");
		JsonNode created = post("[{\"assettype_id\":" + server
				+ ",\"inventory_number\":\"P1\",\"key_field\":\"SN1\",\"item_cost\":12.5},{\"assettype_id\":" + server
				+ ",\"key_field\":\"SN2\"}]");
		assertThat(created.isArray()).isTrue();
		int first = created.get(0).path("id").asInt();
		assertThat(created.get(0).path("assettype_name").asText()).isEqualTo("Server");
		JsonNode updated = post("[{\"id\":" + first + ",\"warranty_end\":\"2028-03-01T00:00:00Z\"}]");
		assertThat(updated.isObject()).isTrue();
		assertThat(updated.path("id").asInt()).isEqualTo(first);
		assertThat(updated.path("key_field").asText()).isEqualTo("SN1");
		assertThat(updated.path("warranty_end").asText()).isEqualTo("2028-03-01T00:00:00Z");
		assertThat(simulator.records().path("Server")).hasSize(2);
	}

	@Test
	void anInvalidElementRefusesTheWholeArrayWithPlainText() {
		int server = simulator.assetTypeId("Server");
		HttpResponse<String> refused = http.post("/api/Asset", "[{\"assettype_id\":" + server
				+ ",\"key_field\":\"ok\"},{\"assettype_id\":" + server + ",\"warranty_end\":\"soon\"}]");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).isEqualTo("Device 2: warranty_end: 'soon' is not a valid date-time");
		assertThat(simulator.records().path("Server")).isEmpty();
		assertThat(http.post("/api/Asset", "[{\"assettype_id\":" + server + ",\"serial\":\"x\"}]").body())
			.contains("Device has no field 'serial'");
		assertThat(http.post("/api/Asset", "[{\"key_field\":\"x\"}]").body()).contains("assettype_id is required");
		assertThat(http.post("/api/Asset", "{\"assettype_id\":" + server + "}").statusCode()).isEqualTo(400);
		assertThat(http.post("/api/Asset", "[{\"id\":999999,\"inactive\":true}]").body())
			.contains("no asset with id 999999");
	}

	@Test
	void listsSearchesAndPagesWithRecordCount() {
		int server = simulator.assetTypeId("Server");
		StringBuilder body = new StringBuilder("[");
		for (int i = 0; i < 7; i++) {
			body.append((i > 0) ? "," : "")
				.append("{\"assettype_id\":")
				.append(server)
				.append(",\"key_field\":\"SN")
				.append(i)
				.append("\",\"inventory_number\":\"P")
				.append(i)
				.append("\"}");
		}
		post(body.append("]").toString());
		JsonNode page = json(http.get("/api/Asset?pageinate=true&page_size=3&page_no=3"));
		assertThat(page.path("record_count").asInt()).isEqualTo(7);
		assertThat(page.path("assets")).hasSize(1);
		assertThat(json(http.get("/api/Asset?search=sn4")).path("assets").findValuesAsText("key_field"))
			.containsExactly("SN4");
		assertThat(json(http.get("/api/Asset?inventory_number=P5")).path("assets")).hasSize(1);
		int id = json(http.get("/api/Asset?search=SN6")).path("assets").get(0).path("id").asInt();
		post("[{\"id\":" + id + ",\"inactive\":true,\"status_name\":\"Retired\"}]");
		assertThat(json(http.get("/api/Asset?search=SN6")).path("record_count").asInt()).isZero();
		assertThat(json(http.get("/api/Asset?search=SN6&includeinactive=true")).path("record_count").asInt())
			.isEqualTo(1);
		NOW.set(NOW.get().plusSeconds(30));
		post("[{\"id\":" + id + ",\"notes\":\"changed\"}]");
		String since = NOW.get().minusSeconds(1).toString().replace("Z", "");
		assertThat(json(http.get("/api/Asset?includeinactive=true&lastupdatefromdate=" + since)).path("assets")
			.findValuesAsText("id")).containsExactly(Integer.toString(id));
	}

	@Test
	void linksAreSeenFromBothEnds() {
		int server = simulator.assetTypeId("Server");
		JsonNode created = post("[{\"assettype_id\":" + server + ",\"key_field\":\"A\"},{\"assettype_id\":" + server
				+ ",\"key_field\":\"B\"},{\"assettype_id\":" + server + ",\"key_field\":\"C\"}]");
		int a = created.get(0).path("id").asInt();
		int b = created.get(1).path("id").asInt();
		int c = created.get(2).path("id").asInt();
		post("[{\"id\":" + a + ",\"parent_assets\":[{\"id\":" + b + "}],\"sibling_assets\":[{\"id\":" + c + "}]}]");
		JsonNode parent = json(http.get("/api/Asset/" + b + "?includehierarchy=true"));
		assertThat(parent.path("child_assets").findValuesAsText("id")).containsExactly(Integer.toString(a));
		JsonNode sibling = json(http.get("/api/Asset/" + c + "?includehierarchy=true"));
		assertThat(sibling.path("sibling_assets").findValuesAsText("id")).containsExactly(Integer.toString(a));
		post("[{\"id\":" + c + ",\"parent_id\":" + b + "}]");
		assertThat(json(http.get("/api/Asset/" + b + "?includehierarchy=true")).path("child_assets")
			.findValuesAsText("id")).containsExactly(Integer.toString(a), Integer.toString(c));
		assertThat(json(http.get("/api/Asset/" + b)).has("child_assets")).isFalse();
	}

	@Test
	void assetTypesAreListedByNameAndTheProviderReachesTheSimulator() {
		JsonNode types = json(http.get("/api/AssetType"));
		assertThat(types.findValuesAsText("name")).containsAll(HaloItsmSimulator.DEFAULT_ASSET_TYPES);
		assertThat(json(http.get("/api/AssetType/" + simulator.assetTypeId("Laptop"))).path("name").asText())
			.isEqualTo("Laptop");
		HaloItsmSimulatorProvider provider = new HaloItsmSimulatorProvider();
		assertThat(provider.platformId()).isEqualTo("haloitsm");
		assertThat(provider.create(Map.of())).isInstanceOf(HaloItsmSimulator.class);
		assertThat(provider.demoTargetProperties("http://localhost:8080/sim/haloitsm")).containsEntry("base-url",
				"http://localhost:8080/sim/haloitsm");
	}

	@Test
	void theCitedRateLimitAnswers429WithRetryAfter() {
		simulator.setRateLimits(List.of(RateLimitRule.all(2, Duration.ofMinutes(5))));
		http.get("/api/AssetType");
		http.get("/api/AssetType");
		HttpResponse<String> limited = http.get("/api/AssetType");
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After")).isPresent();
		assertThat(HaloItsmSimulator.citedRateLimits()).singleElement()
			.satisfies((rule) -> assertThat(rule.limit()).isEqualTo(700));
	}

}
