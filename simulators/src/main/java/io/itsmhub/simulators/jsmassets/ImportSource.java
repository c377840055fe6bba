package io.itsmhub.simulators.jsmassets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An external import source: its schema-and-mapping document, its bearer token and its
 * executions.
 */
final class ImportSource {

	final String id;

	final String name;

	final Instant created;

	JsonNode mapping;

	volatile String token;

	final Map<String, Execution> executions = new LinkedHashMap<>();

	ImportSource(String id, String name, Instant created) {
		this.id = id;
		this.name = name;
		this.created = created;
	}

	Execution running() {
		return this.executions.values().stream().filter((e) -> e.status.equals("INGESTING")).findFirst().orElse(null);
	}

	/**
	 * One import run: data chunks submitted until one says {@code completed}, then
	 * processed.
	 */
	static final class Execution {

		final String id;

		final Instant started;

		String status = "INGESTING";

		Instant ended;

		final List<JsonNode> chunks = new ArrayList<>();

		final Set<String> clientGeneratedIds = new HashSet<>();

		ObjectNode result;

		Execution(String id, Instant started) {
			this.id = id;
			this.started = started;
		}

	}

}
