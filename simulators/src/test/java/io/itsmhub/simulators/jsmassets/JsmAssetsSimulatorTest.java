package io.itsmhub.simulators.jsmassets;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.simulators.SimHttp;
import io.itsmhub.simulators.core.Fault;
import io.itsmhub.simulators.core.RateLimitRule;
import io.itsmhub.simulators.http.SimulatorServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.itsmhub.simulators.SimHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsmAssetsSimulatorTest {

	private static JsmAssetsSimulator simulator;

	private static SimulatorServer server;

	private static SimHttp http;

	private static String api;

	private AssetsTestClient assets;

	@BeforeAll
	static void start() {
		simulator = JsmAssetsSimulator.builder().basicUser("hub@example.com", "tok3n").bearerToken("pat-123").build();
		server = SimulatorServer.start(simulator);
		http = new SimHttp(server.baseUrl());
		api = simulator.apiPrefix();
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@BeforeEach
	void reset() {
		simulator.reset();
		http.basic("hub@example.com", "tok3n");
		this.assets = new AssetsTestClient(http, api);
	}

	@AfterEach
	void collectTraffic() {
		JsmRecordedTraffic.addAll(simulator.recordedRequests());
	}

	@Nested
	class Discovery {

		@Test
		void discoversTheWorkspaceSchemaTypesAndAttributes() {
			JsonNode workspaces = json(http.get("/rest/servicedeskapi/assets/workspace"));
			assertThat(workspaces.path("values").get(0).path("workspaceId").asText())
				.isEqualTo(simulator.workspaceId());
			JsonNode schemas = json(http.get(api + "/objectschema/list"));
			assertThat(schemas.path("values").get(0).path("objectSchemaKey").asText()).isEqualTo("ITSM");
			assertThat(schemas.path("isLast").asBoolean()).isTrue();
			List<String> names = new ArrayList<>();
			json(http.get(api + "/objectschema/1/objecttypes/flat")).forEach((t) -> names.add(t.path("name").asText()));
			assertThat(names).contains("Server", "Virtual Machine", "Laptop", "Network Device", "Storage Device",
					"Application", "Database", "Business Service", "Location");
			List<String> attributes = new ArrayList<>();
			json(http.get(api + "/objecttype/" + assets.typeId("Server") + "/attributes"))
				.forEach((a) -> attributes.add(a.path("name").asText()));
			assertThat(attributes).contains("Key", "Name", "Serial Number", "Asset Tag", "Hostname", "Owner",
					"Cost Center", "Status", "Location", "Purchase Date", "Warranty Expiry", "Cost");
			assertThat(
					json(http.get(api + "/objecttype/" + assets.typeId("Virtual Machine") + "/attributes")).toString())
				.contains("\"name\":\"Hosted on\"")
				.contains("\"referenceObjectTypeId\"");
			assertThat(json(http.get(api + "/objectschema/1/attributes")).size()).isGreaterThan(50);
			assertThat(json(http.get(api + "/config/statustype")).toString()).contains("Retired");
			assertThat(json(http.get(api + "/config/referencetype")).toString()).contains("Runs on");
		}

	}

	@Nested
	class Objects {

		@Test
		void createsReadsAndUpdatesObjects() {
			JsonNode created = assets.create("Server", "Name", "srv-web-01", "Serial Number", "SN-1", "Purchase Date",
					"2024-03-01", "Cost", "1499.00", "Owner", simulator.accountId("alice@example.com"), "Cost Center",
					"CC-1000");
			String id = created.path("id").asText();
			assertThat(created.path("objectKey").asText()).isEqualTo("ITSM-" + id);
			assertThat(created.path("label").asText()).isEqualTo("srv-web-01");
			assertThat(created.has("attributes")).isFalse();

			HttpResponse<String> put = http.put(api + "/object/" + id,
					assets.objectIn("Server", "Cost Center", "CC-2000", "Warranty Expiry", "2027-03-01"));
			assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
			JsonNode read = json(http.get(api + "/object/" + id));
			String costCenter = assets.attributeId("Server", "Cost Center");
			String serial = assets.attributeId("Server", "Serial Number");
			assertThat(valueOf(read, costCenter)).isEqualTo("CC-2000");
			assertThat(valueOf(read, serial)).isEqualTo("SN-1");
			assertThat(read.path("attributes").get(0).has("objectTypeAttribute")).isTrue();
			assertThat(http.get(api + "/object/9999").statusCode()).isEqualTo(404);
			assertThat(http.delete(api + "/object/" + id).statusCode()).isEqualTo(204);
			assertThat(http.get(api + "/object/" + id).statusCode()).isEqualTo(404);
		}

		@Test
		void validatesRequiredTypedSelectAndUniqueAttributes() {
			HttpResponse<String> noName = http.post(api + "/object/create",
					assets.objectIn("Server", "Serial Number", "X"));
			assertThat(noName.statusCode()).isEqualTo(400);
			assertThat(
					json(noName).path("errors").has("rlabs-insight-attribute-" + assets.attributeId("Server", "Name")))
				.isTrue();
			HttpResponse<String> badDate = http.post(api + "/object/create",
					assets.objectIn("Server", "Name", "a", "Purchase Date", "01/03/2024"));
			assertThat(badDate.statusCode()).isEqualTo(400);
			assertThat(json(badDate).toString()).contains("ISO 8601");
			assertThat(http
				.post(api + "/object/create",
						assets.objectIn("Virtual Machine", "Name", "vm", "Cloud Provider", "Oracle Cloud"))
				.statusCode()).isEqualTo(400);
			assets.create("Server", "Name", "one", "Serial Number", "DUP-1");
			HttpResponse<String> duplicate = http.post(api + "/object/create",
					assets.objectIn("Server", "Name", "two", "Serial Number", "DUP-1"));
			assertThat(duplicate.statusCode()).isEqualTo(400);
			assertThat(json(duplicate).toString()).contains("not unique");
			HttpResponse<String> abstractType = http.post(api + "/object/create",
					assets.objectIn("Compute", "Name", "x"));
			assertThat(abstractType.statusCode()).isEqualTo(400);
			assertThat(http.post(api + "/object/create", "{\"attributes\":[]}").statusCode()).isEqualTo(400);
		}

		@Test
		void userAttributesTakeTheAccountIdTheUserSearchFinds() {
			JsonNode found = json(http.get("/rest/api/3/user/search?query=max.mustermann%40example.com"));
			assertThat(found).hasSize(1);
			String accountId = found.get(0).path("accountId").asText();
			assertThat(accountId).isEqualTo(simulator.accountId("max.mustermann@example.com")).startsWith("712020:");
			assertThat(found.get(0).path("emailAddress").asText()).isEqualTo("max.mustermann@example.com");
			assertThat(json(http.get("/rest/api/3/user/search?query=nobody%40example.com"))).isEmpty();
			assertThat(http.get("/rest/api/3/user/search").statusCode()).isEqualTo(400);

			HttpResponse<String> byEmail = http.post(api + "/object/create",
					assets.objectIn("Server", "Name", "srv-1", "Owner", "max.mustermann@example.com"));
			assertThat(byEmail.statusCode()).isEqualTo(400);
			assertThat(byEmail.body()).contains("No user found with accountId max.mustermann@example.com");
			JsonNode created = assets.create("Server", "Name", "srv-2", "Owner", accountId);
			JsonNode owner = attribute(json(http.get(api + "/object/" + created.path("id").asText())),
					assets.attributeId("Server", "Owner"))
				.path("objectAttributeValues")
				.get(0);
			assertThat(owner.path("value").asText()).isEqualTo(accountId);
			assertThat(owner.path("user").path("emailAddress").asText()).isEqualTo("max.mustermann@example.com");
			// the inspection snapshot shows the account by its email, as statuses by name
			assertThat(simulator.records().path("Server").get(0).path("attributes").path("Owner").get(0).asText())
				.isEqualTo("max.mustermann@example.com");
		}

		@Test
		void aReferenceToTheRootTypeTakesAnyOfItsChildren() {
			String server = assets.create("Server", "Name", "db-1", "Serial Number", "S-1").path("objectKey").asText();
			String san = assets.create("Storage Device", "Name", "san-1").path("objectKey").asText();
			assets.create("Network Device", "Name", "sw-1", "Connects to", server + "|" + san);
			assets.create("Application", "Name", "billing", "Depends on", server);
			// an object reference needs its reference type (additionalValue), as the
			// specification says
			String root = assets.typeId("IT Asset");
			assertThat(http
				.post(api + "/objecttypeattribute/" + assets.typeId("Server"),
						"{\"name\":\"Depends on\",\"type\":1,\"typeValue\":\"" + root + "\"}")
				.statusCode()).isEqualTo(400);
			assertThat(http.post(api + "/objecttypeattribute/" + assets
				.typeId("Server"), "{\"name\":\"Depends on\",\"type\":1,\"typeValue\":\"" + root
						+ "\",\"additionalValue\":\"1\",\"includeChildObjectTypes\":true,\"maximumCardinality\":-1}")
				.statusCode()).isEqualTo(201);
			new AssetsTestClient(http, api).create("Server", "Name", "app-1", "Depends on", san + "|" + server);
			assertThat(http.post(api + "/object/create",
					assets.objectIn("Application", "Name", "x", "Depends on",
							assets.create("Location", "Name", "FRA").path("objectKey").asText()))
				.statusCode()).isEqualTo(400);
		}

		@Test
		void linksObjectsThroughReferenceAttributes() {
			String host = assets.create("Server", "Name", "esx-07", "Serial Number", "VMW-4411")
				.path("objectKey")
				.asText();
			JsonNode vm = assets.create("Virtual Machine", "Name", "app-vm-01", "Hosted on", host);
			String vmKey = vm.path("objectKey").asText();
			String app = assets.create("Application", "Name", "billing", "Runs on", vmKey + "|" + host)
				.path("id")
				.asText();
			JsonNode read = json(http.get(api + "/object/" + vm.path("id").asText()));
			JsonNode hostedOn = attribute(read, assets.attributeId("Virtual Machine", "Hosted on"));
			assertThat(
					hostedOn.path("objectAttributeValues").get(0).path("referencedObject").path("objectKey").asText())
				.isEqualTo(host);
			assertThat(attribute(json(http.get(api + "/object/" + app)), assets.attributeId("Application", "Runs on"))
				.path("objectAttributeValues")).hasSize(2);
			assertThat(assets.aql("\"Hosted on\" = " + host, 0, 25).path("values")).hasSize(1);
			HttpResponse<String> wrongType = http.post(api + "/object/create",
					assets.objectIn("Virtual Machine", "Name", "vm-2", "Hosted on", vmKey));
			assertThat(wrongType.statusCode()).isEqualTo(400);
			assertThat(http
				.post(api + "/object/create",
						assets.objectIn("Virtual Machine", "Name", "vm-3", "Hosted on", "ITSM-999"))
				.statusCode()).isEqualTo(400);
		}

		@Test
		void retiresThroughAStatusAttribute() {
			String id = assets.create("Laptop", "Name", "lt-01", "Serial Number", "L-1").path("id").asText();
			String retired = null;
			for (JsonNode status : json(http.get(api + "/config/statustype"))) {
				if (status.path("name").asText().equals("Retired")) {
					retired = status.path("id").asText();
				}
			}
			assertThat(http.put(api + "/object/" + id, assets.objectIn("Laptop", "Status", retired)).statusCode())
				.isEqualTo(200);
			assertThat(assets.aql("objectType = Laptop AND Status = Retired", 0, 25).path("values")).hasSize(1);
			assertThat(http.put(api + "/object/" + id, assets.objectIn("Laptop", "Status", "Retired")).statusCode())
				.isEqualTo(400);
		}

	}

	@Nested
	class AqlSearch {

		@Test
		void findsByAttributeTypeAndKey() {
			assets.create("Server", "Name", "web-01", "Serial Number", "SN-A", "Hostname", "web-01.example.com");
			String key = assets.create("Server", "Name", "db-01", "Serial Number", "SN-B").path("objectKey").asText();
			assets.create("Virtual Machine", "Name", "web-vm", "Serial Number", "SN-A");
			JsonNode bySerial = assets.aql("objectType = Server AND \"Serial Number\" = \"sn-a\"", 0, 25);
			assertThat(bySerial.path("values")).hasSize(1);
			assertThat(bySerial.path("values").get(0).path("label").asText()).isEqualTo("web-01");
			assertThat(bySerial.path("objectTypeAttributes").toString()).contains("Serial Number");
			assertThat(assets.aql("Key = " + key, 0, 25).path("values").get(0).path("label").asText())
				.isEqualTo("db-01");
			assertThat(assets.aql("objectSchemaId = 1 AND objectType IN (Server, \"Virtual Machine\")", 0, 25)
				.path("values")).hasSize(3);
			assertThat(
					assets.aql("objectType IN objectTypeAndChildren(Compute) AND Name LIKE web", 0, 25).path("values"))
				.hasSize(2);
			assertThat(assets.aql("\"Serial Number\" == \"sn-a\"", 0, 25).path("values")).isEmpty();
			assertThat(assets.aql("Hostname IS EMPTY AND objectType = Server", 0, 25).path("values")).hasSize(1);
			HttpResponse<String> unknown = http.post(api + "/object/aql", "{\"qlQuery\":\"Serial = x\"}");
			assertThat(unknown.statusCode()).isEqualTo(400);
			assertThat(json(unknown).path("errorMessages").get(0).asText()).contains("Serial");
			assertThat(json(http.post(api + "/object/aql/totalcount", "{\"qlQuery\":\"objectType = Server\"}"))
				.path("totalCount")
				.asInt()).isEqualTo(2);
		}

		@Test
		void pagesWithStartAtAndMaxResultsUntilIsLast() {
			for (int i = 0; i < 23; i++) {
				assets.create("Desktop", "Name", "desk-%02d".formatted(i));
			}
			List<String> labels = new ArrayList<>();
			int startAt = 0;
			int pages = 0;
			while (true) {
				JsonNode page = assets.aql("objectType = Desktop ORDER BY Name DESC", startAt, 10);
				page.path("values").forEach((o) -> labels.add(o.path("label").asText()));
				pages++;
				if (page.path("isLast").asBoolean()) {
					break;
				}
				startAt += page.path("maxResults").asInt();
			}
			assertThat(pages).isEqualTo(3);
			assertThat(labels).hasSize(23).startsWith("desk-22").endsWith("desk-00");
		}

	}

	@Nested
	class AuthLimitsAndFaults {

		@Test
		void answers401ForMissingOrWrongCredentials() {
			assertThat(http.anonymous().get(api + "/objectschema/list").statusCode()).isEqualTo(401);
			assertThat(http.basic("hub@example.com", "wrong").get(api + "/objectschema/list").statusCode())
				.isEqualTo(401);
			assertThat(http.bearer("nope").get(api + "/objectschema/list").statusCode()).isEqualTo(401);
			HttpResponse<String> bearer = http.bearer("pat-123").get(api + "/objectschema/list");
			assertThat(bearer.statusCode()).isEqualTo(200);
			assertThat(simulator.recordedRequests().get(3).headers().get("authorization"))
				.containsExactly("Bearer ***");
		}

		@Test
		void answers429WithRetryAfter() {
			simulator.setRateLimits(List.of(RateLimitRule.path(api + "/object/aql", "POST", 1, Duration.ofMinutes(1))));
			assets.aql("objectType = Server", 0, 25);
			HttpResponse<String> limited = http.post(api + "/object/aql", "{\"qlQuery\":\"objectType = Server\"}");
			assertThat(limited.statusCode()).isEqualTo(429);
			assertThat(limited.headers().firstValue("Retry-After")).isPresent();
			assertThat(json(limited).path("errorMessages").get(0).asText()).isEqualTo("Rate limit exceeded");
			assertThat(JsmAssetsSimulator.documentedRateLimits("ws")).extracting(RateLimitRule::limit)
				.contains(2000, 1000, 500);
		}

		@Test
		void losesACreateResponseAfterCommit() {
			simulator.injectFault(Fault.loseResponseAfterCommit().matching(api + "/object/create", "POST"));
			assertThatThrownBy(() -> http.sendOrThrow("POST", api + "/object/create",
					assets.objectIn("Server", "Name", "lost", "Serial Number", "LOST-1"), "application/json"))
				.isInstanceOf(IOException.class);
			// The object exists: a connector looking it up before retrying finds it.
			assertThat(assets.aql("\"Serial Number\" = LOST-1", 0, 25).path("values")).hasSize(1);
			assertThat(http.post("/_sim/faults", "{\"status\":500,\"times\":1}").statusCode()).isEqualTo(201);
			HttpResponse<String> failed = http.get(api + "/objectschema/list");
			assertThat(failed.statusCode()).isEqualTo(500);
			assertThat(json(failed).has("errorMessages")).isTrue();
		}

	}

	@Nested
	class ExternalImport {

		static final String MAPPING = """
				{"schema":{"objectSchema":{"name":"IT Assets","objectTypes":[
				  {"externalId":"ot/server","name":"Server","attributes":[
				    {"externalId":"a/serial","name":"Serial Number","type":"text"},
				    {"externalId":"a/name","name":"Name","type":"text","label":true},
				    {"externalId":"a/owner","name":"Cost Center","type":"text"},
				    {"externalId":"a/rack","name":"Rack Unit","type":"integer"}]},
				  {"externalId":"ot/vm","name":"Virtual Machine","attributes":[
				    {"externalId":"a/vmid","name":"Cloud Resource ID","type":"text"},
				    {"externalId":"a/vmname","name":"Name","type":"text","label":true},
				    {"externalId":"a/host","name":"Hosted on","type":"referenced_object","referenceObjectTypeName":"Server"}]}]}},
				 "mapping":{"objectTypeMappings":[
				  {"objectTypeExternalId":"ot/server","objectTypeName":"Server","selector":"servers","attributesMapping":[
				    {"attributeExternalId":"a/serial","attributeName":"Serial Number","attributeLocators":["serial"],"externalIdPart":true},
				    {"attributeExternalId":"a/name","attributeName":"Name","attributeLocators":["name"]},
				    {"attributeExternalId":"a/owner","attributeName":"Cost Center","attributeLocators":["costCenter"]},
				    {"attributeExternalId":"a/rack","attributeName":"Rack Unit","attributeLocators":["rackUnit"]}]},
				  {"objectTypeExternalId":"ot/vm","objectTypeName":"Virtual Machine","selector":"vms","attributesMapping":[
				    {"attributeExternalId":"a/vmid","attributeName":"Cloud Resource ID","attributeLocators":["id"],"externalIdPart":true},
				    {"attributeExternalId":"a/vmname","attributeName":"Name","attributeLocators":["name"]},
				    {"attributeExternalId":"a/host","attributeName":"Hosted on","attributeLocators":["hostSerial"]}]}]}}""";

		@Test
		void importsChunksThroughAMappingAsABulkPath() {
			String source = api + "/importsource/" + JsmAssetsSimulator.DEFAULT_IMPORT_SOURCE_ID;
			String serverType = assets.typeId("Server");
			assertThat(json(http.get(source)).path("importSourceModuleKey").asText())
				.isEqualTo("rlabs-import-type-external");
			String token = json(http.post(source + "/token", "")).path("token").asText();
			http.bearer(token);
			assertThat(json(http.get(source + "/configstatus")).path("status").asText()).isEqualTo("MISSING_MAPPING");
			assertThat(http.post(source + "/executions", "").statusCode()).isEqualTo(409);
			assertThat(http.put(source + "/mapping", MAPPING).statusCode()).isEqualTo(204);
			assertThat(http.put(source + "/mapping", MAPPING).statusCode()).isEqualTo(409);
			assertThat(http.patch(source + "/mapping", MAPPING).statusCode()).isEqualTo(204);
			assertThat(json(http.get(source + "/configstatus")).path("status").asText()).isEqualTo("IDLE");

			JsonNode started = json(http.post(source + "/executions", ""));
			String data = started.path("links").path("submitResults").asText().substring(server.baseUrl().length());
			String status = started.path("links")
				.path("getExecutionStatus")
				.asText()
				.substring(server.baseUrl().length());
			String progress = started.path("links")
				.path("submitProgress")
				.asText()
				.substring(server.baseUrl().length());
			assertThat(http.post(source + "/executions", "").statusCode()).isEqualTo(409);
			String chunk1 = """
					{"data":{"servers":[{"serial":"IMP-1","name":"imp-srv-1","costCenter":"CC-1","rackUnit":4},
					                    {"serial":"IMP-2","name":"imp-srv-2","costCenter":"CC-2","rackUnit":"x"}]},
					 "clientGeneratedId":"chunk-1","completed":false}""";
			assertThat(http.post(data, chunk1).statusCode()).isEqualTo(200);
			assertThat(http.post(data, chunk1).statusCode()).isEqualTo(200);
			assertThat(http
				.put(progress, "{\"steps\":{\"total\":2,\"current\":1},\"objects\":{\"total\":3,\"processed\":2}}")
				.statusCode()).isEqualTo(200);
			assertThat(json(http.get(status)).path("status").asText()).isEqualTo("INGESTING");
			assertThat(http.post(data,
					"""
							{"data":{"vms":[{"id":"i-0abc","name":"vm-1","hostSerial":"IMP-1"}]},"clientGeneratedId":"chunk-2","completed":true}""")
				.statusCode()).isEqualTo(200);
			JsonNode done = json(http.get(status));
			assertThat(done.path("status").asText()).isEqualTo("DONE");
			JsonNode results = done.path("progressResult").path("objectTypeResultMap");
			JsonNode servers = results.path(serverType);
			assertThat(servers.path("objectsCreated").asInt()).isEqualTo(1);
			assertThat(servers.path("entriesInSource").asInt()).isEqualTo(2);
			assertThat(servers.path("errorMessages").get(0).asText()).contains("x");
			assertThat(done.path("progressResult").path("totalNumberEntriesInImport").asInt()).isEqualTo(3);
			// The import token opens only the import source API.
			assertThat(http.post(api + "/object/aql", "{\"qlQuery\":\"Key = ITSM-1\"}").statusCode()).isIn(401, 403);

			http.basic("hub@example.com", "tok3n");
			JsonNode vm = assets.aql("objectType = \"Virtual Machine\" AND \"Cloud Resource ID\" = i-0abc", 0, 25);
			assertThat(vm.path("values")).hasSize(1);
			assertThat(assets.aql("\"Hosted on\" = imp-srv-1", 0, 25).path("values")).hasSize(1);

			http.bearer(token);
			String data2 = json(http.post(source + "/executions", "")).path("links")
				.path("submitResults")
				.asText()
				.substring(server.baseUrl().length());
			http.post(data2, """
					{"data":{"servers":[{"serial":"IMP-1","name":"imp-srv-1","costCenter":"CC-9","rackUnit":4},
					                    {"serial":"IMP-3","name":"imp-srv-3","costCenter":"CC-3","rackUnit":1}]},
					 "clientGeneratedId":"c1","completed":true}""");
			http.basic("hub@example.com", "tok3n");
			assertThat(assets.aql("objectType = Server", 0, 25).path("values")).hasSize(2);
			assertThat(simulator.records().path("Server").toString()).contains("CC-9").contains("imp-srv-3");
		}

		@Test
		void cancelsAnExecution() {
			String source = api + "/importsource/" + JsmAssetsSimulator.DEFAULT_IMPORT_SOURCE_ID;
			http.put(source + "/mapping", MAPPING);
			String cancel = json(http.post(source + "/executions", "")).path("links")
				.path("cancel")
				.asText()
				.substring(server.baseUrl().length());
			assertThat(http.delete(cancel).statusCode()).isEqualTo(200);
			assertThat(json(http.get(cancel + "/status")).path("status").asText()).isEqualTo("CANCELLED");
			assertThat(http.post(source + "/executions", "").statusCode()).isEqualTo(200);
		}

	}

	@Nested
	class Inspection {

		@Test
		void showsRecordsPerObjectTypeAndRecordedRequests() {
			String host = assets.create("Server", "Name", "s1", "Serial Number", "I-1").path("objectKey").asText();
			assets.create("Virtual Machine", "Name", "v1", "Hosted on", host);
			JsonNode records = json(http.get("/_sim/records"));
			assertThat(records.path("Server").get(0).path("attributes").path("Serial Number").get(0).asText())
				.isEqualTo("I-1");
			assertThat(records.path("Virtual Machine").get(0).path("attributes").path("Hosted on").get(0).asText())
				.isEqualTo(host);
			JsonNode requests = json(http.get("/_sim/requests?pathPrefix=" + api + "/object/create"));
			assertThat(requests).hasSize(2);
			assertThat(requests.get(0).path("headers").path("authorization").get(0).asText()).isEqualTo("Basic ***");
		}

	}

	private static JsonNode attribute(JsonNode object, String attributeId) {
		for (JsonNode attribute : object.path("attributes")) {
			if (attribute.path("objectTypeAttributeId").asText().equals(attributeId)) {
				return attribute;
			}
		}
		throw new AssertionError("No attribute " + attributeId + " in " + object);
	}

	private static String valueOf(JsonNode object, String attributeId) {
		return attribute(object, attributeId).path("objectAttributeValues").get(0).path("value").asText();
	}

}
