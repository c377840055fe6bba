package io.itsmhub.simulators.ivanti;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.simulators.core.Json;
import io.itsmhub.simulators.http.SimulatorServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Ivanti simulator over HTTP: auth, OData reads, writes, links, metadata, errors. */
class IvantiSimulatorTest {

	static final String BO = "/api/odata/businessobject/";

	static SimulatorServer server;

	static IvantiSimulator simulator;

	final HttpClient client = HttpClient.newHttpClient();

	@BeforeAll
	static void start() {
		simulator = IvantiSimulator.builder().maxPageSize(2).build();
		server = SimulatorServer.start(simulator);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@BeforeEach
	void reset() {
		simulator.reset();
	}

	HttpResponse<String> send(String method, String path, String body, String key) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.header("Content-Type", "application/json");
		if (key != null) {
			request.header("Authorization", "rest_api_key=" + key);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> send(String method, String path, String body) throws Exception {
		return send(method, path, body, IvantiSimulator.DEFAULT_API_KEY);
	}

	static JsonNode json(HttpResponse<String> response) throws Exception {
		return Json.MAPPER.readTree(response.body());
	}

	String create(String collection, String name, String serial) throws Exception {
		HttpResponse<String> created = send("POST", BO + collection,
				"{\"Name\":\"" + name + "\",\"SerialNumber\":\"" + serial + "\",\"Status\":\"production\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		return json(created).path("RecId").asText();
	}

	@Test
	void aRequestWithoutTheRestApiKeyIsRefusedInIvantisErrorShape() throws Exception {
		HttpResponse<String> response = send("GET", BO + "CIs", null, "wrong");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(json(response).path("code").asText()).isEqualTo("ISM_4010");
		assertThat(json(response).path("message").isArray()).isTrue();
		assertThat(send("GET", BO + "CIs", null, null).statusCode()).isEqualTo(401);
	}

	@Test
	void recordsAreCreatedFilteredPagedAndUpdated() throws Exception {
		String a = create("CI__Servers", "srv-a", "SN-A");
		create("CI__Servers", "srv-b", "SN-B");
		create("CI__VirtualServers", "vm-c", "SN-C");
		JsonNode stored = json(send("GET", BO + "CI__Servers('" + a + "')", null));
		assertThat(stored.path("Status").asText()).isEqualTo("Production");
		assertThat(stored.path("Status_Valid").asText()).hasSize(32);
		assertThat(stored.has("WarrantyExpirationDate")).isTrue();

		JsonNode found = json(
				send("GET", BO + "CI__Servers?$filter=SerialNumber%20eq%20'sn-a'%20or%20Name%20eq%20'srv-b'", null));
		assertThat(found.path("@odata.count").asInt()).isEqualTo(2);
		// the CI collection holds its subtypes' records; pages of at most maxPageSize
		JsonNode page = json(send("GET", BO + "CIs?$top=10&$skip=2&$orderby=Name", null));
		assertThat(page.path("@odata.count").asInt()).isEqualTo(3);
		assertThat(page.path("value")).hasSize(1);
		assertThat(page.path("value").get(0).path("Name").asText()).isEqualTo("vm-c");

		HttpResponse<String> patched = send("PATCH", BO + "CI__Servers('" + a + "')",
				"{\"Owner\":\"bob\",\"PurchaseDate\":\"2024-06-01\"}");
		assertThat(patched.statusCode()).isEqualTo(200);
		assertThat(json(patched).path("Owner").asText()).isEqualTo("bob");
		assertThat(json(patched).path("PurchaseDate").asText()).isEqualTo("2024-06-01T00:00:00Z");
		assertThat(json(patched).path("Name").asText()).isEqualTo("srv-a");
	}

	@Test
	void invalidWritesAndFiltersAreRefusedWithTheReason() throws Exception {
		HttpResponse<String> noName = send("POST", BO + "CI__Servers", "{\"SerialNumber\":\"X\"}");
		assertThat(noName.statusCode()).isEqualTo(400);
		assertThat(json(noName).path("code").asText()).isEqualTo("ISM_4000");
		assertThat(noName.body()).contains("Required field 'Name' must be provided.");
		assertThat(send("POST", BO + "CI__Servers", "{\"Name\":\"x\",\"Status\":\"Live\"}").body())
			.contains("is not a valid value");
		assertThat(send("POST", BO + "CI__Servers", "{\"Name\":\"x\",\"PurchaseDate\":\"soon\"}").body())
			.contains("is not a valid date");
		assertThat(send("POST", BO + "CI__Servers", "{\"Name\":\"x\",\"Colour\":\"red\"}").body())
			.contains("Field 'Colour' does not exist");
		HttpResponse<String> parentheses = send("GET",
				BO + "CIs?$filter=(Name%20eq%20'a'%20or%20Name%20eq%20'b')%20and%20Status%20eq%20'x'", null);
		assertThat(parentheses.statusCode()).isEqualTo(400);
		assertThat(parentheses.body()).contains("Parentheses");
		assertThat(send("GET", BO + "CI__Routers", null).statusCode()).isEqualTo(404);
	}

	@Test
	void linksAreMadeThroughTheRelationshipAndReadBack() throws Exception {
		String a = create("CI__Servers", "srv-a", "SN-A");
		String b = create("CI__VirtualServers", "vm-b", "SN-B");
		HttpResponse<String> linked = send("PATCH", BO + "CI__Servers('" + a + "')/CIAssociatesCI('" + b + "')/$Ref",
				null);
		assertThat(linked.statusCode()).isEqualTo(200);
		assertThat(json(linked).path("message").get(0).asText()).isEqualTo("Successfully Created the link");
		// linking again keeps one link
		send("PATCH", BO + "CI__Servers('" + a + "')/CIAssociatesCI('" + b + "')/$Ref", null);
		JsonNode related = json(send("GET", BO + "CI__Servers('" + a + "')/CIAssociatesCI?$select=RecId", null));
		assertThat(related.path("@odata.count").asInt()).isEqualTo(1);
		assertThat(related.path("value").get(0).path("RecId").asText()).isEqualTo(b);
		assertThat(simulator.records().path("_links").get(0).path("relatedName").asText()).isEqualTo("vm-b");

		HttpResponse<String> missing = send("PATCH",
				BO + "CI__Servers('" + a + "')/CIAssociatesCI('0000000000000000000000000000ABCD')/$Ref", null);
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(missing.body()).contains("cannot be found in the related business object");
		assertThat(send("PATCH", BO + "CI__Servers('" + a + "')/CIRunsOnCI('" + b + "')/$Ref", null).statusCode())
			.isEqualTo(400);
		assertThat(send("DELETE", BO + "CI__Servers('" + a + "')/CIAssociatesCI('" + b + "')/$Ref", null).statusCode())
			.isEqualTo(200);
		assertThat(simulator.records().path("_links")).isEmpty();
	}

	@Test
	void metadataDescribesTheBusinessObjectWithInheritedFieldsAndRelationships() throws Exception {
		HttpResponse<String> metadata = send("GET", "/api/odata/CI__Servers/$metadata", null);
		assertThat(metadata.statusCode()).isEqualTo(200);
		assertThat(metadata.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
		assertThat(metadata.body()).contains("<EntityType Name=\"CI__Server\">")
			.contains("<Property Name=\"Name\" Type=\"Edm.String\" MaxLength=\"100\" Nullable=\"false\"/>")
			.contains("<Property Name=\"HostName\"")
			.contains("<Property Name=\"PurchaseDate\" Type=\"Edm.DateTimeOffset\"/>")
			.contains(
					"<NavigationProperty Name=\"CIAssociatesCI\" Type=\"Collection(Ivanti.Saas.BusinessObjects.CI)\"/>")
			.contains("<EntitySet Name=\"CI__Servers\"");
		assertThat(send("GET", "/api/odata/CI__MobileDevices/$metadata", null).body()).doesNotContain("HostName");
	}

	@Test
	void anEmptyResultCanBeNoContentAndSeededRecordsComeBackAfterAReset() throws Exception {
		IvantiSimulator quiet = IvantiSimulator.builder()
			.noContentWhenEmpty()
			.seed("CI__Servers", Map.of("Name", "seeded", "SerialNumber", "S-1"))
			.build();
		try (SimulatorServer other = SimulatorServer.start(quiet)) {
			HttpResponse<String> none = this.client
				.send(HttpRequest.newBuilder(URI.create(other.baseUrl() + BO + "CIs?$filter=Name%20eq%20'nothing'"))
					.header("Authorization", "rest_api_key=" + IvantiSimulator.DEFAULT_API_KEY)
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(none.statusCode()).isEqualTo(204);
			assertThat(quiet.records().path("CI__Servers")).hasSize(1);
			quiet.reset();
			assertThat(quiet.records().path("CI__Servers").get(0).path("Name").asText()).isEqualTo("seeded");
		}
	}

}
