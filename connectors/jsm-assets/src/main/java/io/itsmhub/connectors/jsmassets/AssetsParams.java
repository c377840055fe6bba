package io.itsmhub.connectors.jsmassets;

/** Paths, query parameters and headers of the Assets REST API, declared once. */
final class AssetsParams {

	static final String START_AT = "startAt";

	static final String MAX_RESULTS = "maxResults";

	static final String INCLUDE_ATTRIBUTES = "includeAttributes";

	static final String HEADER_AUTHORIZATION = "Authorization";

	static final String HEADER_ACCEPT = "Accept";

	static final String HEADER_CONTENT_TYPE = "Content-Type";

	static final String HEADER_RETRY_AFTER = "Retry-After";

	static final String APPLICATION_JSON = "application/json";

	static final String PATH_WORKSPACE_DISCOVERY = "/rest/servicedeskapi/assets/workspace";

	static final String PATH_USER_SEARCH = "/rest/api/3/user/search";

	static final String QUERY = "query";

	static final String PATH_REFERENCE_TYPES = "/config/referencetype";

	static final String OBJECT_SCHEMA_ID = "objectSchemaId";

	static final int TYPE_DEFAULT = 0;

	static final int TYPE_REFERENCE = 1;

	static final int TYPE_USER = 2;

	static final int TYPE_STATUS = 7;

	private AssetsParams() {
	}

}
