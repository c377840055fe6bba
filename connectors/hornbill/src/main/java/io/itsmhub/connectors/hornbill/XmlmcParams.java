package io.itsmhub.connectors.hornbill;

import java.util.List;

/**
 * Services, methods, entities, parameters and headers of the XMLMC API, declared once.
 */
final class XmlmcParams {

	static final String HEADER_AUTHORIZATION = "Authorization";

	static final String HEADER_ACCEPT = "Accept";

	static final String HEADER_CONTENT_TYPE = "Content-Type";

	static final String HEADER_RETRY_AFTER = "Retry-After";

	/** XMLMC answers JSON instead of XML when asked with this. */
	static final String TEXT_JSON = "text/json";

	static final String APPLICATION_JSON = "application/json";

	static final String API_KEY_SCHEME = "ESP-APIKEY ";

	static final String SERVICE_DATA = "data";

	static final String SERVICE_SESSION = "session";

	static final String METHOD_BROWSE = "entityBrowseRecords2";

	static final String METHOD_ADD = "entityAddRecord";

	static final String METHOD_UPDATE = "entityUpdateRecord";

	static final String METHOD_SESSION_INFO = "getSessionInfo";

	static final String ENTITY_ASSET = "Asset";

	static final String ENTITY_ASSET_TYPES = "AssetsTypes";

	/** The relationship from {@code Asset} to its class extension record. */
	static final String RELATIONSHIP_CLASS = "AssetClass";

	static final String APPLICATION = "application";

	static final String ENTITY = "entity";

	static final String MATCH_SCOPE = "matchScope";

	static final String SEARCH_FILTER = "searchFilter";

	static final String MAX_RESULTS = "maxResults";

	static final String RETURN_MODIFIED_DATA = "returnModifiedData";

	static final String PRIMARY_ENTITY_DATA = "primaryEntityData";

	static final String RELATED_ENTITY_DATA = "relatedEntityData";

	static final String RELATIONSHIP_NAME = "relationshipName";

	static final String ENTITY_ACTION = "entityAction";

	static final String RECORD = "record";

	static final String COLUMN_ID = "h_pk_asset_id";

	static final String COLUMN_URN = "h_asset_urn";

	static final String COLUMN_CLASS = "h_class";

	static final String COLUMN_TYPE = "h_type";

	static final String COLUMN_NAME = "h_name";

	static final String COLUMN_TYPE_ID = "h_pk_type_id";

	static final String COLUMN_OPERATIONAL_STATE = "h_operational_state";

	static final String COLUMN_RECORD_STATE = "h_record_state";

	static final String COLUMN_RETIRED_DATE = "h_actual_retired_date";

	/**
	 * The answer of an update that changed nothing, which Hornbill's own tools ignore.
	 */
	static final String NO_VALUES_TO_UPDATE = "There are no values to update";

	/** Parts of {@code state.error} texts that mean the key or its user is refused. */
	static final List<String> AUTHENTICATION_ERRORS = List.of("authentication", "api key", "apikey",
			"session has expired", "invalid session", "not authorised", "not authorized", "unauthorised",
			"unauthorized", "permission", "access denied", "insufficient rights", "do not have the right");

	/**
	 * Parts of {@code state.error} texts that mean the instance is busy or throttling.
	 */
	static final List<String> RATE_ERRORS = List.of("too many", "rate limit", "throttl", "quota");

	/** Parts of {@code state.error} texts that mean a passing failure. */
	static final List<String> TRANSIENT_ERRORS = List.of("timeout", "timed out", "temporarily", "unavailable",
			"server busy", "deadlock", "try again");

	/**
	 * Parts of {@code state.error} texts that mean the call itself is wrong, not the
	 * record.
	 */
	static final List<String> CALL_ERRORS = List.of("is not defined in service", "is not installed", "unknown service",
			"unknown method", "method not found");

	private XmlmcParams() {
	}

}
