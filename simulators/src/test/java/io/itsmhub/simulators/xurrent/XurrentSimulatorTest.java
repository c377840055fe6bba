package io.itsmhub.simulators.xurrent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.simulators.SimHttp;
import io.itsmhub.simulators.core.Json;
import io.itsmhub.simulators.http.SimulatorServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Xurrent simulator over HTTP: GraphQL shapes, paging, errors, budgets, bulk. */
class XurrentSimulatorTest {

	private static JsonNode post(Client http, String query, String variables) {
		return Json.parse(http.post(body(query, variables)).body().getBytes());
	}

	private static String body(String query, String variables) {
		return "{\"query\":" + Json.MAPPER.getNodeFactory().textNode(query) + ",\"variables\":"
				+ ((variables != null) ? variables : "{}") + "}";
	}

	private static String product(Client http) {
		JsonNode category = post(http, "{ productCategories(filter: {name: {values: [\"Server\"]}}) { nodes { id } } }",
				null);
		String categoryId = category.at("/data/productCategories/nodes/0/id").asText();
		JsonNode created = post(http,
				"mutation($p: ProductCreateInput!) { productCreate(input: $p) { errors { path message } product { id name } } }",
				"{\"p\":{\"name\":\"Dell R650\",\"categoryId\":\"" + categoryId + "\"}}");
		return created.at("/data/productCreate/product/id").asText();
	}

	@Test
	void createsFindsAndPagesConfigurationItems() {
		try (SimulatorServer server = SimulatorServer.start(XurrentSimulator.builder().build())) {
			Client noAccount = new Client(server.baseUrl(), XurrentSimulator.DEFAULT_TOKEN, null);
			HttpResponse<String> unauthorized = noAccount.post(body("{ configurationItems { totalCount } }", null));
			assertThat(unauthorized.statusCode()).isEqualTo(403);
			HttpResponse<String> wrongToken = new Client(server.baseUrl(), "nope", XurrentSimulator.DEFAULT_ACCOUNT)
				.post(body("{ configurationItems { totalCount } }", null));
			assertThat(wrongToken.statusCode()).isEqualTo(401);
			assertThat(wrongToken.body()).contains("\"errors\"");
		}
		XurrentSimulator simulator = XurrentSimulator.builder().account("wdc", "X-Xurrent-Account").build();
		try (SimulatorServer server = SimulatorServer.start(simulator)) {
			Client http = Client.of(server);
			String productId = product(http);
			for (int i = 0; i < 5; i++) {
				JsonNode created = post(http,
						"mutation { a: configurationItemCreate(input: {productId: \"" + productId + "\", name: \"srv-"
								+ i + "\", serialNr: \"SN" + i + "\", status: in_production}) "
								+ "{ errors { path message } configurationItem { id name label } } }",
						null);
				assertThat(created.at("/data/a/errors").isNull()).isTrue();
				assertThat(created.at("/data/a/configurationItem/name").asText()).isEqualTo("srv-" + i);
			}
			JsonNode page = post(http,
					"query($after: String) { configurationItems(first: 2, after: $after) { nodes { name } pageInfo { hasNextPage endCursor } totalCount } }",
					null);
			assertThat(page.at("/data/configurationItems/nodes")).hasSize(2);
			assertThat(page.at("/data/configurationItems/totalCount").asInt()).isEqualTo(5);
			String cursor = page.at("/data/configurationItems/pageInfo/endCursor").asText();
			JsonNode last = post(http,
					"query($after: String) { configurationItems(first: 2, after: $after) { nodes { name } pageInfo { hasNextPage } } }",
					"{\"after\":\"" + XurrentSimulator.cursor(4) + "\"}");
			assertThat(last.at("/data/configurationItems/nodes/0/name").asText()).isEqualTo("srv-4");
			assertThat(last.at("/data/configurationItems/pageInfo/hasNextPage").asBoolean()).isFalse();
			assertThat(cursor).isEqualTo(XurrentSimulator.cursor(2));
			JsonNode filtered = post(http,
					"{ configurationItems(filter: {serialNr: {values: [\"SN3\", \"SN9\"]}}) { nodes { name serialNr product { name } } } }",
					null);
			assertThat(filtered.at("/data/configurationItems/nodes")).hasSize(1);
			assertThat(filtered.at("/data/configurationItems/nodes/0/product/name").asText()).isEqualTo("Dell R650");
			// only what was selected comes back
			assertThat(filtered.at("/data/configurationItems/nodes/0").has("status")).isFalse();
		}
	}

	@Test
	void refusesBadInputAtTheTopAndInvalidRecordsInThePayload() {
		try (SimulatorServer server = SimulatorServer.start(XurrentSimulator.builder().build())) {
			Client http = Client.of(server);
			String productId = product(http);
			JsonNode coercion = post(http,
					"mutation($i: ConfigurationItemCreateInput!) { m: configurationItemCreate(input: $i) { errors { path message } } }",
					"{\"i\":{\"productId\":\"" + productId + "\",\"name\":\"x\",\"inUseSince\":\"soon\"}}");
			assertThat(coercion.has("data")).isFalse();
			assertThat(coercion.at("/errors/0/message").asText()).contains("Could not coerce value \"soon\" to Date");
			JsonNode unknownField = post(http,
					"mutation($i: ConfigurationItemCreateInput!) { m: configurationItemCreate(input: $i) { errors { path message } } }",
					"{\"i\":{\"productId\":\"" + productId + "\",\"name\":\"x\",\"colour\":\"red\"}}");
			assertThat(unknownField.at("/errors/0/message").asText())
				.contains("colour (Field is not defined on ConfigurationItemCreateInput)");
			JsonNode payloadErrors = post(http,
					"mutation { m: configurationItemCreate(input: {productId: \"nope\", name: \"\"}) { errors { path message } configurationItem { id } } }",
					null);
			assertThat(payloadErrors.at("/data/m/configurationItem").isNull()).isTrue();
			assertThat(payloadErrors.at("/data/m/errors/0/message").asText()).isEqualTo("Name can't be blank");
			assertThat(payloadErrors.at("/data/m/errors/1/path/0").asText()).isEqualTo("productId");
			JsonNode syntax = post(http, "mutation { m: configurationItemCreate(input: {", null);
			assertThat(syntax.at("/errors/0/message").asText()).startsWith("Parse error");
		}
	}

	@Test
	void answersIntrospectionOfTheInputTypesAndEnums() {
		try (SimulatorServer server = SimulatorServer.start(XurrentSimulator.builder().build())) {
			Client http = Client.of(server);
			JsonNode type = post(http,
					"{ t: __type(name: \"ConfigurationItemCreateInput\") { kind inputFields { name type { kind name ofType { kind name } } } } "
							+ "s: __type(name: \"CiStatus\") { enumValues { name } } }",
					null);
			assertThat(type.at("/data/t/kind").asText()).isEqualTo("INPUT_OBJECT");
			assertThat(type.at("/data/t/inputFields/0/name").asText()).isEqualTo("productId");
			assertThat(type.at("/data/t/inputFields/0/type/kind").asText()).isEqualTo("NON_NULL");
			assertThat(type.at("/data/t/inputFields/0/type/ofType/name").asText()).isEqualTo("ID");
			assertThat(type.at("/data/s/enumValues").toString()).contains("in_production", "removed", "archived");
		}
	}

	@Test
	void chargesEveryRequestAgainstTheRequestAndCostBudgets() {
		XurrentSimulator simulator = XurrentSimulator.builder().limits(3, 1000, Duration.ofHours(1)).build();
		try (SimulatorServer server = SimulatorServer.start(simulator)) {
			Client http = Client.of(server);
			String query = body("{ configurationItems(first: 100) { totalCount } }", null);
			HttpResponse<String> first = http.post(query);
			assertThat(first.headers().firstValue("x-ratelimit-remaining")).hasValue("2");
			assertThat(first.headers().firstValue("x-costlimit-remaining")).hasValue("998");
			assertThat(first.headers().firstValue("x-costlimit-limit")).hasValue("1000");
			http.post(query);
			http.post(query);
			HttpResponse<String> limited = http.post(query);
			assertThat(limited.statusCode()).isEqualTo(429);
			assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3600L);
			assertThat(limited.headers().firstValue("x-ratelimit-remaining")).hasValue("0");
		}
	}

	@Test
	void bulkDiscoveryIsAnAsyncQueryWithAResultDocument() {
		XurrentSimulator simulator = XurrentSimulator.builder().pollsUntilComplete(1).build();
		try (SimulatorServer server = SimulatorServer.start(simulator)) {
			Client http = Client.of(server);
			String productId = product(http);
			String input = "{\"input\":{\"source\":\"hub\",\"physicalAssets\":["
					+ "{\"name\":\"a\",\"products\":[{\"id\":\"" + productId
					+ "\",\"configurationItems\":[{\"sourceID\":\"k1\",\"name\":\"a\"}]}]},"
					+ "{\"name\":\"b\",\"products\":[{\"id\":\"" + productId
					+ "\",\"configurationItems\":[{\"sourceID\":\"k2\",\"name\":\"b\",\"inUseSince\":\"x\"}]}]}]}}";
			JsonNode answer = post(http,
					"mutation($input: DiscoveredConfigurationItemsInput!) { discoveredConfigurationItems(input: $input) { errors { path message } asyncQuery { id } } }",
					input);
			String id = answer.at("/data/discoveredConfigurationItems/asyncQuery/id").asText();
			String poll = "query($id: ID!) { node(id: $id) { ... on AsyncQuery { completed errorCount resultUrl } } }";
			assertThat(post(http, poll, "{\"id\":\"" + id + "\"}").at("/data/node/completed").asBoolean()).isFalse();
			JsonNode done = post(http, poll, "{\"id\":\"" + id + "\"}").at("/data/node");
			assertThat(done.path("completed").asBoolean()).isTrue();
			assertThat(done.path("errorCount").asInt()).isEqualTo(1);
			String path = done.path("resultUrl").asText().substring(server.baseUrl().length());
			JsonNode result = Json.parse(new SimHttp(server.baseUrl()).anonymous().get(path).body().getBytes());
			assertThat(result.at("/configurationItems/0/sourceID").asText()).isEqualTo("k1");
			assertThat(result.at("/errors/0/sourceID").asText()).isEqualTo("k2");
			assertThat(simulator.records().path("ConfigurationItem")).hasSize(1);
		}
	}

	/** Posts GraphQL with a token and the account header. */
	private record Client(String baseUrl, String token, String account) {

		static Client of(SimulatorServer server) {
			return new Client(server.baseUrl(), XurrentSimulator.DEFAULT_TOKEN, XurrentSimulator.DEFAULT_ACCOUNT);
		}

		HttpResponse<String> post(String json) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/"))
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + this.token)
				.POST(HttpRequest.BodyPublishers.ofString(json));
			if (this.account != null) {
				request.header("X-Xurrent-Account", this.account);
			}
			try {
				return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
