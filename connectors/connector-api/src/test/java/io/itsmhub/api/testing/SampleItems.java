package io.itsmhub.api.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.Depreciation;
import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.Identifiers;
import io.itsmhub.api.model.LifecycleFacts;
import io.itsmhub.api.model.LifecycleStatus;
import io.itsmhub.api.model.Money;
import io.itsmhub.api.model.Relationship;

/**
 * The items the connectors' tests map with their platform's shipped mapping to make
 * contract samples: one numbered machine with every ITAM fact, and an item that carries
 * every identifier and attribute a mapping may read.
 */
public final class SampleItems {

	/** When the sample items were observed. */
	public static final Instant OBSERVED = Instant.parse("2026-11-29T06:00:00Z");

	private SampleItems() {
	}

	/**
	 * A server ({@code srv-<i>}) or other machine ({@code vm-<i>}) reported by an agent:
	 * serial {@code CZ<800000+i>}, asset tag {@code P<3000000+i>}, host name and FQDN, a
	 * cloud resource id for virtual machines, hardware and OS, and the lifecycle facts.
	 * @param ciClass the class
	 * @param i the number that makes its identifiers unique
	 * @param owner the owner's email
	 * @param status the lifecycle status
	 * @param relationships its relationships
	 * @return the item
	 */
	public static DiscoveredItem machine(CiClass ciClass, int i, String owner, LifecycleStatus status,
			List<Relationship> relationships) {
		String name = (ciClass == CiClass.SERVER ? "srv-" : "vm-") + i;
		Map<IdentifierType, List<String>> ids = new EnumMap<>(IdentifierType.class);
		ids.put(IdentifierType.SERIAL_NUMBER, List.of("CZ" + (800000 + i)));
		ids.put(IdentifierType.ASSET_TAG, List.of("P" + (3000000 + i)));
		ids.put(IdentifierType.HOSTNAME, List.of(name));
		ids.put(IdentifierType.FQDN, List.of(name + ".corp.example"));
		if (ciClass == CiClass.VIRTUAL_MACHINE) {
			ids.put(IdentifierType.CLOUD_RESOURCE_ID, List.of("i-0def" + i));
		}
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("manufacturer", "Dell Inc.");
		attributes.put("model", "PowerEdge R650");
		attributes.put("os", "Red Hat Enterprise Linux");
		attributes.put("os_version", "9.4");
		attributes.put("cpu_count", 8L);
		attributes.put("memory_mb", 65536L);
		attributes.put("ip_addresses", List.of("10.30.0." + (i % 250)));
		LifecycleFacts facts = new LifecycleFacts(owner, "CC-4100", new Money(new BigDecimal("4200.00"), "EUR"),
				LocalDate.of(2024, 6, 1), LocalDate.of(2029, 6, 1), "CTR-" + i, "Dell", status, "London DC1/Row 2",
				null);
		return new DiscoveredItem("agent", name, ciClass, name, Identifiers.of(ids), attributes, facts, relationships,
				OBSERVED);
	}

	/**
	 * An item of the class with every identifier, the attributes mappings read and every
	 * lifecycle fact, for listing the fields a mapping can write.
	 * @param ciClass the class
	 * @return the item
	 */
	public static DiscoveredItem rich(CiClass ciClass) {
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
				LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1), "C-1", "V", LifecycleStatus.IN_USE, "Site/Row",
				new Depreciation("straight_line", 36));
		return new DiscoveredItem("s", "k", ciClass, "rich", Identifiers.of(ids), attributes, facts, List.of(),
				OBSERVED);
	}

}
