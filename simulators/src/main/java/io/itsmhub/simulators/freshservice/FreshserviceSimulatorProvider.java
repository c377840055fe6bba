package io.itsmhub.simulators.freshservice;

import java.util.List;
import java.util.Map;

import io.itsmhub.simulators.core.PlatformSimulator;
import io.itsmhub.simulators.core.SimulatorProvider;

/**
 * The Freshservice simulator for the demo profile: API key {@code fs-api-key}; its
 * requesters, locations and departments come from {@code hub.demo.seed.freshservice}, or
 * when that is empty, from the demo account below (the people, sites and cost centres the
 * demo data names), as a real account has them before any asset points at them.
 */
public final class FreshserviceSimulatorProvider implements SimulatorProvider {

	/**
	 * The record kinds the simulator holds; a seed of other kinds is for other platforms.
	 */
	private static final java.util.Set<String> KINDS = java.util.Set.of("requesters", "locations", "departments");

	private static final List<String> DEMO_PEOPLE = List.of("jane.doe@example.com", "max.mustermann@example.com",
			"erika.musterfrau@example.com", "netops@example.com", "ciso-team@example.com");

	private static final List<String> DEMO_LOCATIONS = List.of("FRA-DC1/Row 4/Rack 12", "FRA-DC1/Row 4/Rack 13",
			"FRA-DC1/Row 1/Rack 1", "Berlin Office", "AWS us-west-2");

	private static final List<String> DEMO_DEPARTMENTS = List.of("CC-4100", "CC-4200", "CC-2200", "CC-9000");

	@Override
	public String platformId() {
		return FreshserviceSimulator.PLATFORM_ID;
	}

	@Override
	public PlatformSimulator create(Map<String, List<Map<String, String>>> seed) {
		FreshserviceSimulator.Builder builder = FreshserviceSimulator.builder();
		Map<String, List<Map<String, String>>> own = new java.util.LinkedHashMap<>(seed);
		own.keySet().retainAll(KINDS);
		if (own.isEmpty()) {
			DEMO_PEOPLE.forEach((email) -> builder.seed("requesters",
					Map.of("primary_email", email, "first_name", email.substring(0, email.indexOf('@')))));
			DEMO_LOCATIONS.forEach((name) -> builder.seed("locations", Map.of("name", name)));
			DEMO_DEPARTMENTS.forEach((name) -> builder.seed("departments", Map.of("name", name)));
		}
		own.forEach((kind, records) -> records.forEach((record) -> builder.seed(kind, record)));
		return builder.build();
	}

	@Override
	public Map<String, String> demoTargetProperties(String baseUrl) {
		return Map.of("base-url", baseUrl, "api-key", "fs-api-key");
	}

}
