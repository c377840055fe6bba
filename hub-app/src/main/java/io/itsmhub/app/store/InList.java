package io.itsmhub.app.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * "column in these values" with one array parameter. HSQLDB tests a long
 * {@code IN (?, ?, ...)} list against every row of the table (a profile of the store
 * showed whole-table scans growing with the estate), while {@code IN (UNNEST(?))} and
 * PostgreSQL's {@code = ANY(?)} use the index.
 */
public final class InList {

	private final boolean postgres;

	public InList(JdbcTemplate jdbc) {
		Boolean isPostgres = jdbc.execute((Connection connection) -> connection.getMetaData()
			.getDatabaseProductName()
			.toLowerCase()
			.contains("postgres"));
		this.postgres = Boolean.TRUE.equals(isPostgres);
	}

	/** The condition, with one {@code ?} for the array. */
	public String condition(String column) {
		return this.postgres ? column + " = ANY(?)" : column + " IN (UNNEST(?))";
	}

	/**
	 * "this column equals one value and that column is in these values", with two
	 * {@code ?}: the value, then the array. HSQLDB answers {@code a = ? AND b IN
	 * (UNNEST(?))} by walking every row with that {@code a} (a profile of a sync of
	 * 100,000 items showed 0.6 s per batch of look-ups), but finds the pairs through the
	 * {@code (a, b)} index when asked for them as pairs.
	 */
	public String pairCondition(String fixedColumn, String column) {
		return this.postgres ? fixedColumn + " = ? AND " + column + " = ANY(?)"
				: "(" + fixedColumn + ", " + column + ") IN (SELECT CAST(? AS VARCHAR(1000)), u.v FROM "
						+ "UNNEST(CAST(? AS VARCHAR(1000) ARRAY)) AS u(v))";
	}

	/**
	 * Runs a query whose parameters are the given leading values followed by the array.
	 */
	public void query(JdbcTemplate jdbc, String sql, List<String> values, RowCallbackHandler rows, Object... leading) {
		jdbc.query((Connection connection) -> prepare(connection, sql, values, leading), rows);
	}

	/** Runs an update whose last parameter is the array. */
	public int update(JdbcTemplate jdbc, String sql, List<String> values, Object... leading) {
		return jdbc.update((Connection connection) -> prepare(connection, sql, values, leading));
	}

	private static PreparedStatement prepare(Connection connection, String sql, List<String> values, Object[] leading)
			throws SQLException {
		PreparedStatement statement = connection.prepareStatement(sql);
		int index = 1;
		for (Object value : leading) {
			statement.setObject(index++, value);
		}
		statement.setArray(index, connection.createArrayOf("VARCHAR", values.toArray()));
		return statement;
	}

}
