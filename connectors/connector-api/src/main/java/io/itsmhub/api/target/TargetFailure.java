package io.itsmhub.api.target;

import java.time.Duration;

/**
 * Why a call or a record failed, classified so the engine knows what to do.
 *
 * @param kind the class of failure
 * @param message the platform's own error text where it gave one
 * @param httpStatus the HTTP status, when there was an answer
 * @param retryAfter how long the platform asked to wait ({@code Retry-After}), or
 * {@code null}
 * @param property the setting to fix, for authentication failures
 */
public record TargetFailure(Kind kind, String message, Integer httpStatus, Duration retryAfter, String property) {

	/** Whether trying the same request again later may succeed. */
	public boolean retryable() {
		return this.kind == Kind.RATE_LIMITED || this.kind == Kind.TRANSIENT;
	}

	/** The classes of failure. */
	public enum Kind {

		/** Credentials missing, wrong or without the needed role: fix a setting. */
		AUTHENTICATION,
		/** 429 or a platform quota: wait {@code retryAfter}, then retry. */
		RATE_LIMITED,
		/** 5xx, timeouts, dropped connections, unreadable answers: retry with backoff. */
		TRANSIENT,
		/**
		 * The platform refused the record (a 4xx naming a bad field): fix the data or
		 * mapping.
		 */
		PERMANENT

	}

}
