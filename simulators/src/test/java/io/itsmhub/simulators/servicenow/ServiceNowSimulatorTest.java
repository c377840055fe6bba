package io.itsmhub.simulators.servicenow;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.simulators.SimHttp;
import io.itsmhub.simulators.core.Fault;
import io.itsmhub.simulators.core.RateLimitRule;
import io.itsmhub.simulators.core.RecordedRequest;
import io.itsmhub.simulators.http.SimulatorServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.itsmhub.simulators.SimHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceNowSimulatorTest {

	private static final Pattern SYS_ID = Pattern.compile("[0-9a-f]{32}");

	private static ServiceNowSimulator simulator;

	private static SimulatorServer server;

	private static SimHttp http;

	@BeforeAll
	static void start() {
		simulator = ServiceNowSimulator.builder()
			.basicUser("hub", "s3cret")
			.oauthClient("hub-client", "client-secret")
			.build();
		server = SimulatorServer.start(simulator);
		http = new SimHttp(server.baseUrl());
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@BeforeEach
	void reset() {
		simulator.reset();
		http.basic("hub", "s3cret");
	}

	static String server(String name, String serial, String ram) {
		return """
				{"className":"cmdb_ci_linux_server","values":{"name":"%s","serial_number":"%s","ram":"%s","owned_by":"alice.nguyen"},
				 "sys_object_source_info":{"source_name":"ITSMHub","source_native_key":"key-%s"}}"""
			.formatted(name, serial, ram, serial);
	}

	static JsonNode ire(String body) {
		HttpResponse<String> response = http.post("/api/now/identifyreconcile?sysparm_data_source=ITSMHub", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response).path("result");
	}

	@Nested
	class IdentificationAndReconciliation {

		@Test
		void insertThenUpdateThenNoChange() {
			JsonNode first = ire("{\"items\":[" + server("app-01", "SN-1", "8192") + "]}");
			JsonNode item = first.path("items").get(0);
			assertThat(item.path("operation").asText()).isEqualTo("INSERT");
			assertThat(item.path("errorCount").asInt()).isZero();
			String sysId = item.path("sysId").asText();
			assertThat(sysId).matches(SYS_ID);

			JsonNode second = ire("{\"items\":[" + server("app-01", "SN-1", "16384") + "]}");
			assertThat(second.path("items").get(0).path("operation").asText()).isEqualTo("UPDATE");
			assertThat(second.path("items").get(0).path("sysId").asText()).isEqualTo(sysId);

			JsonNode third = ire("{\"items\":[" + server("app-01", "SN-1", "16384") + "]}");
			assertThat(third.path("items").get(0).path("operation").asText()).isEqualTo("NO_CHANGE");

			JsonNode record = json(http.get("/api/now/table/cmdb_ci_linux_server/" + sysId)).path("result");
			assertThat(record.path("ram").asText()).isEqualTo("16384");
			assertThat(record.path("discovery_source").asText()).isEqualTo("ITSMHub");
			assertThat(record.path("sys_mod_count").asText()).isEqualTo("1");
			assertThat(record.path("owned_by").path("value").asText()).matches(SYS_ID);
			JsonNode sources = json(http.get("/api/now/table/sys_object_source?sysparm_query=id=key-SN-1"))
				.path("result");
			assertThat(sources).hasSize(1);
			assertThat(sources.get(0).path("target_sys_id").asText()).isEqualTo(sysId);
		}

		@Test
		void identifiesBySerialNumberAcrossTheHardwareFamilyAndUpgradesTheClass() {
			String generic = ire("""
					{"items":[{"className":"cmdb_ci_server","values":{"name":"old-name","serial_number":"SER-42"}}]}""")
				.path("items")
				.get(0)
				.path("sysId")
				.asText();
			JsonNode renamed = ire(
					"""
							{"items":[{"className":"cmdb_ci_linux_server","values":{"name":"new-name","serial_number":"ser-42"}}]}""")
				.path("items")
				.get(0);
			assertThat(renamed.path("operation").asText()).isEqualTo("UPDATE");
			assertThat(renamed.path("sysId").asText()).isEqualTo(generic);
			assertThat(renamed.path("identificationAttempts").get(0).path("attemptResult").asText())
				.isEqualTo("MATCHED");
			JsonNode record = json(http.get("/api/now/table/cmdb_ci/" + generic)).path("result");
			assertThat(record.path("sys_class_name").asText()).isEqualTo("cmdb_ci_linux_server");
			assertThat(record.path("name").asText()).isEqualTo("new-name");
		}

		@Test
		void identifiesBySerialInALookupAndFallsBackToName() {
			String sysId = ire(
					"""
							{"items":[{"className":"cmdb_ci_win_server","values":{"name":"win-01"},
							 "lookup":[{"className":"cmdb_serial_number","values":{"serial_number":"LK-1","serial_number_type":"system"}}]}]}""")
				.path("items")
				.get(0)
				.path("sysId")
				.asText();
			JsonNode byName = ire("""
					{"items":[{"className":"cmdb_ci_win_server","values":{"name":"win-01","os":"Windows 2022"}}]}""")
				.path("items")
				.get(0);
			assertThat(byName.path("sysId").asText()).isEqualTo(sysId);
			assertThat(byName.path("identificationAttempts").get(0).path("attemptResult").asText())
				.isEqualTo("SKIPPED");
			assertThat(byName.path("identificationAttempts").get(1).path("attemptResult").asText())
				.isEqualTo("MATCHED");
		}

		@Test
		void reportsItemErrorsInsideA200() {
			JsonNode result = ire("""
					{"items":[{"className":"cmdb_ci_linux_server","values":{"ip_address":"10.0.0.1"}},
					          {"className":"cmdb_ci_nope","values":{"name":"x"}},
					          {"className":"cmdb_ci_linux_server","values":{"name":"bad","ram":"lots"}}]}""");
			assertThat(result.path("items").get(0).path("errors").get(0).path("error").asText())
				.isEqualTo("MISSING_MATCHING_ATTRIBUTES");
			assertThat(result.path("items").get(1).path("errors").get(0).path("error").asText())
				.isEqualTo("INVALID_INPUT_DATA");
			assertThat(result.path("items").get(2).path("errors").get(0).path("message").asText()).contains("ram");
			assertThat(simulator.records().path("cmdb_ci_linux_server").isMissingNode()).isTrue();
		}

		@Test
		void rejectsAnUnknownDataSource() {
			HttpResponse<String> response = http.post("/api/now/identifyreconcile?sysparm_data_source=Nope",
					"{\"items\":[]}");
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(json(response).path("status").asText()).isEqualTo("failure");
			assertThat(json(response).path("error").path("message").asText()).contains("Nope");
		}

		@Test
		void writesRelationsWithTheTypeResolvedByName() {
			String payload = """
					{"items":[{"className":"cmdb_ci_appl","internal_id":"app","values":{"name":"billing"}},
					          %s],
					 "relations":[{"parent_id":"app","child":1,"type":"Runs on::Runs"},
					              {"parent":0,"child":1,"type":"No such::Type"}]}"""
				.formatted(server("app-01", "SN-1", "8"));
			JsonNode result = http
				.post("/api/now/identifyreconcile/enhanced?sysparm_data_source=ITSMHub&options=partial_commits:true",
						payload)
				.body()
				.transform(SimHttpJson::parse)
				.path("result");
			assertThat(result.path("relations").get(0).path("operation").asText()).isEqualTo("INSERT");
			assertThat(result.path("relations").get(1).path("errorCount").asInt()).isEqualTo(1);
			String app = result.path("items").get(0).path("sysId").asText();
			String srv = result.path("items").get(1).path("sysId").asText();

			JsonNode types = json(http.get("/api/now/table/cmdb_rel_type?sysparm_query=name=Runs on::Runs"))
				.path("result");
			String runsOn = types.get(0).path("sys_id").asText();
			JsonNode rels = json(http
				.get("/api/now/table/cmdb_rel_ci?sysparm_query=parent=" + app + "&sysparm_exclude_reference_link=true"))
				.path("result");
			assertThat(rels).hasSize(1);
			assertThat(rels.get(0).path("child").asText()).isEqualTo(srv);
			assertThat(rels.get(0).path("type").asText()).isEqualTo(runsOn);

			JsonNode again = ire(payload).path("relations").get(0);
			assertThat(again.path("operation").asText()).isEqualTo("NO_CHANGE");
		}

		@Test
		void queryVariantIdentifiesWithoutWriting() {
			JsonNode result = http
				.post("/api/now/identifyreconcile/query", "{\"items\":[" + server("a", "Q-1", "1") + "]}")
				.body()
				.transform(SimHttpJson::parse)
				.path("result");
			assertThat(result.path("items").get(0).path("operation").asText()).isEqualTo("INSERT");
			assertThat(simulator.records().path("cmdb_ci_linux_server").isMissingNode()).isTrue();
		}

	}

	@Nested
	class TableApi {

		@Test
		void pagesToTheLastPageFollowingLinkHeaders() {
			for (int i = 0; i < 23; i++) {
				assertThat(http
					.post("/api/now/table/alm_hardware",
							"{\"asset_tag\":\"P%04d\",\"serial_number\":\"S%d\",\"cost\":\"10.5\"}".formatted(i, i))
					.statusCode()).isEqualTo(201);
			}
			String next = "/api/now/table/alm_hardware?sysparm_query=asset_tagSTARTSWITHP^ORDERBYasset_tag&sysparm_limit=10&sysparm_fields=asset_tag,sys_id";
			List<String> tags = new ArrayList<>();
			int pages = 0;
			while (next != null) {
				HttpResponse<String> page = http.get(next);
				assertThat(page.statusCode()).isEqualTo(200);
				assertThat(page.headers().firstValue("X-Total-Count")).hasValue("23");
				json(page).path("result").forEach((r) -> tags.add(r.path("asset_tag").asText()));
				assertThat(json(page).path("result").get(0).size()).isEqualTo(2);
				String link = page.headers().firstValue("Link").orElseThrow();
				assertThat(link).contains("rel=\"first\"").contains("rel=\"last\"");
				Matcher matcher = Pattern.compile("<([^>]+)>;rel=\"next\"").matcher(link);
				next = matcher.find() ? matcher.group(1).substring(server.baseUrl().length()) : null;
				pages++;
			}
			assertThat(pages).isEqualTo(3);
			assertThat(tags).hasSize(23).isSorted().startsWith("P0000").endsWith("P0022");
		}

		@Test
		void supportsOrAndInAndDotWalking() {
			String ci = json(
					http.post("/api/now/table/cmdb_ci_linux_server", "{\"name\":\"lnx\",\"serial_number\":\"A1\"}"))
				.path("result")
				.path("sys_id")
				.asText();
			http.post("/api/now/table/cmdb_ci_win_server", "{\"name\":\"win\",\"serial_number\":\"B2\"}");
			http.post("/api/now/table/cmdb_ci_netgear", "{\"name\":\"sw\",\"serial_number\":\"C3\"}");
			http.post("/api/now/table/alm_hardware", "{\"asset_tag\":\"T1\",\"ci\":\"" + ci + "\"}");
			assertThat(
					json(http.get("/api/now/table/cmdb_ci_hardware?sysparm_query=serial_number=A1^ORserial_number=C3"))
						.path("result"))
				.hasSize(2);
			assertThat(json(http.get("/api/now/table/cmdb_ci_server?sysparm_query=serial_numberINA1,B2,C3"))
				.path("result")).hasSize(2);
			assertThat(json(http.get("/api/now/table/cmdb_ci?sysparm_query=serial_number=A1^name=win")).path("result"))
				.isEmpty();
			// IN and OR-runs on indexed columns come from the index: same answers as a
			// scan
			assertThat(json(http.get("/api/now/table/cmdb_ci_hardware?sysparm_query=serial_numberINa1,C3^ORnameINwin"))
				.path("result")).hasSize(3);
			assertThat(json(http.get("/api/now/table/cmdb_ci_hardware?sysparm_query=serial_numberINA1,C3^name=sw"))
				.path("result")).hasSize(1);
			assertThat(json(http
				.get("/api/now/table/cmdb_ci_hardware?sysparm_query=serial_numberINA1,A1,C3^ORserial_number=a1"))
				.path("result")).hasSize(2);
			JsonNode asset = json(http
				.get("/api/now/table/alm_hardware?sysparm_query=ci.serial_number=A1&sysparm_display_value=true"))
				.path("result");
			assertThat(asset).hasSize(1);
			assertThat(asset.get(0).path("ci").asText()).isEqualTo("lnx");
		}

		@Test
		void validatesRequiredFieldsTypesAndReferences() {
			HttpResponse<String> missing = http.post("/api/now/table/cmdb_ci_linux_server",
					"{\"serial_number\":\"X\"}");
			assertThat(missing.statusCode()).isEqualTo(403);
			assertThat(json(missing).path("error").path("detail").asText()).contains("mandatory").contains("Name");
			HttpResponse<String> badDate = http.post("/api/now/table/alm_hardware",
					"{\"purchase_date\":\"01/02/2024\"}");
			assertThat(badDate.statusCode()).isEqualTo(400);
			assertThat(json(badDate).path("error").path("message").asText()).contains("purchase_date");
			HttpResponse<String> badRef = http.post("/api/now/table/alm_hardware", "{\"cost_center\":\"CC-9999\"}");
			assertThat(badRef.statusCode()).isEqualTo(400);
			HttpResponse<String> goodRef = http.post("/api/now/table/alm_hardware",
					"{\"cost_center\":\"CC-2000\",\"owned_by\":\"bob.smith@example.com\",\"purchase_date\":\"2024-03-01\"}");
			assertThat(goodRef.statusCode()).isEqualTo(201);
			assertThat(json(goodRef).path("result").path("cost_center").path("link").asText())
				.startsWith(server.baseUrl() + "/api/now/table/cmn_cost_center/");
			assertThat(http.get("/api/now/table/no_such_table").statusCode()).isEqualTo(400);
			assertThat(http.get("/api/now/table/alm_hardware/0123456789abcdef0123456789abcdef").statusCode())
				.isEqualTo(404);
		}

		@Test
		void updatesAndDeletes() {
			String id = json(
					http.post("/api/now/table/alm_hardware", "{\"asset_tag\":\"U1\",\"install_status\":\"1\"}"))
				.path("result")
				.path("sys_id")
				.asText();
			JsonNode patched = json(http.patch("/api/now/table/alm_hardware/" + id, "{\"install_status\":\"7\"}"))
				.path("result");
			assertThat(patched.path("install_status").asText()).isEqualTo("7");
			assertThat(http.put("/api/now/table/alm_hardware/" + id, "{\"substatus\":\"disposed\"}").statusCode())
				.isEqualTo(200);
			assertThat(http.post("/api/now/table/alm_hardware", "{\"sys_id\":\"" + id + "\"}").statusCode())
				.isEqualTo(403);
			assertThat(http.delete("/api/now/table/alm_hardware/" + id).statusCode()).isEqualTo(204);
			assertThat(http.get("/api/now/table/alm_hardware/" + id).statusCode()).isEqualTo(404);
		}

		@Test
		void exposesAFieldCatalogInSysDictionary() {
			JsonNode entries = json(http.get(
					"/api/now/table/sys_dictionary?sysparm_query=nameINcmdb_ci,cmdb_ci_hardware,cmdb_ci_computer,cmdb_ci_server,cmdb_ci_linux_server&sysparm_fields=name,element,internal_type,reference,mandatory"))
				.path("result");
			List<String> elements = new ArrayList<>();
			entries.forEach((e) -> elements.add(e.path("element").asText()));
			assertThat(elements).contains("serial_number", "ram", "cpu_count", "owned_by", "kernel_release");
			JsonNode table = json(http.get("/api/now/table/sys_db_object?sysparm_query=name=cmdb_ci_linux_server"))
				.path("result")
				.get(0);
			assertThat(table.path("super_class").path("value").asText()).matches(SYS_ID);
			for (String name : List.of("cmdb_ci_server", "cmdb_ci_win_server", "cmdb_ci_vm_instance",
					"cmdb_ci_computer", "cmdb_ci_netgear", "cmdb_ci_storage_device", "cmdb_ci_appl", "cmdb_ci_database",
					"cmdb_ci_service", "alm_hardware", "cmdb_rel_ci")) {
				assertThat(json(http.get("/api/now/table/sys_dictionary?sysparm_query=name=" + name)).path("result"))
					.as(name)
					.isNotEmpty();
			}
			assertThat(json(http.get("/api/now/table/cmdb_rel_type?sysparm_fields=name")).path("result").toString())
				.contains("Runs on::Runs", "Depends on::Used by", "Hosted on::Hosts", "Connects to::Connected by",
						"Members::Member of", "Contains::Contained by");
		}

	}

	@Nested
	class BatchApi {

		@Test
		void runsBase64EncodedRequests() {
			String id = json(http.post("/api/now/table/alm_hardware", "{\"asset_tag\":\"B1\"}")).path("result")
				.path("sys_id")
				.asText();
			String body = """
					{"batch_request_id":"b1","rest_requests":[
					 {"id":"1","method":"PATCH","url":"/api/now/table/alm_hardware/%s","headers":[{"name":"Content-Type","value":"application/json"}],"body":"%s"},
					 {"id":"2","method":"POST","url":"/api/now/v1/table/alm_hardware?sysparm_fields=asset_tag","body":"%s"},
					 {"id":"3","method":"PATCH","url":"/api/now/table/alm_hardware/%s","body":"%s"}]}"""
				.formatted(id, b64("{\"cost\":\"99.90\"}"), b64("{\"asset_tag\":\"B2\"}"), id,
						b64("{\"purchase_date\":\"soon\"}"));
			JsonNode result = json(http.post("/api/now/v1/batch", body));
			assertThat(result.path("batch_request_id").asText()).isEqualTo("b1");
			JsonNode serviced = result.path("serviced_requests");
			assertThat(serviced).hasSize(3);
			assertThat(serviced.get(0).path("status_code").asInt()).isEqualTo(200);
			assertThat(serviced.get(1).path("status_code").asInt()).isEqualTo(201);
			assertThat(decode(serviced.get(1).path("body").asText())).contains("\"asset_tag\":\"B2\"");
			assertThat(serviced.get(2).path("status_code").asInt()).isEqualTo(400);
			assertThat(json(http.get("/api/now/table/alm_hardware/" + id)).path("result").path("cost").asText())
				.isEqualTo("99.90");
		}

	}

	@Nested
	class Authentication {

		@Test
		void answers401WithoutOrWithWrongCredentials() {
			HttpResponse<String> none = http.anonymous().get("/api/now/table/cmdb_ci");
			assertThat(none.statusCode()).isEqualTo(401);
			assertThat(json(none).path("error").path("message").asText()).isEqualTo("User Not Authenticated");
			assertThat(http.basic("hub", "wrong").get("/api/now/table/cmdb_ci").statusCode()).isEqualTo(401);
			assertThat(http.bearer("forged").get("/api/now/table/cmdb_ci").statusCode()).isEqualTo(401);
		}

		@Test
		void issuesClientCredentialsTokens() {
			http.anonymous();
			HttpResponse<String> denied = http.form("/oauth_token.do",
					"grant_type=client_credentials&client_id=hub-client&client_secret=nope");
			assertThat(denied.statusCode()).isEqualTo(401);
			HttpResponse<String> granted = http.form("/oauth_token.do",
					"grant_type=client_credentials&client_id=hub-client&client_secret=client-secret");
			assertThat(granted.statusCode()).isEqualTo(200);
			assertThat(json(granted).path("token_type").asText()).isEqualTo("Bearer");
			assertThat(json(granted).path("expires_in").asLong()).isEqualTo(1799);
			http.bearer(json(granted).path("access_token").asText());
			assertThat(http.get("/api/now/table/cmdb_ci?sysparm_limit=1").statusCode()).isEqualTo(200);
			simulator.revokeTokens();
			assertThat(http.get("/api/now/table/cmdb_ci?sysparm_limit=1").statusCode()).isEqualTo(401);
			RecordedRequest tokenRequest = simulator.recordedRequests()
				.stream()
				.filter((r) -> r.path().equals("/oauth_token.do"))
				.findFirst()
				.orElseThrow();
			assertThat(tokenRequest.body()).contains("client_secret=***").doesNotContain("nope");
		}

	}

	@Nested
	class LimitsAndFaults {

		@Test
		void answers429WithRetryAfterOverTheLimit() {
			simulator.setRateLimits(List.of(RateLimitRule.path("/api/now/table", "GET", 2, Duration.ofMinutes(1))));
			assertThat(http.get("/api/now/table/cmdb_ci?sysparm_limit=1").statusCode()).isEqualTo(200);
			assertThat(http.get("/api/now/table/cmdb_ci?sysparm_limit=1").statusCode()).isEqualTo(200);
			HttpResponse<String> limited = http.get("/api/now/table/cmdb_ci?sysparm_limit=1");
			assertThat(limited.statusCode()).isEqualTo(429);
			assertThat(limited.headers().firstValue("Retry-After").map(Long::parseLong).orElseThrow()).isBetween(1L,
					60L);
			assertThat(json(limited).path("error").path("message").asText()).isEqualTo("Rate limit exceeded");
			assertThat(http.post("/api/now/table/alm_hardware", "{}").statusCode()).isEqualTo(201);
		}

		@Test
		void injectsStatusFaultsThroughTheSimEndpoint() {
			HttpResponse<String> armed = http.post("/_sim/faults",
					"{\"status\":503,\"retryAfterSeconds\":7,\"times\":2,\"pathPrefix\":\"/api/now/identifyreconcile\"}");
			assertThat(armed.statusCode()).isEqualTo(201);
			assertThat(http.get("/api/now/table/cmdb_ci?sysparm_limit=1").statusCode()).isEqualTo(200);
			HttpResponse<String> first = http.post("/api/now/identifyreconcile", "{\"items\":[]}");
			assertThat(first.statusCode()).isEqualTo(503);
			assertThat(first.headers().firstValue("Retry-After")).hasValue("7");
			assertThat(json(first).path("status").asText()).isEqualTo("failure");
			assertThat(http.post("/api/now/identifyreconcile", "{\"items\":[]}").statusCode()).isEqualTo(503);
			assertThat(http.post("/api/now/identifyreconcile", "{\"items\":[]}").statusCode()).isEqualTo(200);
		}

		@Test
		void losesTheResponseAfterCommittingTheWrite() {
			simulator.injectFault(Fault.loseResponseAfterCommit().matching("/api/now/identifyreconcile", "POST"));
			assertThatThrownBy(() -> http.sendOrThrow("POST", "/api/now/identifyreconcile?sysparm_data_source=ITSMHub",
					"{\"items\":[" + server("lost-01", "LOST-1", "1") + "]}", "application/json"))
				.isInstanceOf(IOException.class);
			// The write happened: a retry is identified as the same CI, not a duplicate.
			assertThat(ire("{\"items\":[" + server("lost-01", "LOST-1", "1") + "]}").path("items")
				.get(0)
				.path("operation")
				.asText()).isEqualTo("NO_CHANGE");
			assertThat(simulator.records().path("cmdb_ci_linux_server")).hasSize(1);
			assertThat(simulator.recordedRequests().get(0).status()).isZero();
			assertThat(simulator.recordedRequests().get(0).fault()).startsWith("lostResponseAfterCommit");
		}

		@Test
		void losesTheResponseWithA500WhenAsked() {
			http.post("/_sim/faults", "{\"lostResponseAfterCommit\":true,\"lostResponseStatus\":500}");
			HttpResponse<String> response = http.post("/api/now/table/alm_hardware", "{\"asset_tag\":\"L5\"}");
			assertThat(response.statusCode()).isEqualTo(500);
			assertThat(json(http.get("/api/now/table/alm_hardware?sysparm_query=asset_tag=L5")).path("result"))
				.hasSize(1);
		}

		@Test
		void resetsConnectionsAndTruncatesBodies() {
			// Twice: the JDK client silently retries an idempotent GET once.
			simulator.injectFault(Fault.resetConnection().times(2));
			assertThatThrownBy(() -> http.sendOrThrow("GET", "/api/now/table/cmdb_ci", null, null))
				.isInstanceOf(IOException.class);
			simulator.injectFault(Fault.truncateBody());
			HttpResponse<String> truncated = http.get("/api/now/table/cmdb_rel_type");
			assertThat(truncated.statusCode()).isEqualTo(200);
			assertThatThrownBy(() -> json(truncated)).isInstanceOf(RuntimeException.class);
			assertThat(http.get("/api/now/table/cmdb_rel_type").statusCode()).isEqualTo(200);
		}

		@Test
		void appliesAFaultToAShareOfRequests() {
			http.post("/_sim/faults", "{\"status\":500,\"share\":0.5,\"pathPrefix\":\"api/now/table/cmdb_ci\"}");
			List<Integer> statuses = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				statuses.add(http.get("/api/now/table/cmdb_ci?sysparm_limit=1").statusCode());
			}
			assertThat(statuses).containsExactly(200, 500, 200, 500, 200, 500);
			assertThat(http.delete("/_sim/faults").statusCode()).isEqualTo(204);
			assertThat(http.get("/api/now/table/cmdb_ci?sysparm_limit=1").statusCode()).isEqualTo(200);
		}

		@Test
		void delaysRequests() {
			simulator.injectFault(Fault.delay(150));
			long started = System.nanoTime();
			assertThat(http.get("/api/now/table/cmdb_ci?sysparm_limit=1").statusCode()).isEqualTo(200);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
		}

	}

	@Nested
	class Inspection {

		@Test
		void recordsRequestsWithAuthorizationRedactedAndShowsRecords() {
			http.post("/api/now/table/alm_hardware", "{\"asset_tag\":\"I1\"}");
			JsonNode requests = json(http.get("/_sim/requests"));
			assertThat(requests).hasSize(1);
			JsonNode recorded = requests.get(0);
			assertThat(recorded.path("method").asText()).isEqualTo("POST");
			assertThat(recorded.path("path").asText()).isEqualTo("/api/now/table/alm_hardware");
			assertThat(recorded.path("headers").path("authorization").get(0).asText()).isEqualTo("Basic ***");
			assertThat(recorded.path("body").asText()).contains("I1");
			assertThat(recorded.path("status").asInt()).isEqualTo(201);
			JsonNode records = json(http.get("/_sim/records?table=alm_asset"));
			assertThat(records.path("alm_hardware")).hasSize(1);
			assertThat(http.delete("/_sim/requests").statusCode()).isEqualTo(204);
			assertThat(json(http.get("/_sim/requests"))).isEmpty();
			assertThat(http.post("/_sim/reset", "").statusCode()).isEqualTo(204);
			assertThat(json(http.get("/_sim/records?table=alm_asset")).size()).isZero();
		}

	}

	private static String b64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String decode(String text) {
		return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
	}

	private static final class SimHttpJson {

		static JsonNode parse(String body) {
			try {
				return io.itsmhub.simulators.core.Json.MAPPER.readTree(body);
			}
			catch (IOException ex) {
				throw new IllegalStateException(body, ex);
			}
		}

	}

}
