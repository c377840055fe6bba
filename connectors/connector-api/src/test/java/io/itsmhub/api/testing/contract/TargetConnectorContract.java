package io.itsmhub.api.testing.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.itsmhub.api.model.Identifiers;
import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.api.target.PushOutcome;
import io.itsmhub.api.target.PushOutcome.Status;
import io.itsmhub.api.target.TargetConnector;
import io.itsmhub.api.target.TargetConnector.ConfigProblem;
import io.itsmhub.api.target.TargetConnector.RelationRequest;
import io.itsmhub.api.target.TargetConnector.RetireRequest;
import io.itsmhub.api.target.TargetConnector.UpsertRequest;
import io.itsmhub.api.target.TargetException;
import io.itsmhub.api.target.TargetFailure;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.target.TargetRef;
import io.itsmhub.api.target.TargetRelation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract every target connector keeps, run against a fake platform: create; update,
 * idempotent on a second run; relate; remove a relation (optional); retire; paging to the
 * last page; authentication, rate-limit, server and validation failures classified; a
 * field catalog that covers the default mapping. A connector's test extends it and says
 * how to build the connector, where the platform is and which payloads its default
 * mapping produces.
 *
 * <p>
 * Each test asserts on what the platform recorded (requests, stored records), not only on
 * what the connector returned.
 */
public abstract class TargetConnectorContract {

	/** The page size of the paging test: small, so three pages are read. */
	protected static final int PAGE_SIZE = 3;

	/** The fake platform, fresh (or reset) for each test. */
	protected abstract ContractPlatform platform();

	/** A connector pointed at the platform, built as the settings say. */
	protected abstract TargetConnector connector(ConnectorSettings settings);

	/** Payloads from the connector's default mapping. */
	protected abstract ContractSamples samples();

	/** A connector with valid credentials and the default page size. */
	protected TargetConnector connector() {
		return connector(new ConnectorSettings(platform().baseUrl(), 100, true));
	}

	@Test
	public void createsTheRecordsOfEachPayloadWithAtMostOneWritePerRecord() {
		List<TargetPayload> items = samples().items();
		TargetConnector connector = connector();
		platform().clearRequests();
		List<PushOutcome> outcomes = connector.upsert(newRequests(items));
		assertThat(outcomes).hasSize(items.size());
		for (int i = 0; i < items.size(); i++) {
			PushOutcome outcome = outcomes.get(i);
			assertThat(outcome.status()).as("outcome of %s: %s", items.get(i).itemId(), outcome.failure())
				.isEqualTo(Status.CREATED);
			assertThat(outcome.itemId()).isEqualTo(items.get(i).itemId());
			assertThat(outcome.ref().recordId()).isNotBlank();
			platform().assertStored(items.get(i), outcome.ref());
		}
		List<RecordedCall> writes = writes();
		int records = items.stream().mapToInt((payload) -> payload.records().size()).sum();
		assertThat(writes).isNotEmpty().hasSizeLessThanOrEqualTo(records);
		assertThat(writes).allSatisfy((call) -> assertThat(call.status()).isLessThan(300));
	}

	@Test
	public void anUpdateChangesTheRecordAndASecondRunCreatesNothing() {
		ContractSamples samples = samples();
		TargetConnector connector = connector();
		TargetPayload original = samples.items().get(0);
		TargetRef ref = created(connector, original);
		String targetClass = original.records().get(0).targetClass();
		int stored = platform().storedCount(targetClass);

		TargetPayload changed = samples.changed().apply(original);
		assertThat(changed.contentHash()).isNotEqualTo(original.contentHash());
		PushOutcome update = connector.upsert(List.of(new UpsertRequest(changed, ref))).get(0);
		assertThat(update.status()).as("%s", update.failure()).isEqualTo(Status.UPDATED);
		assertThat(update.ref().recordId()).isEqualTo(ref.recordId());
		platform().assertStored(changed, update.ref());

		// The cross-reference was lost (or the create's answer was): the connector finds
		// the record by its identifiers instead of creating a second one.
		platform().clearRequests();
		PushOutcome again = connector.upsert(List.of(new UpsertRequest(changed, null))).get(0);
		assertThat(again.status()).as("%s", again.failure()).isIn(Status.UPDATED, Status.UNCHANGED);
		assertThat(again.ref().recordId()).isEqualTo(ref.recordId());
		assertThat(platform().storedCount(targetClass)).isEqualTo(stored);

		Map<String, TargetRef> found = connector.find(List.of(changed));
		assertThat(found).containsOnlyKeys(changed.itemId());
		assertThat(found.get(changed.itemId()).recordId()).isEqualTo(ref.recordId());
	}

	@Test
	public void relatesTwoRecordsOnce() {
		ContractSamples samples = samples();
		TargetConnector connector = connector();
		List<PushOutcome> outcomes = connector.upsert(newRequests(samples.items().subList(0, 2)));
		TargetRef from = outcomes.get(0).ref();
		TargetRef to = outcomes.get(1).ref();
		RelationRequest request = new RelationRequest(samples.items().get(0).itemId(), from, samples.relation(), to);

		platform().clearRequests();
		PushOutcome related = connector.relate(List.of(request)).get(0);
		assertThat(related.status()).as("%s", related.failure()).isEqualTo(Status.RELATED);
		assertThat(writes()).isNotEmpty();
		platform().assertRelated(from, samples.relation(), to);
		int relations = platform().relationCount(from);

		PushOutcome twice = connector.relate(List.of(request)).get(0);
		assertThat(twice.status()).as("%s", twice.failure()).isIn(Status.RELATED, Status.UNCHANGED);
		assertThat(platform().relationCount(from)).isEqualTo(relations);
	}

	/**
	 * Optional: a connector that keeps the SPI's default {@code unrelate} skips this
	 * test. The request is built as the engine builds it from what it recorded: the
	 * platform type and direction, without the canonical type or the other end's
	 * identifiers.
	 */
	@Test
	public void removesARelationAndKeepsBothRecordsWhenItCanRemoveRelations() {
		ContractSamples samples = samples();
		TargetConnector connector = connector();
		List<PushOutcome> outcomes = connector.upsert(newRequests(samples.items().subList(0, 2)));
		TargetRef from = outcomes.get(0).ref();
		TargetRef to = outcomes.get(1).ref();
		String itemId = samples.items().get(0).itemId();
		connector.relate(List.of(new RelationRequest(itemId, from, samples.relation(), to)));
		int relations = platform().relationCount(from);
		String targetClass = samples.items().get(0).records().get(0).targetClass();
		int stored = platform().storedCount(targetClass);
		TargetRelation pushed = new TargetRelation(samples.relation().platformType(), samples.relation().platformType(),
				samples.relation().reverse(), Identifiers.none());
		RelationRequest removal = new RelationRequest(itemId, from, pushed, to);

		platform().clearRequests();
		PushOutcome removed = connector.unrelate(List.of(removal)).get(0);
		Assumptions.assumeFalse(
				removed.status() == Status.FAILED && removed.failure() != null
						&& TargetConnector.UNRELATE_UNSUPPORTED.equals(removed.failure().message()),
				"the connector cannot remove relations");
		assertThat(removed.status()).as("%s", removed.failure()).isEqualTo(Status.RETIRED);
		assertThat(writes()).isNotEmpty();
		assertThat(platform().relationCount(from)).isEqualTo(relations - 1);
		assertThat(platform().storedCount(targetClass)).isEqualTo(stored);

		PushOutcome twice = connector.unrelate(List.of(removal)).get(0);
		assertThat(twice.status()).as("%s", twice.failure()).isIn(Status.RETIRED, Status.UNCHANGED);
		assertThat(platform().relationCount(from)).isEqualTo(relations - 1);
	}

	@Test
	public void retiresWithoutDeleting() {
		ContractSamples samples = samples();
		TargetConnector connector = connector();
		TargetPayload item = samples.items().get(0);
		TargetRef ref = created(connector, item);
		String targetClass = item.records().get(0).targetClass();
		int stored = platform().storedCount(targetClass);

		platform().clearRequests();
		PushOutcome retired = connector
			.retire(List.of(new RetireRequest(item.itemId(), ref, samples.retired().apply(item))))
			.get(0);
		assertThat(retired.status()).as("%s", retired.failure()).isEqualTo(Status.RETIRED);
		platform().assertRetired(ref);
		assertThat(platform().storedCount(targetClass)).isEqualTo(stored);
		assertThat(writes()).isNotEmpty().noneMatch((call) -> call.method().equals("DELETE"));
	}

	@Test
	public void findsAmongMoreRecordsThanOnePageByReadingToTheLastPage() {
		int count = PAGE_SIZE * 2 + 1;
		List<TargetPayload> many = samples().many().apply(count);
		TargetConnector connector = connector();
		List<PushOutcome> outcomes = new ArrayList<>();
		for (int from = 0; from < many.size(); from += connector.maxBatchSize()) {
			outcomes.addAll(connector
				.upsert(newRequests(many.subList(from, Math.min(many.size(), from + connector.maxBatchSize())))));
		}
		assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.CREATED));

		TargetConnector paged = connector(new ConnectorSettings(platform().baseUrl(), PAGE_SIZE, true));
		platform().clearRequests();
		Map<String, TargetRef> found = paged.find(many);
		assertThat(found).hasSize(count);
		for (int i = 0; i < count; i++) {
			assertThat(found.get(many.get(i).itemId()).recordId()).isEqualTo(outcomes.get(i).ref().recordId());
		}
		List<Integer> offsets = platform().requests()
			.stream()
			.map(platform()::pageOffset)
			.filter(Objects::nonNull)
			.toList();
		assertThat(offsets).contains(0, PAGE_SIZE, 2 * PAGE_SIZE);
		assertThat(writes()).isEmpty();
	}

	@Test
	public void wrongCredentialsAreAnAuthenticationFailureNamingThePropertyToFix() {
		ContractSamples samples = samples();
		TargetConnector connector = connector(new ConnectorSettings(platform().baseUrl(), 100, false));
		platform().clearRequests();
		assertThatThrownBy(() -> connector.upsert(newRequests(samples.items().subList(0, 1))))
			.isInstanceOfSatisfying(TargetException.class, (ex) -> {
				TargetFailure failure = ex.failure();
				assertThat(failure.kind()).isEqualTo(TargetFailure.Kind.AUTHENTICATION);
				assertThat(failure.retryable()).isFalse();
				assertThat(failure.httpStatus()).isEqualTo(401);
				assertThat(failure.property()).isEqualTo(samples.credentialProperty());
				assertThat(ex.getMessage()).doesNotContain(ConnectorSettings.WRONG_SECRET);
				assertThat(failure.toString()).doesNotContain(ConnectorSettings.WRONG_SECRET);
			});
		assertThat(platform().requests()).isNotEmpty()
			.last()
			.satisfies((call) -> assertThat(call.status()).isEqualTo(401));
		assertThat(platform().requests()).allSatisfy((call) -> assertThat(call.authorization()).isNotNull());
		assertThat(writes()).allSatisfy((call) -> assertThat(call.status()).isEqualTo(401));

		List<ConfigProblem> problems = connector.verify();
		assertThat(problems).extracting(ConfigProblem::property).contains(samples.credentialProperty());
		assertThat(problems.toString()).doesNotContain(ConnectorSettings.WRONG_SECRET);
		assertThat(connector().verify()).isEmpty();
	}

	@Test
	public void tooManyRequestsIsRetryableAfterTheTimeThePlatformAsked() {
		TargetConnector connector = connector();
		platform().clearRequests();
		platform().failNext(429, 7);
		assertThatThrownBy(() -> connector.upsert(newRequests(samples().items().subList(0, 1))))
			.isInstanceOfSatisfying(TargetException.class, (ex) -> {
				assertThat(ex.failure().kind()).isEqualTo(TargetFailure.Kind.RATE_LIMITED);
				assertThat(ex.failure().retryable()).isTrue();
				assertThat(ex.failure().retryAfter()).isEqualTo(Duration.ofSeconds(7));
				assertThat(ex.failure().httpStatus()).isEqualTo(429);
			});
		assertThat(platform().requests()).extracting(RecordedCall::status).contains(429);
		// the same request later goes through
		assertThat(connector.upsert(newRequests(samples().items().subList(0, 1))).get(0).status())
			.isEqualTo(Status.CREATED);
	}

	@Test
	public void aServerErrorIsRetryable() {
		TargetConnector connector = connector();
		platform().clearRequests();
		platform().failNext(503, null);
		assertThatThrownBy(() -> connector.upsert(newRequests(samples().items().subList(0, 1))))
			.isInstanceOfSatisfying(TargetException.class, (ex) -> {
				assertThat(ex.failure().kind()).isEqualTo(TargetFailure.Kind.TRANSIENT);
				assertThat(ex.failure().retryable()).isTrue();
				assertThat(ex.failure().httpStatus()).isEqualTo(503);
			});
		assertThat(platform().requests()).extracting(RecordedCall::status).contains(503);
	}

	@Test
	public void aValidationErrorIsPermanentForThatRecordOnlyAndCarriesThePlatformsMessage() {
		ContractSamples samples = samples();
		TargetConnector connector = connector();
		platform().clearRequests();
		List<PushOutcome> outcomes = connector.upsert(newRequests(List.of(samples.items().get(0), samples.invalid())));
		assertThat(outcomes.get(0).status()).as("%s", outcomes.get(0).failure()).isEqualTo(Status.CREATED);
		PushOutcome refused = outcomes.get(1);
		assertThat(refused.status()).isEqualTo(Status.FAILED);
		assertThat(refused.itemId()).isEqualTo(samples.invalid().itemId());
		assertThat(refused.failure().kind()).isEqualTo(TargetFailure.Kind.PERMANENT);
		assertThat(refused.failure().retryable()).isFalse();
		assertThat(refused.failure().httpStatus()).isBetween(400, 499);
		assertThat(refused.failure().message()).contains(samples.validationMessage());
		assertThat(platform().requests()).anySatisfy((call) -> assertThat(call.body()).isNotNull());
	}

	@Test
	public void theFieldCatalogCoversEveryFieldOfTheDefaultMapping() {
		FieldCatalog catalog = connector().fieldCatalog();
		Set<String> missing = new TreeSet<>();
		samples().mappedFields().forEach((targetClass, fields) -> {
			if (catalog.targetClass(targetClass).isEmpty()) {
				missing.add(targetClass);
				return;
			}
			fields.stream()
				.filter((field) -> catalog.field(targetClass, field).isEmpty())
				.forEach((field) -> missing.add(targetClass + "." + field));
		});
		assertThat(missing).as("target classes and fields the default mapping writes but the platform lacks")
			.containsExactlyInAnyOrderElementsOf(knownCatalogGaps());
		assertThat(catalog.platform()).isEqualTo(connector().platform());
	}

	/**
	 * Fields ({@code class.field}) the default mapping writes that the fake platform is
	 * known to lack, each to be explained where it is declared; the catalog test fails
	 * when one is missing that is not listed, and when a listed one is no longer missing.
	 */
	protected Set<String> knownCatalogGaps() {
		return Set.of();
	}

	/** Create requests: payloads the hub has not pushed before. */
	protected static List<UpsertRequest> newRequests(List<TargetPayload> payloads) {
		return payloads.stream().map((payload) -> new UpsertRequest(payload, null)).toList();
	}

	/** Creates one payload's records and returns where they are. */
	protected static TargetRef created(TargetConnector connector, TargetPayload payload) {
		PushOutcome outcome = connector.upsert(List.of(new UpsertRequest(payload, null))).get(0);
		assertThat(outcome.status()).as("%s", outcome.failure()).isEqualTo(Status.CREATED);
		return outcome.ref();
	}

	/** The recorded requests that wrote something. */
	protected List<RecordedCall> writes() {
		return platform().requests().stream().filter(platform()::isWrite).toList();
	}

}
