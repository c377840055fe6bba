package io.itsmhub.app;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.itsmhub.api.testing.InMemoryTargetConnector;
import io.itsmhub.app.webhook.WebhookSignature;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs, dead letters and webhooks through the API, against a platform in memory that the
 * shipped ServiceNow mapping feeds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:hsqldb:mem:sync-api-it",
				"hub.sync.integrations.it.targets=servicenow", "hub.sync.integrations.it.guard-minimum=4",
				"hub.sync.integrations.it.max-change-share=0.25", "hub.sync.integrations.live.targets=ivanti",
				"hub.sync.integrations.live.push-on-ingest=true", "hub.sync.guard.backoff=1ms",
				"hub.sync.guard.max-wait=5ms", "hub.sync.guard.max-attempts=3",
				"hub.webhooks.sources.monitoring.secret=it-webhook-secret" })
@ActiveProfiles("it")
@Import(SyncApiIT.Platform.class)
class SyncApiIT {

	private static final String SERVERS = """
			{"sourceKey": "db-prod-01", "ciClass": "server", "name": "db-prod-01", "identifiers": {"serial_number": "CZ3420ABCD", "hostname": "db-prod-01"}, "attributes": {"os": "Ubuntu", "os_version": "22.04"}}
			{"sourceKey": "app-prod-01", "ciClass": "server", "name": "app-prod-01", "identifiers": {"serial_number": "CZ3420ABCE", "hostname": "app-prod-01"}, "attributes": {"os": "Ubuntu", "os_version": "22.04"}}
			""";

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("platform")
	InMemoryTargetConnector platform;

	@Autowired
	@Qualifier("ivanti")
	InMemoryTargetConnector ivanti;

	@Autowired
	JdbcTemplate jdbc;

	HubClient hub;

	@BeforeEach
	void setUp() {
		this.hub = new HubClient(this.port);
	}

	@Test
	void aRunPushesEverythingOnceThenNothingAndTheItemShowsItsRecord() {
		reset();
		ingest("cmdb-import", SERVERS);
		JsonNode first = this.hub.post("/api/integrations/it/runs?mode=full", "operator", "").json();
		assertThat(first.at("/counts/servicenow/created").asInt()).isEqualTo(2);
		assertThat(this.platform.records).hasSize(2);
		JsonNode second = this.hub.post("/api/integrations/it/runs", "operator", "").json();
		assertThat(second.at("/counts/servicenow/unchanged").asInt()).isEqualTo(2);
		assertThat(second.at("/counts/servicenow/apiCalls").asInt()).isZero();
		JsonNode metric = this.hub
			.get("/actuator/metrics/hub.sync.items?tag=target:servicenow&tag=outcome:created", "admin")
			.json();
		assertThat(metric.at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(2.0);
		JsonNode run = this.hub.get("/api/runs/" + second.get("runId").asLong(), "viewer").json();
		assertThat(run.get("status").asText()).isEqualTo("completed");
		assertThat(run.at("/counts/servicenow/unchanged").asInt()).isEqualTo(2);

		String id = this.hub.get("/api/items?identifier=serial_number:CZ3420ABCD", "viewer")
			.json()
			.at("/items/0/id")
			.asText();
		JsonNode item = this.hub.get("/api/items/" + id, "viewer").json();
		JsonNode servicenow = null;
		for (JsonNode target : item.get("targets")) {
			if (target.get("target").asText().equals("servicenow")) {
				servicenow = target;
			}
		}
		assertThat(servicenow).isNotNull();
		assertThat(this.platform.records).containsKey(servicenow.get("recordId").asText());
	}

	@Test
	void aDryRunShowsThePlanAndCallsNothing() {
		reset();
		ingest("cmdb-import", SERVERS);
		this.platform.calls.clear();
		JsonNode plan = this.hub.post("/api/integrations/it/runs?dryRun=true", "operator", "").json();
		assertThat(this.platform.calls).isEmpty();
		assertThat(plan.get("plan")).hasSize(2);
		assertThat(plan.at("/plan/0/action").asText()).isEqualTo("create");
		assertThat(plan.at("/plan/0/fields/ci.serial_number/1").asText()).startsWith("CZ3420AB");
		assertThat(this.hub.post("/api/integrations/nope/runs", "operator", "").status()).isEqualTo(404);
		assertThat(this.hub.post("/api/integrations/it/runs?mode=sometimes", "operator", "").status()).isEqualTo(400);
	}

	@Test
	void aRefusedRecordIsADeadLetterThatCanBeReplayedOnceFixed() {
		reset();
		ingest("cmdb-import", SERVERS);
		String id = this.hub.get("/api/items?identifier=serial_number:CZ3420ABCE", "viewer")
			.json()
			.at("/items/0/id")
			.asText();
		this.platform.refused.add(id);
		this.hub.post("/api/integrations/it/runs", "operator", "");
		JsonNode letters = this.hub.get("/api/dead-letters?status=open", "viewer").json();
		assertThat(letters).hasSize(1);
		assertThat(letters.at("/0/itemId").asText()).isEqualTo(id);
		assertThat(letters.at("/0/reason").asText()).contains("Data Policy Exception");
		assertThat(letters.at("/0/payload/records/0/fields/serial_number").asText()).isEqualTo("CZ3420ABCE");
		int attempts = letters.at("/0/attempts").asInt();
		assertThat(attempts).isPositive();

		// the next run tries it again: still one letter, with the attempts added up
		this.hub.post("/api/integrations/it/runs", "operator", "");
		letters = this.hub.get("/api/dead-letters?status=open", "viewer").json();
		assertThat(letters).hasSize(1);
		assertThat(letters.at("/0/attempts").asInt()).isEqualTo(2 * attempts);

		this.platform.refused.clear();
		this.hub.post("/api/dead-letters/" + letters.at("/0/id").asLong() + "/replay", "operator", "");
		assertThat(this.platform.records).hasSize(2);
		assertThat(this.hub.get("/api/dead-letters?status=open", "viewer").json()).isEmpty();
	}

	@Test
	void aSignedWebhookReachesThePlatformWithinSeconds() {
		reset();
		assertThat(this.ivanti.platform()).isEqualTo("ivanti");
		byte[] body = """
				{"sourceKey": "alert-42", "ciClass": "server", "name": "web-07", "identifiers": {"serial_number": "WEB07SN"}}
				"""
			.getBytes(StandardCharsets.UTF_8);
		String signature = WebhookSignature.header("it-webhook-secret", Instant.now().getEpochSecond(), body);
		long start = System.nanoTime();
		HubClient.Answer answer = this.hub.postSigned("/webhooks/monitoring", signature, body);
		assertThat(answer.status()).isEqualTo(202);
		Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> !this.ivanti.records.isEmpty());
		assertThat(this.ivanti.records.values()).singleElement()
			.satisfies((record) -> assertThat(record).containsEntry("SerialNumber", "WEB07SN"));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		// the same signed request again is a replay
		assertThat(this.hub.postSigned("/webhooks/monitoring", signature, body).status()).isEqualTo(401);
	}

	@Test
	void aRunThatWouldChangeHalfTheRecordsWaitsForApproval() {
		reset();
		StringBuilder estate = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			estate.append("{\"sourceKey\": \"srv-" + i + "\", \"ciClass\": \"server\", \"name\": \"srv-" + i
					+ "\", \"identifiers\": {\"serial_number\": \"SRV00" + i
					+ "\"}, \"attributes\": {\"os\": \"Ubuntu\", " + "\"os_version\": \""
					+ ((i < 4) ? "22.04" : "20.04") + "\"}}\n");
		}
		ingest("cmdb-import", estate.toString());
		this.hub.post("/api/integrations/it/runs", "operator", "");
		assertThat(this.platform.records).hasSize(8);
		ingest("cmdb-import", estate.toString().replace("20.04", "24.04"));
		this.platform.calls.clear();
		JsonNode guarded = this.hub.post("/api/integrations/it/runs", "operator", "").json();
		assertThat(guarded.get("status").asText()).isEqualTo("awaiting_approval");
		assertThat(guarded.at("/counts/servicenow/updated").asInt()).isEqualTo(4);
		assertThat(this.platform.calls).isEmpty();
		long runId = guarded.get("runId").asLong();
		assertThat(this.hub.get("/api/runs/" + runId, "viewer").json().get("status").asText())
			.isEqualTo("awaiting_approval");
		assertThat(this.hub.post("/api/runs/" + runId + "/approve", "viewer", "").status()).isEqualTo(403);
		JsonNode approved = this.hub.post("/api/runs/" + runId + "/approve", "operator", "").json();
		assertThat(approved.at("/counts/servicenow/updated").asInt()).isEqualTo(4);
		assertThat(this.hub.get("/api/runs/" + runId, "viewer").json().get("status").asText()).isEqualTo("approved");
		assertThat(this.platform.records.values()).filteredOn((record) -> "24.04".equals(record.get("os_version")))
			.hasSize(4);
	}

	@Test
	void badSignaturesChangeNothing() {
		reset();
		byte[] body = """
				{"sourceKey": "alert-43", "ciClass": "server", "identifiers": {"serial_number": "EVIL01SN"}}
				""".getBytes(StandardCharsets.UTF_8);
		long now = Instant.now().getEpochSecond();
		assertThat(this.hub.postSigned("/webhooks/monitoring", WebhookSignature.header("wrong-secret", now, body), body)
			.status()).isEqualTo(401);
		assertThat(this.hub
			.postSigned("/webhooks/monitoring", WebhookSignature.header("it-webhook-secret", now - 600, body), body)
			.status()).isEqualTo(401);
		assertThat(this.hub.postSigned("/webhooks/monitoring", null, body).status()).isEqualTo(401);
		assertThat(
				this.hub.postSigned("/webhooks/unknown", WebhookSignature.header("it-webhook-secret", now, body), body)
					.status())
			.isEqualTo(401);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM items", Integer.class)).isZero();
	}

	private void ingest(String source, String ndjson) {
		assertThat(this.hub
			.post("/api/sources/" + source + "/items", "operator", "application/x-ndjson",
					ndjson.getBytes(StandardCharsets.UTF_8))
			.status()).isEqualTo(200);
	}

	private void reset() {
		for (String table : new String[] { "items", "identifiers", "item_identifiers", "item_sources", "item_changes",
				"relationships", "conflicts", "ingest_rejections", "ingest_runs", "target_xref", "dead_letters",
				"sync_outcomes", "sync_runs" }) {
			this.jdbc.update("DELETE FROM " + table);
		}
		this.platform.records.clear();
		this.platform.recordByMatch.clear();
		this.platform.calls.clear();
		this.platform.refused.clear();
		this.ivanti.records.clear();
		this.ivanti.recordByMatch.clear();
	}

	@TestConfiguration
	static class Platform {

		@Bean
		InMemoryTargetConnector platform() {
			return new InMemoryTargetConnector("servicenow", 100);
		}

		/** The target of the integration that pushes right after each ingest. */
		@Bean
		InMemoryTargetConnector ivanti() {
			return new InMemoryTargetConnector("ivanti", 100);
		}

	}

}
