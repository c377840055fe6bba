package io.itsmhub.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.itsmhub.routes.RouteIds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drop folder: read files move to .done, unreadable ones to .failed with a reason.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:hsqldb:mem:file-drop-it", "hub.ingest.drop.enabled=true",
		"hub.ingest.drop.directory=target/file-drop-it", "hub.ingest.drop.poll-delay=100" })
@ActiveProfiles("it")
class FileDropIT {

	private static final Path DROP = Path.of("target/file-drop-it");

	@Autowired
	CamelContext camel;

	@Autowired
	JdbcTemplate jdbc;

	@org.junit.jupiter.api.BeforeAll
	static void emptyTheDropFolder() throws IOException {
		if (Files.exists(DROP)) {
			try (Stream<Path> paths = Files.walk(DROP)) {
				paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
	}

	@Test
	void aDroppedFileIsIngestedRecordByRecordAndMovedToDone() throws IOException {
		NotifyBuilder done = new NotifyBuilder(this.camel).fromRoute(RouteIds.INGEST_FILE_DROP).whenDone(1).create();
		drop("cloud", "snapshot.ndjson",
				"""
						{"sourceKey": "i-0a763ac3ee37d8d2b", "ciClass": "virtual_machine", "identifiers": {"cloud_resource_id": "i-0a763ac3ee37d8d2b"}}
						{"sourceKey": "i-broken", "ciClass": "virtual_machine", "identifiers": {"cloud_resource_id": 17, "serial": "x"}}
						{"sourceKey": "subnet-3d0b8c5a", "ciClass": "cloud_resource", "identifiers": {"cloud_resource_id": "subnet-3d0b8c5a"}}
						""");
		assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM item_sources WHERE source = 'cloud'", Integer.class))
			.isEqualTo(2);
		assertThat(this.jdbc.queryForObject("SELECT status FROM ingest_runs WHERE file_name = 'snapshot.ndjson'",
				String.class))
			.isEqualTo("partial");
		assertThat(this.jdbc.queryForList(
				"SELECT r.field FROM ingest_rejections r JOIN ingest_runs u ON u.id = r.run_id WHERE u.file_name = 'snapshot.ndjson'",
				String.class))
			.containsExactly("identifiers.serial");
		assertThat(files(DROP.resolve("cloud/.done"))).anyMatch((name) -> name.startsWith("snapshot-"));
		assertThat(DROP.resolve("cloud/snapshot.ndjson")).doesNotExist();
	}

	@Test
	void aCsvRegisterWithOneBrokenRowStoresTheOthers() throws IOException {
		NotifyBuilder done = new NotifyBuilder(this.camel).fromRoute(RouteIds.INGEST_FILE_DROP).whenDone(1).create();
		drop("itam", "register.csv", """
				Asset Tag,Serial Number,Class,Owner,Cost,Currency,Purchase Date,Status
				P1000091,CZ3420ABCD,server,jane.doe@example.com,12450.00,EUR,2023-04-11,in_use
				P1000092,CZ3420ABCE,server,max@example.com,twelve,EUR,2024-01-15,in_use
				P1000093,CZ3420ABCF,laptop,erika@example.com,1899.00,EUR,2018-06-01,in_use
				""");
		assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
		assertThat(this.jdbc.queryForList(
				"SELECT source_key FROM item_sources WHERE source = 'itam' ORDER BY source_key", String.class))
			.containsExactly("P1000091", "P1000093");
		assertThat(this.jdbc.queryForMap(
				"SELECT r.record_index, r.source_key, r.field, r.reason FROM ingest_rejections r JOIN ingest_runs u "
						+ "ON u.id = r.run_id WHERE u.file_name = 'register.csv'"))
			.containsEntry("RECORD_INDEX", 1)
			.containsEntry("SOURCE_KEY", "P1000092")
			.containsEntry("FIELD", "facts.purchase_cost")
			.hasEntrySatisfying("REASON", (reason) -> assertThat((String) reason).contains("twelve"));
	}

	@Test
	void aCsvWithoutAMappedColumnIsMovedAsideNamingTheColumn() throws IOException {
		NotifyBuilder done = new NotifyBuilder(this.camel).fromRoute(RouteIds.INGEST_FILE_DROP).whenFailed(1).create();
		drop("itam", "export.csv", "Asset,Serial\nP1,CZ1\n");
		assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
		Path reason = DROP.resolve("itam/.failed/export.csv.reason.txt");
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> Files.exists(reason));
		assertThat(Files.readString(reason)).contains("Asset Tag");
	}

	@Test
	void aFileThatCannotBeReadIsMovedAsideWithItsReason() throws IOException {
		NotifyBuilder done = new NotifyBuilder(this.camel).fromRoute(RouteIds.INGEST_FILE_DROP).whenFailed(1).create();
		Path dir = Files.createDirectories(DROP.resolve("agent"));
		Files.write(dir.resolve("inventory.json.tmp"), new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0x00 });
		Files.move(dir.resolve("inventory.json.tmp"), dir.resolve("inventory.json"));
		assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
		Path failed = DROP.resolve("agent/.failed");
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> Files.exists(failed.resolve("inventory.json")));
		assertThat(Files.readString(failed.resolve("inventory.json.reason.txt"))).contains("not UTF-8");
		assertThat(this.jdbc.queryForObject("SELECT status FROM ingest_runs WHERE file_name = 'inventory.json'",
				String.class))
			.isEqualTo("failed");
	}

	private static void drop(String source, String name, String content) throws IOException {
		Path dir = Files.createDirectories(DROP.resolve(source));
		// written beside, then moved in: a reader never sees half a file
		Path temp = dir.resolve(name + ".part");
		Files.writeString(temp, content, StandardCharsets.UTF_8);
		Files.move(temp, dir.resolve(name));
	}

	private static Stream<String> files(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			return Stream.empty();
		}
		return Files.list(dir).map((path) -> path.getFileName().toString()).toList().stream();
	}

}
