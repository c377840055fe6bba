package io.itsmhub.connectors.servicenow;

import java.time.Duration;
import java.util.List;

import io.itsmhub.api.target.PushOutcome;
import io.itsmhub.api.target.TargetConnector.ConfigProblem;
import io.itsmhub.api.target.TargetConnector.UpsertRequest;
import io.itsmhub.api.target.TargetException;
import io.itsmhub.api.target.TargetFailure;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.testing.contract.RecordedCall;
import io.itsmhub.simulators.core.Fault;
import io.itsmhub.simulators.http.SimulatorServer;
import io.itsmhub.simulators.servicenow.ServiceNowSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the contract kit does not cover: OAuth, the request shapes, the verifier. */
class ServiceNowConnectorTest {

	private static final String BATCH = "/api/now/v1/batch";

	static SimulatorServer server;

	static ServiceNowSimulatorPlatform platform;

	@BeforeAll
	static void start() {
		server = SimulatorServer.start(ServiceNowSimulator.builder()
			.basicUser("hub", "hub-password")
			.oauthClient("hub-client", "hub-secret")
			.build());
		platform = new ServiceNowSimulatorPlatform(server);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@BeforeEach
	void reset() {
		platform.simulator().reset();
	}

	@Test
	void oauthClientCredentialsFetchOneTokenAndRenewItAfterA401() {
		ServiceNowConnector connector = new ServiceNowConnector(
				ServiceNowProperties.oauth2(server.baseUrl(), "hub-client", "hub-secret"));
		List<TargetPayload> items = ServiceNowSamples.contract().items();
		connector.upsert(List.of(new UpsertRequest(items.get(0), null)));
		connector.upsert(List.of(new UpsertRequest(items.get(1), null)));
		List<RecordedCall> calls = platform.requests();
		assertThat(calls.stream().filter((call) -> call.path().equals("/oauth_token.do"))).hasSize(1);
		assertThat(calls.stream().filter((call) -> !call.path().equals("/oauth_token.do")))
			.allSatisfy((call) -> assertThat(call.authorization()).isEqualTo("Bearer"));
		assertThat(calls.get(0).body()).contains("grant_type=client_credentials").doesNotContain("hub-secret");

		platform.simulator().revokeTokens();
		platform.clearRequests();
		PushOutcome outcome = connector.upsert(List.of(new UpsertRequest(items.get(2), null))).get(0);
		assertThat(outcome.status()).isEqualTo(PushOutcome.Status.CREATED);
		assertThat(platform.requests()).extracting(RecordedCall::status).startsWith(401, 200, 200);
	}

	@Test
	void aRefusedClientSecretNamesTheClientSecretProperty() {
		ServiceNowConnector connector = new ServiceNowConnector(
				ServiceNowProperties.oauth2(server.baseUrl(), "hub-client", "not-the-secret"));
		assertThatThrownBy(() -> connector.find(ServiceNowSamples.contract().items()))
			.isInstanceOfSatisfying(TargetException.class, (ex) -> {
				assertThat(ex.failure().kind()).isEqualTo(TargetFailure.Kind.AUTHENTICATION);
				assertThat(ex.failure().property()).isEqualTo("hub.targets.servicenow.client-secret");
				assertThat(ex.getMessage()).doesNotContain("not-the-secret");
			});
	}

	@Test
	void ciItemsCarryTheHubAsSourceAndAssetsGoThroughOneBatchCall() {
		ServiceNowConnector connector = new ServiceNowConnector(
				ServiceNowProperties.basic(server.baseUrl(), "hub", "hub-password"));
		List<TargetPayload> many = ServiceNowSamples.many(20);
		connector.upsert(many.stream().map((payload) -> new UpsertRequest(payload, null)).toList());
		List<RecordedCall> calls = platform.requests();
		assertThat(calls).extracting((call) -> call.method() + " " + call.path())
			.containsExactly("POST /api/now/identifyreconcile", "GET /api/now/table/alm_hardware",
					"POST /api/now/v1/batch");
		assertThat(calls.get(0).query()).isEqualTo("sysparm_data_source=ITSMHub");
		assertThat(calls.get(0).body()).contains("\"sys_object_source_info\":{\"source_name\":\"ITSMHub\"");
		assertThat(platform.table("alm_hardware")).hasSize(20)
			.allSatisfy((asset) -> assertThat(asset.path("ci").asText()).hasSize(32));
	}

	@Test
	void anAssetCreateThatTimedOutAndLandedLaterIsNotCreatedTwice() throws InterruptedException {
		ServiceNowConnector connector = new ServiceNowConnector(withTimeout(Duration.ofSeconds(2)));
		List<UpsertRequest> requests = ServiceNowSamples.many(5)
			.stream()
			.map((payload) -> new UpsertRequest(payload, null))
			.toList();
		// the asset write outlives the timeout; the platform applies it after the retry
		platform.simulator().injectFault(Fault.delay(5000).matching(BATCH, "POST"));
		assertThatThrownBy(() -> connector.upsert(requests)).isInstanceOf(TargetException.class);
		assertThat(connector.upsert(requests)).extracting(PushOutcome::status)
			.doesNotContain(PushOutcome.Status.FAILED);
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (platform.requests().stream().filter((call) -> call.path().equals(BATCH)).count() < 2
				&& System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(platform.table("alm_hardware")).hasSize(5);
	}

	@Test
	void anAssetCreateThatLandedBeforeTheRetryIsUpdatedNotCreatedTwice() {
		ServiceNowConnector connector = new ServiceNowConnector(withTimeout(Duration.ofSeconds(3)));
		List<UpsertRequest> requests = ServiceNowSamples.many(5)
			.stream()
			.map((payload) -> new UpsertRequest(payload, null))
			.toList();
		// the first asset write lands after its timeout; the retry's look-up comes too
		// early
		// to see it, and its own create arrives after it
		platform.simulator().injectFault(Fault.delay(4500).matching(BATCH, "POST"));
		platform.simulator().injectFault(Fault.delay(2000).matching(BATCH, "POST"));
		assertThatThrownBy(() -> connector.upsert(requests)).isInstanceOf(TargetException.class);
		List<PushOutcome> outcomes = connector.upsert(requests);
		assertThat(outcomes).extracting(PushOutcome::status).doesNotContain(PushOutcome.Status.FAILED);
		assertThat(platform.table("alm_hardware")).hasSize(5);
		assertThat(outcomes).allSatisfy((outcome) -> assertThat(platform.table("alm_hardware")).anySatisfy(
				(asset) -> assertThat(asset.path("sys_id").asText()).isEqualTo(outcome.ref().related().get("asset"))));
	}

	private static ServiceNowProperties withTimeout(Duration timeout) {
		return new ServiceNowProperties(true, server.baseUrl(), ServiceNowProperties.AuthMode.BASIC, "hub",
				io.itsmhub.api.target.Secret.of("hub-password"), null, null, null, null, 100, 1000, timeout, null, 7,
				6);
	}

	@Test
	void theVerifierChecksSettingsBeforeTheConnection() {
		ServiceNowProperties blank = new ServiceNowProperties(true, "", ServiceNowProperties.AuthMode.BASIC, null, null,
				null, null, "", null, 900, 100, null, null, 7, 6);
		assertThat(new ServiceNowConnector(blank).verify()).extracting(ConfigProblem::property)
			.containsExactlyInAnyOrder("hub.targets.servicenow.base-url", "hub.targets.servicenow.username",
					"hub.targets.servicenow.password", "hub.targets.servicenow.batch-size",
					"hub.targets.servicenow.data-source");
		assertThat(platform.requests()).isEmpty();
		ServiceNowProperties unknownSource = new ServiceNowProperties(true, server.baseUrl(),
				ServiceNowProperties.AuthMode.BASIC, "hub", io.itsmhub.api.target.Secret.of("hub-password"), null, null,
				"NoSuchSource", null, 100, 100, null, null, 7, 6);
		assertThat(new ServiceNowConnector(unknownSource).verify()).extracting(ConfigProblem::property)
			.containsExactly("hub.targets.servicenow.data-source");
	}

}
