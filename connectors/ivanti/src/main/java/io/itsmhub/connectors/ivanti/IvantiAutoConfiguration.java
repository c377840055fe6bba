package io.itsmhub.connectors.ivanti;

import io.itsmhub.api.target.TargetConnector;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Creates the Ivanti Neurons for ITSM {@link TargetConnector} when
 * {@code hub.targets.ivanti.enabled=true}; the application picks it up by depending on
 * this module.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = IvantiProperties.PREFIX, name = "enabled", havingValue = "true")
@EnableConfigurationProperties(IvantiProperties.class)
public class IvantiAutoConfiguration {

	@Bean
	IvantiConnector ivantiConnector(IvantiProperties properties) {
		return new IvantiConnector(properties);
	}

}
