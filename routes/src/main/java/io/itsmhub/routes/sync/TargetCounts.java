package io.itsmhub.routes.sync;

/**
 * What one run did to one target.
 *
 * @param created records created
 * @param updated records updated
 * @param unchanged items whose payload was the same as last time (no call made)
 * @param outOfScope items the mapping's scope leaves out
 * @param retired records retired
 * @param failed items that failed (dead letters)
 * @param relationsPushed relations created
 * @param relationsPending relations waiting for their other end
 * @param relationsRetired relations pushed before and removed from the target now,
 * because an end was retired or the item no longer reports them
 * @param apiCalls calls made to the connector
 * @param durationMillis how long the target took
 */
public record TargetCounts(int created, int updated, int unchanged, int outOfScope, int retired, int failed,
		int relationsPushed, int relationsPending, int relationsRetired, int apiCalls, long durationMillis) {

	/** Counts of a run that retired no relation. */
	public TargetCounts(int created, int updated, int unchanged, int outOfScope, int retired, int failed,
			int relationsPushed, int relationsPending, int apiCalls, long durationMillis) {
		this(created, updated, unchanged, outOfScope, retired, failed, relationsPushed, relationsPending, 0, apiCalls,
				durationMillis);
	}

}
