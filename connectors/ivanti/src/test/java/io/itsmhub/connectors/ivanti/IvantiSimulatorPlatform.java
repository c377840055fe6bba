package io.itsmhub.connectors.ivanti;

import java.util.ArrayList;
import java.util.List;
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
import io.itsmhub.simulators.ivanti.IvantiSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/** The Ivanti simulator, seen through the contract kit's eyes. */
final class IvantiSimulatorPlatform implements ContractPlatform {

	private final SimulatorServer server;

	private final IvantiSimulator simulator;

	IvantiSimulatorPlatform(SimulatorServer server) {
		this.server = server;
		this.simulator = (IvantiSimulator) server.simulator();
	}

	IvantiSimulator simulator() {
		return this.simulator;
	}

	@Override
	public String baseUrl() {
		return this.server.baseUrl();
	}

	@Override
	public List<RecordedCall> requests() {
		return this.simulator.recordedRequests().stream().map(IvantiSimulatorPlatform::call).toList();
	}

	static RecordedCall call(RecordedRequest request) {
		StringJoiner query = new StringJoiner("&");
		request.query().forEach((name, values) -> values.forEach((value) -> query.add(name + "=" + value)));
		List<String> authorization = request.headers().get("authorization");
		return new RecordedCall(request.method(), request.path(), (query.length() > 0) ? query.toString() : null,
				request.body(), request.status(),
				(authorization != null && !authorization.isEmpty()) ? scheme(authorization.get(0)) : null);
	}

	// "rest_api_key=<key>" is recorded as "***": the scheme is the part before '='
	private static String scheme(String header) {
		int equals = header.indexOf('=');
		return (equals > 0) ? header.substring(0, equals) : header.split(" ")[0];
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
		return !call.method().equals("GET");
	}

	@Override
	public Integer pageOffset(RecordedCall call) {
		if (!call.method().equals("GET") || !call.path().startsWith("/api/odata/businessobject/")) {
			return null;
		}
		String skip = call.queryParam("$skip");
		return (skip != null) ? Integer.valueOf(skip) : null;
	}

	List<JsonNode> records(String collection) {
		List<JsonNode> records = new ArrayList<>();
		this.simulator.records().path(collection).forEach(records::add);
		return records;
	}

	List<JsonNode> links() {
		List<JsonNode> links = new ArrayList<>();
		this.simulator.records().path("_links").forEach(links::add);
		return links;
	}

	JsonNode record(String recId) {
		List<JsonNode> all = new ArrayList<>();
		this.simulator.records().properties().forEach((entry) -> {
			if (!entry.getKey().equals("_links")) {
				entry.getValue().forEach(all::add);
			}
		});
		return all.stream()
			.filter((record) -> record.path("RecId").asText().equals(recId))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no record " + recId));
	}

	@Override
	public int storedCount(String targetClass) {
		return records(targetClass).size();
	}

	@Override
	public void assertStored(TargetPayload payload, TargetRef ref) {
		TargetRecord record = payload.records().get(0);
		JsonNode stored = record(ref.recordId());
		assertThat(records(record.targetClass())).contains(stored);
		assertThat(ref.recordKey()).isEqualTo(record.targetClass() + "('" + ref.recordId() + "')");
		for (String name : List.of("Name", "SerialNumber", "AssetTag", "HostName", "Owner", "CostCenter", "Status",
				"ivnt_Location")) {
			if (record.fields().containsKey(name)) {
				assertThat(stored.path(name).asText()).as(name).isEqualTo(record.fields().get(name));
			}
		}
		if (record.fields().containsKey("Cost")) {
			assertThat(stored.path("Cost").decimalValue()).isEqualByComparingTo(record.fields().get("Cost").toString());
		}
		if (record.fields().containsKey("PurchaseDate")) {
			assertThat(stored.path("PurchaseDate").asText()).isEqualTo(record.fields().get("PurchaseDate"));
		}
	}

	@Override
	public void assertRelated(TargetRef from, TargetRelation relation, TargetRef to) {
		String holder = (relation.reverse() ? to : from).recordId();
		String related = (relation.reverse() ? from : to).recordId();
		assertThat(links()).anySatisfy((link) -> {
			assertThat(link.path("holder").asText()).isEqualTo(holder);
			assertThat(link.path("relationship").asText()).isEqualTo(relation.platformType());
			assertThat(link.path("related").asText()).isEqualTo(related);
		});
	}

	@Override
	public int relationCount(TargetRef from) {
		return (int) links().stream()
			.filter((link) -> link.path("holder").asText().equals(from.recordId())
					|| link.path("related").asText().equals(from.recordId()))
			.count();
	}

	@Override
	public void assertRetired(TargetRef ref) {
		assertThat(record(ref.recordId()).path("Status").asText()).isEqualTo("Retired");
	}

}
