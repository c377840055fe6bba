package io.itsmhub.connectors.haloitsm;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.api.model.Identifiers;
import io.itsmhub.api.target.PushOutcome;
import io.itsmhub.api.target.PushOutcome.Status;
import io.itsmhub.api.target.TargetConnector;
import io.itsmhub.api.target.TargetConnector.RelationRequest;
import io.itsmhub.api.target.TargetConnector.RetireRequest;
import io.itsmhub.api.target.TargetConnector.UpsertRequest;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.target.TargetRecord;
import io.itsmhub.api.target.TargetRef;
import io.itsmhub.api.target.TargetRelation;
import io.itsmhub.api.testing.contract.RecordedCall;
import io.itsmhub.simulators.haloitsm.HaloItsmSimulator;
import io.itsmhub.simulators.http.SimulatorServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the connector sends to Halo: the token request, the upsert arrays, the look-ups,
 * the link fields and the retirement, asserted on the requests the simulator recorded;
 * and the auto-configuration.
 */
class HaloItsmConnectorTest {

	static SimulatorServer server;

	static HaloSimulatorPlatform platform;

	static final TargetRelation PARENT = new TargetRelation("depends_on", "parent", false, Identifiers.none());

	static final TargetRelation SIBLING = new TargetRelation("connected_to", "sibling", false, Identifiers.none());

	@BeforeAll
	static void start() {
		server = SimulatorServer.start(HaloItsmSimulator.builder().build());
		platform = new HaloSimulatorPlatform(server);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@BeforeEach
	void reset() {
		platform.simulator().reset();
	}

	private static HaloItsmConnector connector() {
		return new HaloItsmConnector(
				HaloItsmProperties.of(server.baseUrl(), HaloItsmSamples.CLIENT_ID, HaloItsmSamples.CLIENT_SECRET));
	}

	@Test
	void aBatchIsATokenRequestThenOnePostOfAnArrayOfDevicesWithTheirAssetTypeId() throws Exception {
		List<TargetPayload> payloads = HaloItsmSamples.many(3);
		List<PushOutcome> outcomes = connector().upsert(requests(payloads));
		assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.CREATED));

		List<RecordedCall> calls = platform.requests();
		RecordedCall token = calls.get(0);
		assertThat(token.method() + " " + token.path()).isEqualTo("POST /auth/token");
		assertThat(token.body()).contains("grant_type=client_credentials", "client_id=hub-client", "scope=all")
			.contains("client_secret=***");
		assertThat(calls.subList(1, calls.size()))
			.allSatisfy((call) -> assertThat(call.authorization()).isEqualTo("Bearer"));
		assertThat(calls).extracting((call) -> call.method() + " " + call.path())
			.containsOnlyOnce("GET /api/AssetType");
		// three payloads: one search per identifier instead of reading the whole list
		assertThat(calls).filteredOn((call) -> call.path().equals("/api/Asset") && call.method().equals("GET"))
			.allSatisfy((call) -> assertThat(call.query()).containsAnyOf("search=", "inventory_number="));
		List<RecordedCall> posts = calls.stream().filter(platform::isWrite).toList();
		assertThat(posts).singleElement().satisfies((call) -> assertThat(call.path()).isEqualTo("/api/Asset"));
		JsonNode body = HaloHttp.JSON.readTree(posts.get(0).body());
		assertThat(body.isArray()).isTrue();
		assertThat(body).hasSize(3).allSatisfy((device) -> {
			assertThat(device.has("id")).isFalse();
			assertThat(device.path("assettype_id").asInt())
				.isEqualTo(platform.simulator().assetTypeId("Server").intValue());
			assertThat(device.path("item_cost").isNumber()).isTrue();
			assertThat(device.path("inactive").asBoolean(true)).isFalse();
		});
		assertThat(body.get(0).path("key_field").asText()).isEqualTo("CZ800100");
		assertThat(body.get(0).path("inventory_number").asText()).isEqualTo("P3000100");
		assertThat(body.get(0).path("supplier_purchasedate").asText()).isEqualTo("2024-06-01T00:00:00Z");
	}

	@Test
	void anUpdateCarriesTheIdAndOnlyTheMappedFields() throws Exception {
		HaloItsmConnector connector = connector();
		TargetPayload payload = HaloItsmSamples.many(1).get(0);
		TargetRef ref = connector.upsert(requests(List.of(payload))).get(0).ref();
		platform.clearRequests();
		PushOutcome updated = connector.upsert(List.of(new UpsertRequest(payload, ref))).get(0);
		assertThat(updated.status()).isEqualTo(Status.UPDATED);
		assertThat(platform.requests()).extracting((call) -> call.method() + " " + call.path())
			.containsExactly("POST /api/Asset");
		JsonNode device = HaloHttp.JSON.readTree(platform.requests().get(0).body()).get(0);
		assertThat(device.path("id").asText()).isEqualTo(ref.recordId());
		assertThat(device.properties()).extracting(Map.Entry::getKey)
			.containsExactlyElementsOf(fieldsSent(payload.records().get(0)));
	}

	private static List<String> fieldsSent(TargetRecord record) {
		List<String> names = new java.util.ArrayList<>(List.of("id", "assettype_id"));
		names.addAll(record.fields().keySet());
		return names;
	}

	@Test
	void theTokenIsKeptAndRenewedOnceWhenHaloAnswers401() {
		HaloItsmConnector connector = connector();
		connector.upsert(requests(HaloItsmSamples.many(1)));
		connector.upsert(requests(HaloItsmSamples.many(2).subList(1, 2)));
		assertThat(platform.requests()).filteredOn((call) -> call.path().equals("/auth/token")).hasSize(1);

		platform.simulator().revokeTokens();
		platform.clearRequests();
		connector.upsert(requests(List.of(HaloItsmSamples.many(3).get(2))));
		assertThat(platform.requests()).extracting((call) -> call.method() + " " + call.path() + " " + call.status())
			.startsWith("GET /api/Asset 401", "POST /auth/token 200", "GET /api/Asset 200");
	}

	@Test
	void theTenantGoesToTheTokenEndpoint() {
		HaloItsmProperties properties = new HaloItsmProperties(true, server.baseUrl(), server.baseUrl() + "/auth",
				"acme", HaloItsmSamples.CLIENT_ID, io.itsmhub.api.target.Secret.of(HaloItsmSamples.CLIENT_SECRET), null,
				null, null, null, 100, 100, 3, null, null);
		assertThat(new HaloItsmConnector(properties).verify()).isEmpty();
		assertThat(platform.requests().get(0).path()).isEqualTo("/auth/token");
		assertThat(platform.requests().get(0).query()).isEqualTo("tenant=acme");
	}

	@Test
	void manyLookUpsReadTheAssetListOnceAndThenOnlyWhatChanged() {
		HaloItsmConnector connector = connector();
		List<TargetPayload> payloads = HaloItsmSamples.many(10);
		List<PushOutcome> created = connector.upsert(requests(payloads));
		List<RecordedCall> firstReads = platform.requests()
			.stream()
			.filter((call) -> call.method().equals("GET") && call.path().equals("/api/Asset"))
			.toList();
		assertThat(firstReads).singleElement().satisfies((call) -> {
			assertThat(call.query()).contains("includeinactive=true", "pageinate=true", "page_size=100", "page_no=1")
				.doesNotContain("lastupdatefromdate");
		});
		platform.clearRequests();
		Map<String, TargetRef> found = connector.find(payloads);
		assertThat(found).hasSize(10);
		for (int i = 0; i < 10; i++) {
			assertThat(found.get(payloads.get(i).itemId())).isEqualTo(created.get(i).ref());
		}
		assertThat(platform.requests()).singleElement()
			.satisfies((call) -> assertThat(call.queryParam("lastupdatefromdate")).isNotBlank());
	}

	@Test
	void linksAreMergedWithTheLinksTheAssetHasAndWrittenOnce() throws Exception {
		HaloItsmConnector connector = connector();
		List<PushOutcome> created = connector.upsert(requests(HaloItsmSamples.many(3)));
		TargetRef a = created.get(0).ref();
		TargetRef b = created.get(1).ref();
		TargetRef c = created.get(2).ref();
		connector.relate(List.of(new RelationRequest("a", a, PARENT, b)));
		platform.clearRequests();
		List<PushOutcome> outcomes = connector.relate(List.of(new RelationRequest("a", a, PARENT, c),
				new RelationRequest("a", a, SIBLING, b), new RelationRequest("a", a, PARENT, b)));
		assertThat(outcomes).extracting(PushOutcome::status)
			.containsExactly(Status.RELATED, Status.RELATED, Status.UNCHANGED);
		assertThat(platform.requests()).extracting((call) -> call.method() + " " + call.path())
			.containsExactly("GET /api/Asset/" + a.recordId(), "POST /api/Asset");
		assertThat(platform.requests().get(0).query()).isEqualTo("includehierarchy=true");
		JsonNode device = HaloHttp.JSON.readTree(platform.requests().get(1).body()).get(0);
		assertThat(device.path("id").asText()).isEqualTo(a.recordId());
		assertThat(device.path("parent_assets").findValuesAsText("id")).containsExactly(b.recordId(), c.recordId());
		assertThat(device.path("sibling_assets").findValuesAsText("id")).containsExactly(b.recordId());
		platform.assertRelated(a, PARENT, b);
		platform.assertRelated(a, PARENT, c);
		platform.assertRelated(a, SIBLING, b);
		// the parent sees its child
		assertThat(platform.asset(b.recordId()).path("child_assets").findValuesAsText("id"))
			.containsExactly(a.recordId());
	}

	@Test
	void aReverseRelationIsWrittenOnTheOtherAssetAndAnIdFieldTakesOneId() throws Exception {
		HaloItsmConnector connector = new HaloItsmConnector(
				HaloItsmProperties.of(server.baseUrl(), HaloItsmSamples.CLIENT_ID, HaloItsmSamples.CLIENT_SECRET)
					.withRelationFields(Map.of("parent", "parent_id")));
		List<PushOutcome> created = connector.upsert(requests(HaloItsmSamples.many(2)));
		TargetRef child = created.get(0).ref();
		TargetRef parent = created.get(1).ref();
		platform.clearRequests();
		TargetRelation contains = new TargetRelation("contains", "parent", true, Identifiers.none());
		assertThat(connector.relate(List.of(new RelationRequest("p", parent, contains, child))).get(0).status())
			.isEqualTo(Status.RELATED);
		JsonNode device = HaloHttp.JSON.readTree(platform.requests().get(1).body()).get(0);
		assertThat(device.path("id").asText()).isEqualTo(child.recordId());
		assertThat(device.path("parent_id").asText()).isEqualTo(parent.recordId());
		assertThat(platform.asset(parent.recordId()).path("child_assets").findValuesAsText("id"))
			.containsExactly(child.recordId());
	}

	@Test
	void aRelationOfAnAssetDeletedInHaloFailsAloneWithHalosMessage() throws Exception {
		HaloItsmConnector connector = connector();
		List<PushOutcome> created = connector.upsert(requests(HaloItsmSamples.many(3)));
		TargetRef a = created.get(0).ref();
		TargetRef b = created.get(1).ref();
		TargetRef c = created.get(2).ref();
		deleteInHalo(a.recordId());
		List<PushOutcome> outcomes = connector
			.relate(List.of(new RelationRequest("a", a, PARENT, b), new RelationRequest("c", c, PARENT, b)));
		assertThat(outcomes.get(0).status()).isEqualTo(Status.FAILED);
		assertThat(outcomes.get(0).failure().httpStatus()).isEqualTo(404);
		assertThat(outcomes.get(0).failure().message()).contains("Asset not found");
		assertThat(outcomes.get(1).status()).isEqualTo(Status.RELATED);
	}

	@Test
	void retirementSetsInactiveAndTheRetiredStatusInOneArray() {
		HaloItsmConnector connector = connector();
		List<TargetPayload> payloads = HaloItsmSamples.many(2);
		List<PushOutcome> created = connector.upsert(requests(payloads));
		platform.clearRequests();
		List<PushOutcome> retired = connector
			.retire(List.of(new RetireRequest(payloads.get(0).itemId(), created.get(0).ref(), null),
					new RetireRequest(payloads.get(1).itemId(), created.get(1).ref(), null)));
		assertThat(retired).extracting(PushOutcome::status).containsExactly(Status.RETIRED, Status.RETIRED);
		assertThat(platform.requests()).singleElement().satisfies((call) -> {
			assertThat(call.method() + " " + call.path()).isEqualTo("POST /api/Asset");
			assertThat(call.body().replace(" ", "").replace("\n", "")).isEqualTo("[{\"id\":"
					+ created.get(0).ref().recordId() + ",\"inactive\":true,\"status_name\":\"Retired\"},{\"id\":"
					+ created.get(1).ref().recordId() + ",\"inactive\":true,\"status_name\":\"Retired\"}]");
		});
		platform.assertRetired(created.get(0).ref());
		// retired assets are still found, so a returning machine is reactivated, not
		// duplicated
		assertThat(connector.find(payloads)).hasSize(2);
	}

	@Test
	void anAssetTypeTheTenantLacksFailsThatRecordOnly() {
		TargetPayload good = HaloItsmSamples.many(1).get(0);
		TargetRecord record = good.records().get(0);
		TargetPayload odd = new TargetPayload(good.platform(), "odd",
				List.of(new TargetRecord(record.role(), "Quantum Computer", record.fields(), Map.of())), List.of(),
				"hash");
		List<PushOutcome> outcomes = connector().upsert(requests(List.of(good, odd)));
		assertThat(outcomes.get(0).status()).isEqualTo(Status.CREATED);
		assertThat(outcomes.get(1).status()).isEqualTo(Status.FAILED);
		assertThat(outcomes.get(1).failure().message()).contains("no asset type 'Quantum Computer'");
	}

	@Test
	void theConnectorBeanExistsOnlyWhenEnabledAndItsSecretNeverPrints() {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HaloItsmAutoConfiguration.class));
		runner.run((context) -> assertThat(context).doesNotHaveBean(TargetConnector.class));
		runner
			.withPropertyValues("hub.targets.haloitsm.enabled=true",
					"hub.targets.haloitsm.base-url=" + server.baseUrl(), "hub.targets.haloitsm.client-id=hub-client",
					"hub.targets.haloitsm.client-secret=hub-secret",
					"hub.targets.haloitsm.relation-fields.parent=parent_id")
			.run((context) -> {
				assertThat(context).hasSingleBean(TargetConnector.class);
				HaloItsmProperties properties = context.getBean(HaloItsmProperties.class);
				assertThat(properties.clientSecret().reveal()).isEqualTo("hub-secret");
				assertThat(properties.toString()).doesNotContain("hub-secret");
				assertThat(properties.relationFields()).containsEntry("parent", "parent_id")
					.containsEntry("sibling", "sibling_assets");
				assertThat(properties.scope()).isEqualTo("all");
				assertThat(context.getBean(TargetConnector.class).verify()).isEmpty();
			});
		runner.withPropertyValues("hub.targets.haloitsm.enabled=true", "hub.targets.haloitsm.base-url=ftp://x")
			.run((context) -> assertThat(context.getBean(TargetConnector.class).verify())
				.extracting(TargetConnector.ConfigProblem::property)
				.containsExactly("hub.targets.haloitsm.base-url", "hub.targets.haloitsm.client-id",
						"hub.targets.haloitsm.client-secret"));
	}

	// DELETE /api/Asset/{id}, as someone might in Halo's UI
	private static void deleteInHalo(String id) throws Exception {
		java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
		String form = "grant_type=client_credentials&client_id=" + HaloItsmSamples.CLIENT_ID + "&client_secret="
				+ HaloItsmSamples.CLIENT_SECRET + "&scope=all";
		String token = HaloHttp.JSON.readTree(
				client
					.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/auth/token"))
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
						.build(), java.net.http.HttpResponse.BodyHandlers.ofString())
					.body())
			.path("access_token")
			.asText();
		int status = client
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/api/Asset/" + id))
				.header("Authorization", "Bearer " + token)
				.DELETE()
				.build(), java.net.http.HttpResponse.BodyHandlers.discarding())
			.statusCode();
		assertThat(status).isEqualTo(200);
	}

	private static List<UpsertRequest> requests(List<TargetPayload> payloads) {
		return payloads.stream().map((payload) -> new UpsertRequest(payload, null)).toList();
	}

}
