package io.itsmhub.connectors.haloitsm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import io.itsmhub.simulators.haloitsm.HaloItsmSimulator;
import io.itsmhub.simulators.http.SimulatorServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API economy for Halo: calls per item for a first sync of an agent estate (10,000
 * machines, each with a parent and a sibling link, through the shipped mapping), then for
 * re-syncs: unchanged (what the sync engine sends for unchanged content hashes: nothing),
 * a forced re-push with the ids known, and a re-push after the cross-reference was lost
 * (the connector finds every asset again by its identifiers).
 */
class HaloItsmApiEconomyIT {

	/** 10,000 by default; {@code -Deconomy.items=...} for another size. */
	static final int ITEMS = Integer.getInteger("economy.items", 10_000);

	@Test
	void firstSyncAndResyncs() {
		HaloItsmSimulator simulator = HaloItsmSimulator.builder().journalCapacity(1_000_000).build();
		try (SimulatorServer server = SimulatorServer.start(simulator)) {
			HaloItsmConnector connector = new HaloItsmConnector(
					HaloItsmProperties.of(server.baseUrl(), HaloItsmSamples.CLIENT_ID, HaloItsmSamples.CLIENT_SECRET));
			// the mapping is thread-safe; mapping on every core keeps the test short
			List<TargetPayload> payloads = EstateGenerator.agent(ITEMS, Instant.parse("2026-11-29T06:00:00Z"))
				.parallelStream()
				.map((item) -> HaloItsmSamples.MAPPING.map(item, "item-" + item.sourceKey()))
				.toList();
			long started = System.nanoTime();

			// first sync: creates, then the relations between records that now exist
			List<PushOutcome> created = push(connector, payloads, null);
			assertThat(created).allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.CREATED));
			Counts upserts = Counts.take(simulator);
			List<RelationRequest> relations = relations(payloads, created);
			for (int from = 0; from < relations.size(); from += connector.maxBatchSize()) {
				assertThat(connector
					.relate(relations.subList(from, Math.min(relations.size(), from + connector.maxBatchSize()))))
					.allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.RELATED));
			}
			Counts relate = Counts.take(simulator);
			long firstMillis = (System.nanoTime() - started) / 1_000_000;

			// unchanged re-sync: every content hash equals the last one pushed, so the
			// engine sends nothing (SyncEngine skips unchanged items and known relations)
			Counts unchanged = Counts.take(simulator);

			// forced re-push with the ids known: one array per batch
			assertThat(push(connector, payloads, created))
				.allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.UPDATED));
			Counts forced = Counts.take(simulator);

			// re-push after the cross-reference was lost: found again, nothing duplicated
			HaloItsmConnector restarted = new HaloItsmConnector(
					HaloItsmProperties.of(server.baseUrl(), HaloItsmSamples.CLIENT_ID, HaloItsmSamples.CLIENT_SECRET));
			List<PushOutcome> again = push(restarted, payloads, null);
			assertThat(again).allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.UPDATED));
			assertThat(again).extracting((outcome) -> outcome.ref().recordId())
				.isEqualTo(created.stream().map((outcome) -> outcome.ref().recordId()).toList());
			Counts lost = Counts.take(simulator);
			long millis = (System.nanoTime() - started) / 1_000_000;

			Counts first = upserts.plus(relate);
			System.out.printf("HaloITSM API economy, %,d items: first sync %,d calls = %.4f per item "
					+ "(assets %,d writes + %,d reads, %,d relations %,d writes + %,d reads, %,d token), %,d ms; "
					+ "unchanged re-sync %,d calls = %.4f per item; forced re-push with known ids %,d calls = %.4f per item; "
					+ "re-push after the cross-reference was lost %,d calls = %.4f per item; total %,d ms%n", ITEMS,
					first.all(), first.all() / (double) ITEMS, upserts.writes(), upserts.reads(), relations.size(),
					relate.writes(), relate.reads(), first.tokens(), firstMillis, unchanged.all(),
					unchanged.all() / (double) ITEMS, forced.all(), forced.all() / (double) ITEMS, lost.all(),
					lost.all() / (double) ITEMS, millis);
			int stored = 0;
			for (var type : simulator.records()) {
				stored += type.size();
			}
			assertThat(stored).isEqualTo(ITEMS);
		}
	}

	private static List<PushOutcome> push(HaloItsmConnector connector, List<TargetPayload> payloads,
			List<PushOutcome> known) {
		List<PushOutcome> outcomes = new ArrayList<>();
		for (int from = 0; from < payloads.size(); from += connector.maxBatchSize()) {
			List<UpsertRequest> batch = new ArrayList<>();
			for (int i = from; i < Math.min(payloads.size(), from + connector.maxBatchSize()); i++) {
				batch.add(new UpsertRequest(payloads.get(i), (known != null) ? known.get(i).ref() : null));
			}
			outcomes.addAll(connector.upsert(batch));
		}
		return outcomes;
	}

	/** The mapped relations, resolved the way the engine resolves them: by identifier. */
	private static List<RelationRequest> relations(List<TargetPayload> payloads, List<PushOutcome> created) {
		Map<String, TargetRef> byIdentifier = new HashMap<>();
		for (int i = 0; i < payloads.size(); i++) {
			Map<String, Object> fields = payloads.get(i).records().get(0).fields();
			byIdentifier.put("hostname:" + fields.get("key_field2"), created.get(i).ref());
			byIdentifier.put("serial_number:" + fields.get("key_field"), created.get(i).ref());
		}
		List<RelationRequest> relations = new ArrayList<>();
		for (int i = 0; i < payloads.size(); i++) {
			for (TargetRelation relation : payloads.get(i).relations()) {
				String host = relation.target().first(IdentifierType.HOSTNAME);
				String key = (host != null) ? "hostname:" + host
						: "serial_number:" + relation.target()
							.first(IdentifierType.SERIAL_NUMBER)
							.trim()
							.toUpperCase(java.util.Locale.ROOT);
				relations.add(new RelationRequest(payloads.get(i).itemId(), created.get(i).ref(), relation,
						byIdentifier.get(key)));
			}
		}
		return relations;
	}

	record Counts(long writes, long reads, long tokens) {

		long all() {
			return this.writes + this.reads + this.tokens;
		}

		Counts plus(Counts other) {
			return new Counts(this.writes + other.writes, this.reads + other.reads, this.tokens + other.tokens);
		}

		/** The calls recorded since the last take, then forgets them. */
		static Counts take(HaloItsmSimulator simulator) {
			List<RecordedCall> calls = simulator.recordedRequests().stream().map(HaloSimulatorPlatform::call).toList();
			simulator.clearRecordedRequests();
			long tokens = calls.stream().filter((call) -> call.path().equals("/auth/token")).count();
			long writes = calls.stream()
				.filter((call) -> !call.method().equals("GET") && !call.path().equals("/auth/token"))
				.count();
			return new Counts(writes, calls.size() - writes - tokens, tokens);
		}

	}

}
