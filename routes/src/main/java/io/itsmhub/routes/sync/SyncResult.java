package io.itsmhub.routes.sync;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a run.
 *
 * @param runId the recorded run, {@code 0} for a dry run
 * @param integration the integration
 * @param mode full, incremental or named items
 * @param dryRun whether write calls were left out
 * @param status {@code completed}, {@code completed_with_failures} or {@code failed}
 * @param counts per target
 * @param plan for a dry run, what would change, per target and item
 */
public record SyncResult(long runId, String integration, SyncMode mode, boolean dryRun, String status,
		Map<String, TargetCounts> counts, List<PlannedChange> plan) {

	/**
	 * What a run would do to one item in one target.
	 *
	 * @param target the platform
	 * @param itemId the item
	 * @param action {@code create}, {@code update} or {@code unchanged}
	 * @param fields per changed field ({@code role.field}), the old and new value
	 */
	public record PlannedChange(String target, String itemId, String action, Map<String, List<Object>> fields) {

	}

}
