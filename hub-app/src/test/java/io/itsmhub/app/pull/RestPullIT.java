package io.itsmhub.app.pull;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.itsmhub.app.HubClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * REST pull sources: NetBox (devices and virtual machines, offset paging, a token from
 * the environment) built from the NetBox demo data, and a generic API read through a
 * mapping with Link-header paging and basic auth.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:hsqldb:mem:rest-pull-it", "NETBOX_TOKEN=0123456789abcdef",
				"ASSETS_PASSWORD=s3cret", "hub.pull.netbox.paging=offset", "hub.pull.netbox.page-size=50",
				"hub.pull.netbox.items-path=/results", "hub.pull.netbox.format=netbox",
				"hub.pull.netbox.auth.token-env=NETBOX_TOKEN", "hub.pull.netbox.auth.token-scheme=Token",
				"hub.pull.assets.paging=link-header", "hub.pull.assets.page-size=2", "hub.pull.assets.items-path=",
				"hub.pull.assets.auth.username=hub", "hub.pull.assets.auth.password-env=ASSETS_PASSWORD",
				"hub.pull.assets.ci-class=server", "hub.pull.assets.mapping.sourceKey=/id",
				"hub.pull.assets.mapping.name=$.hostname",
				"hub.pull.assets.mapping[identifiers.serial_number]=/hw/serial",
				"hub.pull.assets.mapping[identifiers.mac_address]=/hw/macs",
				"hub.pull.assets.mapping[facts.owner]=/owner/email", "hub.pull.cursored.paging=cursor",
				"hub.pull.cursored.page-size=2", "hub.pull.cursored.cursor-path=/meta/next",
				"hub.pull.cursored.items-path=/data", "hub.pull.cursored.ci-class=laptop",
				"hub.pull.cursored.mapping.sourceKey=/id", "hub.pull.cursored.mapping[identifiers.serial_number]=/sn",
				"hub.pull.paged.paging=page", "hub.pull.paged.page-size=2", "hub.pull.paged.items-path=/items",
				"hub.pull.paged.ci-class=desktop", "hub.pull.paged.mapping.sourceKey=/id",
				"hub.pull.paged.mapping[identifiers.asset_tag]=/tag", "hub.pull.inventory.paging=page",
				"hub.pull.inventory.page-size=10", "hub.pull.inventory.items-path=/items",
				"hub.pull.inventory.mapping-file=classpath:pull/inventory.yaml" })
@ActiveProfiles("it")
class RestPullIT {

	static final NetBoxDemoApi NETBOX;

	static final WireMockServer ASSETS = new WireMockServer(options().dynamicPort());

	static {
		try {
			NETBOX = new NetBoxDemoApi("0123456789abcdef");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		ASSETS.start();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	HubClient hub;

	@DynamicPropertySource
	static void urls(DynamicPropertyRegistry registry) {
		registry.add("hub.pull.netbox.urls[0]", () -> NETBOX.url("/api/dcim/devices/"));
		registry.add("hub.pull.netbox.urls[1]", () -> NETBOX.url("/api/virtualization/virtual-machines/"));
		registry.add("hub.pull.assets.url", () -> ASSETS.baseUrl() + "/v1/assets");
		registry.add("hub.pull.cursored.url", () -> ASSETS.baseUrl() + "/v1/laptops");
		registry.add("hub.pull.paged.url", () -> ASSETS.baseUrl() + "/v1/desktops");
		registry.add("hub.pull.inventory.url", () -> ASSETS.baseUrl() + "/v2/inventory");
	}

	@AfterAll
	static void stop() {
		NETBOX.close();
		ASSETS.stop();
	}

	@BeforeEach
	void setUp() {
		this.hub = new HubClient(this.port);
		for (String table : new String[] { "items", "identifiers", "item_identifiers", "item_sources", "item_changes",
				"relationships", "conflicts", "ingest_rejections", "ingest_runs" }) {
			this.jdbc.update("DELETE FROM " + table);
		}
	}

	@Test
	void netBoxDevicesAndVirtualMachinesArePulledPageByPage() {
		NETBOX.requests.clear();
		HubClient.Answer answer = this.hub.post("/api/sources/netbox/pull", "operator", "");
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		JsonNode run = answer.json();
		assertThat(run.get("origin").asText()).isEqualTo("pull");
		int devices = NETBOX.count("/api/dcim/devices/");
		int vms = NETBOX.count("/api/virtualization/virtual-machines/");
		assertThat(run.get("received").asInt()).isEqualTo(devices + vms);
		// 22 unnamed devices, and 6 patch panels named like "PP:B128", have nothing to be
		// identified by; every rejection says so
		assertThat(run.get("rejected").asInt()).isEqualTo(28);
		assertThat(run.get("created").asInt() + run.get("updated").asInt() + run.get("unchanged").asInt())
			.isEqualTo(devices + vms - 28);
		// pages of 50 until a short one
		assertThat(NETBOX.requests).hasSize((devices / 50 + 1) + (vms / 50 + 1))
			.first()
			.isEqualTo("/api/dcim/devices/?limit=50&offset=0");

		// the site is the device's location
		JsonNode router = this.hub.get("/api/items?source=netbox&sourceKey=dcim.device/1", "viewer").json();
		JsonNode item = this.hub.get("/api/items/" + router.at("/items/0/id").asText(), "viewer").json();
		assertThat(item.at("/facts/location").asText()).startsWith("DM-Akron");
	}

	@Test
	void aGenericApiIsReadThroughItsMappingFollowingTheLinkHeader() {
		String page1 = """
				[{"id": 1, "hostname": "app-01", "hw": {"serial": "GEN-0001", "macs": ["00:1a:2b:3c:4d:01"]}, "owner": {"email": "ops@example.com"}},
				 {"id": 2, "hostname": "app-02", "hw": {"serial": "GEN-0002", "macs": []}}]""";
		String page2 = """
				[{"id": 3, "hostname": "app-03", "hw": {}}]""";
		ASSETS.stubFor(get(urlPathEqualTo("/v1/assets")).withQueryParam("per_page", equalTo("2"))
			.withBasicAuth("hub", "s3cret")
			.atPriority(5)
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withHeader("Link",
						"<" + ASSETS.baseUrl() + "/v1/assets?per_page=2&page=2>; rel=\"next\", <" + ASSETS.baseUrl()
								+ "/v1/assets?per_page=2&page=2>; rel=\"last\"")
				.withBody(page1)));
		ASSETS.stubFor(get(urlPathEqualTo("/v1/assets")).withQueryParam("page", equalTo("2"))
			.withBasicAuth("hub", "s3cret")
			.atPriority(1)
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(page2)));
		HubClient.Answer answer = this.hub.post("/api/sources/assets/pull", "operator", "");
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		JsonNode run = answer.json();
		assertThat(run.get("received").asInt()).isEqualTo(3);
		assertThat(run.get("created").asInt()).isEqualTo(2);
		// the third has nothing to be identified by: rejected at its place across pages
		assertThat(run.at("/rejections/0/index").asInt()).isEqualTo(2);
		assertThat(run.at("/rejections/0/sourceKey").asText()).isEqualTo("3");
		JsonNode found = this.hub.get("/api/items?identifier=serial_number:GEN-0001", "viewer").json();
		JsonNode item = this.hub.get("/api/items/" + found.at("/items/0/id").asText(), "viewer").json();
		assertThat(item.at("/facts/owner").asText()).isEqualTo("ops@example.com");
		assertThat(item.at("/identifiers/mac_address/0").asText()).isEqualTo("00:1a:2b:3c:4d:01");
		ASSETS.verify(2, getRequestedFor(urlPathEqualTo("/v1/assets")));
	}

	@Test
	void anInboundMappingFileAppliesPathsValueMapsAndTransformsAndRejectsWhatItCannotMap() {
		String page = """
				{"items": [
				  {"id": "a-1", "kind": "vm", "host": " WEB-01 ", "state": "LIVE", "bought": "11/04/2023",
				   "hypervisor": "esx-07", "owner": {"email": "Ops@Example.com"}, "software": {"os": {"name": "Debian"}},
				   "hardware": {"serial": " vm-0001 ", "nics": [{"mac": "00:1a:2b:3c:4d:11", "ip": "10.1.0.11"},
				                                            {"mac": "00:1a:2b:3c:4d:12"}]}},
				  {"id": "a-2", "kind": "tower", "host": "db-01", "state": "spare", "hardware": {"serial": "srv-0002"}},
				  {"id": "a-3", "kind": "srv", "host": "old-01", "state": "scrapped", "hardware": {"serial": "srv-0003"}},
				  {"id": "a-4", "kind": "srv", "host": "new-01", "state": "live", "bought": "2024-01-31",
				   "hardware": {"serial": "srv-0004"}}
				]}""";
		ASSETS.stubFor(get(urlPathEqualTo("/v2/inventory")).withQueryParam("page", equalTo("1"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(page)));
		HubClient.Answer answer = this.hub.post("/api/sources/inventory/pull", "operator", "");
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		JsonNode run = answer.json();
		assertThat(run.get("received").asInt()).isEqualTo(4);
		assertThat(run.get("created").asInt()).isEqualTo(2);
		// a value no value map knows and a date in another pattern: rejected with the
		// record's index, its key and the field
		assertThat(run.at("/rejections/0/index").asInt()).isEqualTo(2);
		assertThat(run.at("/rejections/0/sourceKey").asText()).isEqualTo("a-3");
		assertThat(run.at("/rejections/0/field").asText()).isEqualTo("facts.lifecycle_status");
		assertThat(run.at("/rejections/0/reason").asText()).startsWith("'scrapped' is not in lookup 'states'");
		assertThat(run.at("/rejections/1/index").asInt()).isEqualTo(3);
		assertThat(run.at("/rejections/1/field").asText()).isEqualTo("facts.purchase_date");
		assertThat(run.at("/rejections/1/reason").asText())
			.startsWith("'2024-01-31' is not a date in the pattern dd/MM/yyyy");

		JsonNode web = item("/api/items?source=inventory&sourceKey=a-1");
		assertThat(web.at("/name").asText()).isEqualTo("web-01");
		assertThat(web.at("/ciClass").asText()).isEqualTo("virtual_machine");
		assertThat(web.at("/identifiers/serial_number/0").asText()).isEqualTo("VM-0001");
		assertThat(web.at("/identifiers/mac_address")).hasSize(2);
		assertThat(web.at("/attributes/os").asText()).isEqualTo("Debian");
		assertThat(web.at("/attributes/primary_ip").asText()).isEqualTo("10.1.0.11");
		assertThat(web.at("/facts/lifecycle_status").asText()).isEqualTo("in_use");
		assertThat(web.at("/facts/purchase_date").asText()).isEqualTo("2023-04-11");
		assertThat(web.at("/facts/owner").asText()).isEqualTo("ops@example.com");
		assertThat(web.at("/relationships/0/type").asText()).isEqualTo("runs_on");
		assertThat(web.at("/relationships/0/target").toString()).contains("\"esx-07\"");
		JsonNode db = item("/api/items?source=inventory&sourceKey=a-2");
		// a kind the value map does not list takes its default
		assertThat(db.at("/ciClass").asText()).isEqualTo("server");
		assertThat(db.at("/facts/lifecycle_status").asText()).isEqualTo("in_stock");
	}

	private JsonNode item(String query) {
		JsonNode found = this.hub.get(query, "viewer").json();
		assertThat(found.get("items")).as(query).hasSize(1);
		return this.hub.get("/api/items/" + found.at("/items/0/id").asText(), "viewer").json();
	}

	@Test
	void cursorAndPageNumberPagingReadToTheEnd() {
		ASSETS.stubFor(get(urlPathEqualTo("/v1/laptops")).atPriority(5)
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"data\": [{\"id\": \"l1\", \"sn\": \"LAP-1\"}, {\"id\": \"l2\", \"sn\": \"LAP-2\"}],"
						+ " \"meta\": {\"next\": \"c/2\"}}")));
		ASSETS.stubFor(get(urlPathEqualTo("/v1/laptops")).withQueryParam("cursor", equalTo("c/2"))
			.atPriority(1)
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"data\": [{\"id\": \"l3\", \"sn\": \"LAP-3\"}], \"meta\": {\"next\": null}}")));
		HubClient.Answer laptops = this.hub.post("/api/sources/cursored/pull", "operator", "");
		assertThat(laptops.status()).as(laptops.body()).isEqualTo(200);
		assertThat(laptops.json().get("created").asInt()).isEqualTo(3);

		ASSETS.stubFor(get(urlPathEqualTo("/v1/desktops")).withQueryParam("page", equalTo("1"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"items\": [{\"id\": 1, \"tag\": \"D-1\"}, {\"id\": 2, \"tag\": \"D-2\"}]}")));
		ASSETS.stubFor(get(urlPathEqualTo("/v1/desktops")).withQueryParam("page", equalTo("2"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"items\": [{\"id\": 3, \"tag\": \"D-3\"}, {\"id\": 4, \"tag\": \"D-4\"}]}")));
		ASSETS.stubFor(get(urlPathEqualTo("/v1/desktops")).withQueryParam("page", equalTo("3"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"items\": []}")));
		HubClient.Answer desktops = this.hub.post("/api/sources/paged/pull", "operator", "");
		assertThat(desktops.status()).as(desktops.body()).isEqualTo(200);
		assertThat(desktops.json().get("created").asInt()).isEqualTo(4);
		ASSETS.verify(3, getRequestedFor(urlPathEqualTo("/v1/desktops")));
	}

	@Test
	void anApiErrorFailsThePullAndNamesIt() {
		ASSETS.resetAll();
		ASSETS.stubFor(get(urlPathEqualTo("/v1/assets")).willReturn(aResponse().withStatus(503)));
		HubClient.Answer answer = this.hub.post("/api/sources/assets/pull", "operator", "");
		assertThat(answer.status()).isEqualTo(502);
		assertThat(answer.json().get("status").asText()).isEqualTo("failed");
		assertThat(answer.json().get("message").asText()).contains("answered 503").doesNotContain("s3cret");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM items", Integer.class)).isZero();
		assertThat(List.of(this.hub.post("/api/sources/nothing/pull", "operator", "").status())).containsExactly(404);
	}

}
