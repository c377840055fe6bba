package io.itsmhub.app.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.itsmhub.api.ingest.IngestReport;
import io.itsmhub.app.ingest.IngestProperties;
import io.itsmhub.app.ingest.IngestService;
import io.itsmhub.app.ingest.UnreadableFileException;
import io.itsmhub.app.store.IngestRun;
import io.itsmhub.app.store.IngestRunStore;

/** The ingest API: canonical items from any source, and the record of past ingests. */
@RestController
@RequestMapping("/api")
public class IngestController {

	private final IngestService ingest;

	private final IngestRunStore runs;

	private final long maxBodySize;

	public IngestController(IngestService ingest, IngestRunStore runs, IngestProperties properties) {
		this.ingest = ingest;
		this.runs = runs;
		this.maxBodySize = properties.maxBodySize().toBytes();
	}

	/**
	 * {@code POST /api/sources/{source}/items}: a JSON array, one object, or NDJSON of
	 * canonical items, or the source's own format when {@code hub.ingest.formats} names
	 * one (an AWS Config snapshot, a NetBox page, ...). Each record is accepted or
	 * rejected on its own; the answer lists every rejected record with its index, field
	 * and reason. When no record at all could be accepted, the answer is a 422 problem
	 * with the same list.
	 */
	@PostMapping(path = "/sources/{source}/items", consumes = { MediaType.APPLICATION_JSON_VALUE,
			"application/x-ndjson", "application/ndjson", MediaType.TEXT_PLAIN_VALUE, MediaType.ALL_VALUE })
	public ResponseEntity<Object> ingest(@PathVariable String source, HttpServletRequest request) throws IOException {
		try {
			IngestService.checkSource(source);
		}
		catch (IllegalArgumentException ex) {
			throw new BadRequestException("source", ex.getMessage());
		}
		byte[] body = readLimited(request);
		IngestService.Outcome outcome;
		try {
			outcome = this.ingest.ingestBody(source, body, "api");
		}
		catch (UnreadableFileException ex) {
			throw new BadRequestException("body", ex.getMessage());
		}
		IngestReport report = outcome.report();
		IngestAnswer answer = IngestAnswer.of(outcome.runId(), report);
		if (report.received() > 0 && report.accepted() == 0) {
			ProblemDetail problem = ApiExceptionHandler.problem(HttpStatus.UNPROCESSABLE_ENTITY, "No record accepted",
					"none of the " + report.received() + " records of source '" + source
							+ "' could be accepted; see rejections");
			problem.setProperty("runId", outcome.runId());
			problem.setProperty("rejections", answer.rejections());
			return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		return ResponseEntity.ok(answer);
	}

	/** {@code GET /api/sources/{source}/runs}: the source's recent ingests. */
	@GetMapping("/sources/{source}/runs")
	public java.util.List<IngestRun> runs(@PathVariable String source) {
		return this.runs.recent(source, 50);
	}

	/** {@code GET /api/ingest-runs/{id}}: one ingest with every rejected record. */
	@GetMapping("/ingest-runs/{id}")
	public IngestRun run(@PathVariable long id) {
		IngestRun run = this.runs.find(id);
		if (run == null) {
			throw new NotFoundException("ingest run " + id + " does not exist");
		}
		return run;
	}

	private byte[] readLimited(HttpServletRequest request) throws IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.maxBodySize) {
			throw tooLarge(declared);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream((declared > 0) ? (int) declared : 8192);
		byte[] buffer = new byte[65536];
		long total = 0;
		try (InputStream in = request.getInputStream()) {
			int read;
			while ((read = in.read(buffer)) != -1) {
				total += read;
				if (total > this.maxBodySize) {
					throw tooLarge(total);
				}
				out.write(buffer, 0, read);
			}
		}
		return out.toByteArray();
	}

	private PayloadTooLargeException tooLarge(long size) {
		return new PayloadTooLargeException("the body (at least " + size + " bytes) is larger than the limit of "
				+ this.maxBodySize + " bytes (hub.ingest.max-body-size); split it into several requests");
	}

	/**
	 * The answer to an ingest.
	 *
	 * @param runId the recorded run
	 * @param source the source
	 * @param received records read
	 * @param created items created
	 * @param updated items changed
	 * @param unchanged records that changed nothing
	 * @param conflicts records that raised an identifier conflict
	 * @param rejected records rejected
	 * @param rejections every rejected record
	 */
	public record IngestAnswer(long runId, String source, int received, int created, int updated, int unchanged,
			int conflicts, int rejected, java.util.List<io.itsmhub.api.ingest.RecordRejection> rejections) {

		static IngestAnswer of(long runId, IngestReport report) {
			return new IngestAnswer(runId, report.source(), report.received(), report.created(), report.updated(),
					report.unchanged(), report.conflicts(), report.rejected(), report.rejections());
		}

	}

}
