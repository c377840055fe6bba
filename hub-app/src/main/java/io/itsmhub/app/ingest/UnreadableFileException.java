package io.itsmhub.app.ingest;

/** Nothing of a file could be read: it is moved aside with this reason, never deleted. */
public class UnreadableFileException extends RuntimeException {

	public UnreadableFileException(String message) {
		super(message);
	}

	public UnreadableFileException(String message, Throwable cause) {
		super(message, cause);
	}

}
