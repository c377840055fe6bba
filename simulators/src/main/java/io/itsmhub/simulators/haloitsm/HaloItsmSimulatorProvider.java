package io.itsmhub.simulators.haloitsm;

import java.util.List;
import java.util.Map;

import io.itsmhub.simulators.core.PlatformSimulator;
import io.itsmhub.simulators.core.SimulatorProvider;

/**
 * The HaloITSM simulator for the demo profile: API application {@code hub-client} with
 * secret {@code hub-secret}, and the hub's recommended asset types (Server, Virtual
 * Machine, Laptop, ...).
 */
public final class HaloItsmSimulatorProvider implements SimulatorProvider {

	@Override
	public String platformId() {
		return HaloItsmSimulator.PLATFORM_ID;
	}

	@Override
	public PlatformSimulator create(Map<String, List<Map<String, String>>> seed) {
		return HaloItsmSimulator.builder().build();
	}

	@Override
	public Map<String, String> demoTargetProperties(String baseUrl) {
		return Map.of("base-url", baseUrl, "client-id", HaloItsmSimulator.DEFAULT_CLIENT_ID, "client-secret",
				HaloItsmSimulator.DEFAULT_CLIENT_SECRET);
	}

}
