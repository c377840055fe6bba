package io.itsmhub.app.api;

/** A request parameter or body field is wrong; the answer names it. */
public class BadRequestException extends RuntimeException {

	private final String field;

	public BadRequestException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
