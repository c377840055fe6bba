package io.itsmhub.connectors.servicenow;

import io.itsmhub.api.target.TargetConnector;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Creates the ServiceNow {@link TargetConnector} when
 * {@code hub.targets.servicenow.enabled=true}; the application picks it up by depending
 * on this module.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = ServiceNowProperties.PREFIX, name = "enabled", havingValue = "true")
@EnableConfigurationProperties(ServiceNowProperties.class)
public class ServiceNowAutoConfiguration {

	@Bean
	ServiceNowConnector serviceNowConnector(ServiceNowProperties properties) {
		return new ServiceNowConnector(properties);
	}

}
