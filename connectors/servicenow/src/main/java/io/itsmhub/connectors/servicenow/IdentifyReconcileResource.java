package io.itsmhub.connectors.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Identification and Reconciliation API: CIs are identified by the CMDB's own
 * identification rules from the values the hub sends, then inserted or updated, in one
 * call per batch.
 */
final class IdentifyReconcileResource {

	private final ServiceNowHttp http;

	IdentifyReconcileResource(ServiceNowHttp http) {
		this.http = http;
	}

	// POST /api/now/identifyreconcile?sysparm_data_source={dataSource}
	JsonNode createOrUpdate(ObjectNode payload) {
		return this.http.send("POST",
				ServiceNowHttp.path(ServiceNowParams.PATH_IDENTIFY_RECONCILE, ServiceNowHttp
					.query(ServiceNowParams.SYSPARM_DATA_SOURCE, this.http.properties().dataSource())),
				payload)
			.json()
			.path("result");
	}

}
