package io.itsmhub.connectors.freshservice;

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
import io.itsmhub.simulators.freshservice.FreshserviceSimulator;
import io.itsmhub.simulators.http.SimulatorServer;

import static org.assertj.core.api.Assertions.assertThat;

/** The Freshservice simulator, seen through the contract kit's eyes. */
final class FreshserviceSimulatorPlatform implements ContractPlatform {

	private final SimulatorServer server;

	private final FreshserviceSimulator simulator;

	FreshserviceSimulatorPlatform(SimulatorServer server) {
		this.server = server;
		this.simulator = (FreshserviceSimulator) server.simulator();
	}

	FreshserviceSimulator simulator() {
		return this.simulator;
	}

	@Override
	public String baseUrl() {
		return this.server.baseUrl();
	}

	@Override
	public List<RecordedCall> requests() {
		return this.simulator.recordedRequests().stream().map(FreshserviceSimulatorPlatform::call).toList();
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
		return !call.method().equals("GET");
	}

	@Override
	public Integer pageOffset(RecordedCall call) {
		if (!call.path().equals("/api/v2/assets") || call.queryParam("page") == null) {
			return null;
		}
		int perPage = (call.queryParam("per_page") != null) ? Integer.parseInt(call.queryParam("per_page")) : 30;
		return (Integer.parseInt(call.queryParam("page")) - 1) * perPage;
	}

	List<JsonNode> assets() {
		List<JsonNode> assets = new ArrayList<>();
		this.simulator.records().path("assets").forEach(assets::add);
		return assets;
	}

	JsonNode asset(String displayId) {
		return assets().stream()
			.filter((asset) -> asset.path("display_id").asText().equals(displayId))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no asset " + displayId));
	}

	/** A type field of an asset by its plain name. */
	static JsonNode typeField(JsonNode asset, String plain) {
		for (var field : asset.path("type_fields").properties()) {
			if (field.getKey().replaceFirst("_[0-9]+$", "").equals(plain)) {
				return field.getValue();
			}
		}
		return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
	}

	@Override
	public int storedCount(String targetClass) {
		long typeId = assetTypeId(targetClass);
		return (int) assets().stream().filter((asset) -> asset.path("asset_type_id").asLong() == typeId).count();
	}

	private long assetTypeId(String name) {
		return switch (name) {
			case "Server" -> 27;
			case "Virtual Machine" -> 28;
			case "Laptop" -> 29;
			case "Desktop" -> 30;
			default -> throw new AssertionError("unexpected asset type " + name);
		};
	}

	@Override
	public void assertStored(TargetPayload payload, TargetRef ref) {
		TargetRecord record = payload.records().get(0);
		JsonNode asset = asset(ref.recordId());
		assertThat(asset.path("name").asText()).isEqualTo(record.fields().get("name"));
		assertThat(asset.path("asset_type_id").asLong()).isEqualTo(assetTypeId(record.targetClass()));
		assertThat(asset.path("asset_tag").asText()).isEqualTo(record.fields().get("asset_tag"));
		for (String field : List.of("serial_number", "acquisition_date", "warranty_expiry_date", "asset_state",
				"hostname")) {
			if (record.fields().containsKey("type_fields." + field)) {
				assertThat(typeField(asset, field).asText()).as(field)
					.isEqualTo(String.valueOf(record.fields().get("type_fields." + field)));
			}
		}
		// the owner is the requester with that email
		long requester = asset.path("user_id").asLong();
		JsonNode requesters = this.simulator.records().path("requesters");
		String email = null;
		for (JsonNode node : requesters) {
			if (node.path("id").asLong() == requester) {
				email = node.path("primary_email").asText();
			}
		}
		assertThat(email).isEqualTo(record.fields().get("user_id"));
	}

	@Override
	public void assertRelated(TargetRef from, TargetRelation relation, TargetRef to) {
		assertThat(relationsOf(from))
			.anySatisfy((node) -> assertThat(node.path("primary_id").asText().equals(from.recordId())
					? node.path("secondary_id").asText() : node.path("primary_id").asText())
				.isEqualTo(to.recordId()));
	}

	private List<JsonNode> relationsOf(TargetRef ref) {
		List<JsonNode> relations = new ArrayList<>();
		for (JsonNode node : this.simulator.records().path("relationships")) {
			if (node.path("primary_id").asText().equals(ref.recordId())
					|| node.path("secondary_id").asText().equals(ref.recordId())) {
				relations.add(node);
			}
		}
		return relations;
	}

	@Override
	public int relationCount(TargetRef from) {
		return relationsOf(from).size();
	}

	@Override
	public void assertRetired(TargetRef ref) {
		assertThat(typeField(asset(ref.recordId()), "asset_state").asText()).isEqualTo("Retired");
	}

}
