package io.itsmhub.api.target;

/**
 * What became of one request.
 *
 * @param itemId the item
 * @param status what happened
 * @param ref where the item now lives in the platform, when known
 * @param failure why it failed, for {@link Status#FAILED}
 */
public record PushOutcome(String itemId, Status status, TargetRef ref, TargetFailure failure) {

	public static PushOutcome of(String itemId, Status status, TargetRef ref) {
		return new PushOutcome(itemId, status, ref, null);
	}

	public static PushOutcome failed(String itemId, TargetFailure failure) {
		return new PushOutcome(itemId, Status.FAILED, null, failure);
	}

	/** What happened to a request. */
	public enum Status {

		CREATED, UPDATED, UNCHANGED, RELATED, RETIRED, FAILED

	}

}
