package io.itsmhub.app.pull;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

import io.itsmhub.app.ingest.IngestService;
import io.itsmhub.routes.ingest.PullRoutes;

/** The REST pull sources of {@code hub.pull}, and the schedules of those with a cron. */
@Configuration(proxyBeanMethods = false)
public class PullConfiguration {

	@Bean
	RestPuller restPuller(PullProperties properties, IngestService ingest, Environment environment,
			ResourceLoader resources, Clock clock) {
		return new RestPuller(properties.pull(), ingest, environment, resources, clock);
	}

	@Bean
	PullRoutes pullRoutes(ObjectProvider<RestPuller> puller, PullProperties properties) {
		Map<String, String> crons = new LinkedHashMap<>();
		properties.pull().forEach((source, config) -> {
			if (config.cron() != null && !config.cron().isBlank()) {
				crons.put(source, config.cron());
			}
		});
		return new PullRoutes(crons, (source) -> puller.getObject().pull(source));
	}

}
