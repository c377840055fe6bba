package io.itsmhub.mappings;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An item that a (valid) mapping cannot turn into a payload the platform would accept: a
 * required field has no value, a value does not convert to the field's type, is longer
 * than the platform stores, or is missing from a value map. The item is not sent; each
 * problem names the field, so the reason can go to a dead letter as it is.
 */
public class ItemMappingException extends RuntimeException {

	private final transient List<FieldProblem> problems;

	public ItemMappingException(String itemId, List<FieldProblem> problems) {
		super("item " + itemId + " cannot be mapped: "
				+ problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

	/**
	 * What is wrong with one output field for one item.
	 *
	 * @param role the record role, such as {@code ci}
	 * @param field the platform field
	 * @param message what is wrong
	 */
	public record FieldProblem(String role, String field, String message) {

		@Override
		public String toString() {
			return this.role + "." + this.field + ": " + this.message;
		}

	}

}
