package io.itsmhub.connectors.hornbill;

import java.util.ArrayList;
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
import io.itsmhub.simulators.core.Json;
import io.itsmhub.simulators.core.RecordedRequest;
import io.itsmhub.simulators.http.SimulatorServer;
import io.itsmhub.simulators.hornbill.HornbillSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/** The Hornbill simulator, seen through the contract kit's eyes. */
final class HornbillSimulatorPlatform implements ContractPlatform {

	private final SimulatorServer server;

	private final HornbillSimulator simulator;

	HornbillSimulatorPlatform(SimulatorServer server) {
		this.server = server;
		this.simulator = (HornbillSimulator) server.simulator();
	}

	HornbillSimulator simulator() {
		return this.simulator;
	}

	/** The XMLMC endpoint. */
	String endpoint() {
		return this.server.baseUrl() + "/xmlmc/";
	}

	@Override
	public String baseUrl() {
		return this.server.baseUrl();
	}

	@Override
	public List<RecordedCall> requests() {
		return this.simulator.recordedRequests().stream().map(HornbillSimulatorPlatform::call).toList();
	}

	static RecordedCall call(RecordedRequest request) {
		StringJoiner query = new StringJoiner("&");
		request.query().forEach((name, values) -> values.forEach((value) -> query.add(name + "=" + value)));
		List<String> authorization = request.headers().get("authorization");
		return new RecordedCall(request.method(), request.path(), (query.length() > 0) ? query.toString() : null,
				request.body(), request.status(),
				(authorization != null && !authorization.isEmpty()) ? authorization.get(0).split(" ")[0] : null);
	}

	/** The XMLMC method a recorded call invoked, such as {@code entityAddRecord}. */
	static String method(RecordedCall call) {
		return (call.queryParam("method") != null) ? call.queryParam("method") : "";
	}

	/** The {@code params} of a recorded call's {@code methodCall}. */
	static JsonNode params(RecordedCall call) {
		return Json.parse(call.body().getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.path("methodCall")
			.path("params");
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
		return List.of("entityAddRecord", "entityUpdateRecord", "linkAsset", "entityDeleteRecord")
			.contains(method(call));
	}

	@Override
	public Integer pageOffset(RecordedCall call) {
		if (!method(call).equals("entityBrowseRecords2") || call.body() == null) {
			return null;
		}
		JsonNode start = params(call).path("rowStart");
		return start.isMissingNode() ? null : start.asInt();
	}

	List<JsonNode> rows(String entity) {
		List<JsonNode> rows = new ArrayList<>();
		this.simulator.records().path(entity).forEach(rows::add);
		return rows;
	}

	JsonNode asset(String id) {
		return rows("Asset").stream()
			.filter((asset) -> asset.path("h_pk_asset_id").asText().equals(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no asset " + id));
	}

	JsonNode extension(String id) {
		return rows("AssetsComputer").stream()
			.filter((row) -> row.path("h_pk_asset_id").asText().equals(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no AssetsComputer row " + id));
	}

	@Override
	public int storedCount(String targetClass) {
		return (int) rows("Asset").stream()
			.filter((asset) -> asset.path("h_class").asText().equals(assetClass(targetClass)))
			.count();
	}

	private static String assetClass(String targetClass) {
		return Map.of("Computer", "computer", "Network Device", "networkDevice", "Printer", "printer", "Mobile Device",
				"mobileDevice", "Computer Peripheral", "computerPeripheral", "Software", "software", "System", "system")
			.get(targetClass);
	}

	@Override
	public void assertStored(TargetPayload payload, TargetRef ref) {
		TargetRecord record = payload.records().get(0);
		JsonNode asset = asset(ref.recordId());
		JsonNode extension = extension(ref.recordId());
		assertThat(asset.path("h_class").asText()).isEqualTo("computer");
		assertThat(asset.path("h_type").asText()).isEqualTo("1");
		for (String name : List.of("h_name", "h_asset_tag", "h_owned_by", "h_cost_center", "h_order_date",
				"h_operational_state", "h_cost")) {
			if (record.fields().containsKey(name)) {
				assertThat(asset.path(name).asText()).as(name)
					.isEqualTo(HornbillConnector.text(record.fields().get(name)));
			}
		}
		for (String name : List.of("h_serial_number", "h_model", "h_mac_address", "h_net_computer_name")) {
			if (record.fields().containsKey(name)) {
				assertThat(extension.path(name).asText()).as(name).isEqualTo(record.fields().get(name));
				assertThat(asset.has(name)).as(name + " on Asset").isFalse();
			}
		}
	}

	@Override
	public void assertRelated(TargetRef from, TargetRelation relation, TargetRef to) {
		TargetRef holder = relation.reverse() ? to : from;
		TargetRef other = relation.reverse() ? from : to;
		assertThat(rows("h_cmdb_config_items_dependency")).anySatisfy((link) -> {
			assertThat(link.path("h_entity_l_id").asText()).isEqualTo(urn(holder));
			assertThat(link.path("h_entity_r_id").asText()).isEqualTo(urn(other));
			assertThat(link.path("h_dependency").asText()).isEqualTo(relation.platformType());
		});
	}

	static String urn(TargetRef ref) {
		return "urn:sys:entity:com.hornbill.servicemanager:Asset:" + ref.recordId();
	}

	@Override
	public int relationCount(TargetRef from) {
		return (int) rows("h_cmdb_config_items_dependency").stream()
			.filter((link) -> link.path("h_entity_l_id").asText().equals(urn(from))
					|| link.path("h_entity_r_id").asText().equals(urn(from)))
			.count();
	}

	@Override
	public void assertRetired(TargetRef ref) {
		JsonNode asset = asset(ref.recordId());
		assertThat(asset.path("h_operational_state").asText()).isEqualTo("4");
		assertThat(asset.path("h_actual_retired_date").asText()).isNotBlank();
	}

}
