package io.itsmhub.simulators.ivanti;

import java.util.List;
import java.util.Map;

import io.itsmhub.simulators.core.PlatformSimulator;
import io.itsmhub.simulators.core.SimulatorProvider;

/**
 * The Ivanti Neurons for ITSM simulator for the demo profile: REST API key
 * {@code hub-rest-api-key}; seed rows given for {@code ivanti} are created in the
 * collections they name (such as {@code CI__Servers}).
 */
public final class IvantiSimulatorProvider implements SimulatorProvider {

	@Override
	public String platformId() {
		return IvantiSimulator.PLATFORM_ID;
	}

	@Override
	public PlatformSimulator create(Map<String, List<Map<String, String>>> seed) {
		IvantiSimulator.Builder builder = IvantiSimulator.builder();
		// a seed may hold other platforms' record types (ServiceNow tables): keep this
		// tenant's business objects only
		java.util.Set<String> known = new java.util.HashSet<>();
		IvantiTenant.defaultDefinitions()
			.forEach((definition) -> known.add(definition.collection().toLowerCase(java.util.Locale.ROOT)));
		seed.forEach((collection, rows) -> {
			if (known.contains(collection.toLowerCase(java.util.Locale.ROOT))) {
				rows.forEach((row) -> builder.seed(collection, row));
			}
		});
		return builder.build();
	}

	@Override
	public Map<String, String> demoTargetProperties(String baseUrl) {
		return Map.of("base-url", baseUrl, "api-key", IvantiSimulator.DEFAULT_API_KEY);
	}

}
