package io.itsmhub.reconciliation.store;

import java.util.List;
import java.util.Map;

import io.itsmhub.reconciliation.identify.IdentityKey;
import io.itsmhub.reconciliation.item.Conflict;
import io.itsmhub.reconciliation.item.ItemChange;
import io.itsmhub.reconciliation.item.ItemState;

/**
 * What one reconciled batch writes, all at once.
 *
 * @param created new items
 * @param updated items whose content changed (written whole)
 * @param seen items whose content did not change but whose sources were seen again (only
 * their sightings are written)
 * @param newKeys identity keys that now belong to an item
 * @param changes the attribute-level history of the batch
 * @param conflicts identifier collisions found in the batch
 */
public record ReconciliationBatch(List<ItemState> created, List<ItemState> updated, List<ItemState> seen,
		Map<IdentityKey, String> newKeys, List<ItemChange> changes, List<Conflict> conflicts) {

	public boolean isEmpty() {
		return this.created.isEmpty() && this.updated.isEmpty() && this.seen.isEmpty() && this.conflicts.isEmpty();
	}

}
