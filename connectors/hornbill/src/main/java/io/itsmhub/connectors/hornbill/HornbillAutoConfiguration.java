package io.itsmhub.connectors.hornbill;

import io.itsmhub.api.target.TargetConnector;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Creates the Hornbill {@link TargetConnector} when
 * {@code hub.targets.hornbill.enabled=true}; the application picks it up by depending on
 * this module.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = HornbillProperties.PREFIX, name = "enabled", havingValue = "true")
@EnableConfigurationProperties(HornbillProperties.class)
public class HornbillAutoConfiguration {

	@Bean
	HornbillConnector hornbillConnector(HornbillProperties properties) {
		return new HornbillConnector(properties);
	}

}
