package io.itsmhub.app.api;

/** A body over the configured limit. */
public class PayloadTooLargeException extends RuntimeException {

	public PayloadTooLargeException(String message) {
		super(message);
	}

}
