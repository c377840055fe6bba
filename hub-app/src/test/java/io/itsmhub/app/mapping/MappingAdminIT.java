package io.itsmhub.app.mapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.Identifiers;
import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.app.HubClient;
import io.itsmhub.mappings.ActiveMappings;
import io.itsmhub.mappings.CompiledMapping;
import io.itsmhub.mappings.shipped.ShippedMappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The mapping admin API as an admin with curl sees it (issue 3): a broken mapping gets
 * every error with its line, a fixed one becomes a draft, a preview shows the payload and
 * why each value is what it is, activation applies to the next item without a restart, in
 * this instance and in another sharing the database, and rollback goes back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:hsqldb:mem:mapping-admin-it")
@ActiveProfiles("it")
class MappingAdminIT {

	private static final String YAML = "application/yaml";

	/** A small ServiceNow mapping, version 2 of the platform (the shipped one is 1). */
	private static final String FIXED = """
			apiVersion: hub.mapping/v1
			platform: servicenow
			version: 2
			scope: [server]
			classes:
			  server:
			    ci: cmdb_ci_server
			    asset: alm_hardware
			records:
			  ci:
			    matchOn: [serial_number, name]
			    fields:
			      name: {from: name, required: true, transforms: [trim, upper]}
			      serial_number: {from: identifiers.serial_number, transforms: [trim, upper]}
			      install_status: {from: facts.lifecycle_status, transforms: [{lookup: install_status}], default: 1}
			      discovery_source: {constant: ITSMHub-v2}
			  asset:
			    matchOn: [serial_number]
			    fields:
			      serial_number: {from: identifiers.serial_number, transforms: [trim, upper]}
			      owned_by: {from: facts.owner, transforms: [lower]}
			      install_status: {from: facts.lifecycle_status, transforms: [{lookup: install_status}], default: 1}
			      cost: {from: facts.purchase_cost, transforms: [currency]}
			lookups:
			  install_status:
			    values: {in_use: 1, in_stock: 6, retired: 7}
			    default: 1
			""";

	/** The same with four mistakes an admin makes. */
	private static final String BROKEN = FIXED.replace("{from: name, required", "{from: nmae, required")
		.replace("owned_by:", "ownd_by:")
		.replace("cost: {from: facts.purchase_cost, transforms: [currency]}", "cost: {from: facts.purchase_cost}")
		.replace(
				"install_status: {from: facts.lifecycle_status, transforms: [{lookup: install_status}], default: 1}\n"
						+ "      discovery_source",
				"install_status: {from: facts.lifecycle_status, transforms: [{lookup: ci_status}], default: 1}\n"
						+ "      discovery_source");

	private static final String AGENT_DB01 = """
			{"sourceKey": "db-prod-01", "ciClass": "server", "name": " db-prod-01 ",
			 "identifiers": {"serial_number": "cz3420abcd", "hostname": "db-prod-01"},
			 "attributes": {"os": "Ubuntu"}, "observedAt": "2026-11-29T06:00:00Z"}""";

	private static final String PREVIEW_ITEM = """
			{"ciClass": "server", "name": "app-01", "identifiers": {"serial_number": "sn-77"},
			 "facts": {"owner": "Jane.Doe@Example.com", "lifecycle_status": "in_stock",
			   "purchase_cost": {"amount": 1999.5, "currency": "EUR"}}}""";

	private static Path mappingsDirectory;

	@DynamicPropertySource
	static void mappingsFolder(DynamicPropertyRegistry registry) throws IOException {
		mappingsDirectory = Files.createTempDirectory("mapping-admin-it");
		// an admin's override of the Xurrent mapping, imported at start as version 2
		String xurrent = new ShippedMappings().mappingText("xurrent")
			.orElseThrow()
			.replaceFirst("(?m)^version: 1$", "version: 2");
		Files.writeString(mappingsDirectory.resolve("xurrent.yaml"), xurrent);
		registry.add("hub.mappings.directory", mappingsDirectory::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	ActiveMappings activeMappings;

	@Autowired
	MappingService mappingService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	HubClient hub;

	@BeforeEach
	void setUp() {
		this.hub = new HubClient(this.port);
	}

	@Test
	void anAdminFixesPreviewsActivatesAndRollsBackAMappingWithoutARestart() {
		// what is there: the shipped default, seeded as version 1
		JsonNode list = this.hub.get("/api/mappings", "admin").json();
		assertThat(platform(list, "servicenow").get("activeVersion").asInt()).isEqualTo(1);
		assertThat(platform(list, "servicenow").get("versions").asInt()).isEqualTo(1);
		HubClient.Answer current = this.hub.get("/api/mappings/servicenow", "admin");
		assertThat(current.status()).isEqualTo(200);
		assertThat(current.contentType()).startsWith("text/yaml");
		assertThat(current.body()).isEqualTo(new ShippedMappings().mappingText("servicenow").orElseThrow());

		// a broken mapping: every error at once, each with its line
		HubClient.Answer broken = post("/api/mappings/servicenow/versions", BROKEN);
		assertThat(broken.status()).isEqualTo(422);
		assertThat(broken.contentType()).startsWith("application/problem+json");
		JsonNode errors = broken.json().get("errors");
		assertThat(errors).hasSize(4);
		assertThat(error(errors, "records.ci.fields.name.from").get("line").asInt())
			.isEqualTo(lineOf(BROKEN, "{from: nmae"));
		assertThat(error(errors, "records.ci.fields.name.from").get("message").asText()).contains("nmae");
		assertThat(error(errors, "records.ci.fields.install_status.transforms[0].lookup").get("line").asInt())
			.isEqualTo(lineOf(BROKEN, "ci_status"));
		assertThat(error(errors, "records.asset.fields.ownd_by").get("line").asInt())
			.isEqualTo(lineOf(BROKEN, "ownd_by"));
		assertThat(error(errors, "records.asset.fields.cost.from").get("message").asText()).contains("currency");
		for (JsonNode error : errors) {
			assertThat(error.get("column").asInt()).isPositive();
		}
		// validating says the same and stores nothing
		HubClient.Answer validated = post("/api/mappings/servicenow/validate", BROKEN);
		assertThat(validated.status()).isEqualTo(422);
		assertThat(validated.json().get("errors")).isEqualTo(errors);
		assertThat(versions("servicenow")).hasSize(1);

		// the fixed one validates, then becomes a draft
		HubClient.Answer valid = post("/api/mappings/servicenow/validate", FIXED);
		assertThat(valid.status()).isEqualTo(200);
		assertThat(valid.json().get("valid").asBoolean()).isTrue();
		HubClient.Answer created = post("/api/mappings/servicenow/versions?comment=uppercase%20names", FIXED);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("version").asInt()).isEqualTo(2);
		assertThat(created.json().get("status").asText()).isEqualTo("draft");
		assertThat(created.json().get("author").asText()).isEqualTo("admin");
		assertThat(created.json().get("comment").asText()).isEqualTo("uppercase names");
		// its number is taken now
		HubClient.Answer again = post("/api/mappings/servicenow/versions", FIXED);
		assertThat(again.status()).isEqualTo(422);
		assertThat(again.json().at("/errors/0/path").asText()).isEqualTo("version");
		assertThat(again.json().at("/errors/0/line").asInt()).isEqualTo(3);
		assertThat(again.json().at("/errors/0/message").asText()).contains("such as 3");
		// a draft changes nothing yet
		assertThat(this.activeMappings.active("servicenow").orElseThrow().version()).isEqualTo(1);

		// preview a stored item through the draft: the payload and the rule of every
		// value
		assertThat(this.hub.post("/api/sources/agent/items", "operator", AGENT_DB01).status()).isEqualTo(200);
		String itemId = this.hub.get("/api/items?source=agent&sourceKey=db-prod-01", "viewer")
			.json()
			.at("/items/0/id")
			.asText();
		HubClient.Answer preview = this.hub.post("/api/mappings/servicenow/preview?version=2&itemId=" + itemId, "admin",
				"");
		assertThat(preview.status()).isEqualTo(200);
		JsonNode payload = preview.json().get("payload");
		assertThat(preview.json().get("mappingVersion").asInt()).isEqualTo(2);
		assertThat(payload.at("/records/0/targetClass").asText()).isEqualTo("cmdb_ci_server");
		assertThat(payload.at("/records/0/fields/name").asText()).isEqualTo("DB-PROD-01");
		assertThat(payload.at("/records/0/fields/serial_number").asText()).isEqualTo("CZ3420ABCD");
		assertThat(payload.at("/records/0/fields/discovery_source").asText()).isEqualTo("ITSMHub-v2");
		assertThat(payload.at("/records/0/matchOn/serial_number").asText()).isEqualTo("CZ3420ABCD");
		assertThat(payload.get("contentHash").asText()).hasSize(64);
		JsonNode name = field(preview.json(), "ci", "name");
		assertThat(name.get("sourceValue").asText()).isEqualTo("db-prod-01");
		assertThat(name.get("rule").asText()).contains("from name").contains("upper");
		assertThat(name.get("line").asInt()).isEqualTo(lineOf(FIXED, "name: {from: name"));
		assertThat(name.get("outcome").asText()).isEqualTo("sent");
		assertThat(field(preview.json(), "ci", "install_status").get("outcome").asText()).isEqualTo("default");

		// or an item written by hand
		HubClient.Answer handmade = this.hub.post("/api/mappings/servicenow/preview?version=2", "admin", PREVIEW_ITEM);
		assertThat(handmade.status()).isEqualTo(200);
		JsonNode asset = handmade.json().at("/payload/records/1");
		assertThat(asset.get("targetClass").asText()).isEqualTo("alm_hardware");
		assertThat(asset.at("/fields/owned_by").asText()).isEqualTo("jane.doe@example.com");
		assertThat(asset.at("/fields/install_status").asInt()).isEqualTo(6);
		assertThat(asset.at("/fields/cost").decimalValue()).isEqualByComparingTo("1999.50");
		assertThat(field(handmade.json(), "asset", "install_status").get("rule").asText())
			.contains("lookup install_status");

		// activate: the very next item uses version 2, no restart
		HubClient.Answer activated = this.hub.post("/api/mappings/servicenow/versions/2/activate", "admin", "");
		assertThat(activated.status()).isEqualTo(200);
		assertThat(activated.json().get("activeVersion").asInt()).isEqualTo(2);
		assertThat(activated.json().get("previousVersion").asInt()).isEqualTo(1);
		assertThat(activated.json().get("activatedBy").asText()).isEqualTo("admin");
		CompiledMapping active = this.activeMappings.active("servicenow").orElseThrow();
		assertThat(active.version()).isEqualTo(2);
		assertThat(discoverySource(active)).isEqualTo("ITSMHub-v2");
		assertThat(this.hub.get("/api/mappings/servicenow", "admin").body()).isEqualTo(FIXED);
		JsonNode history = this.hub.get("/api/mappings/servicenow/versions", "admin").json();
		assertThat(history.at("/versions/0/status").asText()).isEqualTo("retired");
		assertThat(history.at("/versions/0/author").asText()).isEqualTo("system");
		assertThat(history.at("/versions/1/status").asText()).isEqualTo("active");
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM mapping_versions WHERE platform = 'servicenow' AND status = 'active'",
				Integer.class))
			.isEqualTo(1);

		// what changed between the two
		JsonNode diff = this.hub.get("/api/mappings/servicenow/diff?from=1&to=2", "admin").json();
		assertThat(diff.get("unified").asText())
			.startsWith("--- servicenow v1\n+++ servicenow v2\n@@ -1,169 +1,27 @@\n")
			.contains("\n-version: 1\n", "\n+version: 2\n")
			.contains("+      discovery_source: {constant: ITSMHub-v2}");
		assertThat(diff.get("lines")).anySatisfy((line) -> {
			assertThat(line.get("kind").asText()).isEqualTo("added");
			assertThat(line.get("newLine").asInt()).isEqualTo(lineOf(FIXED, "discovery_source"));
		});
		assertThat(this.hub.get("/api/mappings/servicenow/diff?from=2&to=2", "admin").json().get("lines"))
			.allSatisfy((line) -> assertThat(line.get("kind").asText()).isEqualTo("same"));

		// roll back: version 1 again, for the next item too
		HubClient.Answer rolledBack = this.hub.post("/api/mappings/servicenow/rollback", "admin", "");
		assertThat(rolledBack.status()).isEqualTo(200);
		assertThat(rolledBack.json().get("activeVersion").asInt()).isEqualTo(1);
		assertThat(rolledBack.json().get("previousVersion").asInt()).isEqualTo(2);
		assertThat(this.activeMappings.active("servicenow").orElseThrow().version()).isEqualTo(1);
		assertThat(discoverySource(this.activeMappings.active("servicenow").orElseThrow())).isEqualTo("ITSMHub");
		assertThat(this.hub.get("/api/mappings/servicenow/versions", "admin").json().at("/versions/1/status").asText())
			.isEqualTo("retired");
	}

	@Test
	void onlyAdminsTouchMappings() {
		for (String user : new String[] { "viewer", "operator" }) {
			assertThat(this.hub.get("/api/mappings", user).status()).isEqualTo(403);
			assertThat(this.hub.get("/api/mappings/ivanti", user).status()).isEqualTo(403);
			HubClient.Answer post = post("/api/mappings/ivanti/versions", user, FIXED);
			assertThat(post.status()).isEqualTo(403);
			assertThat(post.contentType()).startsWith("application/problem+json");
			assertThat(this.hub.post("/api/mappings/ivanti/rollback", user, "").status()).isEqualTo(403);
		}
		assertThat(this.hub.get("/api/mappings", null).status()).isEqualTo(401);
		assertThat(versions("ivanti")).hasSize(1);
	}

	@Test
	void anUnknownPlatformOrVersionIsA404NamingIt() {
		HubClient.Answer unknown = this.hub.get("/api/mappings/toaster-desk", "admin");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(unknown.json().get("detail").asText()).contains("'toaster-desk' is not a platform")
			.contains("servicenow");
		assertThat(post("/api/mappings/toaster-desk/validate", FIXED).status()).isEqualTo(404);
		HubClient.Answer noVersion = this.hub.get("/api/mappings/ivanti?version=42", "admin");
		assertThat(noVersion.status()).isEqualTo(404);
		assertThat(noVersion.json().get("detail").asText()).contains("no version 42");
		assertThat(this.hub.post("/api/mappings/ivanti/versions/42/activate", "admin", "").status()).isEqualTo(404);
	}

	@Test
	void aFormEncodedBodyIsRefusedRatherThanStoredMangled() {
		// curl --data-binary without -H sends this type; the body would arrive rebuilt
		// from
		// form parameters
		HubClient.Answer answer = this.hub.post("/api/mappings/jsm-assets/versions", "admin",
				"application/x-www-form-urlencoded", FIXED.getBytes(StandardCharsets.UTF_8));
		assertThat(answer.status()).isEqualTo(415);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(versions("jsm-assets")).hasSize(1);
	}

	@Test
	void aRollbackNeedsAPreviousVersion() {
		HubClient.Answer answer = this.hub.post("/api/mappings/haloitsm/rollback", "admin", "");
		assertThat(answer.status()).isEqualTo(409);
		assertThat(answer.json().get("detail").asText()).contains("no previous version");
		assertThat(this.activeMappings.active("haloitsm").orElseThrow().version()).isEqualTo(1);
	}

	@Test
	void aMappingFileInTheFolderIsImportedAtStartOnce() throws IOException {
		JsonNode xurrent = this.hub.get("/api/mappings/xurrent/versions", "admin").json();
		assertThat(xurrent.get("activeVersion").asInt()).isEqualTo(2);
		assertThat(xurrent.get("versions")).hasSize(1);
		assertThat(xurrent.at("/versions/0/author").asText()).isEqualTo("system");
		assertThat(xurrent.at("/versions/0/comment").asText()).contains("xurrent.yaml");
		assertThat(this.activeMappings.active("xurrent").orElseThrow().version()).isEqualTo(2);

		// the next start finds the same text stored: nothing new
		this.mappingService.importAtStart(mappingsDirectory);
		assertThat(versions("xurrent")).hasSize(1);
	}

	@Test
	void aBadFolderStopsTheStartWithEveryProblem() throws IOException {
		Path folder = Files.createTempDirectory("bad-mappings");
		Files.writeString(folder.resolve("toaster.yaml"), "apiVersion: hub.mapping/v1\n");
		String ivanti = new ShippedMappings().mappingText("ivanti").orElseThrow();
		Files.writeString(folder.resolve("ivanti.yaml"),
				ivanti.replace("apiVersion: hub.mapping/v1\n", "apiVersion: hub.mapping/v1\nunknownKey: true\n"));
		MappingService another = secondInstance(new MovableClock(Instant.parse("2026-11-29T08:00:00Z")));
		assertThatIllegalStateException().isThrownBy(() -> another.importAtStart(folder))
			.withMessageContaining("toaster.yaml: 'toaster' is not a platform")
			.withMessageContaining(folder.resolve("ivanti.yaml") + " v1:2:")
			.withMessageContaining("unknownKey")
			.withMessageContaining("version: is 1, but ivanti already has versions up to 1");
		assertThat(versions("ivanti")).hasSize(1);
	}

	@Test
	void anotherInstanceOnTheSameDatabaseNoticesAnActivationWithinItsRefreshInterval() {
		MovableClock clock = new MovableClock(Instant.parse("2026-11-29T08:00:00Z"));
		MappingService other = secondInstance(clock);
		assertThat(other.active("hornbill").orElseThrow().version()).isEqualTo(1);

		String v2 = new ShippedMappings().mappingText("hornbill")
			.orElseThrow()
			.replaceFirst("(?m)^version: 1$", "version: 2");
		assertThat(post("/api/mappings/hornbill/versions", v2).status()).isEqualTo(201);
		assertThat(this.hub.post("/api/mappings/hornbill/versions/2/activate", "admin", "").status()).isEqualTo(200);

		// within a second it may still use what it had; then it looks, once, and switches
		assertThat(other.active("hornbill").orElseThrow().version()).isEqualTo(1);
		clock.advance(Duration.ofSeconds(1));
		assertThat(other.active("hornbill").orElseThrow().version()).isEqualTo(2);

		// and the other way round: a rollback there applies here
		other.rollback("hornbill", "admin2");
		assertThat(this.hub.get("/api/mappings/hornbill/versions", "admin").json().get("activeVersion").asInt())
			.isEqualTo(1);
	}

	private MappingService secondInstance(MovableClock clock) {
		ShippedMappings shipped = new ShippedMappings();
		Map<String, FieldCatalog> catalogs = new LinkedHashMap<>();
		shipped.platforms().forEach((platform) -> catalogs.put(platform, shipped.catalog(platform).orElseThrow()));
		return new MappingService(new MappingVersionStore(this.jdbc, this.transactions), catalogs, shipped, clock,
				Duration.ofSeconds(1));
	}

	private HubClient.Answer post(String path, String yaml) {
		return post(path, "admin", yaml);
	}

	private HubClient.Answer post(String path, String user, String yaml) {
		return this.hub.post(path, user, YAML, yaml.getBytes(StandardCharsets.UTF_8));
	}

	private List<JsonNode> versions(String platform) {
		List<JsonNode> versions = new ArrayList<>();
		this.hub.get("/api/mappings/" + platform + "/versions", "admin").json().get("versions").forEach(versions::add);
		return versions;
	}

	private static JsonNode platform(JsonNode list, String platform) {
		for (JsonNode node : list.get("mappings")) {
			if (node.get("platform").asText().equals(platform)) {
				return node;
			}
		}
		throw new AssertionError("no " + platform + " in " + list);
	}

	private static JsonNode error(JsonNode errors, String path) {
		for (JsonNode error : errors) {
			if (error.get("path").asText().equals(path)) {
				return error;
			}
		}
		throw new AssertionError("no error at " + path + " in " + errors);
	}

	private static JsonNode field(JsonNode preview, String role, String name) {
		for (JsonNode field : preview.get("fields")) {
			if (field.get("role").asText().equals(role) && field.get("field").asText().equals(name)) {
				return field;
			}
		}
		throw new AssertionError("no " + role + "." + name + " in " + preview.get("fields"));
	}

	/** The line (from 1) of the first line holding a text. */
	private static int lineOf(String document, String text) {
		String[] lines = document.split("\n");
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].contains(text)) {
				return i + 1;
			}
		}
		throw new AssertionError("no line with " + text);
	}

	private static String discoverySource(CompiledMapping mapping) {
		DiscoveredItem item = new DiscoveredItem("agent", "x-1", CiClass.SERVER, "x-1",
				Identifiers.of(IdentifierType.SERIAL_NUMBER, "X1"), null, null, null, null);
		TargetPayload payload = mapping.map(item, "item-x");
		return (String) payload.record("ci").orElseThrow().fields().get("discovery_source");
	}

}
