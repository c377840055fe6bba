package io.itsmhub.routes.sync;

import java.time.Instant;

/**
 * A push that failed for good or ran out of retries, kept to be replayed once fixed.
 *
 * @param id the dead letter's id ({@code 0} before it is stored)
 * @param target the platform
 * @param itemId the item
 * @param operation {@code upsert}, {@code relate}, {@code retire} or {@code map}
 * @param payload what would have been sent, as JSON
 * @param reason the platform's own error text, or the mapping's
 * @param attempts how many times it was tried
 * @param status {@code open}, {@code replayed} or {@code resolved}
 * @param createdAt when it failed first
 */
public record DeadLetter(long id, String target, String itemId, String operation, String payload, String reason,
		int attempts, String status, Instant createdAt) {

}
