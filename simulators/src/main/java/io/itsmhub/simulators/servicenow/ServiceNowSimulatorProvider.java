package io.itsmhub.simulators.servicenow;

import java.util.List;
import java.util.Map;

import io.itsmhub.simulators.core.PlatformSimulator;
import io.itsmhub.simulators.core.SimulatorProvider;

/**
 * The ServiceNow simulator for the demo profile: basic user {@code admin}/{@code admin},
 * seeded with the reference records the demo data names.
 */
public final class ServiceNowSimulatorProvider implements SimulatorProvider {

	@Override
	public String platformId() {
		return ServiceNowSimulator.PLATFORM_ID;
	}

	@Override
	public PlatformSimulator create(Map<String, List<Map<String, String>>> seed) {
		ServiceNowSimulator.Builder builder = ServiceNowSimulator.builder();
		seed.forEach((table, rows) -> rows.forEach((row) -> builder.seed(table, row)));
		return builder.build();
	}

	@Override
	public Map<String, String> demoTargetProperties(String baseUrl) {
		return Map.of("base-url", baseUrl, "username", "admin", "password", "admin");
	}

}
