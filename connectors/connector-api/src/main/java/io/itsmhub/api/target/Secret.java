package io.itsmhub.api.target;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A password, token or client secret. Its {@link #toString()} never shows the value, so a
 * secret can sit in a configuration record, a log line or an exception message without
 * leaking; only {@link #reveal()} gives it, where it goes on the wire.
 */
public final class Secret {

	private static final Secret EMPTY = new Secret("");

	private final String value;

	private Secret(String value) {
		this.value = (value != null) ? value : "";
	}

	/**
	 * A secret holding {@code value}; Spring Boot binds properties to it through this
	 * method.
	 */
	public static Secret of(String value) {
		return (value == null || value.isEmpty()) ? EMPTY : new Secret(value);
	}

	/** The empty secret. */
	public static Secret empty() {
		return EMPTY;
	}

	/** The value, to put on the wire and nowhere else. */
	public String reveal() {
		return this.value;
	}

	/** Whether no value is set. */
	public boolean isEmpty() {
		return this.value.isBlank();
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Secret that) && MessageDigest.isEqual(this.value.getBytes(StandardCharsets.UTF_8),
				that.value.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public int hashCode() {
		return Secret.class.hashCode();
	}

	@Override
	public String toString() {
		return isEmpty() ? "(empty)" : "******";
	}

}
