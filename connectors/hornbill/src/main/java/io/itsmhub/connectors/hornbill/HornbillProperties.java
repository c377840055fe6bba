package io.itsmhub.connectors.hornbill;

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
 * Settings of the Hornbill Service Manager target, under {@code hub.targets.hornbill}.
 *
 * @param enabled whether the hub pushes to Hornbill at all; the connector bean exists
 * only when {@code true}
 * @param instance the instance id (the name in
 * {@code https://live.hornbill.com/<instance>/}): the API endpoint is discovered from its
 * zoneinfo when {@code apiEndpoint} is empty
 * @param zoneinfoUrl where the zoneinfo is read, {@code {instance}} replaced by the
 * instance id
 * @param apiEndpoint the XMLMC endpoint, such as
 * {@code https://mdh-p01-api.hornbill.com/acme/xmlmc/}; when set, nothing is discovered
 * @param apiKey the API key of the integration user ({@code Authorization: ESP-APIKEY});
 * never printed
 * @param application the Service Manager application id
 * @param assetTypes the asset type (an {@code AssetsTypes} row, by {@code h_name}) each
 * target class of the mapping is created as; its {@code h_pk_type_id} and {@code h_class}
 * are read from the instance once; keys are the mapping's target classes
 * @param classEntities the class extension entity of each asset class ({@code h_class}),
 * where class-specific columns such as {@code h_serial_number} live and are searched
 * @param setAssetUrn whether a created asset gets {@code h_asset_urn} in a second call,
 * as Hornbill's own asset import does (updates always carry it)
 * @param retiredOperationalState the {@code h_operational_state} a retired asset gets
 * when the retired mapping gives none
 * @param retiredRecordState the {@code h_record_state} a retired asset gets; empty: not
 * sent
 * @param batchSize payloads per upsert batch
 * @param pageSize rows per look-up page ({@code maxResults})
 * @param lookupChunk identifier values per look-up query
 * @param timeout how long one HTTP call may take
 * @param api method and parameter names that are not confirmed by Hornbill's public
 * documentation (see the README), so that a tenant can correct them without a release
 */
@ConfigurationProperties(HornbillProperties.PREFIX)
@Validated
public record HornbillProperties(boolean enabled, String instance, @DefaultValue(DEFAULT_ZONEINFO) String zoneinfoUrl,
		String apiEndpoint, Secret apiKey, @DefaultValue(DEFAULT_APPLICATION) String application,
		Map<String, String> assetTypes, Map<String, String> classEntities, @DefaultValue("true") boolean setAssetUrn,
		@DefaultValue("4") String retiredOperationalState, String retiredRecordState,
		@DefaultValue("100") @Min(1) @Max(1000) int batchSize, @DefaultValue("100") @Min(1) @Max(1000) int pageSize,
		@DefaultValue("100") @Min(1) @Max(500) int lookupChunk, @DefaultValue("30s") Duration timeout,
		@DefaultValue Api api) {

	/** The property prefix. */
	public static final String PREFIX = "hub.targets.hornbill";

	static final String DEFAULT_ZONEINFO = "https://files.hornbill.com/instances/{instance}/zoneinfo";

	static final String DEFAULT_APPLICATION = "com.hornbill.servicemanager";

	/** The asset type per target class of the shipped mapping, unless configured. */
	static final Map<String, String> DEFAULT_ASSET_TYPES = ordered("Computer", "Server", "Network Device", "Switch",
			"Printer", "Printer", "Mobile Device", "Mobile Phone", "Computer Peripheral", "Monitor", "Software",
			"Application", "System", "System");

	/** The class extension entity per asset class, unless configured. */
	static final Map<String, String> DEFAULT_CLASS_ENTITIES = ordered("computer", "AssetsComputer",
			"computerPeripheral", "AssetsComputerPeripheral", "mobileDevice", "AssetsMobileDevice", "networkDevice",
			"AssetsNetworkDevice", "printer", "AssetsPrinter", "software", "AssetsSoftware", "system", "AssetsSystem");

	public HornbillProperties {
		zoneinfoUrl = (zoneinfoUrl != null) ? zoneinfoUrl : DEFAULT_ZONEINFO;
		apiKey = (apiKey != null) ? apiKey : Secret.empty();
		application = (application != null) ? application : DEFAULT_APPLICATION;
		Map<String, String> types = new LinkedHashMap<>(DEFAULT_ASSET_TYPES);
		if (assetTypes != null) {
			types.putAll(assetTypes);
		}
		assetTypes = Map.copyOf(types);
		Map<String, String> entities = new LinkedHashMap<>(DEFAULT_CLASS_ENTITIES);
		if (classEntities != null) {
			entities.putAll(classEntities);
		}
		classEntities = Map.copyOf(entities);
		retiredOperationalState = (retiredOperationalState != null) ? retiredOperationalState : "4";
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(30);
		api = (api != null) ? api : new Api(null, null, null, null, null, null, null, null, null, null, null, null);
	}

	/** An instance's endpoint given directly, an API key, defaults for the rest. */
	public static HornbillProperties endpoint(String apiEndpoint, String apiKey) {
		return new HornbillProperties(true, null, null, apiEndpoint, Secret.of(apiKey), null, null, null, true, null,
				null, 100, 100, 100, null, null);
	}

	/** An instance found through its zoneinfo, an API key, defaults for the rest. */
	public static HornbillProperties discovered(String instance, String zoneinfoUrl, String apiKey) {
		return new HornbillProperties(true, instance, zoneinfoUrl, null, Secret.of(apiKey), null, null, null, true,
				null, null, 100, 100, 100, null, null);
	}

	/** A copy with another page size. */
	public HornbillProperties withPageSize(int size) {
		return new HornbillProperties(this.enabled, this.instance, this.zoneinfoUrl, this.apiEndpoint, this.apiKey,
				this.application, this.assetTypes, this.classEntities, this.setAssetUrn, this.retiredOperationalState,
				this.retiredRecordState, this.batchSize, size, this.lookupChunk, this.timeout, this.api);
	}

	/** A copy that does (or does not) write {@code h_asset_urn} after a create. */
	public HornbillProperties withSetAssetUrn(boolean set) {
		return new HornbillProperties(this.enabled, this.instance, this.zoneinfoUrl, this.apiEndpoint, this.apiKey,
				this.application, this.assetTypes, this.classEntities, set, this.retiredOperationalState,
				this.retiredRecordState, this.batchSize, this.pageSize, this.lookupChunk, this.timeout, this.api);
	}

	String credentialProperty() {
		return PREFIX + ".api-key";
	}

	private static Map<String, String> ordered(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

	/**
	 * XMLMC names that the sources read for this connector do not confirm (the
	 * reference's open point 5); under {@code hub.targets.hornbill.api}.
	 *
	 * @param linkService the service of the link method
	 * @param linkMethod the method that links two assets
	 * @param leftEntityId the link method's parameter for the holding asset's URN
	 * @param leftEntityType its parameter for the holding entity's type
	 * @param leftRelType its parameter for the relation as the holder sees it
	 * @param rightEntityId its parameter for the other asset's URN
	 * @param rightEntityType its parameter for the other entity's type
	 * @param rightRelType its parameter for the relation as the other asset sees it
	 * @param dependsOn its boolean parameter that marks a dependency
	 * @param entityType the entity type value sent for assets
	 * @param rowStart the {@code entityBrowseRecords2} parameter of the first row of a
	 * page
	 * @param inverseRelations the relation label the other asset gets, per relation type
	 */
	public record Api(@DefaultValue("apps/com.hornbill.servicemanager/Asset") String linkService,
			@DefaultValue("linkAsset") String linkMethod, @DefaultValue("leftEntityId") String leftEntityId,
			@DefaultValue("leftEntityType") String leftEntityType, @DefaultValue("leftRelType") String leftRelType,
			@DefaultValue("rightEntityId") String rightEntityId,
			@DefaultValue("rightEntityType") String rightEntityType, @DefaultValue("rightRelType") String rightRelType,
			@DefaultValue("dependsOn") String dependsOn, @DefaultValue("asset") String entityType,
			@DefaultValue("rowStart") String rowStart, Map<String, String> inverseRelations) {

		static final Map<String, String> DEFAULT_INVERSE = ordered("Depends On", "Used By", "Installed On",
				"Has Installed", "Connected To", "Connected To");

		public Api {
			linkService = (linkService != null) ? linkService : "apps/com.hornbill.servicemanager/Asset";
			linkMethod = (linkMethod != null) ? linkMethod : "linkAsset";
			leftEntityId = (leftEntityId != null) ? leftEntityId : "leftEntityId";
			leftEntityType = (leftEntityType != null) ? leftEntityType : "leftEntityType";
			leftRelType = (leftRelType != null) ? leftRelType : "leftRelType";
			rightEntityId = (rightEntityId != null) ? rightEntityId : "rightEntityId";
			rightEntityType = (rightEntityType != null) ? rightEntityType : "rightEntityType";
			rightRelType = (rightRelType != null) ? rightRelType : "rightRelType";
			dependsOn = (dependsOn != null) ? dependsOn : "dependsOn";
			entityType = (entityType != null) ? entityType : "asset";
			rowStart = (rowStart != null) ? rowStart : "rowStart";
			Map<String, String> inverse = new LinkedHashMap<>(DEFAULT_INVERSE);
			if (inverseRelations != null) {
				inverse.putAll(inverseRelations);
			}
			inverseRelations = Map.copyOf(inverse);
		}

	}

}
