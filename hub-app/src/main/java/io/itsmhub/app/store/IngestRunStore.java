package io.itsmhub.app.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import io.itsmhub.api.ingest.FieldError;
import io.itsmhub.api.ingest.IngestReport;
import io.itsmhub.api.ingest.RecordRejection;

/** The record of each ingest: counts and every rejected record with its reason. */
public class IngestRunStore {

	private final JdbcTemplate jdbc;

	public IngestRunStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records one ingest.
	 * @param status {@code completed}, {@code partial} (some records rejected) or
	 * {@code failed} (nothing could be read)
	 * @return the run's id
	 */
	public long record(String source, String origin, String fileName, IngestReport report, String status,
			String message, Instant startedAt, Instant finishedAt) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			var ps = connection.prepareStatement(
					"INSERT INTO ingest_runs (source, origin, file_name, status, received, created, updated, unchanged, "
							+ "conflicts, rejected, message, started_at, finished_at) "
							+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					new String[] { "id" });
			ps.setString(1, source);
			ps.setString(2, origin);
			ps.setString(3, fileName);
			ps.setString(4, status);
			ps.setInt(5, report.received());
			ps.setInt(6, report.created());
			ps.setInt(7, report.updated());
			ps.setInt(8, report.unchanged());
			ps.setInt(9, report.conflicts());
			ps.setInt(10, report.rejected());
			ps.setString(11, (message != null && message.length() > 4000) ? message.substring(0, 4000) : message);
			ps.setObject(12, JdbcItemRepository.timestamp(startedAt));
			ps.setObject(13, JdbcItemRepository.timestamp(finishedAt));
			return ps;
		}, keys);
		long runId = keys.getKey().longValue();
		List<Object[]> rows = new ArrayList<>();
		for (RecordRejection rejection : report.rejections()) {
			int ordinal = 0;
			for (FieldError error : rejection.errors()) {
				rows.add(new Object[] { runId, rejection.index(), ordinal++, rejection.sourceKey(), error.field(),
						truncate(error.reason()) });
			}
		}
		this.jdbc
			.batchUpdate("INSERT INTO ingest_rejections (run_id, record_index, ordinal, source_key, field, reason) "
					+ "VALUES (?, ?, ?, ?, ?, ?)", rows);
		return runId;
	}

	private static String truncate(String text) {
		return (text.length() > 4000) ? text.substring(0, 3997) + "..." : text;
	}

	/** Recent runs of a source, newest first. */
	public List<IngestRun> recent(String source, int limit) {
		return this.jdbc.query(SELECT_RUN + "WHERE source = ? ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY",
				(rs, row) -> run(rs, List.of()), source);
	}

	/** One run and its rejections, or {@code null}. */
	public IngestRun find(long runId) {
		List<IngestRun.Rejection> rejections = this.jdbc.query(
				"SELECT record_index, source_key, field, reason FROM ingest_rejections WHERE run_id = ? "
						+ "ORDER BY record_index, ordinal",
				(rs, row) -> new IngestRun.Rejection(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)),
				runId);
		List<IngestRun> runs = this.jdbc.query(SELECT_RUN + "WHERE id = ?", (rs, row) -> run(rs, rejections), runId);
		return runs.isEmpty() ? null : runs.get(0);
	}

	private static final String SELECT_RUN = "SELECT id, source, origin, file_name, status, received, created, "
			+ "updated, unchanged, conflicts, rejected, message, started_at, finished_at FROM ingest_runs ";

	private static IngestRun run(java.sql.ResultSet rs, List<IngestRun.Rejection> rejections)
			throws java.sql.SQLException {
		return new IngestRun(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getString(12),
				rs.getObject(13, java.time.OffsetDateTime.class).toInstant(),
				rs.getObject(14, java.time.OffsetDateTime.class).toInstant(), rejections);
	}

}
