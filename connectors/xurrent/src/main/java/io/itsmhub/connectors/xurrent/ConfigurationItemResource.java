package io.itsmhub.connectors.xurrent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsmhub.api.target.TargetException;
import io.itsmhub.api.target.TargetFailure;

/**
 * The configuration item operations of the GraphQL API: the {@code configurationItems}
 * connection filtered by one identifier, read page by page; the
 * {@code configurationItemCreate} and {@code configurationItemUpdate} mutations, several
 * aliased in one request; {@code nodes(ids:)} for the relations of known items; and the
 * asynchronous {@code discoveredConfigurationItems} bulk mutation with its
 * {@code AsyncQuery}.
 */
final class ConfigurationItemResource {

	static final String CI_FIELDS = "id label name serialNr assetID systemID source sourceID status";

	private static final int VALUES_PER_QUERY = 100;

	/** The most items one {@code discoveredConfigurationItems} call takes. */
	static final int BULK_SIZE = 100;

	private final XurrentGraphQl graphQl;

	private final XurrentProperties properties;

	ConfigurationItemResource(XurrentGraphQl graphQl, XurrentProperties properties) {
		this.graphQl = graphQl;
		this.properties = properties;
	}

	/**
	 * {@code query configurationItems(first, after, filter: {<field>: {values}})}, to the
	 * last page; with {@code source} set the filter also holds {@code source}.
	 * @return the items found by the value of {@code field} they hold
	 */
	Map<String, JsonNode> findBy(String field, List<String> values, String source) {
		Map<String, JsonNode> found = new LinkedHashMap<>();
		String filter = "{ " + field + ": { values: $values }"
				+ ((source != null) ? ", source: { values: [$source] }" : "") + " }";
		String query = "query($values: [String!], $after: String" + ((source != null) ? ", $source: String!" : "")
				+ ") {\n  configurationItems(first: " + this.properties.pageSize() + ", after: $after, filter: "
				+ filter + ") {\n    nodes { " + CI_FIELDS + " }\n    pageInfo { hasNextPage endCursor }\n  }\n}";
		for (int from = 0; from < values.size(); from += VALUES_PER_QUERY) {
			ObjectNode variables = XurrentGraphQl.JSON.createObjectNode();
			ArrayNode array = variables.putArray("values");
			values.subList(from, Math.min(values.size(), from + VALUES_PER_QUERY)).forEach(array::add);
			if (source != null) {
				variables.put("source", source);
			}
			String after = null;
			do {
				if (after != null) {
					variables.put("after", after);
				}
				JsonNode connection = this.graphQl.execute(query, variables).requireData().path("configurationItems");
				for (JsonNode node : connection.path("nodes")) {
					String value = node.path(field).asText(null);
					if (value != null) {
						found.putIfAbsent(value, node);
					}
				}
				JsonNode pageInfo = connection.path("pageInfo");
				after = pageInfo.path("hasNextPage").asBoolean(false) ? pageInfo.path("endCursor").asText(null) : null;
			}
			while (after != null);
		}
		return found;
	}

	/**
	 * Runs one mutation per input, {@code mutations-per-request} aliased root fields in
	 * one request. A request the server refuses as a whole (a value it cannot coerce) is
	 * sent again one mutation at a time, so that only the bad input fails.
	 * @param mutation {@code configurationItemCreate} or {@code configurationItemUpdate}
	 * @param inputType its input type
	 * @return one result per input, in order
	 */
	List<Written> mutate(String mutation, String inputType, List<ObjectNode> inputs) {
		List<Written> results = new ArrayList<>(inputs.size());
		int size = this.properties.mutationsPerRequest();
		for (int from = 0; from < inputs.size(); from += size) {
			results
				.addAll(mutateChunk(mutation, inputType, inputs.subList(from, Math.min(inputs.size(), from + size))));
		}
		return results;
	}

	private List<Written> mutateChunk(String mutation, String inputType, List<ObjectNode> inputs) {
		StringBuilder query = new StringBuilder("mutation(");
		StringBuilder body = new StringBuilder();
		ObjectNode variables = XurrentGraphQl.JSON.createObjectNode();
		for (int i = 0; i < inputs.size(); i++) {
			query.append((i > 0) ? ", " : "").append("$i").append(i).append(": ").append(inputType).append('!');
			body.append("  m")
				.append(i)
				.append(": ")
				.append(mutation)
				.append("(input: $i")
				.append(i)
				.append(") { errors { path message } configurationItem { ")
				.append(CI_FIELDS)
				.append(" } }\n");
			variables.set("i" + i, inputs.get(i));
		}
		query.append(") {\n").append(body).append('}');
		XurrentGraphQl.Answer answer = this.graphQl.execute(query.toString(), variables);
		JsonNode data = answer.data();
		if (answer.hasErrors() && (data.isMissingNode() || data.isNull())) {
			if (inputs.size() > 1) {
				List<Written> one = new ArrayList<>();
				for (ObjectNode input : inputs) {
					one.addAll(mutateChunk(mutation, inputType, List.of(input)));
				}
				return one;
			}
			return List.of(Written.refused(XurrentGraphQl.messages(answer.errors()), 400));
		}
		List<Written> results = new ArrayList<>(inputs.size());
		for (int i = 0; i < inputs.size(); i++) {
			JsonNode payload = data.path("m" + i);
			JsonNode errors = payload.path("errors");
			if (errors.isArray() && !errors.isEmpty()) {
				results.add(Written.refused(XurrentGraphQl.messages(errors), 422));
			}
			else if (payload.path("configurationItem").hasNonNull("id")) {
				results.add(new Written(payload.path("configurationItem"), null, null));
			}
			else {
				String message = answer.errorFor("m" + i);
				results.add(Written.refused((message != null) ? message : "no configuration item in the answer", 422));
			}
		}
		return results;
	}

	/**
	 * {@code nodes(ids:)}: the relations each item holds, as
	 * {@code relationType + ' ' + configurationItem.id}.
	 */
	Map<String, List<String>> relations(List<String> ids) {
		Map<String, List<String>> relations = new LinkedHashMap<>();
		String query = "query($ids: [ID!]!) {\n  nodes(ids: $ids) {\n    ... on ConfigurationItem { id "
				+ "ciRelations(first: 100) { nodes { relationType configurationItem { id } } } }\n  }\n}";
		for (int from = 0; from < ids.size(); from += VALUES_PER_QUERY) {
			ObjectNode variables = XurrentGraphQl.JSON.createObjectNode();
			ArrayNode array = variables.putArray("ids");
			ids.subList(from, Math.min(ids.size(), from + VALUES_PER_QUERY)).forEach(array::add);
			for (JsonNode node : this.graphQl.execute(query, variables).requireData().path("nodes")) {
				List<String> held = relations.computeIfAbsent(node.path("id").asText(), (id) -> new ArrayList<>());
				for (JsonNode relation : node.path("ciRelations").path("nodes")) {
					held.add(relation.path("relationType").asText() + " "
							+ relation.path("configurationItem").path("id").asText());
				}
			}
		}
		return relations;
	}

	/**
	 * {@code mutation discoveredConfigurationItems(input: {source, physicalAssets})}: one
	 * physical asset per item, its product by id, its configuration item keyed on
	 * {@code sourceID}; then polls {@code node(id:)} of the {@code AsyncQuery} until it
	 * completes and, when it reports errors, reads its {@code resultUrl}.
	 * @param items the inputs (with {@code productId}, {@code productName} and
	 * {@code sourceID}), at most {@link #BULK_SIZE}
	 * @return the errors by {@code sourceID}
	 */
	Map<String, String> bulk(List<ObjectNode> items) {
		ObjectNode input = XurrentGraphQl.JSON.createObjectNode();
		input.put("source", this.properties.source());
		ArrayNode assets = input.putArray("physicalAssets");
		for (ObjectNode item : items) {
			ObjectNode ci = item.deepCopy();
			ObjectNode asset = assets.addObject();
			asset.put("name", ci.path("name").asText());
			asset.putObject("meta").put("strategy", "DEFAULT");
			ObjectNode product = asset.putArray("products").addObject();
			product.put("id", ci.path("productId").asText());
			product.put("name", ci.path("productName").asText());
			ci.remove("productId");
			ci.remove("productName");
			ci.remove("source");
			product.putArray("configurationItems").add(ci);
		}
		ObjectNode variables = XurrentGraphQl.JSON.createObjectNode();
		variables.set("input", input);
		JsonNode payload = this.graphQl
			.execute("mutation($input: DiscoveredConfigurationItemsInput!) {\n"
					+ "  discoveredConfigurationItems(input: $input) { errors { path message } asyncQuery { id } }\n}",
					variables)
			.requireData()
			.path("discoveredConfigurationItems");
		if (payload.path("errors").isArray() && !payload.path("errors").isEmpty()) {
			Map<String, String> refused = new LinkedHashMap<>();
			String message = XurrentGraphQl.messages(payload.path("errors"));
			items.forEach((item) -> refused.put(item.path("sourceID").asText(), message));
			return refused;
		}
		String asyncId = payload.path("asyncQuery").path("id").asText(null);
		if (asyncId == null) {
			throw new TargetException(new TargetFailure(TargetFailure.Kind.TRANSIENT,
					"discoveredConfigurationItems answered no asyncQuery", 200, null, null));
		}
		JsonNode done = poll(asyncId);
		Map<String, String> errors = new LinkedHashMap<>();
		if (done.path("errorCount").asInt(0) > 0 && done.hasNonNull("resultUrl")) {
			for (JsonNode error : this.graphQl.download(done.path("resultUrl").asText()).path("errors")) {
				errors.merge(error.path("sourceID").asText(), error.path("message").asText(), (a, b) -> a + "; " + b);
			}
		}
		return errors;
	}

	private JsonNode poll(String asyncId) {
		Instant deadline = Instant.now().plus(this.properties.bulkTimeout());
		ObjectNode variables = XurrentGraphQl.JSON.createObjectNode();
		variables.put("id", asyncId);
		String query = "query($id: ID!) {\n  node(id: $id) { ... on AsyncQuery { id completed errorCount resultUrl } }\n}";
		while (true) {
			JsonNode node = this.graphQl.execute(query, variables).requireData().path("node");
			if (node.path("completed").asBoolean(false)) {
				return node;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new TargetException(new TargetFailure(TargetFailure.Kind.TRANSIENT,
						"bulk import " + asyncId + " not completed within " + this.properties.bulkTimeout(), null, null,
						null));
			}
			sleep(this.properties.bulkPollInterval());
		}
	}

	private static void sleep(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TargetException(new TargetFailure(TargetFailure.Kind.TRANSIENT, "interrupted", null, null, null));
		}
	}

	/**
	 * The outcome of one mutation.
	 *
	 * @param record the configuration item written, {@code null} when refused
	 * @param message the platform's message when refused
	 * @param status the equivalent HTTP status of a refusal (400: the request could not
	 * be coerced, 422: the payload's {@code errors})
	 */
	record Written(JsonNode record, String message, Integer status) {

		static Written refused(String message, int status) {
			return new Written(null, message, status);
		}

	}

}
