package io.itsmhub.app.sync;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/** Runs and dead letters, as the API shows them. */
public class SyncQueries {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final JdbcTemplate jdbc;

	public SyncQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public RunView run(long id) {
		List<RunView> runs = this.jdbc.query(
				"SELECT id, integration, mode, dry_run, status, counts, started_at, finished_at FROM sync_runs WHERE id = ?",
				(rs, row) -> {
					OffsetDateTime finished = rs.getObject(8, OffsetDateTime.class);
					return new RunView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
							rs.getString(5), json(rs.getString(6)), rs.getObject(7, OffsetDateTime.class).toInstant(),
							(finished != null) ? finished.toInstant() : null);
				}, id);
		return runs.isEmpty() ? null : runs.get(0);
	}

	public List<DeadLetterView> deadLetters(String status, String target) {
		StringBuilder sql = new StringBuilder(
				"SELECT id, target, item_id, operation, payload, reason, attempts, status, "
						+ "created_at, updated_at FROM dead_letters WHERE 1 = 1");
		java.util.List<Object> args = new java.util.ArrayList<>();
		if (status != null) {
			sql.append(" AND status = ?");
			args.add(status);
		}
		if (target != null) {
			sql.append(" AND target = ?");
			args.add(target);
		}
		sql.append(" ORDER BY id");
		return this.jdbc.query(sql.toString(), (rs, row) -> new DeadLetterView(rs.getLong(1), rs.getString(2),
				rs.getString(3), rs.getString(4), json(rs.getString(5)), rs.getString(6), rs.getInt(7), rs.getString(8),
				rs.getObject(9, OffsetDateTime.class).toInstant(), rs.getObject(10, OffsetDateTime.class).toInstant()),
				args.toArray());
	}

	public DeadLetterView deadLetter(long id) {
		return this.jdbc
			.query("SELECT id, target, item_id, operation, payload, reason, attempts, status, created_at, updated_at "
					+ "FROM dead_letters WHERE id = ?",
					(rs, row) -> new DeadLetterView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
							json(rs.getString(5)), rs.getString(6), rs.getInt(7), rs.getString(8),
							rs.getObject(9, OffsetDateTime.class).toInstant(),
							rs.getObject(10, OffsetDateTime.class).toInstant()),
					id)
			.stream()
			.findFirst()
			.orElse(null);
	}

	public void markRun(long id, String status) {
		this.jdbc.update("UPDATE sync_runs SET status = ? WHERE id = ?", status, id);
	}

	public void markDeadLetter(long id, String status) {
		this.jdbc.update("UPDATE dead_letters SET status = ?, updated_at = ? WHERE id = ?", status,
				OffsetDateTime.now(java.time.ZoneOffset.UTC), id);
	}

	private static JsonNode json(String text) {
		if (text == null) {
			return null;
		}
		try {
			return JSON.readTree(text);
		}
		catch (java.io.IOException ex) {
			return com.fasterxml.jackson.databind.node.TextNode.valueOf(text);
		}
	}

	/**
	 * A sync run.
	 *
	 * @param id the run
	 * @param integration its integration
	 * @param mode full, incremental or items
	 * @param dryRun whether it was a dry run
	 * @param status running, completed, completed_with_failures, failed,
	 * awaiting_approval, approved, rejected, or interrupted (the hub stopped during the
	 * run)
	 * @param counts per target: created, updated, unchanged, failed, API calls, duration
	 * @param startedAt when it started
	 * @param finishedAt when it finished
	 */
	public record RunView(long id, String integration, String mode, boolean dryRun, String status, JsonNode counts,
			Instant startedAt, Instant finishedAt) {

	}

	/**
	 * A failed push.
	 *
	 * @param id the dead letter
	 * @param target the platform
	 * @param itemId the item
	 * @param operation upsert, relate, retire or map
	 * @param payload what was to be sent
	 * @param reason the platform's error text
	 * @param attempts how often it was tried
	 * @param status open, replayed
	 * @param createdAt when it failed
	 * @param updatedAt when it last changed
	 */
	public record DeadLetterView(long id, String target, String itemId, String operation, JsonNode payload,
			String reason, int attempts, String status, Instant createdAt, Instant updatedAt) {

	}

}
