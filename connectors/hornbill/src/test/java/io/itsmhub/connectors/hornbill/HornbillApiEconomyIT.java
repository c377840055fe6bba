package io.itsmhub.connectors.hornbill;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.target.PushOutcome;
import io.itsmhub.api.target.PushOutcome.Status;
import io.itsmhub.api.target.TargetConnector.RelationRequest;
import io.itsmhub.api.target.TargetConnector.UpsertRequest;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.target.TargetRelation;
import io.itsmhub.api.testing.EstateGenerator;
import io.itsmhub.api.testing.contract.RecordedCall;
import io.itsmhub.simulators.http.SimulatorServer;
import io.itsmhub.simulators.hornbill.HornbillSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API economy for Hornbill: XMLMC calls per item for a first sync of a 10,000-item estate
 * ({@link EstateGenerator#agent}: servers and virtual machines, up to two relations each)
 * and for an unchanged re-sync, counted on the simulator's journal. An unchanged re-sync
 * costs the sync engine nothing (equal content hashes send nothing); the figure printed
 * beside it is what the connector costs when called anyway with every record known.
 * {@code -Deconomy.items=N} for another size.
 */
class HornbillApiEconomyIT {

	static final int ITEMS = Integer.getInteger("economy.items", 10_000);

	static final int SAMPLE = 1_000;

	@Test
	void callsPerItem() {
		HornbillSimulator simulator = HornbillSimulator.builder().journalCapacity(100_000).build();
		try (SimulatorServer server = SimulatorServer.start(simulator)) {
			HornbillConnector connector = new HornbillConnector(
					HornbillProperties.endpoint(server.baseUrl() + "/xmlmc/", HornbillSamples.API_KEY));
			List<DiscoveredItem> estate = EstateGenerator.agent(ITEMS, Instant.parse("2026-11-29T06:00:00Z"));
			List<TargetPayload> payloads = new ArrayList<>(ITEMS);
			for (DiscoveredItem item : estate) {
				payloads.add(HornbillSamples.map(item));
			}
			Counts first = new Counts();
			long started = System.nanoTime();
			List<PushOutcome> outcomes = new ArrayList<>(ITEMS);
			for (int from = 0; from < ITEMS; from += connector.maxBatchSize()) {
				outcomes
					.addAll(connector.upsert(payloads.subList(from, Math.min(ITEMS, from + connector.maxBatchSize()))
						.stream()
						.map((payload) -> new UpsertRequest(payload, null))
						.toList()));
				first.add(simulator);
			}
			assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.CREATED));
			List<RelationRequest> relations = relations(payloads, outcomes);
			for (int from = 0; from < relations.size(); from += 1000) {
				assertThat(connector.relate(relations.subList(from, Math.min(relations.size(), from + 1000))))
					.allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.RELATED));
				first.add(simulator);
			}
			long firstMillis = (System.nanoTime() - started) / 1_000_000;

			// the connector's cost per item when called anyway is the same for every
			// item:
			// measured on a sample to keep the test short
			int sample = Math.min(ITEMS, SAMPLE);
			Counts again = new Counts();
			for (int from = 0; from < sample; from += connector.maxBatchSize()) {
				List<UpsertRequest> batch = new ArrayList<>();
				for (int i = from; i < Math.min(sample, from + connector.maxBatchSize()); i++) {
					batch.add(new UpsertRequest(payloads.get(i), outcomes.get(i).ref()));
				}
				assertThat(connector.upsert(batch))
					.allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.UNCHANGED));
				again.add(simulator);
			}
			List<RelationRequest> sampleRelations = relations.stream()
				.filter((relation) -> Integer.parseInt(relation.itemId().replaceAll("\\D", "")) < sample)
				.toList();
			assertThat(connector.relate(sampleRelations))
				.allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.UNCHANGED));
			again.add(simulator);
			System.out.printf(
					"Hornbill API economy: first sync of %,d items + %,d relations: %,d XMLMC calls = %.2f calls per item "
							+ "(%,d writes: %,d entityAddRecord, %,d entityUpdateRecord (h_asset_urn), %,d linkAsset; %,d reads), %,d ms%n",
					ITEMS, relations.size(), first.total(), first.total() / (double) ITEMS, first.writes(),
					first.adds(), first.updates(), first.links(), first.reads(), firstMillis);
			System.out
				.printf("Hornbill API economy: unchanged re-sync of %,d items: 0 calls per item from the sync engine (equal hashes); "
						+ "the connector called anyway with every record known (measured on %,d items): %,d calls = %.2f calls per item "
						+ "(%,d entityUpdateRecord answered 'There are no values to update', %,d linkAsset linking nothing)%n",
						ITEMS, sample, again.total(), again.total() / (double) sample, again.updates(), again.links());
			assertThat(simulator.records().path("Asset")).hasSize(ITEMS);
			assertThat(simulator.records().path("h_cmdb_config_items_dependency")).hasSize(relations.size());
		}
	}

	/**
	 * The estate's relations: depends on the previous server, connected to the one
	 * before.
	 */
	static List<RelationRequest> relations(List<TargetPayload> payloads, List<PushOutcome> outcomes) {
		List<RelationRequest> relations = new ArrayList<>();
		for (int i = 0; i < payloads.size(); i++) {
			for (TargetRelation relation : payloads.get(i).relations()) {
				int other = relation.canonicalType().equals("depends_on") ? i - 1 : i - 2;
				relations.add(new RelationRequest(payloads.get(i).itemId(), outcomes.get(i).ref(), relation,
						outcomes.get(other).ref()));
			}
		}
		return relations;
	}

	static final class Counts {

		long adds;

		long updates;

		long links;

		long reads;

		void add(HornbillSimulator simulator) {
			for (RecordedCall call : simulator.recordedRequests()
				.stream()
				.map(HornbillSimulatorPlatform::call)
				.toList()) {
				switch (HornbillSimulatorPlatform.method(call)) {
					case "entityAddRecord" -> this.adds++;
					case "entityUpdateRecord" -> this.updates++;
					case "linkAsset" -> this.links++;
					default -> this.reads++;
				}
			}
			simulator.clearRecordedRequests();
		}

		long adds() {
			return this.adds;
		}

		long updates() {
			return this.updates;
		}

		long links() {
			return this.links;
		}

		long reads() {
			return this.reads;
		}

		long writes() {
			return this.adds + this.updates + this.links;
		}

		long total() {
			return writes() + this.reads;
		}

	}

}
