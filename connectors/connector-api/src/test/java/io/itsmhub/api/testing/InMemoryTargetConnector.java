package io.itsmhub.api.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.api.target.PushOutcome;
import io.itsmhub.api.target.TargetConnector;
import io.itsmhub.api.target.TargetException;
import io.itsmhub.api.target.TargetFailure;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.target.TargetRef;

/**
 * A platform in memory, for tests of the sync engine: records keyed by what they are
 * matched on (the payload's first record is the main one), every call recorded, and
 * faults to order.
 */
public class InMemoryTargetConnector implements TargetConnector {

	public final Map<String, Map<String, Object>> records = java.util.Collections
		.synchronizedMap(new LinkedHashMap<>());

	public final Map<String, String> recordByMatch = new LinkedHashMap<>();

	public final List<String> relations = new java.util.concurrent.CopyOnWriteArrayList<>();

	public final List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();

	public final AtomicInteger ids = new AtomicInteger();

	/** Calls to answer with a transient 503 (Retry-After 0). */
	public volatile int unavailable;

	/** Upserts to apply and then lose the answer of. */
	public volatile int lostAnswers;

	/** Item ids whose record the platform refuses with a 400. */
	public final List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();

	private final int batchSize;

	private final String platform;

	public InMemoryTargetConnector(String platform, int batchSize) {
		this.platform = platform;
		this.batchSize = batchSize;
	}

	@Override
	public String platform() {
		return this.platform;
	}

	@Override
	public int maxBatchSize() {
		return this.batchSize;
	}

	@Override
	public FieldCatalog fieldCatalog() {
		return new FieldCatalog(this.platform, Map.of(), null);
	}

	@Override
	public List<ConfigProblem> verify() {
		return List.of();
	}

	@Override
	public synchronized Map<String, TargetRef> find(List<TargetPayload> payloads) {
		this.calls.add("find " + payloads.size());
		Map<String, TargetRef> found = new LinkedHashMap<>();
		for (TargetPayload payload : payloads) {
			String id = this.recordByMatch.get(matchKey(payload));
			if (id != null) {
				found.put(payload.itemId(), TargetRef.of(id));
			}
		}
		return found;
	}

	@Override
	public synchronized List<PushOutcome> upsert(List<UpsertRequest> batch) {
		this.calls.add("upsert " + batch.size());
		failIfUnavailable();
		List<PushOutcome> outcomes = new ArrayList<>();
		for (UpsertRequest request : batch) {
			TargetPayload payload = request.payload();
			if (this.refused.contains(payload.itemId())) {
				outcomes.add(PushOutcome.failed(payload.itemId(), new TargetFailure(TargetFailure.Kind.PERMANENT,
						"Data Policy Exception: serial_number is mandatory", 403, null, null)));
				continue;
			}
			String id = (request.known() != null) ? request.known().recordId() : null;
			boolean created = id == null;
			if (created) {
				id = "sys" + this.ids.incrementAndGet();
				this.recordByMatch.put(matchKey(payload), id);
			}
			this.records.put(id, payload.records().get(0).fields());
			outcomes.add(PushOutcome.of(payload.itemId(),
					created ? PushOutcome.Status.CREATED : PushOutcome.Status.UPDATED, TargetRef.of(id)));
		}
		if (this.lostAnswers > 0) {
			this.lostAnswers--;
			throw new TargetException(
					new TargetFailure(TargetFailure.Kind.TRANSIENT, "connection reset", null, Duration.ZERO, null));
		}
		return outcomes;
	}

	@Override
	public synchronized List<PushOutcome> relate(List<RelationRequest> relations) {
		this.calls.add("relate " + relations.size());
		failIfUnavailable();
		List<PushOutcome> outcomes = new ArrayList<>();
		for (RelationRequest request : relations) {
			this.relations.add(request.from().recordId() + " " + request.relation().platformType() + " "
					+ request.to().recordId());
			outcomes.add(PushOutcome.of(request.itemId(), PushOutcome.Status.RELATED, null));
		}
		return outcomes;
	}

	/** Removes relations; one that is not there counts as removed. */
	@Override
	public synchronized List<PushOutcome> unrelate(List<RelationRequest> relations) {
		this.calls.add("unrelate " + relations.size());
		failIfUnavailable();
		List<PushOutcome> outcomes = new ArrayList<>();
		for (RelationRequest request : relations) {
			boolean removed = this.relations.remove(request.from().recordId() + " " + request.relation().platformType()
					+ " " + request.to().recordId());
			outcomes.add(PushOutcome.of(request.itemId(),
					removed ? PushOutcome.Status.RETIRED : PushOutcome.Status.UNCHANGED, null));
		}
		return outcomes;
	}

	@Override
	public List<PushOutcome> retire(List<RetireRequest> records) {
		this.calls.add("retire " + records.size());
		return records.stream().map((r) -> PushOutcome.of(r.itemId(), PushOutcome.Status.RETIRED, r.record())).toList();
	}

	public long writes() {
		return this.calls.stream().filter((call) -> !call.startsWith("find")).count();
	}

	private void failIfUnavailable() {
		if (this.unavailable > 0) {
			this.unavailable--;
			throw new TargetException(new TargetFailure(TargetFailure.Kind.TRANSIENT, "503 Service Unavailable", 503,
					Duration.ZERO, null));
		}
	}

	private static String matchKey(TargetPayload payload) {
		return payload.records().get(0).matchOn().toString();
	}

}
