package io.itsmhub.routes.sync;

import java.time.Duration;
import java.util.List;

/**
 * What an integration may do on its own.
 *
 * @param retireAfter how long no authoritative source may have seen an item before it is
 * retired in the targets; {@code null} never retires
 * @param authoritativeSources the sources whose sightings keep an item alive (discovery);
 * an item no such source ever reported is never retired
 * @param maxChangeShare the largest share of a target's records one run may update or
 * retire without approval, such as {@code 0.25}
 * @param guardMinimum below this many records in a target the guard stays out of the way
 */
public record SyncPolicy(Duration retireAfter, List<String> authoritativeSources, double maxChangeShare,
		int guardMinimum) {

	public SyncPolicy {
		authoritativeSources = (authoritativeSources != null) ? List.copyOf(authoritativeSources) : List.of();
	}

	/** Never retires, never stops a run. */
	public static SyncPolicy lenient() {
		return new SyncPolicy(null, List.of(), 1.0, Integer.MAX_VALUE);
	}

}
