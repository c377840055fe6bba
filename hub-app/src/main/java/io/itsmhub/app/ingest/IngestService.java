package io.itsmhub.app.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.itsmhub.api.ingest.IngestReport;
import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.ingest.RecordRejection;
import io.itsmhub.api.json.CanonicalItemReader;
import io.itsmhub.app.store.IngestRunStore;
import io.itsmhub.reconciliation.Reconciler;
import io.itsmhub.reconciliation.RecordOutcome;
import io.itsmhub.reconciliation.ReconciliationResult;

/**
 * Takes records from every way in (API bodies, dropped files, agents, topics, pulls, demo
 * data), reconciles them in batches and records the run. One bad record never stops the
 * good ones.
 */
public class IngestService {

	private static final Logger log = LoggerFactory.getLogger(IngestService.class);

	private static final Pattern SOURCE_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

	private final Reconciler reconciler;

	private final IngestRunStore runs;

	private final SourceFileReaders readers;

	private final CanonicalItemReader canonical;

	private final int batchSize;

	private final Clock clock;

	private volatile java.util.function.Consumer<List<String>> changedItems = (ids) -> {
	};

	public IngestService(Reconciler reconciler, IngestRunStore runs, SourceFileReaders readers, int batchSize,
			Clock clock) {
		this.reconciler = reconciler;
		this.runs = runs;
		this.readers = readers;
		this.canonical = new CanonicalItemReader(clock);
		this.batchSize = batchSize;
		this.clock = clock;
	}

	/**
	 * Checks a source name from a URL or a folder name.
	 * @throws IllegalArgumentException when it is not a valid source name
	 */
	public static String checkSource(String source) {
		if (source == null || !SOURCE_NAME.matcher(source).matches()) {
			throw new IllegalArgumentException("source '" + source
					+ "' is not a valid source name: use lower-case letters, digits, '-' and '_', at most 64");
		}
		return source;
	}

	/** Ingests a body of canonical items (a JSON array, an object, or NDJSON). */
	public Outcome ingestCanonical(String source, byte[] body, String origin) {
		checkSource(source);
		Instant started = this.clock.instant();
		ParsedRecords records = this.canonical.read(body, source);
		return reconcileAndRecord(source, origin, null, records, started);
	}

	/**
	 * Ingests a body in the source's configured format ({@code hub.ingest.formats}),
	 * canonical items when none is configured.
	 * @throws UnreadableFileException when nothing of the body can be read; the run is
	 * recorded as failed
	 */
	public Outcome ingestBody(String source, byte[] body, String origin) {
		checkSource(source);
		Instant started = this.clock.instant();
		ParsedRecords records;
		try {
			records = this.readers.readBody(source, body);
		}
		catch (UnreadableFileException ex) {
			recordFailure(source, origin, null, ex, started);
			throw ex;
		}
		return reconcileAndRecord(source, origin, null, records, started);
	}

	/**
	 * Ingests one dropped file, in the source's format or else by its extension.
	 * @throws UnreadableFileException when nothing of the file can be read; the run is
	 * recorded as failed
	 */
	public Outcome ingestFile(String source, String fileName, byte[] content, String origin) {
		checkSource(source);
		Instant started = this.clock.instant();
		ParsedRecords records;
		try {
			records = this.readers.read(source, fileName.toLowerCase(Locale.ROOT), content);
		}
		catch (UnreadableFileException ex) {
			recordFailure(source, origin, fileName, ex, started);
			throw ex;
		}
		return reconcileAndRecord(source, origin, fileName, records, started);
	}

	/** The source's format, as {@code hub.ingest.formats} configures it. */
	public SourceFormat format(String source) {
		return this.readers.format(source);
	}

	/** Reads content in a format, for adapters that ingest with {@link #ingestParsed}. */
	public ParsedRecords read(String source, SourceFormat format, byte[] content) {
		return this.readers.read(source, format, content);
	}

	/**
	 * Records a run that read nothing, such as a pull whose API answered an error.
	 * @return the run's id
	 */
	public long recordFailed(String source, String origin, String label, String reason) {
		Instant now = this.clock.instant();
		IngestReport empty = new IngestReport(source, 0, 0, 0, 0, 0, List.of());
		log.warn("Source {} ({}): {}", source, origin, reason);
		return this.runs.record(source, origin, label, empty, "failed", reason, now, now);
	}

	private void recordFailure(String source, String origin, String fileName, UnreadableFileException ex,
			Instant started) {
		IngestReport empty = new IngestReport(source, 0, 0, 0, 0, 0, List.of());
		this.runs.record(source, origin, fileName, empty, "failed", ex.getMessage(), started, this.clock.instant());
		log.warn("Source {}: {} could not be read: {}", source,
				(fileName != null) ? fileName : "the " + origin + " body", ex.getMessage());
	}

	/**
	 * Ingests what a source adapter already read (an agent's inventory, a Kafka message,
	 * a pulled page): the same batching, run record and push-after-ingest hook as every
	 * other way in. The adapter's own rejections are recorded with the rest.
	 * @param source the source name
	 * @param records the adapter's records and rejections
	 * @param origin how they came ({@code agent}, {@code kafka}, {@code pull}, ...)
	 * @param label what the run record names as its file (a file name, a topic and
	 * offset, a URL), or {@code null}
	 */
	public Outcome ingestParsed(String source, ParsedRecords records, String origin, String label) {
		checkSource(source);
		return reconcileAndRecord(source, origin, label, records, this.clock.instant());
	}

	private Outcome reconcileAndRecord(String source, String origin, String fileName, ParsedRecords records,
			Instant started) {
		List<ParsedRecords.Indexed> items = records.items();
		List<RecordOutcome> outcomes = new ArrayList<>(items.size());
		List<RecordRejection> rejections = new ArrayList<>(records.rejections());
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		int conflicts = 0;
		for (int from = 0; from < items.size(); from += this.batchSize) {
			ParsedRecords batch = new ParsedRecords(items.subList(from, Math.min(items.size(), from + this.batchSize)),
					List.of());
			ReconciliationResult result = this.reconciler.reconcile(source, batch);
			outcomes.addAll(result.outcomes());
			rejections.addAll(result.report().rejections());
			created += result.report().created();
			updated += result.report().updated();
			unchanged += result.report().unchanged();
			conflicts += result.report().conflicts();
		}
		IngestReport report = new IngestReport(source, records.total(), created, updated, unchanged, conflicts,
				rejections);
		String status = report.rejected() == 0 ? "completed" : (report.accepted() > 0 ? "partial" : "rejected");
		long runId = this.runs.record(source, origin, fileName, report, status, null, started, this.clock.instant());
		log.info("Source {} ({}{}): {} received, {} created, {} updated, {} unchanged, {} rejected", source, origin,
				(fileName != null) ? " " + fileName : "", report.received(), created, updated, unchanged,
				report.rejected());
		List<String> changed = outcomes.stream()
			.filter((o) -> o.status() == RecordOutcome.Status.CREATED || o.status() == RecordOutcome.Status.UPDATED)
			.map(RecordOutcome::itemId)
			.distinct()
			.toList();
		this.changedItems.accept(changed);
		return new Outcome(runId, report, outcomes);
	}

	/**
	 * Who hears of the items each ingest created or changed (the sync, to push them
	 * within seconds).
	 */
	public void onChangedItems(java.util.function.Consumer<List<String>> listener) {
		this.changedItems = listener;
	}

	/**
	 * What an ingest did.
	 *
	 * @param runId the recorded run
	 * @param report counts and rejections
	 * @param outcomes what became of each record that reached reconciliation
	 */
	public record Outcome(long runId, IngestReport report, List<RecordOutcome> outcomes) {

	}

}
