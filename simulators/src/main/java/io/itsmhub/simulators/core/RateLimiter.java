package io.itsmhub.simulators.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fixed-window counters per rule and credential, like the per-API-key limits the
 * platforms document.
 */
final class RateLimiter {

	private final Clock clock;

	private final List<RateLimitRule> rules = new ArrayList<>();

	private final Map<String, long[]> windows = new HashMap<>();

	RateLimiter(Clock clock) {
		this.clock = clock;
	}

	synchronized void replaceRules(List<RateLimitRule> newRules) {
		this.rules.clear();
		this.rules.addAll(newRules);
		this.windows.clear();
	}

	synchronized List<RateLimitRule> rules() {
		return List.copyOf(this.rules);
	}

	synchronized void resetCounters() {
		this.windows.clear();
	}

	/**
	 * Counts the request against every matching rule.
	 * @param request the request
	 * @param principal who sent it
	 * @return the verdict of the first rule exceeded, or {@code null} when allowed
	 */
	synchronized Exceeded acquire(SimRequest request, String principal) {
		long now = this.clock.millis();
		for (RateLimitRule rule : this.rules) {
			if (!rule.matches(request)) {
				continue;
			}
			long windowMillis = rule.window().toMillis();
			long[] window = this.windows.computeIfAbsent(rule.name() + "|" + principal, (k) -> new long[] { now, 0 });
			if (now - window[0] >= windowMillis) {
				window[0] = now;
				window[1] = 0;
			}
			if (window[1] >= rule.limit()) {
				long resetAt = window[0] + windowMillis;
				long retryAfter = Math.max(1, (resetAt - now + 999) / 1000);
				return new Exceeded(rule, retryAfter, resetAt / 1000);
			}
			window[1]++;
		}
		return null;
	}

	record Exceeded(RateLimitRule rule, long retryAfterSeconds, long resetEpochSecond) {
	}

}
