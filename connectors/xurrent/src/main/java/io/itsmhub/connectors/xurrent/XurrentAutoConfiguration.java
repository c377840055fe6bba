package io.itsmhub.connectors.xurrent;

import io.itsmhub.api.target.TargetConnector;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Creates the Xurrent {@link TargetConnector} when
 * {@code hub.targets.xurrent.enabled=true}; the application picks it up by depending on
 * this module.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = XurrentProperties.PREFIX, name = "enabled", havingValue = "true")
@EnableConfigurationProperties(XurrentProperties.class)
public class XurrentAutoConfiguration {

	@Bean
	XurrentConnector xurrentConnector(XurrentProperties properties) {
		return new XurrentConnector(properties);
	}

}
