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
 * @param apiCalls calls made to the connector
 * @param durationMillis how long the target took
 */
public record TargetCounts(int created, int updated, int unchanged, int outOfScope, int retired, int failed,
		int relationsPushed, int relationsPending, int apiCalls, long durationMillis) {

}
