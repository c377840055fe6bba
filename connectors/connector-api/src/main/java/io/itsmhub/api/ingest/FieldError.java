package io.itsmhub.api.ingest;

/**
 * What is wrong with one field of one record.
 *
 * @param field the field's path in the canonical form, such as
 * {@code identifiers.serial_number} or {@code facts.purchase_cost.currency}
 * @param reason what is wrong, in words a person can act on
 */
public record FieldError(String field, String reason) {

}
