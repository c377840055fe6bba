package io.itsmhub.api.testing.contract;

/**
 * How the kit wants a connector built for one test.
 *
 * @param baseUrl the platform's base URL
 * @param pageSize the page size for lookups (small, to make paging happen)
 * @param validCredentials {@code false} to build it with a wrong password or token
 */
public record ConnectorSettings(String baseUrl, int pageSize, boolean validCredentials) {

	/**
	 * The password or token to use when {@code validCredentials} is {@code false}; the
	 * kit checks it never shows in an exception.
	 */
	public static final String WRONG_SECRET = "kit-wrong-secret-7f3a";

}
