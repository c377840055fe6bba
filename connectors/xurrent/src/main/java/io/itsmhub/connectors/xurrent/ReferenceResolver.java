package io.itsmhub.connectors.xurrent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the names a mapping gives for references (a product, a site, an organization, a
 * person's email) into the account's record ids, and remembers them. One query per batch
 * looks up every new value of every kind at once (aliased connections, filtered on
 * {@code name} or {@code primaryEmail}); a value not found is remembered as missing too.
 * Missing products are created ({@code productCreate}, in the product category named like
 * the target class) when {@code create-products} is on.
 */
final class ReferenceResolver {

	/** A kind of referenced record and how it is looked up. */
	enum Kind {

		PRODUCT("products", "name"), SITE("sites", "name"), ORGANIZATION("organizations", "name"),
		PERSON("people", "primaryEmail"), TEAM("teams", "name"), CATEGORY("productCategories", "name");

		final String connection;

		final String filterField;

		Kind(String connection, String filterField) {
			this.connection = connection;
			this.filterField = filterField;
		}

	}

	/** The configuration item input fields that hold references, and their kind. */
	static final Map<String, Kind> FIELDS = Map.of("productId", Kind.PRODUCT, "siteId", Kind.SITE, "financialOwnerId",
			Kind.ORGANIZATION, "supplierId", Kind.ORGANIZATION, "userIds", Kind.PERSON, "supportTeamId", Kind.TEAM);

	private static final Logger log = LoggerFactory.getLogger(ReferenceResolver.class);

	private static final String MISSING = "";

	private static final int VALUES_PER_QUERY = 100;

	private final XurrentGraphQl graphQl;

	private final Map<Kind, Map<String, String>> cache = new ConcurrentHashMap<>();

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	ReferenceResolver(XurrentGraphQl graphQl) {
		this.graphQl = graphQl;
	}

	/**
	 * Looks up every value not seen before, one aliased query per 100 values of a kind.
	 */
	void prefetch(Map<Kind, Set<String>> wanted) {
		Map<Kind, List<String>> unknown = new LinkedHashMap<>();
		wanted.forEach((kind, values) -> {
			Map<String, String> known = known(kind);
			values.stream()
				.filter((value) -> value != null && !value.isBlank() && !known.containsKey(key(value)))
				.distinct()
				.forEach((value) -> unknown.computeIfAbsent(kind, (k) -> new ArrayList<>()).add(value));
		});
		if (unknown.isEmpty()) {
			return;
		}
		StringBuilder query = new StringBuilder("query(");
		StringBuilder body = new StringBuilder();
		ObjectNode variables = XurrentGraphQl.JSON.createObjectNode();
		Map<String, Kind> aliases = new LinkedHashMap<>();
		int index = 0;
		for (Map.Entry<Kind, List<String>> entry : unknown.entrySet()) {
			Kind kind = entry.getKey();
			List<String> values = entry.getValue();
			for (int from = 0; from < values.size(); from += VALUES_PER_QUERY) {
				String alias = "r" + index++;
				ArrayNode array = variables.putArray(alias);
				values.subList(from, Math.min(values.size(), from + VALUES_PER_QUERY)).forEach(array::add);
				query.append((index > 1) ? ", " : "").append('$').append(alias).append(": [String!]");
				body.append("  ")
					.append(alias)
					.append(": ")
					.append(kind.connection)
					.append("(first: 100, filter: { ")
					.append(kind.filterField)
					.append(": { values: $")
					.append(alias)
					.append(" } }) { nodes { id ")
					.append(kind.filterField)
					.append(" } }\n");
				aliases.put(alias, kind);
			}
		}
		query.append(") {\n").append(body).append('}');
		JsonNode data = this.graphQl.execute(query.toString(), variables).requireData();
		aliases.forEach((alias, kind) -> {
			Map<String, String> known = known(kind);
			for (JsonNode value : variables.path(alias)) {
				known.putIfAbsent(key(value.asText()), MISSING);
			}
			for (JsonNode node : data.path(alias).path("nodes")) {
				known.put(key(node.path(kind.filterField).asText()), node.path("id").asText());
			}
		});
	}

	/**
	 * The id of a record of a kind by its name or email, {@code null} when it is missing.
	 */
	String id(Kind kind, String value) {
		String id = known(kind).get(key(value));
		return (id == null || id.equals(MISSING)) ? null : id;
	}

	/** Logs once per value that a reference could not be resolved and is left out. */
	void warnMissing(String field, String value) {
		if (this.warned.add(field + "=" + value)) {
			log.warn("Xurrent has no record for {} '{}'; the field is left out", field, value);
		}
	}

	/**
	 * Creates the missing products, each in the product category named like its target
	 * class.
	 * @param products product name to target class
	 * @return product name to the problem, for those that could not be created
	 */
	Map<String, String> createProducts(Map<String, String> products) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (products.isEmpty()) {
			return problems;
		}
		prefetch(Map.of(Kind.CATEGORY, new LinkedHashSet<>(products.values())));
		StringBuilder query = new StringBuilder("mutation(");
		StringBuilder body = new StringBuilder();
		ObjectNode variables = XurrentGraphQl.JSON.createObjectNode();
		Map<String, String> aliases = new LinkedHashMap<>();
		int index = 0;
		for (Map.Entry<String, String> product : products.entrySet()) {
			String category = id(Kind.CATEGORY, product.getValue());
			if (category == null) {
				problems.put(product.getKey(), "no product '" + product.getKey() + "' and no product category '"
						+ product.getValue() + "' to create it in");
				continue;
			}
			String alias = "p" + index++;
			ObjectNode input = variables.putObject(alias);
			input.put("name", product.getKey());
			input.put("categoryId", category);
			query.append((index > 1) ? ", " : "").append('$').append(alias).append(": ProductCreateInput!");
			body.append("  ")
				.append(alias)
				.append(": productCreate(input: $")
				.append(alias)
				.append(") { errors { path message } product { id name } }\n");
			aliases.put(alias, product.getKey());
		}
		if (aliases.isEmpty()) {
			return problems;
		}
		query.append(") {\n").append(body).append('}');
		XurrentGraphQl.Answer answer = this.graphQl.execute(query.toString(), variables);
		JsonNode data = answer.requireData();
		aliases.forEach((alias, name) -> {
			JsonNode payload = data.path(alias);
			JsonNode errors = payload.path("errors");
			if (payload.path("product").hasNonNull("id")) {
				known(Kind.PRODUCT).put(key(name), payload.path("product").path("id").asText());
			}
			else {
				String message = (errors.isArray() && !errors.isEmpty()) ? XurrentGraphQl.messages(errors)
						: answer.errorFor(alias);
				problems.put(name, "product '" + name + "' could not be created: " + message);
			}
		});
		return problems;
	}

	private Map<String, String> known(Kind kind) {
		return this.cache.computeIfAbsent(kind, (k) -> new ConcurrentHashMap<>());
	}

	private static String key(String value) {
		return value.trim().toLowerCase(Locale.ROOT);
	}

}
