package io.itsmhub.connectors.jsmassets;

import io.itsmhub.api.target.TargetConnector;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Creates the JSM Assets {@link TargetConnector} when
 * {@code hub.targets.jsm-assets.enabled=true}; the application picks it up by depending
 * on this module.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = JsmAssetsProperties.PREFIX, name = "enabled", havingValue = "true")
@EnableConfigurationProperties(JsmAssetsProperties.class)
public class JsmAssetsAutoConfiguration {

	@Bean
	JsmAssetsConnector jsmAssetsConnector(JsmAssetsProperties properties) {
		return new JsmAssetsConnector(properties);
	}

}
