package io.itsmhub.routes.sync;

import java.time.Instant;

import io.itsmhub.api.target.TargetRef;

/**
 * Which platform record an item became, and what was last pushed to it.
 *
 * @param itemId the item
 * @param target the platform id
 * @param ref the platform's record, {@code null} while it has none
 * @param lastHash the content hash of the last payload the platform accepted
 * @param relationsHash a hash of the relations last pushed, resolved to platform records
 * @param status {@code ok}, {@code pending} (a create was sent but not answered: look up
 * before creating again), {@code failed} or {@code retired}
 * @param pushedAt when the platform last accepted a push
 * @param lastPayload the last accepted payload as JSON, for dry-run plans
 */
public record CrossReference(String itemId, String target, TargetRef ref, String lastHash, String relationsHash,
		String status, Instant pushedAt, String lastPayload) {

	public static final String OK = "ok";

	public static final String PENDING = "pending";

	public static final String FAILED = "failed";

	public static final String RETIRED = "retired";

	public CrossReference withStatus(String status) {
		return new CrossReference(this.itemId, this.target, this.ref, this.lastHash, this.relationsHash, status,
				this.pushedAt, this.lastPayload);
	}

}
