package io.itsmhub.connectors.haloitsm;

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
import io.itsmhub.api.testing.SampleItems;
import io.itsmhub.api.testing.contract.ContractSamples;
import io.itsmhub.mappings.CompiledMapping;
import io.itsmhub.mappings.shipped.ShippedMappings;
import io.itsmhub.simulators.haloitsm.HaloItsmSimulator;

/** Payloads made by the shipped HaloITSM mapping. */
final class HaloItsmSamples {

	static final CompiledMapping MAPPING = new ShippedMappings().load("haloitsm").orElseThrow();

	static final Instant OBSERVED = Instant.parse("2026-11-29T06:00:00Z");

	static final String CLIENT_ID = HaloItsmSimulator.DEFAULT_CLIENT_ID;

	static final String CLIENT_SECRET = HaloItsmSimulator.DEFAULT_CLIENT_SECRET;

	private HaloItsmSamples() {
	}

	static ContractSamples contract() {
		TargetPayload vm = map(machine(CiClass.VIRTUAL_MACHINE, 1, "alice@example.com", LifecycleStatus.IN_USE, List
			.of(new Relationship(RelationshipType.HOSTED_ON, Identifiers.of(IdentifierType.HOSTNAME, "srv-2")))));
		TargetPayload server = map(machine(CiClass.SERVER, 2, "bob@example.com", LifecycleStatus.IN_USE, List.of()));
		TargetPayload other = map(machine(CiClass.SERVER, 3, "carol@example.com", LifecycleStatus.IN_USE, List.of()));
		TargetPayload invalid = invalid(
				map(machine(CiClass.SERVER, 4, "carol@example.com", LifecycleStatus.IN_USE, List.of())));
		return new ContractSamples(List.of(vm, server, other), vm.relations().get(0),
				(payload) -> map(
						machine(CiClass.VIRTUAL_MACHINE, 1, "bob@example.com", LifecycleStatus.IN_USE, List.of())),
				(payload) -> map(
						machine(CiClass.VIRTUAL_MACHINE, 1, "alice@example.com", LifecycleStatus.RETIRED, List.of())),
				invalid, "is not a valid date", HaloItsmSamples::many, mappedFields(),
				"hub.targets.haloitsm.client-secret");
	}

	static List<TargetPayload> many(int count) {
		List<TargetPayload> payloads = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			payloads.add(map(machine(CiClass.SERVER, 100 + i, "alice@example.com", LifecycleStatus.IN_USE, List.of())));
		}
		return payloads;
	}

	static TargetPayload map(DiscoveredItem item) {
		return MAPPING.map(item, "item-" + item.sourceKey());
	}

	static DiscoveredItem machine(CiClass ciClass, int i, String owner, LifecycleStatus status,
			List<Relationship> relationships) {
		return SampleItems.machine(ciClass, i, owner, status, relationships);
	}

	/** The payload with a purchase date Halo cannot read. */
	static TargetPayload invalid(TargetPayload payload) {
		TargetRecord record = payload.records().get(0);
		Map<String, Object> fields = new LinkedHashMap<>(record.fields());
		fields.put("supplier_purchasedate", "1st of March");
		return new TargetPayload(payload.platform(), payload.itemId(),
				List.of(new TargetRecord(record.role(), record.targetClass(), fields, record.matchOn())),
				payload.relations(), payload.contentHash() + "-invalid");
	}

	/** Every field the shipped mapping writes, per asset type. */
	static Map<String, Set<String>> mappedFields() {
		Map<String, Set<String>> fields = new LinkedHashMap<>();
		for (CiClass ciClass : List.of(CiClass.SERVER, CiClass.VIRTUAL_MACHINE, CiClass.LAPTOP, CiClass.DESKTOP,
				CiClass.NETWORK_DEVICE, CiClass.STORAGE, CiClass.MOBILE_DEVICE, CiClass.PRINTER, CiClass.PERIPHERAL)) {
			TargetPayload payload = MAPPING.map(rich(ciClass), "rich");
			for (TargetRecord record : payload.records()) {
				fields.computeIfAbsent(record.targetClass(), (c) -> new LinkedHashSet<>())
					.addAll(record.fields().keySet());
			}
		}
		return fields;
	}

	static DiscoveredItem rich(CiClass ciClass) {
		Map<IdentifierType, List<String>> ids = new EnumMap<>(IdentifierType.class);
		for (IdentifierType type : IdentifierType.values()) {
			if (type != IdentifierType.SOURCE_KEY) {
				ids.put(type, List.of("x-" + type.id()));
			}
		}
		ids.put(IdentifierType.CLOUD_RESOURCE_ID, List.of("arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc"));
		Map<String, Object> attributes = new LinkedHashMap<>();
		for (String name : List.of("manufacturer", "model", "os", "os_version", "description", "version", "engine",
				"device_type", "resource_type")) {
			attributes.put(name, "x");
		}
		attributes.put("cpu_count", 2L);
		attributes.put("memory_mb", 1024L);
		attributes.put("ip_addresses", List.of("10.0.0.1"));
		LifecycleFacts facts = new LifecycleFacts("a@example.com", "CC-1", new Money(BigDecimal.ONE, "USD"),
				LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1), "C-1", "V", LifecycleStatus.IN_USE, "Site/Row",
				new Depreciation("straight_line", 36));
		return new DiscoveredItem("s", "k", ciClass, "rich", Identifiers.of(ids), attributes, facts, List.of(),
				OBSERVED);
	}

}
