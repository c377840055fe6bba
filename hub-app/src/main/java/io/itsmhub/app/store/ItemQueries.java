package io.itsmhub.app.store;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;

import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.Identifiers;
import io.itsmhub.reconciliation.identify.IdentifierNormalizer;
import io.itsmhub.reconciliation.item.ItemState;
import io.itsmhub.reconciliation.item.StoredRelationship;

/** The read side of the item store: look-ups, pages, history, conflicts. */
public class ItemQueries {

	private final JdbcTemplate jdbc;

	private final JdbcItemRepository items;

	private final IdentifierNormalizer normalizer;

	public ItemQueries(JdbcTemplate jdbc, JdbcItemRepository items, IdentifierNormalizer normalizer) {
		this.jdbc = jdbc;
		this.items = items;
		this.normalizer = normalizer;
	}

	public ItemState get(String id) {
		return this.items.load(List.of(id)).get(id);
	}

	/**
	 * Items that hold an identifier; the value is normalized first, so any spelling of a
	 * MAC address or serial finds the item.
	 * @throws IllegalArgumentException when the value is not of the type's form
	 */
	public List<ItemState> findByIdentifier(IdentifierType type, String value) {
		String normalized = this.normalizer.normalize(type, value);
		if (normalized == null) {
			return List.of();
		}
		List<String> ids = this.jdbc.query(
				"SELECT item_id FROM item_identifiers WHERE id_type = ? AND id_value = ? ORDER BY item_id",
				(rs, row) -> rs.getString(1), type.id(), normalized);
		return ordered(ids);
	}

	public List<ItemState> findBySource(String source, String sourceKey) {
		List<String> ids = this.jdbc.query("SELECT item_id FROM item_sources WHERE source = ? AND source_key = ?",
				(rs, row) -> rs.getString(1), source, sourceKey);
		return ordered(ids);
	}

	public List<ItemState> page(int page, int size) {
		List<String> ids = this.jdbc.query("SELECT id FROM items ORDER BY created_at, id OFFSET " + (page * size)
				+ " ROWS FETCH NEXT " + size + " ROWS ONLY", (rs, row) -> rs.getString(1));
		return ordered(ids);
	}

	public long count() {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM items", Long.class);
		return (count != null) ? count : 0;
	}

	public List<HistoryEntry> history(String itemId) {
		return this.jdbc.query(
				"SELECT id, field, old_value, new_value, source, changed_at FROM item_changes WHERE item_id = ? ORDER BY id",
				(rs, row) -> new HistoryEntry(rs.getLong(1), rs.getString(2), json(rs.getString(3)),
						json(rs.getString(4)), rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()),
				itemId);
	}

	public List<ConflictView> conflicts(String status) {
		return this.jdbc.query(
				"SELECT id, key_type, key_value, item_ids, source, source_key, reason, status, detected_at FROM conflicts "
						+ ((status != null) ? "WHERE status = ? " : "") + "ORDER BY id",
				(rs, row) -> new ConflictView(rs.getLong(1), rs.getString(2), rs.getString(3),
						List.of(rs.getString(4).split(",")), rs.getString(5), rs.getString(6), rs.getString(7),
						rs.getString(8), rs.getObject(9, OffsetDateTime.class).toInstant()),
				(status != null) ? new Object[] { status } : new Object[0]);
	}

	/** Each target's record for an item. */
	public List<TargetReference> targets(String itemId) {
		return this.jdbc.query(
				"SELECT target, record_id, record_key, status, pushed_at FROM target_xref WHERE item_id = ? ORDER BY target",
				(rs, row) -> {
					OffsetDateTime pushed = rs.getObject(5, OffsetDateTime.class);
					return new TargetReference(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
							(pushed != null) ? pushed.toInstant() : null);
				}, itemId);
	}

	/**
	 * Resolves relationship targets to items by their identifiers, now: a target that no
	 * item holds is pending, one that several items hold is ambiguous.
	 */
	public Map<Identifiers, Resolution> resolve(Collection<StoredRelationship> relationships) {
		return resolveIdentifiers(relationships.stream().map(StoredRelationship::target).toList());
	}

	/** Resolves targets named by identifiers to the one item that holds them. */
	public Map<Identifiers, Resolution> resolveIdentifiers(Collection<Identifiers> targets) {
		Map<IdentifierType, Set<String>> wanted = new HashMap<>();
		for (Identifiers target : targets) {
			target.asMap()
				.forEach((type, values) -> wanted.computeIfAbsent(type, (t) -> new LinkedHashSet<>()).addAll(values));
		}
		Map<String, Set<String>> holders = new HashMap<>();
		wanted.forEach((type, values) -> {
			List<String> list = new ArrayList<>(values);
			for (int i = 0; i < list.size(); i += 500) {
				this.items.in()
					.queryKeyed(this.jdbc, "id_value, item_id", "item_identifiers", "id_type", type.id(), "id_value",
							list.subList(i, Math.min(list.size(), i + 500)), (rs) -> {
								holders.computeIfAbsent(type.id() + ":" + rs.getString(1), (k) -> new LinkedHashSet<>())
									.add(rs.getString(2));
							});
			}
		});
		Map<Identifiers, Resolution> resolved = new HashMap<>();
		for (Identifiers target : targets) {
			Set<String> candidates = new LinkedHashSet<>();
			target.asMap()
				.forEach((type, values) -> values
					.forEach((value) -> candidates.addAll(holders.getOrDefault(type.id() + ":" + value, Set.of()))));
			resolved.put(target, candidates.isEmpty() ? new Resolution(null, "pending") : (candidates.size() == 1)
					? new Resolution(candidates.iterator().next(), "resolved") : new Resolution(null, "ambiguous"));
		}
		return resolved;
	}

	private static JsonNode json(String text) {
		if (text == null) {
			return null;
		}
		try {
			return JSON.readTree(text);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			return com.fasterxml.jackson.databind.node.TextNode.valueOf(text);
		}
	}

	private static final ObjectMapper JSON = new ObjectMapper()
		.enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

	private List<ItemState> ordered(List<String> ids) {
		Map<String, ItemState> loaded = this.items.load(ids);
		List<ItemState> out = new ArrayList<>(ids.size());
		for (String id : ids) {
			ItemState item = loaded.get(id);
			if (item != null) {
				out.add(item);
			}
		}
		return out;
	}

	/**
	 * One entry of an item's history.
	 *
	 * @param id the entry's id, increasing
	 * @param field the field
	 * @param oldValue the value before, as JSON
	 * @param newValue the value after, as JSON
	 * @param source the source that changed it
	 * @param changedAt when
	 */
	public record HistoryEntry(long id, String field, JsonNode oldValue, JsonNode newValue, String source,
			java.time.Instant changedAt) {

	}

	/**
	 * An identifier collision.
	 *
	 * @param id the conflict's id
	 * @param keyType the rule whose key collided
	 * @param keyValue the value
	 * @param itemIds the items involved
	 * @param source the incoming record's source
	 * @param sourceKey the incoming record's key
	 * @param reason what happened
	 * @param status {@code open} until a person decides
	 * @param detectedAt when it was found
	 */
	public record ConflictView(long id, String keyType, String keyValue, List<String> itemIds, String source,
			String sourceKey, String reason, String status, java.time.Instant detectedAt) {

	}

	/**
	 * An item's record in one target platform.
	 *
	 * @param target the target
	 * @param recordId the platform's record id
	 * @param recordKey the platform's display key, where it has one
	 * @param status the last push's outcome
	 * @param pushedAt when it was last pushed
	 */
	public record TargetReference(String target, String recordId, String recordKey, String status,
			java.time.Instant pushedAt) {

	}

	/**
	 * Where a relationship's target is.
	 *
	 * @param itemId the target item, when resolved
	 * @param status {@code resolved}, {@code pending} or {@code ambiguous}
	 */
	public record Resolution(String itemId, String status) {

	}

}
