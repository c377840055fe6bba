package io.itsmhub.app.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.itsmhub.app.sync.SyncQueries;
import io.itsmhub.app.sync.SyncService;
import io.itsmhub.routes.sync.SyncEngine;
import io.itsmhub.routes.sync.SyncMode;
import io.itsmhub.routes.sync.SyncResult;

/** Runs of integrations and what failed in them. */
@RestController
@RequestMapping("/api")
public class SyncController {

	private final SyncService sync;

	private final SyncQueries queries;

	public SyncController(SyncService sync, SyncQueries queries) {
		this.sync = sync;
		this.queries = queries;
	}

	/**
	 * {@code POST /api/integrations/{name}/runs?mode=full|incremental&dryRun=true}: runs
	 * the integration now and answers its counts per target; a dry run answers the plan
	 * (per target, item and field: old and new value) and calls no write API.
	 */
	@PostMapping("/integrations/{name}/runs")
	public SyncResult run(@PathVariable String name, @RequestParam(defaultValue = "full") String mode,
			@RequestParam(defaultValue = "false") boolean dryRun) {
		SyncMode syncMode = switch (mode.toLowerCase(Locale.ROOT)) {
			case "full" -> SyncMode.FULL;
			case "incremental" -> SyncMode.INCREMENTAL;
			default -> throw new BadRequestException("mode", "'" + mode + "' is not a mode; use full or incremental");
		};
		return this.sync.run(name, syncMode, dryRun);
	}

	/** {@code GET /api/runs/{id}}: one run and its counts per target. */
	@GetMapping("/runs/{id}")
	public SyncQueries.RunView runView(@PathVariable long id) {
		SyncQueries.RunView run = this.queries.run(id);
		if (run == null) {
			throw new NotFoundException("run " + id + " does not exist");
		}
		return run;
	}

	/**
	 * {@code POST /api/runs/{id}/approve}: a run stopped by the mass-change guard goes
	 * ahead (as a new run); the stopped one is marked approved.
	 */
	@PostMapping("/runs/{id}/approve")
	public SyncResult approve(@PathVariable long id) {
		SyncQueries.RunView run = awaitingApproval(id);
		this.queries.markRun(id, "approved");
		return this.sync.approved(run.integration(), SyncMode.valueOf(run.mode().toUpperCase(Locale.ROOT)));
	}

	/** {@code POST /api/runs/{id}/reject}: a run stopped by the guard is dropped. */
	@PostMapping("/runs/{id}/reject")
	public SyncQueries.RunView reject(@PathVariable long id) {
		awaitingApproval(id);
		this.queries.markRun(id, "rejected");
		return this.queries.run(id);
	}

	private SyncQueries.RunView awaitingApproval(long id) {
		SyncQueries.RunView run = runView(id);
		if (!"awaiting_approval".equals(run.status())) {
			throw new BadRequestException("id", "run " + id + " is " + run.status() + ", not awaiting approval");
		}
		return run;
	}

	/** {@code GET /api/dead-letters?status=open&target=servicenow}. */
	@GetMapping("/dead-letters")
	public List<SyncQueries.DeadLetterView> deadLetters(@RequestParam(required = false) String status,
			@RequestParam(required = false) String target) {
		return this.queries.deadLetters(status, target);
	}

	/** {@code POST /api/dead-letters/{id}/replay}: pushes the item again. */
	@PostMapping("/dead-letters/{id}/replay")
	public Map<String, Object> replay(@PathVariable long id) {
		SyncQueries.DeadLetterView letter = this.queries.deadLetter(id);
		if (letter == null) {
			throw new NotFoundException("dead letter " + id + " does not exist");
		}
		return replay(List.of(letter));
	}

	/**
	 * {@code POST /api/dead-letters/replay}: pushes the items of every open dead letter
	 * again.
	 */
	@PostMapping("/dead-letters/replay")
	public Map<String, Object> replayAll(@RequestParam(required = false) String target) {
		return replay(this.queries.deadLetters("open", target));
	}

	private Map<String, Object> replay(List<SyncQueries.DeadLetterView> letters) {
		Map<String, Set<String>> itemsByTarget = new java.util.LinkedHashMap<>();
		for (SyncQueries.DeadLetterView letter : letters) {
			if (letter.itemId() != null) {
				itemsByTarget.computeIfAbsent(letter.target(), (t) -> new LinkedHashSet<>()).add(letter.itemId());
			}
			this.queries.markDeadLetter(letter.id(), "replayed");
		}
		List<SyncResult> results = new ArrayList<>();
		itemsByTarget.forEach((target, items) -> results.addAll(this.sync.pushItems(target, items)));
		return Map.of("replayed", letters.size(), "runs", results);
	}

	@ExceptionHandler(SyncService.UnknownIntegrationException.class)
	ProblemDetail unknown(SyncService.UnknownIntegrationException ex) {
		return ApiExceptionHandler.problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler(SyncEngine.RunInProgressException.class)
	ProblemDetail busy(SyncEngine.RunInProgressException ex) {
		return ApiExceptionHandler.problem(HttpStatus.CONFLICT, "Run in progress", ex.getMessage());
	}

}
