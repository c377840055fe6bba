package io.itsmhub.reconciliation;

import java.util.List;

import io.itsmhub.api.ingest.IngestReport;

/**
 * The outcome of reconciling one batch.
 *
 * @param report counts and rejections, as the ingest API answers them
 * @param outcomes one outcome per record that reached reconciliation
 */
public record ReconciliationResult(IngestReport report, List<RecordOutcome> outcomes) {

	/** The items that were created or changed: what the sync engine must push. */
	public List<String> changedItemIds() {
		return this.outcomes.stream()
			.filter((outcome) -> outcome.status() == RecordOutcome.Status.CREATED
					|| outcome.status() == RecordOutcome.Status.UPDATED)
			.map(RecordOutcome::itemId)
			.distinct()
			.toList();
	}

}
