package io.itsmhub.api.ingest;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The outcome of one ingest: counts and every rejected record with its reason.
 *
 * @param source the source name
 * @param received how many records the input held
 * @param created how many new items were created
 * @param updated how many existing items changed
 * @param unchanged how many records changed nothing
 * @param conflicts how many records raised an identifier conflict
 * @param rejections every rejected record, by index
 */
public record IngestReport(String source, int received, int created, int updated, int unchanged, int conflicts,
		List<RecordRejection> rejections) {

	public IngestReport {
		rejections = rejections.stream().sorted(Comparator.comparingInt(RecordRejection::index)).toList();
	}

	public int rejected() {
		return this.rejections.size();
	}

	public int accepted() {
		return this.created + this.updated + this.unchanged;
	}

	/** This report with more rejections, such as those found while parsing. */
	public IngestReport withRejections(List<RecordRejection> more, int moreReceived) {
		return new IngestReport(this.source, this.received + moreReceived, this.created, this.updated, this.unchanged,
				this.conflicts, Stream.concat(this.rejections.stream(), more.stream()).toList());
	}

}
