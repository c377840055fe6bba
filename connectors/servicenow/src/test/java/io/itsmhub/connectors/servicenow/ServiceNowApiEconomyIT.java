package io.itsmhub.connectors.servicenow;

import java.util.ArrayList;
import java.util.List;

import io.itsmhub.api.target.PushOutcome;
import io.itsmhub.api.target.PushOutcome.Status;
import io.itsmhub.api.target.TargetConnector.RelationRequest;
import io.itsmhub.api.target.TargetConnector.UpsertRequest;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.target.TargetRelation;
import io.itsmhub.api.testing.contract.RecordedCall;
import io.itsmhub.simulators.http.SimulatorServer;
import io.itsmhub.simulators.servicenow.ServiceNowSimulator;
import io.itsmhub.api.model.Identifiers;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.LifecycleStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API economy: write calls per item for a first push of 10,000 items (servers with asset
 * records) and 20,000 relations, through the connector, counted on the simulator's
 * journal. An unchanged re-push costs the sync engine nothing (equal content hashes send
 * nothing); the re-push figure below is what the connector would cost if it were called
 * anyway with every record known.
 */
class ServiceNowApiEconomyIT {

	/**
	 * 1,000 in the normal build; {@code -Deconomy.items=10000} for the figures in the
	 * README.
	 */
	static final int ITEMS = Integer.getInteger("economy.items", 1_000);

	@Test
	void writeCallsPerItem() {
		for (int batchSize : new int[] { 100, 500 }) {
			ServiceNowSimulator simulator = ServiceNowSimulator.builder()
				.basicUser("hub", "hub-password")
				.journalCapacity(1_000_000)
				.build();
			try (SimulatorServer server = SimulatorServer.start(simulator)) {
				ServiceNowConnector connector = new ServiceNowConnector(
						ServiceNowProperties.basic(server.baseUrl(), "hub", "hub-password").withBatchSize(batchSize));
				List<TargetPayload> payloads = new ArrayList<>(ITEMS);
				for (int i = 0; i < ITEMS; i++) {
					payloads.add(ServiceNowSamples.map(ServiceNowSamples.server(10_000 + i, "alice.nguyen@example.com",
							LifecycleStatus.IN_USE, List.of())));
				}
				long started = System.nanoTime();
				List<PushOutcome> outcomes = new ArrayList<>();
				for (int from = 0; from < ITEMS; from += connector.maxBatchSize()) {
					outcomes.addAll(
							connector.upsert(payloads.subList(from, Math.min(ITEMS, from + connector.maxBatchSize()))
								.stream()
								.map((payload) -> new UpsertRequest(payload, null))
								.toList()));
				}
				assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.CREATED));
				List<RelationRequest> relations = new ArrayList<>();
				TargetRelation dependsOn = new TargetRelation("depends_on", "Depends on::Used by", false,
						Identifiers.of(IdentifierType.HOSTNAME, "x"));
				TargetRelation runsOn = new TargetRelation("runs_on", "Runs on::Runs", false,
						Identifiers.of(IdentifierType.HOSTNAME, "x"));
				for (int i = 0; i < ITEMS; i++) {
					relations.add(new RelationRequest(outcomes.get(i).itemId(), outcomes.get(i).ref(), dependsOn,
							outcomes.get((i + 1) % ITEMS).ref()));
					relations.add(new RelationRequest(outcomes.get(i).itemId(), outcomes.get(i).ref(), runsOn,
							outcomes.get((i + 2) % ITEMS).ref()));
				}
				for (int from = 0; from < relations.size(); from += 1000) {
					assertThat(connector.relate(relations.subList(from, Math.min(relations.size(), from + 1000))))
						.allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.RELATED));
				}
				long millis = (System.nanoTime() - started) / 1_000_000;
				Counts first = Counts.of(simulator);
				simulator.clearRecordedRequests();

				for (int from = 0; from < ITEMS; from += connector.maxBatchSize()) {
					List<UpsertRequest> batch = new ArrayList<>();
					for (int i = from; i < Math.min(ITEMS, from + connector.maxBatchSize()); i++) {
						batch.add(new UpsertRequest(payloads.get(i), outcomes.get(i).ref()));
					}
					connector.upsert(batch);
				}
				for (int from = 0; from < relations.size(); from += 1000) {
					connector.relate(relations.subList(from, Math.min(relations.size(), from + 1000)));
				}
				Counts again = Counts.of(simulator);
				System.out.printf(
						"ServiceNow API economy (batch-size %d): first push of %,d items + %,d relations: %,d write calls (%.4f per item), %,d reads, %,d ms%n",
						batchSize, ITEMS, relations.size(), first.writes(), first.writes() / (double) ITEMS,
						first.reads(), millis);
				System.out.printf(
						"ServiceNow API economy (batch-size %d): unchanged re-push: 0 calls from the sync engine (equal hashes); "
								+ "the connector called anyway with every record known: %,d write calls (%.4f per item), %,d reads%n",
						batchSize, again.writes(), again.writes() / (double) ITEMS, again.reads());
				assertThat(first.writes() / (double) ITEMS).isLessThanOrEqualTo(0.05);
				assertThat(simulator.records().path("cmdb_rel_ci")).hasSize(relations.size());
				assertThat(simulator.records().path("alm_hardware")).hasSize(ITEMS);
			}
		}
	}

	record Counts(long writes, long reads) {

		static Counts of(ServiceNowSimulator simulator) {
			List<RecordedCall> calls = simulator.recordedRequests()
				.stream()
				.map(ServiceNowSimulatorPlatform::call)
				.toList();
			long writes = calls.stream().filter((call) -> !call.method().equals("GET")).count();
			return new Counts(writes, calls.size() - writes);
		}

	}

}
