package io.itsmhub.simulators.http;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import io.itsmhub.simulators.SimHttp;
import io.itsmhub.simulators.core.Fault;
import io.itsmhub.simulators.jsmassets.JsmAssetsSimulator;
import io.itsmhub.simulators.servicenow.ServiceNowSimulator;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.itsmhub.simulators.SimHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mounts both simulators in an embedded Tomcat the way the hub's demo profile does, at
 * {@code /sim/<platform>/*}.
 */
class SimulatorServletTest {

	private static final ServiceNowSimulator SERVICENOW = new ServiceNowSimulator();

	private static final JsmAssetsSimulator ASSETS = new JsmAssetsSimulator();

	private static Tomcat tomcat;

	private static String base;

	@BeforeAll
	static void start() throws LifecycleException, IOException {
		Path dir = Files.createTempDirectory("sim-tomcat");
		tomcat = new Tomcat();
		tomcat.setBaseDir(dir.toString());
		Connector connector = new Connector();
		connector.setPort(0);
		connector.setProperty("address", "127.0.0.1");
		tomcat.setConnector(connector);
		Context context = tomcat.addContext("", dir.toString());
		Tomcat.addServlet(context, "servicenow", new SimulatorServlet(SERVICENOW));
		context.addServletMappingDecoded("/sim/" + SERVICENOW.platformId() + "/*", "servicenow");
		Tomcat.addServlet(context, "jsm-assets", new SimulatorServlet(ASSETS));
		context.addServletMappingDecoded("/sim/" + ASSETS.platformId() + "/*", "jsm-assets");
		tomcat.start();
		base = "http://127.0.0.1:" + connector.getLocalPort();
	}

	@AfterAll
	static void stop() throws LifecycleException {
		tomcat.stop();
		tomcat.destroy();
	}

	@Test
	void servesServiceNowBelowItsMountWithLinksThroughTheMount() {
		SimHttp http = new SimHttp(base + "/sim/servicenow").basic("admin", "admin");
		HttpResponse<String> page = http.get("/api/now/table/cmdb_rel_type?sysparm_limit=2");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Link").orElseThrow())
			.contains("<" + base + "/sim/servicenow/api/now/table/cmdb_rel_type?");
		HttpResponse<String> created = http.post("/api/now/table/alm_hardware", "{\"asset_tag\":\"S1\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(json(http.get("/_sim/records?table=alm_hardware")).path("alm_hardware")).hasSize(1);
		assertThat(http.anonymous().get("/api/now/table/cmdb_ci").statusCode()).isEqualTo(401);
	}

	@Test
	void servesJsmAssetsBelowItsMount() {
		SimHttp http = new SimHttp(base + "/sim/jsm-assets").basic("hub@example.com", "api-token");
		assertThat(json(http.get("/rest/servicedeskapi/assets/workspace")).path("values")
			.get(0)
			.path("workspaceId")
			.asText()).isEqualTo(ASSETS.workspaceId());
		assertThat(http.get(ASSETS.apiPrefix() + "/objectschema/list").statusCode()).isEqualTo(200);
	}

	@Test
	void dropsTheConnectionForAResetFault() {
		SimHttp http = new SimHttp(base + "/sim/servicenow").basic("admin", "admin");
		SERVICENOW.injectFault(Fault.resetConnection().matching("/api/now/table/alm_hardware", "POST"));
		assertThatThrownBy(() -> http.sendOrThrow("POST", "/api/now/table/alm_hardware", "{\"asset_tag\":\"R1\"}",
				"application/json"))
			.isInstanceOf(IOException.class);
		assertThat(http.get("/api/now/table/alm_hardware?sysparm_query=asset_tag=R1").statusCode()).isEqualTo(200);
	}

}
