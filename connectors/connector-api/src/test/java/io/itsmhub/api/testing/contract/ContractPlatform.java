package io.itsmhub.api.testing.contract;

import java.util.List;

import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.target.TargetRef;
import io.itsmhub.api.target.TargetRelation;

/**
 * What the contract kit needs from the fake platform behind a connector: its address, the
 * requests it saw, a way to make it fail, and a look at what it stored. A test implements
 * it over a simulator (or WireMock, for cases a simulator cannot produce).
 */
public interface ContractPlatform {

	/** The base URL the connector is pointed at. */
	String baseUrl();

	/** Every request recorded since the last {@link #clearRequests()}, oldest first. */
	List<RecordedCall> requests();

	/** Forgets the recorded requests. */
	void clearRequests();

	/**
	 * Makes the next request answer {@code status} with the platform's error body.
	 * @param status the HTTP status
	 * @param retryAfterSeconds the {@code Retry-After} to send, or {@code null}
	 */
	void failNext(int status, Integer retryAfterSeconds);

	/** Whether a recorded request wrote (created, updated or deleted) anything. */
	boolean isWrite(RecordedCall call);

	/**
	 * The offset a recorded request asked for when it read one page of a lookup
	 * ({@code sysparm_offset}, {@code startAt}), or {@code null} when it is no paged
	 * read.
	 */
	Integer pageOffset(RecordedCall call);

	/** How many records of the payload's main target class the platform now holds. */
	int storedCount(String targetClass);

	/**
	 * Asserts that the platform holds the payload's records where {@code ref} says, with
	 * the payload's values (as the platform stores them).
	 */
	void assertStored(TargetPayload payload, TargetRef ref);

	/** Asserts that the platform holds the relation between the two records. */
	void assertRelated(TargetRef from, TargetRelation relation, TargetRef to);

	/** How many relations the platform holds from {@code from}. */
	int relationCount(TargetRef from);

	/** Asserts that the platform shows the record retired (not deleted). */
	void assertRetired(TargetRef ref);

}
