package io.itsmhub.app.sync;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import io.itsmhub.api.model.Identifiers;
import io.itsmhub.api.target.TargetRef;
import io.itsmhub.app.store.ItemQueries;
import io.itsmhub.app.store.JdbcItemRepository;
import io.itsmhub.reconciliation.item.ItemState;
import io.itsmhub.routes.sync.CrossReference;
import io.itsmhub.routes.sync.DeadLetter;
import io.itsmhub.routes.sync.SyncMode;
import io.itsmhub.routes.sync.SyncStore;
import io.itsmhub.routes.sync.TargetCounts;

/** The sync engine's state in the hub's database. */
public class JdbcSyncStore implements SyncStore {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** The most named items whose relating items are looked up. */
	static final int RELATING_LOOKUP_LIMIT = 1000;

	private final JdbcTemplate jdbc;

	private final JdbcItemRepository items;

	private final ItemQueries queries;

	public JdbcSyncStore(JdbcTemplate jdbc, JdbcItemRepository items, ItemQueries queries) {
		this.jdbc = jdbc;
		this.items = items;
		this.queries = queries;
	}

	@Override
	public List<String> allItemIds() {
		return this.jdbc.queryForList("SELECT id FROM items ORDER BY id", String.class);
	}

	@Override
	public List<String> itemIdsChangedSince(Instant since) {
		return this.jdbc.queryForList("SELECT id FROM items WHERE updated_at >= ? ORDER BY id", String.class,
				time(since));
	}

	@Override
	public Map<String, ItemState> loadItems(Collection<String> itemIds) {
		return this.items.load(itemIds);
	}

	@Override
	public Map<Identifiers, String> resolveTargets(Collection<Identifiers> targets) {
		Map<Identifiers, String> resolved = new HashMap<>();
		this.queries.resolveIdentifiers(targets).forEach((target, resolution) -> {
			if (resolution.itemId() != null) {
				resolved.put(target, resolution.itemId());
			}
		});
		return resolved;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Relationship targets are kept as identifier JSON, not indexed by value, so this
	 * scans them; it does so only for up to {@value #RELATING_LOOKUP_LIMIT} named items
	 * (replays, webhooks). Past that, such relations wait for the next full run.
	 */
	@Override
	public java.util.Set<String> itemsRelatingTo(Collection<String> itemIds) {
		if (itemIds.isEmpty() || itemIds.size() > RELATING_LOOKUP_LIMIT) {
			return java.util.Set.of();
		}
		java.util.Set<String> values = new java.util.LinkedHashSet<>();
		List<String> ids = new ArrayList<>(itemIds);
		for (int i = 0; i < ids.size(); i += 500) {
			this.items.in()
				.query(this.jdbc, "SELECT id_value FROM item_identifiers WHERE " + this.items.in().condition("item_id"),
						ids.subList(i, Math.min(ids.size(), i + 500)), (rs) -> {
							values.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
						});
		}
		// relationship targets are stored as identifier JSON: find candidates by value,
		// then keep those whose target really resolves to one of these items
		java.util.Set<String> candidates = new java.util.LinkedHashSet<>();
		List<String> list = new ArrayList<>(values);
		for (int i = 0; i < list.size(); i += 50) {
			List<String> part = list.subList(i, Math.min(list.size(), i + 50));
			String where = String.join(" OR ",
					java.util.Collections.nCopies(part.size(), "LOWER(target) LIKE ? ESCAPE '!'"));
			this.jdbc.query("SELECT DISTINCT item_id FROM relationships WHERE " + where,
					(org.springframework.jdbc.core.RowCallbackHandler) (rs) -> candidates.add(rs.getString(1)),
					part.stream().map((value) -> "%\"" + likeEscaped(value) + "\"%").toArray());
		}
		candidates.removeAll(itemIds);
		if (candidates.isEmpty()) {
			return java.util.Set.of();
		}
		Map<String, ItemState> loaded = loadItems(candidates);
		java.util.Set<Identifiers> targets = new java.util.LinkedHashSet<>();
		loaded.values()
			.forEach((item) -> item.allRelationships().forEach((relationship) -> targets.add(relationship.target())));
		Map<Identifiers, String> resolved = resolveTargets(targets);
		java.util.Set<String> relating = new java.util.LinkedHashSet<>();
		loaded.forEach((id, item) -> {
			if (item.allRelationships()
				.stream()
				.map((relationship) -> resolved.get(relationship.target()))
				.anyMatch((to) -> to != null && itemIds.contains(to))) {
				relating.add(id);
			}
		});
		return relating;
	}

	private static String likeEscaped(String value) {
		return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

	@Override
	public Map<String, CrossReference> crossReferences(String target, Collection<String> itemIds) {
		Map<String, CrossReference> found = new HashMap<>();
		List<String> ids = new ArrayList<>(itemIds);
		for (int i = 0; i < ids.size(); i += 500) {
			this.items.in()
				.query(this.jdbc,
						"SELECT item_id, record_id, record_key, related, last_hash, relations, status, "
								+ "pushed_at, last_payload FROM target_xref WHERE "
								+ this.items.in().pairCondition("target", "item_id"),
						ids.subList(i, Math.min(ids.size(), i + 500)), (rs) -> {
							OffsetDateTime pushed = rs.getObject(8, OffsetDateTime.class);
							TargetRef ref = (rs.getString(2) != null)
									? new TargetRef(rs.getString(2), rs.getString(3), related(rs.getString(4))) : null;
							found.put(rs.getString(1),
									new CrossReference(rs.getString(1), target, ref, rs.getString(5), rs.getString(6),
											rs.getString(7), (pushed != null) ? pushed.toInstant() : null,
											rs.getString(9)));
						}, target);
		}
		return found;
	}

	@Override
	public void saveCrossReferences(List<CrossReference> references) {
		if (references.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(references.size());
		for (CrossReference x : references) {
			rows.add(new Object[] { (x.ref() != null) ? x.ref().recordId() : null,
					(x.ref() != null) ? x.ref().recordKey() : null,
					(x.ref() != null && !x.ref().related().isEmpty()) ? json(x.ref().related()) : null, x.lastHash(),
					x.relationsHash(), x.status(), (x.pushedAt() != null) ? time(x.pushedAt()) : null, x.lastPayload(),
					x.itemId(), x.target() });
		}
		int[][] counts = this.jdbc.batchUpdate("UPDATE target_xref SET record_id = ?, record_key = ?, related = ?, "
				+ "last_hash = ?, relations = ?, status = ?, pushed_at = ?, last_payload = ? WHERE item_id = ? AND target = ?",
				rows, rows.size(), (ps, row) -> {
					for (int i = 0; i < row.length; i++) {
						ps.setObject(i + 1, row[i]);
					}
				});
		List<Object[]> inserts = new ArrayList<>();
		int index = 0;
		for (int[] chunk : counts) {
			for (int count : chunk) {
				Object[] row = rows.get(index++);
				if (count == 0) {
					inserts.add(row);
				}
			}
		}
		this.jdbc.batchUpdate("INSERT INTO target_xref (record_id, record_key, related, last_hash, relations, status, "
				+ "pushed_at, last_payload, item_id, target) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
	}

	/**
	 * Records a dead letter; when the same write (target, item, operation and payload)
	 * already has an open one, as when a refused record is tried again by every run, that
	 * letter takes the new reason and the attempts instead, so the list holds one letter
	 * a failing write, not one a run.
	 */
	@Override
	public void addDeadLetter(DeadLetter letter) {
		Instant now = letter.createdAt();
		String sameItem = (letter.itemId() != null) ? "item_id = ?" : "item_id IS NULL";
		List<Object> args = new ArrayList<>(List.of(truncate(letter.reason()), letter.attempts(), time(now),
				letter.target(), letter.operation(), letter.payload()));
		if (letter.itemId() != null) {
			args.add(letter.itemId());
		}
		int merged = this.jdbc.update(
				"UPDATE dead_letters SET reason = ?, attempts = attempts + ?, updated_at = ? "
						+ "WHERE target = ? AND operation = ? AND status = 'open' AND payload = ? AND " + sameItem,
				args.toArray());
		if (merged > 0) {
			return;
		}
		this.jdbc.update(
				"INSERT INTO dead_letters (target, item_id, operation, payload, reason, attempts, status, created_at, "
						+ "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				letter.target(), letter.itemId(), letter.operation(), letter.payload(), truncate(letter.reason()),
				letter.attempts(), letter.status(), time(now), time(now));
	}

	@Override
	public Instant lastCompletedRun(String integration) {
		OffsetDateTime last = this.jdbc.queryForObject(
				"SELECT MAX(started_at) FROM sync_runs WHERE integration = ? AND status IN ('completed', 'completed_with_failures')",
				OffsetDateTime.class, integration);
		return (last != null) ? last.toInstant() : null;
	}

	@Override
	public long startRun(String integration, SyncMode mode, boolean dryRun, Instant startedAt) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			var ps = connection.prepareStatement(
					"INSERT INTO sync_runs (integration, mode, dry_run, status, started_at) VALUES (?, ?, ?, 'running', ?)",
					new String[] { "id" });
			ps.setString(1, integration);
			ps.setString(2, mode.name().toLowerCase());
			ps.setBoolean(3, dryRun);
			ps.setObject(4, time(startedAt));
			return ps;
		}, keys);
		return keys.getKey().longValue();
	}

	/**
	 * Marks the runs still recorded as running as interrupted. Called when the hub
	 * starts, when none of its runs can be going on: such a run was cut short by a crash
	 * or a kill (one hub per database). What it pushed is in the cross-reference, and
	 * creates it had sent unanswered are pending, so the next run looks them up instead
	 * of repeating them.
	 * @return how many runs were marked
	 */
	public int markInterruptedRuns(Instant now) {
		return this.jdbc.update("UPDATE sync_runs SET status = 'interrupted', finished_at = ? WHERE status = 'running'",
				time(now));
	}

	@Override
	public void finishRun(long runId, String status, Map<String, TargetCounts> counts, Instant finishedAt) {
		this.jdbc.update("UPDATE sync_runs SET status = ?, counts = ?, finished_at = ? WHERE id = ?", status,
				json(counts), time(finishedAt), runId);
	}

	@Override
	public int recordCount(String target) {
		Integer count = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM target_xref WHERE target = ? AND record_id IS NOT NULL", Integer.class, target);
		return (count != null) ? count : 0;
	}

	@Override
	public java.util.Set<String> sourcesWithoutAGoodLastRun(Collection<String> sources) {
		java.util.Set<String> unreliable = new java.util.HashSet<>();
		for (String source : sources) {
			List<Map<String, Object>> last = this.jdbc.queryForList(
					"SELECT status, received FROM ingest_runs WHERE source = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY",
					source);
			if (last.isEmpty()) {
				continue;
			}
			Map<String, Object> run = last.get(0);
			Object status = run.values().iterator().next();
			Object received = new ArrayList<>(run.values()).get(1);
			if ("failed".equals(status) || "rejected".equals(status) || ((Number) received).intValue() == 0) {
				unreliable.add(source);
			}
		}
		return unreliable;
	}

	private static OffsetDateTime time(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static String truncate(String text) {
		return (text.length() > 4000) ? text.substring(0, 3997) + "..." : text;
	}

	static String json(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, String> related(String json) {
		if (json == null) {
			return Map.of();
		}
		try {
			return JSON.readValue(json, new TypeReference<Map<String, String>>() {
			});
		}
		catch (JsonProcessingException ex) {
			return Map.of();
		}
	}

}
