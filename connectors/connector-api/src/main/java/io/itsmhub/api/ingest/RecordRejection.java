package io.itsmhub.api.ingest;

import java.util.List;

/**
 * A record that was not stored, and why. The good records of the same batch are stored
 * regardless.
 *
 * @param index the record's position in its batch or file, from 0 (for CSV files, the
 * data row, from 0, not counting the header)
 * @param sourceKey the record's key in its source, when it could be read
 * @param errors every field that is wrong, at least one
 */
public record RecordRejection(int index, String sourceKey, List<FieldError> errors) {

	public RecordRejection {
		errors = List.copyOf(errors);
		if (errors.isEmpty()) {
			throw new IllegalArgumentException("a rejection names at least one field");
		}
	}

	public static RecordRejection of(int index, String sourceKey, String field, String reason) {
		return new RecordRejection(index, sourceKey, List.of(new FieldError(field, reason)));
	}

	/** The first field at fault. */
	public String field() {
		return this.errors.get(0).field();
	}

	/** The first reason. */
	public String reason() {
		return this.errors.get(0).reason();
	}

}
