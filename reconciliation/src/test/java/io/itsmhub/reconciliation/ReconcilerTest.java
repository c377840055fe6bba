package io.itsmhub.reconciliation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.itsmhub.api.ingest.IngestReport;
import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.json.CanonicalItemReader;
import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.LifecycleStatus;
import io.itsmhub.api.model.Money;
import io.itsmhub.reconciliation.identify.IdentificationRules;
import io.itsmhub.reconciliation.identify.IdentifierNormalizer;
import io.itsmhub.reconciliation.identify.PlaceholderBlocklist;
import io.itsmhub.reconciliation.item.ItemState;
import io.itsmhub.reconciliation.item.SourcePrecedence;
import io.itsmhub.reconciliation.store.InMemoryItemRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Identification and reconciliation on realistic records: the GLPI agent's example
 * computer, an AWS Config EC2 record and an asset register row.
 */
class ReconcilerTest {

	private static final Instant T0 = Instant.parse("2026-11-29T06:00:00Z");

	/** What a GLPI agent on an EC2 bare-metal host reports (serial, MACs, hostname). */
	private static final String AGENT = """
			{"sourceKey": "ip-172-31-30-79-2026-11-29", "ciClass": "server", "name": "ip-172-31-30-79",
			 "identifiers": {"serial_number": "ec2e1916-9099-7caf-fd21-01234567890a",
			   "mac_address": ["02:17:59:ED:8B:0A", "00:00:00:00:00:00"], "hostname": "ip-172-31-30-79"},
			 "attributes": {"manufacturer": "Amazon EC2", "model": "i3.metal", "os": "Ubuntu", "os_version": "22.04",
			   "cpu_count": 72, "memory_mb": 524288},
			 "facts": {"location": "Server room (agent guess)"},
			 "observedAt": "2026-11-29T06:00:00Z"}
			""";

	/**
	 * The same machine in an AWS Config snapshot (cloud resource id, ENI MAC, private
	 * DNS).
	 */
	private static final String CLOUD = """
			{"sourceKey": "arn:aws:ec2:us-west-2:123456789012:instance/i-0a763ac3ee37d8d2b", "ciClass": "virtual_machine",
			 "name": "i-0a763ac3ee37d8d2b",
			 "identifiers": {"cloud_resource_id": "arn:aws:ec2:us-west-2:123456789012:instance/i-0a763ac3ee37d8d2b",
			   "mac_address": "02-17-59-ed-8b-0a", "asset_tag": "P1000091", "fqdn": "ip-172-31-30-79.us-west-2.compute.internal"},
			 "attributes": {"instance_type": "i3.metal", "availability_zone": "us-west-2a"},
			 "facts": {"owner": "ciso-security@example.com"},
			 "observedAt": "2026-11-29T06:05:00Z"}
			""";

	/**
	 * The asset register's row (asset tag and serial, and the lifecycle facts it owns).
	 */
	private static final String ITAM = """
			{"sourceKey": "P1000091", "ciClass": "server",
			 "identifiers": {"asset_tag": "P1000091", "serial_number": "EC2E1916-9099-7CAF-FD21-01234567890A"},
			 "facts": {"owner": "jane.doe@example.com", "cost_center": "CC-4100",
			   "purchase_cost": {"amount": "12450.00", "currency": "EUR"}, "purchase_date": "2023-04-11",
			   "warranty_expires": "2028-04-10", "contract_id": "CTR-778", "lifecycle_status": "in_use",
			   "location": "FRA-DC1/Row 4/Rack 12"},
			 "observedAt": "2026-11-29T05:00:00Z"}
			""";

	private final InMemoryItemRepository repository = new InMemoryItemRepository();

	private final Reconciler reconciler = reconciler(this.repository, SourcePrecedence.defaults(), T0);

	@Test
	void agentCloudAndRegisterEndAsOneItemWithFactsFromTheRightSources() {
		ingest("agent", AGENT);
		ingest("cloud", CLOUD);
		ingest("itam", ITAM);
		assertThat(this.repository.items()).hasSize(1);
		ItemState item = this.repository.items().iterator().next();
		assertThat(item.ciClass()).isEqualTo(CiClass.SERVER);
		assertThat(value(item, "facts.owner")).isEqualTo("jane.doe@example.com");
		assertThat(item.fields().get("facts.owner").source()).isEqualTo("itam");
		assertThat(value(item, "facts.location")).isEqualTo("FRA-DC1/Row 4/Rack 12");
		assertThat(value(item, "facts.purchase_cost")).isEqualTo(new Money(new java.math.BigDecimal("12450"), "EUR"));
		assertThat(value(item, "facts.lifecycle_status")).isEqualTo(LifecycleStatus.IN_USE);
		assertThat(value(item, "attributes.os")).isEqualTo("Ubuntu");
		assertThat(item.fields().get("attributes.os").source()).isEqualTo("agent");
		assertThat(value(item, "attributes.instance_type")).isEqualTo("i3.metal");
		assertThat(value(item, "name")).isEqualTo("ip-172-31-30-79");
		assertThat(item.identifiers().get(IdentifierType.CLOUD_RESOURCE_ID)).containsExactly("i-0a763ac3ee37d8d2b");
		assertThat(item.identifiers().get(IdentifierType.MAC_ADDRESS)).containsExactly("02:17:59:ed:8b:0a");
		assertThat(item.identifiers().get(IdentifierType.ASSET_TAG)).containsExactly("P1000091");
		assertThat(item.sightings()).hasSize(3);
		assertThat(this.repository.conflicts()).isEmpty();
	}

	@Test
	void theOutcomeDoesNotDependOnTheOrderOfArrival() {
		List<String[]> orders = List.of(new String[] { "agent", "cloud", "itam" },
				new String[] { "itam", "cloud", "agent" }, new String[] { "cloud", "itam", "agent" },
				new String[] { "cloud", "agent", "itam" }, new String[] { "itam", "agent", "cloud" });
		Map<String, String> bodies = Map.of("agent", AGENT, "cloud", CLOUD, "itam", ITAM);
		List<Map<String, Object>> results = new ArrayList<>();
		for (String[] order : orders) {
			InMemoryItemRepository repository = new InMemoryItemRepository();
			Reconciler reconciler = reconciler(repository, SourcePrecedence.defaults(), T0);
			for (String source : order) {
				reconciler.reconcile(source, read(bodies.get(source), source));
			}
			assertThat(repository.items()).as(String.join(",", order)).hasSize(1);
			ItemState item = repository.items().iterator().next();
			Map<String, Object> values = new java.util.TreeMap<>();
			item.fields().forEach((field, value) -> values.put(field, value.value() + " from " + value.source()));
			results.add(values);
		}
		assertThat(results).allSatisfy((values) -> assertThat(values).isEqualTo(results.get(0)));
	}

	@Test
	void aRecordThatBridgesTwoKnownItemsIsAConflictNotASilentMerge() {
		ingest("itam", ITAM);
		ingest("cloud", CLOUD.replace("\"asset_tag\": \"P1000091\", ", ""));
		assertThat(this.repository.items()).hasSize(2);
		ingest("agent", AGENT);
		assertThat(this.repository.items()).hasSize(2);
		assertThat(this.repository.conflicts()).singleElement().satisfies((conflict) -> {
			assertThat(conflict.keyType()).isEqualTo("mac_address");
			assertThat(conflict.sourceKey()).isEqualTo("ip-172-31-30-79-2026-11-29");
		});
	}

	@Test
	void placeholderSerialsNeverMergeMachines() {
		IngestReport report = ingest("agent",
				"""
						[{"sourceKey": "pc-1", "ciClass": "desktop", "name": "pc-1",
						  "identifiers": {"serial_number": "To be filled by O.E.M.", "hostname": "pc-1",
						    "mac_address": "00:e0:4c:68:01:db"}},
						 {"sourceKey": "pc-2", "ciClass": "desktop", "name": "pc-2",
						  "identifiers": {"serial_number": "To be filled by O.E.M.", "hostname": "pc-2",
						    "mac_address": "44:85:00:2b:90:bc"}},
						 {"sourceKey": "pc-3", "ciClass": "desktop", "name": "pc-3",
						  "identifiers": {"serial_number": "System Serial Number", "uuid": "03000200-0400-0500-0006-000700080009"}}]
						""");
		assertThat(report.created()).isEqualTo(2);
		assertThat(this.repository.items()).hasSize(2);
		assertThat(this.repository.items())
			.allSatisfy((item) -> assertThat(item.identifiers()).doesNotContainKey(IdentifierType.SERIAL_NUMBER));
		assertThat(report.rejections()).singleElement().satisfies((rejection) -> {
			assertThat(rejection.index()).isEqualTo(2);
			assertThat(rejection.sourceKey()).isEqualTo("pc-3");
			assertThat(rejection.errors()).extracting("field")
				.containsExactly("identifiers.serial_number", "identifiers.uuid");
			assertThat(rejection.reason()).contains("System Serial Number").contains("no usable identifier");
		});
	}

	@Test
	void vmClonesWithOneSerialStayApart() {
		ingest("vcenter", """
				[{"sourceKey": "vm-101", "ciClass": "virtual_machine", "name": "web-01",
				  "identifiers": {"serial_number": "VMware-42 1a 2b 3c 4d 5e 6f 70-81 92 a3 b4 c5 d6 e7 f8"}},
				 {"sourceKey": "vm-102", "ciClass": "virtual_machine", "name": "web-02",
				  "identifiers": {"serial_number": "VMware-42 1a 2b 3c 4d 5e 6f 70-81 92 a3 b4 c5 d6 e7 f8"}}]
				""");
		assertThat(this.repository.items()).hasSize(2);
		assertThat(this.repository.conflicts()).isEmpty();
	}

	@Test
	void vendorReusedSerialsOnNetworkDevicesStayApart() {
		IngestReport report = ingest("netbox", """
				[{"sourceKey": "dev-1", "ciClass": "network_device", "name": "sw-fra-01",
				  "identifiers": {"serial_number": "FOC1234X0AB"}, "attributes": {"manufacturer": "Cisco"}},
				 {"sourceKey": "dev-2", "ciClass": "network_device", "name": "fw-fra-01",
				  "identifiers": {"serial_number": "FOC1234X0AB"}, "attributes": {"manufacturer": "Juniper"}}]
				""");
		assertThat(report.created()).isEqualTo(2);
		assertThat(this.repository.items()).hasSize(2);
	}

	@Test
	void identifiersPointingAtTwoItemsBecomeAConflictNotAMerge() {
		ingest("agent", """
				[{"sourceKey": "a", "ciClass": "server", "identifiers": {"serial_number": "CZ3420ABCD"}},
				 {"sourceKey": "b", "ciClass": "server", "identifiers": {"serial_number": "CZ3420WXYZ",
				   "mac_address": "00:1a:2b:3c:4d:5e"}}]
				""");
		// the register names a's serial and b's MAC for one machine
		IngestReport report = ingest("itam", """
				{"sourceKey": "P1", "ciClass": "server",
				 "identifiers": {"serial_number": "CZ3420ABCD", "mac_address": "00:1A:2B:3C:4D:5E"},
				 "facts": {"owner": "ops@example.com"}}
				""");
		assertThat(this.repository.items()).hasSize(2);
		assertThat(report.updated()).isEqualTo(1);
		assertThat(this.repository.conflicts()).singleElement().satisfies((conflict) -> {
			assertThat(conflict.keyType()).isEqualTo("mac_address");
			assertThat(conflict.keyValue()).isEqualTo("00:1a:2b:3c:4d:5e");
			assertThat(conflict.itemIds()).hasSize(2).doesNotHaveDuplicates();
			assertThat(conflict.sourceKey()).isEqualTo("P1");
		});
		// re-sending it records the same conflict once
		ingest("itam", """
				{"sourceKey": "P1", "ciClass": "server",
				 "identifiers": {"serial_number": "CZ3420ABCD", "mac_address": "00:1A:2B:3C:4D:5E"},
				 "facts": {"owner": "ops@example.com"}}
				""");
		assertThat(this.repository.conflicts()).hasSize(1);
	}

	@Test
	void aRecordWhoseBestRuleMatchesTwoItemsIsNotApplied() {
		ingest("agent", """
				[{"sourceKey": "a", "ciClass": "server", "identifiers": {"mac_address": "00:1a:2b:3c:4d:5e"}},
				 {"sourceKey": "b", "ciClass": "server", "identifiers": {"mac_address": "00:1a:2b:3c:4d:5f"}}]
				""");
		IngestReport report = ingest("dhcp", """
				{"sourceKey": "lease-1", "ciClass": "server", "name": "merged?",
				 "identifiers": {"mac_address": ["00:1a:2b:3c:4d:5e", "00:1a:2b:3c:4d:5f"]}}
				""");
		assertThat(report.conflicts()).isEqualTo(1);
		assertThat(report.rejections()).singleElement()
			.satisfies((rejection) -> assertThat(rejection.field()).isEqualTo("identifiers"));
		assertThat(this.repository.items()).hasSize(2).allSatisfy((item) -> assertThat(item.name()).isNull());
		assertThat(this.repository.conflicts()).singleElement()
			.satisfies((conflict) -> assertThat(conflict.keyType()).isEqualTo("mac_address"));
	}

	@Test
	void reIngestingIdenticalDataChangesNothingAndWritesNoHistory() {
		ingest("agent", AGENT);
		ingest("itam", ITAM);
		int history = this.repository.changes().size();
		ItemState item = this.repository.items().iterator().next();
		long version = item.version();
		IngestReport again = ingest("agent", AGENT);
		IngestReport againItam = ingest("itam", ITAM);
		assertThat(again.unchanged()).isEqualTo(1);
		assertThat(again.updated() + again.created()).isZero();
		assertThat(againItam.unchanged()).isEqualTo(1);
		assertThat(this.repository.changes()).hasSize(history);
		assertThat(item.version()).isEqualTo(version);
	}

	@Test
	void changesAreRecordedFieldByFieldWithOldAndNewValues() {
		ingest("itam", ITAM);
		ingest("itam", ITAM.replace("jane.doe@example.com", "max.mustermann@example.com")
			.replace("2026-11-29T05:00:00Z", "2026-11-30T05:00:00Z"));
		assertThat(this.repository.changes()).filteredOn((change) -> change.field().equals("facts.owner"))
			.extracting("oldValue", "newValue", "source")
			.containsExactly(org.assertj.core.groups.Tuple.tuple(null, "jane.doe@example.com", "itam"),
					org.assertj.core.groups.Tuple.tuple("jane.doe@example.com", "max.mustermann@example.com", "itam"));
	}

	@Test
	void aLowerSourceOnlyFillsWhatHigherOnesLeaveEmpty() {
		ingest("itam", ITAM);
		ingest("cloud", CLOUD);
		ItemState item = this.repository.items().iterator().next();
		assertThat(value(item, "facts.owner")).isEqualTo("jane.doe@example.com");
		// the register knows no instance type: discovery fills it
		assertThat(value(item, "attributes.instance_type")).isEqualTo("i3.metal");
	}

	@Test
	void aLowerSourceTakesOverWhenTheHigherOneFellSilent() {
		ingest("itam", ITAM);
		// cloud reports 31 days after the register last confirmed the item
		ingest("cloud", CLOUD.replace("2026-11-29T06:05:00Z", "2026-12-30T06:00:00Z"));
		ItemState item = this.repository.items().iterator().next();
		assertThat(value(item, "facts.owner")).isEqualTo("ciso-security@example.com");
		assertThat(item.fields().get("facts.owner").source()).isEqualTo("cloud");
	}

	@Test
	void aConfiguredPrecedenceReplacesTheBuiltInOne() {
		InMemoryItemRepository repository = new InMemoryItemRepository();
		Reconciler cloudFirst = reconciler(repository,
				SourcePrecedence.of(Map.of("lifecycle", List.of("cloud", "itam")), Map.of(), Duration.ofDays(7)), T0);
		cloudFirst.reconcile("itam", read(ITAM, "itam"));
		cloudFirst.reconcile("cloud", read(CLOUD, "cloud"));
		cloudFirst.reconcile("agent", read(AGENT, "agent"));
		ItemState item = repository.items().iterator().next();
		assertThat(value(item, "facts.owner")).isEqualTo("ciso-security@example.com");
	}

	@Test
	void anOlderReportFromTheSameSourceDoesNotUndoANewerOne() {
		ingest("itam", ITAM.replace("2026-11-29T05:00:00Z", "2026-11-30T05:00:00Z"));
		ingest("itam", ITAM.replace("jane.doe@example.com", "stale@example.com"));
		assertThat(value(this.repository.items().iterator().next(), "facts.owner")).isEqualTo("jane.doe@example.com");
	}

	@Test
	void theSourceKeyKeepsARecordOnItsItemWhenItsIdentifiersChange() {
		ingest("agent", AGENT);
		ingest("agent", AGENT.replace("02:17:59:ED:8B:0A", "02:17:59:ed:8b:0b")
			.replace("2026-11-29T06:00:00Z", "2026-11-29T07:00:00Z"));
		assertThat(this.repository.items()).hasSize(1);
		assertThat(this.repository.items().iterator().next().identifiers().get(IdentifierType.MAC_ADDRESS))
			.containsExactly("02:17:59:ed:8b:0a", "02:17:59:ed:8b:0b");
	}

	@Test
	void relationshipsAreKeptPerSourceWithTheirTargetsNormalized() {
		ingest("agent", """
				{"sourceKey": "app-1", "ciClass": "application", "name": "billing",
				 "identifiers": {"hostname": "billing-01"},
				 "relationships": [{"type": "runs_on", "target": {"serial_number": " j9x2k41 "}},
				                   {"type": "depends_on", "target": {"hostname": "SAN-01"}}]}
				""");
		ItemState item = this.repository.items().iterator().next();
		assertThat(item.allRelationships()).extracting((rel) -> rel.type().id() + " " + rel.target())
			.containsExactly("runs_on {serial_number=[J9X2K41]}", "depends_on {hostname=[san-01]}");
	}

	@Test
	void oneBatchMayHoldSeveralRecordsOfOneMachine() {
		IngestReport report = ingest("agent", "[" + AGENT + ","
				+ AGENT.replace("ip-172-31-30-79-2026-11-29", "second-record").replace("Ubuntu", "Debian") + "]");
		assertThat(report.created()).isEqualTo(1);
		assertThat(report.updated()).isEqualTo(1);
		assertThat(this.repository.items()).hasSize(1);
		assertThat(value(this.repository.items().iterator().next(), "attributes.os")).isEqualTo("Debian");
	}

	@Test
	void anUpdateOnlyRecordUpdatesTheItemItsSourceKeyNamesAndKeepsItsClass() {
		ingest("agent", AGENT);
		String partial = """
				{"sourceKey": "ip-172-31-30-79-2026-11-29", "ciClass": "desktop",
				 "attributes": {"software_count": 310}, "observedAt": "2026-11-29T07:00:00Z"}
				""";
		IngestReport report = this.reconciler.reconcile("agent", updateOnly(read(partial, "agent"))).report();
		assertThat(report.updated()).isEqualTo(1);
		assertThat(report.rejections()).isEmpty();
		assertThat(this.repository.items()).hasSize(1);
		ItemState item = this.repository.items().iterator().next();
		assertThat(value(item, "attributes.software_count")).isEqualTo(310L);
		assertThat(item.ciClass()).isEqualTo(CiClass.SERVER);
		assertThat(value(item, "attributes.os")).isEqualTo("Ubuntu");
	}

	@Test
	void anUpdateOnlyRecordOfNoKnownItemIsRejectedNamingItsSourceKey() {
		String partial = """
				{"sourceKey": "never-seen", "ciClass": "server", "attributes": {"software_count": 3}}
				""";
		IngestReport report = this.reconciler.reconcile("agent", updateOnly(read(partial, "agent"))).report();
		assertThat(report.created()).isZero();
		assertThat(this.repository.items()).isEmpty();
		assertThat(report.rejections()).singleElement().satisfies((rejection) -> {
			assertThat(rejection.index()).isZero();
			assertThat(rejection.field()).isEqualTo("sourceKey");
			assertThat(rejection.reason()).contains("'agent:never-seen'").contains("full record creates it");
		});
	}

	@Test
	void aGuestWithoutIdentifiersIsKnownByItsSourceKeyOnItsHost() {
		String guest = """
				{"sourceKey": "host-1/vm/build-box", "ciClass": "virtual_machine", "name": "build-box",
				 "relationships": [{"type": "hosted_on", "target": {"serial_number": "2FAGP34"}}]}
				""";
		assertThat(ingest("agent", guest).created()).isEqualTo(1);
		IngestReport again = ingest("agent",
				guest.replace("\"name\": \"build-box\",", "\"name\": \"build-box\", \"attributes\": {\"vcpu\": 2},"));
		assertThat(again.rejections()).isEmpty();
		assertThat(again.updated()).isEqualTo(1);
		assertThat(this.repository.items()).hasSize(1);
		// without a host to be known on, it is still rejected
		assertThat(ingest("agent", """
				{"sourceKey": "lonely", "ciClass": "virtual_machine", "name": "lonely"}
				""").rejections()).singleElement()
			.satisfies((rejection) -> assertThat(rejection.reason()).startsWith("has no identifier"));
	}

	@Test
	void containersAreIdentifiedByTheirIds() {
		String container = """
				{"sourceKey": "host-1/vm/7e64b4b09941", "ciClass": "virtual_machine", "name": "db",
				 "identifiers": {"container_id": "7e64b4b09941"}}
				""";
		ingest("agent", container);
		ingest("docker", container.replace("\"7e64b4b09941\"}",
				"\"7e64b4b09941c2f1a0a5d3c8b7e6f5a4d3c2b1a09f8e7d6c5b4a39281706f5e4\"}"));
		assertThat(this.repository.items()).singleElement()
			.satisfies((item) -> assertThat(item.identifiers().get(IdentifierType.CONTAINER_ID))
				.containsExactly("7e64b4b09941"));
	}

	private static ParsedRecords updateOnly(ParsedRecords records) {
		return new ParsedRecords(records.items()
			.stream()
			.map((indexed) -> new ParsedRecords.Indexed(indexed.index(), indexed.item(), true))
			.toList(), records.rejections());
	}

	@Test
	void identificationRulesFromConfigurationAreChecked() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> IdentificationRules
				.of(Map.of("toaster", List.of("serial_number"), "server", List.of("name", "serial+model"))))
			.withMessageContaining("identification.rules.toaster")
			.withMessageContaining("identification.rules.server[0]")
			.withMessageContaining("names no identifier type");
	}

	private IngestReport ingest(String source, String json) {
		return this.reconciler.reconcile(source, read(json, source)).report();
	}

	private static ParsedRecords read(String json, String source) {
		return new CanonicalItemReader(Clock.fixed(T0, ZoneOffset.UTC)).read(json.getBytes(StandardCharsets.UTF_8),
				source);
	}

	private static Object value(ItemState item, String field) {
		return (item.fields().get(field) != null) ? item.fields().get(field).value() : null;
	}

	static Reconciler reconciler(InMemoryItemRepository repository, SourcePrecedence precedence, Instant now) {
		return new Reconciler(IdentificationRules.defaults(),
				new IdentifierNormalizer(PlaceholderBlocklist.withAdditional(Collections.emptyList())), precedence,
				repository, Clock.fixed(now, ZoneOffset.UTC));
	}

}
