package io.itsmhub.app.simulation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;

import io.itsmhub.simulators.core.PlatformSimulator;
import io.itsmhub.simulators.core.SimulatorProvider;

/**
 * Every platform simulator on the class path, by platform id, as the demo profile serves
 * them under {@code /sim/<platform>/}. Found through {@link SimulatorProvider}, so a new
 * platform's simulator appears here without a change to the hub.
 */
public final class SimulatedPlatforms {

	private final Map<String, PlatformSimulator> simulators;

	SimulatedPlatforms(Map<String, PlatformSimulator> simulators) {
		this.simulators = Map.copyOf(simulators);
	}

	/**
	 * Creates every simulator a provider is registered for.
	 * @param seed the reference records per platform, then per table or record type
	 * @return the simulators
	 */
	static SimulatedPlatforms create(Function<String, Map<String, List<Map<String, String>>>> seed) {
		Map<String, PlatformSimulator> simulators = new LinkedHashMap<>();
		for (SimulatorProvider provider : providers()) {
			simulators.put(provider.platformId(), provider.create(seed.apply(provider.platformId())));
		}
		return new SimulatedPlatforms(simulators);
	}

	/** The registered providers, in class-path order. */
	static List<SimulatorProvider> providers() {
		return ServiceLoader.load(SimulatorProvider.class, SimulatedPlatforms.class.getClassLoader())
			.stream()
			.map(ServiceLoader.Provider::get)
			.toList();
	}

	/** The simulators by platform id. */
	public Map<String, PlatformSimulator> all() {
		return this.simulators;
	}

	/**
	 * One simulator.
	 * @param platformId the platform
	 * @param type its class
	 * @param <T> its class
	 * @return the simulator
	 * @throws IllegalArgumentException when there is none for the platform
	 */
	public <T extends PlatformSimulator> T get(String platformId, Class<T> type) {
		PlatformSimulator simulator = this.simulators.get(platformId);
		if (simulator == null) {
			throw new IllegalArgumentException(
					"no simulator for '" + platformId + "'; simulators: " + this.simulators.keySet());
		}
		return type.cast(simulator);
	}

}
