package io.itsmhub.routes.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.itsmhub.api.model.Identifiers;
import io.itsmhub.reconciliation.item.ItemState;
import io.itsmhub.reconciliation.store.InMemoryItemRepository;

/** The engine's state in memory, over the reconciler's in-memory items. */
class InMemorySyncStore implements SyncStore {

	final InMemoryItemRepository items;

	final Map<String, CrossReference> xrefs = new LinkedHashMap<>();

	final List<DeadLetter> deadLetters = new ArrayList<>();

	final Map<Long, String> runs = new LinkedHashMap<>();

	InMemorySyncStore(InMemoryItemRepository items) {
		this.items = items;
	}

	@Override
	public List<String> allItemIds() {
		return this.items.items().stream().map(ItemState::id).sorted().toList();
	}

	@Override
	public List<String> itemIdsChangedSince(Instant since) {
		return this.items.items()
			.stream()
			.filter((item) -> item.updatedAt().isAfter(since))
			.map(ItemState::id)
			.sorted()
			.toList();
	}

	@Override
	public Map<String, ItemState> loadItems(Collection<String> itemIds) {
		return this.items.load(itemIds);
	}

	@Override
	public Map<Identifiers, String> resolveTargets(Collection<Identifiers> targets) {
		Map<Identifiers, String> resolved = new HashMap<>();
		for (Identifiers target : targets) {
			List<String> holders = this.items.items()
				.stream()
				.filter((item) -> target.asMap()
					.entrySet()
					.stream()
					.anyMatch((entry) -> item.identifiers()
						.getOrDefault(entry.getKey(), java.util.Set.of())
						.stream()
						.anyMatch(entry.getValue()::contains)))
				.map(ItemState::id)
				.toList();
			if (holders.size() == 1) {
				resolved.put(target, holders.get(0));
			}
		}
		return resolved;
	}

	@Override
	public Map<String, CrossReference> crossReferences(String target, Collection<String> itemIds) {
		Map<String, CrossReference> found = new HashMap<>();
		for (String id : itemIds) {
			CrossReference xref = this.xrefs.get(target + "|" + id);
			if (xref != null) {
				found.put(id, xref);
			}
		}
		return found;
	}

	@Override
	public void saveCrossReferences(List<CrossReference> references) {
		references.forEach((xref) -> this.xrefs.put(xref.target() + "|" + xref.itemId(), xref));
	}

	@Override
	public void addDeadLetter(DeadLetter deadLetter) {
		this.deadLetters.add(deadLetter);
	}

	@Override
	public Instant lastCompletedRun(String integration) {
		return null;
	}

	@Override
	public long startRun(String integration, SyncMode mode, boolean dryRun, Instant startedAt) {
		long id = this.runs.size() + 1;
		this.runs.put(id, "running");
		return id;
	}

	final java.util.Set<String> unreliableSources = new java.util.HashSet<>();

	@Override
	public int recordCount(String target) {
		return (int) this.xrefs.values()
			.stream()
			.filter((xref) -> xref.target().equals(target) && xref.ref() != null)
			.count();
	}

	@Override
	public java.util.Set<String> sourcesWithoutAGoodLastRun(Collection<String> sources) {
		return new java.util.HashSet<>(this.unreliableSources);
	}

	@Override
	public void finishRun(long runId, String status, Map<String, TargetCounts> counts, Instant finishedAt) {
		this.runs.put(runId, status);
	}

}
