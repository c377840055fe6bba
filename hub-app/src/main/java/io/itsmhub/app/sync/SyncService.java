package io.itsmhub.app.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.itsmhub.routes.sync.SyncEngine;
import io.itsmhub.routes.sync.SyncMode;
import io.itsmhub.routes.sync.SyncResult;

/** Runs integrations: from the API, schedules, ingests and dead-letter replays. */
public class SyncService {

	private static final Logger log = LoggerFactory.getLogger(SyncService.class);

	private final SyncEngine engine;

	private final SyncProperties properties;

	/** How long changes are gathered before they are pushed. */
	static final long DEBOUNCE_MILLIS = 200;

	private final Set<String> pending = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean flushScheduled = new AtomicBoolean();

	private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "hub-push-on-ingest");
		thread.setDaemon(true);
		return thread;
	});

	private final SyncMetrics metrics;

	public SyncService(SyncEngine engine, SyncProperties properties, SyncMetrics metrics) {
		this.engine = engine;
		this.properties = properties;
		this.metrics = metrics;
	}

	/**
	 * Runs an integration now.
	 * @throws UnknownIntegrationException when no integration has that name
	 * @throws SyncEngine.RunInProgressException when it is already running
	 */
	public SyncResult run(String integration, SyncMode mode, boolean dryRun) {
		return measured(this.engine.run(integration, targets(integration), mode, dryRun, List.of(),
				integration(integration).policy(), false));
	}

	/**
	 * Runs again, past the mass-change guard, an integration whose run waits for
	 * approval.
	 */
	public SyncResult approved(String integration, SyncMode mode) {
		return measured(this.engine.run(integration, targets(integration), mode, false, List.of(),
				integration(integration).policy(), true));
	}

	/** Pushes named items of every target of every integration that has the target. */
	public List<SyncResult> pushItems(String target, Collection<String> itemIds) {
		List<SyncResult> results = new ArrayList<>();
		for (Map.Entry<String, SyncProperties.Integration> integration : this.properties.integrations().entrySet()) {
			if (target == null || integration.getValue().targets().contains(target)) {
				List<String> targets = (target != null) ? List.of(target) : integration.getValue().targets();
				results.add(measured(this.engine.run(integration.getKey(), targets, SyncMode.ITEMS, false, itemIds)));
			}
		}
		return results;
	}

	/**
	 * Pushes items that an ingest changed, for the integrations that ask for it, without
	 * blocking the ingest. Changes are debounced: items changed within
	 * {@link #DEBOUNCE_MILLIS} go out in one push.
	 */
	public void afterIngest(Collection<String> changedItemIds) {
		if (changedItemIds.isEmpty() || this.properties.integrations()
			.values()
			.stream()
			.noneMatch(SyncProperties.Integration::pushOnIngest)) {
			return;
		}
		this.pending.addAll(changedItemIds);
		scheduleFlush();
	}

	private void scheduleFlush() {
		if (this.flushScheduled.compareAndSet(false, true)) {
			this.background.schedule(this::flush, DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS);
		}
	}

	private void flush() {
		this.flushScheduled.set(false);
		List<String> ids = new ArrayList<>();
		for (Iterator<String> it = this.pending.iterator(); it.hasNext();) {
			ids.add(it.next());
			it.remove();
		}
		if (ids.isEmpty()) {
			return;
		}
		this.properties.integrations().forEach((name, integration) -> {
			if (integration.pushOnIngest()) {
				try {
					measured(this.engine.run(name, integration.targets(), SyncMode.ITEMS, false, ids));
				}
				catch (SyncEngine.RunInProgressException ex) {
					// a push of named items is running: send these right after it
					this.pending.addAll(ids);
					scheduleFlush();
				}
				catch (RuntimeException ex) {
					log.warn("Integration {}: push after ingest failed: {}", name, ex.getMessage());
				}
			}
		});
	}

	private SyncResult measured(SyncResult result) {
		this.metrics.record(result);
		return result;
	}

	public List<String> targets(String integration) {
		return integration(integration).targets();
	}

	private SyncProperties.Integration integration(String name) {
		SyncProperties.Integration found = this.properties.integrations().get(name);
		if (found == null) {
			throw new UnknownIntegrationException(name, this.properties.integrations().keySet());
		}
		return found;
	}

	/** No integration has that name. */
	public static class UnknownIntegrationException extends RuntimeException {

		public UnknownIntegrationException(String name, Collection<String> known) {
			super("integration '" + name + "' does not exist; configured integrations: "
					+ (known.isEmpty() ? "none (hub.sync.integrations)" : String.join(", ", known)));
		}

	}

}
