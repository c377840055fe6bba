package io.itsmhub.routes.ingest;

import java.util.Map;
import java.util.function.Consumer;

import org.apache.camel.builder.RouteBuilder;

import io.itsmhub.routes.RouteIds;

/**
 * One Quartz route per REST pull source, {@code pull-<source>}: on its cron, the source's
 * API is pulled page by page and ingested as one run. The paging and reading live in the
 * puller; the route only says when.
 */
public class PullRoutes extends RouteBuilder {

	private final Map<String, String> crons;

	private final Consumer<String> puller;

	/**
	 * @param crons per source, its Quartz cron ({@code 0 0 * * * ?})
	 * @param puller pulls and ingests one source
	 */
	public PullRoutes(Map<String, String> crons, Consumer<String> puller) {
		this.crons = Map.copyOf(crons);
		this.puller = puller;
	}

	@Override
	public void configure() {
		this.crons.forEach((source,
				cron) -> from(
						"quartz://hub-pull/" + source + "?cron=" + cron.trim().replace(' ', '+') + "&stateful=true")
					.routeId(RouteIds.pull(source))
					.process((exchange) -> this.puller.accept(source))
					.id(RouteIds.pull(source) + "-page"));
	}

}
