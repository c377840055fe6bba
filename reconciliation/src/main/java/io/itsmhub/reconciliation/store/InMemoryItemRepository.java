package io.itsmhub.reconciliation.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.itsmhub.reconciliation.identify.IdentityKey;
import io.itsmhub.reconciliation.item.Conflict;
import io.itsmhub.reconciliation.item.ItemChange;
import io.itsmhub.reconciliation.item.ItemState;

/**
 * Items in memory: for tests, benchmarks and tools that reconcile without a database.
 * Items are kept as the objects the reconciler handed over, so callers must not share
 * them across threads while a batch runs.
 */
public final class InMemoryItemRepository implements ItemRepository {

	private final Map<IdentityKey, String> owners = new ConcurrentHashMap<>();

	private final Map<String, ItemState> items = new ConcurrentHashMap<>();

	private final List<ItemChange> changes = Collections.synchronizedList(new ArrayList<>());

	private final Map<String, Conflict> conflicts = Collections.synchronizedMap(new LinkedHashMap<>());

	@Override
	public Map<IdentityKey, String> findOwners(Collection<IdentityKey> keys) {
		Map<IdentityKey, String> found = new HashMap<>();
		for (IdentityKey key : keys) {
			String owner = this.owners.get(key);
			if (owner != null) {
				found.put(key, owner);
			}
		}
		return found;
	}

	@Override
	public Map<String, ItemState> load(Collection<String> itemIds) {
		Map<String, ItemState> found = new HashMap<>();
		for (String id : itemIds) {
			ItemState item = this.items.get(id);
			if (item != null) {
				found.put(id, item);
			}
		}
		return found;
	}

	@Override
	public void save(ReconciliationBatch batch) {
		for (Map.Entry<IdentityKey, String> key : batch.newKeys().entrySet()) {
			String previous = this.owners.putIfAbsent(key.getKey(), key.getValue());
			if (previous != null && !previous.equals(key.getValue())) {
				throw new KeyTakenException(key.getKey() + " belongs to " + previous, null);
			}
		}
		batch.created().forEach((item) -> this.items.put(item.id(), item));
		batch.updated().forEach((item) -> this.items.put(item.id(), item));
		this.changes.addAll(batch.changes());
		for (Conflict conflict : batch.conflicts()) {
			this.conflicts.putIfAbsent(conflictKey(conflict), conflict);
		}
	}

	/** The same collision reported again by the same record is one conflict, not two. */
	public static String conflictKey(Conflict conflict) {
		return conflict.keyType() + "|" + conflict.keyValue() + "|" + conflict.source() + "|" + conflict.sourceKey();
	}

	public Collection<ItemState> items() {
		return this.items.values();
	}

	public List<ItemChange> changes() {
		return List.copyOf(this.changes);
	}

	public List<Conflict> conflicts() {
		synchronized (this.conflicts) {
			return List.copyOf(this.conflicts.values());
		}
	}

}
