package io.itsmhub.simulators.jsmassets;

import java.util.List;
import java.util.Map;

import io.itsmhub.simulators.core.PlatformSimulator;
import io.itsmhub.simulators.core.SimulatorProvider;

/**
 * The JSM Assets simulator for the demo profile: {@code hub@example.com} with API token
 * {@code api-token}; the demo connector provisions the attributes its mapping needs.
 */
public final class JsmAssetsSimulatorProvider implements SimulatorProvider {

	@Override
	public String platformId() {
		return JsmAssetsSimulator.PLATFORM_ID;
	}

	@Override
	public PlatformSimulator create(Map<String, List<Map<String, String>>> seed) {
		return JsmAssetsSimulator.builder().basicUser("hub@example.com", "api-token").build();
	}

	@Override
	public Map<String, String> demoTargetProperties(String baseUrl) {
		return Map.of("site-url", baseUrl, "api-base-url", baseUrl, "email", "hub@example.com", "api-token",
				"api-token", "provision-schema", "true");
	}

}
