package io.itsmhub.sources;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.itsmhub.api.ingest.FieldError;
import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.ingest.RecordRejection;
import io.itsmhub.api.json.CanonicalItemReader;
import io.itsmhub.api.model.DiscoveredItem;

/**
 * Collects the records of one input: each draft is validated by the canonical reader and
 * kept as an item or as a rejection naming every bad field, so one bad record never stops
 * the others.
 */
public final class RecordCollector {

	private final CanonicalItemReader reader;

	private final String source;

	private final List<ParsedRecords.Indexed> items = new ArrayList<>();

	private final List<RecordRejection> rejections = new ArrayList<>();

	public RecordCollector(String source, Clock clock) {
		this.reader = new CanonicalItemReader(clock);
		this.source = source;
	}

	/**
	 * Validates one record and keeps it as an item or a rejection.
	 * @param index the record's position in its input, from 0
	 * @param draft the record
	 * @param errors errors the source already found in this record, reported with those
	 * of the canonical reader
	 * @return the item, or {@code null} when the record was rejected
	 */
	public DiscoveredItem add(int index, CanonicalDraft draft, List<FieldError> errors) {
		return add(index, draft, errors, false);
	}

	/**
	 * Validates one record that only updates an item the source already reported (see
	 * {@link ParsedRecords.Indexed#updateOnly()}).
	 */
	public DiscoveredItem addUpdate(int index, CanonicalDraft draft) {
		return add(index, draft, List.of(), true);
	}

	private DiscoveredItem add(int index, CanonicalDraft draft, List<FieldError> errors, boolean updateOnly) {
		List<FieldError> all = new ArrayList<>(errors);
		DiscoveredItem item = this.reader.toItem(draft.toJson(), this.source, all);
		if (all.isEmpty() && item != null) {
			this.items.add(new ParsedRecords.Indexed(index, item, updateOnly));
			return item;
		}
		this.rejections.add(new RecordRejection(index, draft.sourceKey(), all));
		return null;
	}

	public DiscoveredItem add(int index, CanonicalDraft draft) {
		return add(index, draft, List.of());
	}

	/** Rejects a record the source could not read at all. */
	public void reject(int index, String sourceKey, String field, String reason) {
		this.rejections.add(RecordRejection.of(index, sourceKey, field, reason));
	}

	public void reject(RecordRejection rejection) {
		this.rejections.add(rejection);
	}

	public String source() {
		return this.source;
	}

	public ParsedRecords result() {
		return new ParsedRecords(this.items, this.rejections);
	}

}
