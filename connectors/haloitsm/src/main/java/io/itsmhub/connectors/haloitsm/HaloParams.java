package io.itsmhub.connectors.haloitsm;

/** Paths, query parameters, form fields and headers of the Halo API, declared once. */
final class HaloParams {

	static final String PATH_ASSET = "/Asset";

	static final String PATH_ASSET_TYPE = "/AssetType";

	static final String PATH_TOKEN = "/token";

	static final String SEARCH = "search";

	static final String ASSETTYPE_ID = "assettype_id";

	static final String INCLUDE_INACTIVE = "includeinactive";

	static final String INCLUDE_HIERARCHY = "includehierarchy";

	static final String PAGINATE = "pageinate";

	static final String PAGE_SIZE = "page_size";

	static final String PAGE_NO = "page_no";

	static final String TENANT = "tenant";

	static final String RECORD_COUNT = "record_count";

	static final String ASSETS = "assets";

	static final String GRANT_TYPE = "grant_type";

	static final String CLIENT_CREDENTIALS = "client_credentials";

	static final String CLIENT_ID = "client_id";

	static final String CLIENT_SECRET = "client_secret";

	static final String SCOPE = "scope";

	static final String HEADER_AUTHORIZATION = "Authorization";

	static final String HEADER_ACCEPT = "Accept";

	static final String HEADER_CONTENT_TYPE = "Content-Type";

	static final String HEADER_RETRY_AFTER = "Retry-After";

	static final String HEADER_DATE = "Date";

	static final String APPLICATION_JSON = "application/json";

	static final String FORM_URLENCODED = "application/x-www-form-urlencoded";

	static final String FIELD_ID = "id";

	static final String FIELD_ASSETTYPE_ID = "assettype_id";

	static final String FIELD_INACTIVE = "inactive";

	private HaloParams() {
	}

}
