package io.itsmhub.mappings;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.Depreciation;
import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.Identifiers;
import io.itsmhub.api.model.LifecycleFacts;
import io.itsmhub.api.model.LifecycleStatus;
import io.itsmhub.api.model.Money;
import io.itsmhub.api.model.Relationship;
import io.itsmhub.api.model.RelationshipType;
import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.api.target.FieldType;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.target.TargetRecord;
import io.itsmhub.mappings.ItemMappingException.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** What the engine sends for an item, rule by rule. */
class CompiledMappingTest {

	static final FieldCatalog CATALOG = new FieldCatalog("test", Map.of("Host", FieldCatalog.TargetClass.of("Host",
			List.of(field("name", FieldType.STRING, 12, true), field("serial", FieldType.STRING, 40, false),
					field("label", FieldType.STRING, 80, false), field("state", FieldType.INTEGER, null, false),
					field("cost", FieldType.DECIMAL, null, false), field("cost_text", FieldType.STRING, 20, false),
					field("bought", FieldType.DATE, null, false), field("bought_at", FieldType.DATETIME, null, false),
					field("stamp", FieldType.STRING, 40, false), field("active", FieldType.BOOLEAN, null, false),
					field("macs", FieldType.STRING, 100, false), field("mac", FieldType.STRING, 17, false),
					field("owner", FieldType.REFERENCE, null, false), field("os_family", FieldType.STRING, 20, false),
					field("cores", FieldType.INTEGER, null, false), field("summary", FieldType.STRING, 200, false))),
			"LinuxHost",
			FieldCatalog.TargetClass.of("LinuxHost",
					List.of(field("name", FieldType.STRING, 12, true), field("serial", FieldType.STRING, 40, false))),
			"Asset", FieldCatalog.TargetClass.of("Asset", List.of(field("tag", FieldType.STRING, 20, false)))),
			java.util.Set.of("Runs on", "Member of"));

	static final String MAPPING = """
			apiVersion: hub.mapping/v1
			platform: test
			version: 9
			scope: [server, laptop]
			classes:
			  server:
			    host:
			      targetClass: Host
			      cases:
			        - when: {path: attributes.os, matches: "(?i)linux"}
			          targetClass: LinuxHost
			    asset: Asset
			  laptop:
			    host: Host
			records:
			  host:
			    matchOn: [serial, name]
			    fields:
			      name: {from: name, required: true, transforms: [trim, lower, truncate]}
			      serial: {from: identifiers.serial_number, transforms: [trim, upper]}
			  asset:
			    matchOn: [tag]
			    when: {path: identifiers.asset_tag, exists: true}
			    fields:
			      tag: {from: identifiers.asset_tag, transforms: [{replace: {pattern: "^P(\\\\d+)$", with: "ASSET-$1"}}]}
			relationships:
			  runs_on: {type: Runs on}
			  member_of: {type: Member of, reverse: true}
			""";

	private final MappingCompiler compiler = new MappingCompiler();

	private final CompiledMapping mapping = this.compiler.compile("test/mapping.yaml", MAPPING, CATALOG);

	static FieldCatalog.Field field(String name, FieldType type, Integer maxLength, boolean required) {
		return new FieldCatalog.Field(name, type, maxLength, required);
	}

	static DiscoveredItem item(CiClass ciClass, String name, Map<IdentifierType, List<String>> identifiers,
			Map<String, Object> attributes, LifecycleFacts facts, List<Relationship> relationships) {
		return new DiscoveredItem("agent", "key-1", ciClass, name, Identifiers.of(identifiers), attributes, facts,
				relationships, Instant.parse("2026-11-29T06:00:00Z"));
	}

	static DiscoveredItem server(String name, String serial, String os) {
		return item(CiClass.SERVER, name, Map.of(IdentifierType.SERIAL_NUMBER, List.of(serial)),
				(os != null) ? Map.of("os", os) : Map.of(), null, List.of());
	}

	/** A mapping of one Host field, for testing one rule. */
	private CompiledMapping oneField(String field, String rule, String lookups) {
		String yaml = """
				apiVersion: hub.mapping/v1
				platform: test
				version: 1
				scope: [server]
				classes: {server: {host: Host}}
				records:
				  host:
				    matchOn: [name]
				    fields:
				      name: {from: name, required: true}
				      %s: %s
				%s
				""".formatted(field, rule, (lookups != null) ? lookups : "");
		return this.compiler.compile("one-field.yaml", yaml, CATALOG);
	}

	private Object valueOf(CompiledMapping mapping, DiscoveredItem item, String field) {
		return mapping.map(item, "item-1").records().get(0).fields().get(field);
	}

	@Test
	void classCasesPickTheTargetClassAndRecordsFollowTheirConditions() {
		TargetPayload linux = this.mapping.map(
				item(CiClass.SERVER, "  DB-Prod-01 ", Map.of(IdentifierType.SERIAL_NUMBER, List.of(" cz3420abcd "),
						IdentifierType.ASSET_TAG, List.of("P1000091")), Map.of("os", "Ubuntu Linux"), null, List.of()),
				"item-1");
		assertThat(linux.records()).extracting(TargetRecord::role, TargetRecord::targetClass)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("host", "LinuxHost"),
					org.assertj.core.groups.Tuple.tuple("asset", "Asset"));
		assertThat(linux.records().get(0).fields()).containsExactly(Map.entry("name", "db-prod-01"),
				Map.entry("serial", "CZ3420ABCD"));
		assertThat(linux.records().get(0).matchOn()).containsExactly(Map.entry("serial", "CZ3420ABCD"),
				Map.entry("name", "db-prod-01"));
		assertThat(linux.records().get(1).fields()).containsExactly(Map.entry("tag", "ASSET-1000091"));

		TargetPayload windows = this.mapping.map(server("app-01", "X1", "Windows Server 2022"), "item-2");
		assertThat(windows.records()).singleElement().extracting(TargetRecord::targetClass).isEqualTo("Host");
	}

	@Test
	void truncateWithoutLengthCutsToTheCatalogMaximum() {
		TargetPayload payload = this.mapping.map(server("a-very-long-host-name", "X1", null), "item-1");
		assertThat(payload.records().get(0).fields().get("name")).isEqualTo("a-very-long-");
	}

	@Test
	void requiredFieldsWithoutValueFailTheItemNamingEveryField() {
		String yaml = MAPPING.replace("serial: {from: identifiers.serial_number, transforms: [trim, upper]}",
				"serial: {from: identifiers.serial_number, required: true}");
		CompiledMapping strict = this.compiler.compile("strict.yaml", yaml, CATALOG);
		DiscoveredItem nameless = item(CiClass.LAPTOP, null, Map.of(), Map.of(), null, List.of());
		assertThatExceptionOfType(ItemMappingException.class).isThrownBy(() -> strict.map(nameless, "item-7"))
			.satisfies(
					(ex) -> assertThat(ex.problems()).extracting(FieldProblem::field).containsExactly("name", "serial"))
			.withMessageContaining("item item-7 cannot be mapped")
			.withMessageContaining("host.name: is required");
	}

	@Test
	void valueMapsUseTheirDefaultPassThroughOrFailTheItem() {
		String lookups = """
				lookups:
				  states: {values: {in_use: 1, retired: 7}, default: 0}
				  strict: {values: {in_use: 1}}
				  loose: {values: {IN_USE: 1}, passThrough: true, ignoreCase: true}
				""";
		DiscoveredItem inUse = withFacts(
				new LifecycleFacts(null, null, null, null, null, null, null, LifecycleStatus.IN_USE, null, null));
		DiscoveredItem inStock = withFacts(
				new LifecycleFacts(null, null, null, null, null, null, null, LifecycleStatus.IN_STOCK, null, null));
		CompiledMapping withDefault = oneField("state",
				"{from: facts.lifecycle_status, transforms: [{lookup: states}]}", lookups);
		assertThat(valueOf(withDefault, inUse, "state")).isEqualTo(1L);
		assertThat(valueOf(withDefault, inStock, "state")).isEqualTo(0L);
		CompiledMapping loose = oneField("label", "{from: facts.lifecycle_status, transforms: [{lookup: loose}]}",
				lookups);
		assertThat(valueOf(loose, inUse, "label")).isEqualTo("1");
		assertThat(valueOf(loose, inStock, "label")).isEqualTo("in_stock");
		CompiledMapping strict = oneField("state", "{from: facts.lifecycle_status, transforms: [{lookup: strict}]}",
				lookups);
		assertThatExceptionOfType(ItemMappingException.class).isThrownBy(() -> strict.map(inStock, "item-1"))
			.withMessageContaining("'in_stock' is not in lookup 'strict', which has no default");
	}

	@Test
	void datesNumbersAndMoneyAreFormattedForThePlatform() {
		DiscoveredItem item = withFacts(new LifecycleFacts(null, null, new Money(new BigDecimal("12450.5"), "EUR"),
				LocalDate.parse("2023-04-11"), null, null, null, null, null, new Depreciation("straight_line", 60)));
		assertThat(valueOf(oneField("cost", "{from: facts.purchase_cost, transforms: [currency]}", null), item, "cost"))
			.isEqualTo(new BigDecimal("12450.50"));
		assertThat(valueOf(oneField("cost_text",
				"{from: facts.purchase_cost.amount, transforms: [{numberFormat: '#,##0.00'}]}", null), item,
				"cost_text"))
			.isEqualTo("12,450.50");
		assertThat(valueOf(oneField("bought", "{from: facts.purchase_date}", null), item, "bought"))
			.isEqualTo("2023-04-11");
		assertThat(valueOf(oneField("bought_at", "{from: facts.purchase_date}", null), item, "bought_at"))
			.isEqualTo("2023-04-11T00:00:00Z");
		assertThat(valueOf(
				oneField("stamp", "{from: observedAt, transforms: [{dateFormat: 'yyyy-MM-dd HH:mm:ss'}]}", null), item,
				"stamp"))
			.isEqualTo("2026-11-29 06:00:00");
		assertThat(valueOf(oneField("cores", "{from: facts.depreciation.months}", null), item, "cores")).isEqualTo(60L);
		CompiledMapping onlyUsd = oneField("cost", "{from: facts.purchase_cost, transforms: [{currency: USD}]}", null);
		assertThatExceptionOfType(ItemMappingException.class).isThrownBy(() -> onlyUsd.map(item, "item-1"))
			.withMessageContaining("the amount is in EUR, but this platform field takes USD only");
	}

	@Test
	void japaneseYenHasNoMinorUnit() {
		DiscoveredItem item = withFacts(new LifecycleFacts(null, null, new Money(new BigDecimal("199800.4"), "JPY"),
				null, null, null, null, null, null, null));
		assertThat(valueOf(oneField("cost", "{from: facts.purchase_cost, transforms: [currency]}", null), item, "cost"))
			.isEqualTo(new BigDecimal("199800"));
	}

	@Test
	void listsTemplatesConstantsAndTypes() {
		DiscoveredItem item = item(CiClass.SERVER, "db-01",
				Map.of(IdentifierType.MAC_ADDRESS, List.of("00:1a:2b:3c:4d:5e", "00:1a:2b:3c:4d:5f"),
						IdentifierType.SERIAL_NUMBER, List.of("CZ1")),
				Map.of("os", "Ubuntu", "os_version", "22.04", "cpu", Map.of("cores", "16"), "active", "yes"), null,
				List.of());
		assertThat(valueOf(oneField("macs", "{from: identifiers.mac_address, transforms: [{join: ' '}, upper]}", null),
				item, "macs"))
			.isEqualTo("00:1A:2B:3C:4D:5E 00:1A:2B:3C:4D:5F");
		assertThat(valueOf(oneField("mac", "{from: identifiers.mac_address, transforms: [first]}", null), item, "mac"))
			.isEqualTo("00:1a:2b:3c:4d:5e");
		assertThat(valueOf(oneField("summary",
				"{from: attributes.os, transforms: [{template: '{name}: {value} {attributes.os_version} ({identifiers.serial_number})'}]}",
				null), item, "summary"))
			.isEqualTo("db-01: Ubuntu 22.04 (CZ1)");
		assertThat(valueOf(oneField("cores", "{from: attributes.cpu.cores}", null), item, "cores")).isEqualTo(16L);
		assertThatExceptionOfType(ItemMappingException.class)
			.isThrownBy(() -> oneField("label", "{from: attributes.cpu}", null).map(item, "item-1"))
			.withMessageContaining("label: is an object, not a value");
		assertThat(valueOf(oneField("active", "{from: attributes.active}", null), item, "active")).isEqualTo(true);
		assertThat(valueOf(oneField("label", "{constant: 42, type: string}", null), item, "label")).isEqualTo("42");
		assertThat(valueOf(
				oneField("label", "{from: facts.contract_id, transforms: [{template: 'Contract {value}'}]}", null),
				item, "label"))
			.as("a template of a missing value sends nothing, not 'Contract '")
			.isNull();
	}

	@Test
	void textLongerThanThePlatformStoresFailsTheItemUnlessTruncated() {
		DiscoveredItem item = server("db", "S".repeat(41), null);
		assertThatExceptionOfType(ItemMappingException.class)
			.isThrownBy(() -> oneField("serial", "{from: identifiers.serial_number}", null).map(item, "item-1"))
			.withMessageContaining("is 41 characters long, the platform stores at most 40; add the truncate transform");
		assertThat(valueOf(oneField("serial", "{from: identifiers.serial_number, transforms: [{truncate: 5}]}", null),
				item, "serial"))
			.isEqualTo("SSSSS");
	}

	@Test
	void fieldConditionsAndDefaults() {
		CompiledMapping mapping = oneField("os_family",
				"{from: attributes.os, when: {any: [{path: attributes.os, in: [Ubuntu, Debian]}, {not: {path: attributes.os, exists: true}}]}, default: unknown}",
				null);
		assertThat(valueOf(mapping, server("a", "1", "Ubuntu"), "os_family")).isEqualTo("Ubuntu");
		assertThat(valueOf(mapping, server("a", "1", null), "os_family")).isEqualTo("unknown");
		assertThat(mapping.map(server("a", "1", "Windows"), "i").records().get(0).fields())
			.doesNotContainKey("os_family");
	}

	@Test
	void expressionsComputeValuesAndRunawayOnesFailOnlyTheirItem() {
		DiscoveredItem item = server("db-01", "CZ1", "Ubuntu");
		assertThat(valueOf(oneField("summary", "{expression: '$uppercase(name) & \" on \" & attributes.os'}", null),
				item, "summary"))
			.isEqualTo("DB-01 on Ubuntu");
		assertThat(valueOf(oneField("cores", "{expression: '$count(identifiers.serial_number) * 4'}", null), item,
				"cores"))
			.isEqualTo(4L);
		CompiledMapping runaway = oneField("summary", "{expression: '($f := function($n) { $f($n + 1) }; $f(0))'}",
				null);
		long start = System.nanoTime();
		assertThatExceptionOfType(ItemMappingException.class).isThrownBy(() -> runaway.map(item, "item-1"))
			.withMessageContaining("expression failed");
		assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(5_000);
	}

	@Test
	void relationsAreMappedSortedAndUnmappedTypesAreLeftOut() {
		DiscoveredItem item = item(CiClass.SERVER, "vm-01", Map.of(), Map.of(), null, List.of(
				new Relationship(RelationshipType.MEMBER_OF, Identifiers.of(IdentifierType.HOSTNAME, "cluster-1")),
				new Relationship(RelationshipType.DEPENDS_ON, Identifiers.of(IdentifierType.HOSTNAME, "san-01")),
				new Relationship(RelationshipType.RUNS_ON, Identifiers.of(IdentifierType.SERIAL_NUMBER, "J9X2K41"))));
		TargetPayload payload = this.mapping.map(item, "item-1");
		assertThat(payload.relations())
			.extracting((relation) -> relation.canonicalType() + "->" + relation.platformType()
					+ (relation.reverse() ? " (reverse)" : "") + " " + relation.target())
			.containsExactly("member_of->Member of (reverse) {hostname=[cluster-1]}",
					"runs_on->Runs on {serial_number=[J9X2K41]}");
		MappingPreview preview = this.mapping.preview(item, "item-1");
		assertThat(preview.notes()).anyMatch((note) -> note.startsWith("relationship depends_on to"));
	}

	@Test
	void contentHashIsStableAndFollowsEverySentValue() {
		DiscoveredItem item = server("db-01", "CZ1", null);
		TargetPayload first = this.mapping.map(item, "item-1");
		assertThat(this.mapping.map(server("db-01", "CZ1", null), "item-1").contentHash())
			.isEqualTo(first.contentHash());
		// the hash is over what is sent: an attribute no rule reads changes nothing
		assertThat(this.mapping.map(server("db-01", "CZ1", "Windows"), "item-1").contentHash())
			.isEqualTo(first.contentHash());
		assertThat(this.mapping.map(server("db-02", "CZ1", null), "item-1").contentHash())
			.isNotEqualTo(first.contentHash());
		// a fixed value guards the canonical serialization: changing it resends every
		// item
		assertThat(first.contentHash()).hasSize(64)
			.isEqualTo(ContentHash.of("test", first.records(), first.relations()));
		List<Relationship> relationships = List.of(
				new Relationship(RelationshipType.RUNS_ON, Identifiers.of(IdentifierType.HOSTNAME, "a")),
				new Relationship(RelationshipType.MEMBER_OF, Identifiers.of(IdentifierType.HOSTNAME, "b")));
		List<Relationship> reversed = new ArrayList<>(relationships);
		java.util.Collections.reverse(reversed);
		assertThat(
				this.mapping.map(item(CiClass.SERVER, "x", Map.of(), Map.of(), null, relationships), "i").contentHash())
			.isEqualTo(
					this.mapping.map(item(CiClass.SERVER, "x", Map.of(), Map.of(), null, reversed), "i").contentHash());
	}

	@Test
	void contentHashOfAKnownPayloadNeverChanges() {
		TargetPayload payload = this.mapping.map(server("db-01", "CZ1", null), "item-1");
		assertThat(payload.contentHash())
			.isEqualTo(sha256("{\"platform\":\"test\",\"records\":[{\"role\":\"host\",\"targetClass\":\"Host\","
					+ "\"fields\":{\"name\":\"db-01\",\"serial\":\"CZ1\"}}]," + "\"relations\":[]}"));
	}

	@Test
	void contentHashEncodesTextAsUtf8() {
		TargetPayload payload = this.mapping.map(server("zürich-€-\uD83D\uDE80", "CZ1", null), "item-1");
		String name = (String) payload.records().get(0).fields().get("name");
		assertThat(payload.contentHash())
			.isEqualTo(sha256("{\"platform\":\"test\",\"records\":[{\"role\":\"host\",\"targetClass\":\"Host\","
					+ "\"fields\":{\"name\":\"" + name + "\",\"serial\":\"CZ1\"}}],\"relations\":[]}"));
	}

	@Test
	void previewExplainsEveryFieldWithItsRuleAndLine() {
		DiscoveredItem item = server("  DB-01 ", " cz1 ", "Windows");
		MappingPreview preview = this.mapping.preview(item, "item-1");
		assertThat(preview.mappingVersion()).isEqualTo(9);
		assertThat(preview.payload()).isEqualTo(this.mapping.map(item, "item-1"));
		assertThat(preview.fields())
			.extracting(FieldExplanation::field, FieldExplanation::value, FieldExplanation::sourceValue,
					FieldExplanation::rule, FieldExplanation::line, FieldExplanation::outcome)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("name", "db-01", "  DB-01 ",
							"from name | trim | lower | truncate 12 as string, required", 19, "sent"),
					org.assertj.core.groups.Tuple.tuple("serial", "CZ1", " cz1 ",
							"from identifiers.serial_number | trim | upper as string", 20, "sent"));
		assertThat(preview.notes())
			.containsExactly("no asset record: condition does not hold: identifiers.asset_tag exists");
		assertThat(preview.problems()).isEmpty();
	}

	@Test
	void previewOfAnItemThatCannotBeSentShowsItsProblemsInsteadOfThrowing() {
		MappingPreview preview = this.mapping.preview(server(null, "CZ1", null), "item-1");
		assertThat(preview.payload()).isNull();
		assertThat(preview.problems()).extracting(FieldProblem::field).containsExactly("name");
		assertThat(preview.fields()).filteredOn((field) -> field.field().equals("name"))
			.extracting(FieldExplanation::outcome)
			.containsExactly("error");
	}

	@Test
	void itemsOutOfScopeAreRefused() {
		DiscoveredItem database = item(CiClass.DATABASE, "orders", Map.of(), Map.of(), null, List.of());
		assertThat(this.mapping.inScope(CiClass.DATABASE)).isFalse();
		assertThat(this.mapping.scope()).containsExactlyInAnyOrder(CiClass.SERVER, CiClass.LAPTOP);
		assertThatIllegalArgumentException().isThrownBy(() -> this.mapping.map(database, "item-1"))
			.withMessageContaining("class database is not in the scope");
		assertThat(this.mapping.preview(database, "item-1").notes()).singleElement()
			.asString()
			.contains("not in the scope");
	}

	@Test
	void aCompiledMappingMapsFromManyThreadsAlike() {
		List<DiscoveredItem> items = IntStream.range(0, 2_000)
			.mapToObj((i) -> server("host-" + i, "SN" + i, (i % 2 == 0) ? "Linux" : "Windows"))
			.toList();
		List<String> sequential = items.stream().map((item) -> this.mapping.map(item, "i").contentHash()).toList();
		List<String> parallel = items.parallelStream()
			.map((item) -> this.mapping.map(item, "i").contentHash())
			.toList();
		assertThat(parallel).isEqualTo(sequential);
	}

	private static DiscoveredItem withFacts(LifecycleFacts facts) {
		return item(CiClass.SERVER, "db-01", Map.of(), Map.of(), facts, List.of());
	}

	private static String sha256(String text) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
