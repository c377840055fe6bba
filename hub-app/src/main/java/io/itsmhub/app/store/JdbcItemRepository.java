package io.itsmhub.app.store;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.itsmhub.api.json.CanonicalItemWriter;
import io.itsmhub.reconciliation.identify.IdentityKey;
import io.itsmhub.reconciliation.item.Conflict;
import io.itsmhub.reconciliation.item.FieldCodec;
import io.itsmhub.reconciliation.item.ItemChange;
import io.itsmhub.reconciliation.item.ItemDocument;
import io.itsmhub.reconciliation.item.ItemState;
import io.itsmhub.reconciliation.item.SourceSighting;
import io.itsmhub.reconciliation.item.StoredRelationship;
import io.itsmhub.reconciliation.store.ItemRepository;
import io.itsmhub.reconciliation.store.ReconciliationBatch;

/**
 * Items in a relational database (HSQLDB or PostgreSQL, the same SQL). Reads are a few
 * IN-list queries per batch and a batch is written with JDBC batches in one transaction,
 * so the number of round trips grows with batches, not items.
 */
public class JdbcItemRepository implements ItemRepository {

	/**
	 * Below every database's bind-parameter limit, and large enough to amortize a round
	 * trip.
	 */
	private static final int IN_LIST = 500;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final InList in;

	public JdbcItemRepository(JdbcTemplate jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.in = new InList(jdbc);
	}

	/** The "value in list" helper of this database. */
	public InList in() {
		return this.in;
	}

	@Override
	public Map<IdentityKey, String> findOwners(Collection<IdentityKey> keys) {
		Map<String, List<String>> valuesByType = new HashMap<>();
		for (IdentityKey key : keys) {
			valuesByType.computeIfAbsent(key.type(), (type) -> new ArrayList<>()).add(key.value());
		}
		Map<IdentityKey, String> owners = new HashMap<>();
		valuesByType.forEach((type, values) -> {
			for (List<String> chunk : chunks(values)) {
				this.in.queryKeyed(this.jdbc, "key_value, item_id", "identifiers", "key_type", type, "key_value", chunk,
						(rs) -> {
							owners.put(new IdentityKey(type, rs.getString(1)), rs.getString(2));
						});
			}
		});
		return owners;
	}

	@Override
	public Map<String, ItemState> load(Collection<String> itemIds) {
		Map<String, ItemState> items = new HashMap<>();
		for (List<String> chunk : chunks(new ArrayList<>(itemIds))) {
			this.in.query(this.jdbc,
					"SELECT id, created_at, updated_at, version, document FROM items WHERE " + this.in.condition("id"),
					chunk, (rs) -> {
						ItemState item = ItemDocument.read(rs.getString(1),
								rs.getObject(2, OffsetDateTime.class).toInstant(),
								rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getLong(4), rs.getString(5));
						items.put(item.id(), item);
					});
		}
		return items;
	}

	@Override
	public void save(ReconciliationBatch batch) {
		if (batch.isEmpty() && batch.newKeys().isEmpty()) {
			return;
		}
		try {
			this.transactions.executeWithoutResult((status) -> write(batch));
		}
		catch (DuplicateKeyException ex) {
			throw new KeyTakenException("another writer took an identity key of this batch", ex);
		}
	}

	private void write(ReconciliationBatch batch) {
		List<Object[]> keys = new ArrayList<>(batch.newKeys().size());
		batch.newKeys().forEach((key, itemId) -> keys.add(new Object[] { key.type(), key.value(), itemId }));
		this.jdbc.batchUpdate("INSERT INTO identifiers (key_type, key_value, item_id) VALUES (?, ?, ?)", keys);

		List<Object[]> inserts = new ArrayList<>();
		for (ItemState item : batch.created()) {
			inserts.add(new Object[] { item.id(), item.ciClass().id(), item.name(), item.version(),
					timestamp(item.createdAt()), timestamp(item.updatedAt()), ItemDocument.write(item) });
		}
		this.jdbc.batchUpdate("INSERT INTO items (id, ci_class, name, version, created_at, updated_at, document) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?)", inserts);
		List<Object[]> updates = new ArrayList<>();
		for (ItemState item : batch.updated()) {
			updates.add(new Object[] { item.ciClass().id(), item.name(), item.version(), timestamp(item.updatedAt()),
					ItemDocument.write(item), item.id() });
		}
		this.jdbc.batchUpdate(
				"UPDATE items SET ci_class = ?, name = ?, version = ?, updated_at = ?, document = ? WHERE id = ?",
				updates);
		List<Object[]> seen = new ArrayList<>();
		for (ItemState item : batch.seen()) {
			seen.add(new Object[] { ItemDocument.write(item), item.id() });
		}
		this.jdbc.batchUpdate("UPDATE items SET document = ? WHERE id = ?", seen);

		List<ItemState> rewritten = new ArrayList<>(batch.created());
		rewritten.addAll(batch.updated());
		writeIdentifiers(batch.updated(), rewritten);
		writeRelationships(batch.updated(), rewritten);
		List<ItemState> sighted = new ArrayList<>(rewritten);
		sighted.addAll(batch.seen());
		writeSightings(sighted);
		writeChanges(batch.changes());
		writeConflicts(batch.conflicts());
	}

	private void writeIdentifiers(List<ItemState> replaced, List<ItemState> items) {
		deleteByItem("item_identifiers", replaced);
		List<Object[]> rows = new ArrayList<>();
		for (ItemState item : items) {
			item.identifiers()
				.forEach((type, values) -> values
					.forEach((value) -> rows.add(new Object[] { item.id(), type.id(), value })));
		}
		this.jdbc.batchUpdate("INSERT INTO item_identifiers (item_id, id_type, id_value) VALUES (?, ?, ?)", rows);
	}

	private void writeRelationships(List<ItemState> replaced, List<ItemState> items) {
		deleteByItem("relationships", replaced);
		List<Object[]> rows = new ArrayList<>();
		for (ItemState item : items) {
			item.relationships().forEach((source, list) -> {
				for (int i = 0; i < list.size(); i++) {
					StoredRelationship relationship = list.get(i);
					rows.add(new Object[] { item.id(), source, i, relationship.type().id(),
							CanonicalItemWriter.identifiers(relationship.target()).toString() });
				}
			});
		}
		this.jdbc.batchUpdate(
				"INSERT INTO relationships (item_id, source, ordinal, rel_type, target) VALUES (?, ?, ?, ?, ?)", rows);
	}

	private void writeSightings(List<ItemState> items) {
		List<Object[]> rows = new ArrayList<>();
		for (ItemState item : items) {
			for (SourceSighting sighting : item.sightings().values()) {
				rows.add(new Object[] { item.id(), timestamp(sighting.lastSeen()), sighting.source(),
						sighting.sourceKey() });
			}
		}
		int[][] counts = this.jdbc.batchUpdate(
				"UPDATE item_sources SET item_id = ?, last_seen = ? WHERE source = ? AND source_key = ?", rows,
				rows.size(), (ps, row) -> {
					for (int i = 0; i < row.length; i++) {
						ps.setObject(i + 1, row[i]);
					}
				});
		List<Object[]> missing = new ArrayList<>();
		int index = 0;
		for (int[] chunk : counts) {
			for (int count : chunk) {
				Object[] row = rows.get(index++);
				if (count == 0) {
					missing.add(new Object[] { row[2], row[3], row[0], row[1] });
				}
			}
		}
		this.jdbc.batchUpdate("INSERT INTO item_sources (source, source_key, item_id, last_seen) VALUES (?, ?, ?, ?)",
				missing);
	}

	private void writeChanges(List<ItemChange> changes) {
		List<Object[]> rows = new ArrayList<>(changes.size());
		for (ItemChange change : changes) {
			rows.add(new Object[] { change.itemId(), change.field(), json(change.oldValue()), json(change.newValue()),
					change.source(), timestamp(change.changedAt()) });
		}
		this.jdbc.batchUpdate("INSERT INTO item_changes (item_id, field, old_value, new_value, source, changed_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?)", rows);
	}

	private void writeConflicts(List<Conflict> conflicts) {
		Map<String, Conflict> unique = new LinkedHashMap<>();
		for (Conflict conflict : conflicts) {
			unique.putIfAbsent(conflict.keyType() + "|" + conflict.keyValue() + "|" + conflict.source() + "|"
					+ conflict.sourceKey(), conflict);
		}
		List<Object[]> rows = new ArrayList<>();
		for (Conflict conflict : unique.values()) {
			Integer existing = this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM conflicts WHERE key_type = ? AND key_value = ? AND source = ? AND source_key = ?",
					Integer.class, conflict.keyType(), conflict.keyValue(), conflict.source(), conflict.sourceKey());
			if (existing == null || existing == 0) {
				rows.add(new Object[] { conflict.keyType(), conflict.keyValue(), String.join(",", conflict.itemIds()),
						conflict.source(), conflict.sourceKey(), conflict.reason(), "open",
						timestamp(conflict.detectedAt()) });
			}
		}
		this.jdbc
			.batchUpdate("INSERT INTO conflicts (key_type, key_value, item_ids, source, source_key, reason, status, "
					+ "detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
	}

	private void deleteByItem(String table, List<ItemState> items) {
		Set<String> ids = new HashSet<>();
		items.forEach((item) -> ids.add(item.id()));
		for (List<String> chunk : chunks(new ArrayList<>(ids))) {
			this.in.update(this.jdbc, "DELETE FROM " + table + " WHERE " + this.in.condition("item_id"), chunk);
		}
	}

	private static String json(Object value) {
		return (value != null) ? FieldCodec.encode(value).toString() : null;
	}

	static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static <T> List<List<T>> chunks(List<T> values) {
		List<List<T>> chunks = new ArrayList<>();
		for (int i = 0; i < values.size(); i += IN_LIST) {
			chunks.add(values.subList(i, Math.min(values.size(), i + IN_LIST)));
		}
		return chunks;
	}

}
