package io.itsmhub.connectors.ivanti;

import java.time.Duration;
import java.util.List;

import io.itsmhub.api.target.Secret;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Ivanti Neurons for ITSM target, under {@code hub.targets.ivanti}.
 *
 * @param enabled whether the hub pushes to Ivanti at all; the connector bean exists only
 * when {@code true}
 * @param baseUrl the tenant, such as {@code https://acme.saasit.com} (on-premises
 * installs often add {@code /HEAT}); the OData root is {@code <baseUrl>/api/odata}
 * @param apiKey the REST API key (its Reference ID from Configuration Console, Security
 * Controls, API Keys), sent as {@code Authorization: rest_api_key=<key>}; never printed
 * @param businessObjects the business object collections the catalog is read for
 * ({@code $metadata}), as the mapping's target classes name them
 * @param statusField the field retirement sets
 * @param retiredStatus the value retirement sets when the retired mapping gives none
 * @param linkCollection the collection used to address a record whose own collection is
 * unknown (a reference made elsewhere), for relationships and retirement
 * @param discoverMetadata whether to read each business object's {@code $metadata}: the
 * fields (values for fields the tenant lacks are left out with a warning) and the
 * relationship names (a relation named in the mapping that the business object lacks
 * fails with the names it has)
 * @param compareBeforeUpdate whether to read known records (one {@code $filter} on
 * {@code RecId} per chunk) and send only the fields that differ, nothing when none does
 * @param checkLinks whether to read a record's links before linking, so a link is never
 * made twice
 * @param batchSize records per upsert batch
 * @param pageSize records per page ({@code $top})
 * @param maxFilterLength the longest {@code $filter} one look-up sends (IIS refuses query
 * strings over 2,048 characters by default); look-ups of many records are split
 * @param timeout how long one HTTP call may take
 */
@ConfigurationProperties(IvantiProperties.PREFIX)
@Validated
public record IvantiProperties(boolean enabled, String baseUrl, Secret apiKey, @DefaultValue( {
		"CI__Computers", "CI__Servers", "CI__VirtualServers", "CI__ivnt_Infrastructures", "CI__MobileDevices",
		"CI__Printers", "CI__Peripherals", "CI__Services" }) List<String> businessObjects,
		@DefaultValue("Status") String statusField, @DefaultValue("Retired") String retiredStatus,
		@DefaultValue("CIs") String linkCollection, @DefaultValue("true") boolean discoverMetadata,
		@DefaultValue("true") boolean compareBeforeUpdate, @DefaultValue("true") boolean checkLinks,
		@DefaultValue("100") @Min(1) @Max(1000) int batchSize, @DefaultValue("100") @Min(1) @Max(1000) int pageSize,
		@DefaultValue("1800") @Min(200) int maxFilterLength, @DefaultValue("30s") Duration timeout){

	/** The property prefix. */
	public static final String PREFIX = "hub.targets.ivanti";

	/** The business objects read by default: the collections the shipped mapping uses. */
	public static final List<String> DEFAULT_BUSINESS_OBJECTS = List.of("CI__Computers", "CI__Servers",
			"CI__VirtualServers", "CI__ivnt_Infrastructures", "CI__MobileDevices", "CI__Printers", "CI__Peripherals",
			"CI__Services");

	public IvantiProperties {
		apiKey = (apiKey != null) ? apiKey : Secret.empty();
		businessObjects = (businessObjects != null) ? List.copyOf(businessObjects) : DEFAULT_BUSINESS_OBJECTS;
		statusField = (statusField != null) ? statusField : "Status";
		retiredStatus = (retiredStatus != null) ? retiredStatus : "Retired";
		linkCollection = (linkCollection != null) ? linkCollection : "CIs";
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(30);
	}

	/** A REST API key against a base URL, defaults for the rest. */
	public static IvantiProperties of(String baseUrl, String apiKey) {
		return new IvantiProperties(true, baseUrl, Secret.of(apiKey), null, null, null, null, true, true, true, 100,
				100, 1800, null);
	}

	/** A copy with another page size. */
	public IvantiProperties withPageSize(int size) {
		return new IvantiProperties(this.enabled, this.baseUrl, this.apiKey, this.businessObjects, this.statusField,
				this.retiredStatus, this.linkCollection, this.discoverMetadata, this.compareBeforeUpdate,
				this.checkLinks, this.batchSize, size, this.maxFilterLength, this.timeout);
	}

	/** A copy with the reads that save writes switched on or off. */
	public IvantiProperties withChecks(boolean compare, boolean links) {
		return new IvantiProperties(this.enabled, this.baseUrl, this.apiKey, this.businessObjects, this.statusField,
				this.retiredStatus, this.linkCollection, this.discoverMetadata, compare, links, this.batchSize,
				this.pageSize, this.maxFilterLength, this.timeout);
	}

	/** A copy with metadata discovery switched on or off. */
	public IvantiProperties withMetadata(boolean discover) {
		return new IvantiProperties(this.enabled, this.baseUrl, this.apiKey, this.businessObjects, this.statusField,
				this.retiredStatus, this.linkCollection, discover, this.compareBeforeUpdate, this.checkLinks,
				this.batchSize, this.pageSize, this.maxFilterLength, this.timeout);
	}

	static String property(String name) {
		return PREFIX + "." + name;
	}

}
