package io.itsmhub.connectors.jsmassets;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.Identifiers;
import io.itsmhub.api.model.LifecycleStatus;
import io.itsmhub.api.target.TargetConnector.RelationRequest;
import io.itsmhub.api.target.TargetFailure;
import io.itsmhub.api.target.TargetRelation;

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

	@Test
	void withProvisioningRelationsCreateTheReferenceAttributesTheyNeed() {
		JsmAssetsConnector connector = new JsmAssetsConnector(
				JsmAssetsProperties.basic(server.baseUrl(), "hub@example.com", "api-token").withProvisioning());
		// servers and VMs as an inventory agent reports them: each depends on the one
		// before and is connected to the one before that
		List<TargetPayload> payloads = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			payloads.add(JsmAssetsSamples
				.map(JsmAssetsSamples.machine((i % 3 == 0) ? CiClass.VIRTUAL_MACHINE : CiClass.SERVER, 500 + i,
						"alice@example.com", LifecycleStatus.IN_USE, List.of())));
		}
		List<PushOutcome> created = connector.upsert(requests(payloads));
		List<RelationRequest> relations = new ArrayList<>();
		for (int i = 1; i < 6; i++) {
			relations.add(new RelationRequest(created.get(i).itemId(), created.get(i).ref(), DEPENDS_ON,
					created.get(i - 1).ref()));
			if (i > 1) {
				relations.add(new RelationRequest(created.get(i).itemId(), created.get(i).ref(), CONNECTS_TO,
						created.get(i - 2).ref()));
			}
		}
		platform.clearRequests();

		assertThat(connector.relate(relations)).allSatisfy(
				(outcome) -> assertThat(outcome.status()).as("%s", outcome.failure()).isEqualTo(Status.RELATED));
		for (RelationRequest relation : relations) {
			platform.assertRelated(relation.from(), relation.relation(), relation.to());
		}
		// one attribute per holding type and relation type, to the schema's root type
		// with its child types, tied to the same-named reference type
		List<RecordedCall> attributes = platform.requests()
			.stream()
			.filter((call) -> call.method().equals("POST") && call.path().contains("/objecttypeattribute/"))
			.toList();
		assertThat(attributes).hasSize(4);
		String root = typeId("IT Asset");
		assertThat(attributes).extracting((call) -> call.path().replaceAll(".*/objecttypeattribute/", ""))
			.containsExactlyInAnyOrder(typeId("Server"), typeId("Server"), typeId("Virtual Machine"),
					typeId("Virtual Machine"));
		assertThat(attributes).allSatisfy((call) -> {
			JsonNode body = AssetsHttp.parse(call.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
			assertThat(body.path("type").asInt()).isEqualTo(1);
			assertThat(body.path("typeValue").asText()).isEqualTo(root);
			assertThat(body.path("includeChildObjectTypes").asBoolean()).isTrue();
			assertThat(body.path("maximumCardinality").asInt()).isEqualTo(-1);
			assertThat(body.path("additionalValue").asText()).isEqualTo(referenceTypeId(body.path("name").asText()));
		});

		// the next run: the attributes exist, the references are there
		platform.clearRequests();
		assertThat(connector.relate(relations))
			.allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.UNCHANGED));
		assertThat(platform.requests()).noneMatch(platform::isWrite);
	}

	@Test
	void inImportModeProvisioningCreatesTheReferenceAttributeBeforeTheExecution() {
		JsmAssetsConnector connector = new JsmAssetsConnector(
				JsmAssetsProperties.basic(server.baseUrl(), "hub@example.com", "api-token")
					.withProvisioning()
					.withImport(JsmAssetsSimulator.DEFAULT_IMPORT_SOURCE_ID, 5000, 1000));
		List<PushOutcome> created = connector.upsert(requests(JsmAssetsSamples.many(4)));
		List<RelationRequest> relations = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			relations.add(new RelationRequest(created.get(i).itemId(), created.get(i).ref(), DEPENDS_ON,
					created.get((i + 1) % 4).ref()));
		}
		platform.clearRequests();
		assertThat(connector.relate(relations)).allSatisfy(
				(outcome) -> assertThat(outcome.status()).as("%s", outcome.failure()).isEqualTo(Status.RELATED));
		for (RelationRequest relation : relations) {
			platform.assertRelated(relation.from(), relation.relation(), relation.to());
		}
		assertThat(platform.requests().stream().filter(platform::isWrite))
			.extracting((call) -> call.method() + " "
					+ dataPath(call).replaceAll(".*/objecttypeattribute/.*", "/objecttypeattribute")
						.replaceAll("/executions/[^/]+/", "/executions/x/"))
			.containsExactly("POST /objecttypeattribute", "PATCH /mapping", "POST /executions",
					"POST /executions/x/data");
	}

	@Test
	void withoutProvisioningAMissingReferenceAttributeIsAPermanentFailureNamingIt() {
		JsmAssetsConnector connector = new JsmAssetsConnector(
				JsmAssetsProperties.basic(server.baseUrl(), "hub@example.com", "api-token"));
		List<PushOutcome> created = connector.upsert(requests(JsmAssetsSamples.many(2)));
		platform.clearRequests();
		PushOutcome outcome = connector
			.relate(List.of(new RelationRequest(created.get(0).itemId(), created.get(0).ref(), DEPENDS_ON,
					created.get(1).ref())))
			.get(0);
		assertThat(outcome.status()).isEqualTo(Status.FAILED);
		assertThat(outcome.failure().kind()).isEqualTo(TargetFailure.Kind.PERMANENT);
		assertThat(outcome.failure().message())
			.startsWith("object type Server has no object reference attribute 'Depends on': create it on Server")
			.contains("hub.targets.jsm-assets.provision-schema=true");
		assertThat(platform.requests()).noneMatch(platform::isWrite);
	}

	@Test
	void anOwnerEmailIsSentAsTheAccountIdTheUserSearchFindsOncePerEmail() {
		JsmAssetsConnector connector = new JsmAssetsConnector(
				JsmAssetsProperties.basic(server.baseUrl(), "hub@example.com", "api-token"));
		List<TargetPayload> payloads = new ArrayList<>(JsmAssetsSamples.many(3));
		payloads.add(JsmAssetsSamples.map(JsmAssetsSamples.machine(CiClass.SERVER, 900, "nobody@example.com",
				LifecycleStatus.IN_USE, List.of())));
		List<PushOutcome> outcomes = connector.upsert(requests(payloads));

		assertThat(outcomes.subList(0, 3)).allSatisfy((o) -> assertThat(o.status()).isEqualTo(Status.CREATED));
		assertThat(outcomes.get(3).status()).isEqualTo(Status.FAILED);
		assertThat(outcomes.get(3).failure().kind()).isEqualTo(TargetFailure.Kind.PERMANENT);
		assertThat(outcomes.get(3).failure().message())
			.startsWith("Owner: no Atlassian account with the email 'nobody@example.com'");
		String alice = platform.simulator().accountId("alice@example.com");
		List<RecordedCall> creates = platform.requests()
			.stream()
			.filter((call) -> call.path().endsWith("/object/create"))
			.toList();
		assertThat(creates).hasSize(3)
			.allSatisfy((call) -> assertThat(call.body()).contains("\"" + alice + "\"")
				.doesNotContain("alice@example.com"));
		assertThat(platform.requests().stream().filter((call) -> call.path().equals("/rest/api/3/user/search")))
			.extracting((call) -> call.queryParam("query"))
			.containsExactly("alice@example.com", "nobody@example.com");
		// stored as the account (the snapshot shows an account by its email)
		assertThat(platform.object(outcomes.get(0).ref().recordId()).path("attributes").path("Owner").get(0).asText())
			.isEqualTo("alice@example.com");

		// the import path fails that record alone, too
		platform.clearRequests();
		JsmAssetsConnector imports = new JsmAssetsConnector(
				JsmAssetsProperties.basic(server.baseUrl(), "hub@example.com", "api-token")
					.withImport(JsmAssetsSimulator.DEFAULT_IMPORT_SOURCE_ID, 5000, 1000));
		List<PushOutcome> imported = imports.upsert(requests(payloads));
		assertThat(imported.subList(0, 3)).allSatisfy((o) -> assertThat(o.status()).isEqualTo(Status.UPDATED));
		assertThat(imported.get(3).failure().message()).contains("Owner").contains("nobody@example.com");
	}

	private static final TargetRelation DEPENDS_ON = new TargetRelation("depends_on", "Depends on", false,
			Identifiers.none());

	private static final TargetRelation CONNECTS_TO = new TargetRelation("connected_to", "Connects to", false,
			Identifiers.none());

	private static String typeId(String name) {
		for (JsonNode type : get("/objectschema/1/objecttypes/flat")) {
			if (type.path("name").asText().equals(name)) {
				return type.path("id").asText();
			}
		}
		throw new AssertionError("no type " + name);
	}

	private static String referenceTypeId(String name) {
		for (JsonNode type : get("/config/referencetype")) {
			if (type.path("name").asText().equals(name)) {
				return type.path("id").asText();
			}
		}
		throw new AssertionError("no reference type " + name);
	}

	private static JsonNode get(String path) {
		return new AssetsHttp(JsmAssetsProperties.basic(server.baseUrl(), "hub@example.com", "api-token"),
				java.net.http.HttpClient.newHttpClient())
			.api("GET", path, null);
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
