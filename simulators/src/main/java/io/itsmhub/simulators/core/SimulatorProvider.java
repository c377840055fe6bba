package io.itsmhub.simulators.core;

import java.util.List;
import java.util.Map;

/**
 * How the hub finds a platform simulator without knowing it: every simulator registers a
 * provider in {@code META-INF/services/io.itsmhub.simulators.core.SimulatorProvider}, and
 * the demo profile mounts each at {@code /sim/<platform>/} and points the platform's
 * connector at it. Adding a platform adds its provider there and nothing in the hub.
 */
public interface SimulatorProvider {

	/**
	 * The platform id, as the connector, the mapping and the mount path name it.
	 * @return the id, such as {@code servicenow}
	 */
	String platformId();

	/**
	 * Creates the simulator with its demo credentials.
	 * @param seed reference records to hold from the start, per table or record type (the
	 * demo's companies, users, locations, ...); a simulator ignores types it has no store
	 * for
	 * @return the simulator
	 */
	PlatformSimulator create(Map<String, List<Map<String, String>>> seed);

	/**
	 * The connector settings that reach this simulator with its demo credentials, as
	 * properties relative to {@code hub.targets.<platform>.} (such as {@code base-url}).
	 * @param baseUrl where the simulator is mounted, such as
	 * {@code http://localhost:8080/sim/servicenow}
	 * @return the settings
	 */
	Map<String, String> demoTargetProperties(String baseUrl);

}
