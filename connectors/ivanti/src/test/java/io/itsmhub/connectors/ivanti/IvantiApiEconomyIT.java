package io.itsmhub.connectors.ivanti;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.target.PushOutcome;
import io.itsmhub.api.target.PushOutcome.Status;
import io.itsmhub.api.target.TargetConnector.RelationRequest;
import io.itsmhub.api.target.TargetConnector.UpsertRequest;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.target.TargetRef;
import io.itsmhub.api.target.TargetRelation;
import io.itsmhub.api.testing.EstateGenerator;
import io.itsmhub.api.testing.contract.RecordedCall;
import io.itsmhub.simulators.http.SimulatorServer;
import io.itsmhub.simulators.ivanti.IvantiSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API economy: calls per item for a 10,000-item estate (the agent half of
 * {@link EstateGenerator}, mapped by the shipped mapping: servers and virtual servers,
 * about two relations each), first sync and unchanged re-sync, through the connector,
 * counted on the simulator's journal. The sync engine itself sends nothing for an
 * unchanged item (equal content hashes); the re-sync figure is what the connector costs
 * when it is called anyway with every record known.
 */
class IvantiApiEconomyIT {

	/** 10,000 by default; {@code -Deconomy.items=N} for another size. */
	static final int ITEMS = Integer.getInteger("economy.items", 10_000);

	@Test
	void callsPerItemOnFirstSyncAndUnchangedResync() {
		IvantiSimulator simulator = IvantiSimulator.builder().apiKey("economy-key").journalCapacity(2_000_000).build();
		try (SimulatorServer server = SimulatorServer.start(simulator)) {
			IvantiConnector connector = new IvantiConnector(IvantiProperties.of(server.baseUrl(), "economy-key"));
			List<DiscoveredItem> estate = EstateGenerator.agent(ITEMS, Instant.parse("2026-11-29T06:00:00Z"));
			List<TargetPayload> payloads = new ArrayList<>(ITEMS);
			for (DiscoveredItem item : estate) {
				payloads.add(IvantiSamples.MAPPING.map(item, "item-" + item.sourceKey()));
			}
			long started = System.nanoTime();
			List<PushOutcome> outcomes = upsert(connector, payloads, null);
			assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.CREATED));
			Counts records = Counts.of(simulator);
			simulator.clearRecordedRequests();

			List<RelationRequest> relations = relations(estate, payloads, outcomes);
			for (int from = 0; from < relations.size(); from += connector.maxBatchSize()) {
				assertThat(connector
					.relate(relations.subList(from, Math.min(relations.size(), from + connector.maxBatchSize()))))
					.allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.RELATED));
			}
			Counts links = Counts.of(simulator);
			long firstMillis = (System.nanoTime() - started) / 1_000_000;
			simulator.clearRecordedRequests();

			started = System.nanoTime();
			List<PushOutcome> again = upsert(connector, payloads, outcomes);
			assertThat(again).allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.UNCHANGED));
			Counts resync = Counts.of(simulator);
			long resyncMillis = (System.nanoTime() - started) / 1_000_000;

			Counts first = records.plus(links);
			System.out.printf(
					"Ivanti API economy, %,d items: first sync %,d calls = %.3f per item (records: %,d writes + %,d reads; "
							+ "%,d relations: %,d writes + %,d reads), %,d ms%n",
					ITEMS, first.total(), first.total() / (double) ITEMS, records.writes(), records.reads(),
					relations.size(), links.writes(), links.reads(), firstMillis);
			System.out.printf(
					"Ivanti API economy, %,d items: unchanged re-sync 0 calls from the sync engine (equal hashes); "
							+ "the connector called anyway with every record known: %,d calls = %.3f per item "
							+ "(%,d writes + %,d reads), %,d ms%n",
					ITEMS, resync.total(), resync.total() / (double) ITEMS, resync.writes(), resync.reads(),
					resyncMillis);
			assertThat(simulator.records().path("_links")).hasSize(relations.size());
			assertThat(resync.writes()).isZero();
			assertThat(records.writes()).isEqualTo(ITEMS);
		}
	}

	private static List<PushOutcome> upsert(IvantiConnector connector, List<TargetPayload> payloads,
			List<PushOutcome> known) {
		List<PushOutcome> outcomes = new ArrayList<>(payloads.size());
		for (int from = 0; from < payloads.size(); from += connector.maxBatchSize()) {
			List<UpsertRequest> batch = new ArrayList<>();
			for (int i = from; i < Math.min(payloads.size(), from + connector.maxBatchSize()); i++) {
				batch.add(new UpsertRequest(payloads.get(i), (known != null) ? known.get(i).ref() : null));
			}
			outcomes.addAll(connector.upsert(batch));
		}
		return outcomes;
	}

	/** The mapped relations, resolved to records as the sync engine resolves them. */
	private static List<RelationRequest> relations(List<DiscoveredItem> estate, List<TargetPayload> payloads,
			List<PushOutcome> outcomes) {
		Map<String, TargetRef> byIdentifier = new HashMap<>();
		for (int i = 0; i < estate.size(); i++) {
			for (IdentifierType type : List.of(IdentifierType.HOSTNAME, IdentifierType.SERIAL_NUMBER)) {
				for (String value : estate.get(i).identifiers().get(type)) {
					byIdentifier.put(type.id() + ":" + value, outcomes.get(i).ref());
				}
			}
		}
		List<RelationRequest> relations = new ArrayList<>();
		for (int i = 0; i < payloads.size(); i++) {
			for (TargetRelation relation : payloads.get(i).relations()) {
				TargetRef to = null;
				for (IdentifierType type : List.of(IdentifierType.HOSTNAME, IdentifierType.SERIAL_NUMBER)) {
					for (String value : relation.target().get(type)) {
						to = (to != null) ? to : byIdentifier.get(type.id() + ":" + value);
					}
				}
				if (to != null) {
					relations.add(new RelationRequest(payloads.get(i).itemId(), outcomes.get(i).ref(), relation, to));
				}
			}
		}
		return relations;
	}

	record Counts(long writes, long reads) {

		static Counts of(IvantiSimulator simulator) {
			List<RecordedCall> calls = simulator.recordedRequests()
				.stream()
				.map(IvantiSimulatorPlatform::call)
				.toList();
			long writes = calls.stream().filter((call) -> !call.method().equals("GET")).count();
			return new Counts(writes, calls.size() - writes);
		}

		long total() {
			return this.writes + this.reads;
		}

		Counts plus(Counts other) {
			return new Counts(this.writes + other.writes, this.reads + other.reads);
		}

	}

}
