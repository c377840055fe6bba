package io.itsmhub.api.testing.contract;

/**
 * One request the platform (a simulator or WireMock) recorded.
 *
 * @param method the HTTP method
 * @param path the path below the base URL
 * @param query the raw query string, or {@code null}
 * @param body the request body as text, or {@code null}
 * @param status the status the platform answered
 * @param authorization the scheme of the {@code Authorization} header ({@code Basic},
 * {@code Bearer}), or {@code null} when there was none
 */
public record RecordedCall(String method, String path, String query, String body, int status, String authorization) {

	/** Whether the query string holds {@code name=value}. */
	public boolean hasQueryParam(String name, String value) {
		if (this.query == null) {
			return false;
		}
		for (String part : this.query.split("&")) {
			if (part.equals(name + "=" + value)) {
				return true;
			}
		}
		return false;
	}

	/** The first value of a query parameter (as sent, not decoded), or {@code null}. */
	public String queryParam(String name) {
		if (this.query == null) {
			return null;
		}
		for (String part : this.query.split("&")) {
			if (part.startsWith(name + "=")) {
				return part.substring(name.length() + 1);
			}
		}
		return null;
	}

}
