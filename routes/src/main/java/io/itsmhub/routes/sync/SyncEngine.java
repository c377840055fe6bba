package io.itsmhub.routes.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.model.Identifiers;
import io.itsmhub.api.model.LifecycleFacts;
import io.itsmhub.api.model.LifecycleStatus;
import io.itsmhub.api.target.PushOutcome;
import io.itsmhub.api.target.TargetConnector;
import io.itsmhub.api.target.TargetException;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.target.TargetRef;
import io.itsmhub.api.target.TargetRelation;
import io.itsmhub.mappings.ActiveMappings;
import io.itsmhub.mappings.CompiledMapping;
import io.itsmhub.mappings.ItemMappingException;
import io.itsmhub.mappings.PayloadJson;
import io.itsmhub.reconciliation.item.ItemViews;
import io.itsmhub.reconciliation.item.ItemState;

/**
 * Pushes reconciled items into every target of an integration: scope, mapping (the active
 * version, asked for every batch), delta against the last accepted payload, batches up to
 * the connector's limit behind the target's guard, then the cross-reference, dead letters
 * and counts. Relations go in a second pass, once both ends have a record, so the result
 * does not depend on the order of arrival. A relation pushed before is removed from the
 * target when one of its ends is retired or the item no longer reports it; the records at
 * both ends stay.
 *
 * <p>
 * A create is marked pending in the cross-reference before it is sent; if its answer is
 * lost (a timeout, a crash), the next attempt looks the record up by its identifiers
 * first, so a retry never creates a duplicate.
 */
public final class SyncEngine {

	private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);

	private static final ObjectMapper JSON = new ObjectMapper();

	private final SyncStore store;

	private final ActiveMappings mappings;

	private final Map<String, TargetConnector> connectors;

	private final Map<String, TargetGuard> guards = new ConcurrentHashMap<>();

	private final TargetGuard.Settings guardSettings;

	private final Clock clock;

	private final Set<String> running = ConcurrentHashMap.newKeySet();

	/**
	 * One writer per target at a time, taken per batch: a push of named items (a webhook)
	 * gets in between two batches of a bulk run instead of waiting for all of it, and two
	 * runs never push the same item at once.
	 */
	private final Map<String, java.util.concurrent.locks.ReentrantLock> targetLocks = new ConcurrentHashMap<>();

	public SyncEngine(SyncStore store, ActiveMappings mappings, Collection<TargetConnector> connectors,
			TargetGuard.Settings guardSettings, Clock clock) {
		this.store = store;
		this.mappings = mappings;
		Map<String, TargetConnector> byPlatform = new LinkedHashMap<>();
		connectors.forEach((connector) -> byPlatform.put(connector.platform(), connector));
		this.connectors = byPlatform;
		this.guardSettings = guardSettings;
		this.clock = clock;
	}

	/** The platforms a connector is configured for. */
	public Set<String> platforms() {
		return this.connectors.keySet();
	}

	/**
	 * Runs an integration once. Two runs of one integration never overlap: a second one
	 * asked for while the first runs is refused.
	 * @param targets the platforms to push to
	 * @param itemIds for {@link SyncMode#ITEMS}, the items; ignored otherwise
	 * @throws RunInProgressException when the integration is already running
	 */
	public SyncResult run(String integration, List<String> targets, SyncMode mode, boolean dryRun,
			Collection<String> itemIds) {
		return run(integration, targets, mode, dryRun, itemIds, SyncPolicy.lenient(), false);
	}

	/**
	 * Runs an integration once under its policy: items no authoritative source has seen
	 * for the grace period are retired (full runs only), and a target whose run would
	 * update or retire more than the policy's share of its records is left alone until
	 * someone approves.
	 * @param approved whether a person approved this run past the mass-change guard
	 */
	public SyncResult run(String integration, List<String> targets, SyncMode mode, boolean dryRun,
			Collection<String> itemIds, SyncPolicy policy, boolean approved) {
		// pushes of named items (webhooks, replays) go ahead of a bulk run instead of
		// waiting
		// for it; a create they race with is pending and looked up first, never repeated
		String lock = (mode == SyncMode.ITEMS) ? integration + "#items" : integration;
		if (!this.running.add(lock)) {
			throw new RunInProgressException(integration);
		}
		try {
			return runExclusively(integration, targets, mode, dryRun, itemIds, policy, approved);
		}
		finally {
			this.running.remove(lock);
		}
	}

	private SyncResult runExclusively(String integration, List<String> targets, SyncMode mode, boolean dryRun,
			Collection<String> itemIds, SyncPolicy policy, boolean approved) {
		Instant started = this.clock.instant();
		List<String> ids = switch (mode) {
			case FULL -> this.store.allItemIds();
			case INCREMENTAL -> {
				Instant since = this.store.lastCompletedRun(integration);
				yield (since != null) ? this.store.itemIdsChangedSince(since) : this.store.allItemIds();
			}
			case ITEMS -> {
				// items relating to these come along: their relations waited for these
				// to get a record (unchanged, they cost no write)
				LinkedHashSet<String> named = new LinkedHashSet<>(itemIds);
				named.addAll(this.store.itemsRelatingTo(named));
				yield List.copyOf(named);
			}
		};
		long runId = dryRun ? 0 : this.store.startRun(integration, mode, false, started);
		Map<String, TargetCounts> counts = new LinkedHashMap<>();
		List<SyncResult.PlannedChange> plan = new ArrayList<>();
		boolean failures = false;
		boolean broken = false;
		boolean awaitingApproval = false;
		Retirement retirement = retirement(mode, policy, started);
		for (String target : targets) {
			try {
				int records = (!dryRun && !approved && mode != SyncMode.ITEMS) ? this.store.recordCount(target) : 0;
				if (records > 0 && records >= policy.guardMinimum()) {
					// counted first, without a write: a run that would change too much
					// never starts
					TargetCounts planned = pushTarget(target, ids, true, null, retirement);
					int changes = planned.updated() + planned.retired();
					if (changes > policy.maxChangeShare() * records) {
						log.warn(
								"Integration {}: the run would update or retire {} of the {} records in {}, more "
										+ "than the {} % allowed; it waits for approval",
								integration, changes, records, target, Math.round(policy.maxChangeShare() * 100));
						counts.put(target, planned);
						awaitingApproval = true;
						continue;
					}
				}
				TargetCounts targetCounts = pushTarget(target, ids, dryRun, plan, retirement);
				counts.put(target, targetCounts);
				failures |= targetCounts.failed() > 0;
			}
			catch (RuntimeException ex) {
				log.error("Integration {}: target {} failed: {}", integration, target, ex.getMessage());
				counts.put(target, new TargetCounts(0, 0, 0, 0, 0, ids.size(), 0, 0, 0, 0));
				broken = true;
			}
		}
		String status = broken ? "failed"
				: awaitingApproval ? "awaiting_approval" : failures ? "completed_with_failures" : "completed";
		if (!dryRun) {
			this.store.finishRun(runId, status, counts, this.clock.instant());
		}
		log.info("Integration {} ({} {}{}): {}", integration, mode.name().toLowerCase(), ids.size(),
				dryRun ? ", dry run" : "", counts);
		return new SyncResult(runId, integration, mode, dryRun, status, counts, plan);
	}

	private TargetCounts pushTarget(String target, List<String> ids, boolean dryRun,
			List<SyncResult.PlannedChange> plan, Retirement retirement) {
		TargetConnector connector = this.connectors.get(target);
		if (connector == null) {
			throw new IllegalArgumentException("no connector is configured for target '" + target + "'");
		}
		TargetGuard guard = this.guards.computeIfAbsent(target, (t) -> new TargetGuard(t, this.guardSettings));
		long start = System.nanoTime();
		Counter counter = new Counter();
		Map<String, List<TargetRelation>> relationsByItem = new LinkedHashMap<>();
		int batchSize = Math.max(1, connector.maxBatchSize());
		for (int from = 0; from < ids.size(); from += batchSize) {
			List<String> chunk = ids.subList(from, Math.min(ids.size(), from + batchSize));
			// asked for every batch: an activation applies to the next item processed
			CompiledMapping mapping = this.mappings.active(target)
				.orElseThrow(() -> new IllegalStateException("no active mapping for target '" + target + "'"));
			java.util.concurrent.locks.ReentrantLock lock = targetLock(target, dryRun);
			lock.lock();
			try {
				pushChunk(target, connector, guard, mapping, chunk, dryRun, plan, counter, relationsByItem, retirement);
			}
			finally {
				lock.unlock();
			}
		}
		if (!dryRun) {
			java.util.concurrent.locks.ReentrantLock lock = targetLock(target, false);
			lock.lock();
			try {
				// retired first, so the relation pass sees which ends are retired now
				retire(target, connector, guard, counter);
				relate(target, connector, guard, relationsByItem, counter, this.mappings.active(target).orElse(null));
				unrelateRetired(target, connector, guard, counter);
			}
			finally {
				lock.unlock();
			}
		}
		else {
			counter.retired += counter.toRetire.size();
		}
		return new TargetCounts(counter.created, counter.updated, counter.unchanged, counter.outOfScope,
				counter.retired, counter.failed, counter.relationsPushed, counter.relationsPending,
				counter.relationsRetired, counter.calls.get(), (System.nanoTime() - start) / 1_000_000);
	}

	private java.util.concurrent.locks.ReentrantLock targetLock(String target, boolean dryRun) {
		// a dry run writes nothing: it needs no turn
		return dryRun ? new java.util.concurrent.locks.ReentrantLock()
				: this.targetLocks.computeIfAbsent(target, (t) -> new java.util.concurrent.locks.ReentrantLock(true));
	}

	private void pushChunk(String target, TargetConnector connector, TargetGuard guard, CompiledMapping mapping,
			List<String> chunk, boolean dryRun, List<SyncResult.PlannedChange> plan, Counter counter,
			Map<String, List<TargetRelation>> relationsByItem, Retirement retirement) {
		Map<String, ItemState> items = this.store.loadItems(chunk);
		Map<String, CrossReference> xrefs = this.store.crossReferences(target, chunk);
		List<TargetConnector.UpsertRequest> requests = new ArrayList<>();
		for (String id : chunk) {
			ItemState item = items.get(id);
			if (item == null) {
				continue;
			}
			if (!mapping.inScope(item.ciClass())) {
				counter.outOfScope++;
				continue;
			}
			if (retirement.isStale(item)) {
				CrossReference xref = xrefs.get(id);
				if (xref != null && xref.ref() != null && xref.ref().recordId() != null
						&& !CrossReference.RETIRED.equals(xref.status())) {
					counter.toRetire.put(id, new RetireCandidate(item, xref, mapping));
				}
				else if (xref != null && CrossReference.RETIRED.equals(xref.status())
						&& !keys(xref.relationsHash()).isEmpty()) {
					// retired before, but removing its relations failed then
					counter.retiredWithRelations.add(id);
				}
				continue;
			}
			TargetPayload payload;
			try {
				payload = mapping.map(ItemViews.toDiscoveredItem(item), id);
			}
			catch (ItemMappingException ex) {
				counter.failed++;
				if (!dryRun) {
					deadLetter(target, id, "map", ItemViews.toDiscoveredItem(item).toString(), ex.getMessage(), 0);
				}
				continue;
			}
			CrossReference xref = xrefs.get(id);
			if (!payload.relations().isEmpty()
					|| (xref != null && xref.relationsHash() != null && !xref.relationsHash().isEmpty())) {
				// also with none now: those pushed before are to be removed
				relationsByItem.put(id, payload.relations());
			}
			boolean unchanged = xref != null && CrossReference.OK.equals(xref.status())
					&& payload.contentHash().equals(xref.lastHash());
			if (dryRun && plan != null) {
				plan.add(planned(target, id, xref, payload, unchanged));
			}
			if (unchanged) {
				counter.unchanged++;
				continue;
			}
			if (dryRun) {
				if (xref == null || xref.ref() == null || xref.ref().recordId() == null) {
					counter.created++;
				}
				else {
					counter.updated++;
				}
			}
			requests.add(new TargetConnector.UpsertRequest(payload,
					(xref != null && xref.ref() != null && xref.ref().recordId() != null) ? xref.ref() : null));
		}
		if (dryRun || requests.isEmpty()) {
			return;
		}
		requests = lookUpUnansweredCreates(target, connector, guard, xrefs, requests, counter);
		markCreatesPending(target, xrefs, requests);
		List<PushOutcome> outcomes;
		List<List<TargetConnector.UpsertRequest>> sent = new ArrayList<>(List.of(requests));
		AtomicInteger attempts = new AtomicInteger();
		try {
			outcomes = guard.call(() -> {
				counter.calls.incrementAndGet();
				if (attempts.getAndIncrement() > 0) {
					// the failed attempt may have created records before its answer was
					// lost
					sent.set(0, findCreated(connector, sent.get(0), counter));
				}
				return connector.upsert(sent.get(0));
			});
			requests = sent.get(0);
		}
		catch (TargetException ex) {
			for (TargetConnector.UpsertRequest request : requests) {
				counter.failed++;
				deadLetter(target, request.payload().itemId(), "upsert", payloadJson(request.payload()),
						ex.getMessage(), this.guardSettings.maxAttempts());
			}
			return;
		}
		List<CrossReference> updated = new ArrayList<>(requests.size());
		Instant now = this.clock.instant();
		for (int i = 0; i < requests.size(); i++) {
			TargetPayload payload = requests.get(i).payload();
			PushOutcome outcome = (i < outcomes.size()) ? outcomes.get(i) : null;
			CrossReference previous = xrefs.get(payload.itemId());
			if (outcome == null || outcome.status() == PushOutcome.Status.FAILED) {
				counter.failed++;
				String reason = (outcome != null && outcome.failure() != null) ? outcome.failure().message()
						: "the platform gave no outcome for this record";
				deadLetter(target, payload.itemId(), "upsert", payloadJson(payload), reason, 1);
				if (previous != null && previous.ref() != null && previous.ref().recordId() != null) {
					updated.add(previous.withStatus(CrossReference.FAILED));
				}
				continue;
			}
			switch (outcome.status()) {
				case CREATED -> counter.created++;
				case UNCHANGED -> counter.unchanged++;
				default -> counter.updated++;
			}
			TargetRef ref = (outcome.ref() != null) ? outcome.ref() : (previous != null) ? previous.ref() : null;
			updated.add(new CrossReference(payload.itemId(), target, ref, payload.contentHash(),
					(previous != null) ? previous.relationsHash() : null, CrossReference.OK, now,
					payloadJson(payload)));
		}
		this.store.saveCrossReferences(updated);
	}

	/**
	 * Creates sent before without an answer may have gone through: find those records by
	 * their identifiers, and update them instead of creating them again.
	 */
	private List<TargetConnector.UpsertRequest> lookUpUnansweredCreates(String target, TargetConnector connector,
			TargetGuard guard, Map<String, CrossReference> xrefs, List<TargetConnector.UpsertRequest> requests,
			Counter counter) {
		List<TargetPayload> unanswered = new ArrayList<>();
		for (TargetConnector.UpsertRequest request : requests) {
			CrossReference xref = xrefs.get(request.payload().itemId());
			if (request.known() == null && xref != null && CrossReference.PENDING.equals(xref.status())) {
				unanswered.add(request.payload());
			}
		}
		if (unanswered.isEmpty()) {
			return requests;
		}
		Map<String, TargetRef> found = counted(guard, counter, () -> connector.find(unanswered));
		if (found.isEmpty()) {
			return requests;
		}
		log.info("Target {}: {} earlier creates had gone through unanswered; updating them", target, found.size());
		List<TargetConnector.UpsertRequest> resolved = new ArrayList<>(requests.size());
		for (TargetConnector.UpsertRequest request : requests) {
			TargetRef ref = found.get(request.payload().itemId());
			resolved.add((ref != null) ? new TargetConnector.UpsertRequest(request.payload(), ref) : request);
		}
		return resolved;
	}

	private List<TargetConnector.UpsertRequest> findCreated(TargetConnector connector,
			List<TargetConnector.UpsertRequest> requests, Counter counter) {
		List<TargetPayload> creates = requests.stream()
			.filter((request) -> request.known() == null)
			.map(TargetConnector.UpsertRequest::payload)
			.toList();
		if (creates.isEmpty()) {
			return requests;
		}
		counter.calls.incrementAndGet();
		Map<String, TargetRef> found = connector.find(creates);
		List<TargetConnector.UpsertRequest> resolved = new ArrayList<>(requests.size());
		for (TargetConnector.UpsertRequest request : requests) {
			TargetRef ref = (request.known() == null) ? found.get(request.payload().itemId()) : null;
			resolved.add((ref != null) ? new TargetConnector.UpsertRequest(request.payload(), ref) : request);
		}
		return resolved;
	}

	private void markCreatesPending(String target, Map<String, CrossReference> xrefs,
			List<TargetConnector.UpsertRequest> requests) {
		List<CrossReference> pending = new ArrayList<>();
		for (TargetConnector.UpsertRequest request : requests) {
			String id = request.payload().itemId();
			if (request.known() == null) {
				CrossReference previous = xrefs.get(id);
				CrossReference marked = new CrossReference(id, target, null, null,
						(previous != null) ? previous.relationsHash() : null, CrossReference.PENDING,
						(previous != null) ? previous.pushedAt() : null, null);
				pending.add(marked);
				xrefs.put(id, marked);
			}
		}
		if (!pending.isEmpty()) {
			this.store.saveCrossReferences(pending);
		}
	}

	/**
	 * Second pass: relations whose both ends now have a record and were not pushed before
	 * are pushed; relations pushed before whose other end is retired now, or that the
	 * item no longer reports, are removed. While a relation of the same type and
	 * direction waits for an end the hub cannot resolve, the ones pushed before stay: the
	 * pending one may be one of them.
	 */
	private void relate(String target, TargetConnector connector, TargetGuard guard,
			Map<String, List<TargetRelation>> relationsByItem, Counter counter, CompiledMapping mapping) {
		if (relationsByItem.isEmpty()) {
			return;
		}
		Set<Identifiers> targets = new LinkedHashSet<>();
		relationsByItem.values().forEach((list) -> list.forEach((relation) -> targets.add(relation.target())));
		Map<Identifiers, String> targetItems = targets.isEmpty() ? Map.of() : this.store.resolveTargets(targets);
		Set<String> involved = new LinkedHashSet<>(relationsByItem.keySet());
		involved.addAll(targetItems.values());
		Map<String, CrossReference> xrefs = this.store.crossReferences(target, involved);
		Set<String> outOfScope = outOfScope(targetItems.values(), xrefs, mapping);
		List<TargetConnector.RelationRequest> requests = new ArrayList<>();
		List<TargetConnector.RelationRequest> removals = new ArrayList<>();
		Map<String, Set<String>> pushed = new HashMap<>();
		Map<String, TargetRef> records = new HashMap<>();
		xrefs.values().forEach((x) -> {
			if (x.ref() != null && x.ref().recordId() != null) {
				records.put(x.ref().recordId(), x.ref());
			}
		});
		for (Map.Entry<String, List<TargetRelation>> entry : relationsByItem.entrySet()) {
			CrossReference from = xrefs.get(entry.getKey());
			if (from == null || from.ref() == null || from.ref().recordId() == null) {
				counter.relationsPending += entry.getValue().size();
				continue;
			}
			Set<String> already = keys(from.relationsHash());
			Set<String> wanted = new HashSet<>();
			Set<String> waiting = new HashSet<>();
			for (TargetRelation relation : entry.getValue()) {
				String kind = relation.platformType() + "|" + relation.reverse();
				String toItem = targetItems.get(relation.target());
				CrossReference to = (toItem != null) ? xrefs.get(toItem) : null;
				if (to != null && CrossReference.RETIRED.equals(to.status())) {
					// its other end is retired: neither pushed nor waiting
					continue;
				}
				if (toItem != null && outOfScope.contains(toItem)) {
					// the mapping leaves its other end out of this target: never pushed,
					// not
					// waiting
					continue;
				}
				if (to == null || to.ref() == null || to.ref().recordId() == null) {
					counter.relationsPending++;
					if (toItem == null) {
						waiting.add(kind);
					}
					continue;
				}
				String key = kind + "|" + to.ref().recordId();
				if (wanted.add(key) && !already.contains(key)) {
					requests.add(new TargetConnector.RelationRequest(entry.getKey(), from.ref(), relation, to.ref()));
				}
			}
			for (String key : already) {
				if (!wanted.contains(key) && !waiting.contains(kindOf(key))) {
					removals.add(removal(entry.getKey(), from.ref(), key, records));
				}
			}
			pushed.put(entry.getKey(), new TreeSet<>(already));
		}
		int batchSize = Math.max(1, connector.maxBatchSize());
		for (int from = 0; from < requests.size(); from += batchSize) {
			List<TargetConnector.RelationRequest> batch = requests.subList(from,
					Math.min(requests.size(), from + batchSize));
			try {
				List<PushOutcome> outcomes = counted(guard, counter, () -> connector.relate(batch));
				for (int i = 0; i < batch.size(); i++) {
					PushOutcome outcome = (i < outcomes.size()) ? outcomes.get(i) : null;
					TargetConnector.RelationRequest request = batch.get(i);
					if (outcome != null && outcome.status() != PushOutcome.Status.FAILED) {
						counter.relationsPushed++;
						pushed.get(request.itemId()).add(key(request));
					}
					else {
						deadLetter(target, request.itemId(), "relate", relationJson(request),
								(outcome != null && outcome.failure() != null) ? outcome.failure().message()
										: "no outcome",
								1);
					}
				}
			}
			catch (TargetException ex) {
				for (TargetConnector.RelationRequest request : batch) {
					deadLetter(target, request.itemId(), "relate", relationJson(request), ex.getMessage(),
							this.guardSettings.maxAttempts());
				}
			}
		}
		unrelate(target, connector, guard, removals, pushed, counter);
		List<CrossReference> updated = new ArrayList<>();
		pushed.forEach((itemId, keys) -> {
			CrossReference x = xrefs.get(itemId);
			if (!keys.equals(keys(x.relationsHash()))) {
				updated.add(new CrossReference(itemId, target, x.ref(), x.lastHash(),
						keys.isEmpty() ? null : String.join("\n", keys), x.status(), x.pushedAt(), x.lastPayload()));
			}
		});
		this.store.saveCrossReferences(updated);
	}

	/**
	 * The items among relation ends that have no record in the target because the
	 * target's mapping leaves their class out.
	 */
	private Set<String> outOfScope(Collection<String> ends, Map<String, CrossReference> xrefs,
			CompiledMapping mapping) {
		Set<String> unpushed = new LinkedHashSet<>();
		for (String end : ends) {
			CrossReference x = xrefs.get(end);
			if (x == null || x.ref() == null || x.ref().recordId() == null) {
				unpushed.add(end);
			}
		}
		Set<String> outOfScope = new HashSet<>();
		if (mapping != null && !unpushed.isEmpty()) {
			this.store.loadItems(List.copyOf(unpushed)).forEach((id, item) -> {
				if (!mapping.inScope(item.ciClass())) {
					outOfScope.add(id);
				}
			});
		}
		return outOfScope;
	}

	/**
	 * Removes every relation pushed from the items retired in this run, and from those
	 * retired before whose relations could not be removed then.
	 */
	private void unrelateRetired(String target, TargetConnector connector, TargetGuard guard, Counter counter) {
		Set<String> ids = new LinkedHashSet<>(counter.retiredWithRelations);
		counter.toRetire.forEach((id, candidate) -> {
			if (!keys(candidate.xref().relationsHash()).isEmpty()) {
				ids.add(id);
			}
		});
		if (ids.isEmpty()) {
			return;
		}
		Map<String, CrossReference> xrefs = this.store.crossReferences(target, ids);
		List<TargetConnector.RelationRequest> removals = new ArrayList<>();
		Map<String, Set<String>> pushed = new HashMap<>();
		for (CrossReference x : xrefs.values()) {
			if (!CrossReference.RETIRED.equals(x.status()) || x.ref() == null || x.ref().recordId() == null) {
				// its retirement failed: it is tried again next run
				continue;
			}
			Set<String> already = keys(x.relationsHash());
			already.forEach((key) -> removals.add(removal(x.itemId(), x.ref(), key, Map.of())));
			pushed.put(x.itemId(), already);
		}
		unrelate(target, connector, guard, removals, pushed, counter);
		List<CrossReference> updated = new ArrayList<>();
		pushed.forEach((itemId, keys) -> {
			CrossReference x = xrefs.get(itemId);
			if (!keys.equals(keys(x.relationsHash()))) {
				updated.add(new CrossReference(itemId, target, x.ref(), x.lastHash(),
						keys.isEmpty() ? null : String.join("\n", keys), x.status(), x.pushedAt(), x.lastPayload()));
			}
		});
		this.store.saveCrossReferences(updated);
	}

	/**
	 * Removes relations from the target and their keys from {@code pushed}. A connector
	 * that cannot remove relations leaves them in place: they are forgotten, with a
	 * warning, rather than tried again every run.
	 */
	private void unrelate(String target, TargetConnector connector, TargetGuard guard,
			List<TargetConnector.RelationRequest> removals, Map<String, Set<String>> pushed, Counter counter) {
		int batchSize = Math.max(1, connector.maxBatchSize());
		int unsupported = 0;
		for (int from = 0; from < removals.size(); from += batchSize) {
			List<TargetConnector.RelationRequest> batch = removals.subList(from,
					Math.min(removals.size(), from + batchSize));
			try {
				List<PushOutcome> outcomes = counted(guard, counter, () -> connector.unrelate(batch));
				for (int i = 0; i < batch.size(); i++) {
					PushOutcome outcome = (i < outcomes.size()) ? outcomes.get(i) : null;
					TargetConnector.RelationRequest request = batch.get(i);
					if (outcome != null && outcome.status() != PushOutcome.Status.FAILED) {
						counter.relationsRetired++;
						pushed.get(request.itemId()).remove(key(request));
					}
					else if (outcome != null && outcome.failure() != null
							&& TargetConnector.UNRELATE_UNSUPPORTED.equals(outcome.failure().message())) {
						unsupported++;
						pushed.get(request.itemId()).remove(key(request));
					}
					else {
						deadLetter(target, request.itemId(), "unrelate", relationJson(request),
								(outcome != null && outcome.failure() != null) ? outcome.failure().message()
										: "no outcome",
								1);
					}
				}
			}
			catch (TargetException ex) {
				for (TargetConnector.RelationRequest request : batch) {
					deadLetter(target, request.itemId(), "unrelate", relationJson(request), ex.getMessage(),
							this.guardSettings.maxAttempts());
				}
			}
		}
		if (unsupported > 0) {
			log.warn("Target {}: {} relations to retired or unreported items stay in the platform: its connector "
					+ "cannot remove relations", target, unsupported);
		}
	}

	/** A relation as it was pushed, from its key in the cross-reference. */
	private static TargetConnector.RelationRequest removal(String itemId, TargetRef from, String key,
			Map<String, TargetRef> records) {
		int last = key.lastIndexOf('|');
		int middle = key.lastIndexOf('|', last - 1);
		String type = key.substring(0, middle);
		String recordId = key.substring(last + 1);
		// the canonical type and the other end's identifiers are not kept: the platform
		// type, the direction and the record are what a connector removes by
		TargetRelation relation = new TargetRelation(type, type, Boolean.parseBoolean(key.substring(middle + 1, last)),
				Identifiers.none());
		return new TargetConnector.RelationRequest(itemId, from, relation,
				records.getOrDefault(recordId, TargetRef.of(recordId)));
	}

	/** The key of a pushed relation: platform type, direction and the other record. */
	private static String key(TargetConnector.RelationRequest request) {
		return request.relation().platformType() + "|" + request.relation().reverse() + "|" + request.to().recordId();
	}

	private static String kindOf(String key) {
		return key.substring(0, key.lastIndexOf('|'));
	}

	/**
	 * Retires, in the platform's own way (through the mapping), what no authoritative
	 * source still sees.
	 */
	private void retire(String target, TargetConnector connector, TargetGuard guard, Counter counter) {
		if (counter.toRetire.isEmpty()) {
			return;
		}
		List<TargetConnector.RetireRequest> requests = new ArrayList<>();
		for (Map.Entry<String, RetireCandidate> entry : counter.toRetire.entrySet()) {
			RetireCandidate candidate = entry.getValue();
			DiscoveredItem view = ItemViews.toDiscoveredItem(candidate.item());
			Map<String, Object> facts = new LinkedHashMap<>(view.facts().asMap());
			facts.put(LifecycleFacts.FactName.LIFECYCLE_STATUS, LifecycleStatus.RETIRED);
			DiscoveredItem retired = new DiscoveredItem(view.source(), view.sourceKey(), view.ciClass(), view.name(),
					view.identifiers(), view.attributes(), LifecycleFacts.fromMap(facts), view.relationships(),
					view.observedAt());
			try {
				TargetPayload payload = candidate.mapping().map(retired, entry.getKey());
				requests.add(new TargetConnector.RetireRequest(entry.getKey(), candidate.xref().ref(), payload));
			}
			catch (ItemMappingException ex) {
				counter.failed++;
				deadLetter(target, entry.getKey(), "retire", retired.toString(), ex.getMessage(), 0);
			}
		}
		int batchSize = Math.max(1, connector.maxBatchSize());
		Instant now = this.clock.instant();
		for (int from = 0; from < requests.size(); from += batchSize) {
			List<TargetConnector.RetireRequest> batch = requests.subList(from,
					Math.min(requests.size(), from + batchSize));
			List<CrossReference> updated = new ArrayList<>();
			try {
				List<PushOutcome> outcomes = counted(guard, counter, () -> connector.retire(batch));
				for (int i = 0; i < batch.size(); i++) {
					TargetConnector.RetireRequest request = batch.get(i);
					PushOutcome outcome = (i < outcomes.size()) ? outcomes.get(i) : null;
					CrossReference xref = counter.toRetire.get(request.itemId()).xref();
					if (outcome != null && outcome.status() != PushOutcome.Status.FAILED) {
						counter.retired++;
						updated.add(new CrossReference(request.itemId(), target, xref.ref(),
								request.payload().contentHash(), xref.relationsHash(), CrossReference.RETIRED, now,
								payloadJson(request.payload())));
					}
					else {
						counter.failed++;
						deadLetter(target, request.itemId(), "retire", payloadJson(request.payload()),
								(outcome != null && outcome.failure() != null) ? outcome.failure().message()
										: "no outcome",
								1);
					}
				}
			}
			catch (TargetException ex) {
				for (TargetConnector.RetireRequest request : batch) {
					counter.failed++;
					deadLetter(target, request.itemId(), "retire", payloadJson(request.payload()), ex.getMessage(),
							this.guardSettings.maxAttempts());
				}
			}
			this.store.saveCrossReferences(updated);
		}
	}

	private Retirement retirement(SyncMode mode, SyncPolicy policy, Instant now) {
		if (mode != SyncMode.FULL || policy.retireAfter() == null || policy.authoritativeSources().isEmpty()) {
			return Retirement.NEVER;
		}
		return new Retirement(Set.copyOf(policy.authoritativeSources()),
				this.store.sourcesWithoutAGoodLastRun(policy.authoritativeSources()), now.minus(policy.retireAfter()));
	}

	/**
	 * Which items no authoritative source has seen since the cut-off. Sources whose last
	 * run failed or brought nothing keep every item they saw alive.
	 */
	private record Retirement(Set<String> authoritative, Set<String> unreliable, Instant cutOff) {

		static final Retirement NEVER = new Retirement(Set.of(), Set.of(), Instant.MIN);

		boolean isStale(ItemState item) {
			if (this.authoritative.isEmpty()) {
				return false;
			}
			Instant latest = null;
			for (var sighting : item.sightings().values()) {
				if (this.authoritative.contains(sighting.source())) {
					if (this.unreliable.contains(sighting.source())) {
						return false;
					}
					if (latest == null || sighting.lastSeen().isAfter(latest)) {
						latest = sighting.lastSeen();
					}
				}
			}
			return latest != null && latest.isBefore(this.cutOff);
		}

	}

	private record RetireCandidate(ItemState item, CrossReference xref, CompiledMapping mapping) {

	}

	private static Set<String> keys(String joined) {
		Set<String> keys = new TreeSet<>();
		if (joined != null && !joined.isEmpty()) {
			keys.addAll(List.of(joined.split("\n")));
		}
		return keys;
	}

	private <T> T counted(TargetGuard guard, Counter counter, Supplier<T> call) {
		return guard.call(() -> {
			counter.calls.incrementAndGet();
			return call.get();
		});
	}

	private void deadLetter(String target, String itemId, String operation, String payload, String reason,
			int attempts) {
		this.store.addDeadLetter(new DeadLetter(0, target, itemId, operation, payload,
				(reason != null) ? reason : "unknown", attempts, "open", this.clock.instant()));
	}

	private SyncResult.PlannedChange planned(String target, String itemId, CrossReference xref, TargetPayload payload,
			boolean unchanged) {
		String action = (xref == null || xref.ref() == null) ? "create" : unchanged ? "unchanged" : "update";
		Map<String, List<Object>> fields = new LinkedHashMap<>();
		if (!unchanged) {
			Map<String, JsonNode> before = flatten(
					(xref != null && xref.lastPayload() != null) ? read(xref.lastPayload()) : null);
			Map<String, JsonNode> after = flatten(PayloadJson.payload(payload));
			Set<String> names = new TreeSet<>(before.keySet());
			names.addAll(after.keySet());
			for (String name : names) {
				JsonNode old = before.get(name);
				JsonNode now = after.get(name);
				if (old == null || !old.equals(now)) {
					fields.put(name, java.util.Arrays.asList(old, now));
				}
			}
		}
		return new SyncResult.PlannedChange(target, itemId, action, fields);
	}

	/** Record fields by {@code role.field}, as a dry-run plan lists them. */
	private static Map<String, JsonNode> flatten(JsonNode payload) {
		Map<String, JsonNode> fields = new LinkedHashMap<>();
		if (payload == null) {
			return fields;
		}
		for (JsonNode record : payload.path("records")) {
			String role = record.path("role").asText();
			for (Iterator<Map.Entry<String, JsonNode>> it = record.path("fields").fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> field = it.next();
				fields.put(role + "." + field.getKey(), field.getValue());
			}
		}
		return fields;
	}

	private static String payloadJson(TargetPayload payload) {
		return PayloadJson.payload(payload).toString();
	}

	private static String relationJson(TargetConnector.RelationRequest request) {
		ObjectNode node = JSON.createObjectNode();
		node.put("from", request.from().recordId());
		node.put("to", request.to().recordId());
		node.put("type", request.relation().platformType());
		node.put("reverse", request.relation().reverse());
		return node.toString();
	}

	private static JsonNode read(String json) {
		try {
			return JSON.readTree(json);
		}
		catch (java.io.IOException ex) {
			return null;
		}
	}

	/** Looks up the connector of a platform. */
	public Optional<TargetConnector> connector(String platform) {
		return Optional.ofNullable(this.connectors.get(platform));
	}

	private static final class Counter {

		int created;

		int updated;

		int unchanged;

		int outOfScope;

		int failed;

		int relationsPushed;

		int relationsPending;

		int retired;

		int relationsRetired;

		final Map<String, RetireCandidate> toRetire = new LinkedHashMap<>();

		final Set<String> retiredWithRelations = new LinkedHashSet<>();

		final AtomicInteger calls = new AtomicInteger();

	}

	/** A run of an integration was asked for while another was running. */
	public static class RunInProgressException extends RuntimeException {

		public RunInProgressException(String integration) {
			super("integration '" + integration + "' is already running; runs of one integration never overlap");
		}

	}

}
