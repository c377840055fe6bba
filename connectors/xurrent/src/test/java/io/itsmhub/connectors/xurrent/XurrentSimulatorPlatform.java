package io.itsmhub.connectors.xurrent;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.target.TargetRecord;
import io.itsmhub.api.target.TargetRef;
import io.itsmhub.api.target.TargetRelation;
import io.itsmhub.api.testing.contract.ContractPlatform;
import io.itsmhub.api.testing.contract.RecordedCall;
import io.itsmhub.simulators.core.Fault;
import io.itsmhub.simulators.core.RecordedRequest;
import io.itsmhub.simulators.http.SimulatorServer;
import io.itsmhub.simulators.xurrent.XurrentSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/** The Xurrent simulator, seen through the contract kit's eyes. */
final class XurrentSimulatorPlatform implements ContractPlatform {

	private final SimulatorServer server;

	private final XurrentSimulator simulator;

	XurrentSimulatorPlatform(SimulatorServer server) {
		this.server = server;
		this.simulator = (XurrentSimulator) server.simulator();
	}

	/** The contract's simulator: the people, sites and organizations the samples name. */
	static XurrentSimulator.Builder seeded() {
		XurrentSimulator.Builder builder = XurrentSimulator.builder();
		for (String email : List.of("alice@example.com", "bob@example.com", "carol@example.com")) {
			builder.seed("Person", Map.of("name", email, "primaryEmail", email));
		}
		builder.seed("Site", Map.of("name", "London DC1"));
		builder.seed("Organization", Map.of("name", "CC-4100"));
		builder.seed("Organization", Map.of("name", "Dell"));
		return builder;
	}

	XurrentSimulator simulator() {
		return this.simulator;
	}

	@Override
	public String baseUrl() {
		return this.server.baseUrl() + "/";
	}

	@Override
	public List<RecordedCall> requests() {
		return this.simulator.recordedRequests().stream().map(XurrentSimulatorPlatform::call).toList();
	}

	static RecordedCall call(RecordedRequest request) {
		StringJoiner query = new StringJoiner("&");
		request.query().forEach((name, values) -> values.forEach((value) -> query.add(name + "=" + value)));
		List<String> authorization = request.headers().get("authorization");
		return new RecordedCall(request.method(), request.path(), (query.length() > 0) ? query.toString() : null,
				request.body(), request.status(),
				(authorization != null && !authorization.isEmpty()) ? authorization.get(0).split(" ")[0] : null);
	}

	static String graphQl(RecordedCall call) {
		try {
			return XurrentGraphQl.JSON.readTree(call.body()).path("query").asText("");
		}
		catch (Exception ex) {
			return "";
		}
	}

	static JsonNode variables(RecordedCall call) {
		try {
			return XurrentGraphQl.JSON.readTree(call.body()).path("variables");
		}
		catch (Exception ex) {
			return XurrentGraphQl.JSON.missingNode();
		}
	}

	@Override
	public void clearRequests() {
		this.simulator.clearRecordedRequests();
	}

	@Override
	public void failNext(int status, Integer retryAfterSeconds) {
		Fault fault = Fault.errorStatus(status);
		this.simulator.injectFault((retryAfterSeconds != null) ? fault.retryAfter(retryAfterSeconds) : fault);
	}

	@Override
	public boolean isWrite(RecordedCall call) {
		return call.body() != null && graphQl(call).trim().startsWith("mutation");
	}

	@Override
	public Integer pageOffset(RecordedCall call) {
		String query = graphQl(call);
		if (!query.trim().startsWith("query") || !query.contains("configurationItems(")) {
			return null;
		}
		JsonNode after = variables(call).path("after");
		return after.isTextual()
				? Integer.valueOf(new String(Base64.getDecoder().decode(after.asText()), StandardCharsets.UTF_8)) : 0;
	}

	List<JsonNode> items() {
		List<JsonNode> items = new ArrayList<>();
		this.simulator.records().path("ConfigurationItem").forEach(items::add);
		return items;
	}

	JsonNode item(String id) {
		return items().stream()
			.filter((item) -> item.path("id").asText().equals(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no configuration item " + id));
	}

	@Override
	public int storedCount(String targetClass) {
		Map<String, String> categoryByProduct = new HashMap<>();
		this.simulator.records()
			.path("Product")
			.forEach((product) -> categoryByProduct.put(product.path("id").asText(),
					product.path("category").path("name").asText()));
		return (int) items().stream()
			.filter((item) -> targetClass.equals(categoryByProduct.get(item.path("productId").asText())))
			.count();
	}

	@Override
	public void assertStored(TargetPayload payload, TargetRef ref) {
		TargetRecord record = payload.records().get(0);
		JsonNode item = item(ref.recordId());
		assertThat(item.path("label").asText()).isEqualTo(ref.recordKey());
		assertThat(item.path("sourceID").asText()).isEqualTo(payload.itemId());
		for (String name : List.of("name", "serialNr", "assetID", "systemID", "source", "status", "location",
				"inUseSince", "warrantyExpiryDate", "purchaseValueCurrency", "remarks")) {
			if (record.fields().containsKey(name)) {
				assertThat(item.path(name).asText()).as(name).isEqualTo(record.fields().get(name).toString());
			}
		}
		if (record.fields().get("purchaseValue") instanceof BigDecimal value) {
			assertThat(new BigDecimal(item.path("purchaseValue").asText())).isEqualByComparingTo(value);
		}
		assertThat(item.path("product").path("name").asText()).isEqualTo(record.fields().get("productId"));
		if (record.fields().containsKey("siteId")) {
			assertThat(item.path("site").path("name").asText()).isEqualTo(record.fields().get("siteId"));
		}
		if (record.fields().containsKey("userIds")) {
			List<String> emails = new ArrayList<>();
			item.path("users").path("nodes").forEach((user) -> emails.add(user.path("primaryEmail").asText()));
			assertThat(emails).containsExactly(record.fields().get("userIds").toString());
		}
	}

	@Override
	public void assertRelated(TargetRef from, TargetRelation relation, TargetRef to) {
		JsonNode holder = item((relation.reverse() ? to : from).recordId());
		String other = (relation.reverse() ? from : to).recordId();
		List<String> held = new ArrayList<>();
		holder.path("ciRelations")
			.path("nodes")
			.forEach((node) -> held
				.add(node.path("relationType").asText() + " " + node.path("configurationItem").path("id").asText()));
		assertThat(held).contains(relation.platformType() + " " + other);
	}

	@Override
	public int relationCount(TargetRef from) {
		int count = 0;
		for (JsonNode item : items()) {
			for (JsonNode relation : item.path("ciRelations").path("nodes")) {
				if (item.path("id").asText().equals(from.recordId())
						|| relation.path("configurationItem").path("id").asText().equals(from.recordId())) {
					count++;
				}
			}
		}
		return count;
	}

	@Override
	public void assertRetired(TargetRef ref) {
		assertThat(item(ref.recordId()).path("status").asText()).isEqualTo("removed");
	}

}
