package io.itsmhub.connectors.xurrent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.LifecycleStatus;
import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.api.target.FieldType;
import io.itsmhub.api.target.PushOutcome;
import io.itsmhub.api.target.PushOutcome.Status;
import io.itsmhub.api.target.TargetConnector;
import io.itsmhub.api.target.TargetConnector.RelationRequest;
import io.itsmhub.api.target.TargetConnector.RetireRequest;
import io.itsmhub.api.target.TargetConnector.UpsertRequest;
import io.itsmhub.api.target.TargetException;
import io.itsmhub.api.target.TargetFailure;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.testing.contract.RecordedCall;
import io.itsmhub.simulators.core.Fault;
import io.itsmhub.simulators.core.RecordedRequest;
import io.itsmhub.simulators.http.SimulatorServer;
import io.itsmhub.simulators.xurrent.XurrentSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the Xurrent connector sends: aliased mutations with the hub's key, references
 * resolved to ids, the bulk path for large loads, relations read before they are written,
 * retirement by status, the budgets and the auto-configuration.
 */
class XurrentConnectorTest {

	private static List<TargetPayload> servers(int from, int count) {
		List<TargetPayload> payloads = new ArrayList<>();
		for (int i = from; i < from + count; i++) {
			payloads.add(XurrentSamples.map(
					XurrentSamples.machine(CiClass.SERVER, i, "alice@example.com", LifecycleStatus.IN_USE, List.of())));
		}
		return payloads;
	}

	private static List<UpsertRequest> creates(List<TargetPayload> payloads) {
		return payloads.stream().map((payload) -> new UpsertRequest(payload, null)).toList();
	}

	private static List<RecordedCall> calls(XurrentSimulator simulator) {
		return simulator.recordedRequests().stream().map(XurrentSimulatorPlatform::call).toList();
	}

	private static List<RecordedCall> containing(XurrentSimulator simulator, String text) {
		return calls(simulator).stream()
			.filter((call) -> XurrentSimulatorPlatform.graphQl(call).contains(text))
			.toList();
	}

	@Test
	void createsSeveralItemsInOneRequestWithTheHubsKeyAndResolvedReferences() {
		XurrentSimulator simulator = XurrentSimulatorPlatform.seeded().build();
		try (SimulatorServer server = SimulatorServer.start(simulator)) {
			XurrentConnector connector = new XurrentConnector(
					XurrentProperties.of(server.baseUrl() + "/", XurrentSimulator.DEFAULT_ACCOUNT, "xurrent-token"));
			List<TargetPayload> payloads = servers(1, 3);
			List<PushOutcome> outcomes = connector.upsert(creates(payloads));
			assertThat(outcomes).extracting(PushOutcome::status).containsOnly(Status.CREATED);

			List<RecordedCall> creates = containing(simulator, "configurationItemCreate(");
			assertThat(creates).hasSize(1);
			String query = XurrentSimulatorPlatform.graphQl(creates.get(0));
			assertThat(query).contains("m0: configurationItemCreate(input: $i0)", "m2: configurationItemCreate",
					"errors { path message }");
			JsonNode input = XurrentSimulatorPlatform.variables(creates.get(0)).path("i0");
			assertThat(input.path("sourceID").asText()).isEqualTo(payloads.get(0).itemId());
			assertThat(input.path("source").asText()).isEqualTo("itsm-hub");
			assertThat(input.path("status").asText()).isEqualTo("in_production");
			assertThat(input.has("productName")).isFalse();
			JsonNode records = simulator.records();
			assertThat(input.path("productId").asText()).isEqualTo(records.path("Product").path(0).path("id").asText());
			assertThat(records.path("Product").path(0).path("name").asText()).isEqualTo("Dell Inc. PowerEdge R650");
			assertThat(records.path("Product").path(0).path("category").path("name").asText()).isEqualTo("Server");
			JsonNode alice = records.path("Person").path(0);
			assertThat(input.path("userIds").path(0).asText()).isEqualTo(alice.path("id").asText());
			assertThat(input.path("siteId").asText()).isEqualTo(records.path("Site").path(0).path("id").asText());

			// one product created, one lookup of every reference kind in one request
			assertThat(containing(simulator, "productCreate(")).hasSize(1);
			List<RecordedCall> lookups = containing(simulator, "people(first: 100");
			assertThat(lookups).hasSize(1);
			assertThat(XurrentSimulatorPlatform.graphQl(lookups.get(0))).contains("products(", "sites(",
					"organizations(");

			RecordedRequest first = simulator.recordedRequests().get(0);
			assertThat(first.headers().get("authorization")).containsExactly("Bearer ***");
			assertThat(first.headers().get("x-xurrent-account")).containsExactly("wdc");

			// the next batch needs no lookups: references are remembered
			simulator.clearRecordedRequests();
			connector.upsert(creates(servers(10, 2)));
			assertThat(containing(simulator, "people(")).isEmpty();
			assertThat(containing(simulator, "productCreate(")).isEmpty();
			assertThat(connector.rateBudget().requestLimit()).isEqualTo(3600);
			assertThat(connector.rateBudget().costRemaining()).isBetween(0L, 4999L);
		}
	}

	@Test
	void aLargeBatchOfCreatesGoesThroughTheAsynchronousBulkMutation() {
		XurrentSimulator simulator = XurrentSimulatorPlatform.seeded().pollsUntilComplete(1).build();
		try (SimulatorServer server = SimulatorServer.start(simulator)) {
			XurrentConnector connector = new XurrentConnector(
					XurrentProperties.of(server.baseUrl() + "/", XurrentSimulator.DEFAULT_ACCOUNT, "xurrent-token")
						.withBatching(100, 20, 3, Duration.ofMillis(10)));
			List<TargetPayload> payloads = new ArrayList<>(servers(1, 4));
			payloads.add(XurrentSamples.invalid(servers(5, 1).get(0)));
			List<PushOutcome> outcomes = connector.upsert(creates(payloads));

			assertThat(outcomes.subList(0, 4)).extracting(PushOutcome::status).containsOnly(Status.CREATED);
			assertThat(outcomes.get(4).status()).isEqualTo(Status.FAILED);
			assertThat(outcomes.get(4).failure().message()).contains("Could not coerce value \"1st of March\" to Date");
			List<RecordedCall> bulk = containing(simulator, "discoveredConfigurationItems(");
			assertThat(bulk).hasSize(1);
			JsonNode input = XurrentSimulatorPlatform.variables(bulk.get(0)).path("input");
			assertThat(input.path("source").asText()).isEqualTo("itsm-hub");
			assertThat(input.path("physicalAssets")).hasSize(5);
			JsonNode product = input.path("physicalAssets").path(0).path("products").path(0);
			assertThat(product.path("name").asText()).isEqualTo("Dell Inc. PowerEdge R650");
			assertThat(product.path("configurationItems").path(0).path("sourceID").asText())
				.isEqualTo(payloads.get(0).itemId());
			// polled until complete (the simulator answers "not yet" once), then the ids
			// by sourceID
			assertThat(containing(simulator, "... on AsyncQuery")).hasSize(2);
			assertThat(calls(simulator)).anySatisfy((call) -> assertThat(call.path()).startsWith("/async-results/"));
			assertThat(containing(simulator, "configurationItemCreate(")).isEmpty();
			for (int i = 0; i < 4; i++) {
				assertThat(outcomes.get(i).ref().recordId()).isNotBlank();
			}
			assertThat(simulator.records().path("ConfigurationItem")).hasSize(4);
		}
	}

	@Test
	void relationsAreReadBeforeTheyAreWrittenAndRetirementSetsTheStatus() {
		XurrentSimulator simulator = XurrentSimulatorPlatform.seeded().build();
		try (SimulatorServer server = SimulatorServer.start(simulator)) {
			XurrentConnector connector = new XurrentConnector(
					XurrentProperties.of(server.baseUrl() + "/", XurrentSimulator.DEFAULT_ACCOUNT, "xurrent-token"));
			var samples = XurrentSamples.contract();
			List<PushOutcome> outcomes = connector.upsert(creates(samples.items()));
			RelationRequest request = new RelationRequest(samples.items().get(0).itemId(), outcomes.get(0).ref(),
					samples.relation(), outcomes.get(1).ref());
			simulator.clearRecordedRequests();
			assertThat(connector.relate(List.of(request))).extracting(PushOutcome::status)
				.containsExactly(Status.RELATED);
			List<RecordedCall> updates = containing(simulator, "configurationItemUpdate(");
			assertThat(updates).hasSize(1);
			JsonNode relation = XurrentSimulatorPlatform.variables(updates.get(0))
				.path("i0")
				.path("newCiRelations")
				.path(0);
			assertThat(relation.path("relationType").asText()).isEqualTo("parent");
			assertThat(relation.path("configurationItemId").asText()).isEqualTo(outcomes.get(1).ref().recordId());

			simulator.clearRecordedRequests();
			assertThat(connector.relate(List.of(request))).extracting(PushOutcome::status)
				.containsExactly(Status.UNCHANGED);
			assertThat(containing(simulator, "mutation")).isEmpty();

			simulator.clearRecordedRequests();
			TargetPayload retired = samples.retired().apply(samples.items().get(0));
			assertThat(connector.retire(List.of(new RetireRequest(retired.itemId(), outcomes.get(0).ref(), retired))))
				.extracting(PushOutcome::status)
				.containsExactly(Status.RETIRED);
			JsonNode input = XurrentSimulatorPlatform
				.variables(containing(simulator, "configurationItemUpdate(").get(0))
				.path("i0");
			assertThat(input.path("status").asText()).isEqualTo("removed");
			assertThat(input.size()).isEqualTo(2);
		}
	}

	@Test
	void theCostBudgetEndsInA429WithRetryAfter() {
		XurrentSimulator simulator = XurrentSimulatorPlatform.seeded().limits(100, 6, Duration.ofHours(1)).build();
		try (SimulatorServer server = SimulatorServer.start(simulator)) {
			XurrentConnector connector = new XurrentConnector(
					XurrentProperties.of(server.baseUrl() + "/", XurrentSimulator.DEFAULT_ACCOUNT, "xurrent-token"));
			assertThatThrownBy(() -> connector.upsert(creates(servers(1, 2))))
				.isInstanceOfSatisfying(TargetException.class, (ex) -> {
					assertThat(ex.failure().kind()).isEqualTo(TargetFailure.Kind.RATE_LIMITED);
					assertThat(ex.failure().retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
					assertThat(ex.failure().message()).contains("cost", "budget left: requests");
				});
			assertThat(calls(simulator)).last().satisfies((call) -> assertThat(call.status()).isEqualTo(429));
			assertThat(connector.rateBudget().costLimit()).isEqualTo(6);
			assertThat(connector.rateBudget().costRemaining()).isLessThan(6);
		}
	}

	@Test
	void theCatalogIsIntrospectedAndTheAccountIsVerified() {
		XurrentSimulator simulator = XurrentSimulatorPlatform.seeded().build();
		try (SimulatorServer server = SimulatorServer.start(simulator)) {
			XurrentConnector connector = new XurrentConnector(
					XurrentProperties.of(server.baseUrl() + "/", XurrentSimulator.DEFAULT_ACCOUNT, "xurrent-token"));
			FieldCatalog catalog = connector.fieldCatalog();
			assertThat(containing(simulator, "__type(name: \"ConfigurationItemCreateInput\")")).hasSize(1);
			FieldCatalog.Field product = catalog.field("Server", "productId").orElseThrow();
			assertThat(product.type()).isEqualTo(FieldType.REFERENCE);
			assertThat(product.required()).isTrue();
			assertThat(catalog.field("Server", "inUseSince").orElseThrow().type()).isEqualTo(FieldType.DATE);
			assertThat(catalog.field("Server", "userIds").orElseThrow().type()).isEqualTo(FieldType.REFERENCE);
			assertThat(catalog.relationTypes()).contains("software_dependency", "network_connection");
			assertThat(connector.verify()).isEmpty();

			XurrentConnector otherAccount = new XurrentConnector(
					XurrentProperties.of(server.baseUrl() + "/", "someone-else", "xurrent-token"));
			assertThat(otherAccount.verify()).extracting(TargetConnector.ConfigProblem::property)
				.containsExactly("hub.targets.xurrent.account-id");
			XurrentConnector unset = new XurrentConnector(XurrentProperties.of("not a url", "", ""));
			assertThat(unset.verify()).extracting(TargetConnector.ConfigProblem::property)
				.containsExactlyInAnyOrder("hub.targets.xurrent.graphql-url", "hub.targets.xurrent.account-id",
						"hub.targets.xurrent.token");
			// without introspection the shipped catalog stands in
			simulator.clearRecordedRequests();
			FieldCatalog shipped = new XurrentConnector(
					XurrentProperties.of(server.baseUrl() + "/", XurrentSimulator.DEFAULT_ACCOUNT, "xurrent-token")
						.withIntrospection(false))
				.fieldCatalog();
			assertThat(shipped.field("Server", "productId")).isPresent();
			assertThat(calls(simulator)).isEmpty();
		}
	}

	@Test
	void theConnectorExistsOnlyWhenEnabledAndNeverPrintsTheToken() {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(XurrentAutoConfiguration.class));
		runner.run((context) -> assertThat(context).doesNotHaveBean(TargetConnector.class));
		runner
			.withPropertyValues("hub.targets.xurrent.enabled=true", "hub.targets.xurrent.account-id=wdc",
					"hub.targets.xurrent.token=very-secret-token", "hub.targets.xurrent.bulk-threshold=10",
					"hub.targets.xurrent.account-header=X-4me-Account")
			.run((context) -> {
				assertThat(context).hasSingleBean(TargetConnector.class);
				XurrentProperties properties = context.getBean(XurrentProperties.class);
				assertThat(properties.bulkThreshold()).isEqualTo(10);
				assertThat(properties.accountHeader()).isEqualTo("X-4me-Account");
				assertThat(properties.graphqlUrl()).isEqualTo("https://graphql.xurrent.com/");
				assertThat(properties.token().reveal()).isEqualTo("very-secret-token");
				assertThat(properties.toString()).doesNotContain("very-secret-token");
			});
	}

	@Test
	void aCreateWhoseAnswerWasLostIsFoundByTheHubsKeyAndNotCreatedAgain() {
		XurrentSimulator simulator = XurrentSimulatorPlatform.seeded().build();
		try (SimulatorServer server = SimulatorServer.start(simulator)) {
			XurrentConnector connector = new XurrentConnector(
					XurrentProperties.of(server.baseUrl() + "/", XurrentSimulator.DEFAULT_ACCOUNT, "xurrent-token"));
			connector.upsert(creates(servers(1, 1)));
			TargetPayload payload = servers(2, 1).get(0);
			// four look-ups (sourceID, serialNr, assetID, name) pass, the create commits
			// and its answer is lost
			simulator.injectFault(Fault.delay(0).times(4));
			simulator.injectFault(Fault.loseResponseAfterCommit());
			assertThatThrownBy(() -> connector.upsert(creates(List.of(payload)))).isInstanceOf(TargetException.class);
			assertThat(simulator.records().path("ConfigurationItem")).hasSize(2);

			simulator.clearRecordedRequests();
			PushOutcome retried = connector.upsert(creates(List.of(payload))).get(0);
			assertThat(retried.status()).isEqualTo(Status.UPDATED);
			assertThat(simulator.records().path("ConfigurationItem")).hasSize(2);
			assertThat(containing(simulator, "configurationItemCreate(")).isEmpty();
			assertThat(XurrentSimulatorPlatform.graphQl(calls(simulator).get(0)))
				.contains("sourceID: { values: $values }", "source: { values: [$source] }");
		}
	}

}
