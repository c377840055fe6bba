package io.itsmhub.connectors.haloitsm;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.itsmhub.api.target.Secret;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the HaloITSM target, under {@code hub.targets.haloitsm}.
 *
 * @param enabled whether the hub pushes to Halo at all; the connector bean exists only
 * when {@code true}
 * @param baseUrl the Halo resource server, such as {@code https://acme.haloitsm.com}; the
 * API is {@code <baseUrl>/api}
 * @param authUrl the authorisation server; the token endpoint is {@code <authUrl>/token};
 * {@code <baseUrl>/auth} when empty (what {@code GET /api/authinfo} names on most
 * tenants)
 * @param tenant the tenant name, sent as {@code ?tenant=} to the token endpoint of Halo's
 * hosted multi-tenant authorisation server; empty for a tenant's own
 * @param clientId the client id of the Halo API application (Configuration, Integrations,
 * Halo API, authentication method "Client ID and Secret (Services)")
 * @param clientSecret its client secret; never printed
 * @param scope the scope asked for, {@code all} unless the application grants less
 * @param relationFields the {@code Device} field written for each relation type the
 * mapping gives ({@code parent}, {@code child}, {@code sibling}); a field ending in
 * {@code _id} takes one asset id ({@code parent_id}), any other a list of {@code {"id":
 * ..}} merged with the list the asset already has ({@code parent_assets}); defaults
 * {@code parent_assets}, {@code child_assets}, {@code sibling_assets}
 * @param statusField the field retirement sets the status in
 * @param retiredStatus the status a retired asset gets when the mapping gives none
 * @param batchSize assets per {@code POST /api/Asset}
 * @param pageSize assets per page of {@code GET /api/Asset} ({@code page_size})
 * @param searchMax up to how many payloads a look-up searches one by one
 * ({@code GET /api/Asset?search=}) before the connector reads the asset list once and
 * keeps an index of the identifiers, refreshed with {@code lastupdatefromdate}
 * @param changedSinceFilter the query parameter of {@code GET /api/Asset} that limits the
 * list to assets changed since a time ({@code lastupdatefromdate}, UTC
 * {@code yyyy-MM-ddTHH:mm:ss}), for refreshing the identifier index; empty to read the
 * whole list on every refresh. Halo's OpenAPI document types it {@code bool} ("include
 * the field in the response"); Halo clients use it as a date filter
 * @param timeout how long one HTTP call may take
 */
@ConfigurationProperties("hub.targets.haloitsm")
@Validated
public record HaloItsmProperties(boolean enabled, String baseUrl, String authUrl, String tenant, String clientId,
		Secret clientSecret, @DefaultValue("all") String scope, Map<String, String> relationFields,
		@DefaultValue("status_name") String statusField, @DefaultValue("Retired") String retiredStatus,
		@DefaultValue("100") @Min(1) @Max(1000) int batchSize, @DefaultValue("100") @Min(1) @Max(1000) int pageSize,
		@DefaultValue("3") @Min(0) int searchMax, @DefaultValue("lastupdatefromdate") String changedSinceFilter,
		@DefaultValue("30s") Duration timeout) {

	/** The property prefix. */
	public static final String PREFIX = "hub.targets.haloitsm";

	/** The relation fields used unless configured. */
	public static final Map<String, String> DEFAULT_RELATION_FIELDS = Map.of("parent", "parent_assets", "child",
			"child_assets", "sibling", "sibling_assets");

	public HaloItsmProperties {
		clientSecret = (clientSecret != null) ? clientSecret : Secret.empty();
		scope = (scope != null && !scope.isBlank()) ? scope : "all";
		Map<String, String> fields = new LinkedHashMap<>(DEFAULT_RELATION_FIELDS);
		if (relationFields != null) {
			fields.putAll(relationFields);
		}
		relationFields = Map.copyOf(fields);
		statusField = (statusField != null) ? statusField : "status_name";
		retiredStatus = (retiredStatus != null) ? retiredStatus : "Retired";
		changedSinceFilter = (changedSinceFilter != null) ? changedSinceFilter.trim() : "lastupdatefromdate";
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(30);
	}

	/** Client credentials against one URL, defaults for the rest. */
	public static HaloItsmProperties of(String baseUrl, String clientId, String clientSecret) {
		return new HaloItsmProperties(true, baseUrl, null, null, clientId, Secret.of(clientSecret), null, null, null,
				null, 100, 100, 3, null, null);
	}

	/** A copy with another page size. */
	public HaloItsmProperties withPageSize(int size) {
		return new HaloItsmProperties(this.enabled, this.baseUrl, this.authUrl, this.tenant, this.clientId,
				this.clientSecret, this.scope, this.relationFields, this.statusField, this.retiredStatus,
				this.batchSize, size, this.searchMax, this.changedSinceFilter, this.timeout);
	}

	/** A copy with another batch size. */
	public HaloItsmProperties withBatchSize(int size) {
		return new HaloItsmProperties(this.enabled, this.baseUrl, this.authUrl, this.tenant, this.clientId,
				this.clientSecret, this.scope, this.relationFields, this.statusField, this.retiredStatus, size,
				this.pageSize, this.searchMax, this.changedSinceFilter, this.timeout);
	}

	/** A copy with other relation fields. */
	public HaloItsmProperties withRelationFields(Map<String, String> fields) {
		return new HaloItsmProperties(this.enabled, this.baseUrl, this.authUrl, this.tenant, this.clientId,
				this.clientSecret, this.scope, fields, this.statusField, this.retiredStatus, this.batchSize,
				this.pageSize, this.searchMax, this.changedSinceFilter, this.timeout);
	}

	/** The API root, {@code <baseUrl>/api}. */
	String apiRoot() {
		return trim(this.baseUrl) + "/api";
	}

	/** The token endpoint, {@code <authUrl>/token}. */
	String tokenUrl() {
		String auth = (this.authUrl != null && !this.authUrl.isBlank()) ? trim(this.authUrl)
				: trim(this.baseUrl) + "/auth";
		return auth + HaloParams.PATH_TOKEN;
	}

	static String trim(String url) {
		String text = (url != null) ? url.trim() : "";
		return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
	}

	static String property(String name) {
		return PREFIX + "." + name;
	}

}
