package io.itsmhub.connectors.freshservice;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Creates the Freshservice {@link io.itsmhub.api.target.TargetConnector} when
 * {@code hub.targets.freshservice.enabled=true}; the application picks it up by depending
 * on this module.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = FreshserviceProperties.PREFIX, name = "enabled", havingValue = "true")
@EnableConfigurationProperties(FreshserviceProperties.class)
public class FreshserviceAutoConfiguration {

	@Bean
	FreshserviceConnector freshserviceConnector(FreshserviceProperties properties) {
		return new FreshserviceConnector(properties);
	}

}
