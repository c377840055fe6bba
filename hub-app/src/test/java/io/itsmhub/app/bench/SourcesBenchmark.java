package io.itsmhub.app.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import io.itsmhub.app.HubApplication;

/**
 * Throughput of the ways in, end to end through the running hub on its default embedded
 * store (HSQLDB file mode): inventories per second through {@code /agent/} (real HTTP,
 * zlib XML, distinct machines, 8 agents at once), items per second through the drop
 * folder (NDJSON files of 10,000 canonical items) and through a Kafka topic (one keyed
 * canonical item per message, on an embedded KRaft broker). Prints the figures.
 *
 * <p>
 * Run: {@code ./mvnw -B -q -Pbench-sources -DskipTests -pl hub-app -am verify}; one phase
 * on an empty store with {@code -Dbench.phases=kafka} (agent, file, kafka).
 */
public final class SourcesBenchmark {

	private static final int INVENTORIES = Integer.getInteger("bench.inventories", 2000);

	private static final int AGENTS = Integer.getInteger("bench.agents", 8);

	private static final int FILES = Integer.getInteger("bench.files", 10);

	private static final int ITEMS_PER_FILE = Integer.getInteger("bench.itemsPerFile", 10_000);

	private static final int MESSAGES = Integer.getInteger("bench.messages", 3000);

	private SourcesBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path work = Files.createTempDirectory("hub-sources-bench");
		EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1, "bench-items");
		kafka.afterPropertiesSet();
		ConfigurableApplicationContext hub = SpringApplication.run(HubApplication.class, "--server.port=0",
				"--spring.datasource.url=jdbc:hsqldb:file:" + work.resolve("db/hub")
						+ ";hsqldb.default_table_type=cached;hsqldb.tx=mvcc;shutdown=true",
				"--hub.agents.open=true", "--hub.ingest.drop.directory=" + work.resolve("drop"),
				"--hub.ingest.drop.poll-delay=100", "--hub.kafka.brokers=" + kafka.getBrokersAsString(),
				"--hub.kafka.sources.bench-kafka.topic=bench-items", "--logging.level.root=warn",
				"--logging.level.io.itsmhub=warn", "--spring.main.banner-mode=off");
		try {
			JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
			int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
			List<String> figures = new ArrayList<>();
			// each figure printed as soon as it is measured
			String phases = System.getProperty("bench.phases", "agent,file,kafka");
			if (phases.contains("agent")) {
				figures.add(print(agents(port, jdbc)));
			}
			if (phases.contains("file")) {
				figures.add(print(fileDrop(work.resolve("drop"), jdbc)));
			}
			if (phases.contains("kafka")) {
				figures.add(print(kafka(kafka.getBrokersAsString(), jdbc)));
			}
			System.out.println();
			System.out.println("Sources benchmark (" + Runtime.getRuntime().availableProcessors() + " CPUs, "
					+ "HSQLDB file mode, one JVM for hub, agents, producer and broker)");
			figures.forEach(System.out::println);
		}
		finally {
			hub.close();
			kafka.destroy();
		}
	}

	private static String print(String figure) {
		System.out.println("BENCH " + figure);
		return figure;
	}

	private static String agents(int port, JdbcTemplate jdbc) throws Exception {
		String xml;
		try (InputStream in = SourcesBenchmark.class
			.getResourceAsStream("/samples/fusioninventory/fusioninventory-protocol-02-inventory-request.xml")) {
			xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		List<byte[]> bodies = new ArrayList<>(INVENTORIES);
		for (int i = 0; i < INVENTORIES; i++) {
			String machine = xml
				.replace("<DEVICEID>vm-2026-11-29-06-07-15</DEVICEID>",
						"<DEVICEID>bench-" + i + "-2026-11-29-06-07-15</DEVICEID>")
				.replace("<SSN></SSN>", "<SSN>BENCH" + String.format("%08d", i) + "</SSN>")
				.replace("<NAME>vm</NAME>", "<NAME>bench-host-" + i + "</NAME>")
				.replace("<FQDN>vm</FQDN>", "<FQDN>bench-host-" + i + "</FQDN>")
				.replace("02:fc:00:00:00:01",
						String.format("02:fc:00:%02x:%02x:%02x", (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff));
			bodies.add(zlib(machine.getBytes(StandardCharsets.UTF_8)));
		}
		HttpClient http = HttpClient.newHttpClient();
		URI uri = URI.create("http://127.0.0.1:" + port + "/agent/");
		// a warm-up of the path (JIT, connection pool), not counted
		for (int i = 0; i < 50; i++) {
			post(http, uri, bodies.get(i));
		}
		ExecutorService pool = Executors.newFixedThreadPool(AGENTS);
		long start = System.nanoTime();
		List<Future<Integer>> results = new ArrayList<>();
		for (byte[] body : bodies) {
			results.add(pool.submit(() -> post(http, uri, body)));
		}
		int failed = 0;
		for (Future<Integer> result : results) {
			failed += (result.get() == 200) ? 0 : 1;
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		int stored = jdbc.queryForObject("SELECT COUNT(*) FROM item_sources WHERE source = 'agent'", Integer.class);
		return String.format(
				"agent endpoint: %,d zlib XML inventories (%,d bytes each) by %d agents in %.1f s = "
						+ "%,.0f inventories/s (%d failed, %,d machines stored)",
				INVENTORIES, bodies.get(0).length, AGENTS, seconds, INVENTORIES / seconds, failed, stored);
	}

	private static int post(HttpClient http, URI uri, byte[] body) throws IOException, InterruptedException {
		return http
			.send(HttpRequest.newBuilder(uri)
				.header("Content-Type", "application/x-compress-zlib")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static String fileDrop(Path drop, JdbcTemplate jdbc) throws Exception {
		Path folder = Files.createDirectories(drop.resolve("bench-file"));
		List<Path> ready = new ArrayList<>();
		for (int f = 0; f < FILES; f++) {
			StringBuilder ndjson = new StringBuilder();
			for (int i = 0; i < ITEMS_PER_FILE; i++) {
				ndjson.append(item("file", f * ITEMS_PER_FILE + i)).append('\n');
			}
			Path part = folder.resolve("items-" + f + ".ndjson.part");
			Files.writeString(part, ndjson);
			ready.add(part);
		}
		long start = System.nanoTime();
		for (Path part : ready) {
			Files.move(part, folder.resolve(part.getFileName().toString().replace(".part", "")));
		}
		int total = FILES * ITEMS_PER_FILE;
		double seconds = await(start, () -> jdbc
			.queryForObject("SELECT COUNT(*) FROM ingest_runs WHERE source = 'bench-file'", Integer.class), FILES);
		int stored = jdbc.queryForObject("SELECT COUNT(*) FROM item_sources WHERE source = 'bench-file'",
				Integer.class);
		return String.format(
				"file drop: %,d canonical items in %d NDJSON files in %.1f s = %,.0f items/s "
						+ "(%,d stored; includes the 100 ms poll and the read lock's settling)",
				total, FILES, seconds, total / seconds, stored);
	}

	private static String kafka(String brokers, JdbcTemplate jdbc) throws Exception {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
		config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		long start = System.nanoTime();
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
			for (int i = 0; i < MESSAGES; i++) {
				producer.send(new ProducerRecord<>("bench-items", "kafka-" + i,
						item("kafka", i).getBytes(StandardCharsets.UTF_8)));
			}
		}
		double seconds = await(start, () -> jdbc
			.queryForObject("SELECT COUNT(*) FROM item_sources WHERE source = 'bench-kafka'", Integer.class), MESSAGES);
		return String.format("kafka: %,d keyed messages of one canonical item, stored and committed one by one, "
				+ "in %.1f s = %,.0f items/s", MESSAGES, seconds, MESSAGES / seconds);
	}

	private static String item(String kind, int i) {
		return String.format(
				"{\"sourceKey\":\"%s-%d\",\"ciClass\":\"server\",\"name\":\"%s-srv-%d\","
						+ "\"identifiers\":{\"serial_number\":\"%S%08d\",\"hostname\":\"%s-srv-%d\","
						+ "\"mac_address\":[\"02:%s:%02x:%02x:%02x:01\"]},"
						+ "\"attributes\":{\"os\":\"Ubuntu\",\"os_version\":\"22.04\",\"memory_mb\":\"16384\"},"
						+ "\"observedAt\":\"2026-11-29T06:00:00Z\"}",
				kind, i, kind, i, kind.substring(0, 2), i, kind, i, kind.equals("file") ? "f1" : "a1", (i >> 16) & 0xff,
				(i >> 8) & 0xff, i & 0xff);
	}

	/** Seconds from start until the count reaches the target; fails after ten minutes. */
	private static double await(long start, IntSupplier count, int target) throws InterruptedException {
		long deadline = System.nanoTime() + 600_000_000_000L;
		while (count.getAsInt() < target) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("only " + count.getAsInt() + " of " + target + " after ten minutes");
			}
			Thread.sleep(20);
		}
		return (System.nanoTime() - start) / 1e9;
	}

	private static byte[] zlib(byte[] plain) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_SPEED))) {
			deflate.write(plain);
		}
		return out.toByteArray();
	}

}
