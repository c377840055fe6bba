package io.itsmhub.app.agent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks the HTTP basic credential an agent sends. A bcrypt check costs tens of
 * milliseconds, and every agent sends the same credential on every request, so the
 * SHA-256 digest of the last header that passed is kept (never the header itself) and
 * compared in constant time before bcrypt is asked again.
 */
final class AgentCredential {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AgentCredential.class);

	private final boolean open;

	private final String username;

	private final String passwordHash;

	private final PasswordEncoder encoder;

	private volatile byte[] acceptedDigest;

	AgentCredential(AgentProperties properties, PasswordEncoder encoder) {
		this.open = properties.open();
		this.username = properties.username();
		this.passwordHash = properties.password();
		this.encoder = encoder;
		if (!this.open) {
			boolean hasUser = this.username != null && !this.username.isBlank();
			if (hasUser != (this.passwordHash != null)) {
				throw new IllegalStateException("hub.agents.username and hub.agents.password go together: "
						+ "set both, or neither and hub.agents.open=true to let any agent report");
			}
			if (!hasUser) {
				// the hub still starts (agents may not be used at all); every agent is
				// refused
				log.warn("No agent credential is configured: /agent/ refuses every agent. Set "
						+ "hub.agents.username and hub.agents.password, or hub.agents.open=true");
			}
			else if (!this.passwordHash.startsWith("{")) {
				throw new IllegalStateException("hub.agents.password must be a hash with its encoder id, "
						+ "such as {bcrypt}$2a$10$...; clear passwords are not accepted");
			}
		}
	}

	/** Whether a request with this {@code Authorization} header may report. */
	boolean accepts(String authorization) {
		if (this.open) {
			return true;
		}
		if (this.username == null || authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return false;
		}
		byte[] digest = sha256(authorization);
		byte[] accepted = this.acceptedDigest;
		if (accepted != null && MessageDigest.isEqual(accepted, digest)) {
			return true;
		}
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		int colon = decoded.indexOf(':');
		if (colon < 0 || !decoded.substring(0, colon).equals(this.username)
				|| !this.encoder.matches(decoded.substring(colon + 1), this.passwordHash)) {
			return false;
		}
		this.acceptedDigest = digest;
		return true;
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
