package io.itsmhub.connectors.haloitsm;

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
import io.itsmhub.simulators.core.RecordedRequest;
import io.itsmhub.simulators.haloitsm.HaloItsmSimulator;
import io.itsmhub.simulators.http.SimulatorServer;

import static org.assertj.core.api.Assertions.assertThat;

/** The HaloITSM simulator, seen through the contract kit's eyes. */
final class HaloSimulatorPlatform implements ContractPlatform {

	/** The link fields of an asset read with its hierarchy, per relation type. */
	static final Map<String, String> LINK_FIELDS = Map.of("parent", "parent_assets", "child", "child_assets", "sibling",
			"sibling_assets");

	private final SimulatorServer server;

	private final HaloItsmSimulator simulator;

	HaloSimulatorPlatform(SimulatorServer server) {
		this.server = server;
		this.simulator = (HaloItsmSimulator) server.simulator();
	}

	HaloItsmSimulator simulator() {
		return this.simulator;
	}

	@Override
	public String baseUrl() {
		return this.server.baseUrl();
	}

	@Override
	public List<RecordedCall> requests() {
		return this.simulator.recordedRequests().stream().map(HaloSimulatorPlatform::call).toList();
	}

	/**
	 * A recorded request as the kit sees it. The token request carries its client
	 * credentials in the form body (client_secret_post, as Halo's API applications take
	 * them), not in a header: its authorization is reported as
	 * {@code client_secret_post}.
	 */
	static RecordedCall call(RecordedRequest request) {
		StringJoiner query = new StringJoiner("&");
		request.query().forEach((name, values) -> values.forEach((value) -> query.add(name + "=" + value)));
		List<String> authorization = request.headers().get("authorization");
		String scheme = (authorization != null && !authorization.isEmpty()) ? authorization.get(0).split(" ")[0] : null;
		if (scheme == null && request.path().endsWith("/auth/token") && request.body() != null
				&& request.body().contains("client_secret=")) {
			scheme = "client_secret_post";
		}
		return new RecordedCall(request.method(), request.path(), (query.length() > 0) ? query.toString() : null,
				request.body(), request.status(), scheme);
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
		return !call.method().equals("GET") && !call.path().endsWith("/auth/token");
	}

	@Override
	public Integer pageOffset(RecordedCall call) {
		if (!call.method().equals("GET") || !call.path().equals("/api/Asset")
				|| !"true".equals(call.queryParam("pageinate"))) {
			return null;
		}
		return (Integer.parseInt(call.queryParam("page_no")) - 1) * Integer.parseInt(call.queryParam("page_size"));
	}

	List<JsonNode> assets(String type) {
		List<JsonNode> assets = new ArrayList<>();
		this.simulator.records().path(type).forEach(assets::add);
		return assets;
	}

	List<JsonNode> allAssets() {
		List<JsonNode> assets = new ArrayList<>();
		this.simulator.records().forEach((type) -> type.forEach(assets::add));
		return assets;
	}

	JsonNode asset(String id) {
		return allAssets().stream()
			.filter((asset) -> asset.path("id").asText().equals(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no asset " + id));
	}

	@Override
	public int storedCount(String targetClass) {
		return assets(targetClass).size();
	}

	@Override
	public void assertStored(TargetPayload payload, TargetRef ref) {
		TargetRecord record = payload.records().get(0);
		JsonNode asset = asset(ref.recordId());
		assertThat(asset.path("assettype_name").asText()).isEqualTo(record.targetClass());
		record.fields().forEach((field, value) -> {
			JsonNode stored = asset.path(field);
			if (stored.isNumber()) {
				assertThat(stored.decimalValue()).as(field).isEqualByComparingTo(HaloItsmConnector.text(value));
			}
			else {
				assertThat(stored.asText()).as(field).isEqualTo(HaloItsmConnector.text(value));
			}
		});
	}

	@Override
	public void assertRelated(TargetRef from, TargetRelation relation, TargetRef to) {
		JsonNode holder = asset((relation.reverse() ? to : from).recordId());
		String other = (relation.reverse() ? from : to).recordId();
		List<String> linked = new ArrayList<>();
		holder.path(LINK_FIELDS.get(relation.platformType())).forEach((link) -> linked.add(link.path("id").asText()));
		assertThat(linked).contains(other);
	}

	@Override
	public int relationCount(TargetRef from) {
		JsonNode asset = asset(from.recordId());
		int count = 0;
		for (String field : LINK_FIELDS.values()) {
			count += asset.path(field).size();
		}
		return count;
	}

	@Override
	public void assertRetired(TargetRef ref) {
		JsonNode asset = asset(ref.recordId());
		assertThat(asset.path("inactive").asBoolean()).isTrue();
		assertThat(asset.path("status_name").asText()).isEqualTo("Retired");
	}

}
