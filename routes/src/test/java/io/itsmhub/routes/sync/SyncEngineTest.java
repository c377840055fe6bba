package io.itsmhub.routes.sync;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.itsmhub.api.json.CanonicalItemReader;
import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.api.target.PushOutcome;
import io.itsmhub.api.target.TargetConnector;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.target.TargetRef;
import io.itsmhub.api.testing.InMemoryTargetConnector;
import io.itsmhub.mappings.ActiveMappings;
import io.itsmhub.mappings.CompiledMapping;
import io.itsmhub.mappings.shipped.ShippedMappings;
import io.itsmhub.reconciliation.Reconciler;
import io.itsmhub.reconciliation.identify.IdentificationRules;
import io.itsmhub.reconciliation.identify.IdentifierNormalizer;
import io.itsmhub.reconciliation.identify.PlaceholderBlocklist;
import io.itsmhub.reconciliation.item.SourcePrecedence;
import io.itsmhub.reconciliation.store.InMemoryItemRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The push pipeline against a platform in memory, with the shipped ServiceNow mapping.
 */
class SyncEngineTest {

	private static final Instant T0 = Instant.parse("2026-11-29T06:00:00Z");

	private static final CompiledMapping SERVICENOW = new ShippedMappings().load("servicenow").orElseThrow();

	private static final TargetGuard.Settings FAST = new TargetGuard.Settings(1000, 4, Duration.ofMillis(1),
			Duration.ofMillis(5), 100, Duration.ofSeconds(1));

	private InMemoryItemRepository items;

	private Reconciler reconciler;

	private InMemorySyncStore store;

	private InMemoryTargetConnector platform;

	private SyncEngine engine;

	@BeforeEach
	void setUp() {
		this.items = new InMemoryItemRepository();
		this.reconciler = new Reconciler(IdentificationRules.defaults(),
				new IdentifierNormalizer(PlaceholderBlocklist.defaults()), SourcePrecedence.defaults(), this.items,
				Clock.fixed(T0, ZoneOffset.UTC));
		this.store = new InMemorySyncStore(this.items);
		this.platform = new InMemoryTargetConnector("servicenow", 2);
		ActiveMappings mappings = (platform) -> Optional.of(SERVICENOW);
		this.engine = new SyncEngine(this.store, mappings, List.of(this.platform), FAST,
				Clock.fixed(T0, ZoneOffset.UTC));
	}

	@Test
	void aFullSyncCreatesEverythingAndASecondRunMakesNoCall() {
		ingest(server("db-01", "CZ001") + server("app-01", "CZ002") + server("web-01", "CZ003"));
		SyncResult first = run();
		assertThat(first.counts().get("servicenow").created()).isEqualTo(3);
		assertThat(this.platform.records).hasSize(3);
		assertThat(this.platform.calls).containsExactly("upsert 2", "upsert 1");
		this.platform.calls.clear();
		SyncResult second = run();
		assertThat(second.counts().get("servicenow").unchanged()).isEqualTo(3);
		assertThat(second.counts().get("servicenow").apiCalls()).isZero();
		assertThat(this.platform.calls).isEmpty();
	}

	@Test
	void oneChangedAttributeGivesExactlyOneUpdateOfThatItem() {
		ingest(server("db-01", "CZ001") + server("app-01", "CZ002") + server("web-01", "CZ003"));
		run();
		this.platform.calls.clear();
		ingest(server("app-01", "CZ002").replace("\"Ubuntu\"", "\"Red Hat Enterprise Linux\""));
		SyncResult result = run();
		assertThat(this.platform.calls).containsExactly("upsert 1");
		assertThat(result.counts().get("servicenow").updated()).isEqualTo(1);
		assertThat(result.counts().get("servicenow").unchanged()).isEqualTo(2);
	}

	@Test
	void relationsWaitForTheirOtherEndWhateverTheOrderOfArrival() {
		ingest(app("billing", "app-01"));
		SyncResult first = run();
		assertThat(first.counts().get("servicenow").relationsPending()).isEqualTo(1);
		assertThat(this.platform.relations).isEmpty();
		ingest(server("app-01", "CZ002"));
		SyncResult second = run();
		assertThat(second.counts().get("servicenow").relationsPushed()).isEqualTo(1);
		assertThat(this.platform.relations).singleElement()
			.satisfies((relation) -> assertThat(relation).contains("Runs on::Runs"));
		this.platform.calls.clear();
		run();
		assertThat(this.platform.calls).isEmpty();
		assertThat(this.platform.relations).hasSize(1);
	}

	@Test
	void transientFailuresAreRetriedAndLeaveNoDeadLetter() {
		ingest(server("db-01", "CZ001"));
		this.platform.unavailable = 2;
		SyncResult result = run();
		assertThat(result.counts().get("servicenow").created()).isEqualTo(1);
		// before each new attempt the engine looks the record up: the failed one may have
		// created it
		assertThat(this.platform.calls).containsExactly("upsert 1", "find 1", "upsert 1", "find 1", "upsert 1");
		assertThat(result.counts().get("servicenow").apiCalls()).isEqualTo(5);
		assertThat(this.platform.records).hasSize(1);
		assertThat(this.store.deadLetters).isEmpty();
	}

	@Test
	void exhaustedRetriesBecomeDeadLettersAndTheItemIsPushedNextTime() {
		ingest(server("db-01", "CZ001"));
		this.platform.unavailable = 10;
		SyncResult failed = run();
		assertThat(failed.status()).isEqualTo("completed_with_failures");
		assertThat(this.store.deadLetters).singleElement().satisfies((letter) -> {
			assertThat(letter.reason()).contains("503");
			assertThat(letter.payload()).contains("CZ001");
		});
		this.platform.unavailable = 0;
		assertThat(run().counts().get("servicenow").created()).isEqualTo(1);
		assertThat(this.platform.records).hasSize(1);
	}

	@Test
	void aRecordThePlatformRefusesBecomesADeadLetterAndTheOthersGoOn() {
		ingest(server("db-01", "CZ001") + server("app-01", "CZ002"));
		String refused = this.store.allItemIds().get(0);
		this.platform.refused.add(refused);
		SyncResult result = run();
		assertThat(result.counts().get("servicenow").created()).isEqualTo(1);
		assertThat(result.counts().get("servicenow").failed()).isEqualTo(1);
		assertThat(this.store.deadLetters).singleElement().satisfies((letter) -> {
			assertThat(letter.itemId()).isEqualTo(refused);
			assertThat(letter.reason()).isEqualTo("Data Policy Exception: serial_number is mandatory");
		});
	}

	@Test
	void aCreateWhoseAnswerWasLostIsLookedUpNotRepeated() {
		ingest(server("db-01", "CZ001") + server("app-01", "CZ002"));
		this.platform.lostAnswers = 1;
		SyncResult result = run();
		assertThat(this.platform.records).hasSize(2);
		assertThat(this.platform.calls).containsExactly("upsert 2", "find 2", "upsert 2");
		assertThat(result.counts().get("servicenow").updated()).isEqualTo(2);
		assertThat(this.store.deadLetters).isEmpty();
		this.platform.calls.clear();
		run();
		assertThat(this.platform.calls).isEmpty();
	}

	@Test
	void aDryRunPlansFieldByFieldAndWritesNothing() {
		ingest(server("db-01", "CZ001"));
		run();
		this.platform.calls.clear();
		ingest(server("db-01", "CZ001").replace("\"22.04\"", "\"24.04\""));
		SyncResult plan = this.engine.run("demo", List.of("servicenow"), SyncMode.FULL, true, List.of());
		assertThat(this.platform.calls).isEmpty();
		assertThat(plan.plan()).singleElement().satisfies((change) -> {
			assertThat(change.action()).isEqualTo("update");
			assertThat(change.fields()).containsKey("ci.os_version");
			assertThat(change.fields().get("ci.os_version").toString()).contains("22.04").contains("24.04");
		});
	}

	@Test
	void anItemNoAuthoritativeSourceHasSeenForTheGracePeriodIsRetiredNotDeleted() {
		SyncPolicy policy = new SyncPolicy(Duration.ofDays(7), List.of("agent"), 1.0, 1000);
		ingest(server("db-01", "CZ001") + server("app-01", "CZ002"));
		run();
		Instant later = T0.plus(Duration.ofDays(8));
		ingestAt(later, server("db-01", "CZ001"));
		this.platform.calls.clear();
		SyncResult result = engineAt(later).run("demo", List.of("servicenow"), SyncMode.FULL, false, List.of(), policy,
				false);
		assertThat(result.counts().get("servicenow").retired()).isEqualTo(1);
		assertThat(this.platform.calls).containsExactly("retire 1");
		assertThat(this.platform.records).hasSize(2);
		this.platform.calls.clear();
		engineAt(later).run("demo", List.of("servicenow"), SyncMode.FULL, false, List.of(), policy, false);
		assertThat(this.platform.calls).isEmpty();
	}

	@Test
	void aRelationToARetiredItemIsRemovedAndTheRecordsStay() {
		SyncPolicy policy = new SyncPolicy(Duration.ofDays(7), List.of("agent"), 1.0, 1000);
		ingest(app("billing", "app-01") + server("app-01", "CZ002"));
		run();
		assertThat(this.platform.relations).hasSize(1);
		Instant later = T0.plus(Duration.ofDays(8));
		// the application is still seen; the server it runs on is not
		ingestAt(later, app("billing", "app-01"));
		this.platform.calls.clear();
		SyncResult result = engineAt(later).run("demo", List.of("servicenow"), SyncMode.FULL, false, List.of(), policy,
				false);
		TargetCounts counts = result.counts().get("servicenow");
		assertThat(counts.retired()).isEqualTo(1);
		assertThat(counts.relationsRetired()).isEqualTo(1);
		assertThat(counts.relationsPending()).isZero();
		assertThat(this.platform.calls).containsExactly("retire 1", "unrelate 1");
		assertThat(this.platform.relations).isEmpty();
		assertThat(this.platform.records).hasSize(2);
		this.platform.calls.clear();
		SyncResult again = engineAt(later).run("demo", List.of("servicenow"), SyncMode.FULL, false, List.of(), policy,
				false);
		assertThat(this.platform.calls).isEmpty();
		assertThat(again.counts().get("servicenow").relationsRetired()).isZero();
	}

	@Test
	void theRelationsOfARetiredItemAreRemoved() {
		SyncPolicy policy = new SyncPolicy(Duration.ofDays(7), List.of("agent"), 1.0, 1000);
		ingest(app("billing", "app-01") + server("app-01", "CZ002"));
		run();
		Instant later = T0.plus(Duration.ofDays(8));
		// the server is still seen; the application that runs on it is not
		ingestAt(later, server("app-01", "CZ002"));
		this.platform.calls.clear();
		SyncResult result = engineAt(later).run("demo", List.of("servicenow"), SyncMode.FULL, false, List.of(), policy,
				false);
		assertThat(result.counts().get("servicenow").relationsRetired()).isEqualTo(1);
		assertThat(this.platform.calls).containsExactly("retire 1", "unrelate 1");
		assertThat(this.platform.relations).isEmpty();
		this.platform.calls.clear();
		engineAt(later).run("demo", List.of("servicenow"), SyncMode.FULL, false, List.of(), policy, false);
		assertThat(this.platform.calls).isEmpty();
	}

	@Test
	void aRelationTheSourceNoLongerReportsIsRemoved() {
		ingest(app("billing", "app-01") + server("app-01", "CZ002"));
		run();
		assertThat(this.platform.relations).hasSize(1);
		ingest(withoutRelations(app("billing", "app-01")));
		this.platform.calls.clear();
		SyncResult result = run();
		assertThat(result.counts().get("servicenow").relationsRetired()).isEqualTo(1);
		assertThat(this.platform.calls).contains("unrelate 1").doesNotContain("retire 1");
		assertThat(this.platform.relations).isEmpty();
		assertThat(this.platform.records).hasSize(2);
		this.platform.calls.clear();
		run();
		assertThat(this.platform.calls).isEmpty();
	}

	@Test
	void aRelationMovedToAnotherServerIsRemovedFromTheOldOne() {
		ingest(app("billing", "app-01") + server("app-01", "CZ002") + server("app-02", "CZ003"));
		run();
		ingest(app("billing", "app-02"));
		this.platform.calls.clear();
		SyncResult result = run();
		assertThat(result.counts().get("servicenow").relationsPushed()).isEqualTo(1);
		assertThat(result.counts().get("servicenow").relationsRetired()).isEqualTo(1);
		assertThat(this.platform.relations).singleElement()
			.satisfies((relation) -> assertThat(relation).endsWith(this.platform.recordByMatch.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().contains("CZ003"))
				.findFirst()
				.orElseThrow()
				.getValue()));
	}

	@Test
	void aRelationToAnItemTheMappingLeavesOutIsNotPending() {
		// the shipped HaloITSM mapping sends hardware only: the application stays out
		InMemoryTargetConnector halo = new InMemoryTargetConnector("haloitsm", 10);
		CompiledMapping haloMapping = new ShippedMappings().load("haloitsm").orElseThrow();
		SyncEngine engine = new SyncEngine(this.store, (platform) -> Optional.of(haloMapping), List.of(halo), FAST,
				Clock.fixed(T0, ZoneOffset.UTC));
		ingest(server("db-01", "CZ001").replace("\"attributes\"",
				"\"relationships\": [{\"type\": \"depends_on\", \"target\": {\"fqdn\": \"billing.corp.example\"}}], "
						+ "\"attributes\"")
				+ app("billing", "db-01"));
		TargetCounts counts = engine.run("demo", List.of("haloitsm"), SyncMode.FULL, false, List.of())
			.counts()
			.get("haloitsm");
		assertThat(counts.created()).isEqualTo(1);
		assertThat(counts.outOfScope()).isEqualTo(1);
		assertThat(counts.relationsPending()).isZero();
		assertThat(halo.relations).isEmpty();
	}

	@Test
	void aRelationPushedBeforeStaysWhileOneOfItsKindWaitsForAnUnknownEnd() {
		ingest(app("billing", "app-01") + server("app-01", "CZ002"));
		run();
		// the new end may be the same server under a name the hub does not know yet
		ingest(app("billing", "app-09"));
		this.platform.calls.clear();
		SyncResult result = run();
		assertThat(result.counts().get("servicenow").relationsPending()).isEqualTo(1);
		assertThat(result.counts().get("servicenow").relationsRetired()).isZero();
		assertThat(this.platform.calls).doesNotContain("unrelate 1");
		assertThat(this.platform.relations).hasSize(1);
	}

	@Test
	void aConnectorThatCannotRemoveRelationsLeavesThemWithoutDeadLettersOrRetries() {
		InMemoryTargetConnector plain = new InMemoryTargetConnector("servicenow", 2);
		SyncEngine engine = new SyncEngine(this.store, (platform) -> Optional.of(SERVICENOW),
				List.of(new WithoutUnrelate(plain)), FAST, Clock.fixed(T0, ZoneOffset.UTC));
		ingest(app("billing", "app-01") + server("app-01", "CZ002"));
		engine.run("demo", List.of("servicenow"), SyncMode.FULL, false, List.of());
		ingest(withoutRelations(app("billing", "app-01")));
		plain.calls.clear();
		SyncResult result = engine.run("demo", List.of("servicenow"), SyncMode.FULL, false, List.of());
		assertThat(result.counts().get("servicenow").relationsRetired()).isZero();
		assertThat(plain.relations).hasSize(1);
		assertThat(this.store.deadLetters).isEmpty();
		// forgotten, not tried again
		SyncResult again = engine.run("demo", List.of("servicenow"), SyncMode.FULL, false, List.of());
		assertThat(again.counts().get("servicenow").apiCalls()).isZero();
	}

	@Test
	void noRetirementIsDerivedFromASourceWhoseLastRunFailed() {
		SyncPolicy policy = new SyncPolicy(Duration.ofDays(7), List.of("agent"), 1.0, 1000);
		ingest(server("db-01", "CZ001") + server("app-01", "CZ002"));
		run();
		this.store.unreliableSources.add("agent");
		this.platform.calls.clear();
		SyncResult result = engineAt(T0.plus(Duration.ofDays(30))).run("demo", List.of("servicenow"), SyncMode.FULL,
				false, List.of(), policy, false);
		assertThat(result.counts().get("servicenow").retired()).isZero();
		assertThat(this.platform.calls).isEmpty();
	}

	@Test
	void aRunThatWouldChangeTooManyRecordsWaitsForApproval() {
		SyncPolicy policy = new SyncPolicy(null, List.of(), 0.25, 4);
		StringBuilder estate = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			estate.append(server("srv-" + i, "CZ10" + i));
		}
		ingest(estate.toString());
		this.engine.run("demo", List.of("servicenow"), SyncMode.FULL, false, List.of(), policy, false);
		assertThat(this.platform.records).hasSize(8);
		// half the estate changes at once: more than the 25 % the policy allows
		ingest(estate.toString()
			.replace("\"22.04\"", "\"24.04\"")
			.replaceFirst("24.04", "22.04")
			.replaceFirst("24.04", "22.04")
			.replaceFirst("24.04", "22.04")
			.replaceFirst("24.04", "22.04"));
		this.platform.calls.clear();
		SyncResult guarded = this.engine.run("demo", List.of("servicenow"), SyncMode.FULL, false, List.of(), policy,
				false);
		assertThat(guarded.status()).isEqualTo("awaiting_approval");
		assertThat(guarded.counts().get("servicenow").updated()).isEqualTo(4);
		assertThat(this.platform.calls).isEmpty();
		SyncResult approved = this.engine.run("demo", List.of("servicenow"), SyncMode.FULL, false, List.of(), policy,
				true);
		assertThat(approved.status()).isEqualTo("completed");
		assertThat(approved.counts().get("servicenow").updated()).isEqualTo(4);
	}

	private SyncEngine engineAt(Instant now) {
		return new SyncEngine(this.store, (platform) -> Optional.of(SERVICENOW), List.of(this.platform), FAST,
				Clock.fixed(now, ZoneOffset.UTC));
	}

	private void ingestAt(Instant now, String ndjson) {
		this.reconciler.reconcile("agent", new CanonicalItemReader(Clock.fixed(now, ZoneOffset.UTC))
			.read(ndjson.getBytes(StandardCharsets.UTF_8), "agent"));
	}

	private SyncResult run() {
		return this.engine.run("demo", List.of("servicenow"), SyncMode.FULL, false, List.of());
	}

	private void ingest(String ndjson) {
		this.reconciler.reconcile("agent", new CanonicalItemReader(Clock.fixed(T0, ZoneOffset.UTC))
			.read(ndjson.getBytes(StandardCharsets.UTF_8), "agent"));
	}

	private static String server(String name, String serial) {
		return """
				{"sourceKey": "%s", "ciClass": "server", "name": "%s", "identifiers": {"serial_number": "%s", "hostname": "%s"}, \
				"attributes": {"manufacturer": "Dell Inc.", "os": "Ubuntu", "os_version": "22.04"}}
				"""
			.formatted(name, name, serial, name);
	}

	/** A connector that keeps the SPI's default {@code unrelate}. */
	private record WithoutUnrelate(InMemoryTargetConnector delegate) implements TargetConnector {

		@Override
		public String platform() {
			return this.delegate.platform();
		}

		@Override
		public int maxBatchSize() {
			return this.delegate.maxBatchSize();
		}

		@Override
		public FieldCatalog fieldCatalog() {
			return this.delegate.fieldCatalog();
		}

		@Override
		public List<ConfigProblem> verify() {
			return this.delegate.verify();
		}

		@Override
		public Map<String, TargetRef> find(List<TargetPayload> payloads) {
			return this.delegate.find(payloads);
		}

		@Override
		public List<PushOutcome> upsert(List<UpsertRequest> batch) {
			return this.delegate.upsert(batch);
		}

		@Override
		public List<PushOutcome> relate(List<RelationRequest> relations) {
			return this.delegate.relate(relations);
		}

		@Override
		public List<PushOutcome> retire(List<RetireRequest> records) {
			return this.delegate.retire(records);
		}

	}

	private static String withoutRelations(String ndjson) {
		return ndjson.replaceAll("\"relationships\": \\[.*\\]", "\"relationships\": []");
	}

	private static String app(String name, String host) {
		return """
				{"sourceKey": "%s", "ciClass": "application", "name": "%s", "identifiers": {"fqdn": "%s.corp.example"}, \
				"relationships": [{"type": "runs_on", "target": {"hostname": "%s"}}]}
				"""
			.formatted(name, name, name, host);
	}

}
