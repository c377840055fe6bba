package io.itsmhub.connectors.freshservice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.itsmhub.simulators.core.Json;
import io.itsmhub.simulators.http.SimulatorServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the connector sends Freshservice: type fields under the names of the asset type
 * that defines them, references resolved to ids, look-ups batched into filter queries,
 * and relationships through one bulk job.
 */
class FreshserviceConnectorTest {

	SimulatorServer server;

	FreshserviceSimulatorPlatform platform;

	FreshserviceConnector connector;

	@BeforeEach
	void start() {
		this.server = SimulatorServer.start(FreshserviceSamples.account().build());
		this.platform = new FreshserviceSimulatorPlatform(this.server);
		this.connector = new FreshserviceConnector(
				FreshserviceProperties.of(this.server.baseUrl(), FreshserviceSamples.API_KEY));
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void createSendsTypeFieldsWithTheirDefiningTypesSuffixAndResolvedReferences() {
		TargetPayload server = FreshserviceSamples
			.map(FreshserviceSamples.machine(CiClass.SERVER, 7, "bob@example.com", LifecycleStatus.IN_USE, List.of()));
		PushOutcome outcome = this.connector.upsert(List.of(new UpsertRequest(server, null))).get(0);
		assertThat(outcome.status()).as("%s", outcome.failure()).isEqualTo(Status.CREATED);

		RecordedCall create = this.platform.requests()
			.stream()
			.filter((call) -> call.method().equals("POST"))
			.findFirst()
			.orElseThrow();
		JsonNode body = Json.parse(create.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(body.path("asset_type_id").asLong()).isEqualTo(27);
		assertThat(body.path("name").asText()).isEqualTo("srv-7");
		assertThat(body.path("asset_tag").asText()).isEqualTo("P3000007");
		// Hardware (25) defines serial number, cost, dates and state; Computer (26) the
		// OS
		assertThat(body.path("type_fields").path("serial_number_25").asText()).isEqualTo("CZ800007");
		assertThat(body.path("type_fields").path("cost_25").decimalValue()).isEqualByComparingTo("4200.00");
		assertThat(body.path("type_fields").path("acquisition_date_25").asText()).isEqualTo("2024-06-01");
		assertThat(body.path("type_fields").path("asset_state_25").asText()).isEqualTo("In Use");
		assertThat(body.path("type_fields").path("os_26").asText()).isEqualTo("Red Hat Enterprise Linux");
		assertThat(body.path("type_fields").path("hostname_26").asText()).isEqualTo("srv-7");
		// bob is the second requester, the location and department the first of theirs
		assertThat(body.path("user_id").asLong()).isEqualTo(2);
		assertThat(body.path("location_id").asLong()).isEqualTo(1);
		assertThat(body.path("department_id").asLong()).isEqualTo(1);
		assertThat(create.authorization()).isEqualTo("Basic");
	}

	@Test
	void anOwnerTheAccountDoesNotKnowRefusesThatItemOnlyNamingTheField() {
		TargetPayload unknown = FreshserviceSamples.map(FreshserviceSamples.machine(CiClass.SERVER, 8,
				"nobody@example.com", LifecycleStatus.IN_USE, List.of()));
		TargetPayload known = FreshserviceSamples.map(
				FreshserviceSamples.machine(CiClass.SERVER, 9, "alice@example.com", LifecycleStatus.IN_USE, List.of()));
		List<PushOutcome> outcomes = this.connector
			.upsert(List.of(new UpsertRequest(unknown, null), new UpsertRequest(known, null)));
		assertThat(outcomes.get(0).status()).isEqualTo(Status.FAILED);
		assertThat(outcomes.get(0).failure().retryable()).isFalse();
		assertThat(outcomes.get(0).failure().message()).contains("nobody@example.com").contains("user_id");
		assertThat(outcomes.get(1).status()).isEqualTo(Status.CREATED);
		assertThat(this.platform.assets()).extracting((asset) -> asset.path("name").asText()).containsExactly("srv-9");
	}

	@Test
	void assetsTheHubHasNoIdForAreLookedUpManyToAFilterQuery() {
		List<TargetPayload> payloads = FreshserviceSamples.many(60);
		List<PushOutcome> created = new ArrayList<>();
		for (int from = 0; from < 60; from += 30) {
			created.addAll(this.connector
				.upsert(payloads.subList(from, from + 30).stream().map((p) -> new UpsertRequest(p, null)).toList()));
		}
		this.platform.clearRequests();
		Map<String, io.itsmhub.api.target.TargetRef> found = this.connector.find(payloads);
		assertThat(found).hasSize(60);
		for (int i = 0; i < 60; i++) {
			assertThat(found.get(payloads.get(i).itemId()).recordId()).isEqualTo(created.get(i).ref().recordId());
		}
		List<RecordedCall> filters = this.platform.requests()
			.stream()
			.filter((call) -> call.queryParam("filter") != null)
			.toList();
		// 60 serial numbers in queries of at most 512 characters: a handful, not 60
		assertThat(filters).hasSizeBetween(2, 6);
		assertThat(filters).allSatisfy((call) -> {
			String filter = java.net.URLDecoder.decode(call.queryParam("filter"),
					java.nio.charset.StandardCharsets.UTF_8);
			assertThat(filter).startsWith("\"serial_number:'CZ8001").contains(" OR ").hasSizeLessThanOrEqualTo(514);
		});
		// a second upsert of the same estate matches them all and creates nothing
		this.platform.clearRequests();
		List<PushOutcome> again = this.connector
			.upsert(payloads.subList(0, 30).stream().map((p) -> new UpsertRequest(p, null)).toList());
		assertThat(again).allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.UPDATED));
		assertThat(this.platform.requests()).noneMatch((call) -> call.method().equals("POST"));
		assertThat(this.platform.assets()).hasSize(60);
	}

	@Test
	void relationshipsGoInOneBulkJobInTheDirectionOfTheirType() {
		List<PushOutcome> created = this.connector
			.upsert(FreshserviceSamples.many(3).stream().map((p) -> new UpsertRequest(p, null)).toList());
		TargetRelation hostedOn = new TargetRelation("hosted_on", "Hosted On", false,
				Identifiers.of(IdentifierType.HOSTNAME, "x"));
		TargetRelation hosts = new TargetRelation("contains", "Hosts", false,
				Identifiers.of(IdentifierType.HOSTNAME, "x"));
		this.platform.clearRequests();
		List<PushOutcome> outcomes = this.connector.relate(List.of(
				new RelationRequest(created.get(0).itemId(), created.get(0).ref(), hostedOn, created.get(1).ref()),
				new RelationRequest(created.get(2).itemId(), created.get(2).ref(), hosts, created.get(1).ref())));
		assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(Status.RELATED));
		List<RecordedCall> bulk = this.platform.requests()
			.stream()
			.filter((call) -> call.path().equals("/api/v2/relationships/bulk-create"))
			.toList();
		assertThat(bulk).hasSize(1);
		JsonNode relationships = Json.parse(bulk.get(0).body().getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.path("relationships");
		assertThat(relationships).hasSize(2);
		// "Hosted On" is the downstream name of type 3: the first asset is primary
		assertThat(relationships.get(0).path("relationship_type_id").asLong()).isEqualTo(3);
		assertThat(relationships.get(0).path("primary_id").asText()).isEqualTo(created.get(0).ref().recordId());
		assertThat(relationships.get(0).path("secondary_id").asText()).isEqualTo(created.get(1).ref().recordId());
		// "Hosts" is its upstream name: the other asset is primary
		assertThat(relationships.get(1).path("primary_id").asText()).isEqualTo(created.get(1).ref().recordId());
		assertThat(relationships.get(1).path("secondary_id").asText()).isEqualTo(created.get(2).ref().recordId());
		assertThat(this.platform.requests()).anySatisfy((call) -> assertThat(call.path()).startsWith("/api/v2/jobs/"));
	}

	@Test
	void theCatalogIsReadFromTheAccountsAssetTypes() {
		var catalog = this.connector.fieldCatalog();
		assertThat(catalog.field("Server", "type_fields.serial_number")).isPresent();
		assertThat(catalog.field("Server", "type_fields.os")).isPresent();
		assertThat(catalog.field("Printer", "type_fields.os")).isEmpty();
		assertThat(catalog.relationTypes()).contains("Hosted On", "Hosts", "Depends On");
	}

	@Test
	void verifyNamesThePropertyToFix() {
		assertThat(new FreshserviceConnector(FreshserviceProperties.of("", FreshserviceSamples.API_KEY)).verify())
			.extracting(io.itsmhub.api.target.TargetConnector.ConfigProblem::property)
			.containsExactly("hub.targets.freshservice.base-url");
		assertThat(new FreshserviceConnector(FreshserviceProperties.of(this.server.baseUrl(), "wrong")).verify())
			.extracting(io.itsmhub.api.target.TargetConnector.ConfigProblem::property)
			.containsExactly("hub.targets.freshservice.api-key");
		assertThat(this.connector.verify()).isEmpty();
	}

}
