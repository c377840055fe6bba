package io.itsmhub.app.mapping;

import java.time.Instant;

/**
 * One stored version of a platform's mapping, without its text.
 *
 * @param platform the platform (connector) id
 * @param version the version number, the document's own {@code version}
 * @param status {@code draft} (never active), {@code active} (the one in use) or
 * {@code retired} (was active once)
 * @param contentHash SHA-256 (hex) of the text, line endings normalized
 * @param author who created it: a user name, or {@code system} for imports and defaults
 * @param comment why it was created, may be {@code null}
 * @param createdAt when it was created
 */
public record MappingVersion(String platform, int version, String status, String contentHash, String author,
		String comment, Instant createdAt) {

	/** Never activated. */
	public static final String DRAFT = "draft";

	/** The version in use; exactly one per platform. */
	public static final String ACTIVE = "active";

	/** Was active, is not anymore. */
	public static final String RETIRED = "retired";

}
