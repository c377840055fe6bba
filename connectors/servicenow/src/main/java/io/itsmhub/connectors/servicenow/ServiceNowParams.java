package io.itsmhub.connectors.servicenow;

/**
 * The query parameters, headers, paths and tables the connector uses, declared once
 * (after camel-servicenow's {@code ServiceNowParams}).
 */
final class ServiceNowParams {

	static final String SYSPARM_QUERY = "sysparm_query";

	static final String SYSPARM_FIELDS = "sysparm_fields";

	static final String SYSPARM_LIMIT = "sysparm_limit";

	static final String SYSPARM_OFFSET = "sysparm_offset";

	static final String SYSPARM_EXCLUDE_REFERENCE_LINK = "sysparm_exclude_reference_link";

	static final String SYSPARM_NO_COUNT = "sysparm_no_count";

	static final String SYSPARM_DATA_SOURCE = "sysparm_data_source";

	static final String HEADER_AUTHORIZATION = "Authorization";

	static final String HEADER_ACCEPT = "Accept";

	static final String HEADER_CONTENT_TYPE = "Content-Type";

	static final String HEADER_RETRY_AFTER = "Retry-After";

	static final String HEADER_LINK = "Link";

	static final String APPLICATION_JSON = "application/json";

	static final String FORM_URLENCODED = "application/x-www-form-urlencoded";

	static final String PATH_TABLE = "/api/now/table/";

	static final String PATH_IDENTIFY_RECONCILE = "/api/now/identifyreconcile";

	static final String PATH_BATCH = "/api/now/v1/batch";

	static final String PATH_OAUTH_TOKEN = "/oauth_token.do";

	static final String TABLE_CMDB_CI = "cmdb_ci";

	static final String TABLE_ALM_HARDWARE = "alm_hardware";

	static final String TABLE_REL_CI = "cmdb_rel_ci";

	static final String TABLE_REL_TYPE = "cmdb_rel_type";

	static final String TABLE_DICTIONARY = "sys_dictionary";

	static final String TABLE_DB_OBJECT = "sys_db_object";

	static final String TABLE_CHOICE = "sys_choice";

	static final String ROLE_CI = "ci";

	static final String ROLE_ASSET = "asset";

	private ServiceNowParams() {
	}

}
