package io.itsmhub.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the README's first command shows: the demo profile starts, loads config/demo/,
 * answers health with UP, admin/demo signs in, and the demo integration pushes the demo
 * data into the simulated ServiceNow and JSM Assets served by the hub itself; a changed
 * owner in the asset register reaches both within seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "spring.config.additional-location=file:../config/", "hub.demo.data-dir=../config/demo",
				"spring.datasource.url=jdbc:hsqldb:mem:demo-it", "hub.ingest.drop.enabled=false" })
@ActiveProfiles("demo")
class DemoProfileIT {

	@org.springframework.beans.factory.annotation.Autowired
	io.itsmhub.app.simulation.SimulatedPlatforms simulators;

	static final int PORT = freePort();

	@DynamicPropertySource
	static void port(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
	}

	@Test
	void theDemoDataIsReconciledAndPushedIntoEverySimulator() {
		HubClient hub = new HubClient(PORT);
		assertThat(hub.get("/actuator/health", null).json().get("status").asText()).isEqualTo("UP");
		JsonNode all = hub.get("/api/items?size=100", "admin").json();
		assertThat(all.get("total").asInt()).isEqualTo(10);
		JsonNode db = hub.get("/api/items?identifier=asset_tag:P1000091", "admin").json().at("/items/0");
		JsonNode item = hub.get("/api/items/" + db.get("id").asText(), "admin").json();
		assertThat(item.get("name").asText()).isEqualTo("db-prod-01");
		assertThat(item.at("/facts/owner").asText()).isEqualTo("jane.doe@example.com");
		assertThat(item.at("/attributes/model").asText()).isEqualTo("PowerEdge R740");
		assertThat(item.at("/relationships/0/status").asText()).isEqualTo("resolved");
		// two desktops whose BIOS says "To be filled by O.E.M." stay two
		assertThat(hub.get("/api/items?identifier=hostname:ws-legacy-07", "admin").json().get("items")).hasSize(1);
		assertThat(hub.get("/api/items?identifier=hostname:ws-legacy-08", "admin").json().get("items")).hasSize(1);
		assertThat(hub.get("/api/conflicts", "admin").json()).isEmpty();

		// the demo integration pushed on start: CIs with asset facts, and relationships
		JsonNode servicenow = hub.get("/sim/servicenow/_sim/records", null).json();
		assertThat(servicenow.toString()).contains("CZ3420ABCD").contains("db-prod-01");
		assertThat(records(servicenow, "alm_hardware"))
			.anySatisfy((asset) -> assertThat(asset.toString()).contains("CZ3420ABCD"));
		assertThat(records(servicenow, "cmdb_rel_ci")).isNotEmpty();
		JsonNode assets = hub.get("/sim/jsm-assets/_sim/records", null).json();
		assertThat(assets.toString()).contains("db-prod-01").contains("CZ3420ABCD");
		assertThat(item.get("targets")).extracting((target) -> target.get("target").asText())
			.contains("servicenow", "jsm-assets");

		// every simulator on the class path is a target of the demo integration, and
		// holds
		// the demo data and its relationships: the database server runs on its host
		assertThat(this.simulators.all()).containsKeys("servicenow", "jsm-assets");
		this.simulators.all().keySet().forEach((platform) -> {
			assertThat(item.get("targets")).as("targets of db-prod-01")
				.anySatisfy((target) -> assertThat(target.get("target").asText()).isEqualTo(platform));
			assertThat(hub.get("/sim/" + platform + "/_sim/records", null).body()).as(platform).contains("db-prod-01");
		});

		// a new owner in the register reaches alm_hardware and the Assets object
		String register = """
				asset_tag,serial_number,name,class,manufacturer,owner,cost_center,cost,currency,purchase_date,warranty_expires,contract,vendor,lifecycle_status,location
				P1000091,CZ3420ABCD,db-prod-01,server,,max.mustermann@example.com,CC-4100,12450.00,EUR,2023-04-11,2028-04-10,CTR-778,Dell,in_use,FRA-DC1/Row 4/Rack 12
				""";
		JsonNode ingested = hub
			.post("/api/sources/itam/items", "operator", "application/json",
					csvAsCanonical(register).getBytes(StandardCharsets.UTF_8))
			.json();
		assertThat(ingested.get("updated").asInt()).isEqualTo(1);
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			String assetsNow = hub.get("/sim/jsm-assets/_sim/records", null).body();
			String serviceNowAssets = records(hub.get("/sim/servicenow/_sim/records", null).json(), "alm_hardware")
				.toString();
			assertThat(assetsNow).contains("max.mustermann@example.com");
			assertThat(serviceNowAssets).contains(userId(hub, "max.mustermann@example.com"));
		});
	}

	/** The register row as a canonical item, as the ITAM CSV reader would give it. */
	private static String csvAsCanonical(String csv) {
		return """
				{"sourceKey": "P1000091", "ciClass": "server", "name": "db-prod-01",
				 "identifiers": {"asset_tag": "P1000091", "serial_number": "CZ3420ABCD"},
				 "facts": {"owner": "max.mustermann@example.com", "cost_center": "CC-4100",
				   "purchase_cost": {"amount": "12450.00", "currency": "EUR"}, "purchase_date": "2023-04-11",
				   "warranty_expires": "2028-04-10", "contract_id": "CTR-778", "vendor": "Dell",
				   "lifecycle_status": "in_use", "location": "FRA-DC1/Row 4/Rack 12"},
				 "observedAt": "2026-11-30T05:00:00Z"}""";
	}

	private static String userId(HubClient hub, String name) {
		for (JsonNode user : records(hub.get("/sim/servicenow/_sim/records", null).json(), "sys_user")) {
			if (name.equals(user.path("name").asText())) {
				return user.path("sys_id").asText();
			}
		}
		return name;
	}

	private static Iterable<JsonNode> records(JsonNode all, String table) {
		JsonNode node = all.has("tables") ? all.path("tables").path(table) : all.path(table);
		if (node.has("records")) {
			node = node.get("records");
		}
		return node;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
