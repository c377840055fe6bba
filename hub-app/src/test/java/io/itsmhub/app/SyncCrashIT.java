package io.itsmhub.app;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.itsmhub.simulators.core.Fault;
import io.itsmhub.simulators.core.RecordedRequest;
import io.itsmhub.simulators.http.SimulatorServer;
import io.itsmhub.simulators.servicenow.ServiceNowSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub killed with SIGKILL in the middle of a full sync, then started again on the
 * same database, finishes the sync with every item exactly once in ServiceNow and nothing
 * lost.
 *
 * <p>
 * The hub runs as a separate JVM (the test's own class path, {@code HubApplication}) over
 * an HSQLDB file database in a temporary folder; the ServiceNow simulator runs in this
 * JVM, so it outlives the hub. The kill lands while an asset write is in flight: the
 * simulator holds it, the hub dies, and the simulator commits it afterwards, the way a
 * platform finishes a request whose client has gone. {@code -Dcrash.items=N} changes the
 * estate's size (10,000 by default).
 */
class SyncCrashIT {

	private static final int ITEMS = Integer.getInteger("crash.items", 10_000);

	private static final String IRE = "/api/now/identifyreconcile";

	private static final String BATCH = "/api/now/v1/batch";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<Process> hubs = new ArrayList<>();

	@TempDir
	Path dir;

	@Test
	void aHubKilledMidSyncFinishesAfterARestartWithEveryItemExactlyOnce() throws Exception {
		ServiceNowSimulator simulator = ServiceNowSimulator.builder().journalCapacity(1_000_000).build();
		try (SimulatorServer server = SimulatorServer.start(simulator)) {
			crashAndRestart(simulator, server);
		}
		finally {
			// a failed assertion leaves no hub behind
			this.hubs.forEach(Process::destroyForcibly);
			keepLogs();
		}
	}

	private void crashAndRestart(ServiceNowSimulator simulator, SimulatorServer server) throws Exception {
		long t0 = System.nanoTime();
		int port = freePort();
		Process hub = startHub(server.baseUrl(), port, "first");
		awaitHealthy(hub, port);
		long started = System.nanoTime();
		ingest(port);
		long ingested = System.nanoTime();

		CompletableFuture<HttpResponse<String>> firstRun = this.http
			.sendAsync(request(port, "/api/integrations/crash/runs?mode=full").POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		// let a share of the estate through, then hold the next asset write on the
		// platform's side and kill the hub while it waits for the answer
		int batches = (ITEMS + 99) / 100;
		await(Duration.ofMinutes(3), () -> successful(simulator, IRE) >= Math.max(2, batches / 3),
				"a third of the creates", hub);
		simulator.injectFault(Fault.delay(3000).matching(BATCH, "POST"));
		await(Duration.ofSeconds(60), () -> simulator.activeFaults().isEmpty(), "an asset write in flight", hub);
		hub.destroyForcibly();
		assertThat(hub.waitFor(30, TimeUnit.SECONDS)).isTrue();
		// 128 + 9: the JVM died of SIGKILL, with no shutdown hook run
		assertThat(hub.exitValue()).isEqualTo(137);
		long killed = System.nanoTime();
		assertThat(firstRun).failsWithin(Duration.ofSeconds(10));
		int cisAtKill = count(simulator, "cmdb_ci");
		// the held write lands after the hub is gone
		Thread.sleep(3500);
		int cisAfter = count(simulator, "cmdb_ci");
		int assetsAfter = count(simulator, "alm_hardware");
		assertThat(cisAfter).as("CIs created before the kill").isPositive().isLessThan(ITEMS);

		int port2 = freePort();
		Process restarted = startHub(server.baseUrl(), port2, "second");
		try {
			awaitHealthy(restarted, port2);
			long restartedAt = System.nanoTime();
			HttpResponse<String> run = this.http
				.send(request(port2, "/api/integrations/crash/runs?mode=full").POST(HttpRequest.BodyPublishers.noBody())
					.timeout(Duration.ofMinutes(10))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
			long finished = System.nanoTime();
			JsonNode letters = new HubClient(port2).get("/api/dead-letters?status=open", "viewer").json();
			JsonNode result = new ObjectMapper().readTree(run.body());
			System.out.printf(
					"SyncCrashIT: %,d items; ingest %.1f s; killed %.1f s into the sync with %,d CIs pushed "
							+ "(%,d CIs and %,d assets once the held write landed); restart %.1f s; the rest "
							+ "pushed in %.1f s: %s; whole test %.1f s%n",
					ITEMS, seconds(started, ingested), seconds(ingested, killed), cisAtKill, cisAfter, assetsAfter,
					seconds(killed, restartedAt), seconds(restartedAt, finished), result.at("/counts/servicenow"),
					seconds(t0, finished));
			assertThat(result.get("status").asText()).isEqualTo("completed");
			assertThat(result.at("/counts/servicenow/failed").asInt()).isZero();
			assertThat(result.at("/counts/servicenow/unchanged").asInt()).as("pushed before the kill").isPositive();
			assertThat(letters).as("open dead letters").isEmpty();
		}
		finally {
			restarted.destroy();
			assertThat(restarted.waitFor(60, TimeUnit.SECONDS)).isTrue();
		}
		assertEveryItemOnce(simulator);
		assertEveryItemCrossReferenced(simulator);
	}

	/**
	 * The hubs' logs, kept under {@code target/sync-crash-it/} for a look after a run.
	 */
	private void keepLogs() throws IOException {
		Path kept = Path.of("target", "sync-crash-it");
		Files.createDirectories(kept);
		try (var files = Files.list(this.dir)) {
			for (Path log : files.filter((p) -> p.toString().endsWith(".log")).toList()) {
				Files.copy(log, kept.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	/** One CI and one asset per serial number, the asset pointing at the CI. */
	private static void assertEveryItemOnce(ServiceNowSimulator simulator) {
		JsonNode records = simulator.records();
		Map<String, Integer> cis = new HashMap<>();
		Map<String, String> ciIds = new HashMap<>();
		Map<String, Integer> assets = new HashMap<>();
		List<String> misplaced = new ArrayList<>();
		for (Iterator<Map.Entry<String, JsonNode>> tables = records.fields(); tables.hasNext();) {
			Map.Entry<String, JsonNode> table = tables.next();
			if (table.getKey().startsWith("cmdb_ci")) {
				for (JsonNode record : table.getValue()) {
					String serial = record.path("serial_number").asText("");
					if (serial.startsWith("CRS")) {
						cis.merge(serial, 1, Integer::sum);
						ciIds.put(serial, record.path("sys_id").asText());
					}
				}
			}
		}
		for (JsonNode asset : records.path("alm_hardware")) {
			String serial = asset.path("serial_number").asText("");
			if (serial.startsWith("CRS")) {
				assets.merge(serial, 1, Integer::sum);
				if (!asset.path("ci").asText().equals(ciIds.get(serial))) {
					misplaced.add(serial);
				}
			}
		}
		assertThat(cis).as("CIs").hasSize(ITEMS);
		assertThat(assets).as("alm_hardware records").hasSize(ITEMS);
		assertThat(cis.values().stream().filter((n) -> n > 1)).as("duplicate CIs").isEmpty();
		assertThat(assets.values().stream().filter((n) -> n > 1)).as("duplicate alm_hardware records").isEmpty();
		assertThat(misplaced).as("assets not linked to their CI").isEmpty();
	}

	/** The hub's database, opened once the hub has stopped: a record for every item. */
	private void assertEveryItemCrossReferenced(ServiceNowSimulator simulator) throws SQLException {
		Set<String> ciIds = new HashSet<>();
		for (Iterator<Map.Entry<String, JsonNode>> tables = simulator.records().fields(); tables.hasNext();) {
			Map.Entry<String, JsonNode> table = tables.next();
			if (table.getKey().startsWith("cmdb_ci")) {
				table.getValue().forEach((record) -> ciIds.add(record.path("sys_id").asText()));
			}
		}
		try (Connection connection = DriverManager.getConnection(databaseUrl() + ";shutdown=true", "SA", "");
				Statement statement = connection.createStatement()) {
			assertThat(single(statement, "SELECT COUNT(*) FROM items")).isEqualTo(ITEMS);
			assertThat(single(statement,
					"SELECT COUNT(*) FROM target_xref WHERE target = 'servicenow' "
							+ "AND status = 'ok' AND record_id IS NOT NULL AND related IS NOT NULL"))
				.as("cross-references with a CI and an asset")
				.isEqualTo(ITEMS);
			assertThat(single(statement, "SELECT COUNT(*) FROM dead_letters WHERE status = 'open'")).isZero();
			List<String> runs = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery("SELECT status FROM sync_runs ORDER BY id")) {
				while (rs.next()) {
					runs.add(rs.getString(1));
				}
			}
			// the killed run does not stay "running" for ever
			assertThat(runs).containsExactly("interrupted", "completed");
			try (ResultSet rs = statement.executeQuery("SELECT record_id FROM target_xref")) {
				while (rs.next()) {
					assertThat(ciIds).contains(rs.getString(1));
				}
			}
		}
	}

	private static int single(Statement statement, String sql) throws SQLException {
		try (ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getInt(1);
		}
	}

	private Process startHub(String servicenow, int port, String name) throws IOException {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-XX:+UseSerialGC", "-cp",
				classPath, "io.itsmhub.app.HubApplication", "--server.port=" + port, "--spring.profiles.active=it",
				"--spring.datasource.url=" + databaseUrl()
						+ ";hsqldb.default_table_type=cached;hsqldb.tx=mvcc;shutdown=true",
				"--hub.ingest.max-body-size=64MB", "--hub.ingest.batch-size=1000", "--hub.ingest.drop.enabled=false",
				"--hub.targets.servicenow.enabled=true", "--hub.targets.servicenow.base-url=" + servicenow,
				"--hub.targets.servicenow.username=admin", "--hub.targets.servicenow.password=admin",
				"--hub.targets.servicenow.timeout=20s", "--hub.sync.integrations.crash.targets=servicenow",
				"--hub.sync.guard.calls-per-second=1000", "--hub.sync.guard.backoff=100ms",
				"--hub.sync.guard.max-wait=5s", "--logging.level.io.itsmhub=info"));
		File log = this.dir.resolve("hub-" + name + ".log").toFile();
		Process hub = new ProcessBuilder(command).directory(this.dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log)
			.start();
		this.hubs.add(hub);
		return hub;
	}

	private String databaseUrl() {
		return "jdbc:hsqldb:file:" + this.dir.resolve("db").resolve("hub");
	}

	private void awaitHealthy(Process hub, int port) throws InterruptedException {
		await(Duration.ofMinutes(2), () -> {
			try {
				return this.http
					.send(request(port, "/actuator/health").GET().build(), HttpResponse.BodyHandlers.ofString())
					.statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}, "the hub to start", hub);
	}

	private void ingest(int port) throws IOException, InterruptedException {
		for (int from = 0; from < ITEMS; from += 2_000) {
			StringBuilder ndjson = new StringBuilder();
			for (int i = from; i < Math.min(ITEMS, from + 2_000); i++) {
				ndjson.append("{\"sourceKey\": \"crs-")
					.append(i)
					.append("\", \"ciClass\": \"server\", \"name\": \"crs-")
					.append(i)
					.append("\", \"identifiers\": {\"serial_number\": \"")
					.append(String.format("CRS%06d", i))
					.append("\", \"hostname\": \"crs-")
					.append(i)
					.append("\"}, \"attributes\": {\"os\": \"Ubuntu\", \"os_version\": \"22.04\"}, ")
					.append("\"facts\": {\"owner\": \"alice.nguyen@example.com\"}}\n");
			}
			HttpResponse<String> answer = this.http
				.send(request(port, "/api/sources/cmdb-import/items").header("Content-Type", "application/x-ndjson")
					.POST(HttpRequest.BodyPublishers.ofString(ndjson.toString(), StandardCharsets.UTF_8))
					.timeout(Duration.ofMinutes(5))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		}
	}

	private static HttpRequest.Builder request(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Basic "
					+ java.util.Base64.getEncoder().encodeToString("operator:demo".getBytes(StandardCharsets.UTF_8)));
	}

	private void await(Duration atMost, BooleanSupplier condition, String what, Process hub)
			throws InterruptedException {
		long deadline = System.nanoTime() + atMost.toNanos();
		while (!condition.getAsBoolean()) {
			if (!hub.isAlive()) {
				throw new AssertionError("the hub died while waiting for " + what + ":\n" + tail());
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("waited " + atMost + " for " + what + ":\n" + tail());
			}
			Thread.sleep(100);
		}
	}

	private String tail() {
		StringBuilder text = new StringBuilder();
		try (var files = Files.list(this.dir)) {
			for (Path log : files.filter((p) -> p.toString().endsWith(".log")).sorted().toList()) {
				List<String> lines = Files.readAllLines(log);
				text.append("--- ").append(log.getFileName()).append('\n');
				lines.subList(Math.max(0, lines.size() - 40), lines.size())
					.forEach((line) -> text.append(line).append('\n'));
			}
		}
		catch (IOException ex) {
			text.append(ex);
		}
		return text.toString();
	}

	private static long successful(ServiceNowSimulator simulator, String path) {
		return simulator.recordedRequests()
			.stream()
			.filter((request) -> request.path().equals(path) && request.status() == 200)
			.map(RecordedRequest::sequence)
			.count();
	}

	private static int count(ServiceNowSimulator simulator, String tablePrefix) {
		int count = 0;
		for (Iterator<Map.Entry<String, JsonNode>> tables = simulator.records().fields(); tables.hasNext();) {
			Map.Entry<String, JsonNode> table = tables.next();
			if (table.getKey().startsWith(tablePrefix)) {
				for (JsonNode record : table.getValue()) {
					if (record.path("serial_number").asText("").startsWith("CRS")) {
						count++;
					}
				}
			}
		}
		return count;
	}

	private static double seconds(long from, long to) {
		return (to - from) / 1e9;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
