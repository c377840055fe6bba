package io.itsmhub.app.mapping;

/** A mapping version (or an active mapping) asked for does not exist. */
public class MappingNotFoundException extends RuntimeException {

	public MappingNotFoundException(String message) {
		super(message);
	}

}
