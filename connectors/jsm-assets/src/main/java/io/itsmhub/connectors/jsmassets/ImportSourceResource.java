package io.itsmhub.connectors.jsmassets;

import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsmhub.api.target.TargetException;

/**
 * The external import API of one import source: its mapping, executions, data chunks and
 * status. Signed with the import source's token when one is configured.
 */
final class ImportSourceResource {

	private final AssetsHttp http;

	private volatile boolean mappingExists;

	ImportSourceResource(AssetsHttp http) {
		this.http = http;
	}

	private URI uri(String path) {
		return URI.create(this.http.apiRoot() + "/importsource/" + this.http.properties().importSourceId() + path);
	}

	private JsonNode send(String method, URI uri, JsonNode body) {
		return this.http.send(method, uri, body, this.http.properties().importToken()).json();
	}

	// PUT /importsource/{id}/mapping, or PATCH when a mapping exists (409)
	void putMapping(ObjectNode document) {
		if (this.mappingExists) {
			// PATCH /importsource/{id}/mapping
			send("PATCH", uri("/mapping"), document);
			return;
		}
		try {
			send("PUT", uri("/mapping"), document);
		}
		catch (TargetException ex) {
			if (ex.failure().httpStatus() == null || ex.failure().httpStatus() != 409) {
				throw ex;
			}
			send("PATCH", uri("/mapping"), document);
		}
		this.mappingExists = true;
	}

	// POST /importsource/{id}/executions
	JsonNode startExecution() {
		return send("POST", uri("/executions"), null).path("links");
	}

	// POST {links.submitResults} (/importsource/{id}/executions/{executionId}/data)
	void submit(String dataUrl, ObjectNode chunk) {
		send("POST", URI.create(dataUrl), chunk);
	}

	// GET {links.getExecutionStatus} (/importsource/{id}/executions/{executionId}/status)
	JsonNode status(String statusUrl) {
		return send("GET", URI.create(statusUrl), null);
	}

}
