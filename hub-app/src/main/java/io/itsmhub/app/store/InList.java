package io.itsmhub.app.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * "column in these values" with one array parameter, in the form each database answers
 * from an index.
 *
 * <p>
 * PostgreSQL: {@code column = ANY(?)} everywhere.
 *
 * <p>
 * HSQLDB 2.7: a long {@code IN (?, ?, ...)} list is tested against every row. On one
 * column, {@code column IN (UNNEST(?))} is an index look-up (500 item ids against 50,000
 * rows: 17 ms). Behind an equality on the leading column of a two-column index
 * ({@code key_type = ? AND key_value IN (UNNEST(?))}) it is not: HSQLDB starts from
 * {@code key_type} only and tests {@code key_value} row by row, 175 to 650 ms for one key
 * with 50,000 keys of that type, whatever the index (an extra {@code (key_value,
 * key_type)} index did not change the plan, nor did a sub-select). So {@link #queryKeyed}
 * joins the table to the unnested array instead, which HSQLDB answers with one index
 * probe per value: 0.2 to 0.6 ms for one key, 10 ms for 500 (single-key
 * {@code key_value = ?} queries: 0.14 ms and 15 to 43 ms). The array must be typed
 * ({@code CAST(? AS VARCHAR(n) ARRAY)}) and so must the other parameter: untyped, HSQLDB
 * rejects a parameter in {@code FROM UNNEST(?)} with "General error". The join yields a
 * row per array element, so the values are de-duplicated first and the rows are those of
 * the {@code IN} form.
 */
public final class InList {

	/**
	 * The type of an array element; longer than any stored value, so no value is
	 * truncated into a false match (a value longer than the column simply matches
	 * nothing).
	 */
	private static final String ELEMENT = "VARCHAR(100000)";

	private final boolean postgres;

	public InList(JdbcTemplate jdbc) {
		Boolean isPostgres = jdbc.execute((Connection connection) -> connection.getMetaData()
			.getDatabaseProductName()
			.toLowerCase()
			.contains("postgres"));
		this.postgres = Boolean.TRUE.equals(isPostgres);
	}

	/**
	 * The condition, with one {@code ?} for the array. Answered from an index on HSQLDB
	 * only when the column is the first of an index and no other condition comes first
	 * (see {@link #queryKeyed} for that case).
	 */
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

	/**
	 * Runs {@code SELECT columns FROM table WHERE keyColumn = key AND column IN values},
	 * answered from an index on {@code (keyColumn, column)} on both databases.
	 * @param columns the select list, unqualified column names of {@code table}
	 * @param table the table
	 * @param keyColumn the column compared with {@code key}, a VARCHAR
	 * @param key its value
	 * @param column the VARCHAR column compared with the values
	 * @param values the values; duplicates are ignored
	 * @param rows called once per matching row
	 */
	public void queryKeyed(JdbcTemplate jdbc, String columns, String table, String keyColumn, String key, String column,
			List<String> values, RowCallbackHandler rows) {
		List<String> distinct = List.copyOf(new LinkedHashSet<>(values));
		if (this.postgres) {
			query(jdbc,
					"SELECT " + columns + " FROM " + table + " WHERE " + keyColumn + " = ? AND " + column + " = ANY(?)",
					distinct, rows, key);
			return;
		}
		String sql = "SELECT " + columns + " FROM UNNEST(CAST(? AS " + ELEMENT
				+ " ARRAY)) AS wanted(wanted_value) JOIN " + table + " ON " + keyColumn + " = CAST(? AS " + ELEMENT
				+ ") AND " + column + " = wanted.wanted_value";
		jdbc.query((Connection connection) -> {
			PreparedStatement statement = connection.prepareStatement(sql);
			statement.setArray(1, connection.createArrayOf("VARCHAR", distinct.toArray()));
			statement.setString(2, key);
			return statement;
		}, rows);
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
