package io.itsmhub.routes.sync;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.itsmhub.api.model.Identifiers;
import io.itsmhub.reconciliation.item.ItemState;

/**
 * What the sync engine reads and writes; the application implements it over its database.
 */
public interface SyncStore {

	/** Ids of all items, in a stable order. */
	List<String> allItemIds();

	/** Ids of the items changed since a time. */
	List<String> itemIdsChangedSince(Instant since);

	Map<String, ItemState> loadItems(Collection<String> itemIds);

	/**
	 * Resolves relationship targets to the item that holds their identifiers, where
	 * exactly one does; other targets are left out.
	 */
	Map<Identifiers, String> resolveTargets(Collection<Identifiers> targets);

	/**
	 * The other items whose relationships resolve to one of these items. A push of named
	 * items (a replay, a webhook) takes them along, so their relations to those items,
	 * pending until the items had a record, are pushed too.
	 */
	default java.util.Set<String> itemsRelatingTo(Collection<String> itemIds) {
		return java.util.Set.of();
	}

	Map<String, CrossReference> crossReferences(String target, Collection<String> itemIds);

	void saveCrossReferences(List<CrossReference> references);

	void addDeadLetter(DeadLetter deadLetter);

	/** When the integration last completed a run, or {@code null}. */
	Instant lastCompletedRun(String integration);

	/** Records a run as started and returns its id. */
	long startRun(String integration, SyncMode mode, boolean dryRun, Instant startedAt);

	void finishRun(long runId, String status, Map<String, TargetCounts> counts, Instant finishedAt);

	/** How many records the hub has in a target. */
	int recordCount(String target);

	/**
	 * The sources among these whose last ingest failed or brought nothing: their silence
	 * says nothing about what exists, so it must not retire anything.
	 */
	java.util.Set<String> sourcesWithoutAGoodLastRun(Collection<String> sources);

}
