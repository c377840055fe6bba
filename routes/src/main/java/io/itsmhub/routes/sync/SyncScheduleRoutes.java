package io.itsmhub.routes.sync;

import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Quartz timer per scheduled sync: {@code sync-<integration>-full} and
 * {@code sync-<integration>-incremental}. A timer that fires while the integration still
 * runs is skipped: runs of one integration never overlap.
 */
public class SyncScheduleRoutes extends RouteBuilder {

	private static final Logger log = LoggerFactory.getLogger(SyncScheduleRoutes.class);

	private final Map<String, Schedule> schedules;

	private final Trigger trigger;

	public SyncScheduleRoutes(Map<String, Schedule> schedules, Trigger trigger) {
		this.schedules = schedules;
		this.trigger = trigger;
	}

	@Override
	public void configure() {
		this.schedules.forEach((integration, schedule) -> {
			timer(integration, SyncMode.FULL, schedule.fullCron());
			timer(integration, SyncMode.INCREMENTAL, schedule.incrementalCron());
		});
	}

	private void timer(String integration, SyncMode mode, String cron) {
		if (cron == null || cron.isBlank()) {
			return;
		}
		String id = "sync-" + integration + "-" + mode.name().toLowerCase();
		from("quartz://hub-sync/" + id + "?cron=" + cron.trim().replace(' ', '+')).routeId(id).process((exchange) -> {
			try {
				this.trigger.run(integration, mode);
			}
			catch (SyncEngine.RunInProgressException ex) {
				log.info("{}: skipped, the previous run of {} is still going", id, integration);
			}
		}).id(id + "-run");
	}

	/** What a timer starts. */
	@FunctionalInterface
	public interface Trigger {

		void run(String integration, SyncMode mode);

	}

	/**
	 * The timers of one integration.
	 *
	 * @param fullCron Quartz cron of full syncs, empty for none
	 * @param incrementalCron Quartz cron of incremental syncs, empty for none
	 */
	public record Schedule(String fullCron, String incrementalCron) {

	}

}
