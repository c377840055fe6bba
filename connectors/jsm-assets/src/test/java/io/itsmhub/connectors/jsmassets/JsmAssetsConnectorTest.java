package io.itsmhub.connectors.jsmassets;

import java.util.List;

import io.itsmhub.api.target.PushOutcome;
import io.itsmhub.api.target.PushOutcome.Status;
import io.itsmhub.api.target.TargetConnector;
import io.itsmhub.api.target.TargetConnector.UpsertRequest;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.testing.contract.RecordedCall;
import io.itsmhub.simulators.http.SimulatorServer;
import io.itsmhub.simulators.jsmassets.JsmAssetsSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The import path, workspace discovery and the auto-configuration. */
class JsmAssetsConnectorTest {

	static SimulatorServer server;

	static JsmSimulatorPlatform platform;

	@BeforeAll
	static void start() {
		server = SimulatorServer.start(JsmAssetsSimulator.builder().basicUser("hub@example.com", "api-token").build());
		platform = new JsmSimulatorPlatform(server);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@BeforeEach
	void reset() {
		platform.simulator().reset();
		new JsmAssetsConnector(
				JsmAssetsProperties.basic(server.baseUrl(), "hub@example.com", "api-token").withProvisioning())
			.provisionSchema(JsmAssetsSamples.SHIPPED_CATALOG, JsmAssetsSamples.STATUSES);
		platform.clearRequests();
	}

	@Test
	void theImportPathWritesABatchWithOneExecutionAndUpdatesOnTheNextRun() {
		JsmAssetsConnector connector = new JsmAssetsConnector(
				JsmAssetsProperties.basic(server.baseUrl(), "hub@example.com", "api-token")
					.withImport(JsmAssetsSimulator.DEFAULT_IMPORT_SOURCE_ID, 5000, 4));
		List<TargetPayload> payloads = JsmAssetsSamples.many(10);
		List<PushOutcome> first = connector.upsert(requests(payloads));
		assertThat(first).allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.CREATED));
		assertThat(platform.objects("Server")).hasSize(10)
			.allSatisfy((object) -> assertThat(object.path("attributes").path("Status").path(0).asText())
				.isEqualTo("In Use"));
		List<RecordedCall> writes = platform.requests().stream().filter(platform::isWrite).toList();
		assertThat(writes)
			.extracting((call) -> call.method() + " " + call.path().replaceAll(".*/importsource/[^/]+", ""))
			.containsExactly("PUT /mapping", "POST /executions", "POST " + dataPath(writes.get(2)),
					"POST " + dataPath(writes.get(2)), "POST " + dataPath(writes.get(2)));
		assertThat(writes.get(4).body()).contains("\"completed\":true");

		platform.clearRequests();
		List<PushOutcome> second = connector.upsert(requests(payloads));
		assertThat(second).allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.UPDATED));
		assertThat(second).extracting((outcome) -> outcome.ref().recordId())
			.isEqualTo(first.stream().map((outcome) -> outcome.ref().recordId()).toList());
		assertThat(platform.objects("Server")).hasSize(10);
		assertThat(platform.requests()).noneMatch((call) -> call.path().endsWith("/mapping"));
	}

	@Test
	void inImportModeRelationsAreOneExecutionToo() {
		JsmAssetsApiEconomyIT.provisionReferences(server, platform.simulator());
		JsmAssetsConnector connector = new JsmAssetsConnector(
				JsmAssetsProperties.basic(server.baseUrl(), "hub@example.com", "api-token")
					.withImport(JsmAssetsSimulator.DEFAULT_IMPORT_SOURCE_ID, 5000, 1000));
		List<PushOutcome> created = connector.upsert(requests(JsmAssetsSamples.many(6)));
		List<TargetConnector.RelationRequest> relations = new java.util.ArrayList<>();
		io.itsmhub.api.target.TargetRelation dependsOn = new io.itsmhub.api.target.TargetRelation("depends_on",
				"Depends on", false, io.itsmhub.api.model.Identifiers.none());
		for (int i = 0; i < 6; i++) {
			relations.add(new TargetConnector.RelationRequest(created.get(i).itemId(), created.get(i).ref(), dependsOn,
					created.get((i + 1) % 6).ref()));
			relations.add(new TargetConnector.RelationRequest(created.get(i).itemId(), created.get(i).ref(), dependsOn,
					created.get((i + 2) % 6).ref()));
		}
		platform.clearRequests();
		assertThat(connector.relate(relations))
			.allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.RELATED));
		for (int i = 0; i < 6; i++) {
			platform.assertRelated(created.get(i).ref(), dependsOn, created.get((i + 1) % 6).ref());
			platform.assertRelated(created.get(i).ref(), dependsOn, created.get((i + 2) % 6).ref());
		}
		assertThat(platform.requests().stream().filter(platform::isWrite))
			.extracting(
					(call) -> call.method() + " " + dataPath(call).replaceAll("/executions/[^/]+/", "/executions/x/"))
			.containsExactly("PATCH /mapping", "POST /executions", "POST /executions/x/data");
		platform.clearRequests();
		assertThat(connector.relate(relations.subList(0, 2)))
			.allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.UNCHANGED));
		assertThat(platform.requests().stream().filter(platform::isWrite)).isEmpty();
	}

	private static String dataPath(RecordedCall call) {
		return call.path().replaceAll(".*/importsource/[^/]+", "");
	}

	@Test
	void theWorkspaceIsDiscoveredFromTheSiteWhenNoIdIsSet() {
		TargetConnector connector = new JsmAssetsConnector(
				JsmAssetsProperties.basic(server.baseUrl(), "hub@example.com", "api-token"));
		assertThat(connector.verify()).isEmpty();
		assertThat(platform.requests().get(0).path()).isEqualTo("/rest/servicedeskapi/assets/workspace");
		assertThat(platform.requests().get(1).path())
			.isEqualTo("/jsm/assets/workspace/" + JsmAssetsSimulator.DEFAULT_WORKSPACE_ID + "/v1/objectschema/list");
	}

	@Test
	void theConnectorBeanExistsOnlyWhenEnabledAndItsSecretsNeverPrint() {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JsmAssetsAutoConfiguration.class));
		runner.run((context) -> assertThat(context).doesNotHaveBean(TargetConnector.class));
		runner
			.withPropertyValues("hub.targets.jsm-assets.enabled=true",
					"hub.targets.jsm-assets.site-url=https://x.example", "hub.targets.jsm-assets.email=hub@example.com",
					"hub.targets.jsm-assets.api-token=s3cr3t-token", "hub.targets.jsm-assets.mode=import")
			.run((context) -> {
				assertThat(context).hasSingleBean(TargetConnector.class);
				JsmAssetsProperties properties = context.getBean(JsmAssetsProperties.class);
				assertThat(properties.apiToken().reveal()).isEqualTo("s3cr3t-token");
				assertThat(properties.mode()).isEqualTo(JsmAssetsProperties.Mode.IMPORT);
				assertThat(properties.toString()).doesNotContain("s3cr3t-token");
				assertThat(context.getBean(TargetConnector.class).verify())
					.extracting(TargetConnector.ConfigProblem::property)
					.containsExactly("hub.targets.jsm-assets.import-source-id");
			});
	}

	private static List<UpsertRequest> requests(List<TargetPayload> payloads) {
		return payloads.stream().map((payload) -> new UpsertRequest(payload, null)).toList();
	}

}
