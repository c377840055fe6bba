package io.itsmhub.reconciliation;

/**
 * What became of one record.
 *
 * @param index the record's position in its batch
 * @param sourceKey the record's key in its source
 * @param itemId the item it was identified as; {@code null} when it was not applied
 * @param status what happened
 */
public record RecordOutcome(int index, String sourceKey, String itemId, Status status) {

	/** What happened to a record. */
	public enum Status {

		/** A new item was created. */
		CREATED,
		/** An existing item changed. */
		UPDATED,
		/** Nothing changed. */
		UNCHANGED,
		/**
		 * The record's identifiers point at several items: not applied, a conflict was
		 * recorded.
		 */
		CONFLICT,
		/** The record cannot be identified: not applied. */
		REJECTED

	}

}
