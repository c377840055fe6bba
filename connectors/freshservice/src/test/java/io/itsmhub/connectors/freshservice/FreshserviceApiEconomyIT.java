package io.itsmhub.connectors.freshservice;

import java.util.ArrayList;
import java.util.List;

import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.Identifiers;
import io.itsmhub.api.model.LifecycleStatus;
import io.itsmhub.api.target.PushOutcome;
import io.itsmhub.api.target.PushOutcome.Status;
import io.itsmhub.api.target.TargetConnector.RelationRequest;
import io.itsmhub.api.target.TargetConnector.UpsertRequest;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.target.TargetRelation;
import io.itsmhub.simulators.freshservice.FreshserviceSimulator;
import io.itsmhub.simulators.http.SimulatorServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API economy for Freshservice: calls per item for a first push of an estate the account
 * does not hold yet (look-ups, creates, one relationship per item), and for pushing the
 * same estate again without the hub's record ids (look-ups and updates, no creates).
 * Reading the account's asset types, fields and references is counted too. An unchanged
 * re-sync through the hub costs nothing: the sync engine skips items whose payload hash
 * has not changed before any connector call.
 */
class FreshserviceApiEconomyIT {

	/**
	 * 1,000 in the normal build; {@code -Deconomy.items=10000} for the README figures.
	 */
	static final int ITEMS = Integer.getInteger("economy.items", 1_000);

	@Test
	void firstPushAndRematch() {
		FreshserviceSimulator simulator = FreshserviceSamples.account().journalCapacity(1_000_000).build();
		try (SimulatorServer server = SimulatorServer.start(simulator)) {
			FreshserviceConnector connector = new FreshserviceConnector(
					FreshserviceProperties.of(server.baseUrl(), FreshserviceSamples.API_KEY));
			List<TargetPayload> payloads = new ArrayList<>(ITEMS);
			for (int i = 0; i < ITEMS; i++) {
				payloads.add(FreshserviceSamples.map(FreshserviceSamples.machine(CiClass.SERVER, 10_000 + i,
						"alice@example.com", LifecycleStatus.IN_USE, List.of())));
			}
			long started = System.nanoTime();
			List<PushOutcome> outcomes = push(connector, payloads);
			assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.CREATED));
			long[] items = counts(simulator);
			simulator.clearRecordedRequests();
			TargetRelation dependsOn = new TargetRelation("depends_on", "Depends On", false,
					Identifiers.of(IdentifierType.HOSTNAME, "x"));
			List<RelationRequest> relations = new ArrayList<>();
			for (int i = 0; i < ITEMS; i++) {
				relations.add(new RelationRequest(outcomes.get(i).itemId(), outcomes.get(i).ref(), dependsOn,
						outcomes.get((i + 1) % ITEMS).ref()));
			}
			for (int from = 0; from < relations.size(); from += 1000) {
				assertThat(connector.relate(relations.subList(from, Math.min(relations.size(), from + 1000))))
					.allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.RELATED));
			}
			long[] rels = counts(simulator);
			long millis = (System.nanoTime() - started) / 1_000_000;
			simulator.clearRecordedRequests();
			List<PushOutcome> again = push(connector, payloads);
			assertThat(again).allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.UPDATED));
			long[] rematch = counts(simulator);
			System.out
				.printf("Freshservice API economy: first push of %,d items: %,d calls (%.4f per item: %,d writes, "
						+ "%,d reads); %,d relations: %,d calls (%.4f per item); pushed again without record ids: %,d calls "
						+ "(%.4f per item, %,d of them creates); %,d ms%n", ITEMS, items[0] + items[1],
						(items[0] + items[1]) / (double) ITEMS, items[0], items[1], relations.size(), rels[0] + rels[1],
						(rels[0] + rels[1]) / (double) ITEMS, rematch[0] + rematch[1],
						(rematch[0] + rematch[1]) / (double) ITEMS, rematch[2], millis);
			assertThat(simulator.records().path("assets")).hasSize(ITEMS);
			assertThat(rematch[2]).isZero();
			// look-ups go many to a query: far fewer reads than items
			assertThat(items[1]).isLessThan(ITEMS / 3);
		}
	}

	private static List<PushOutcome> push(FreshserviceConnector connector, List<TargetPayload> payloads) {
		List<PushOutcome> outcomes = new ArrayList<>();
		for (int from = 0; from < payloads.size(); from += connector.maxBatchSize()) {
			outcomes.addAll(
					connector.upsert(payloads.subList(from, Math.min(payloads.size(), from + connector.maxBatchSize()))
						.stream()
						.map((payload) -> new UpsertRequest(payload, null))
						.toList()));
		}
		return outcomes;
	}

	/** Writes, reads and creates recorded. */
	private static long[] counts(FreshserviceSimulator simulator) {
		long writes = simulator.recordedRequests().stream().filter((r) -> !r.method().equals("GET")).count();
		long creates = simulator.recordedRequests()
			.stream()
			.filter((r) -> r.method().equals("POST") && r.path().equals("/api/v2/assets"))
			.count();
		return new long[] { writes, simulator.recordedRequests().size() - writes, creates };
	}

}
