package io.itsmhub.connectors.jsmassets;

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
import io.itsmhub.api.testing.contract.RecordedCall;
import io.itsmhub.simulators.http.SimulatorServer;
import io.itsmhub.simulators.jsmassets.JsmAssetsSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API economy for Assets: write calls per item for a first push of 10,000 servers and
 * 20,000 relations (two reference attributes per server), through the object API and
 * through the import path. Provisioning the schema is set-up and not counted.
 */
class JsmAssetsApiEconomyIT {

	/**
	 * 1,000 in the normal build; {@code -Deconomy.items=10000} for the figures in the
	 * README.
	 */
	static final int ITEMS = Integer.getInteger("economy.items", 1_000);

	@Test
	void objectApi() {
		measure(false);
	}

	@Test
	void importPath() {
		measure(true);
	}

	private void measure(boolean viaImport) {
		JsmAssetsSimulator simulator = JsmAssetsSimulator.builder()
			.basicUser("hub@example.com", "api-token")
			.journalCapacity(1_000_000)
			.build();
		try (SimulatorServer server = SimulatorServer.start(simulator)) {
			JsmAssetsProperties properties = JsmAssetsProperties.basic(server.baseUrl(), "hub@example.com", "api-token")
				.withProvisioning();
			new JsmAssetsConnector(properties).provisionSchema(JsmAssetsSamples.SHIPPED_CATALOG,
					JsmAssetsSamples.STATUSES);
			// two reference attributes per server for the relations (set-up, not counted)
			provisionReferences(server, simulator);
			simulator.clearRecordedRequests();
			JsmAssetsConnector connector = new JsmAssetsConnector(viaImport
					? properties.withImport(JsmAssetsSimulator.DEFAULT_IMPORT_SOURCE_ID, 5000, 1000) : properties);
			List<TargetPayload> payloads = new ArrayList<>(ITEMS);
			for (int i = 0; i < ITEMS; i++) {
				payloads.add(JsmAssetsSamples.map(JsmAssetsSamples.machine(CiClass.SERVER, 10_000 + i,
						"alice@example.com", LifecycleStatus.IN_USE, List.of())));
			}
			long started = System.nanoTime();
			List<PushOutcome> outcomes = new ArrayList<>();
			for (int from = 0; from < ITEMS; from += connector.maxBatchSize()) {
				outcomes
					.addAll(connector.upsert(payloads.subList(from, Math.min(ITEMS, from + connector.maxBatchSize()))
						.stream()
						.map((payload) -> new UpsertRequest(payload, null))
						.toList()));
			}
			assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.CREATED));
			Counts items = Counts.of(simulator);
			simulator.clearRecordedRequests();
			List<RelationRequest> relations = new ArrayList<>();
			TargetRelation dependsOn = new TargetRelation("depends_on", "Depends on", false,
					Identifiers.of(IdentifierType.HOSTNAME, "x"));
			TargetRelation connectsTo = new TargetRelation("connected_to", "Connects to", false,
					Identifiers.of(IdentifierType.HOSTNAME, "x"));
			for (int i = 0; i < ITEMS; i++) {
				relations.add(new RelationRequest(outcomes.get(i).itemId(), outcomes.get(i).ref(), dependsOn,
						outcomes.get((i + 1) % ITEMS).ref()));
				relations.add(new RelationRequest(outcomes.get(i).itemId(), outcomes.get(i).ref(), connectsTo,
						outcomes.get((i + 2) % ITEMS).ref()));
			}
			for (int from = 0; from < relations.size(); from += 1000) {
				assertThat(connector.relate(relations.subList(from, Math.min(relations.size(), from + 1000))))
					.allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.RELATED));
			}
			Counts rels = Counts.of(simulator);
			long millis = (System.nanoTime() - started) / 1_000_000;
			String path = viaImport ? "import path" : "object API";
			System.out.printf(
					"JSM Assets API economy (%s): first push of %,d items: %,d write calls (%.4f per item), %,d reads; "
							+ "%,d relations: %,d write calls (%.4f per item), %,d reads; total %.4f writes per item, %,d ms%n",
					path, ITEMS, items.writes(), items.writes() / (double) ITEMS, items.reads(), relations.size(),
					rels.writes(), rels.writes() / (double) ITEMS, rels.reads(),
					(items.writes() + rels.writes()) / (double) ITEMS, millis);
			assertThat(simulator.records().path("Server")).hasSize(ITEMS);
		}
	}

	static void provisionReferences(SimulatorServer server, JsmAssetsSimulator simulator) {
		AssetsHttp http = new AssetsHttp(JsmAssetsProperties.basic(server.baseUrl(), "hub@example.com", "api-token"),
				java.net.http.HttpClient.newHttpClient());
		ObjectSchemaResource schema = new ObjectSchemaResource(http);
		String typeId = null;
		for (var type : schema.objectTypes("1")) {
			if (type.path("name").asText().equals("Server")) {
				typeId = type.path("id").asText();
			}
		}
		for (String name : List.of("Depends on", "Connects to")) {
			var body = AssetsHttp.JSON.createObjectNode();
			body.put("name", name);
			body.put("type", 1);
			body.put("typeValue", typeId);
			body.put("additionalValue", new AssetsSchema(schema, http.properties()).referenceTypeId(name));
			body.put("maximumCardinality", -1);
			schema.createAttribute(typeId, body);
		}
	}

	record Counts(long writes, long reads) {

		static Counts of(JsmAssetsSimulator simulator) {
			List<RecordedCall> calls = simulator.recordedRequests().stream().map(JsmSimulatorPlatform::call).toList();
			long writes = calls.stream()
				.filter((call) -> !call.method().equals("GET") && !call.path().contains("/object/aql"))
				.count();
			return new Counts(writes, calls.size() - writes);
		}

	}

}
