package io.itsmhub.reconciliation.item;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.reconciliation.identify.IdentityKey;

/**
 * The reconciled item: what the hub believes about one real-world thing, field by field
 * with provenance, the source records that describe it, its identifiers and its
 * relationships. Mutable while a batch is reconciled; the store persists it whole.
 */
public final class ItemState {

	public static final String NAME = "name";

	public static final String CI_CLASS = "ciClass";

	private final String id;

	private final Instant createdAt;

	private Instant updatedAt;

	private long version;

	private final Map<String, FieldValue> fields;

	/** By {@code source:sourceKey}. */
	private final Map<String, SourceSighting> sightings;

	private final Map<IdentifierType, Set<String>> identifiers;

	private final Set<IdentityKey> keys;

	/** By source. */
	private final Map<String, List<StoredRelationship>> relationships;

	public ItemState(String id, Instant createdAt, Instant updatedAt, long version) {
		this(id, createdAt, updatedAt, version, new TreeMap<>(), new LinkedHashMap<>(),
				new EnumMap<>(IdentifierType.class), new LinkedHashSet<>(), new TreeMap<>());
	}

	ItemState(String id, Instant createdAt, Instant updatedAt, long version, Map<String, FieldValue> fields,
			Map<String, SourceSighting> sightings, Map<IdentifierType, Set<String>> identifiers, Set<IdentityKey> keys,
			Map<String, List<StoredRelationship>> relationships) {
		this.id = id;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
		this.fields = fields;
		this.sightings = sightings;
		this.identifiers = identifiers;
		this.keys = keys;
		this.relationships = relationships;
	}

	public String id() {
		return this.id;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	public long version() {
		return this.version;
	}

	public CiClass ciClass() {
		FieldValue value = this.fields.get(CI_CLASS);
		return (value != null) ? (CiClass) value.value() : null;
	}

	public String name() {
		FieldValue value = this.fields.get(NAME);
		return (value != null) ? (String) value.value() : null;
	}

	/**
	 * Fields by path ({@code name}, {@code ciClass}, {@code attributes.*},
	 * {@code facts.*}).
	 */
	public Map<String, FieldValue> fields() {
		return this.fields;
	}

	public Map<String, SourceSighting> sightings() {
		return this.sightings;
	}

	public Map<IdentifierType, Set<String>> identifiers() {
		return this.identifiers;
	}

	public Set<IdentityKey> keys() {
		return this.keys;
	}

	public Map<String, List<StoredRelationship>> relationships() {
		return this.relationships;
	}

	/** Every relationship, from all sources, without repeats. */
	public List<StoredRelationship> allRelationships() {
		List<StoredRelationship> all = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (List<StoredRelationship> list : this.relationships.values()) {
			for (StoredRelationship relationship : list) {
				if (seen.add(relationship.type() + " " + relationship.target())) {
					all.add(relationship);
				}
			}
		}
		return all;
	}

	/** When a source last reported the item, or {@code null}. */
	public Instant lastSeenBy(String source) {
		Instant last = null;
		for (SourceSighting sighting : this.sightings.values()) {
			if (sighting.source().equals(source) && (last == null || sighting.lastSeen().isAfter(last))) {
				last = sighting.lastSeen();
			}
		}
		return last;
	}

	/** Counts one accepted change. */
	public void changed(Instant at) {
		this.version++;
		this.updatedAt = at;
	}

}
