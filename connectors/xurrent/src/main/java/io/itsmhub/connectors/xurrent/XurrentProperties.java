package io.itsmhub.connectors.xurrent;

import java.time.Duration;

import io.itsmhub.api.target.Secret;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Xurrent (formerly 4me) target, under {@code hub.targets.xurrent}.
 *
 * @param enabled whether the hub pushes to Xurrent at all; the connector bean exists only
 * when {@code true}
 * @param graphqlUrl the GraphQL endpoint, {@code https://graphql.xurrent.com/} (regional:
 * {@code graphql.au.xurrent.com}, {@code .uk.}, {@code .us.}, {@code .ch.}; QA
 * {@code graphql.xurrent.qa}; before the rebrand {@code graphql.4me.com})
 * @param accountId the Xurrent account id (the subdomain of the account, such as
 * {@code wdc}), sent in the account header
 * @param accountHeader the header that names the account: {@code X-Xurrent-Account}
 * ({@code X-4me-Account} before the rebrand)
 * @param token a personal access token or OAuth access token with the Configuration Item,
 * Product, Site, Organization and Person scopes; sent as {@code Authorization: Bearer};
 * never printed
 * @param source the {@code source} written on every configuration item the hub creates;
 * with {@code sourceID} (the hub's item id) it is the key a lost create is found by
 * @param pageSize nodes per page of a {@code configurationItems} lookup ({@code first},
 * at most 100)
 * @param batchSize payloads per upsert batch
 * @param mutationsPerRequest how many create or update mutations share one HTTP request
 * (aliased root fields)
 * @param bulkThreshold when a batch has more creates than this, they go through the
 * asynchronous {@code discoveredConfigurationItems} mutation (100 items per call);
 * {@code 0} never uses it
 * @param bulkPollInterval how long to wait between polls of a bulk {@code AsyncQuery}
 * @param bulkTimeout how long to wait for a bulk {@code AsyncQuery} to complete
 * @param retiredStatus the {@code CiStatus} a retired item gets when its retired mapping
 * gives none
 * @param createProducts whether a product the mapping names but the account lacks is
 * created (in the product category named like the target class)
 * @param introspect whether the field catalog and enum values are read from the account
 * by introspection (else the shipped catalog is used)
 * @param timeout how long one HTTP call may take
 */
@ConfigurationProperties(XurrentProperties.PREFIX)
@Validated
public record XurrentProperties(boolean enabled, @DefaultValue("https://graphql.xurrent.com/") String graphqlUrl,
		String accountId, @DefaultValue("X-Xurrent-Account") String accountHeader, Secret token,
		@DefaultValue("itsm-hub") String source, @DefaultValue("100") @Min(1) @Max(100) int pageSize,
		@DefaultValue("100") @Min(1) @Max(1000) int batchSize,
		@DefaultValue("20") @Min(1) @Max(100) int mutationsPerRequest, @DefaultValue("50") @Min(0) int bulkThreshold,
		@DefaultValue("2s") Duration bulkPollInterval, @DefaultValue("10m") Duration bulkTimeout,
		@DefaultValue("removed") String retiredStatus, @DefaultValue("true") boolean createProducts,
		@DefaultValue("true") boolean introspect, @DefaultValue("30s") Duration timeout) {

	/** The property prefix. */
	public static final String PREFIX = "hub.targets.xurrent";

	public XurrentProperties {
		graphqlUrl = (graphqlUrl != null) ? graphqlUrl : "https://graphql.xurrent.com/";
		accountHeader = (accountHeader != null && !accountHeader.isBlank()) ? accountHeader : "X-Xurrent-Account";
		token = (token != null) ? token : Secret.empty();
		source = (source != null && !source.isBlank()) ? source : "itsm-hub";
		bulkPollInterval = (bulkPollInterval != null) ? bulkPollInterval : Duration.ofSeconds(2);
		bulkTimeout = (bulkTimeout != null) ? bulkTimeout : Duration.ofMinutes(10);
		retiredStatus = (retiredStatus != null && !retiredStatus.isBlank()) ? retiredStatus : "removed";
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(30);
	}

	/**
	 * An enabled target with defaults for everything but the endpoint and credentials.
	 */
	public static XurrentProperties of(String graphqlUrl, String accountId, String token) {
		return new XurrentProperties(true, graphqlUrl, accountId, null, Secret.of(token), null, 100, 100, 20, 50, null,
				null, null, true, true, null);
	}

	/** A copy with another page size. */
	public XurrentProperties withPageSize(int size) {
		return new XurrentProperties(this.enabled, this.graphqlUrl, this.accountId, this.accountHeader, this.token,
				this.source, size, this.batchSize, this.mutationsPerRequest, this.bulkThreshold, this.bulkPollInterval,
				this.bulkTimeout, this.retiredStatus, this.createProducts, this.introspect, this.timeout);
	}

	/** A copy with other batch and bulk settings. */
	public XurrentProperties withBatching(int batch, int mutations, int threshold, Duration pollInterval) {
		return new XurrentProperties(this.enabled, this.graphqlUrl, this.accountId, this.accountHeader, this.token,
				this.source, this.pageSize, batch, mutations, threshold, pollInterval, this.bulkTimeout,
				this.retiredStatus, this.createProducts, this.introspect, this.timeout);
	}

	/** A copy that does or does not introspect the account. */
	public XurrentProperties withIntrospection(boolean on) {
		return new XurrentProperties(this.enabled, this.graphqlUrl, this.accountId, this.accountHeader, this.token,
				this.source, this.pageSize, this.batchSize, this.mutationsPerRequest, this.bulkThreshold,
				this.bulkPollInterval, this.bulkTimeout, this.retiredStatus, this.createProducts, on, this.timeout);
	}

	static String property(String name) {
		return PREFIX + "." + name;
	}

}
