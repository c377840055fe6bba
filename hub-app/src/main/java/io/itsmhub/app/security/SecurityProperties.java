package io.itsmhub.app.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use the API. Passwords and tokens are stored hashed, never in clear.
 *
 * @param users people, signing in with HTTP basic
 * @param tokens API tokens, sent as {@code Authorization: Bearer <token>}
 */
@ConfigurationProperties("hub.security")
public record SecurityProperties(@DefaultValue List<User> users, @DefaultValue List<Token> tokens) {

	/**
	 * A user.
	 *
	 * @param name the user name
	 * @param password the password hash with its encoder id, such as
	 * {@code {bcrypt}$2a$10$...}
	 * @param role {@code viewer}, {@code operator} or {@code admin}
	 */
	public record User(String name, String password, Role role) {

		@Override
		public String toString() {
			return "User[name=" + this.name + ", role=" + this.role + "]";
		}

	}

	/**
	 * An API token.
	 *
	 * @param name who or what uses it, for the audit trail
	 * @param sha256 the token's SHA-256 digest in hex (never the token itself)
	 * @param role {@code viewer}, {@code operator} or {@code admin}
	 */
	public record Token(String name, String sha256, Role role) {

		@Override
		public String toString() {
			return "Token[name=" + this.name + ", role=" + this.role + "]";
		}

	}

	/** What a user may do; each role may do what the ones before it may. */
	public enum Role {

		/** Read items, runs and conflicts. */
		VIEWER,
		/** Also ingest and trigger runs. */
		OPERATOR,
		/** Also configure mappings and integrations. */
		ADMIN

	}

}
