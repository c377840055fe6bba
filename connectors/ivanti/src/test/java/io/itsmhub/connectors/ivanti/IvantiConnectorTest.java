package io.itsmhub.connectors.ivanti;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.Identifiers;
import io.itsmhub.api.model.LifecycleStatus;
import io.itsmhub.api.target.FieldCatalog;
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
import io.itsmhub.simulators.http.SimulatorServer;
import io.itsmhub.simulators.ivanti.IvantiSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What reaches the platform: the look-up filters, the create and update bodies, the reads
 * that save writes, the link calls, the retirement body; $metadata discovery; the
 * auto-configuration.
 */
class IvantiConnectorTest {

	static SimulatorServer server;

	static IvantiSimulatorPlatform platform;

	@BeforeAll
	static void start() {
		server = SimulatorServer.start(IvantiSimulator.builder().apiKey("test-key").build());
		platform = new IvantiSimulatorPlatform(server);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@BeforeEach
	void reset() {
		platform.simulator().reset();
	}

	private static IvantiConnector connector() {
		return new IvantiConnector(IvantiProperties.of(server.baseUrl(), "test-key"));
	}

	private static TargetPayload server(int i, String owner, LifecycleStatus status) {
		return IvantiSamples.map(IvantiSamples.machine(CiClass.SERVER, i, owner, status, List.of()));
	}

	private static List<RecordedCall> calls() {
		return platform.requests();
	}

	private static List<RecordedCall> writes() {
		return calls().stream().filter(platform::isWrite).toList();
	}

	@Test
	void aNewRecordIsLookedUpByItsIdentifiersThenPostedWithTheMappedFields() throws Exception {
		IvantiConnector connector = connector();
		PushOutcome created = connector
			.upsert(List.of(new UpsertRequest(server(7, "alice@example.com", LifecycleStatus.IN_USE), null)))
			.get(0);
		assertThat(created.status()).isEqualTo(Status.CREATED);
		List<RecordedCall> calls = calls();
		assertThat(calls).extracting((call) -> call.method() + " " + call.path())
			.containsExactly("GET /api/odata/CI__Servers/$metadata", "GET /api/odata/businessobject/CI__Servers",
					"POST /api/odata/businessobject/CI__Servers");
		RecordedRequestView lookUp = RecordedRequestView.of(platform, 1);
		assertThat(lookUp.query("$filter"))
			.isEqualTo("SerialNumber eq 'CZ800007' or AssetTag eq 'P3000007' or Name eq 'srv-7'");
		assertThat(lookUp.query("$top")).isEqualTo("100");
		assertThat(lookUp.query("$skip")).isEqualTo("0");
		JsonNode body = IvantiHttp.JSON.readTree(calls.get(2).body());
		assertThat(body.path("Name").asText()).isEqualTo("srv-7");
		assertThat(body.path("SerialNumber").asText()).isEqualTo("CZ800007");
		assertThat(body.path("Status").asText()).isEqualTo("Production");
		assertThat(body.path("Owner").asText()).isEqualTo("alice");
		assertThat(body.path("Cost").decimalValue()).isEqualByComparingTo("4200.00");
		assertThat(body.path("PurchaseDate").asText()).isEqualTo("2024-06-01T00:00:00Z");
		assertThat(body.path("HostName").asText()).isEqualTo("srv-7");
		assertThat(body.has("RecId")).isFalse();
		JsonNode stored = platform.record(created.ref().recordId());
		assertThat(stored.path("Status_Valid").asText()).hasSize(32);
		assertThat(created.ref().recordKey()).isEqualTo("CI__Servers('" + created.ref().recordId() + "')");
	}

	@Test
	void aKnownRecordIsReadFirstAndOnlyTheChangedFieldsArePatchedOrNothingWhenNoneChanged() throws Exception {
		IvantiConnector connector = connector();
		List<TargetPayload> payloads = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			payloads.add(server(20 + i, "alice@example.com", LifecycleStatus.IN_USE));
		}
		List<PushOutcome> created = connector
			.upsert(payloads.stream().map((payload) -> new UpsertRequest(payload, null)).toList());
		platform.clearRequests();

		List<UpsertRequest> again = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			TargetPayload payload = (i == 2) ? server(22, "bob@example.com", LifecycleStatus.IN_USE) : payloads.get(i);
			again.add(new UpsertRequest(payload, created.get(i).ref()));
		}
		List<PushOutcome> outcomes = connector.upsert(again);
		assertThat(outcomes).extracting(PushOutcome::status)
			.containsExactly(Status.UNCHANGED, Status.UNCHANGED, Status.UPDATED, Status.UNCHANGED, Status.UNCHANGED);
		// one read for the five known records, one PATCH with the one changed field
		assertThat(calls()).hasSize(2);
		assertThat(RecordedRequestView.of(platform, 0).query("$filter")).startsWith("RecId eq '")
			.contains(" or RecId eq '");
		RecordedCall patch = writes().get(0);
		assertThat(patch.method()).isEqualTo("PATCH");
		assertThat(patch.path())
			.isEqualTo("/api/odata/businessobject/CI__Servers('" + created.get(2).ref().recordId() + "')");
		assertThat(IvantiHttp.JSON.readTree(patch.body())).isEqualTo(IvantiHttp.JSON.readTree("{\"Owner\":\"bob\"}"));
		assertThat(platform.record(created.get(2).ref().recordId()).path("Owner").asText()).isEqualTo("bob");
	}

	@Test
	void withoutComparingAKnownRecordGetsOnePatchWithEveryField() throws Exception {
		IvantiConnector plain = new IvantiConnector(
				IvantiProperties.of(server.baseUrl(), "test-key").withChecks(false, false));
		TargetPayload payload = server(30, "alice@example.com", LifecycleStatus.IN_USE);
		TargetRef ref = plain.upsert(List.of(new UpsertRequest(payload, null))).get(0).ref();
		platform.clearRequests();
		assertThat(plain.upsert(List.of(new UpsertRequest(payload, ref))).get(0).status()).isEqualTo(Status.UPDATED);
		assertThat(calls()).hasSize(1);
		assertThat(IvantiHttp.JSON.readTree(calls().get(0).body()).size())
			.isEqualTo(payload.records().get(0).fields().size());
	}

	@Test
	void aCreateWhoseAnswerWasLostIsFoundByItsIdentifiersAndNotMadeTwice() {
		IvantiConnector connector = connector();
		TargetPayload payload = server(35, "alice@example.com", LifecycleStatus.IN_USE);
		platform.simulator()
			.injectFault(io.itsmhub.simulators.core.Fault.loseResponseAfterCommit()
				.matching("/api/odata/businessobject/CI__Servers", "POST"));
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> connector.upsert(List.of(new UpsertRequest(payload, null))))
			.isInstanceOfSatisfying(io.itsmhub.api.target.TargetException.class,
					(ex) -> assertThat(ex.failure().retryable()).isTrue());
		assertThat(platform.records("CI__Servers")).hasSize(1);
		// the engine's retry: find first, then the same request again
		Map<String, TargetRef> found = connector.find(List.of(payload));
		assertThat(found).containsOnlyKeys(payload.itemId());
		PushOutcome retried = connector.upsert(List.of(new UpsertRequest(payload, null))).get(0);
		assertThat(retried.status()).isEqualTo(Status.UNCHANGED);
		assertThat(retried.ref().recordId()).isEqualTo(found.get(payload.itemId()).recordId());
		assertThat(platform.records("CI__Servers")).hasSize(1);
	}

	@Test
	void relationsAreLinksThroughTheMappedRelationshipMadeOnce() {
		IvantiConnector connector = connector();
		List<PushOutcome> created = connector
			.upsert(List.of(new UpsertRequest(server(40, "a@example.com", LifecycleStatus.IN_USE), null),
					new UpsertRequest(server(41, "a@example.com", LifecycleStatus.IN_USE), null),
					new UpsertRequest(server(42, "a@example.com", LifecycleStatus.IN_USE), null)));
		TargetRelation dependsOn = new TargetRelation("depends_on", "CIAssociatesCI", false, Identifiers.none());
		List<RelationRequest> relations = List.of(
				new RelationRequest("item-srv-40", created.get(0).ref(), dependsOn, created.get(1).ref()),
				new RelationRequest("item-srv-40", created.get(0).ref(), dependsOn, created.get(2).ref()));
		platform.clearRequests();
		assertThat(connector.relate(relations)).extracting(PushOutcome::status)
			.containsExactly(Status.RELATED, Status.RELATED);
		String holder = "/api/odata/businessobject/CI__Servers('" + created.get(0).ref().recordId() + "')";
		assertThat(calls()).extracting((call) -> call.method() + " " + call.path())
			.containsExactly("GET " + holder + "/CIAssociatesCI",
					"PATCH " + holder + "/CIAssociatesCI('" + created.get(1).ref().recordId() + "')/$Ref",
					"PATCH " + holder + "/CIAssociatesCI('" + created.get(2).ref().recordId() + "')/$Ref");
		assertThat(platform.links()).hasSize(2);

		platform.clearRequests();
		assertThat(connector.relate(relations)).extracting(PushOutcome::status)
			.containsExactly(Status.UNCHANGED, Status.UNCHANGED);
		assertThat(writes()).isEmpty();
	}

	@Test
	void aRelationshipTheBusinessObjectLacksFailsWithTheNamesItHas() {
		IvantiConnector connector = connector();
		List<PushOutcome> created = connector
			.upsert(List.of(new UpsertRequest(server(50, "a@example.com", LifecycleStatus.IN_USE), null),
					new UpsertRequest(server(51, "a@example.com", LifecycleStatus.IN_USE), null)));
		TargetRelation runsOn = new TargetRelation("runs_on", "CIRunsOnCI", false, Identifiers.none());
		platform.clearRequests();
		PushOutcome outcome = connector
			.relate(List.of(new RelationRequest("item-srv-50", created.get(0).ref(), runsOn, created.get(1).ref())))
			.get(0);
		assertThat(outcome.status()).isEqualTo(Status.FAILED);
		assertThat(outcome.failure().message()).contains("CIRunsOnCI").contains("CIAssociatesCI");
		assertThat(writes()).isEmpty();
	}

	@Test
	void aFieldTheBusinessObjectLacksIsLeftOutInsteadOfFailingTheRecord() throws Exception {
		TargetPayload payload = server(60, "a@example.com", LifecycleStatus.IN_USE);
		TargetRecord record = payload.records().get(0);
		Map<String, Object> fields = new java.util.LinkedHashMap<>(record.fields());
		fields.put("ivnt_NotOnThisTenant", "x");
		TargetPayload extended = new TargetPayload(payload.platform(), payload.itemId(),
				List.of(new TargetRecord(record.role(), record.targetClass(), fields, record.matchOn())), List.of(),
				payload.contentHash());
		assertThat(connector().upsert(List.of(new UpsertRequest(extended, null))).get(0).status())
			.isEqualTo(Status.CREATED);
		assertThat(writes().get(0).body()).doesNotContain("ivnt_NotOnThisTenant").contains("srv-60");
	}

	@Test
	void retirementPatchesTheStatusFieldOnly() throws Exception {
		IvantiConnector connector = connector();
		TargetRef ref = connector
			.upsert(List.of(new UpsertRequest(server(70, "a@example.com", LifecycleStatus.IN_USE), null)))
			.get(0)
			.ref();
		platform.clearRequests();
		TargetPayload retired = server(70, "a@example.com", LifecycleStatus.RETIRED);
		assertThat(connector.retire(List.of(new RetireRequest("item-srv-70", ref, retired))).get(0).status())
			.isEqualTo(Status.RETIRED);
		assertThat(calls()).singleElement().satisfies((call) -> {
			assertThat(call.method()).isEqualTo("PATCH");
			assertThat(call.path()).isEqualTo("/api/odata/businessobject/CI__Servers('" + ref.recordId() + "')");
			assertThat(IvantiHttp.JSON.readTree(call.body()))
				.isEqualTo(IvantiHttp.JSON.readTree("{\"Status\":\"Retired\"}"));
		});
		assertThat(platform.records("CI__Servers")).hasSize(1);
	}

	@Test
	void theCatalogIsReadFromTheTenantsMetadataWithItsRelationships() {
		FieldCatalog catalog = connector().fieldCatalog();
		assertThat(catalog.classes()).containsOnlyKeys(IvantiProperties.DEFAULT_BUSINESS_OBJECTS);
		assertThat(catalog.relationTypes()).containsExactly("CIAssociatesCI");
		FieldCatalog.Field name = catalog.field("CI__Servers", "Name").orElseThrow();
		assertThat(name.required()).isTrue();
		assertThat(name.maxLength()).isEqualTo(100);
		assertThat(catalog.field("CI__Servers", "HostName")).isPresent();
		assertThat(catalog.field("CI__MobileDevices", "HostName")).isEmpty();
		assertThat(catalog.field("CI__Servers", "PurchaseDate").orElseThrow().type())
			.isEqualTo(io.itsmhub.api.target.FieldType.DATETIME);
		assertThat(catalog.field("CI__Servers", "RecId")).isEmpty();
		assertThat(catalog.field("CI__Servers", "Status_Valid")).isEmpty();
		assertThat(calls()).extracting(RecordedCall::path).allMatch((path) -> path.endsWith("/$metadata"));
	}

	@Test
	void theBuiltInCatalogIsTheShippedOne() {
		FieldCatalog builtIn = IvantiCatalog.shipped();
		FieldCatalog shipped = IvantiSamples.SHIPPED_CATALOG;
		assertThat(builtIn.classes().keySet()).containsExactlyInAnyOrderElementsOf(shipped.classes().keySet());
		shipped.classes()
			.forEach((name, targetClass) -> assertThat(builtIn.classes().get(name).fields()).as(name)
				.containsExactlyInAnyOrderEntriesOf(targetClass.fields()));
		assertThat(new IvantiConnector(IvantiProperties.of(server.baseUrl(), "test-key").withMetadata(false))
			.fieldCatalog()).isEqualTo(builtIn);
	}

	@Test
	void verifyNamesTheBusinessObjectTheTenantLacks() {
		IvantiProperties wrong = new IvantiProperties(true, server.baseUrl(),
				io.itsmhub.api.target.Secret.of("test-key"), List.of("CI__Servers", "CI__Routers"), null, null, null,
				true, true, true, 100, 100, 1800, null);
		assertThat(new IvantiConnector(wrong).verify()).singleElement().satisfies((problem) -> {
			assertThat(problem.property()).isEqualTo("hub.targets.ivanti.business-objects");
			assertThat(problem.message()).contains("CI__Routers");
		});
		assertThat(new IvantiConnector(IvantiProperties.of("ftp://x", "")).verify())
			.extracting(TargetConnector.ConfigProblem::property)
			.containsExactly("hub.targets.ivanti.base-url", "hub.targets.ivanti.api-key");
	}

	@Test
	void theConnectorBeanExistsOnlyWhenEnabledAndItsKeyNeverPrints() {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(IvantiAutoConfiguration.class));
		runner.run((context) -> assertThat(context).doesNotHaveBean(TargetConnector.class));
		runner
			.withPropertyValues("hub.targets.ivanti.enabled=true", "hub.targets.ivanti.base-url=" + server.baseUrl(),
					"hub.targets.ivanti.api-key=test-key", "hub.targets.ivanti.business-objects=CI__Servers,CIs",
					"hub.targets.ivanti.retired-status=Disposed")
			.run((context) -> {
				assertThat(context).hasSingleBean(TargetConnector.class);
				IvantiProperties properties = context.getBean(IvantiProperties.class);
				assertThat(properties.apiKey().reveal()).isEqualTo("test-key");
				assertThat(properties.toString()).doesNotContain("test-key");
				assertThat(properties.businessObjects()).containsExactly("CI__Servers", "CIs");
				assertThat(properties.retiredStatus()).isEqualTo("Disposed");
				assertThat(properties.pageSize()).isEqualTo(100);
				assertThat(context.getBean(TargetConnector.class).verify()).isEmpty();
			});
	}

	/** One recorded request's decoded query parameters. */
	record RecordedRequestView(Map<String, List<String>> query) {

		static RecordedRequestView of(IvantiSimulatorPlatform platform, int index) {
			return new RecordedRequestView(platform.simulator().recordedRequests().get(index).query());
		}

		String query(String name) {
			List<String> values = this.query.get(name);
			return (values != null) ? values.get(0) : null;
		}

	}

}
