package io.itsmhub.simulators.hornbill;

import java.util.List;
import java.util.Map;

import io.itsmhub.simulators.core.PlatformSimulator;
import io.itsmhub.simulators.core.SimulatorProvider;

/**
 * The Hornbill simulator for the demo profile: API key {@code hornbill-api-key}, instance
 * {@code demo}; the demo connector discovers its endpoint from the simulator's zoneinfo,
 * as it would from {@code files.hornbill.com}. The asset types are seeded; the demo's
 * users and locations are not needed (Hornbill takes owner URNs and site names as text).
 */
public final class HornbillSimulatorProvider implements SimulatorProvider {

	@Override
	public String platformId() {
		return HornbillSimulator.PLATFORM_ID;
	}

	@Override
	public PlatformSimulator create(Map<String, List<Map<String, String>>> seed) {
		return HornbillSimulator.builder().build();
	}

	@Override
	public Map<String, String> demoTargetProperties(String baseUrl) {
		return Map.of("instance", "demo", "zoneinfo-url", baseUrl + "/instances/{instance}/zoneinfo", "api-key",
				"hornbill-api-key");
	}

}
