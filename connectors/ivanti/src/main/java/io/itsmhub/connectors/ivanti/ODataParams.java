package io.itsmhub.connectors.ivanti;

/** Paths, query parameters and headers of the Ivanti OData API, declared once. */
final class ODataParams {

	static final String ODATA_ROOT = "/api/odata";

	static final String BUSINESS_OBJECT = ODATA_ROOT + "/businessobject/";

	static final String METADATA = "/$metadata";

	static final String REF = "/$Ref";

	static final String FILTER = "$filter";

	static final String SELECT = "$select";

	static final String TOP = "$top";

	static final String SKIP = "$skip";

	static final String ORDER_BY = "$orderby";

	static final String COUNT = "@odata.count";

	static final String VALUE = "value";

	static final String REC_ID = "RecId";

	static final String HEADER_AUTHORIZATION = "Authorization";

	static final String REST_API_KEY = "rest_api_key=";

	static final String HEADER_ACCEPT = "Accept";

	static final String HEADER_CONTENT_TYPE = "Content-Type";

	static final String HEADER_RETRY_AFTER = "Retry-After";

	static final String APPLICATION_JSON = "application/json";

	static final String APPLICATION_XML = "application/xml";

	private ODataParams() {
	}

}
