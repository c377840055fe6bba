package io.itsmhub.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the README's first command shows: the demo profile starts, loads config/demo/ and
 * answers health with UP; admin/demo signs in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.additional-location=file:../config/", "hub.demo.data-dir=../config/demo",
				"spring.datasource.url=jdbc:hsqldb:mem:demo-it", "hub.ingest.drop.enabled=false" })
@ActiveProfiles("demo")
class DemoProfileIT {

	@LocalServerPort
	int port;

	@Test
	void theDemoDataIsLoadedAndReconciled() {
		HubClient hub = new HubClient(this.port);
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
	}

}
