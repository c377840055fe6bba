package io.itsmhub.connectors.jsmassets;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
import io.itsmhub.simulators.jsmassets.JsmAssetsSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSM Assets simulator, seen through the contract kit's eyes. */
final class JsmSimulatorPlatform implements ContractPlatform {

	static final Set<String> REFERENCE_ATTRIBUTES = Set.of("Hosted on", "Runs on", "Depends on", "Connects to");

	private final SimulatorServer server;

	private final JsmAssetsSimulator simulator;

	JsmSimulatorPlatform(SimulatorServer server) {
		this.server = server;
		this.simulator = (JsmAssetsSimulator) server.simulator();
	}

	JsmAssetsSimulator simulator() {
		return this.simulator;
	}

	@Override
	public String baseUrl() {
		return this.server.baseUrl();
	}

	@Override
	public List<RecordedCall> requests() {
		return this.simulator.recordedRequests().stream().map(JsmSimulatorPlatform::call).toList();
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
		return !call.method().equals("GET") && !call.path().contains("/object/aql");
	}

	@Override
	public Integer pageOffset(RecordedCall call) {
		if (!call.path().endsWith("/object/aql")) {
			return null;
		}
		String startAt = call.queryParam("startAt");
		return (startAt != null) ? Integer.valueOf(startAt) : null;
	}

	List<JsonNode> objects(String type) {
		List<JsonNode> objects = new ArrayList<>();
		this.simulator.records().path(type).forEach(objects::add);
		return objects;
	}

	List<JsonNode> allObjects() {
		List<JsonNode> objects = new ArrayList<>();
		this.simulator.records().forEach((type) -> type.forEach(objects::add));
		return objects;
	}

	JsonNode object(String id) {
		return allObjects().stream()
			.filter((object) -> object.path("id").asText().equals(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no object " + id));
	}

	@Override
	public int storedCount(String targetClass) {
		return objects(targetClass).size();
	}

	@Override
	public void assertStored(TargetPayload payload, TargetRef ref) {
		TargetRecord record = payload.records().get(0);
		JsonNode object = object(ref.recordId());
		assertThat(object.path("objectKey").asText()).isEqualTo(ref.recordKey());
		JsonNode attributes = object.path("attributes");
		for (String name : List.of("Name", "Serial Number", "Asset Tag", "Hostname", "Owner", "Cost Center",
				"Purchase Date", "Status")) {
			if (record.fields().containsKey(name)) {
				assertThat(attributes.path(name).path(0).asText()).as(name).isEqualTo(record.fields().get(name));
			}
		}
	}

	@Override
	public void assertRelated(TargetRef from, TargetRelation relation, TargetRef to) {
		JsonNode holder = object((relation.reverse() ? to : from).recordId());
		String target = (relation.reverse() ? from : to).recordKey();
		List<String> values = new ArrayList<>();
		holder.path("attributes").path(relation.platformType()).forEach((value) -> values.add(value.asText()));
		assertThat(values).contains(target);
	}

	@Override
	public int relationCount(TargetRef from) {
		int count = 0;
		for (JsonNode object : allObjects()) {
			for (String attribute : REFERENCE_ATTRIBUTES) {
				for (JsonNode value : object.path("attributes").path(attribute)) {
					if (object.path("id").asText().equals(from.recordId()) || value.asText().equals(from.recordKey())) {
						count++;
					}
				}
			}
		}
		return count;
	}

	@Override
	public void assertRetired(TargetRef ref) {
		assertThat(object(ref.recordId()).path("attributes").path("Status").path(0).asText()).isEqualTo("Retired");
	}

}
