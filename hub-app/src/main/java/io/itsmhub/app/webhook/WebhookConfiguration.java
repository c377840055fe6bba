package io.itsmhub.app.webhook;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhook signature checker. */
@Configuration(proxyBeanMethods = false)
public class WebhookConfiguration {

	@Bean
	WebhookSignature webhookSignature(Clock clock, WebhookProperties properties) {
		return new WebhookSignature(clock, properties.tolerance());
	}

}
