package io.itsmhub.connectors.jsmassets;

import java.time.Duration;

import io.itsmhub.api.target.Secret;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Jira Service Management Assets target, under
 * {@code hub.targets.jsm-assets}.
 *
 * @param enabled whether the hub pushes to Assets at all; the connector bean exists only
 * when {@code true}
 * @param siteUrl the Jira site, such as {@code https://acme.atlassian.net}: where the
 * workspace id is discovered ({@code /rest/servicedeskapi/assets/workspace})
 * @param apiBaseUrl the Assets API gateway, {@code https://api.atlassian.com} on Cloud;
 * the API root is {@code <apiBaseUrl>/jsm/assets/workspace/<workspaceId>/v1}, or
 * {@code <apiBaseUrl>/ex/jira/<cloudId>/jsm/assets/...} when {@code cloudId} is set
 * @param workspaceId the Assets workspace id; discovered from the site when empty
 * @param cloudId the site's cloud id, for the {@code /ex/jira/<cloudId>} form OAuth 2.0
 * tokens need; empty for the plain form basic authentication uses
 * @param auth {@code basic} (Atlassian account email and API token) or {@code bearer} (an
 * OAuth 2.0 access token or a Data Center personal access token)
 * @param email the Atlassian account email for basic authentication
 * @param apiToken the API token for basic authentication; never printed
 * @param bearerToken the token for bearer authentication; never printed
 * @param objectSchema the name of the object schema the hub writes into
 * @param statusAttribute the status attribute retirement sets
 * @param retiredStatus the status a retired object gets when the mapping gives none
 * @param mode {@code object-api} (one call per object, any load) or {@code import} (the
 * external import API: a few calls per thousands of objects, for large loads)
 * @param importSourceId the external import source (created in Assets, type "External
 * import") for {@code import} mode
 * @param importToken the import source's bearer token; the main credentials are used when
 * empty; never printed
 * @param importBatchSize objects per import execution in {@code import} mode
 * @param importChunkSize objects per data chunk of an import execution
 * @param importTimeout how long to wait for an import execution to finish
 * @param batchSize objects per upsert batch in {@code object-api} mode
 * @param pageSize objects per AQL page ({@code maxResults})
 * @param provisionSchema whether the connector may create attributes and statuses the
 * mapping names but the object schema lacks (otherwise they are left out, with a warning)
 * @param timeout how long one HTTP call may take
 */
@ConfigurationProperties("hub.targets.jsm-assets")
@Validated
public record JsmAssetsProperties(boolean enabled, String siteUrl,
		@DefaultValue("https://api.atlassian.com") String apiBaseUrl, String workspaceId, String cloudId,
		@DefaultValue("basic") AuthMode auth, String email, Secret apiToken, Secret bearerToken,
		@DefaultValue("IT Assets") String objectSchema, @DefaultValue("Status") String statusAttribute,
		@DefaultValue("Retired") String retiredStatus, @DefaultValue("object-api") Mode mode, String importSourceId,
		Secret importToken, @DefaultValue("5000") @Min(1) int importBatchSize,
		@DefaultValue("1000") @Min(1) int importChunkSize, @DefaultValue("10m") Duration importTimeout,
		@DefaultValue("100") @Min(1) @Max(1000) int batchSize, @DefaultValue("100") @Min(1) @Max(1000) int pageSize,
		@DefaultValue("false") boolean provisionSchema, @DefaultValue("30s") Duration timeout) {

	/** The property prefix. */
	public static final String PREFIX = "hub.targets.jsm-assets";

	public JsmAssetsProperties {
		apiBaseUrl = (apiBaseUrl != null) ? apiBaseUrl : "https://api.atlassian.com";
		auth = (auth != null) ? auth : AuthMode.BASIC;
		apiToken = (apiToken != null) ? apiToken : Secret.empty();
		bearerToken = (bearerToken != null) ? bearerToken : Secret.empty();
		importToken = (importToken != null) ? importToken : Secret.empty();
		objectSchema = (objectSchema != null) ? objectSchema : "IT Assets";
		statusAttribute = (statusAttribute != null) ? statusAttribute : "Status";
		retiredStatus = (retiredStatus != null) ? retiredStatus : "Retired";
		mode = (mode != null) ? mode : Mode.OBJECT_API;
		importTimeout = (importTimeout != null) ? importTimeout : Duration.ofMinutes(10);
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(30);
	}

	/** Basic authentication against one URL for site and API, defaults for the rest. */
	public static JsmAssetsProperties basic(String url, String email, String apiToken) {
		return new JsmAssetsProperties(true, url, url, null, null, AuthMode.BASIC, email, Secret.of(apiToken), null,
				null, null, null, Mode.OBJECT_API, null, null, 5000, 1000, null, 100, 100, false, null);
	}

	/** A copy with another page size. */
	public JsmAssetsProperties withPageSize(int size) {
		return new JsmAssetsProperties(this.enabled, this.siteUrl, this.apiBaseUrl, this.workspaceId, this.cloudId,
				this.auth, this.email, this.apiToken, this.bearerToken, this.objectSchema, this.statusAttribute,
				this.retiredStatus, this.mode, this.importSourceId, this.importToken, this.importBatchSize,
				this.importChunkSize, this.importTimeout, this.batchSize, size, this.provisionSchema, this.timeout);
	}

	/** A copy that may create missing attributes and statuses. */
	public JsmAssetsProperties withProvisioning() {
		return new JsmAssetsProperties(this.enabled, this.siteUrl, this.apiBaseUrl, this.workspaceId, this.cloudId,
				this.auth, this.email, this.apiToken, this.bearerToken, this.objectSchema, this.statusAttribute,
				this.retiredStatus, this.mode, this.importSourceId, this.importToken, this.importBatchSize,
				this.importChunkSize, this.importTimeout, this.batchSize, this.pageSize, true, this.timeout);
	}

	/** A copy in import mode through the given import source. */
	public JsmAssetsProperties withImport(String sourceId, int executionSize, int chunkSize) {
		return new JsmAssetsProperties(this.enabled, this.siteUrl, this.apiBaseUrl, this.workspaceId, this.cloudId,
				this.auth, this.email, this.apiToken, this.bearerToken, this.objectSchema, this.statusAttribute,
				this.retiredStatus, Mode.IMPORT, sourceId, this.importToken, executionSize, chunkSize,
				this.importTimeout, this.batchSize, this.pageSize, this.provisionSchema, this.timeout);
	}

	String credentialProperty() {
		return PREFIX + ((this.auth == AuthMode.BEARER) ? ".bearer-token" : ".api-token");
	}

	String accountProperty() {
		return PREFIX + ((this.auth == AuthMode.BEARER) ? ".bearer-token" : ".email");
	}

	/** How the hub signs in. */
	public enum AuthMode {

		/** HTTP basic: Atlassian account email and API token. */
		BASIC,
		/** {@code Authorization: Bearer}: an OAuth 2.0 access token or a PAT. */
		BEARER

	}

	/** How objects are written. */
	public enum Mode {

		/** The object API: one create or update call per object. */
		OBJECT_API,
		/** The external import API: mapping, execution, data chunks, status. */
		IMPORT

	}

}
