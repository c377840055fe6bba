package io.itsmhub.simulators.core;

/**
 * Thrown while handling a request to answer it with an error status in the platform's own
 * error shape; keeps the handlers free of response plumbing.
 */
public class SimulatorException extends RuntimeException {

	private final int status;

	private final String detail;

	/**
	 * Creates the exception.
	 * @param status the HTTP status to answer
	 * @param message the message
	 * @param detail the detail, may be {@code null}
	 */
	public SimulatorException(int status, String message, String detail) {
		super(message);
		this.status = status;
		this.detail = detail;
	}

	public int status() {
		return this.status;
	}

	public String detail() {
		return this.detail;
	}

}
