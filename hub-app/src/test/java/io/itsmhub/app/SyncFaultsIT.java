package io.itsmhub.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import io.itsmhub.simulators.core.Fault;
import io.itsmhub.simulators.core.RecordedRequest;
import io.itsmhub.simulators.http.SimulatorServer;
import io.itsmhub.simulators.servicenow.ServiceNowSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub against a ServiceNow simulator that fails on purpose: 500s, 429 with
 * {@code Retry-After}, timeouts, connection resets, truncated answers, and writes whose
 * answer is lost after they committed. Whatever fails becomes a dead letter with the
 * platform's own text; once the faults clear and the dead letters are replayed, the
 * platform holds every item exactly once (one CI and one {@code alm_hardware} record per
 * serial number) and the dead-letter list is empty.
 *
 * <p>
 * The simulator runs in this JVM on its own port, as a real instance would; the
 * connector's HTTP timeout, the retries and the backoff are short so the test stays
 * quick.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:hsqldb:mem:sync-faults-it", "hub.ingest.max-body-size=4MB",
				"hub.ingest.batch-size=500", "hub.targets.servicenow.enabled=true",
				"hub.targets.servicenow.username=admin", "hub.targets.servicenow.password=admin",
				"hub.targets.servicenow.batch-size=10", "hub.targets.servicenow.timeout=2s",
				"hub.sync.integrations.faults.targets=servicenow", "hub.sync.guard.calls-per-second=1000",
				"hub.sync.guard.max-attempts=3", "hub.sync.guard.backoff=20ms", "hub.sync.guard.max-wait=3s",
				"hub.sync.guard.circuit-minimum-calls=1000" })
@ActiveProfiles("it")
class SyncFaultsIT {

	private static final ObjectMapper JSON = new ObjectMapper();

	static final ServiceNowSimulator SIMULATOR = ServiceNowSimulator.builder().journalCapacity(200_000).build();

	static final SimulatorServer SERVER = SimulatorServer.start(SIMULATOR);

	private static final String[] OWNERS = { "alice.nguyen@example.com", "bob.smith@example.com",
			"carol.jones@example.com" };

	private static final String IRE = "/api/now/identifyreconcile";

	private static final String BATCH = "/api/now/v1/batch";

	private static final String TABLE = "/api/now/table/";

	@DynamicPropertySource
	static void servicenow(DynamicPropertyRegistry registry) {
		registry.add("hub.targets.servicenow.base-url", SERVER::baseUrl);
	}

	@AfterAll
	static void stop() {
		SERVER.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	HubClient hub;

	@BeforeEach
	void setUp() {
		this.hub = new HubClient(this.port);
		for (String table : new String[] { "items", "identifiers", "item_identifiers", "item_sources", "item_changes",
				"relationships", "conflicts", "ingest_rejections", "ingest_runs", "target_xref", "dead_letters",
				"sync_outcomes", "sync_runs" }) {
			this.jdbc.update("DELETE FROM " + table);
		}
		SIMULATOR.reset();
	}

	@Test
	void serverErrorsAreRetriedThenDeadLetteredAndReplayed() {
		ingest(30);
		// the first batch's IRE call fails three times (every attempt), the second's once
		SIMULATOR.injectFault(Fault.errorStatus(500).times(4).matching(IRE, "POST"));
		JsonNode run = run();
		assertThat(run.get("status").asText()).isEqualTo("completed_with_failures");
		assertThat(run.at("/counts/servicenow/created").asInt()).isEqualTo(20);
		assertThat(run.at("/counts/servicenow/failed").asInt()).isEqualTo(10);
		JsonNode letters = openDeadLetters();
		assertThat(letters).hasSize(10);
		for (JsonNode letter : letters) {
			assertThat(letter.get("operation").asText()).isEqualTo("upsert");
			assertThat(letter.get("reason").asText()).contains("Injected fault")
				.contains("Simulated failure with status 500");
			assertThat(letter.get("attempts").asInt()).isEqualTo(3);
			assertThat(letter.at("/payload/records/0/fields/serial_number").asText()).startsWith("FLT");
		}
		replayEachThenExpectComplete(letters, 30);
	}

	@Test
	void rateLimitsWaitForRetryAfterAndLoseNothing() {
		ingest(20);
		SIMULATOR.injectFault(Fault.errorStatus(429).retryAfter(1).times(1).matching(IRE, "POST"));
		JsonNode run = run();
		assertThat(run.get("status").asText()).isEqualTo("completed");
		assertThat(run.at("/counts/servicenow/created").asInt()).isEqualTo(20);
		List<RecordedRequest> ire = requests(IRE);
		assertThat(ire.get(0).status()).isEqualTo(429);
		assertThat(ire.get(1).status()).isEqualTo(200);
		// the retry came no sooner than Retry-After said
		assertThat(Duration.between(ire.get(0).receivedAt(), ire.get(1).receivedAt()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(950));
		assertThat(openDeadLetters()).isEmpty();
		expectComplete(20);

		// a platform that keeps refusing: the attempts run out, the dead letter says why
		ingest(30);
		SIMULATOR.injectFault(Fault.errorStatus(429).retryAfter(1).times(3).matching(IRE, "POST"));
		JsonNode limited = run();
		// the ten new items are spread over the batches; those of the first call fail
		int failed = limited.at("/counts/servicenow/failed").asInt();
		assertThat(failed).isPositive();
		JsonNode letters = openDeadLetters();
		assertThat(letters).hasSize(failed)
			.allSatisfy((letter) -> assertThat(letter.get("reason").asText()).contains("Injected fault"));
		replayAllThenExpectComplete(30);
	}

	@Test
	void timeoutsNeverDuplicateWhatTheSlowCallWroteLater() throws InterruptedException {
		ingest(30);
		// each attempt of the first IRE call outlives the connector's 2 s timeout, and so
		// does the first asset write of the next batch; the platform applies them anyway
		SIMULATOR.injectFault(Fault.delay(2500).times(3).matching(IRE, "POST"));
		SIMULATOR.injectFault(new Fault(0, 0, 2500, false, false, false, 0, 1, 1.0, BATCH, "POST"));
		JsonNode run = run();
		assertThat(run.at("/counts/servicenow/failed").asInt()).isEqualTo(10);
		JsonNode letters = openDeadLetters();
		assertThat(letters).hasSize(10)
			.allSatisfy((letter) -> assertThat(letter.get("reason").asText()).containsIgnoringCase("timed out"));
		// the slow calls land after the hub gave up on them
		Thread.sleep(2000);
		replayEachThenExpectComplete(letters, 30);
	}

	@Test
	void connectionResetsAreRetriedThenReplayed() {
		ingest(30);
		// the asset write of the first batch is cut off every time: its CIs exist, its
		// assets do not
		SIMULATOR.injectFault(Fault.resetConnection().times(3).matching(BATCH, "POST"));
		SIMULATOR.injectFault(Fault.resetConnection().times(1).matching(IRE, "POST"));
		JsonNode run = run();
		assertThat(run.at("/counts/servicenow/failed").asInt()).isGreaterThan(0);
		JsonNode letters = openDeadLetters();
		assertThat(letters).isNotEmpty()
			.allSatisfy((letter) -> assertThat(letter.get("attempts").asInt()).isEqualTo(3));
		replayAllThenExpectComplete(30);
	}

	@Test
	void truncatedAnswersAreRetriedThenReplayed() {
		ingest(30);
		// IRE commits, then its answer arrives cut in half, three times over
		SIMULATOR.injectFault(Fault.truncateBody().times(3).matching(IRE, "POST"));
		// and one look-up answer is cut in half too
		SIMULATOR.injectFault(Fault.truncateBody().times(1).matching(TABLE, "GET"));
		JsonNode run = run();
		assertThat(run.at("/counts/servicenow/failed").asInt()).isEqualTo(10);
		JsonNode letters = openDeadLetters();
		assertThat(letters).hasSize(10)
			.allSatisfy((letter) -> assertThat(letter.get("reason").asText()).contains("not readable JSON"));
		replayEachThenExpectComplete(letters, 30);
	}

	@Test
	void aCreateWhoseAnswerIsLostIsLookedUpNotRepeated() {
		ingest(30);
		// the asset writes of one batch commit, then the connection drops; the retry
		// must find them instead of creating them again
		SIMULATOR.injectFault(Fault.loseResponseAfterCommit().times(1).matching(BATCH, "POST"));
		// the CIs of another commit, then the platform answers 500
		SIMULATOR.injectFault(new Fault(0, 0, 0, false, false, true, 500, 1, 1.0, IRE, "POST"));
		JsonNode run = run();
		assertThat(run.get("status").asText()).isEqualTo("completed");
		assertThat(run.at("/counts/servicenow/created").asInt() + run.at("/counts/servicenow/updated").asInt())
			.isEqualTo(30);
		assertThat(openDeadLetters()).isEmpty();
		expectComplete(30);

		// lost every time: dead letters, and the replay still creates nothing twice
		ingest(40);
		SIMULATOR.injectFault(Fault.loseResponseAfterCommit().times(3).matching(IRE, "POST"));
		JsonNode lost = run();
		assertThat(lost.at("/counts/servicenow/failed").asInt()).isPositive();
		replayAllThenExpectComplete(40);
	}

	@Test
	void aMixOfFaultsOverAFewHundredItemsEndsWithEveryItemExactlyOnce() {
		int items = 300;
		ingest(items, true);
		SIMULATOR.injectFault(Fault.errorStatus(500).share(0.15).matching(IRE, "POST"));
		SIMULATOR.injectFault(Fault.errorStatus(429).retryAfter(1).times(2).matching(BATCH, "POST"));
		SIMULATOR.injectFault(Fault.loseResponseAfterCommit().share(0.2).matching(BATCH, "POST"));
		SIMULATOR.injectFault(Fault.resetConnection().share(0.1).matching(IRE, "POST"));
		SIMULATOR.injectFault(Fault.truncateBody().share(0.1).matching(TABLE, "GET"));
		SIMULATOR.injectFault(new Fault(0, 0, 0, false, false, true, 503, 0, 0.1, IRE, "POST"));
		SIMULATOR.injectFault(Fault.delay(2500).times(2).matching(BATCH, "POST"));
		JsonNode run = run();
		int created = run.at("/counts/servicenow/created").asInt();
		int updated = run.at("/counts/servicenow/updated").asInt();
		int failed = run.at("/counts/servicenow/failed").asInt();
		assertThat(created + updated + failed).isEqualTo(items);
		assertThat(openDeadLetters()).hasSize(failed);

		SIMULATOR.clearFaults();
		replayAllThenExpectComplete(items);
		// every dependency once: flt-i depends on flt-(i-1)
		JsonNode records = simRecords();
		Map<String, String> nameBySysId = new HashMap<>();
		for (Iterator<Map.Entry<String, JsonNode>> tables = records.fields(); tables.hasNext();) {
			Map.Entry<String, JsonNode> table = tables.next();
			if (table.getKey().startsWith("cmdb_ci_")) {
				table.getValue()
					.forEach((record) -> nameBySysId.put(record.path("sys_id").asText(), record.path("name").asText()));
			}
		}
		Map<String, Integer> relations = new TreeMap<>();
		for (JsonNode relation : records.path("cmdb_rel_ci")) {
			relations.merge(nameBySysId.get(relation.path("parent").asText()) + " -> "
					+ nameBySysId.get(relation.path("child").asText()), 1, Integer::sum);
		}
		Map<String, Integer> once = new TreeMap<>();
		for (int i = 1; i < items; i++) {
			once.put("flt-" + i + " -> flt-" + (i - 1), 1);
		}
		assertThat(relations).as("relations, each once").isEqualTo(once);
		// and a run after that has nothing left to do
		JsonNode again = run();
		assertThat(again.at("/counts/servicenow/unchanged").asInt()).isEqualTo(items);
		assertThat(again.at("/counts/servicenow/apiCalls").asInt()).isZero();
	}

	private void replayEachThenExpectComplete(JsonNode letters, int items) {
		SIMULATOR.clearFaults();
		for (JsonNode letter : letters) {
			assertThat(this.hub.post("/api/dead-letters/" + letter.get("id").asLong() + "/replay", "operator", "")
				.status()).isEqualTo(200);
		}
		assertThat(openDeadLetters()).isEmpty();
		expectComplete(items);
	}

	private void replayAllThenExpectComplete(int items) {
		SIMULATOR.clearFaults();
		HubClient.Answer replay = this.hub.post("/api/dead-letters/replay?target=servicenow", "operator", "");
		assertThat(replay.status()).isEqualTo(200);
		assertThat(openDeadLetters()).isEmpty();
		expectComplete(items);
	}

	/**
	 * Every item {@code FLT0..items-1} is one CI and one {@code alm_hardware} record in
	 * the simulator, and the hub knows both.
	 */
	private void expectComplete(int items) {
		JsonNode records = simRecords();
		Map<String, Integer> cis = new TreeMap<>();
		Map<String, Integer> assets = new TreeMap<>();
		for (Iterator<Map.Entry<String, JsonNode>> tables = records.fields(); tables.hasNext();) {
			Map.Entry<String, JsonNode> table = tables.next();
			boolean ci = table.getKey().startsWith("cmdb_ci");
			boolean asset = table.getKey().equals("alm_hardware");
			for (JsonNode record : table.getValue()) {
				String serial = record.path("serial_number").asText("");
				if (serial.startsWith("FLT") && (ci || asset)) {
					(ci ? cis : assets).merge(serial, 1, Integer::sum);
				}
			}
		}
		Map<String, Integer> once = new TreeMap<>();
		for (int i = 0; i < items; i++) {
			once.put(serial(i), 1);
		}
		assertThat(cis).as("CIs per serial number").isEqualTo(once);
		assertThat(assets).as("alm_hardware records per serial number").isEqualTo(once);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM target_xref WHERE target = 'servicenow' "
				+ "AND status = 'ok' AND record_id IS NOT NULL AND related IS NOT NULL", Integer.class))
			.as("cross-references with a CI and an asset")
			.isEqualTo(items);
		// each CI's asset points at it
		Map<String, String> ciBySerial = new HashMap<>();
		for (Iterator<Map.Entry<String, JsonNode>> tables = records.fields(); tables.hasNext();) {
			Map.Entry<String, JsonNode> table = tables.next();
			if (table.getKey().startsWith("cmdb_ci")) {
				table.getValue()
					.forEach((record) -> ciBySerial.put(record.path("serial_number").asText(),
							record.path("sys_id").asText()));
			}
		}
		for (JsonNode asset : records.path("alm_hardware")) {
			String serial = asset.path("serial_number").asText("");
			if (serial.startsWith("FLT")) {
				assertThat(asset.path("ci").asText()).as("ci of asset " + serial).isEqualTo(ciBySerial.get(serial));
			}
		}
	}

	private void ingest(int items) {
		ingest(items, false);
	}

	/**
	 * Items {@code flt-0..items-1}; with {@code related}, each but the first depends on
	 * the one before it.
	 */
	private void ingest(int items, boolean related) {
		StringBuilder ndjson = new StringBuilder();
		for (int i = 0; i < items; i++) {
			ndjson.append("{\"sourceKey\": \"flt-")
				.append(i)
				.append("\", \"ciClass\": \"server\", \"name\": \"flt-")
				.append(i)
				.append("\", \"identifiers\": {\"serial_number\": \"")
				.append(serial(i))
				.append("\", \"hostname\": \"flt-")
				.append(i)
				.append("\"}, \"attributes\": {\"os\": \"Ubuntu\", \"os_version\": \"22.04\"}, ")
				.append("\"facts\": {\"owner\": \"")
				.append(OWNERS[i % OWNERS.length])
				.append("\"}");
			if (related && i > 0) {
				ndjson.append(", \"relationships\": [{\"type\": \"depends_on\", \"target\": {\"hostname\": \"flt-")
					.append(i - 1)
					.append("\"}}]");
			}
			ndjson.append("}\n");
		}
		HubClient.Answer answer = this.hub.post("/api/sources/cmdb-import/items", "operator", "application/x-ndjson",
				ndjson.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
	}

	private static String serial(int i) {
		return String.format("FLT%05d", i);
	}

	private JsonNode run() {
		HubClient.Answer answer = this.hub.post("/api/integrations/faults/runs?mode=full", "operator", "");
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return answer.json();
	}

	private JsonNode openDeadLetters() {
		return this.hub.get("/api/dead-letters?status=open&target=servicenow", "viewer").json();
	}

	private static List<RecordedRequest> requests(String prefix) {
		List<RecordedRequest> matching = new ArrayList<>();
		for (RecordedRequest request : SIMULATOR.recordedRequests()) {
			if (request.path().startsWith(prefix)) {
				matching.add(request);
			}
		}
		return matching;
	}

	/** {@code GET _sim/records}, as an operator would look at the platform. */
	private static JsonNode simRecords() {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + "/_sim/records")).build(),
						HttpResponse.BodyHandlers.ofString());
			return JSON.readTree(response.body());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
