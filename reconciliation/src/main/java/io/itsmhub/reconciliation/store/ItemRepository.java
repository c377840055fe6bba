package io.itsmhub.reconciliation.store;

import java.util.Collection;
import java.util.Map;

import io.itsmhub.reconciliation.identify.IdentityKey;
import io.itsmhub.reconciliation.item.ItemState;

/**
 * Where reconciled items live. The reconciler asks in bulk and writes one batch at a
 * time, so an implementation over JDBC makes a handful of round trips per batch, not per
 * item.
 */
public interface ItemRepository {

	/** The items that hold these keys; keys nobody holds are left out. */
	Map<IdentityKey, String> findOwners(Collection<IdentityKey> keys);

	/** Items by id; unknown ids are left out. */
	Map<String, ItemState> load(Collection<String> itemIds);

	/**
	 * Writes a batch, all or nothing.
	 * @throws KeyTakenException when another writer took one of the new keys first
	 */
	void save(ReconciliationBatch batch);

	/** Another writer took an identity key first: reconcile the batch again. */
	class KeyTakenException extends RuntimeException {

		public KeyTakenException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
