package io.itsmhub.api.target;

import java.util.List;
import java.util.Map;

/**
 * A platform the hub pushes to: ServiceNow, Jira Service Management Assets, Ivanti,
 * HaloITSM, Xurrent, Hornbill, ... Implementations are plain objects, one module per
 * platform; the sync engine calls them with rate limits, retries and a circuit breaker
 * around them, so a connector makes each call once and reports what happened.
 *
 * <p>
 * Failures: a call that failed as a whole (authentication, 429, 5xx, a dropped
 * connection) throws {@link TargetException} with a {@link TargetFailure} that says
 * whether it is worth retrying and when. A single record the platform refused is not an
 * exception: its {@link PushOutcome} carries the failure and the platform's own message,
 * and the other records of the batch go on.
 */
public interface TargetConnector {

	/**
	 * The platform id, as mappings and the API name it: {@code servicenow},
	 * {@code jsm-assets}, ...
	 */
	String platform();

	/** The most payloads one {@link #upsert} call takes; the engine batches up to it. */
	int maxBatchSize();

	/**
	 * The fields the platform really has, for validating mappings. A connector may read
	 * them from the platform (ServiceNow's {@code sys_dictionary}, JSM's object type
	 * attributes) and cache them.
	 */
	FieldCatalog fieldCatalog();

	/**
	 * Checks the connector's settings, and only when they are clean, the connection and
	 * credentials. Each problem names the property to fix.
	 */
	List<ConfigProblem> verify();

	/**
	 * Looks up the platform's records for payloads by the identifiers they are matched on
	 * ({@link TargetRecord#matchOn()}). The engine calls it before creating a record
	 * whose earlier create may have gone through without an answer, so a retry never
	 * creates a duplicate.
	 * @return the record found for each item id; items with no record are left out
	 */
	Map<String, TargetRef> find(List<TargetPayload> payloads);

	/**
	 * Creates or updates one record set per payload.
	 * @param batch at most {@link #maxBatchSize()} requests
	 * @return one outcome per request, in the same order
	 * @throws TargetException when the call failed as a whole
	 */
	List<PushOutcome> upsert(List<UpsertRequest> batch);

	/**
	 * Creates relations between records that both exist in the platform.
	 * @return one outcome per request, in the same order
	 * @throws TargetException when the call failed as a whole
	 */
	List<PushOutcome> relate(List<RelationRequest> relations);

	/**
	 * Removes relations the hub pushed before, because one of their ends was retired or
	 * the item no longer reports them. Relations usually have no status of their own, so
	 * the relation itself is removed (ServiceNow's own reconciliation deletes the
	 * {@code cmdb_rel_ci} row; a reference attribute is cleared); the records at either
	 * end stay. A relation that is already gone counts as removed
	 * ({@link PushOutcome.Status#UNCHANGED}).
	 *
	 * <p>
	 * Optional: the default answers every request {@link PushOutcome.Status#FAILED} with
	 * {@link #UNRELATE_UNSUPPORTED}, and the engine then leaves the relations in place.
	 * @param relations the relations as they were pushed: the relation's platform type
	 * and direction and both records are set; its canonical type may be the platform type
	 * and its identifiers empty, as the hub keeps only what it pushed
	 * @return one outcome per request, in the same order
	 * @throws TargetException when the call failed as a whole
	 */
	default List<PushOutcome> unrelate(List<RelationRequest> relations) {
		TargetFailure unsupported = new TargetFailure(TargetFailure.Kind.PERMANENT, UNRELATE_UNSUPPORTED, null, null,
				null);
		return relations.stream().map((request) -> PushOutcome.failed(request.itemId(), unsupported)).toList();
	}

	/**
	 * The failure message of {@link #unrelate} on a connector that cannot remove
	 * relations.
	 */
	String UNRELATE_UNSUPPORTED = "this connector cannot remove relations";

	/**
	 * Marks records retired (never deletes them): the platform's retired or inactive
	 * status, as the mapping of a retired item gives it.
	 * @return one outcome per request, in the same order
	 * @throws TargetException when the call failed as a whole
	 */
	List<PushOutcome> retire(List<RetireRequest> records);

	/**
	 * One payload to create or update.
	 *
	 * @param payload what the mapping made of the item
	 * @param known the record the cross-reference holds for the item, {@code null} when
	 * the hub has not pushed it before (the connector then matches or creates)
	 */
	record UpsertRequest(TargetPayload payload, TargetRef known) {

	}

	/**
	 * One relation between two records.
	 *
	 * @param itemId the item that holds the relationship
	 * @param from that item's record
	 * @param relation the mapped relation (type and direction)
	 * @param to the other item's record
	 */
	record RelationRequest(String itemId, TargetRef from, TargetRelation relation, TargetRef to) {

	}

	/**
	 * One record to retire.
	 *
	 * @param itemId the item
	 * @param record its record
	 * @param payload the item mapped with lifecycle status retired
	 */
	record RetireRequest(String itemId, TargetRef record, TargetPayload payload) {

	}

	/**
	 * A setting that is wrong.
	 *
	 * @param property the property to fix, such as
	 * {@code hub.targets.servicenow.password}
	 * @param message what is wrong
	 */
	record ConfigProblem(String property, String message) {

	}

}
