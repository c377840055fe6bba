package io.itsmhub.connectors.jsmassets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.Identifiers;
import io.itsmhub.api.model.LifecycleStatus;
import io.itsmhub.api.model.Relationship;
import io.itsmhub.api.model.RelationshipType;
import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.target.TargetRecord;
import io.itsmhub.api.testing.SampleItems;
import io.itsmhub.api.testing.contract.ContractSamples;
import io.itsmhub.mappings.CompiledMapping;
import io.itsmhub.mappings.shipped.ShippedMappings;

/** Payloads made by the shipped JSM Assets mapping. */
final class JsmAssetsSamples {

	static final CompiledMapping MAPPING = new ShippedMappings().load("jsm-assets").orElseThrow();

	static final FieldCatalog SHIPPED_CATALOG = new ShippedMappings().catalog("jsm-assets").orElseThrow();

	/** The statuses the shipped mapping's status lookup gives. */
	static final List<String> STATUSES = List.of("Planned", "Ordered", "In Stock", "In Use", "In Maintenance",
			"Retired", "Disposed");

	static final Instant OBSERVED = Instant.parse("2026-11-29T06:00:00Z");

	private JsmAssetsSamples() {
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
				invalid, "is not a valid date", JsmAssetsSamples::many, mappedFields(),
				"hub.targets.jsm-assets.api-token");
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

	static TargetPayload invalid(TargetPayload payload) {
		TargetRecord record = payload.records().get(0);
		Map<String, Object> fields = new LinkedHashMap<>(record.fields());
		fields.put("Purchase Date", "1st of March");
		return new TargetPayload(payload.platform(), payload.itemId(),
				List.of(new TargetRecord(record.role(), record.targetClass(), fields, record.matchOn())),
				payload.relations(), payload.contentHash() + "-invalid");
	}

	/**
	 * Every field the shipped mapping writes, for the object types the simulator's "IT
	 * Assets" schema has (it has no Mobile Device, Printer, Peripheral or Cloud Resource
	 * type, and names its storage type "Storage Device").
	 */
	static Map<String, Set<String>> mappedFields() {
		Map<String, Set<String>> fields = new LinkedHashMap<>();
		for (CiClass ciClass : List.of(CiClass.SERVER, CiClass.VIRTUAL_MACHINE, CiClass.LAPTOP, CiClass.DESKTOP,
				CiClass.NETWORK_DEVICE, CiClass.APPLICATION, CiClass.DATABASE, CiClass.BUSINESS_SERVICE)) {
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
