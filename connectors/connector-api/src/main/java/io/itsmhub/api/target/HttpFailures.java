package io.itsmhub.api.target;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Classifies the answer of an HTTP platform API the same way for every connector: 401 and
 * 403 are authentication failures naming the property to fix, 429 is a rate limit with
 * the platform's {@code Retry-After}, 408 and 5xx are transient, any other 4xx is
 * permanent and keeps the platform's own message; I/O errors are transient.
 */
public final class HttpFailures {

	private HttpFailures() {
	}

	/**
	 * The failure for an HTTP status that is not a success.
	 * @param status the HTTP status
	 * @param retryAfter the {@code Retry-After} header, or {@code null}
	 * @param message the platform's own error text
	 * @param credentialProperty the property to fix on 401
	 * @param roleProperty the property to fix on 403 (the account that lacks a role)
	 */
	public static TargetFailure classify(int status, String retryAfter, String message, String credentialProperty,
			String roleProperty) {
		if (status == 401) {
			return new TargetFailure(TargetFailure.Kind.AUTHENTICATION, message, status, null, credentialProperty);
		}
		if (status == 403 && roleProperty != null) {
			return new TargetFailure(TargetFailure.Kind.AUTHENTICATION, message, status, null, roleProperty);
		}
		if (status == 429) {
			return new TargetFailure(TargetFailure.Kind.RATE_LIMITED, message, status, retryAfter(retryAfter), null);
		}
		if (status == 408 || status >= 500) {
			return new TargetFailure(TargetFailure.Kind.TRANSIENT, message, status, retryAfter(retryAfter), null);
		}
		return new TargetFailure(TargetFailure.Kind.PERMANENT, message, status, null, null);
	}

	/** The failure for a request that got no usable answer. */
	public static TargetFailure io(IOException ex) {
		String text = ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
		return new TargetFailure(TargetFailure.Kind.TRANSIENT, text, null, null, null);
	}

	/**
	 * Reads {@code Retry-After}: delay seconds or an HTTP date.
	 * @return the wait, or {@code null} when absent or unreadable
	 */
	public static Duration retryAfter(String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.trim();
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
		}
		catch (NumberFormatException ex) {
			try {
				Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration wait = Duration.between(Instant.now(), at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

}
