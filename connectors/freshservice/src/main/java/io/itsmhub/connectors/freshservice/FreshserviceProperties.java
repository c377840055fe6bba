package io.itsmhub.connectors.freshservice;

import java.time.Duration;

import io.itsmhub.api.target.Secret;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Freshservice target, under {@code hub.targets.freshservice}.
 *
 * @param enabled whether the hub pushes to Freshservice at all; the connector bean exists
 * only when {@code true}
 * @param baseUrl the account, such as {@code https://acme.freshservice.com}
 * @param apiKey the API key of the agent the hub acts as (sent as the basic user name,
 * with {@code X} as password); never printed
 * @param batchSize assets per upsert batch
 * @param pageSize records per page when reading lists (at most 100)
 * @param jobTimeout how long to wait for a relationship bulk job to finish
 * @param jobPollInterval the wait between two looks at a bulk job
 * @param timeout how long one HTTP call may take
 */
@ConfigurationProperties(FreshserviceProperties.PREFIX)
@Validated
public record FreshserviceProperties(boolean enabled, String baseUrl, Secret apiKey,
		@DefaultValue("30") @Min(1) @Max(100) int batchSize, @DefaultValue("100") @Min(1) @Max(100) int pageSize,
		@DefaultValue("60s") Duration jobTimeout, @DefaultValue("500ms") Duration jobPollInterval,
		@DefaultValue("30s") Duration timeout) {

	/** The property prefix. */
	public static final String PREFIX = "hub.targets.freshservice";

	/**
	 * Settings with the defaults, for tests and code that builds the connector itself.
	 * @param baseUrl the account URL
	 * @param apiKey the API key
	 * @return the settings
	 */
	public static FreshserviceProperties of(String baseUrl, String apiKey) {
		return new FreshserviceProperties(true, baseUrl, Secret.of(apiKey), 30, 100, Duration.ofSeconds(60),
				Duration.ofMillis(500), Duration.ofSeconds(30));
	}

	/**
	 * These settings with another page size.
	 * @param size records per page
	 * @return the settings
	 */
	public FreshserviceProperties withPageSize(int size) {
		return new FreshserviceProperties(this.enabled, this.baseUrl, this.apiKey, this.batchSize, size,
				this.jobTimeout, this.jobPollInterval, this.timeout);
	}

}
