package io.itsmhub.mappings;

/**
 * How one output field got its value (or why it was not sent), for previews.
 *
 * @param role the record role, such as {@code ci}
 * @param targetClass the platform class of the record
 * @param field the platform field
 * @param value the value that would be sent, {@code null} when the field is not sent
 * @param sourceValue the value the rule read before transforms, {@code null} when none
 * @param rule the rule as it reads, such as
 * {@code from facts.lifecycle_status | lookup install_status}
 * @param line the line of the rule in the mapping document
 * @param outcome what happened: {@code sent}, {@code default}, {@code skipped} (its
 * condition did not hold), {@code empty} (no value, not required) or {@code error}
 * @param note more words, such as the condition that did not hold or the error
 */
public record FieldExplanation(String role, String targetClass, String field, Object value, Object sourceValue,
		String rule, int line, String outcome, String note) {

}
