package io.itsmhub.simulators.core;

/**
 * Thrown while handling a request to answer it with a 400 in the platform's own error
 * shape.
 */
public class BadRequestException extends SimulatorException {

	/**
	 * Creates the exception.
	 * @param message the message the platform would put in its error body
	 */
	public BadRequestException(String message) {
		super(400, message, null);
	}

	/**
	 * Creates the exception.
	 * @param message the message
	 * @param detail the detail
	 */
	public BadRequestException(String message, String detail) {
		super(400, message, detail);
	}

}
