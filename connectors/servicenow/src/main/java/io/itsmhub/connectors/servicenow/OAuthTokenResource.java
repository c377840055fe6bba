package io.itsmhub.connectors.servicenow;

import java.util.concurrent.atomic.AtomicReference;

import io.itsmhub.api.target.TargetException;
import io.itsmhub.api.target.TargetFailure;

/**
 * The OAuth 2.0 token endpoint: client-credentials grants, the token kept until shortly
 * before it expires.
 */
final class OAuthTokenResource {

	private final ServiceNowHttp http;

	private final ServiceNowProperties properties;

	private final AtomicReference<ServiceNowHttp.Token> token = new AtomicReference<>();

	OAuthTokenResource(ServiceNowHttp http, ServiceNowProperties properties) {
		this.http = http;
		this.properties = properties;
	}

	/** A valid access token, fetched when there is none or it is about to expire. */
	String accessToken() {
		ServiceNowHttp.Token current = this.token.get();
		if (current == null || !current.fresh()) {
			current = fetch();
			this.token.set(current);
		}
		return current.value();
	}

	/** Forgets the token, after the instance answered 401 to it. */
	void forget() {
		this.token.set(null);
	}

	// POST /oauth_token.do (grant_type=client_credentials, client_id, client_secret)
	private ServiceNowHttp.Token fetch() {
		ServiceNowHttp.Response response;
		try {
			response = this.http.sendForm(ServiceNowParams.PATH_OAUTH_TOKEN,
					ServiceNowHttp.query("grant_type", "client_credentials", "client_id",
							(this.properties.clientId() != null) ? this.properties.clientId() : "", "client_secret",
							this.properties.clientSecret().reveal()));
		}
		catch (TargetException ex) {
			if (ex.failure().httpStatus() != null && ex.failure().httpStatus() == 401) {
				throw new TargetException(new TargetFailure(TargetFailure.Kind.AUTHENTICATION,
						"the token endpoint refused the client credentials: " + ex.failure().message(), 401, null,
						ServiceNowProperties.PREFIX + ".client-secret"));
			}
			throw ex;
		}
		String value = response.json().path("access_token").asText("");
		if (value.isEmpty()) {
			throw new TargetException(new TargetFailure(TargetFailure.Kind.TRANSIENT,
					"the token endpoint answered without an access_token", response.status(), null, null));
		}
		return ServiceNowHttp.Token.of(value, response.json().path("expires_in").asLong(1799));
	}

}
