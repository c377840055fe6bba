package io.itsmhub.app;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.itsmhub.simulators.http.SimulatorServer;
import io.itsmhub.simulators.servicenow.ServiceNowSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relations in ServiceNow follow their ends: when the server an application runs on is
 * retired, its {@code cmdb_rel_ci} row is deleted, and the server's CI stays, retired.
 * The hub pushes over HTTP into the ServiceNow simulator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:hsqldb:mem:servicenow-relations-it",
				"hub.targets.servicenow.enabled=true", "hub.targets.servicenow.username=admin",
				"hub.targets.servicenow.password=admin", "hub.sync.integrations.push.targets=servicenow",
				"hub.sync.integrations.retire.targets=servicenow", "hub.sync.integrations.retire.retire-after=P7D",
				"hub.sync.integrations.retire.authoritative-sources=discovery",
				"hub.sync.integrations.retire.guard-minimum=1000", "hub.sync.guard.backoff=1ms",
				"hub.sync.guard.max-wait=5ms" })
@ActiveProfiles("it")
class ServiceNowRelationsIT {

	static final ServiceNowSimulator SIMULATOR = ServiceNowSimulator.builder().build();

	static final SimulatorServer SERVER = SimulatorServer.start(SIMULATOR);

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void servicenow(DynamicPropertyRegistry registry) {
		registry.add("hub.targets.servicenow.base-url", SERVER::baseUrl);
	}

	@AfterAll
	static void stop() {
		SERVER.close();
	}

	@Test
	void aRelationToARetiredServerIsDeletedAndTheServerStaysRetired() {
		HubClient hub = new HubClient(this.port);
		Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10));
		ingest(hub, server(tenDaysAgo) + application(tenDaysAgo));
		JsonNode first = hub.post("/api/integrations/push/runs?mode=full", "operator", "").json();
		assertThat(first.at("/counts/servicenow/created").asInt()).isEqualTo(2);
		assertThat(first.at("/counts/servicenow/relationsPushed").asInt()).isEqualTo(1);
		assertThat(table("cmdb_rel_ci")).hasSize(1);
		String serverCi = ciWithSerial("CZ3420REL1").path("sys_id").asText();
		assertThat(table("cmdb_rel_ci").get(0).path("child").asText()).isEqualTo(serverCi);

		// discovery still sees the application; the server it ran on is gone
		ingest(hub, application(Instant.now()));
		JsonNode second = hub.post("/api/integrations/retire/runs?mode=full", "operator", "").json();
		assertThat(second.get("status").asText()).isEqualTo("completed");
		assertThat(second.at("/counts/servicenow/retired").asInt()).isEqualTo(1);
		assertThat(second.at("/counts/servicenow/relationsRetired").asInt()).isEqualTo(1);
		assertThat(table("cmdb_rel_ci")).isEmpty();
		JsonNode server = ciWithSerial("CZ3420REL1");
		assertThat(server.path("sys_id").asText()).isEqualTo(serverCi);
		assertThat(server.path("install_status").asText()).isEqualTo("7");

		// nothing left to do
		JsonNode third = hub.post("/api/integrations/retire/runs?mode=full", "operator", "").json();
		assertThat(third.at("/counts/servicenow/apiCalls").asInt()).isZero();
		assertThat(third.at("/counts/servicenow/relationsRetired").asInt()).isZero();
	}

	private static void ingest(HubClient hub, String ndjson) {
		assertThat(hub
			.post("/api/sources/discovery/items", "operator", "application/x-ndjson",
					ndjson.getBytes(StandardCharsets.UTF_8))
			.status()).isEqualTo(200);
	}

	private static List<JsonNode> table(String table) {
		List<JsonNode> records = new ArrayList<>();
		SIMULATOR.records().path(table).forEach(records::add);
		return records;
	}

	private static JsonNode ciWithSerial(String serial) {
		List<JsonNode> found = new ArrayList<>();
		SIMULATOR.records().properties().forEach((table) -> {
			if (table.getKey().startsWith("cmdb_ci")) {
				table.getValue().forEach((record) -> {
					if (serial.equals(record.path("serial_number").asText())) {
						found.add(record);
					}
				});
			}
		});
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private static String server(Instant observedAt) {
		return """
				{"sourceKey": "srv-rel-1", "ciClass": "server", "name": "srv-rel-1", "identifiers": {"serial_number": "CZ3420REL1", "hostname": "srv-rel-1"}, "attributes": {"os": "Ubuntu", "os_version": "22.04"}, "observedAt": "%s"}
				"""
			.formatted(observedAt);
	}

	private static String application(Instant observedAt) {
		return """
				{"sourceKey": "billing", "ciClass": "application", "name": "billing", "identifiers": {"fqdn": "billing.corp.example"}, "relationships": [{"type": "runs_on", "target": {"hostname": "srv-rel-1"}}], "observedAt": "%s"}
				"""
			.formatted(observedAt);
	}

}
