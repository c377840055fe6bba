package io.itsmhub.app.api;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.itsmhub.app.ingest.IngestService;
import io.itsmhub.app.pull.RestPuller;
import io.itsmhub.app.store.IngestRun;
import io.itsmhub.app.store.IngestRunStore;

/** Pulls a REST source now, without waiting for its cron. */
@RestController
@RequestMapping("/api")
public class PullController {

	private final RestPuller puller;

	private final IngestRunStore runs;

	public PullController(RestPuller puller, IngestRunStore runs) {
		this.puller = puller;
		this.runs = runs;
	}

	/**
	 * {@code POST /api/sources/{source}/pull}: pulls every page now and answers the run
	 * with every rejected record; a pull the API stopped is a 502 with the failed run.
	 */
	@PostMapping("/sources/{source}/pull")
	public ResponseEntity<IngestRun> pull(@PathVariable String source) {
		if (!this.puller.sources().containsKey(source)) {
			throw new NotFoundException("no REST pull is configured for source '" + source + "' (hub.pull)");
		}
		IngestService.Outcome outcome = this.puller.pull(source);
		if (outcome == null) {
			return ResponseEntity.status(502).body(this.runs.recent(source, 1).get(0));
		}
		return ResponseEntity.ok(this.runs.find(outcome.runId()));
	}

}
