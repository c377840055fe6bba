package io.itsmhub.connectors.servicenow;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.target.TargetRecord;
import io.itsmhub.api.testing.contract.ContractSamples;
import io.itsmhub.mappings.CompiledMapping;
import io.itsmhub.mappings.shipped.ShippedMappings;

/**
 * Payloads made by the shipped ServiceNow mapping from canonical items whose reference
 * values (users, cost centers, locations, models, companies) exist in the simulator's
 * seed.
 */
final class ServiceNowSamples {

	static final CompiledMapping MAPPING = new ShippedMappings().load("servicenow").orElseThrow();

	static final Instant OBSERVED = Instant.parse("2026-11-29T06:00:00Z");

	private ServiceNowSamples() {
	}

	static ContractSamples contract() {
		TargetPayload first = map(server(1, "alice.nguyen@example.com", LifecycleStatus.IN_USE, List
			.of(new Relationship(RelationshipType.DEPENDS_ON, Identifiers.of(IdentifierType.HOSTNAME, "srv-2")))));
		TargetPayload second = map(server(2, "bob.smith@example.com", LifecycleStatus.IN_USE, List.of()));
		TargetPayload vm = map(vm(3));
		TargetPayload invalid = invalid(map(server(4, "carol.jones@example.com", LifecycleStatus.IN_USE, List.of())));
		return new ContractSamples(List.of(first, second, vm), first.relations().get(0),
				(payload) -> map(server(1, "bob.smith@example.com", LifecycleStatus.IN_USE, List.of())),
				(payload) -> map(server(1, "alice.nguyen@example.com", LifecycleStatus.RETIRED, List.of())), invalid,
				"Invalid value for field: purchase_date", ServiceNowSamples::many, mappedFields(),
				"hub.targets.servicenow.password");
	}

	static List<TargetPayload> many(int count) {
		List<TargetPayload> payloads = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			payloads.add(map(server(100 + i, "alice.nguyen@example.com", LifecycleStatus.IN_USE, List.of())));
		}
		return payloads;
	}

	static TargetPayload map(DiscoveredItem item) {
		return MAPPING.map(item, "item-" + item.sourceKey());
	}

	/** A Linux server with its asset facts. */
	static DiscoveredItem server(int i, String owner, LifecycleStatus status, List<Relationship> relationships) {
		Map<IdentifierType, List<String>> ids = new EnumMap<>(IdentifierType.class);
		ids.put(IdentifierType.SERIAL_NUMBER, List.of("CZ" + (700000 + i)));
		ids.put(IdentifierType.ASSET_TAG, List.of("P" + (2000000 + i)));
		ids.put(IdentifierType.HOSTNAME, List.of("srv-" + i));
		ids.put(IdentifierType.FQDN, List.of("srv-" + i + ".corp.example"));
		ids.put(IdentifierType.MAC_ADDRESS, List.of(String.format("00:1a:2b:00:%02x:%02x", i >> 8 & 255, i & 255)));
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("manufacturer", "Dell Inc.");
		attributes.put("model", "PowerEdge R740");
		attributes.put("os", "Ubuntu");
		attributes.put("os_version", "22.04");
		attributes.put("cpu_count", 16L);
		attributes.put("memory_mb", 262144L);
		attributes.put("ip_addresses", List.of("10.20.0." + (i % 250)));
		LifecycleFacts facts = new LifecycleFacts(owner, "CC-1000", new Money(new BigDecimal("8900.00"), "EUR"),
				LocalDate.of(2024, 3, 1), LocalDate.of(2029, 3, 1), "CTR-" + i, "Dell Inc.", status, "London DC1",
				null);
		return new DiscoveredItem("agent", "srv-" + i, CiClass.SERVER, "srv-" + i, Identifiers.of(ids), attributes,
				facts, relationships, OBSERVED);
	}

	/** A virtual machine: a CI without an asset record. */
	static DiscoveredItem vm(int i) {
		Map<IdentifierType, List<String>> ids = new EnumMap<>(IdentifierType.class);
		ids.put(IdentifierType.CLOUD_RESOURCE_ID, List.of("i-0abc" + i));
		ids.put(IdentifierType.UUID, List.of("4c4c4544-0000-0000-0000-00000000000" + i));
		ids.put(IdentifierType.HOSTNAME, List.of("vm-" + i));
		Map<String, Object> attributes = Map.of("cpu_count", 4L, "memory_mb", 16384L);
		return new DiscoveredItem("cloud", "vm-" + i, CiClass.VIRTUAL_MACHINE, "vm-" + i, Identifiers.of(ids),
				attributes, LifecycleFacts.EMPTY, List.of(), OBSERVED);
	}

	/** The item's asset record with a purchase date ServiceNow cannot read. */
	static TargetPayload invalid(TargetPayload payload) {
		List<TargetRecord> records = new ArrayList<>();
		for (TargetRecord record : payload.records()) {
			if (record.role().equals("asset")) {
				Map<String, Object> fields = new LinkedHashMap<>(record.fields());
				fields.put("purchase_date", "1st of March");
				record = new TargetRecord(record.role(), record.targetClass(), fields, record.matchOn());
			}
			records.add(record);
		}
		return new TargetPayload(payload.platform(), payload.itemId(), records, payload.relations(),
				payload.contentHash() + "-invalid");
	}

	/**
	 * Every field the shipped mapping writes for the classes the simulator models, from
	 * items that carry every attribute and fact the mapping reads.
	 */
	static Map<String, Set<String>> mappedFields() {
		Map<String, Set<String>> fields = new LinkedHashMap<>();
		for (CiClass ciClass : List.of(CiClass.SERVER, CiClass.VIRTUAL_MACHINE, CiClass.LAPTOP, CiClass.DESKTOP,
				CiClass.STORAGE, CiClass.APPLICATION, CiClass.BUSINESS_SERVICE)) {
			for (LifecycleStatus status : List.of(LifecycleStatus.IN_USE, LifecycleStatus.RETIRED)) {
				TargetPayload payload = MAPPING.map(rich(ciClass, status), "rich");
				for (TargetRecord record : payload.records()) {
					fields.computeIfAbsent(record.targetClass(), (c) -> new LinkedHashSet<>())
						.addAll(record.fields().keySet());
				}
			}
		}
		return fields;
	}

	static DiscoveredItem rich(CiClass ciClass, LifecycleStatus status) {
		Map<IdentifierType, List<String>> ids = new EnumMap<>(IdentifierType.class);
		for (IdentifierType type : IdentifierType.values()) {
			if (type != IdentifierType.SOURCE_KEY) {
				ids.put(type, List.of("x-" + type.id()));
			}
		}
		Map<String, Object> attributes = new LinkedHashMap<>();
		for (String name : List.of("manufacturer", "model", "os", "os_version", "description", "version", "engine",
				"device_type", "resource_type")) {
			attributes.put(name, "x");
		}
		attributes.put("cpu_count", 2L);
		attributes.put("memory_mb", 1024L);
		attributes.put("ip_addresses", List.of("10.0.0.1"));
		LifecycleFacts facts = new LifecycleFacts("a@example.com", "CC-1", new Money(BigDecimal.ONE, "USD"),
				LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1), "C-1", "V", status, "Site/Row",
				new Depreciation("straight_line", 36));
		return new DiscoveredItem("s", "k", ciClass, "rich", Identifiers.of(ids), attributes, facts, List.of(),
				OBSERVED);
	}

}
