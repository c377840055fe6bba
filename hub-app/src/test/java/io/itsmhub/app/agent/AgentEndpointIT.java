package io.itsmhub.app.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.itsmhub.app.HubClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /agent/} as the agents see it, with the exchanges captured from a real
 * FusionInventory agent and the GLPI inventory format's examples.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:hsqldb:mem:agent-endpoint-it")
@ActiveProfiles("it")
class AgentEndpointIT {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String AGENT = "agent:demo";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void emptyTheStore() {
		for (String table : new String[] { "items", "identifiers", "item_identifiers", "item_sources", "item_changes",
				"relationships", "conflicts", "ingest_rejections", "ingest_runs" }) {
			this.jdbc.update("DELETE FROM " + table);
		}
	}

	@Test
	void anAgentWithoutCredentialIsAskedForOneAndAWrongOneIsRefused() throws Exception {
		byte[] prolog = sample("fusioninventory/fusioninventory-protocol-01-prolog-request.zlib.bin");
		HttpResponse<byte[]> none = post("/agent/", null, "application/x-compress-zlib", prolog);
		assertThat(none.statusCode()).isEqualTo(401);
		assertThat(none.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("Basic realm="));
		assertThat(post("/agent/", "agent:wrong", "application/x-compress-zlib", prolog).statusCode()).isEqualTo(401);
		// a hub user is not an agent
		assertThat(post("/agent/", "admin:demo", "application/x-compress-zlib", prolog).statusCode()).isEqualTo(401);
	}

	@Test
	void aZlibPrologIsAnsweredSendInZlib() throws Exception {
		HttpResponse<byte[]> reply = post("/agent/", AGENT, "application/x-compress-zlib",
				sample("fusioninventory/fusioninventory-protocol-01-prolog-request.zlib.bin"));
		assertThat(reply.statusCode()).isEqualTo(200);
		assertThat(reply.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).contains("zlib"));
		assertThat(inflate(reply.body())).contains("<RESPONSE>SEND</RESPONSE>");
	}

	@Test
	void aZlibInventoryBecomesAnItemAndARun() throws Exception {
		// without the trailing slash too: agents are configured both ways
		HttpResponse<byte[]> reply = post("/agent", AGENT, "application/x-compress-zlib",
				sample("fusioninventory/fusioninventory-protocol-02-inventory-request.zlib.bin"));
		assertThat(reply.statusCode()).isEqualTo(200);
		assertThat(inflate(reply.body())).contains("<REPLY>");
		HubClient hub = new HubClient(this.port);
		JsonNode items = hub.get("/api/items?source=agent&sourceKey=vm-2026-11-29-06-07-15", "viewer").json();
		assertThat(items.get("items")).hasSize(1);
		JsonNode runs = hub.get("/api/sources/agent/runs", "viewer").json();
		assertThat(runs.get(0).get("origin").asText()).isEqualTo("agent");
		assertThat(runs.get(0).get("created").asInt()).isEqualTo(1);
	}

	@Test
	void theGlpiJsonProtocolContactThenInventory() throws Exception {
		HttpResponse<byte[]> contact = post("/agent/", AGENT, "application/json",
				"{\"action\":\"contact\",\"deviceid\":\"glpixps-2018-07-09-09-07-13\",\"name\":\"GLPI-Agent_v1.4\",\"installed-tasks\":[\"inventory\"]}"
					.getBytes(StandardCharsets.UTF_8));
		assertThat(contact.statusCode()).isEqualTo(200);
		JsonNode answer = JSON.readTree(contact.body());
		assertThat(answer.get("status").asText()).isEqualTo("ok");
		assertThat(answer.at("/tasks/inventory").isObject()).isTrue();

		HttpResponse<byte[]> inventory = post("/agent/", AGENT, "application/json",
				sample("glpi/inventory_format/examples_computer_1.json"));
		assertThat(inventory.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(inventory.body()).get("status").asText()).isEqualTo("ok");
		JsonNode items = new HubClient(this.port)
			.get("/api/items?source=agent&sourceKey=glpixps-2018-07-09-09-07-13", "viewer")
			.json();
		assertThat(items.at("/items/0/name").asText()).isEqualTo("glpixps");
	}

	@Test
	void everyGlpiExampleIsAccepted() throws Exception {
		for (String example : new String[] { "examples_computer_1.json", "examples_computer_1_partial_softs.json",
				"examples_computer_2.json", "examples_computer_2_partial_dbs.json",
				"examples_computer_2_partial_vms.json", "examples_networkequipment_3.json",
				"examples_networkequipment_5.json", "examples_phone_1.json", "examples_printer_1.json" }) {
			HttpResponse<byte[]> reply = post("/agent/", AGENT, "application/json",
					sample("glpi/inventory_format/" + example));
			assertThat(reply.statusCode()).as(example).isEqualTo(200);
		}
		// every record of every example is stored: Docker containers by their container
		// ids, the VirtualBox guest that has no id by its name on its host
		assertThat(this.jdbc.queryForList("SELECT r.reason FROM ingest_rejections r", String.class)).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM ingest_runs", Integer.class)).isEqualTo(9);
		assertThat(this.jdbc.queryForList("SELECT status FROM ingest_runs", String.class)).containsOnly("completed");
		HubClient hub = new HubClient(this.port);
		JsonNode db = hub.get("/api/items?identifier=container_id:7e64b4b09941", "viewer").json();
		assertThat(db.get("items")).hasSize(1);
		JsonNode item = hub.get("/api/items/" + db.at("/items/0/id").asText(), "viewer").json();
		assertThat(item.at("/name").asText()).isEqualTo("db");
		JsonNode host = hub.get("/api/items?source=agent&sourceKey=acomputer-2021-01-26-14-32-36", "viewer").json();
		assertThat(item.toString()).contains("hosted_on").contains(host.at("/items/0/id").asText());
		assertThat(hub.get("/api/items?source=agent&sourceKey=acomputer-2021-01-26-14-32-36/vm/'T", "viewer")
			.json()
			.get("items")).hasSize(1);
	}

	@Test
	void aPartialInventoryWithoutIdentifiersUpdatesTheMachineItsAgentReported() throws Exception {
		String partial = """
				{"deviceid": "glpixps-2018-07-09-09-07-13", "action": "inventory", "partial": true,
				 "content": {"versionclient": "GLPI-Agent_v1.4",
				   "softwares": [{"name": "bash", "version": "5.0"}, {"name": "curl", "version": "7.69"}]}}
				""";
		// before the machine's full inventory, nothing identifies it: a rejection with
		// why
		assertThat(post("/agent/", AGENT, "application/json", partial.getBytes(StandardCharsets.UTF_8)).statusCode())
			.isEqualTo(200);
		assertThat(this.jdbc.queryForList("SELECT field || ': ' || reason FROM ingest_rejections", String.class))
			.singleElement()
			.satisfies((reason) -> assertThat(reason).startsWith("sourceKey: only updates an item already known")
				.contains("'agent:glpixps-2018-07-09-09-07-13'"));
		post("/agent/", AGENT, "application/json", sample("glpi/inventory_format/examples_computer_1.json"));
		post("/agent/", AGENT, "application/json", partial.getBytes(StandardCharsets.UTF_8));
		HubClient hub = new HubClient(this.port);
		JsonNode found = hub.get("/api/items?source=agent&sourceKey=glpixps-2018-07-09-09-07-13", "viewer").json();
		assertThat(found.get("items")).hasSize(1);
		JsonNode item = hub.get("/api/items/" + found.at("/items/0/id").asText(), "viewer").json();
		assertThat(item.at("/ciClass").asText()).isEqualTo("laptop");
		assertThat(item.at("/attributes/software_count").asInt()).isEqualTo(2);
		assertThat(item.at("/attributes/model").asText()).isEqualTo("XPS 13 9350");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM items", Integer.class)).isEqualTo(1);
		assertThat(this.jdbc.queryForList("SELECT status FROM ingest_runs ORDER BY id", String.class))
			.containsExactly("rejected", "completed", "completed");
	}

	@Test
	void anUnreadableMessageIsA400InTheAgentsProtocolAndARejection() throws Exception {
		HttpResponse<byte[]> reply = post("/agent/", AGENT, "application/json",
				"{\"action\":\"inventory\",\"deviceid\":\"x\",\"content\":".getBytes(StandardCharsets.UTF_8));
		assertThat(reply.statusCode()).isEqualTo(400);
		assertThat(new String(reply.body(), StandardCharsets.UTF_8)).contains("error");
	}

	private HttpResponse<byte[]> post(String path, String credential, String contentType, byte[] body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (credential != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credential.getBytes(StandardCharsets.UTF_8)));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	static byte[] sample(String path) throws IOException {
		try (var in = AgentEndpointIT.class.getResourceAsStream("/samples/" + path)) {
			if (in == null) {
				throw new IllegalStateException("no sample " + path);
			}
			return in.readAllBytes();
		}
	}

	private static String inflate(byte[] zlib) throws DataFormatException {
		Inflater inflater = new Inflater();
		inflater.setInput(zlib);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[4096];
		while (!inflater.finished()) {
			int n = inflater.inflate(buffer);
			if (n == 0 && inflater.needsInput()) {
				break;
			}
			out.write(buffer, 0, n);
		}
		return out.toString(StandardCharsets.UTF_8);
	}

}
