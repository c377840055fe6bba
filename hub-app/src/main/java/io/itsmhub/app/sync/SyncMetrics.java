package io.itsmhub.app.sync;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.JdbcTemplate;

import io.itsmhub.routes.sync.SyncResult;

/**
 * Micrometer meters of the sync, per target: items pushed by outcome, API calls,
 * durations, pending relationships, open dead letters, and how fresh each source is.
 */
public class SyncMetrics {

	private final MeterRegistry registry;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final Map<String, AtomicInteger> pendingRelations = new ConcurrentHashMap<>();

	public SyncMetrics(MeterRegistry registry, JdbcTemplate jdbc, Clock clock) {
		this.registry = registry;
		this.jdbc = jdbc;
		this.clock = clock;
		Gauge.builder("hub.sync.dead.letters.open", this, SyncMetrics::openDeadLetters)
			.description("Failed pushes waiting for a replay")
			.register(registry);
	}

	/** Counts what a run did. */
	public void record(SyncResult result) {
		if (result.dryRun()) {
			return;
		}
		result.counts().forEach((target, counts) -> {
			count(target, "created", counts.created());
			count(target, "updated", counts.updated());
			count(target, "unchanged", counts.unchanged());
			count(target, "retired", counts.retired());
			count(target, "failed", counts.failed());
			this.registry.counter("hub.sync.api.calls", "target", target).increment(counts.apiCalls());
			this.registry.counter("hub.sync.relations.pushed", "target", target).increment(counts.relationsPushed());
			this.registry.counter("hub.sync.relations.retired", "target", target).increment(counts.relationsRetired());
			this.registry.timer("hub.sync.duration", "target", target)
				.record(counts.durationMillis(), TimeUnit.MILLISECONDS);
			this.pendingRelations.computeIfAbsent(target, (t) -> {
				AtomicInteger gauge = new AtomicInteger();
				Gauge.builder("hub.sync.relations.pending", gauge, AtomicInteger::get)
					.tag("target", t)
					.register(this.registry);
				return gauge;
			}).set(counts.relationsPending());
		});
	}

	/**
	 * Registers a freshness gauge for each source: seconds since its last good ingest.
	 */
	public void watchSources(List<String> sources) {
		for (String source : sources) {
			Gauge.builder("hub.source.freshness.seconds", this, (metrics) -> metrics.secondsSinceGoodIngest(source))
				.tag("source", source)
				.description("Seconds since the source's last ingest that accepted records")
				.register(this.registry);
		}
	}

	private void count(String target, String outcome, int amount) {
		if (amount > 0) {
			this.registry.counter("hub.sync.items", "target", target, "outcome", outcome).increment(amount);
		}
	}

	private double openDeadLetters() {
		Integer open = this.jdbc.queryForObject("SELECT COUNT(*) FROM dead_letters WHERE status = 'open'",
				Integer.class);
		return (open != null) ? open : 0;
	}

	private double secondsSinceGoodIngest(String source) {
		OffsetDateTime last = this.jdbc.queryForObject(
				"SELECT MAX(finished_at) FROM ingest_runs WHERE source = ? AND status IN ('completed', 'partial')",
				OffsetDateTime.class, source);
		return (last != null) ? (this.clock.millis() - last.toInstant().toEpochMilli()) / 1000.0 : Double.NaN;
	}

}
