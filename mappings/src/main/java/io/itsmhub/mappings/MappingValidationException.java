package io.itsmhub.mappings;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A mapping document that cannot be compiled, with every error in it (not just the
 * first), in document order.
 */
public class MappingValidationException extends RuntimeException {

	private final transient List<MappingError> errors;

	public MappingValidationException(List<MappingError> errors) {
		super(errors.size() + " error(s) in mapping:\n"
				+ errors.stream().map(MappingError::toString).collect(Collectors.joining("\n")));
		this.errors = List.copyOf(errors);
	}

	/** Every error, in document order. */
	public List<MappingError> errors() {
		return this.errors;
	}

}
