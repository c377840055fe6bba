package io.itsmhub.simulators.xurrent;

import java.util.List;
import java.util.Map;

import io.itsmhub.simulators.core.PlatformSimulator;
import io.itsmhub.simulators.core.SimulatorProvider;

/**
 * The Xurrent simulator for the demo profile: token {@code xurrent-token}, account
 * {@code wdc}, the documented request and cost budgets, and the sites, organizations and
 * people the demo data names (plus any {@code hub.demo.seed.xurrent} records).
 */
public final class XurrentSimulatorProvider implements SimulatorProvider {

	@Override
	public String platformId() {
		return XurrentSimulator.PLATFORM_ID;
	}

	@Override
	public PlatformSimulator create(Map<String, List<Map<String, String>>> seed) {
		XurrentSimulator.Builder builder = XurrentSimulator.builder();
		for (String site : List.of("FRA-DC1", "Berlin Office", "AWS us-west-2", "London DC1")) {
			builder.seed("Site", Map.of("name", site));
		}
		for (String organization : List.of("CC-4100", "CC-4200", "CC-2200", "CC-9000", "Dell", "Cisco", "NetApp",
				"Amazon EC2", "Amazon Web Services")) {
			builder.seed("Organization", Map.of("name", organization));
		}
		for (String email : List.of("jane.doe@example.com", "max.mustermann@example.com",
				"erika.musterfrau@example.com", "netops@example.com", "ciso-team@example.com")) {
			builder.seed("Person", Map.of("name", email.substring(0, email.indexOf('@')), "primaryEmail", email));
		}
		seed.forEach((type, rows) -> rows.forEach((row) -> builder.seed(type, row)));
		return builder.build();
	}

	@Override
	public Map<String, String> demoTargetProperties(String baseUrl) {
		return Map.of("graphql-url", baseUrl + "/", "account-id", XurrentSimulator.DEFAULT_ACCOUNT, "token",
				XurrentSimulator.DEFAULT_TOKEN, "bulk-poll-interval", "50ms");
	}

}
