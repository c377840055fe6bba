package io.itsmhub.app.store;

import java.time.Instant;
import java.util.List;

/**
 * One recorded ingest.
 *
 * @param id the run's id
 * @param source the source
 * @param origin {@code api}, {@code file} or {@code demo}
 * @param fileName the file, for file drops
 * @param status {@code completed}, {@code partial} or {@code failed}
 * @param received records read
 * @param created items created
 * @param updated items changed
 * @param unchanged records that changed nothing
 * @param conflicts records that raised a conflict
 * @param rejected records rejected
 * @param message why a failed run failed
 * @param startedAt when it started
 * @param finishedAt when it finished
 * @param rejections every rejected field, when asked for one run
 */
public record IngestRun(long id, String source, String origin, String fileName, String status, int received,
		int created, int updated, int unchanged, int conflicts, int rejected, String message, Instant startedAt,
		Instant finishedAt, List<Rejection> rejections) {

	/**
	 * One rejected field of one record.
	 *
	 * @param index the record's position
	 * @param sourceKey its key, when readable
	 * @param field the field at fault
	 * @param reason why
	 */
	public record Rejection(int index, String sourceKey, String field, String reason) {

	}

}
