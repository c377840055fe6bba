package io.itsmhub.connectors.haloitsm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.api.model.Identifiers;
import io.itsmhub.api.target.PushOutcome;
import io.itsmhub.api.target.PushOutcome.Status;
import io.itsmhub.api.target.TargetConnector.RelationRequest;
import io.itsmhub.api.target.TargetConnector.RetireRequest;
import io.itsmhub.api.target.TargetConnector.UpsertRequest;
import io.itsmhub.api.target.TargetException;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.target.TargetRelation;
import io.itsmhub.simulators.haloitsm.HaloItsmSimulator;
import io.itsmhub.simulators.http.SimulatorServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every request the connector sends to the simulator in a full run (verify, catalog,
 * look-ups by search and by the asset list, creates, updates, a refused record, links of
 * every kind, retirement, a wrong secret), read back from the simulator's
 * {@code _sim/requests}, follows Halo's OpenAPI document ({@code HaloITSM-swagger.json}
 * in the test resources). Only the token endpoint is outside it: it belongs to Halo's
 * authorisation server, which the document does not describe.
 */
class HaloItsmOpenApiContractTest {

	private final HaloOpenApiContract contract = HaloOpenApiContract.load();

	@Test
	void everyRequestTheConnectorSentFollowsTheSpecification() throws Exception {
		try (SimulatorServer server = SimulatorServer.start(HaloItsmSimulator.builder().build())) {
			run(server);
			List<HaloOpenApiContract.Request> traffic = recorded(server.baseUrl());
			assertThat(traffic).hasSizeGreaterThan(20);
			List<String> violations = new ArrayList<>();
			Set<String> operations = new TreeSet<>();
			for (HaloOpenApiContract.Request request : traffic) {
				if (request.path().equals("/auth/token")) {
					assertThat(request.method()).isEqualTo("POST");
					continue;
				}
				violations.addAll(this.contract.violations(request));
				String operation = this.contract.operationOf(request);
				if (operation != null) {
					operations.add(operation);
				}
			}
			assertThat(violations).isEmpty();
			assertThat(operations).containsExactlyInAnyOrder("GET /AssetType", "GET /Asset", "POST /Asset",
					"GET /Asset/{id}");
			// the refused record reached the platform and was refused there
			assertThat(traffic).anySatisfy((request) -> assertThat(request.status()).isEqualTo(400));
		}
	}

	private static void run(SimulatorServer server) {
		HaloItsmProperties properties = HaloItsmProperties.of(server.baseUrl(), HaloItsmSamples.CLIENT_ID,
				HaloItsmSamples.CLIENT_SECRET);
		HaloItsmConnector connector = new HaloItsmConnector(properties.withPageSize(3));
		assertThat(connector.verify()).isEmpty();
		assertThat(connector.fieldCatalog().classes()).containsKey("Server");
		List<TargetPayload> contract = HaloItsmSamples.contract().items();
		// a few: searched one by one
		List<PushOutcome> created = connector.upsert(requests(contract));
		assertThat(created).allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.CREATED));
		// many: the asset list, paged, then what changed
		List<TargetPayload> many = HaloItsmSamples.many(8);
		connector.upsert(requests(many));
		connector.find(many);
		connector.upsert(List
			.of(new UpsertRequest(HaloItsmSamples.contract().changed().apply(contract.get(0)), created.get(0).ref())));
		TargetPayload invalid = HaloItsmSamples.contract().invalid();
		assertThat(connector.upsert(requests(List.of(many.get(0), invalid))).get(1).status()).isEqualTo(Status.FAILED);
		for (String type : List.of("parent", "child", "sibling")) {
			TargetRelation relation = new TargetRelation("x", type, false, Identifiers.none());
			connector.relate(List.of(new RelationRequest("a", created.get(0).ref(), relation, created.get(1).ref())));
		}
		new HaloItsmConnector(properties.withRelationFields(Map.of("parent", "parent_id", "child", "child_id")))
			.relate(List.of(
					new RelationRequest("a", created.get(2).ref(),
							new TargetRelation("x", "parent", false, Identifiers.none()), created.get(1).ref()),
					new RelationRequest("b", created.get(1).ref(),
							new TargetRelation("x", "child", false, Identifiers.none()), created.get(0).ref())));
		connector.retire(List.of(new RetireRequest(contract.get(0).itemId(), created.get(0).ref(),
				HaloItsmSamples.contract().retired().apply(contract.get(0)))));
		HaloItsmConnector wrong = new HaloItsmConnector(
				HaloItsmProperties.of(server.baseUrl(), HaloItsmSamples.CLIENT_ID, "wrong"));
		assertThatThrownBy(() -> wrong.upsert(requests(contract))).isInstanceOf(TargetException.class);
	}

	// GET _sim/requests
	private static List<HaloOpenApiContract.Request> recorded(String baseUrl) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(baseUrl + "/_sim/requests")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		List<HaloOpenApiContract.Request> requests = new ArrayList<>();
		for (JsonNode recorded : HaloHttp.JSON.readTree(response.body())) {
			requests.add(HaloOpenApiContract.Request.of(recorded));
		}
		return requests;
	}

	@Test
	void theCheckerRejectsWhatTheSpecificationDoesNotHave() throws Exception {
		assertThat(this.contract.violations(request("POST", "/api/Assets", "[]", 200))).singleElement()
			.asString()
			.contains("no such path");
		assertThat(this.contract.violations(request("PUT", "/api/Asset", "[]", 200))).singleElement()
			.asString()
			.contains("method not in the specification");
		assertThat(this.contract.violations(
				new HaloOpenApiContract.Request("GET", "/api/Asset", Map.of("serial_number", List.of("X")), null, 200)))
			.singleElement()
			.asString()
			.contains("serial_number is not declared");
		assertThat(this.contract.violations(
				new HaloOpenApiContract.Request("GET", "/api/Asset", Map.of("page_no", List.of("one")), null, 200)))
			.singleElement()
			.asString()
			.contains("is no int");
		assertThat(this.contract.violations(new HaloOpenApiContract.Request("GET", "/api/Asset",
				Map.of("lastupdatefromdate", List.of("yesterday")), null, 200)))
			.singleElement()
			.asString()
			.contains("is no date-time");
		assertThat(this.contract.violations(request("POST", "/api/Asset", "{\"id\":1}", 200))).singleElement()
			.asString()
			.contains("accepted a body");
		assertThat(this.contract.violations(request("POST", "/api/Asset", "[{\"serial_number\":\"X\"}]", 200)))
			.singleElement()
			.asString()
			.contains("serial_number");
		assertThat(
				this.contract.violations(request("POST", "/api/Asset", "[{\"parent_assets\":[{\"id\":\"x\"}]}]", 200)))
			.isNotEmpty();
		assertThat(this.contract.violations(request("POST", "/api/Asset", "[{\"serial_number\":\"X\"}]", 400)))
			.isEmpty();
		assertThat(this.contract.violations(request("POST", "/api/Asset",
				"[{\"id\":7,\"assettype_id\":101,\"inactive\":true,\"item_cost\":1.5,\"parent_assets\":[{\"id\":3}]}]",
				200)))
			.isEmpty();
		assertThat(this.contract.violations(request("GET", "/api/now/table/cmdb_ci", null, 200))).isNotEmpty();
	}

	private static HaloOpenApiContract.Request request(String method, String path, String body, int status) {
		return new HaloOpenApiContract.Request(method, path, Map.of(), body, status);
	}

	private static List<UpsertRequest> requests(List<TargetPayload> payloads) {
		return payloads.stream().map((payload) -> new UpsertRequest(payload, null)).toList();
	}

}
