package io.itsmhub.simulators.jsmassets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.itsmhub.simulators.core.RecordedRequest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks every request the JSM Assets simulator recorded during this test run against the
 * official Assets OpenAPI specification (a copy in the test resources). Runs last (see
 * {@code junit-platform.properties}).
 */
@Order(Integer.MAX_VALUE)
class JsmAssetsContractTest {

	static final String SPEC = "JSM-Assets-assets-api.swagger.v3.1.135.77.json";

	/** Jira Service Management's own API, not part of the Assets specification. */
	static final String WORKSPACE_DISCOVERY = "/rest/servicedeskapi/assets/workspace";

	/** The Jira platform's user search, not part of the Assets specification. */
	static final String USER_SEARCH = "/rest/api/3/user/search";

	private final OpenApiContract contract = OpenApiContract.load(SPEC);

	@Test
	void everyRecordedRequestFollowsTheSpecification() {
		List<RecordedRequest> traffic = JsmRecordedTraffic.all();
		assertThat(traffic).as("traffic recorded by JsmAssetsSimulatorTest (run the whole module)")
			.hasSizeGreaterThan(50);
		List<String> violations = new ArrayList<>();
		for (RecordedRequest request : traffic) {
			if (!request.path().equals(WORKSPACE_DISCOVERY) && !request.path().equals(USER_SEARCH)) {
				violations.addAll(this.contract.violations(request));
			}
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void theTrafficCoversTheOperationsAConnectorUses() {
		Set<String> operations = new TreeSet<>();
		for (RecordedRequest request : JsmRecordedTraffic.all()) {
			String operation = this.contract.operationOf(request);
			if (operation != null) {
				operations.add(operation);
			}
		}
		assertThat(operations).contains("GET /objectschema/list", "GET /objectschema/{id}/objecttypes/flat",
				"GET /objecttype/{id}/attributes", "POST /object/create", "PUT /object/{id}", "GET /object/{id}",
				"DELETE /object/{id}", "POST /object/aql", "POST /object/aql/totalcount", "GET /config/statustype",
				"GET /config/referencetype", "POST /importsource/{importSourceId}/token",
				"PUT /importsource/{importSourceId}/mapping", "PATCH /importsource/{importSourceId}/mapping",
				"POST /importsource/{importSourceId}/executions",
				"POST /importsource/{importSourceId}/executions/{importExecutionId}/data",
				"GET /importsource/{importSourceId}/executions/{importExecutionId}/status",
				"PUT /importsource/{importSourceId}/executions/{importExecutionId}/progress",
				"DELETE /importsource/{importSourceId}/executions/{importExecutionId}",
				"GET /importsource/{importSourceId}/configstatus", "GET /importsource/{id}");
	}

	@Test
	void theCheckerRejectsWhatTheSpecificationDoesNotHave() {
		String api = "/jsm/assets/workspace/ws/v1";
		assertThat(this.contract.violations(request("POST", api + "/objects/bulk", "{}", 201))).singleElement()
			.asString()
			.contains("no such path");
		assertThat(this.contract.violations(request("PATCH", api + "/object/12", "{}", 200))).singleElement()
			.asString()
			.contains("method not in the specification");
		assertThat(this.contract.violations(request("POST", api + "/object/create", "{\"attributes\":[]}", 201)))
			.singleElement()
			.asString()
			.contains("objectTypeId");
		assertThat(this.contract.violations(request("POST", api + "/object/create", "{\"attributes\":[]}", 400)))
			.isEmpty();
		assertThat(this.contract.violations(request("POST", api + "/object/aql", "{\"qlQuery\":7}", 200))).isNotEmpty();
		assertThat(this.contract
			.violations(request("POST", api + "/object/create", "{\"objectTypeId\":\"1\",\"attributes\":[]}", 201)))
			.isEmpty();
		assertThat(this.contract.violations(request("GET", "/api/now/table/cmdb_ci", "", 200))).isNotEmpty();
	}

	private static RecordedRequest request(String method, String path, String body, int status) {
		return new RecordedRequest(1, Instant.now(), method, path, Map.of(), Map.of(), body, status, null);
	}

}
