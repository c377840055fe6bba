package io.itsmhub.app.mapping;

/**
 * A change that cannot be made in the current state: no version to roll back to, or
 * another activation came first.
 */
public class MappingConflictException extends RuntimeException {

	public MappingConflictException(String message) {
		super(message);
	}

}
