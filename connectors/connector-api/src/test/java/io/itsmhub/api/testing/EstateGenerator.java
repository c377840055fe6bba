package io.itsmhub.api.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.Identifiers;
import io.itsmhub.api.model.LifecycleFacts;
import io.itsmhub.api.model.LifecycleStatus;
import io.itsmhub.api.model.Money;
import io.itsmhub.api.model.Relationship;
import io.itsmhub.api.model.RelationshipType;

/**
 * A synthetic estate shaped like a real one: what an inventory agent and an asset
 * register say about the same machines, with MAC addresses written the way each tool
 * writes them.
 */
public final class EstateGenerator {

	private EstateGenerator() {
	}

	/** What an inventory agent reports: serial, UUID, two MACs, names, configuration. */
	public static List<DiscoveredItem> agent(int count, Instant observedAt) {
		List<DiscoveredItem> items = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Map<IdentifierType, List<String>> ids = new EnumMap<>(IdentifierType.class);
			ids.put(IdentifierType.SERIAL_NUMBER, List.of(serial(i)));
			ids.put(IdentifierType.UUID,
					List.of(String.format("4c4c4544-%04x-%04x-8034-%012x", i >> 16 & 0xffff, i & 0xffff, i)));
			ids.put(IdentifierType.MAC_ADDRESS, List.of(mac(i, 0).toUpperCase(), mac(i, 1).toUpperCase()));
			ids.put(IdentifierType.HOSTNAME, List.of("srv-" + i));
			ids.put(IdentifierType.FQDN, List.of("srv-" + i + ".corp.example"));
			Map<String, Object> attributes = new LinkedHashMap<>();
			attributes.put("manufacturer", "Dell Inc.");
			attributes.put("model", (i % 3 == 0) ? "PowerEdge R740" : "PowerEdge R650");
			attributes.put("os", (i % 2 == 0) ? "Ubuntu" : "Red Hat Enterprise Linux");
			attributes.put("os_version", (i % 2 == 0) ? "22.04" : "9.4");
			attributes.put("cpu_count", 2L);
			attributes.put("memory_mb", 131072L);
			attributes.put("ip_addresses", List.of("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255)));
			List<Relationship> relationships = new ArrayList<>(2);
			if (i > 0) {
				relationships.add(new Relationship(RelationshipType.DEPENDS_ON,
						Identifiers.of(IdentifierType.HOSTNAME, "srv-" + (i - 1))));
			}
			if (i > 1) {
				relationships.add(new Relationship(RelationshipType.CONNECTED_TO,
						Identifiers.of(IdentifierType.SERIAL_NUMBER, serial(i - 2))));
			}
			items.add(new DiscoveredItem("agent", "agent-" + i, (i % 5 == 0) ? CiClass.VIRTUAL_MACHINE : CiClass.SERVER,
					"srv-" + i, Identifiers.of(ids), attributes, LifecycleFacts.EMPTY, relationships, observedAt));
		}
		return items;
	}

	/**
	 * What the asset register says: asset tag, serial, and the lifecycle facts it owns.
	 */
	public static List<DiscoveredItem> register(int count, Instant observedAt) {
		List<DiscoveredItem> items = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Map<IdentifierType, List<String>> ids = new EnumMap<>(IdentifierType.class);
			ids.put(IdentifierType.ASSET_TAG, List.of("P" + (1000000 + i)));
			ids.put(IdentifierType.SERIAL_NUMBER, List.of(serial(i).toLowerCase()));
			LifecycleFacts facts = new LifecycleFacts("owner" + (i % 97) + "@example.com", "CC-" + (4100 + i % 20),
					new Money(new BigDecimal("8900.00"), "EUR"), LocalDate.of(2023, 1 + i % 12, 1 + i % 28),
					LocalDate.of(2028, 1 + i % 12, 1 + i % 28), "CTR-" + (i % 50), "Dell", LifecycleStatus.IN_USE,
					"FRA-DC1/Row " + (i % 20) + "/Rack " + (i % 40), null);
			items.add(new DiscoveredItem("itam", "P" + (1000000 + i),
					(i % 5 == 0) ? CiClass.VIRTUAL_MACHINE : CiClass.SERVER, "srv-" + i, Identifiers.of(ids), Map.of(),
					facts, List.of(), observedAt));
		}
		return items;
	}

	/** Records split into batches, as the ingest service hands them over. */
	public static List<ParsedRecords> batches(List<DiscoveredItem> items, int size) {
		List<ParsedRecords> batches = new ArrayList<>();
		for (int from = 0; from < items.size(); from += size) {
			batches.add(ParsedRecords.of(items.subList(from, Math.min(items.size(), from + size))));
		}
		return batches;
	}

	private static String serial(int i) {
		return "CZ" + Integer.toString(1_000_000 + i, 36).toUpperCase();
	}

	private static String mac(int i, int nic) {
		return String.format("00:1a:%02x:%02x:%02x:%02x", nic, i >> 16 & 255, i >> 8 & 255, i & 255);
	}

}
