package io.itsmhub.app.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.itsmhub.app.HubClient;
import io.itsmhub.routes.RouteIds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sources configured with their own format: their files dropped as they come and their
 * bodies posted as they come, with the real samples.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:hsqldb:mem:source-formats-it", "hub.ingest.drop.enabled=true",
				"hub.ingest.drop.directory=target/source-formats-it", "hub.ingest.drop.poll-delay=100",
				"hub.ingest.max-body-size=2MB", "hub.ingest.formats.cloud=aws-config",
				"hub.ingest.formats.azure=azure-resource-graph", "hub.ingest.formats.netbox=netbox",
				"hub.ingest.formats.inventory=glpi-inventory" })
@ActiveProfiles("it")
class SourceFormatsIT {

	private static final Path DROP = Path.of("target/source-formats-it");

	private static final Path SAMPLES = Path.of("src/test/resources/samples");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CamelContext camel;

	HubClient hub;

	@BeforeAll
	static void emptyTheDropFolder() throws IOException {
		if (Files.exists(DROP)) {
			try (Stream<Path> paths = Files.walk(DROP)) {
				paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
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
	void aGzippedAwsConfigSnapshotDroppedInTheFolderJustWorks() throws IOException {
		NotifyBuilder done = new NotifyBuilder(this.camel).fromRoute(RouteIds.INGEST_FILE_DROP).whenDone(1).create();
		drop("cloud", "snapshot.json.gz", Files.readAllBytes(SAMPLES.resolve("cloud/aws-config-snapshot.json.gz")));
		assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
		JsonNode run = this.hub.get("/api/sources/cloud/runs", "viewer").json().get(0);
		assertThat(run.get("fileName").asText()).isEqualTo("snapshot.json.gz");
		assertThat(run.get("status").asText()).isEqualTo("partial");
		assertThat(run.get("received").asInt()).isEqualTo(5);
		// ec2.0 and ec2.1 are one instance at two times: one created, then updated
		assertThat(run.get("created").asInt()).isEqualTo(3);
		assertThat(run.get("updated").asInt()).isEqualTo(1);
		JsonNode detail = this.hub.get("/api/ingest-runs/" + run.get("id").asLong(), "viewer").json();
		assertThat(detail.at("/rejections/0/index").asInt()).isEqualTo(4);
		assertThat(detail.at("/rejections/0/field").asText()).isEqualTo("configurationItem.awsAccountId");
		assertThat(detail.at("/rejections/0/reason").asText()).contains("is required");
		JsonNode instance = this.hub
			.get("/api/items?identifier=cloud_resource_id:" + firstArn("cloud/aws-config-snapshot.json"), "viewer")
			.json();
		assertThat(instance.get("items")).hasSize(1);
	}

	@Test
	void everyAwsConfigNotificationPostedAsItComes() throws IOException {
		List<String> malformed = new ArrayList<>();
		int accepted = 0;
		try (Stream<Path> files = Files.list(SAMPLES.resolve("cloud/aws-config"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".json")).sorted().toList()) {
				HubClient.Answer answer = this.hub.post("/api/sources/cloud/items", "operator", "application/json",
						Files.readAllBytes(file));
				String name = file.getFileName().toString();
				if (name.contains("malformed")) {
					// nothing of these can be stored: a 422 naming what is wrong
					assertThat(answer.status()).as(name).isEqualTo(422);
					assertThat(answer.json().at("/rejections/0/errors/0/reason").asText()).as(name).isNotBlank();
					malformed.add(name);
				}
				else {
					assertThat(answer.status()).as(name + ": " + answer.body()).isEqualTo(200);
					assertThat(answer.json().get("rejected").asInt()).as(name + ": " + answer.body()).isZero();
					accepted++;
				}
			}
		}
		assertThat(malformed).containsExactlyInAnyOrder("ec2.deleted-malformed.json", "ec2.malformed.json",
				"elb.malformed.json", "elbv2.update.malformed-tags.json");
		assertThat(accepted).isEqualTo(26);
		JsonNode runs = this.hub.get("/api/sources/cloud/runs", "viewer").json();
		assertThat(runs).hasSize(30);
	}

	@Test
	void azureResourceGraphResultsPostedAsTheyCome() throws IOException {
		HubClient.Answer basic = this.hub.post("/api/sources/azure/items", "operator", "application/json",
				Files.readAllBytes(SAMPLES
					.resolve("cloud/azure-resource-graph/azure-rest-api-specs_2021-03-01_ResourcesBasicQuery.json")));
		assertThat(basic.status()).as(basic.body()).isEqualTo(200);
		assertThat(basic.json().get("created").asInt()).isEqualTo(3);
		HubClient.Answer sdk = this.hub
			.post("/api/sources/azure/items", "operator", "application/json", Files.readAllBytes(SAMPLES.resolve(
					"cloud/azure-resource-graph/azure-sdk-for-net_ResourcesAsyncTest_resourcegraph-response.json")));
		assertThat(sdk.status()).as(sdk.body()).isEqualTo(200);
		assertThat(sdk.json().get("received").asInt()).isEqualTo(2);
	}

	@Test
	void aNetBoxExportStoresTheNamedDevicesAndNamesTheNamelessOnes() throws IOException {
		HubClient.Answer answer = this.hub.post("/api/sources/netbox/items", "operator", "application/json",
				Files.readAllBytes(SAMPLES.resolve("misc/netbox-demo-data-v3.6-cmdb-subset.json")));
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		JsonNode json = answer.json();
		assertThat(json.get("received").asInt()).isEqualTo(252);
		// the reader names 22 devices that have no name, serial or asset tag; six patch
		// panels are named like "PP:B128", which is no host name, and have nothing else
		assertThat(json.get("rejected").asInt()).as(json.get("rejections").toString()).isEqualTo(28);
		List<String> withoutIdentifier = new ArrayList<>();
		for (JsonNode rejection : json.get("rejections")) {
			String reason = rejection.at("/errors/0/reason").asText();
			if (reason.startsWith("has no identifier")) {
				withoutIdentifier.add(rejection.get("sourceKey").asText());
			}
			else {
				assertThat(reason).startsWith("the device has no name, serial or asset tag in NetBox");
			}
		}
		assertThat(withoutIdentifier).containsExactly("dcim.device/87", "dcim.device/88", "dcim.device/89",
				"dcim.device/90", "dcim.device/91", "dcim.device/92");
		assertThat(json.get("created").asInt() + json.get("updated").asInt() + json.get("unchanged").asInt())
			.isEqualTo(224);
	}

	@Test
	void aFusionInventoryXmlDroppedInTheFolderBecomesAnItem() throws IOException {
		NotifyBuilder done = new NotifyBuilder(this.camel).fromRoute(RouteIds.INGEST_FILE_DROP).whenDone(1).create();
		drop("inventory", "vm.xml",
				Files.readAllBytes(SAMPLES.resolve("fusioninventory/fusioninventory-2.6-inventory-local-trimmed.xml")));
		assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
		JsonNode run = this.hub.get("/api/sources/inventory/runs", "viewer").json().get(0);
		assertThat(run.get("status").asText()).isEqualTo("completed");
		assertThat(run.get("created").asInt()).isEqualTo(1);
	}

	private static String firstArn(String sample) throws IOException {
		JsonNode snapshot = new com.fasterxml.jackson.databind.ObjectMapper()
			.readTree(Files.readAllBytes(SAMPLES.resolve(sample)));
		return snapshot.at("/configurationItems/0/ARN").asText();
	}

	private static void drop(String source, String name, byte[] content) throws IOException {
		Path dir = Files.createDirectories(DROP.resolve(source));
		// written beside, then moved in: a reader never sees half a file
		Path temp = dir.resolve(name + ".part");
		Files.write(temp, content);
		Files.move(temp, dir.resolve(name));
	}

}
