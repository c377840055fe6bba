package io.itsmhub.app.simulation;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.Identifiers;
import io.itsmhub.api.model.LifecycleFacts;
import io.itsmhub.api.model.LifecycleStatus;
import io.itsmhub.api.target.PushOutcome;
import io.itsmhub.api.target.TargetConnector;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.mappings.shipped.ShippedMappings;
import io.itsmhub.simulators.jsmassets.JsmAssetsSimulator;
import io.itsmhub.simulators.servicenow.ServiceNowSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo profile serves the ServiceNow and JSM Assets simulators under
 * {@code /sim/<platform>/}, and the demo targets reach them through the hub's own port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "spring.config.additional-location=file:../config/", "hub.demo.data-dir=../config/demo",
				"spring.datasource.url=jdbc:hsqldb:mem:simulated-platforms-it", "hub.ingest.drop.enabled=false" })
@ActiveProfiles("demo")
class SimulatedPlatformsIT {

	static final int PORT = freePort();

	@DynamicPropertySource
	static void port(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
	}

	@Autowired
	List<TargetConnector> connectors;

	@Autowired
	SimulatedPlatforms simulators;

	ServiceNowSimulator serviceNow;

	JsmAssetsSimulator assets;

	@org.junit.jupiter.api.BeforeEach
	void simulators() {
		this.serviceNow = this.simulators.get("servicenow", ServiceNowSimulator.class);
		this.assets = this.simulators.get("jsm-assets", JsmAssetsSimulator.class);
	}

	@Test
	void theSimulatorsAnswerUnderSim() throws Exception {
		HttpResponse<String> table = get("/sim/servicenow/api/now/table/cmdb_rel_type?sysparm_limit=1", "admin",
				"admin");
		assertThat(table.statusCode()).isEqualTo(200);
		assertThat(table.body()).contains("\"result\"");
		assertThat(table.headers().firstValue("Link").orElseThrow())
			.contains("http://localhost:" + PORT + "/sim/servicenow/api/now/table/cmdb_rel_type");
		HttpResponse<String> workspace = get("/sim/jsm-assets/rest/servicedeskapi/assets/workspace", "hub@example.com",
				"api-token");
		assertThat(workspace.statusCode()).isEqualTo(200);
		assertThat(workspace.body()).contains(JsmAssetsSimulator.DEFAULT_WORKSPACE_ID);
		assertThat(get("/sim/servicenow/api/now/table/cmdb_ci", "admin", "wrong").statusCode()).isEqualTo(401);
	}

	@Test
	void theDemoTargetsAreEnabledAndPushIntoTheSimulators() {
		// one enabled target per simulator on the class path, and no other
		assertThat(this.connectors).extracting(TargetConnector::platform)
			.containsExactlyInAnyOrderElementsOf(this.simulators.all().keySet())
			.contains("servicenow", "jsm-assets", "ivanti", "haloitsm", "xurrent", "hornbill", "freshservice");
		// the demo integration has pushed the demo data on start: look only at this
		// test's requests
		this.serviceNow.clearRecordedRequests();
		this.assets.clearRecordedRequests();
		ShippedMappings mappings = new ShippedMappings();
		for (TargetConnector connector : this.connectors) {
			assertThat(connector.verify()).as(connector.platform()).isEmpty();
			TargetPayload payload = mappings.load(connector.platform()).orElseThrow().map(demoServer(), "demo-item-1");
			PushOutcome outcome = connector.upsert(List.of(new TargetConnector.UpsertRequest(payload, null))).get(0);
			assertThat(outcome.status()).as("%s: %s", connector.platform(), outcome.failure())
				.isEqualTo(PushOutcome.Status.CREATED);
		}
		assertThat(this.serviceNow.records().path("cmdb_ci_linux_server").toString()).contains("DEMO0001");
		assertThat(this.serviceNow.records().path("alm_hardware").toString()).contains("DEMO0001");
		assertThat(this.assets.records().path("Server").toString()).contains("DEMO0001");
		assertThat(this.serviceNow.recordedRequests())
			.allSatisfy((request) -> assertThat(request.status()).isLessThan(400));
	}

	private static DiscoveredItem demoServer() {
		// an owner, cost center and location every simulated tenant holds, as the demo
		// data's
		LifecycleFacts facts = new LifecycleFacts("jane.doe@example.com", "CC-4100", null, null, null, null, null,
				LifecycleStatus.IN_USE, "FRA-DC1/Row 4/Rack 12", null);
		return new DiscoveredItem("itam", "P9000001", CiClass.SERVER, "demo-srv-01",
				Identifiers.of(Map.of(IdentifierType.SERIAL_NUMBER, List.of("DEMO0001"), IdentifierType.ASSET_TAG,
						List.of("P9000001"))),
				Map.of("os", "Ubuntu", "manufacturer", "Dell Inc."), facts, List.of(), Instant.now());
	}

	private static HttpResponse<String> get(String path, String user, String password) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "application/json")
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
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
