package io.itsmhub.connectors.hornbill;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.LifecycleStatus;
import io.itsmhub.api.target.PushOutcome;
import io.itsmhub.api.target.PushOutcome.Status;
import io.itsmhub.api.target.TargetConnector.RelationRequest;
import io.itsmhub.api.target.TargetConnector.RetireRequest;
import io.itsmhub.api.target.TargetConnector.UpsertRequest;
import io.itsmhub.api.target.TargetException;
import io.itsmhub.api.target.TargetFailure;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.target.TargetRef;
import io.itsmhub.api.target.TargetRelation;
import io.itsmhub.api.testing.contract.RecordedCall;
import io.itsmhub.simulators.core.RecordedRequest;
import io.itsmhub.simulators.http.SimulatorServer;
import io.itsmhub.simulators.hornbill.HornbillSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the connector sends to Hornbill, asserted on the requests the simulator recorded:
 * the methodCall envelope and headers, the split into primary and class extension data,
 * the URN follow-up, look-ups, links, retirement; endpoint discovery; HTTP 200
 * {@code @status false} answers sorted into record refusals and whole-call failures
 * (WireMock); the auto-configuration.
 */
class HornbillConnectorTest {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T10:15:30Z"), ZoneOffset.UTC);

	static SimulatorServer server;

	static HornbillSimulatorPlatform platform;

	static WireMockServer wiremock;

	@BeforeAll
	static void start() {
		server = SimulatorServer.start(HornbillSimulator.builder().build());
		platform = new HornbillSimulatorPlatform(server);
		wiremock = new WireMockServer(wireMockConfig().dynamicPort());
		wiremock.start();
	}

	@AfterAll
	static void stop() {
		server.close();
		wiremock.stop();
	}

	@BeforeEach
	void reset() {
		platform.simulator().reset();
		wiremock.resetAll();
	}

	static HornbillConnector connector() {
		return new HornbillConnector(HornbillProperties.endpoint(platform.endpoint(), HornbillSamples.API_KEY),
				HttpClient.newHttpClient(), CLOCK);
	}

	static TargetPayload server(int i, String owner, LifecycleStatus status) {
		return HornbillSamples.map(HornbillSamples.machine(CiClass.SERVER, i, owner, status, List.of()));
	}

	List<RecordedCall> calls(String method) {
		return platform.requests()
			.stream()
			.filter((call) -> HornbillSimulatorPlatform.method(call).equals(method))
			.toList();
	}

	@Test
	void aCreateIsOneEntityAddRecordWithPrimaryAndClassDataThenTheUrn() {
		HornbillConnector connector = connector();
		TargetPayload payload = server(7, "alice@example.com", LifecycleStatus.IN_USE);
		PushOutcome outcome = connector.upsert(List.of(new UpsertRequest(payload, null))).get(0);
		assertThat(outcome.status()).as("%s", outcome.failure()).isEqualTo(Status.CREATED);

		RecordedRequest add = platform.simulator()
			.recordedRequests()
			.stream()
			.filter((request) -> "entityAddRecord".equals(request.query().get("method").get(0)))
			.findFirst()
			.orElseThrow();
		assertThat(add.path()).isEqualTo("/xmlmc/data/");
		assertThat(add.headers().get("accept")).containsExactly("text/json");
		assertThat(add.headers().get("authorization")).containsExactly("ESP-APIKEY ***");
		JsonNode call = HornbillSimulatorPlatform.params(HornbillSimulatorPlatform.call(add));
		JsonNode envelope = io.itsmhub.simulators.core.Json
			.parse(add.body().getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.path("methodCall");
		assertThat(envelope.path("@service").asText()).isEqualTo("data");
		assertThat(envelope.path("@method").asText()).isEqualTo("entityAddRecord");
		assertThat(call.path("application").asText()).isEqualTo("com.hornbill.servicemanager");
		assertThat(call.path("entity").asText()).isEqualTo("Asset");
		JsonNode primary = call.path("primaryEntityData").path("record");
		assertThat(primary.path("h_class").asText()).isEqualTo("computer");
		assertThat(primary.path("h_type").asText()).isEqualTo("1");
		assertThat(primary.path("h_name").asText()).isEqualTo("srv-7");
		assertThat(primary.path("h_asset_tag").asText()).isEqualTo("P3000007");
		assertThat(primary.path("h_owned_by").asText()).isEqualTo("urn:sys:user:alice");
		assertThat(primary.path("h_cost").asText()).isEqualTo("4200.00");
		assertThat(primary.path("h_order_date").asText()).isEqualTo("2024-06-01 00:00:00");
		assertThat(primary.path("h_operational_state").asText()).isEqualTo("1");
		assertThat(primary.has("h_serial_number")).isFalse();
		JsonNode related = call.path("relatedEntityData");
		assertThat(related.path("relationshipName").asText()).isEqualTo("AssetClass");
		assertThat(related.path("entityAction").asText()).isEqualTo("insert");
		assertThat(related.path("record").path("h_serial_number").asText()).isEqualTo("CZ800007");
		assertThat(related.path("record").path("h_model").asText()).isEqualTo("PowerEdge R650");
		assertThat(related.path("record").path("h_net_computer_name").asText()).isEqualTo("srv-7");
		assertThat(related.path("record").path("h_physical_memory").asText()).isEqualTo("65536");

		List<RecordedCall> updates = calls("entityUpdateRecord");
		assertThat(updates).hasSize(1);
		JsonNode urn = HornbillSimulatorPlatform.params(updates.get(0)).path("primaryEntityData").path("record");
		assertThat(urn.path("h_pk_asset_id").asText()).isEqualTo(outcome.ref().recordId());
		assertThat(urn.path("h_asset_urn").asText())
			.isEqualTo("urn:sys:entity:com.hornbill.servicemanager:Asset:" + outcome.ref().recordId());
		assertThat(platform.asset(outcome.ref().recordId()).path("h_asset_urn").asText())
			.isEqualTo(outcome.ref().recordKey());
		assertThat(platform.extension(outcome.ref().recordId()).path("h_serial_number").asText()).isEqualTo("CZ800007");
	}

	@Test
	void lookUpsGoBySerialOnTheClassEntityThenAssetTagAndNameOnlyForWhatIsLeft() {
		HornbillConnector connector = connector();
		TargetPayload first = server(1, "alice@example.com", LifecycleStatus.IN_USE);
		TargetPayload second = server(2, "alice@example.com", LifecycleStatus.IN_USE);
		List<PushOutcome> created = connector.upsert(List.of(new UpsertRequest(first, null)));
		platform.clearRequests();

		Map<String, TargetRef> found = connector.find(List.of(first, second));
		assertThat(found).containsOnlyKeys(first.itemId());
		assertThat(found.get(first.itemId()).recordId()).isEqualTo(created.get(0).ref().recordId());
		List<RecordedCall> browses = calls("entityBrowseRecords2");
		assertThat(browses).extracting((call) -> HornbillSimulatorPlatform.params(call).path("entity").asText())
			.containsExactly("AssetsComputer", "Asset", "Asset");
		JsonNode serial = HornbillSimulatorPlatform.params(browses.get(0));
		assertThat(serial.path("matchScope").asText()).isEqualTo("any");
		assertThat(serial.path("searchFilter")).hasSize(2);
		assertThat(serial.path("searchFilter").path(0).path("column").asText()).isEqualTo("h_serial_number");
		assertThat(serial.path("searchFilter").path(0).path("matchType").asText()).isEqualTo("exact");
		// the asset tag and name queries ask for the one payload still unmatched
		JsonNode tag = HornbillSimulatorPlatform.params(browses.get(1));
		assertThat(tag.path("searchFilter")).hasSize(1);
		assertThat(tag.path("searchFilter").path(0).path("value").asText()).isEqualTo("P3000002");
	}

	@Test
	void anUnchangedUpdateIsUnchangedAndAChangeSendsPrimaryAndClassData() {
		HornbillConnector connector = connector();
		TargetPayload payload = server(3, "alice@example.com", LifecycleStatus.IN_USE);
		TargetRef ref = connector.upsert(List.of(new UpsertRequest(payload, null))).get(0).ref();
		platform.clearRequests();

		assertThat(connector.upsert(List.of(new UpsertRequest(payload, ref))).get(0).status())
			.isEqualTo(Status.UNCHANGED);
		TargetPayload changed = server(3, "bob@example.com", LifecycleStatus.IN_USE);
		PushOutcome outcome = connector.upsert(List.of(new UpsertRequest(changed, ref))).get(0);
		assertThat(outcome.status()).isEqualTo(Status.UPDATED);
		List<RecordedCall> updates = calls("entityUpdateRecord");
		assertThat(updates).hasSize(2);
		JsonNode params = HornbillSimulatorPlatform.params(updates.get(1));
		assertThat(params.path("primaryEntityData").path("record").path("h_pk_asset_id").asText())
			.isEqualTo(ref.recordId());
		assertThat(params.path("primaryEntityData").path("record").path("h_owned_by").asText())
			.isEqualTo("urn:sys:user:bob");
		assertThat(params.path("primaryEntityData").path("record").has("h_class")).isFalse();
		assertThat(params.path("relatedEntityData").path("entityAction").asText()).isEqualTo("update");
		assertThat(params.path("relatedEntityData").path("record").path("h_pk_asset_id").asText())
			.isEqualTo(ref.recordId());
		assertThat(calls("entityAddRecord")).isEmpty();
		assertThat(platform.asset(ref.recordId()).path("h_owned_by").asText()).isEqualTo("urn:sys:user:bob");
	}

	@Test
	void aLinkNamesBothAssetsByUrnAndAReverseRelationSwapsThem() {
		HornbillConnector connector = connector();
		List<PushOutcome> created = connector
			.upsert(List.of(new UpsertRequest(server(1, "a@example.com", LifecycleStatus.IN_USE), null),
					new UpsertRequest(server(2, "a@example.com", LifecycleStatus.IN_USE), null)));
		TargetRef vm = created.get(0).ref();
		TargetRef host = created.get(1).ref();
		platform.clearRequests();
		TargetRelation installedOn = new TargetRelation("runs_on", "Installed On", false,
				io.itsmhub.api.model.Identifiers.of(io.itsmhub.api.model.IdentifierType.HOSTNAME, "srv-2"));
		TargetRelation reverse = new TargetRelation("hosts", "Depends On", true,
				io.itsmhub.api.model.Identifiers.of(io.itsmhub.api.model.IdentifierType.HOSTNAME, "srv-2"));
		List<PushOutcome> outcomes = connector.relate(List.of(new RelationRequest("item-1", vm, installedOn, host),
				new RelationRequest("item-1", vm, reverse, host)));
		assertThat(outcomes).extracting(PushOutcome::status).containsExactly(Status.RELATED, Status.RELATED);

		List<RecordedCall> links = calls("linkAsset");
		assertThat(links).hasSize(2);
		assertThat(links.get(0).path()).isEqualTo("/xmlmc/apps/com.hornbill.servicemanager/Asset/");
		JsonNode first = HornbillSimulatorPlatform.params(links.get(0));
		assertThat(first.path("leftEntityId").asText()).isEqualTo(HornbillSimulatorPlatform.urn(vm));
		assertThat(first.path("leftEntityType").asText()).isEqualTo("asset");
		assertThat(first.path("leftRelType").asText()).isEqualTo("Installed On");
		assertThat(first.path("rightEntityId").asText()).isEqualTo(HornbillSimulatorPlatform.urn(host));
		assertThat(first.path("rightRelType").asText()).isEqualTo("Has Installed");
		assertThat(first.path("dependsOn").asBoolean()).isTrue();
		JsonNode second = HornbillSimulatorPlatform.params(links.get(1));
		assertThat(second.path("leftEntityId").asText()).isEqualTo(HornbillSimulatorPlatform.urn(host));
		assertThat(second.path("rightEntityId").asText()).isEqualTo(HornbillSimulatorPlatform.urn(vm));
		assertThat(second.path("rightRelType").asText()).isEqualTo("Used By");
	}

	@Test
	void retiringSetsTheOperationalStateOfTheMappingAndTheRetiredDate() {
		HornbillConnector connector = connector();
		TargetPayload payload = server(5, "a@example.com", LifecycleStatus.IN_USE);
		TargetRef ref = connector.upsert(List.of(new UpsertRequest(payload, null))).get(0).ref();
		platform.clearRequests();
		PushOutcome outcome = connector
			.retire(List
				.of(new RetireRequest(payload.itemId(), ref, server(5, "a@example.com", LifecycleStatus.RETIRED))))
			.get(0);
		assertThat(outcome.status()).isEqualTo(Status.RETIRED);
		JsonNode record = HornbillSimulatorPlatform.params(calls("entityUpdateRecord").get(0))
			.path("primaryEntityData")
			.path("record");
		assertThat(record.path("h_operational_state").asText()).isEqualTo("4");
		assertThat(record.path("h_actual_retired_date").asText()).isEqualTo("2026-11-29 10:15:30");
		assertThat(record.has("h_record_state")).isFalse();
		assertThat(platform.requests()).noneMatch((call) -> HornbillSimulatorPlatform.method(call).contains("Delete"));
	}

	@Test
	void theEndpointIsDiscoveredOnceFromTheInstancesZoneinfo() {
		HornbillConnector connector = new HornbillConnector(HornbillProperties.discovered("acme",
				platform.baseUrl() + "/instances/{instance}/zoneinfo", HornbillSamples.API_KEY));
		assertThat(connector.verify()).isEmpty();
		connector.upsert(List.of(new UpsertRequest(server(9, "a@example.com", LifecycleStatus.IN_USE), null)));
		List<RecordedCall> zoneinfo = platform.requests()
			.stream()
			.filter((call) -> call.path().endsWith("/zoneinfo"))
			.toList();
		assertThat(zoneinfo).hasSize(1);
		assertThat(zoneinfo.get(0).path()).isEqualTo("/instances/acme/zoneinfo");
		assertThat(zoneinfo.get(0).authorization()).isNull();
		assertThat(platform.requests()).filteredOn((call) -> call.method().equals("POST"))
			.allSatisfy((call) -> assertThat(call.path()).startsWith("/xmlmc/"));
	}

	@Test
	void settingsProblemsNameTheirProperty() {
		HornbillConnector connector = new HornbillConnector(new HornbillProperties(true, null, null, null, null, null,
				null, null, true, null, null, 100, 100, 100, null, null));
		assertThat(connector.verify()).extracting((problem) -> problem.property())
			.containsExactlyInAnyOrder("hub.targets.hornbill.instance", "hub.targets.hornbill.api-key");
		HornbillConnector unknownType = new HornbillConnector(new HornbillProperties(true, null, null,
				platform.endpoint(), io.itsmhub.api.target.Secret.of(HornbillSamples.API_KEY), null,
				Map.of("Printer", "Plotter"), null, true, null, null, 100, 100, 100, null, null));
		assertThat(unknownType.verify()).singleElement().satisfies((problem) -> {
			assertThat(problem.property()).isEqualTo("hub.targets.hornbill.asset-types");
			assertThat(problem.message()).contains("Plotter");
		});
	}

	@Test
	void aStatusFalseAnswerAboutTheKeyFailsTheWholeCallAndARefusalOnlyItsRecord() {
		wiremock.stubFor(post(urlPathEqualTo("/xmlmc/data/")).withRequestBody(containing("AssetsTypes"))
			.willReturn(aResponse().withStatus(200)
				.withBody("{\"@status\":true,\"params\":{\"rowData\":{\"row\":"
						+ "{\"h_pk_type_id\":\"1\",\"h_name\":\"Server\",\"h_class\":\"computer\"}}}}")));
		wiremock.stubFor(post(urlPathEqualTo("/xmlmc/data/")).withRequestBody(containing("entityBrowseRecords2"))
			.withRequestBody(containing("\"Asset"))
			.atPriority(10)
			.willReturn(aResponse().withStatus(200).withBody("{\"@status\":true,\"params\":{}}")));
		wiremock.stubFor(post(urlPathEqualTo("/xmlmc/data/")).withRequestBody(containing("srv-1"))
			.withRequestBody(containing("entityAddRecord"))
			.willReturn(aResponse().withStatus(200)
				.withBody("{\"@status\":false,\"state\":{\"code\":\"0200\",\"service\":\"data\","
						+ "\"operation\":\"entityAddRecord\",\"error\":\"The value for column h_name is too long\"}}")));
		wiremock.stubFor(post(urlPathEqualTo("/xmlmc/data/")).withRequestBody(containing("srv-2"))
			.withRequestBody(containing("entityAddRecord"))
			.willReturn(aResponse().withStatus(200)
				.withBody(
						"{\"@status\":true,\"params\":{\"primaryEntityData\":{\"record\":{\"h_pk_asset_id\":\"77\"}}}}")));
		HornbillConnector connector = new HornbillConnector(
				HornbillProperties.endpoint(wiremock.baseUrl() + "/xmlmc/", HornbillSamples.API_KEY)
					.withSetAssetUrn(false));
		List<PushOutcome> outcomes = connector
			.upsert(List.of(new UpsertRequest(server(1, "a@example.com", LifecycleStatus.IN_USE), null),
					new UpsertRequest(server(2, "a@example.com", LifecycleStatus.IN_USE), null)));
		assertThat(outcomes.get(0).status()).isEqualTo(Status.FAILED);
		assertThat(outcomes.get(0).failure().kind()).isEqualTo(TargetFailure.Kind.PERMANENT);
		assertThat(outcomes.get(0).failure().message()).isEqualTo("The value for column h_name is too long");
		assertThat(outcomes.get(1).status()).isEqualTo(Status.CREATED);
		assertThat(outcomes.get(1).ref().recordId()).isEqualTo("77");

		wiremock.resetAll();
		wiremock.stubFor(post(urlPathEqualTo("/xmlmc/data/")).willReturn(aResponse().withStatus(200)
			.withBody(
					"{\"@status\":false,\"state\":{\"error\":\"Authentication failure: the session has expired\"}}")));
		HornbillConnector again = new HornbillConnector(
				HornbillProperties.endpoint(wiremock.baseUrl() + "/xmlmc/", HornbillSamples.API_KEY));
		assertThatThrownBy(() -> again
			.upsert(List.of(new UpsertRequest(server(1, "a@example.com", LifecycleStatus.IN_USE), null))))
			.isInstanceOfSatisfying(TargetException.class, (ex) -> {
				assertThat(ex.failure().kind()).isEqualTo(TargetFailure.Kind.AUTHENTICATION);
				assertThat(ex.failure().property()).isEqualTo("hub.targets.hornbill.api-key");
				assertThat(ex.getMessage()).doesNotContain(HornbillSamples.API_KEY);
			});
	}

	@Test
	void theAutoConfigurationMakesTheConnectorOnlyWhenEnabled() {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HornbillAutoConfiguration.class));
		runner.run((context) -> assertThat(context).doesNotHaveBean(HornbillConnector.class));
		runner
			.withPropertyValues("hub.targets.hornbill.enabled=true", "hub.targets.hornbill.instance=acme",
					"hub.targets.hornbill.api-key=secret-key", "hub.targets.hornbill.asset-types[Computer]=Desktop",
					"hub.targets.hornbill.api.link-method=linkAssets")
			.run((context) -> {
				assertThat(context).hasSingleBean(HornbillConnector.class);
				HornbillProperties properties = context.getBean(HornbillProperties.class);
				assertThat(properties.assetTypes()).containsEntry("Computer", "Desktop")
					.containsEntry("Printer", "Printer");
				assertThat(properties.api().linkMethod()).isEqualTo("linkAssets");
				assertThat(properties.api().leftEntityId()).isEqualTo("leftEntityId");
				assertThat(properties.setAssetUrn()).isTrue();
				assertThat(properties.toString()).doesNotContain("secret-key");
			});
	}

}
