package io.itsmhub.connectors.haloitsm;

import io.itsmhub.api.target.TargetConnector;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Creates the HaloITSM {@link TargetConnector} when
 * {@code hub.targets.haloitsm.enabled=true}; the application picks it up by depending on
 * this module.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = HaloItsmProperties.PREFIX, name = "enabled", havingValue = "true")
@EnableConfigurationProperties(HaloItsmProperties.class)
public class HaloItsmAutoConfiguration {

	@Bean
	HaloItsmConnector haloItsmConnector(HaloItsmProperties properties) {
		return new HaloItsmConnector(properties);
	}

}
