package io.itsmhub.connectors.freshservice;

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
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.target.TargetRecord;
import io.itsmhub.api.testing.SampleItems;
import io.itsmhub.api.testing.contract.ContractSamples;
import io.itsmhub.mappings.CompiledMapping;
import io.itsmhub.mappings.shipped.ShippedMappings;
import io.itsmhub.simulators.freshservice.FreshserviceSimulator;

/** Payloads made by the shipped Freshservice mapping, and the account they need. */
final class FreshserviceSamples {

	static final CompiledMapping MAPPING = new ShippedMappings().load("freshservice").orElseThrow();

	static final Instant OBSERVED = Instant.parse("2026-11-29T06:00:00Z");

	static final String API_KEY = "fs-test-key";

	private FreshserviceSamples() {
	}

	/** A simulator holding the requesters, location and department the samples name. */
	static FreshserviceSimulator.Builder account() {
		FreshserviceSimulator.Builder builder = FreshserviceSimulator.builder().apiKey(API_KEY);
		for (String email : List.of("alice@example.com", "bob@example.com", "carol@example.com")) {
			builder.seed("requesters", Map.of("primary_email", email));
		}
		builder.seed("locations", Map.of("name", "London DC1/Row 2"));
		builder.seed("departments", Map.of("name", "CC-4100"));
		return builder;
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
				invalid, "YYYY-MM-DD", FreshserviceSamples::many, mappedFields(), "hub.targets.freshservice.api-key");
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
		fields.put("type_fields.acquisition_date", "1st of March");
		return new TargetPayload(payload.platform(), payload.itemId(),
				List.of(new TargetRecord(record.role(), record.targetClass(), fields, record.matchOn())),
				payload.relations(), payload.contentHash() + "-invalid");
	}

	/** Every field the shipped mapping writes, per asset type. */
	static Map<String, Set<String>> mappedFields() {
		Map<String, Set<String>> fields = new LinkedHashMap<>();
		for (CiClass ciClass : List.of(CiClass.SERVER, CiClass.VIRTUAL_MACHINE, CiClass.LAPTOP, CiClass.DESKTOP,
				CiClass.NETWORK_DEVICE, CiClass.STORAGE, CiClass.MOBILE_DEVICE, CiClass.PRINTER)) {
			TargetPayload payload = map(machine(ciClass, 1, "alice@example.com", LifecycleStatus.IN_USE, List.of()));
			for (TargetRecord record : payload.records()) {
				fields.computeIfAbsent(record.targetClass(), (c) -> new LinkedHashSet<>())
					.addAll(record.fields().keySet());
			}
		}
		return fields;
	}

}
