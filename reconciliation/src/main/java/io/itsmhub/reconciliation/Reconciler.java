package io.itsmhub.reconciliation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.itsmhub.api.ingest.FieldError;
import io.itsmhub.api.ingest.IngestReport;
import io.itsmhub.api.ingest.ItemSink;
import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.ingest.RecordRejection;
import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.Identifiers;
import io.itsmhub.api.model.Relationship;
import io.itsmhub.api.model.RelationshipType;
import io.itsmhub.reconciliation.identify.DiscardedValue;
import io.itsmhub.reconciliation.identify.IdentificationRule;
import io.itsmhub.reconciliation.identify.IdentificationRules;
import io.itsmhub.reconciliation.identify.IdentifierNormalizer;
import io.itsmhub.reconciliation.identify.IdentityKey;
import io.itsmhub.reconciliation.item.Conflict;
import io.itsmhub.reconciliation.item.FieldValue;
import io.itsmhub.reconciliation.item.ItemChange;
import io.itsmhub.reconciliation.item.ItemState;
import io.itsmhub.reconciliation.item.SourcePrecedence;
import io.itsmhub.reconciliation.item.SourceSighting;
import io.itsmhub.reconciliation.item.StoredRelationship;
import io.itsmhub.reconciliation.store.ItemRepository;
import io.itsmhub.reconciliation.store.ReconciliationBatch;

/**
 * Identifies each record (which item does it describe?) and reconciles it into that item
 * (what do we now believe?). One batch is read from the store in bulk, worked through
 * record by record in memory, and written back as one batch: a record that cannot be
 * identified is rejected on its own, and the others go on.
 *
 * <p>
 * One reconciler serializes its batches; several hub instances are kept apart by the
 * store's unique identity keys, and a batch that loses a race for a key is reconciled
 * again.
 */
public final class Reconciler implements ItemSink {

	private static final String SOURCE_KEY = IdentifierType.SOURCE_KEY.id();

	private final IdentificationRules rules;

	private final IdentifierNormalizer normalizer;

	private final SourcePrecedence precedence;

	private final ItemRepository repository;

	private final Clock clock;

	public Reconciler(IdentificationRules rules, IdentifierNormalizer normalizer, SourcePrecedence precedence,
			ItemRepository repository, Clock clock) {
		this.rules = rules;
		this.normalizer = normalizer;
		this.precedence = precedence;
		this.repository = repository;
		this.clock = clock;
	}

	@Override
	public IngestReport accept(String source, ParsedRecords records) {
		return reconcile(source, records).report();
	}

	/**
	 * Identifies and reconciles a batch of one source's records, and stores the result.
	 */
	public synchronized ReconciliationResult reconcile(String source, ParsedRecords records) {
		for (int attempt = 1;; attempt++) {
			try {
				return reconcileOnce(source, records);
			}
			catch (ItemRepository.KeyTakenException ex) {
				if (attempt >= 3) {
					throw ex;
				}
			}
		}
	}

	private ReconciliationResult reconcileOnce(String source, ParsedRecords records) {
		Instant now = this.clock.instant();
		List<Prepared> prepared = new ArrayList<>(records.items().size());
		List<RecordRejection> rejections = new ArrayList<>(records.rejections());
		Set<IdentityKey> allKeys = new HashSet<>();
		for (ParsedRecords.Indexed indexed : records.items()) {
			Prepared record = prepare(indexed);
			if (record.rejection != null) {
				rejections.add(record.rejection);
				continue;
			}
			prepared.add(record);
			allKeys.add(record.sourceKey);
			record.keysByRule.values().forEach(allKeys::addAll);
		}
		Batch batch = new Batch(now);
		batch.owners.putAll(this.repository.findOwners(allKeys));
		batch.items.putAll(this.repository.load(new HashSet<>(batch.owners.values())));
		List<RecordOutcome> outcomes = new ArrayList<>(prepared.size());
		for (Prepared record : prepared) {
			outcomes.add(apply(record, batch));
		}
		this.repository.save(batch.toSave());
		int created = count(outcomes, RecordOutcome.Status.CREATED);
		int updated = count(outcomes, RecordOutcome.Status.UPDATED);
		int unchanged = count(outcomes, RecordOutcome.Status.UNCHANGED);
		int conflicts = count(outcomes, RecordOutcome.Status.CONFLICT);
		rejections.addAll(batch.rejections);
		for (RecordOutcome outcome : outcomes) {
			if (outcome.status() == RecordOutcome.Status.CONFLICT) {
				rejections.add(RecordRejection.of(outcome.index(), outcome.sourceKey(), "identifiers",
						"its identifiers point at several items; not applied, recorded as a conflict"));
			}
		}
		IngestReport report = new IngestReport(source, records.total(), created, updated, unchanged, conflicts,
				rejections);
		return new ReconciliationResult(report, outcomes);
	}

	/**
	 * A random (version 4) UUID. Item ids are not secrets, so they come from a fast
	 * generator rather than the JDK's secure one, which serializes on the system's
	 * entropy source and showed in profiles.
	 */
	private static String newItemId() {
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & ~(0x3L << 62)) | (0x2L << 62);
		return new UUID(high, low).toString();
	}

	private static int count(List<RecordOutcome> outcomes, RecordOutcome.Status status) {
		return (int) outcomes.stream().filter((outcome) -> outcome.status() == status).count();
	}

	private Prepared prepare(ParsedRecords.Indexed indexed) {
		DiscoveredItem item = indexed.item();
		IdentifierNormalizer.Result normalized = this.normalizer.normalize(item.identifiers());
		Map<IdentificationRule, List<IdentityKey>> keysByRule = new LinkedHashMap<>();
		for (IdentificationRule rule : this.rules.forClass(item.ciClass())) {
			List<IdentityKey> keys = rule.keys(item, normalized.values());
			if (!keys.isEmpty()) {
				keysByRule.put(rule, keys);
			}
		}
		List<StoredRelationship> relationships = new ArrayList<>(item.relationships().size());
		for (Relationship relationship : item.relationships()) {
			IdentifierNormalizer.Result target = this.normalizer.normalize(relationship.target());
			if (!target.isEmpty()) {
				relationships.add(new StoredRelationship(item.source(), relationship.type(), toIdentifiers(target)));
			}
		}
		if (normalized.isEmpty() && !indexed.updateOnly() && !isDependent(relationships)) {
			return Prepared.rejected(indexed, noIdentifier(indexed, normalized.discarded()));
		}
		return new Prepared(indexed.index(), item, normalized, keysByRule,
				new IdentityKey(SOURCE_KEY, item.sourceNativeKey()), relationships, indexed.updateOnly(), null);
	}

	/**
	 * Whether a record without identifiers of its own is a dependent item: one that
	 * exists only on another item it names (a guest known by its name on its host), so
	 * that its source key, which its source scopes to that other item, is what identifies
	 * it. It can then never be matched with another source's record, only with its own.
	 */
	private static boolean isDependent(List<StoredRelationship> relationships) {
		return relationships.stream()
			.anyMatch((relationship) -> relationship.type() == RelationshipType.HOSTED_ON
					|| relationship.type() == RelationshipType.RUNS_ON);
	}

	private static RecordRejection noIdentifier(ParsedRecords.Indexed indexed, List<DiscardedValue> discarded) {
		if (discarded.isEmpty()) {
			return RecordRejection.of(indexed.index(), indexed.item().sourceKey(), "identifiers",
					"has no identifier: give at least one of " + IdentifierType.wireNames());
		}
		List<FieldError> errors = discarded.stream()
			.map((value) -> new FieldError("identifiers." + value.type().id(),
					"'" + value.value() + "' " + value.reason() + ", so the record has no usable identifier"))
			.toList();
		return new RecordRejection(indexed.index(), indexed.item().sourceKey(), errors);
	}

	private RecordOutcome apply(Prepared record, Batch batch) {
		DiscoveredItem incoming = record.item;
		String itemId = batch.owners.get(record.sourceKey);
		if (itemId == null) {
			for (Map.Entry<IdentificationRule, List<IdentityKey>> rule : record.keysByRule.entrySet()) {
				Set<String> owners = new LinkedHashSet<>();
				for (IdentityKey key : rule.getValue()) {
					String owner = batch.owners.get(key);
					if (owner != null) {
						owners.add(owner);
					}
				}
				if (owners.size() > 1) {
					batch.conflicts.add(new Conflict(rule.getKey().name(),
							rule.getValue().stream().map(IdentityKey::value).collect(Collectors.joining(", ")),
							List.copyOf(owners), incoming.source(), incoming.sourceKey(), "rule " + rule.getKey().name()
									+ " matches " + owners.size() + " different items; the record was not applied",
							batch.now));
					return new RecordOutcome(record.index, incoming.sourceKey(), null, RecordOutcome.Status.CONFLICT);
				}
				if (owners.size() == 1) {
					itemId = owners.iterator().next();
					break;
				}
			}
		}
		if (itemId == null && record.updateOnly) {
			batch.rejections.add(RecordRejection.of(record.index, incoming.sourceKey(), "sourceKey",
					"only updates an item already known (such as a partial inventory), and no item is known by "
							+ "its source key '" + incoming.sourceNativeKey() + "'"
							+ (record.identifiers.isEmpty() ? "" : " or its identifiers")
							+ " yet: the source's full record creates it"));
			return new RecordOutcome(record.index, incoming.sourceKey(), null, RecordOutcome.Status.REJECTED);
		}
		boolean created = false;
		ItemState item = (itemId != null) ? batch.items.get(itemId) : null;
		if (item == null) {
			item = new ItemState(newItemId(), batch.now, batch.now, 0);
			batch.items.put(item.id(), item);
			batch.created.add(item.id());
			created = true;
		}
		claimKeys(record, item, batch);
		List<ItemChange> changes = merge(record, item, batch.now);
		boolean sighted = sight(item, incoming, batch.now);
		if (!changes.isEmpty() && !created) {
			item.changed(batch.now);
			batch.updated.add(item.id());
		}
		else if (sighted && !created) {
			batch.seen.add(item.id());
		}
		batch.changes.addAll(changes);
		RecordOutcome.Status status = created ? RecordOutcome.Status.CREATED
				: changes.isEmpty() ? RecordOutcome.Status.UNCHANGED : RecordOutcome.Status.UPDATED;
		return new RecordOutcome(record.index, incoming.sourceKey(), item.id(), status);
	}

	/**
	 * Gives the item every key of the record that nobody holds, and records a conflict
	 * for every key that another item holds: such items are never merged silently.
	 */
	private void claimKeys(Prepared record, ItemState item, Batch batch) {
		List<IdentityKey> keys = new ArrayList<>();
		keys.add(record.sourceKey);
		record.keysByRule.values().forEach(keys::addAll);
		for (IdentityKey key : keys) {
			String owner = batch.owners.get(key);
			if (owner == null) {
				batch.owners.put(key, item.id());
				batch.newKeys.put(key, item.id());
				item.keys().add(key);
			}
			else if (!owner.equals(item.id())) {
				batch.conflicts.add(new Conflict(
						key.type(), key.value(), List.of(owner, item.id()), record.item.source(),
						record.item.sourceKey(), "identifier " + key + " already belongs to item " + owner
								+ "; the record was applied to item " + item.id() + " and the two were not merged",
						batch.now));
			}
		}
	}

	private List<ItemChange> merge(Prepared record, ItemState item, Instant now) {
		DiscoveredItem incoming = record.item;
		List<ItemChange> changes = new ArrayList<>();
		if (!record.updateOnly) {
			mergeField(item, ItemState.CI_CLASS, incoming.ciClass(), incoming, now, changes);
		}
		if (incoming.name() != null) {
			mergeField(item, ItemState.NAME, incoming.name(), incoming, now, changes);
		}
		for (Map.Entry<String, Object> attribute : incoming.attributes().entrySet()) {
			mergeField(item, "attributes." + attribute.getKey(), attribute.getValue(), incoming, now, changes);
		}
		for (Map.Entry<String, Object> fact : incoming.facts().asMap().entrySet()) {
			mergeField(item, "facts." + fact.getKey(), fact.getValue(), incoming, now, changes);
		}
		for (Map.Entry<IdentifierType, Set<String>> entry : record.identifiers.values().entrySet()) {
			Set<String> known = item.identifiers().get(entry.getKey());
			if (known == null || !known.containsAll(entry.getValue())) {
				Set<String> before = (known != null) ? Set.copyOf(known) : Set.of();
				Set<String> after = new LinkedHashSet<>(before);
				after.addAll(entry.getValue());
				item.identifiers().put(entry.getKey(), after);
				changes.add(new ItemChange(item.id(), "identifiers." + entry.getKey().id(),
						before.isEmpty() ? null : List.copyOf(before), List.copyOf(after), incoming.source(), now));
			}
		}
		List<StoredRelationship> before = item.relationships().getOrDefault(incoming.source(), List.of());
		if (!before.equals(record.relationships)) {
			if (record.relationships.isEmpty()) {
				item.relationships().remove(incoming.source());
			}
			else {
				item.relationships().put(incoming.source(), List.copyOf(record.relationships));
			}
			changes.add(new ItemChange(item.id(), "relationships[" + incoming.source() + "]", describe(before),
					describe(record.relationships), incoming.source(), now));
		}
		return changes;
	}

	private void mergeField(ItemState item, String field, Object value, DiscoveredItem incoming, Instant now,
			List<ItemChange> changes) {
		FieldValue current = item.fields().get(field);
		String source = incoming.source();
		Instant observedAt = (incoming.observedAt() != null) ? incoming.observedAt() : now;
		if (current != null) {
			if (current.source().equals(source)) {
				// an older report from the same source must not undo a newer one
				if (Objects.equals(current.value(), value) || observedAt.isBefore(current.observedAt())) {
					return;
				}
			}
			else {
				int rankIncoming = this.precedence.rank(field, source);
				int rankCurrent = this.precedence.rank(field, current.source());
				boolean higher = rankIncoming < rankCurrent;
				if (!higher && !isStale(item, current.source(), observedAt)) {
					return;
				}
				if (Objects.equals(current.value(), value)) {
					if (higher) {
						// same value, now vouched for by a higher source: provenance
						// only, no history
						item.fields().put(field, new FieldValue(value, source, observedAt));
					}
					return;
				}
			}
		}
		item.fields().put(field, new FieldValue(value, source, observedAt));
		changes.add(new ItemChange(item.id(), field, (current != null) ? current.value() : null, value, source, now));
	}

	private boolean isStale(ItemState item, String source, Instant observedAt) {
		Instant lastSeen = item.lastSeenBy(source);
		return lastSeen == null || lastSeen.plus(this.precedence.staleness()).isBefore(observedAt);
	}

	/**
	 * Records that the source reported the item; true when the sighting moved forward.
	 */
	private static boolean sight(ItemState item, DiscoveredItem incoming, Instant now) {
		String key = incoming.sourceNativeKey();
		SourceSighting previous = item.sightings().get(key);
		Instant seen = (incoming.observedAt() != null) ? incoming.observedAt() : now;
		if (previous != null && !seen.isAfter(previous.lastSeen())) {
			return false;
		}
		item.sightings().put(key, new SourceSighting(incoming.source(), incoming.sourceKey(), seen));
		return true;
	}

	private static List<String> describe(List<StoredRelationship> relationships) {
		return relationships.stream().map((rel) -> rel.type().id() + " " + rel.target()).toList();
	}

	private static Identifiers toIdentifiers(IdentifierNormalizer.Result normalized) {
		Map<IdentifierType, List<String>> values = new LinkedHashMap<>();
		normalized.values().forEach((type, set) -> values.put(type, List.copyOf(set)));
		return Identifiers.of(values);
	}

	private record Prepared(int index, DiscoveredItem item, IdentifierNormalizer.Result identifiers,
			Map<IdentificationRule, List<IdentityKey>> keysByRule, IdentityKey sourceKey,
			List<StoredRelationship> relationships, boolean updateOnly, RecordRejection rejection) {

		static Prepared rejected(ParsedRecords.Indexed indexed, RecordRejection rejection) {
			return new Prepared(indexed.index(), indexed.item(), null, Map.of(), null, List.of(), false, rejection);
		}

	}

	/** The working set of one batch: what was read, and what is to be written. */
	private static final class Batch {

		final Instant now;

		final Map<IdentityKey, String> owners = new HashMap<>();

		final Map<String, ItemState> items = new HashMap<>();

		final Set<String> created = new LinkedHashSet<>();

		final Set<String> updated = new LinkedHashSet<>();

		final Set<String> seen = new LinkedHashSet<>();

		final Map<IdentityKey, String> newKeys = new LinkedHashMap<>();

		final List<ItemChange> changes = new ArrayList<>();

		final List<Conflict> conflicts = new ArrayList<>();

		final List<RecordRejection> rejections = new ArrayList<>();

		Batch(Instant now) {
			this.now = now;
		}

		ReconciliationBatch toSave() {
			List<ItemState> createdItems = this.created.stream().map(this.items::get).toList();
			List<ItemState> updatedItems = this.updated.stream()
				.filter((id) -> !this.created.contains(id))
				.map(this.items::get)
				.toList();
			List<ItemState> seenItems = this.seen.stream()
				.filter((id) -> !this.created.contains(id) && !this.updated.contains(id))
				.map(this.items::get)
				.toList();
			return new ReconciliationBatch(createdItems, updatedItems, seenItems, this.newKeys, this.changes,
					this.conflicts);
		}

	}

}
