package io.itsmhub.app.simulation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * In the {@code demo} profile, enables a target for every simulator on the class path and
 * points its connector at {@code /sim/<platform>} with the simulator's demo credentials.
 * The settings rank below every configuration file, so {@code application-demo.yml} or a
 * command-line option still changes or disables any of them
 * ({@code --hub.targets.xurrent.enabled=false}).
 */
public class DemoTargetsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String SOURCE_NAME = "demoSimulatedTargets";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.acceptsProfiles(Profiles.of("demo"))) {
			return;
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		SimulatedPlatforms.providers().forEach((provider) -> {
			String prefix = "hub.targets." + provider.platformId() + ".";
			String baseUrl = "http://localhost:${server.port:8080}/sim/" + provider.platformId();
			properties.put(prefix + "enabled", "true");
			provider.demoTargetProperties(baseUrl).forEach((name, value) -> properties.put(prefix + name, value));
		});
		environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, properties));
	}

}
