package io.itsmhub.simulators.freshservice;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.simulators.SimHttp;
import io.itsmhub.simulators.core.Json;
import io.itsmhub.simulators.http.SimulatorServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Freshservice simulator answers as the API v2 documentation describes. */
class FreshserviceSimulatorTest {

	SimulatorServer server;

	SimHttp http;

	@BeforeEach
	void start() {
		this.server = SimulatorServer.start(FreshserviceSimulator.builder()
			.seed("requesters", Map.of("primary_email", "jane.doe@example.com"))
			.build());
		this.http = new SimHttp(this.server.baseUrl()).basic("fs-api-key", "X");
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void theApiKeyIsTheBasicUserWithXAsPassword() {
		assertThat(this.http.get("/api/v2/asset_types").statusCode()).isEqualTo(200);
		HttpResponse<String> refused = new SimHttp(this.server.baseUrl()).basic("fs-api-key", "secret")
			.get("/api/v2/asset_types");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).contains("access_denied");
	}

	@Test
	void typeFieldsCarryTheIdOfTheTypeThatDefinesThem() {
		JsonNode groups = json(this.http.get("/api/v2/asset_types/27/fields")).path("asset_type_fields");
		assertThat(groups).extracting((group) -> group.path("field_header").asText())
			.containsExactly("Hardware", "Computer", "Server");
		assertThat(groups.get(0).path("fields").toString()).contains("serial_number_25");
		assertThat(groups.get(1).path("fields").toString()).contains("os_26");

		HttpResponse<String> created = this.http.post("/api/v2/assets", """
				{"name": "srv-1", "asset_type_id": 27, "user_id": 1,
				 "type_fields": {"serial_number_25": "SN1", "os_26": "Linux", "acquisition_date_25": "2024-03-01"}}""");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(json(created).at("/asset/display_id").asLong()).isEqualTo(1);

		HttpResponse<String> wrongSuffix = this.http.post("/api/v2/assets", """
				{"name": "srv-2", "asset_type_id": 27, "type_fields": {"serial_number_27": "SN2"}}""");
		assertThat(wrongSuffix.statusCode()).isEqualTo(400);
		assertThat(json(wrongSuffix).path("errors").get(0).path("field").asText()).isEqualTo("serial_number_27");
	}

	@Test
	void validationErrorsNameEveryField() {
		HttpResponse<String> refused = this.http.post("/api/v2/assets", """
				{"asset_type_id": 27, "user_id": 99, "impact": "huge",
				 "type_fields": {"acquisition_date_25": "1st of March", "cost_25": "cheap"}}""");
		assertThat(refused.statusCode()).isEqualTo(400);
		JsonNode body = json(refused);
		assertThat(body.path("description").asText()).isEqualTo("Validation failed");
		assertThat(body.path("errors")).extracting((error) -> error.path("field").asText())
			.containsExactlyInAnyOrder("name", "user_id", "impact", "acquisition_date_25", "cost_25");
		assertThat(json(this.http.get("/_sim/records")).path("assets")).isEmpty();
	}

	@Test
	void theFilterQueryMatchesTypeFieldsByTheirPlainNameThirtyAPage() {
		for (int i = 0; i < 35; i++) {
			this.http.post("/api/v2/assets", "{\"name\": \"srv-" + i + "\", \"asset_type_id\": 27, \"asset_tag\": \"P"
					+ i + "\", \"type_fields\": {\"serial_number_25\": \"SN" + i + "\"}}");
		}
		JsonNode one = json(this.http.get("/api/v2/assets?filter=" + encode("\"serial_number:'sn3' OR asset_tag:'P4'\"")
				+ "&include=type_fields"));
		assertThat(one.path("assets")).extracting((asset) -> asset.path("name").asText())
			.containsExactly("srv-3", "srv-4");
		assertThat(one.path("assets").get(0).path("type_fields").path("serial_number_25").asText()).isEqualTo("SN3");
		String all = "\"asset_type_id:27\"";
		assertThat(json(this.http.get("/api/v2/assets?filter=" + encode(all))).path("assets")).hasSize(30);
		assertThat(json(this.http.get("/api/v2/assets?page=2&filter=" + encode(all))).path("assets")).hasSize(5);
		HttpResponse<String> tooLong = this.http
			.get("/api/v2/assets?filter=" + encode("\"name:'" + "x".repeat(600) + "'\""));
		assertThat(tooLong.statusCode()).isEqualTo(400);
	}

	@Test
	void relationshipsAreCreatedByABulkJobOnceEach() {
		this.http.post("/api/v2/assets", "{\"name\": \"vm-1\", \"asset_type_id\": 28}");
		this.http.post("/api/v2/assets", "{\"name\": \"srv-1\", \"asset_type_id\": 27}");
		String bulk = """
				{"relationships": [{"relationship_type_id": 3, "primary_id": 1, "primary_type": "asset",
				  "secondary_id": 2, "secondary_type": "asset"}]}""";
		HttpResponse<String> started = this.http.post("/api/v2/relationships/bulk-create", bulk);
		assertThat(started.statusCode()).isEqualTo(202);
		JsonNode job = json(this.http.get("/api/v2/jobs/" + json(started).path("job_id").asText()));
		assertThat(job.path("status").asText()).isEqualTo("success");
		assertThat(job.path("relationships").get(0).path("success").asBoolean()).isTrue();
		JsonNode again = json(this.http.get("/api/v2/jobs/"
				+ json(this.http.post("/api/v2/relationships/bulk-create", bulk)).path("job_id").asText()));
		assertThat(again.path("relationships").get(0).path("error").asText()).contains("already exists");
		assertThat(json(this.http.get("/api/v2/assets/1/relationships")).path("relationships")).hasSize(1);
	}

	private static JsonNode json(HttpResponse<String> response) {
		return Json.parse(response.body().getBytes(StandardCharsets.UTF_8));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
