package io.itsmhub.app;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The ingest and read API, as a user with curl sees them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:hsqldb:mem:ingest-api-it")
@ActiveProfiles("it")
class IngestApiIT {

	private static final String AGENT_DB01 = """
			{"sourceKey": "db-prod-01-4C4C4544", "ciClass": "server", "name": "db-prod-01",
			 "identifiers": {"serial_number": "CZ3420ABCD", "mac_address": ["00:1A:2B:3C:4D:5E", "00:1A:2B:3C:4D:5F"],
			   "hostname": "db-prod-01", "fqdn": "db-prod-01.corp.example"},
			 "attributes": {"manufacturer": "Dell Inc.", "model": "PowerEdge R740", "os": "Ubuntu", "os_version": "22.04"},
			 "relationships": [{"type": "depends_on", "target": {"hostname": "san-01"}}],
			 "observedAt": "2026-11-29T06:00:00Z"}""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	HubClient hub;

	@BeforeEach
	void setUp() {
		this.hub = new HubClient(this.port);
		for (String table : new String[] { "items", "identifiers", "item_identifiers", "item_sources", "item_changes",
				"relationships", "conflicts", "ingest_rejections", "ingest_runs" }) {
			this.jdbc.update("DELETE FROM " + table);
		}
	}

	@Test
	void goodRecordsAreStoredAndEveryBadOneIsNamedWithItsField() {
		String body = "[" + AGENT_DB01
				+ """
						,
						{"sourceKey": "toaster-1", "ciClass": "toaster", "identifiers": {"serial_number": "T1000"}},
						{"sourceKey": "ws-07", "ciClass": "desktop", "identifiers": {"serial_number": "To be filled by O.E.M."}},
						{"sourceKey": "odd-1", "ciClass": "server", "identifiers": {"imei": "356938035643809"}},
						{"sourceKey": "san-01", "ciClass": "storage", "identifiers": {"hostname": "san-01"}}
						]""";
		HubClient.Answer answer = this.hub.post("/api/sources/agent/items", "operator", body);
		assertThat(answer.status()).isEqualTo(200);
		JsonNode json = answer.json();
		assertThat(json.get("received").asInt()).isEqualTo(5);
		assertThat(json.get("created").asInt()).isEqualTo(2);
		assertThat(json.get("rejected").asInt()).isEqualTo(3);
		JsonNode rejections = json.get("rejections");
		assertThat(rejections.get(0).get("index").asInt()).isEqualTo(1);
		assertThat(rejections.get(0).get("sourceKey").asText()).isEqualTo("toaster-1");
		assertThat(rejections.get(0).at("/errors/0/field").asText()).isEqualTo("ciClass");
		assertThat(rejections.get(0).at("/errors/0/reason").asText()).contains("'toaster' is not a known class");
		assertThat(rejections.get(1).get("index").asInt()).isEqualTo(2);
		assertThat(rejections.get(1).at("/errors/0/field").asText()).isEqualTo("identifiers.serial_number");
		assertThat(rejections.get(1).at("/errors/0/reason").asText()).contains("no usable identifier");
		assertThat(rejections.get(2).at("/errors/0/field").asText()).isEqualTo("identifiers.imei");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM items", Integer.class)).isEqualTo(2);

		// the run record keeps the same rejections
		JsonNode run = this.hub.get("/api/ingest-runs/" + json.get("runId").asLong(), "viewer").json();
		assertThat(run.get("status").asText()).isEqualTo("partial");
		assertThat(run.get("rejections")).hasSize(3);
	}

	@Test
	void malformedNdjsonCostsOnlyItsOwnLine() {
		String ndjson = AGENT_DB01.replace("\n", " ") + "\n{\"sourceKey\": \"broken\", \"ciClass\": \n"
				+ "{\"sourceKey\": \"san-01\", \"ciClass\": \"storage\", \"identifiers\": {\"hostname\": \"san-01\"}}\n";
		HubClient.Answer answer = this.hub.post("/api/sources/agent/items", "operator", "application/x-ndjson",
				ndjson.getBytes(StandardCharsets.UTF_8));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.json().get("created").asInt()).isEqualTo(2);
		assertThat(answer.json().at("/rejections/0/index").asInt()).isEqualTo(1);
		assertThat(answer.json().at("/rejections/0/errors/0/field").asText()).isEqualTo("(line 2)");
		assertThat(answer.json().at("/rejections/0/errors/0/reason").asText()).startsWith("malformed JSON");
	}

	@Test
	void aBodyWithNoAcceptableRecordIsA422Problem() {
		HubClient.Answer answer = this.hub.post("/api/sources/agent/items", "operator",
				"[{\"sourceKey\": \"x\", \"ciClass\": \"server\"}]");
		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().at("/rejections/0/errors/0/field").asText()).isEqualTo("identifiers");
	}

	@Test
	void anOversizedBodyIsRefusedWith413AndNothingIsStored() {
		StringBuilder body = new StringBuilder("[");
		for (int i = 0; i < 400; i++) {
			body.append((i > 0) ? "," : "")
				.append("{\"sourceKey\": \"k" + i
						+ "\", \"ciClass\": \"server\", \"identifiers\": {\"serial_number\": \"SN" + i
						+ "XYZ\"}, \"attributes\": {\"padding\": \"" + "x".repeat(100) + "\"}}");
		}
		HubClient.Answer answer = this.hub.post("/api/sources/agent/items", "operator", body.append("]").toString());
		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().get("detail").asText()).contains("hub.ingest.max-body-size");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM items", Integer.class)).isZero();
	}

	@Test
	void itemsAreFoundByAnySpellingOfAnIdentifierAndBySourceRecord() {
		this.hub.post("/api/sources/agent/items", "bearer:it-operator-token", AGENT_DB01);
		JsonNode byMac = this.hub.get("/api/items?identifier=mac_address:001a.2b3c.4d5f", "viewer").json();
		assertThat(byMac.get("items")).hasSize(1);
		String id = byMac.at("/items/0/id").asText();
		JsonNode bySerial = this.hub.get("/api/items?identifier=serial_number:%20cz3420abcd", "viewer").json();
		assertThat(bySerial.at("/items/0/id").asText()).isEqualTo(id);
		JsonNode bySource = this.hub.get("/api/items?source=agent&sourceKey=db-prod-01-4C4C4544", "viewer").json();
		assertThat(bySource.at("/items/0/id").asText()).isEqualTo(id);
		assertThat(this.hub.get("/api/items?identifier=serial_number:NOPE123", "viewer").json().get("items")).isEmpty();
		HubClient.Answer bad = this.hub.get("/api/items?identifier=imei:1", "viewer");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.contentType()).startsWith("application/problem+json");
		assertThat(bad.json().get("field").asText()).isEqualTo("identifier");
	}

	@Test
	void anItemShowsFactsFromTheirOwnersRelationshipsSourcesAndHistory() {
		this.hub.post("/api/sources/agent/items", "operator", AGENT_DB01);
		String id = this.hub.get("/api/items?identifier=serial_number:CZ3420ABCD", "viewer")
			.json()
			.at("/items/0/id")
			.asText();
		JsonNode pending = this.hub.get("/api/items/" + id, "viewer").json();
		assertThat(pending.at("/relationships/0/status").asText()).isEqualTo("pending");

		this.hub.post("/api/sources/itam/items", "operator", """
				{"sourceKey": "P1000091", "ciClass": "server",
				 "identifiers": {"asset_tag": "P1000091", "serial_number": "CZ3420ABCD"},
				 "facts": {"owner": "jane.doe@example.com", "cost_center": "CC-4100",
				   "purchase_cost": {"amount": "12450.00", "currency": "EUR"}, "lifecycle_status": "in_use"}}""");
		this.hub.post("/api/sources/agent/items", "operator",
				"{\"sourceKey\": \"san-01\", \"ciClass\": \"storage\", \"identifiers\": {\"hostname\": \"SAN-01\"}}");

		JsonNode item = this.hub.get("/api/items/" + id, "viewer").json();
		assertThat(item.at("/facts/owner").asText()).isEqualTo("jane.doe@example.com");
		assertThat(item.at("/facts/purchase_cost/amount").asText()).isEqualTo("12450.00");
		assertThat(item.at("/provenance/facts.owner/source").asText()).isEqualTo("itam");
		assertThat(item.at("/attributes/os").asText()).isEqualTo("Ubuntu");
		assertThat(item.at("/identifiers/asset_tag/0").asText()).isEqualTo("P1000091");
		assertThat(item.get("sources")).hasSize(2);
		assertThat(item.at("/relationships/0/status").asText()).isEqualTo("resolved");
		String sanId = this.hub.get("/api/items?identifier=hostname:san-01", "viewer")
			.json()
			.at("/items/0/id")
			.asText();
		assertThat(item.at("/relationships/0/targetItemId").asText()).isEqualTo(sanId);

		JsonNode history = this.hub.get("/api/items/" + id + "/history", "viewer").json();
		assertThat(history).anySatisfy((entry) -> {
			assertThat(entry.get("field").asText()).isEqualTo("facts.owner");
			assertThat(entry.get("newValue").asText()).isEqualTo("jane.doe@example.com");
			assertThat(entry.get("source").asText()).isEqualTo("itam");
		});
		int entries = history.size();
		// the same data again changes nothing and adds no history
		JsonNode again = this.hub.post("/api/sources/agent/items", "operator", AGENT_DB01).json();
		assertThat(again.get("unchanged").asInt()).isEqualTo(1);
		assertThat(this.hub.get("/api/items/" + id + "/history", "viewer").json()).hasSize(entries);
		assertThat(this.hub.get("/api/items/does-not-exist", "viewer").status()).isEqualTo(404);
	}

	@Test
	void collisionsAreListedAsConflicts() {
		this.hub.post("/api/sources/agent/items", "operator", """
				[{"sourceKey": "a", "ciClass": "server", "identifiers": {"serial_number": "CZ3420ABCD"}},
				 {"sourceKey": "b", "ciClass": "server", "identifiers": {"mac_address": "00:1a:2b:3c:4d:5e"}}]""");
		this.hub.post("/api/sources/itam/items", "operator", """
				{"sourceKey": "P1", "ciClass": "server",
				 "identifiers": {"serial_number": "CZ3420ABCD", "mac_address": "00-1A-2B-3C-4D-5E"}}""");
		JsonNode conflicts = this.hub.get("/api/conflicts?status=open", "viewer").json();
		assertThat(conflicts).hasSize(1);
		assertThat(conflicts.at("/0/keyType").asText()).isEqualTo("mac_address");
		assertThat(conflicts.at("/0/itemIds")).hasSize(2);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM items", Integer.class)).isEqualTo(2);
	}

	@Test
	void rolesAndCredentialsAreEnforced() {
		assertThat(this.hub.get("/api/items", null).status()).isEqualTo(401);
		assertThat(this.hub.get("/api/items", "nobody").status()).isEqualTo(401);
		assertThat(this.hub.get("/api/items", "bearer:wrong-token").status()).isEqualTo(401);
		assertThat(this.hub.post("/api/sources/agent/items", "viewer", AGENT_DB01).status()).isEqualTo(403);
		assertThat(this.hub.post("/api/sources/agent/items", "bearer:it-operator-token", AGENT_DB01).status())
			.isEqualTo(200);
		assertThat(this.hub.get("/api/items", "admin").status()).isEqualTo(200);
		HubClient.Answer health = this.hub.get("/actuator/health", null);
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asText()).isEqualTo("UP");
	}

	@Test
	void aBadSourceNameIsNamedInTheProblem() {
		HubClient.Answer answer = this.hub.post("/api/sources/Bad%20Name/items", "operator", AGENT_DB01);
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().get("field").asText()).isEqualTo("source");
	}

}
