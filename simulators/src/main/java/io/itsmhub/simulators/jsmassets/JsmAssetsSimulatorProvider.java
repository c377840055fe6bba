package io.itsmhub.simulators.jsmassets;

import java.util.List;
import java.util.Map;

import io.itsmhub.simulators.core.PlatformSimulator;
import io.itsmhub.simulators.core.SimulatorProvider;

/**
 * The JSM Assets simulator for the demo profile: {@code hub@example.com} with API token
 * {@code api-token}; the demo connector provisions the attributes its mapping needs. The
 * site knows the demo owners' Atlassian accounts
 * ({@link JsmAssetsSimulator#DEFAULT_ACCOUNTS}) and those under {@code users} in the
 * seed.
 */
public final class JsmAssetsSimulatorProvider implements SimulatorProvider {

	@Override
	public String platformId() {
		return JsmAssetsSimulator.PLATFORM_ID;
	}

	@Override
	public PlatformSimulator create(Map<String, List<Map<String, String>>> seed) {
		JsmAssetsSimulator.Builder builder = JsmAssetsSimulator.builder().basicUser("hub@example.com", "api-token");
		// more Atlassian accounts: hub.demo.seed.jsm-assets.users: [{email, displayName}]
		for (Map<String, String> user : (seed != null) ? seed.getOrDefault("users", List.of())
				: List.<Map<String, String>>of()) {
			if (user.get("email") != null) {
				builder.account(user.get("email"), user.getOrDefault("displayName", user.get("email")));
			}
		}
		return builder.build();
	}

	@Override
	public Map<String, String> demoTargetProperties(String baseUrl) {
		return Map.of("site-url", baseUrl, "api-base-url", baseUrl, "email", "hub@example.com", "api-token",
				"api-token", "provision-schema", "true");
	}

}
