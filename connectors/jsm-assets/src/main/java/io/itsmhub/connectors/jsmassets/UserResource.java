package io.itsmhub.connectors.jsmassets;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.api.target.TargetException;
import io.itsmhub.api.target.TargetFailure;

/**
 * Atlassian accounts on the Jira site: User attributes on Cloud take an accountId, while
 * mappings carry an email address. An email is resolved once by the user search and
 * cached; an email nobody has is remembered for a while, so a batch of records with the
 * same unknown owner costs one search.
 */
final class UserResource {

	/** How long an email that found nobody is not searched again. */
	static final Duration UNKNOWN_TTL = Duration.ofMinutes(10);

	private final AssetsHttp http;

	private final Map<String, String> accountIds = new ConcurrentHashMap<>();

	private final Map<String, Instant> unknown = new ConcurrentHashMap<>();

	UserResource(AssetsHttp http) {
		this.http = http;
	}

	/**
	 * The accountId for a User attribute's value: an email is resolved, anything else is
	 * taken as an accountId already.
	 * @param field the attribute, for the failure message
	 * @param value an email address or an accountId
	 * @return the accountId
	 * @throws TargetException (permanent) when no account or several have the email
	 */
	String accountId(String field, String value) {
		if (!value.contains("@")) {
			return value;
		}
		String email = value.trim().toLowerCase(Locale.ROOT);
		String cached = this.accountIds.get(email);
		if (cached != null) {
			return cached;
		}
		Instant retryAt = this.unknown.get(email);
		if (retryAt != null && Instant.now().isBefore(retryAt)) {
			throw noAccount(field, value);
		}
		List<JsonNode> found = search(field, email);
		List<JsonNode> exact = found.stream()
			.filter((user) -> user.path("emailAddress").asText("").equalsIgnoreCase(email))
			.toList();
		// Users may hide their email address; then one hit is taken as the account.
		List<JsonNode> hidden = found.stream().filter((user) -> !user.hasNonNull("emailAddress")).toList();
		JsonNode account = (exact.size() == 1) ? exact.get(0)
				: (exact.isEmpty() && hidden.size() == 1 && found.size() == 1) ? hidden.get(0) : null;
		if (account == null && exact.size() + hidden.size() > 1) {
			throw new TargetException(new TargetFailure(TargetFailure.Kind.PERMANENT,
					field + ": the email '" + value + "' matches " + (exact.size() + hidden.size())
							+ " Atlassian accounts on the site; a User attribute takes one accountId",
					null, null, null));
		}
		if (account == null) {
			this.unknown.put(email, Instant.now().plus(UNKNOWN_TTL));
			throw noAccount(field, value);
		}
		String id = account.path("accountId").asText();
		this.accountIds.put(email, id);
		this.unknown.remove(email);
		return id;
	}

	private static TargetException noAccount(String field, String email) {
		return new TargetException(new TargetFailure(TargetFailure.Kind.PERMANENT,
				field + ": no Atlassian account with the email '" + email
						+ "' on the site (GET /rest/api/3/user/search found none); a User attribute takes an accountId",
				null, null, null));
	}

	// GET {site}/rest/api/3/user/search?query={email}&maxResults=10 (or through the
	// gateway, /ex/jira/{cloudId}/rest/api/3/user/search, with OAuth 2.0)
	private List<JsonNode> search(String field, String email) {
		String base = this.http.jiraRoot();
		if (base.isEmpty()) {
			throw new TargetException(new TargetFailure(TargetFailure.Kind.PERMANENT,
					field + ": '" + email + "' must be resolved to an accountId, which needs the site URL", null, null,
					JsmAssetsProperties.PREFIX + ".site-url"));
		}
		JsonNode answer = this.http
			.send("GET",
					URI.create(base + AssetsHttp.query(AssetsParams.PATH_USER_SEARCH,
							AssetsHttp.params(AssetsParams.QUERY, email, AssetsParams.MAX_RESULTS, "10"))),
					null, null)
			.json();
		List<JsonNode> users = new ArrayList<>();
		answer.forEach(users::add);
		return users;
	}

}
