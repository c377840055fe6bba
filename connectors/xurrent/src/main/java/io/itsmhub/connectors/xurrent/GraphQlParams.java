package io.itsmhub.connectors.xurrent;

/** Header names and values the Xurrent GraphQL API uses, declared once. */
final class GraphQlParams {

	static final String HEADER_AUTHORIZATION = "Authorization";

	static final String HEADER_CONTENT_TYPE = "Content-Type";

	static final String HEADER_ACCEPT = "Accept";

	static final String HEADER_RETRY_AFTER = "Retry-After";

	static final String APPLICATION_JSON = "application/json";

	/** Requests left in the current window. */
	static final String RATE_REMAINING = "x-ratelimit-remaining";

	static final String RATE_LIMIT = "x-ratelimit-limit";

	static final String RATE_RESET = "x-ratelimit-reset";

	/** Query cost points left in the current window. */
	static final String COST_REMAINING = "x-costlimit-remaining";

	static final String COST_LIMIT = "x-costlimit-limit";

	static final String COST_RESET = "x-costlimit-reset";

	private GraphQlParams() {
	}

}
