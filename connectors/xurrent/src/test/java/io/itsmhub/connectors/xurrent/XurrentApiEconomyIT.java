package io.itsmhub.connectors.xurrent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.target.PushOutcome;
import io.itsmhub.api.target.PushOutcome.Status;
import io.itsmhub.api.target.TargetConnector.RelationRequest;
import io.itsmhub.api.target.TargetConnector.UpsertRequest;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.target.TargetRelation;
import io.itsmhub.api.testing.EstateGenerator;
import io.itsmhub.simulators.http.SimulatorServer;
import io.itsmhub.simulators.xurrent.XurrentSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API economy for Xurrent: a 10,000-item estate ({@link EstateGenerator#agent}, servers
 * and virtual machines with two relations each) through the shipped mapping, a first sync
 * (creates through the bulk mutation, then relations) and an unchanged re-sync (the sync
 * engine's rule: equal content hashes send nothing), plus a forced re-push of every item
 * as updates. Prints the API calls per item and the query cost used.
 */
class XurrentApiEconomyIT {

	static final int ITEMS = Integer.getInteger("economy.items", 10_000);

	@Test
	void firstSyncAndUnchangedResync() {
		XurrentSimulator simulator = XurrentSimulatorPlatform.seeded().unlimited().journalCapacity(100_000).build();
		try (SimulatorServer server = SimulatorServer.start(simulator)) {
			XurrentConnector connector = new XurrentConnector(
					XurrentProperties.of(server.baseUrl() + "/", XurrentSimulator.DEFAULT_ACCOUNT, "xurrent-token")
						.withBatching(100, 20, 50, Duration.ofMillis(5)));
			List<DiscoveredItem> estate = EstateGenerator.agent(ITEMS, Instant.parse("2026-11-29T06:00:00Z"));
			long started = System.nanoTime();

			// first sync: every item new, then the relations between them
			List<TargetPayload> payloads = estate.stream()
				.map((item) -> XurrentSamples.MAPPING.map(item, "item-" + item.sourceKey()))
				.toList();
			List<PushOutcome> outcomes = new ArrayList<>();
			for (int from = 0; from < ITEMS; from += connector.maxBatchSize()) {
				outcomes
					.addAll(connector.upsert(payloads.subList(from, Math.min(ITEMS, from + connector.maxBatchSize()))
						.stream()
						.map((payload) -> new UpsertRequest(payload, null))
						.toList()));
			}
			assertThat(outcomes).allSatisfy(
					(outcome) -> assertThat(outcome.status()).as("%s", outcome.failure()).isEqualTo(Status.CREATED));
			long itemCalls = simulator.recordedRequests().size();
			long cost = costUsed(connector);
			List<RelationRequest> relations = new ArrayList<>();
			for (int i = 0; i < ITEMS; i++) {
				List<TargetRelation> mapped = payloads.get(i).relations();
				// depends_on srv-(i-1), connected_to the serial of i-2 (EstateGenerator)
				for (TargetRelation relation : mapped) {
					int other = relation.canonicalType().equals("depends_on") ? i - 1 : i - 2;
					relations.add(new RelationRequest(payloads.get(i).itemId(), outcomes.get(i).ref(), relation,
							outcomes.get(other).ref()));
				}
			}
			for (int from = 0; from < relations.size(); from += 1000) {
				assertThat(connector.relate(relations.subList(from, Math.min(relations.size(), from + 1000))))
					.allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.RELATED));
			}
			long firstCalls = simulator.recordedRequests().size();
			long firstCost = costUsed(connector);
			long firstMillis = (System.nanoTime() - started) / 1_000_000;

			// unchanged re-sync: the same estate maps to the same hashes, nothing is sent
			Map<String, String> hashes = new HashMap<>();
			payloads.forEach((payload) -> hashes.put(payload.itemId(), payload.contentHash()));
			simulator.clearRecordedRequests();
			List<UpsertRequest> changed = new ArrayList<>();
			for (int i = 0; i < ITEMS; i++) {
				DiscoveredItem item = estate.get(i);
				TargetPayload again = XurrentSamples.MAPPING.map(item, "item-" + item.sourceKey());
				if (!again.contentHash().equals(hashes.get(again.itemId()))) {
					changed.add(new UpsertRequest(again, outcomes.get(i).ref()));
				}
			}
			if (!changed.isEmpty()) {
				connector.upsert(changed);
			}
			long resyncCalls = simulator.recordedRequests().size();

			// forced re-push: every item as an update with its known record
			simulator.clearRecordedRequests();
			for (int from = 0; from < ITEMS; from += connector.maxBatchSize()) {
				List<UpsertRequest> batch = new ArrayList<>();
				for (int i = from; i < Math.min(ITEMS, from + connector.maxBatchSize()); i++) {
					batch.add(new UpsertRequest(payloads.get(i), outcomes.get(i).ref()));
				}
				assertThat(connector.upsert(batch))
					.allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.UPDATED));
			}
			long forcedCalls = simulator.recordedRequests().size();
			long forcedCost = costUsed(connector) - firstCost;

			System.out.printf("Xurrent API economy: %,d items, %,d relations. First sync: %,d API calls "
					+ "(%.4f per item; items %,d, relations %,d), %,d cost points, %,d ms. "
					+ "Unchanged re-sync: %,d API calls (%.4f per item). "
					+ "Forced re-push as updates: %,d API calls (%.4f per item), %,d cost points. "
					+ "At the documented 3,600 requests and 5,000 cost points per hour the first sync needs %.1f h.%n",
					ITEMS, relations.size(), firstCalls, firstCalls / (double) ITEMS, itemCalls, firstCalls - itemCalls,
					firstCost, firstMillis, resyncCalls, resyncCalls / (double) ITEMS, forcedCalls,
					forcedCalls / (double) ITEMS, forcedCost, Math.max(firstCalls / 3600.0, firstCost / 5000.0));
			assertThat(resyncCalls).isZero();
			assertThat(simulator.records().path("ConfigurationItem")).hasSize(ITEMS);
			assertThat(cost).isPositive();
		}
	}

	private static long costUsed(XurrentConnector connector) {
		RateBudget budget = connector.rateBudget();
		return budget.costLimit() - budget.costRemaining();
	}

}
