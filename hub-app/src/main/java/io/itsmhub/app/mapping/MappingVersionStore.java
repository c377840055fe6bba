package io.itsmhub.app.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mapping versions and which one each platform uses, in {@code mapping_versions} and
 * {@code mapping_activations}. Several hub instances may share the database: a version
 * number is taken once (primary key), and an activation only succeeds against the active
 * version it was decided on, so two admins activating at once cannot both win.
 */
public class MappingVersionStore {

	private static final String COLUMNS = "platform, version, status, content_hash, author, comment, created_at";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	public MappingVersionStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/**
	 * The content hash of a mapping text: SHA-256 (hex) of its UTF-8 bytes, with line
	 * endings normalized, so a file saved on Windows matches the same text stored from
	 * Linux.
	 */
	public static String contentHash(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	/** Every version of a platform's mapping, oldest first. */
	public List<MappingVersion> versions(String platform) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM mapping_versions WHERE platform = ? ORDER BY version",
				MappingVersionStore::version, platform);
	}

	/** One version's metadata. */
	public Optional<MappingVersion> version(String platform, int version) {
		return this.jdbc
			.query("SELECT " + COLUMNS + " FROM mapping_versions WHERE platform = ? AND version = ?",
					MappingVersionStore::version, platform, version)
			.stream()
			.findFirst();
	}

	/** One version's text. */
	public Optional<String> document(String platform, int version) {
		return this.jdbc
			.query("SELECT document FROM mapping_versions WHERE platform = ? AND version = ?",
					(rs, row) -> rs.getString(1), platform, version)
			.stream()
			.findFirst();
	}

	/** The highest version number of a platform, or 0 when it has none. */
	public int latestVersion(String platform) {
		Integer latest = this.jdbc.queryForObject("SELECT MAX(version) FROM mapping_versions WHERE platform = ?",
				Integer.class, platform);
		return (latest != null) ? latest : 0;
	}

	/** The version whose text has this content hash, if any. */
	public Optional<Integer> versionWithHash(String platform, String contentHash) {
		return this.jdbc
			.query("SELECT version FROM mapping_versions WHERE platform = ? AND content_hash = ? ORDER BY version",
					(rs, row) -> rs.getInt(1), platform, contentHash)
			.stream()
			.findFirst();
	}

	/** How many versions each platform has. */
	public Map<String, Integer> versionCounts() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		this.jdbc.query("SELECT platform, COUNT(*) FROM mapping_versions GROUP BY platform ORDER BY platform",
				(ResultSet rs) -> {
					counts.put(rs.getString(1), rs.getInt(2));
				});
		return counts;
	}

	/**
	 * Stores a new draft version.
	 * @throws org.springframework.dao.DuplicateKeyException when the version number is
	 * taken
	 */
	public void insertDraft(String platform, int version, String document, String author, String comment,
			Instant createdAt) {
		this.jdbc.update(
				"INSERT INTO mapping_versions (platform, version, document, content_hash, author, comment, status, created_at) "
						+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
				platform, version, document, contentHash(document), author, comment, MappingVersion.DRAFT,
				timestamp(createdAt));
	}

	/**
	 * The active version of every platform: one small query, what each instance runs to
	 * notice activations made elsewhere.
	 */
	public Map<String, Integer> activeVersions() {
		Map<String, Integer> active = new LinkedHashMap<>();
		this.jdbc.query("SELECT platform, active_version FROM mapping_activations", (ResultSet rs) -> {
			active.put(rs.getString(1), rs.getInt(2));
		});
		return active;
	}

	/** Which version a platform uses, and which it used before. */
	public Optional<MappingActivation> activation(String platform) {
		return this.jdbc.query(
				"SELECT platform, active_version, previous_version, activated_by, activated_at FROM mapping_activations "
						+ "WHERE platform = ?",
				(rs, row) -> new MappingActivation(rs.getString(1), rs.getInt(2), (Integer) rs.getObject(3),
						rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant()),
				platform)
			.stream()
			.findFirst();
	}

	/**
	 * Makes a version the active one: the one active so far is retired and becomes the
	 * previous version, in one transaction.
	 * @param expectedActive the version the caller saw active, {@code null} when it saw
	 * none; when another activation came in between, nothing changes
	 * @return whether the activation happened ({@code false}: someone else activated a
	 * version first, look again)
	 */
	public boolean activate(String platform, int version, Integer expectedActive, String by, Instant at) {
		Boolean done = this.transactions.execute((status) -> {
			int rows;
			if (expectedActive == null) {
				rows = insertActivation(platform, version, by, at);
			}
			else {
				// the row lock taken here is what serializes two instances activating at
				// once
				rows = this.jdbc.update("UPDATE mapping_activations SET previous_version = active_version, "
						+ "active_version = ?, activated_by = ?, activated_at = ? WHERE platform = ? AND active_version = ?",
						version, by, timestamp(at), platform, expectedActive);
			}
			if (rows == 0) {
				// PostgreSQL cannot commit after a failed insert; nothing was changed
				// anyway
				status.setRollbackOnly();
				return false;
			}
			this.jdbc.update(
					"UPDATE mapping_versions SET status = ? WHERE platform = ? AND status = ? AND version <> ?",
					MappingVersion.RETIRED, platform, MappingVersion.ACTIVE, version);
			this.jdbc.update("UPDATE mapping_versions SET status = ? WHERE platform = ? AND version = ?",
					MappingVersion.ACTIVE, platform, version);
			return true;
		});
		return Boolean.TRUE.equals(done);
	}

	private int insertActivation(String platform, int version, String by, Instant at) {
		try {
			return this.jdbc.update(
					"INSERT INTO mapping_activations (platform, active_version, previous_version, activated_by, activated_at) "
							+ "VALUES (?, ?, NULL, ?, ?)",
					platform, version, by, timestamp(at));
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			// another instance activated the platform's first version meanwhile
			return 0;
		}
	}

	private static MappingVersion version(ResultSet rs, int row) throws SQLException {
		return new MappingVersion(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant());
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
