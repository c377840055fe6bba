package io.itsmhub.reconciliation.item;

import java.time.Instant;

/**
 * One accepted change of one field, for the item's history.
 *
 * @param itemId the item
 * @param field the field path, such as {@code facts.owner} or {@code attributes.os}
 * @param oldValue the value before, {@code null} when there was none
 * @param newValue the value after, {@code null} when it was cleared
 * @param source the source whose record made the change
 * @param changedAt when the change was accepted
 */
public record ItemChange(String itemId, String field, Object oldValue, Object newValue, String source,
		Instant changedAt) {

}
