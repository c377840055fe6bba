package io.itsmhub.connectors.ivanti;

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
import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.Identifiers;
import io.itsmhub.api.model.LifecycleFacts;
import io.itsmhub.api.model.LifecycleStatus;
import io.itsmhub.api.model.Money;
import io.itsmhub.api.model.Relationship;
import io.itsmhub.api.model.RelationshipType;
import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.target.TargetRecord;
import io.itsmhub.api.testing.SampleItems;
import io.itsmhub.api.testing.contract.ContractSamples;
import io.itsmhub.mappings.CompiledMapping;
import io.itsmhub.mappings.shipped.ShippedMappings;

/** Payloads made by the shipped Ivanti mapping. */
final class IvantiSamples {

	static final CompiledMapping MAPPING = new ShippedMappings().load("ivanti").orElseThrow();

	static final FieldCatalog SHIPPED_CATALOG = new ShippedMappings().catalog("ivanti").orElseThrow();

	static final Instant OBSERVED = Instant.parse("2026-11-29T06:00:00Z");

	private IvantiSamples() {
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
				invalid, "is not a valid date", IvantiSamples::many, mappedFields(), "hub.targets.ivanti.api-key");
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
		String name = (ciClass == CiClass.SERVER ? "srv-" : "vm-") + i;
		Map<IdentifierType, List<String>> ids = new EnumMap<>(IdentifierType.class);
		ids.put(IdentifierType.SERIAL_NUMBER, List.of("CZ" + (800000 + i)));
		ids.put(IdentifierType.ASSET_TAG, List.of("P" + (3000000 + i)));
		ids.put(IdentifierType.HOSTNAME, List.of(name));
		ids.put(IdentifierType.MAC_ADDRESS, List.of(String.format("00:1a:2b:00:%02x:%02x", i >> 8 & 255, i & 255)));
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("manufacturer", "Dell Inc.");
		attributes.put("model", "PowerEdge R650");
		attributes.put("os", "Red Hat Enterprise Linux");
		attributes.put("os_version", "9.4");
		attributes.put("ip_addresses", List.of("10.30.0." + (i % 250)));
		LifecycleFacts facts = new LifecycleFacts(owner, "CC-4100", new Money(new BigDecimal("4200.00"), "EUR"),
				LocalDate.of(2024, 6, 1), LocalDate.of(2029, 6, 1), "CTR-" + i, "Dell", status, "London DC1/Row 2",
				null);
		return new DiscoveredItem("agent", name, ciClass, name, Identifiers.of(ids), attributes, facts, relationships,
				OBSERVED);
	}

	static TargetPayload invalid(TargetPayload payload) {
		TargetRecord record = payload.records().get(0);
		Map<String, Object> fields = new LinkedHashMap<>(record.fields());
		fields.put("PurchaseDate", "1st of March");
		return new TargetPayload(payload.platform(), payload.itemId(),
				List.of(new TargetRecord(record.role(), record.targetClass(), fields, record.matchOn())),
				payload.relations(), payload.contentHash() + "-invalid");
	}

	/** Every field the shipped mapping writes, per business object collection. */
	static Map<String, Set<String>> mappedFields() {
		Map<String, Set<String>> fields = new LinkedHashMap<>();
		for (CiClass ciClass : List.of(CiClass.SERVER, CiClass.VIRTUAL_MACHINE, CiClass.LAPTOP, CiClass.DESKTOP,
				CiClass.NETWORK_DEVICE, CiClass.STORAGE, CiClass.MOBILE_DEVICE, CiClass.PRINTER, CiClass.PERIPHERAL,
				CiClass.BUSINESS_SERVICE)) {
			TargetPayload payload = MAPPING.map(rich(ciClass), "rich");
			for (TargetRecord record : payload.records()) {
				fields.computeIfAbsent(record.targetClass(), (c) -> new LinkedHashSet<>())
					.addAll(record.fields().keySet());
			}
		}
		return fields;
	}

	static DiscoveredItem rich(CiClass ciClass) {
		return SampleItems.rich(ciClass);
	}

}
