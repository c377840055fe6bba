package io.itsmhub.connectors.servicenow;

import java.time.Duration;
import java.util.List;

import io.itsmhub.api.target.Secret;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the ServiceNow target, under {@code hub.targets.servicenow}.
 *
 * @param enabled whether the hub pushes to ServiceNow at all; the connector bean exists
 * only when {@code true}
 * @param baseUrl the instance URL, such as {@code https://acme.service-now.com} (the
 * {@code apiUrl}: {@code /api/now/...} is appended)
 * @param auth how the hub signs in: {@code basic} (user and password) or {@code oauth2}
 * (client credentials at {@code /oauth_token.do})
 * @param username the integration user for basic authentication (and the account whose
 * roles IRE checks: {@code itil} or {@code asset}, plus {@code import_admin} for the data
 * source choice)
 * @param password the integration user's password; never printed
 * @param clientId the OAuth client id (Application Registry) for {@code oauth2}
 * @param clientSecret the OAuth client secret for {@code oauth2}; never printed
 * @param dataSource the {@code cmdb_ci.discovery_source} choice IRE writes as the data
 * source ({@code sysparm_data_source}); it must exist in {@code sys_choice}
 * @param sourceName the {@code source_name} of {@code sys_object_source_info}, with the
 * hub's item id as {@code source_native_key}
 * @param batchSize items per IRE call and requests per Batch API call (at most 500)
 * @param pageSize records per Table API page on look-ups ({@code sysparm_limit})
 * @param timeout how long one HTTP call may take
 * @param catalogTablePrefixes the tables whose {@code sys_dictionary} columns make the
 * field catalog, by name prefix
 * @param retiredInstallStatus the {@code install_status} a retired CI gets when the
 * mapping gives none
 * @param retiredOperationalStatus the {@code operational_status} a retired CI gets when
 * the mapping gives none
 */
@ConfigurationProperties("hub.targets.servicenow")
@Validated
public record ServiceNowProperties(boolean enabled, String baseUrl, @DefaultValue("basic") AuthMode auth,
		String username, Secret password, String clientId, Secret clientSecret,
		@DefaultValue("ITSMHub") String dataSource, @DefaultValue("ITSMHub") String sourceName,
		@DefaultValue("100") @Min(1) @Max(500) int batchSize, @DefaultValue("1000") @Min(1) @Max(10000) int pageSize,
		@DefaultValue("30s") Duration timeout, @DefaultValue( {
				"cmdb_ci", "alm_" }) List<String> catalogTablePrefixes,
		@DefaultValue("7") int retiredInstallStatus, @DefaultValue("6") int retiredOperationalStatus){

	/** The property prefix. */
	public static final String PREFIX = "hub.targets.servicenow";

	/** The most items one IRE call or Batch API call carries. */
	public static final int MAX_BATCH_SIZE = 500;

	public ServiceNowProperties {
		auth = (auth != null) ? auth : AuthMode.BASIC;
		password = (password != null) ? password : Secret.empty();
		clientSecret = (clientSecret != null) ? clientSecret : Secret.empty();
		dataSource = (dataSource != null) ? dataSource : "ITSMHub";
		sourceName = (sourceName != null) ? sourceName : "ITSMHub";
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(30);
		catalogTablePrefixes = (catalogTablePrefixes != null) ? List.copyOf(catalogTablePrefixes)
				: List.of("cmdb_ci", "alm_");
	}

	/** Settings for basic authentication with the defaults for everything else. */
	public static ServiceNowProperties basic(String baseUrl, String username, String password) {
		return new ServiceNowProperties(true, baseUrl, AuthMode.BASIC, username, Secret.of(password), null, null, null,
				null, 100, 1000, null, null, 7, 6);
	}

	/**
	 * Settings for OAuth 2.0 client credentials with the defaults for everything else.
	 */
	public static ServiceNowProperties oauth2(String baseUrl, String clientId, String clientSecret) {
		return new ServiceNowProperties(true, baseUrl, AuthMode.OAUTH2, null, null, clientId, Secret.of(clientSecret),
				null, null, 100, 1000, null, null, 7, 6);
	}

	/** A copy with another batch size. */
	public ServiceNowProperties withBatchSize(int size) {
		return new ServiceNowProperties(this.enabled, this.baseUrl, this.auth, this.username, this.password,
				this.clientId, this.clientSecret, this.dataSource, this.sourceName, size, this.pageSize, this.timeout,
				this.catalogTablePrefixes, this.retiredInstallStatus, this.retiredOperationalStatus);
	}

	/** A copy with another page size. */
	public ServiceNowProperties withPageSize(int size) {
		return new ServiceNowProperties(this.enabled, this.baseUrl, this.auth, this.username, this.password,
				this.clientId, this.clientSecret, this.dataSource, this.sourceName, this.batchSize, size, this.timeout,
				this.catalogTablePrefixes, this.retiredInstallStatus, this.retiredOperationalStatus);
	}

	/** The property a rejected credential is fixed in. */
	String credentialProperty() {
		return PREFIX + ((this.auth == AuthMode.OAUTH2) ? ".client-secret" : ".password");
	}

	/** The property naming the account whose roles a 403 complains about. */
	String accountProperty() {
		return PREFIX + ((this.auth == AuthMode.OAUTH2) ? ".client-id" : ".username");
	}

	/** How the hub signs in to ServiceNow. */
	public enum AuthMode {

		/** HTTP basic with {@code username} and {@code password}. */
		BASIC,
		/**
		 * OAuth 2.0 client credentials: a bearer token from {@code /oauth_token.do},
		 * renewed before it expires and once after a 401.
		 */
		OAUTH2

	}

}
