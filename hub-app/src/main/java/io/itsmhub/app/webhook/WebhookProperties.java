package io.itsmhub.app.webhook;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sources that may post to {@code /webhooks/{source}}.
 *
 * @param sources by source name, its shared secret
 * @param tolerance how far a signature's timestamp may be from the hub's clock
 */
@ConfigurationProperties("hub.webhooks")
public record WebhookProperties(@DefaultValue Map<String, Source> sources, @DefaultValue("5m") Duration tolerance) {

	/**
	 * One webhook source.
	 *
	 * @param secret the shared secret the sender signs with; set it from an environment
	 * variable ({@code HUB_WEBHOOKS_SOURCES_<NAME>_SECRET}), never in a file
	 */
	public record Source(String secret) {

		@Override
		public String toString() {
			return "Source[secret=***]";
		}

	}

}
