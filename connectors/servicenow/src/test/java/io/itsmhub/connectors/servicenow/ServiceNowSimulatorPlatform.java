package io.itsmhub.connectors.servicenow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import io.itsmhub.simulators.servicenow.ServiceNowSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/** The ServiceNow simulator, seen through the contract kit's eyes. */
final class ServiceNowSimulatorPlatform implements ContractPlatform {

	private final SimulatorServer server;

	private final ServiceNowSimulator simulator;

	ServiceNowSimulatorPlatform(SimulatorServer server) {
		this.server = server;
		this.simulator = (ServiceNowSimulator) server.simulator();
	}

	ServiceNowSimulator simulator() {
		return this.simulator;
	}

	@Override
	public String baseUrl() {
		return this.server.baseUrl();
	}

	@Override
	public List<RecordedCall> requests() {
		return this.simulator.recordedRequests().stream().map(ServiceNowSimulatorPlatform::call).toList();
	}

	static RecordedCall call(RecordedRequest request) {
		StringJoiner query = new StringJoiner("&");
		request.query().forEach((name, values) -> values.forEach((value) -> query.add(name + "=" + value)));
		List<String> authorization = request.headers().get("authorization");
		return new RecordedCall(request.method(), request.path(), (query.length() > 0) ? query.toString() : null,
				request.body(), request.status(),
				(authorization != null && !authorization.isEmpty()) ? authorization.get(0).split(" ")[0] : null);
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
		return !call.method().equals("GET") && !call.path().startsWith("/oauth_token.do")
				&& !call.path().contains("/identifyreconcile/query");
	}

	@Override
	public Integer pageOffset(RecordedCall call) {
		if (!call.method().equals("GET") || !call.path().contains("/table/")) {
			return null;
		}
		String offset = call.queryParam("sysparm_offset");
		return (offset != null) ? Integer.valueOf(offset) : null;
	}

	List<JsonNode> table(String table) {
		List<JsonNode> records = new ArrayList<>();
		this.simulator.records().path(table).forEach(records::add);
		return records;
	}

	JsonNode record(String table, String sysId) {
		return table(table).stream()
			.filter((record) -> record.path("sys_id").asText().equals(sysId))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + table + " record " + sysId));
	}

	String sysIdOf(String table, String field, String value) {
		return table(table).stream()
			.filter((record) -> record.path(field).asText().equalsIgnoreCase(value))
			.map((record) -> record.path("sys_id").asText())
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + table + " with " + field + "=" + value));
	}

	@Override
	public int storedCount(String targetClass) {
		return table(targetClass).size();
	}

	@Override
	public void assertStored(TargetPayload payload, TargetRef ref) {
		TargetRecord ci = payload.record("ci").orElseThrow();
		JsonNode stored = record(ci.targetClass(), ref.recordId());
		assertThat(stored.path("name").asText()).isEqualTo(ci.fields().get("name"));
		for (String field : List.of("serial_number", "asset_tag", "os", "ip_address")) {
			if (ci.fields().containsKey(field)) {
				assertThat(stored.path(field).asText()).as(field).isEqualTo(ci.fields().get(field));
			}
		}
		assertThat(stored.path("discovery_source").asText()).isEqualTo("ITSMHub");
		assertThat(table("sys_object_source")).anySatisfy((source) -> {
			assertThat(source.path("name").asText()).isEqualTo("ITSMHub");
			assertThat(source.path("id").asText()).isEqualTo(payload.itemId());
			assertThat(source.path("target_sys_id").asText()).isEqualTo(ref.recordId());
		});
		TargetRecord asset = payload.record("asset").orElse(null);
		if (asset == null) {
			assertThat(ref.related()).doesNotContainKey("asset");
			return;
		}
		JsonNode storedAsset = record(asset.targetClass(), ref.related().get("asset"));
		assertThat(storedAsset.path("ci").asText()).isEqualTo(ref.recordId());
		assertThat(storedAsset.path("serial_number").asText()).isEqualTo(asset.fields().get("serial_number"));
		assertThat(storedAsset.path("owned_by").asText())
			.isEqualTo(sysIdOf("sys_user", "email", (String) asset.fields().get("owned_by")));
		assertThat(storedAsset.path("cost_center").asText())
			.isEqualTo(sysIdOf("cmn_cost_center", "account_number", (String) asset.fields().get("cost_center")));
		assertThat(storedAsset.path("install_status").asText())
			.isEqualTo(String.valueOf(asset.fields().get("install_status")));
	}

	@Override
	public void assertRelated(TargetRef from, TargetRelation relation, TargetRef to) {
		String parent = relation.reverse() ? to.recordId() : from.recordId();
		String child = relation.reverse() ? from.recordId() : to.recordId();
		String type = sysIdOf("cmdb_rel_type", "name", relation.platformType());
		assertThat(table("cmdb_rel_ci")).anySatisfy((rel) -> {
			assertThat(rel.path("parent").asText()).isEqualTo(parent);
			assertThat(rel.path("child").asText()).isEqualTo(child);
			assertThat(rel.path("type").asText()).isEqualTo(type);
		});
	}

	@Override
	public int relationCount(TargetRef from) {
		return (int) table("cmdb_rel_ci").stream()
			.filter((rel) -> rel.path("parent").asText().equals(from.recordId())
					|| rel.path("child").asText().equals(from.recordId()))
			.count();
	}

	@Override
	public void assertRetired(TargetRef ref) {
		JsonNode ci = this.simulator.records().properties().stream().flatMap((table) -> {
			List<JsonNode> all = new ArrayList<>();
			table.getValue().forEach(all::add);
			return all.stream();
		}).filter((record) -> record.path("sys_id").asText().equals(ref.recordId())).findFirst().orElseThrow();
		assertThat(ci.path("install_status").asText()).isEqualTo("7");
		assertThat(ci.path("operational_status").asText()).isEqualTo("6");
		String asset = ref.related().get("asset");
		if (asset != null) {
			JsonNode stored = record("alm_hardware", asset);
			assertThat(stored.path("install_status").asText()).isEqualTo("7");
			assertThat(stored.path("substatus").asText()).isEqualTo("pending_disposal");
		}
	}

	static Map<String, Object> fields(TargetPayload payload, String role) {
		return payload.record(role).map(TargetRecord::fields).orElse(Map.of());
	}

	@Override
	public String toString() {
		return Objects.toString(this.server.baseUrl());
	}

}
