package io.itsmhub.app.sync;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.itsmhub.routes.sync.SyncPolicy;
import io.itsmhub.routes.sync.TargetGuard;

/**
 * Integrations and how hard the hub pushes each platform.
 *
 * @param integrations by name: which targets each pushes to, and when
 * @param guard the rate limit, retries and circuit breaker of every target
 */
@ConfigurationProperties("hub.sync")
public record SyncProperties(@DefaultValue Map<String, Integration> integrations, @DefaultValue Guard guard) {

	/** The target list entry that stands for every enabled target. */
	public static final String ALL_TARGETS = "*";

	/**
	 * These settings with {@code "*"} in every integration's targets spelt out.
	 * @param enabled the platform ids of the enabled targets
	 * @return the settings
	 */
	public SyncProperties withTargetsResolved(List<String> enabled) {
		Map<String, Integration> resolved = new java.util.LinkedHashMap<>();
		this.integrations.forEach((name, integration) -> resolved.put(name, integration.withTargetsResolved(enabled)));
		return new SyncProperties(resolved, this.guard);
	}

	/**
	 * One integration.
	 *
	 * @param targets the platform ids it pushes to; {@code "*"} stands for every enabled
	 * target
	 * @param fullCron when it runs a full sync (Quartz cron, such as
	 * {@code 0 0 2 * * ?}), empty for never
	 * @param incrementalCron when it runs an incremental sync, empty for never
	 * @param pushOnIngest whether items changed by an ingest are pushed right after it
	 * @param syncOnStart whether a full sync runs once when the hub starts
	 * @param retireAfter how long no authoritative source may have seen an item before
	 * full syncs retire it in the targets (never deleted); empty never retires
	 * @param authoritativeSources the discovery sources whose sightings keep items alive
	 * @param maxChangeShare the largest share of a target's records one run may update or
	 * retire before it waits for approval
	 * @param guardMinimum targets with fewer records than this are not guarded
	 */
	public record Integration(@DefaultValue List<String> targets, String fullCron, String incrementalCron,
			@DefaultValue("false") boolean pushOnIngest, @DefaultValue("false") boolean syncOnStart,
			Duration retireAfter, @DefaultValue List<String> authoritativeSources,
			@DefaultValue("0.2") double maxChangeShare, @DefaultValue("50") int guardMinimum) {

		/**
		 * This integration with {@code "*"} in its targets replaced by every enabled one.
		 * @param enabled the platform ids of the enabled targets
		 * @return the integration with its targets spelt out
		 */
		public Integration withTargetsResolved(List<String> enabled) {
			if (!this.targets.contains(ALL_TARGETS)) {
				return this;
			}
			java.util.LinkedHashSet<String> resolved = new java.util.LinkedHashSet<>();
			this.targets.forEach((target) -> {
				if (ALL_TARGETS.equals(target)) {
					resolved.addAll(enabled);
				}
				else {
					resolved.add(target);
				}
			});
			return new Integration(List.copyOf(resolved), this.fullCron, this.incrementalCron, this.pushOnIngest,
					this.syncOnStart, this.retireAfter, this.authoritativeSources, this.maxChangeShare,
					this.guardMinimum);
		}

		public SyncPolicy policy() {
			return new SyncPolicy(this.retireAfter, this.authoritativeSources, this.maxChangeShare, this.guardMinimum);
		}

	}

	/**
	 * How hard to push one target; every target gets its own budget.
	 *
	 * @param callsPerSecond calls per second per target
	 * @param maxAttempts attempts per call, the first included
	 * @param backoff the first wait between attempts, doubled each time, with jitter
	 * @param maxWait the longest wait, {@code Retry-After} included
	 * @param circuitMinimumCalls calls before the circuit breaker judges
	 * @param circuitOpenFor how long an open circuit refuses calls
	 */
	public record Guard(@DefaultValue("20") int callsPerSecond, @DefaultValue("5") int maxAttempts,
			@DefaultValue("500ms") Duration backoff, @DefaultValue("60s") Duration maxWait,
			@DefaultValue("20") int circuitMinimumCalls, @DefaultValue("30s") Duration circuitOpenFor) {

		TargetGuard.Settings settings() {
			return new TargetGuard.Settings(this.callsPerSecond, this.maxAttempts, this.backoff, this.maxWait,
					this.circuitMinimumCalls, this.circuitOpenFor);
		}

	}

}
