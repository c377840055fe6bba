package io.itsmhub.connectors.freshservice;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.api.target.PushOutcome;
import io.itsmhub.api.target.TargetConnector;
import io.itsmhub.api.target.TargetException;
import io.itsmhub.api.target.TargetFailure;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.target.TargetRecord;
import io.itsmhub.api.target.TargetRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes items into Freshservice as assets (API v2).
 *
 * <ul>
 * <li><b>Match:</b> assets the hub has no record id for are looked up with the filter
 * query, many at once ({@code serial_number:'A' OR serial_number:'B' ...}, each query up
 * to Freshservice's 512 characters), on each {@code matchOn} field in turn.</li>
 * <li><b>Write:</b> {@code POST /api/v2/assets} or {@code PUT
 * /api/v2/assets/{display_id}}; {@code type_fields.<name>} of the mapping become the type
 * fields of the asset's type under the names Freshservice gives them (suffixed with the
 * id of the type that defines the field); {@code user_id}, {@code location_id} and
 * {@code department_id} carry an email or a name that the connector resolves to the
 * id.</li>
 * <li><b>Relate:</b> {@code POST /api/v2/relationships/bulk-create}, then the job is read
 * until it finished; existing relationships of the asset are read first, so none is
 * created twice.</li>
 * <li><b>Retire:</b> an update with the retired state the mapping gives; never a
 * delete.</li>
 * </ul>
 */
public class FreshserviceConnector implements TargetConnector {

	/** The platform id. */
	public static final String PLATFORM = "freshservice";

	static final String TYPE_FIELDS = "type_fields.";

	private static final int FILTER_MAX_LENGTH = 512;

	private static final int FILTER_MAX_PAGES = 40;

	/** Filter results come 30 a page at most. */
	private static final int FILTER_PAGE_SIZE = 30;

	private static final int BULK_SIZE = 100;

	private static final Logger logger = LoggerFactory.getLogger(FreshserviceConnector.class);

	private final FreshserviceProperties properties;

	private final FreshserviceHttp http;

	private final FreshserviceAccount account;

	/**
	 * Creates the connector.
	 * @param properties the settings
	 */
	public FreshserviceConnector(FreshserviceProperties properties) {
		this.properties = properties;
		this.http = new FreshserviceHttp(properties,
				HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
		this.account = new FreshserviceAccount(this.http);
	}

	@Override
	public String platform() {
		return PLATFORM;
	}

	@Override
	public int maxBatchSize() {
		return this.properties.batchSize();
	}

	@Override
	public FieldCatalog fieldCatalog() {
		return this.account.catalog(PLATFORM);
	}

	@Override
	public List<ConfigProblem> verify() {
		List<ConfigProblem> problems = new ArrayList<>();
		String base = this.properties.baseUrl();
		if (base == null || !base.matches("https?://.+")) {
			problems.add(new ConfigProblem(FreshserviceProperties.PREFIX + ".base-url",
					"set the account URL, such as https://acme.freshservice.com"));
		}
		if (this.properties.apiKey() == null || this.properties.apiKey().isEmpty()) {
			problems.add(new ConfigProblem(FreshserviceHttp.API_KEY_PROPERTY,
					"set the API key of the agent the hub acts as"));
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		try {
			this.http.get("/api/v2/asset_types", Map.of("per_page", "1"));
		}
		catch (TargetException ex) {
			TargetFailure failure = ex.failure();
			problems.add(new ConfigProblem(
					(failure.property() != null) ? failure.property() : FreshserviceProperties.PREFIX + ".base-url",
					failure.message()));
		}
		return problems;
	}

	@Override
	public Map<String, TargetRef> find(List<TargetPayload> payloads) {
		return match(payloads);
	}

	@Override
	public List<PushOutcome> upsert(List<UpsertRequest> batch) {
		List<TargetPayload> unknown = batch.stream()
			.filter((request) -> request.known() == null)
			.map(UpsertRequest::payload)
			.toList();
		Map<String, TargetRef> matched = unknown.isEmpty() ? Map.of() : match(unknown);
		List<PushOutcome> outcomes = new ArrayList<>(batch.size());
		for (UpsertRequest request : batch) {
			TargetRef ref = (request.known() != null) ? request.known() : matched.get(request.payload().itemId());
			outcomes.add(write(request.payload(), ref, PushOutcome.Status.UPDATED));
		}
		return outcomes;
	}

	@Override
	public List<PushOutcome> retire(List<RetireRequest> records) {
		List<PushOutcome> outcomes = new ArrayList<>(records.size());
		for (RetireRequest request : records) {
			outcomes.add(write(request.payload(), request.record(), PushOutcome.Status.RETIRED));
		}
		return outcomes;
	}

	/** Creates the asset, or updates it when its record is known; one call. */
	private PushOutcome write(TargetPayload payload, TargetRef ref, PushOutcome.Status updated) {
		String itemId = payload.itemId();
		TargetRecord record = payload.records().get(0);
		ObjectNode body;
		try {
			body = body(record);
		}
		catch (RefusedField ex) {
			return PushOutcome.failed(itemId,
					new TargetFailure(TargetFailure.Kind.PERMANENT, ex.getMessage(), null, null, null));
		}
		if (ref != null) {
			FreshserviceHttp.Answer answer = this.http.send("PUT", "/api/v2/assets/" + ref.recordId(), body);
			if (answer.ok()) {
				return PushOutcome.of(itemId, updated, ref(answer.body().path("asset")));
			}
			if (answer.status() != 404) {
				return refused(itemId, answer);
			}
			logger.info("Freshservice asset {} of item {} is gone; creating it again", ref.recordId(), itemId);
		}
		if (updated == PushOutcome.Status.RETIRED) {
			return PushOutcome.of(itemId, PushOutcome.Status.RETIRED, ref);
		}
		FreshserviceHttp.Answer answer = this.http.send("POST", "/api/v2/assets", body);
		return answer.ok() ? PushOutcome.of(itemId, PushOutcome.Status.CREATED, ref(answer.body().path("asset")))
				: refused(itemId, answer);
	}

	private static PushOutcome refused(String itemId, FreshserviceHttp.Answer answer) {
		return PushOutcome.failed(itemId,
				new TargetFailure(TargetFailure.Kind.PERMANENT, answer.error(), answer.status(), null, null));
	}

	private static TargetRef ref(JsonNode asset) {
		return new TargetRef(asset.path("display_id").asText(), asset.path("id").asText(), Map.of());
	}

	/** The create or update body of a record. */
	private ObjectNode body(TargetRecord record) {
		FreshserviceAccount.AssetType type = this.account.assetType(record.targetClass())
			.orElseThrow(() -> new RefusedField("the Freshservice account has no asset type '" + record.targetClass()
					+ "' (asset types: " + this.account.assetTypes().keySet() + ")", null));
		Map<String, FreshserviceAccount.TypeField> typeFields = this.account.typeFields(type);
		ObjectNode body = FreshserviceHttp.JSON.createObjectNode();
		body.put("asset_type_id", type.id());
		ObjectNode typeValues = FreshserviceHttp.JSON.createObjectNode();
		record.fields().forEach((field, value) -> {
			if (field.startsWith(TYPE_FIELDS)) {
				String plain = field.substring(TYPE_FIELDS.length());
				FreshserviceAccount.TypeField typeField = typeFields.get(plain);
				if (typeField == null) {
					throw new RefusedField("the asset type '" + type.name() + "' has no field '" + plain
							+ "' (mapped as " + field + ")", field);
				}
				typeValues.set(typeField.name(), FreshserviceHttp.JSON.valueToTree(value));
			}
			else if (FreshserviceAccount.REFERENCES.containsKey(field) && value != null) {
				Optional<Long> id = this.account.reference(field, value.toString());
				if (id.isEmpty()) {
					throw new RefusedField(
							"Freshservice has no " + FreshserviceAccount.REFERENCES.get(field)[0].replaceFirst("s$", "")
									+ " '" + value + "' (field " + field + ")",
							field);
				}
				body.put(field, id.get());
			}
			else {
				body.set(field, FreshserviceHttp.JSON.valueToTree(value));
			}
		});
		if (!typeValues.isEmpty()) {
			body.set("type_fields", typeValues);
		}
		return body;
	}

	/**
	 * Finds the assets of payloads by their {@code matchOn} fields, in order: for each
	 * field, one filter query for as many payloads as fit in 512 characters.
	 */
	private Map<String, TargetRef> match(List<TargetPayload> payloads) {
		Map<String, TargetRef> found = new LinkedHashMap<>();
		int longest = payloads.stream()
			.mapToInt((payload) -> payload.records().get(0).matchOn().size())
			.max()
			.orElse(0);
		for (int position = 0; position < longest; position++) {
			Map<String, List<String[]>> byField = new LinkedHashMap<>();
			for (TargetPayload payload : payloads) {
				if (found.containsKey(payload.itemId())) {
					continue;
				}
				List<Map.Entry<String, Object>> keys = new ArrayList<>(payload.records().get(0).matchOn().entrySet());
				if (position < keys.size() && keys.get(position).getValue() != null) {
					String value = keys.get(position).getValue().toString();
					if (!value.isBlank() && !value.contains("'")) {
						String field = filterField(keys.get(position).getKey());
						byField.computeIfAbsent(field, (f) -> new ArrayList<>())
							.add(new String[] { payload.itemId(), value });
					}
				}
			}
			byField.forEach((field, wanted) -> lookUp(field, wanted, found));
		}
		return found;
	}

	private static String filterField(String mappedField) {
		return mappedField.startsWith(TYPE_FIELDS) ? mappedField.substring(TYPE_FIELDS.length()) : mappedField;
	}

	/** Runs the filter queries for one field and records each payload's asset. */
	private void lookUp(String field, List<String[]> wanted, Map<String, TargetRef> found) {
		List<String[]> chunk = new ArrayList<>();
		StringJoiner query = new StringJoiner(" OR ");
		for (String[] item : wanted) {
			String clause = field + ":'" + item[1] + "'";
			if (!chunk.isEmpty() && query.length() + 4 + clause.length() + 2 > FILTER_MAX_LENGTH) {
				runFilter(field, query.toString(), chunk, found);
				chunk = new ArrayList<>();
				query = new StringJoiner(" OR ");
			}
			chunk.add(item);
			query.add(clause);
		}
		if (!chunk.isEmpty()) {
			runFilter(field, query.toString(), chunk, found);
		}
	}

	private void runFilter(String field, String query, List<String[]> items, Map<String, TargetRef> found) {
		Map<String, JsonNode> byValue = new HashMap<>();
		int pageSize = Math.min(this.properties.pageSize(), FILTER_PAGE_SIZE);
		for (int page = 1; page <= FILTER_MAX_PAGES; page++) {
			FreshserviceHttp.Answer answer = this.http.get("/api/v2/assets", Map.of("filter", "\"" + query + "\"",
					"include", "type_fields", "page", Integer.toString(page), "per_page", Integer.toString(pageSize)));
			if (!answer.ok()) {
				throw new TargetException(new TargetFailure(TargetFailure.Kind.PERMANENT,
						"Freshservice refused the asset filter on " + field + ": " + answer.error(), answer.status(),
						null, null));
			}
			JsonNode assets = answer.body().path("assets");
			for (JsonNode asset : assets) {
				String value = value(asset, field);
				if (value != null) {
					byValue.putIfAbsent(value.toLowerCase(java.util.Locale.ROOT), asset);
				}
			}
			if (assets.size() < pageSize) {
				break;
			}
		}
		for (String[] item : items) {
			JsonNode asset = byValue.get(item[1].toLowerCase(java.util.Locale.ROOT));
			if (asset != null) {
				found.put(item[0], ref(asset));
			}
		}
	}

	/** A field's value in an asset, type fields by their plain name. */
	private static String value(JsonNode asset, String field) {
		JsonNode direct = asset.get(field);
		if (direct != null && !direct.isNull()) {
			return direct.asText();
		}
		for (Map.Entry<String, JsonNode> typeField : asset.path("type_fields").properties()) {
			if (typeField.getKey().replaceFirst("_[0-9]+$", "").equals(field) && !typeField.getValue().isNull()) {
				return typeField.getValue().asText();
			}
		}
		return null;
	}

	@Override
	public List<PushOutcome> relate(List<RelationRequest> relations) {
		PushOutcome[] outcomes = new PushOutcome[relations.size()];
		Map<String, Set<String>> existing = new HashMap<>();
		List<Integer> toCreate = new ArrayList<>();
		ArrayNode wanted = FreshserviceHttp.JSON.createArrayNode();
		Set<String> inThisCall = new HashSet<>();
		for (int i = 0; i < relations.size(); i++) {
			RelationRequest request = relations.get(i);
			Optional<long[]> resolved = resolve(request);
			if (resolved.isEmpty()) {
				outcomes[i] = PushOutcome.failed(request.itemId(), new TargetFailure(TargetFailure.Kind.PERMANENT,
						"Freshservice has no relationship type named '" + request.relation().platformType() + "'", null,
						null, null));
				continue;
			}
			long[] relation = resolved.get();
			String key = relation[0] + ":" + relation[1] + ":" + relation[2];
			Set<String> known = existing.computeIfAbsent(Long.toString(relation[1]), this::relationsOf);
			if (known.contains(key) || !inThisCall.add(key)) {
				outcomes[i] = PushOutcome.of(request.itemId(), PushOutcome.Status.UNCHANGED, request.from());
				continue;
			}
			ObjectNode node = wanted.addObject();
			node.put("relationship_type_id", relation[0]);
			node.put("primary_id", relation[1]);
			node.put("primary_type", "asset");
			node.put("secondary_id", relation[2]);
			node.put("secondary_type", "asset");
			toCreate.add(i);
		}
		for (int from = 0; from < toCreate.size(); from += BULK_SIZE) {
			int to = Math.min(from + BULK_SIZE, toCreate.size());
			ArrayNode chunk = FreshserviceHttp.JSON.createArrayNode();
			for (int j = from; j < to; j++) {
				chunk.add(wanted.get(j));
			}
			List<JsonNode> results = bulkCreate(chunk);
			for (int j = from; j < to; j++) {
				RelationRequest request = relations.get(toCreate.get(j));
				JsonNode result = (j - from < results.size()) ? results.get(j - from) : null;
				outcomes[toCreate.get(j)] = (result != null && result.path("success").asBoolean())
						? PushOutcome.of(request.itemId(), PushOutcome.Status.RELATED, request.from())
						: PushOutcome.failed(request.itemId(), new TargetFailure(TargetFailure.Kind.PERMANENT,
								"Freshservice refused the relationship: "
										+ ((result != null) ? result.path("error").asText() : "no result in the job"),
								null, null, null));
			}
		}
		return List.of(outcomes);
	}

	/** The type id and the primary and secondary display ids of a relation. */
	private Optional<long[]> resolve(RelationRequest request) {
		String name = request.relation().platformType();
		boolean reverse = request.relation().reverse();
		long from = Long.parseLong(request.from().recordId());
		long to = Long.parseLong(request.to().recordId());
		for (FreshserviceAccount.RelationType type : this.account.relationTypes()) {
			if (type.downstream().equalsIgnoreCase(name)) {
				return Optional.of(reverse ? new long[] { type.id(), to, from } : new long[] { type.id(), from, to });
			}
			if (type.upstream().equalsIgnoreCase(name)) {
				return Optional.of(reverse ? new long[] { type.id(), from, to } : new long[] { type.id(), to, from });
			}
		}
		return Optional.empty();
	}

	private Set<String> relationsOf(String displayId) {
		Set<String> keys = new HashSet<>();
		FreshserviceHttp.Answer answer = this.http.get("/api/v2/assets/" + displayId + "/relationships", Map.of());
		for (JsonNode relation : answer.body().path("relationships")) {
			keys.add(relation.path("relationship_type_id").asLong() + ":" + relation.path("primary_id").asLong() + ":"
					+ relation.path("secondary_id").asLong());
		}
		return keys;
	}

	/** Starts a bulk job and reads it until it finished; its per-relationship results. */
	private List<JsonNode> bulkCreate(ArrayNode relationships) {
		ObjectNode body = FreshserviceHttp.JSON.createObjectNode();
		body.set("relationships", relationships);
		FreshserviceHttp.Answer started = this.http.send("POST", "/api/v2/relationships/bulk-create", body);
		if (!started.ok()) {
			List<JsonNode> refused = new ArrayList<>();
			relationships.forEach((relation) -> refused
				.add(((ObjectNode) relation.deepCopy()).put("success", false).put("error", started.error())));
			return refused;
		}
		String jobId = started.body().path("job_id").asText();
		long deadline = System.nanoTime() + this.properties.jobTimeout().toNanos();
		while (true) {
			JsonNode job = this.http.get("/api/v2/jobs/" + jobId, Map.of()).body();
			String status = job.path("status").asText();
			if (!status.equals("queued") && !status.equals("in progress") && !status.equals("in_progress")) {
				List<JsonNode> results = new ArrayList<>();
				job.path("relationships").forEach(results::add);
				return results;
			}
			if (System.nanoTime() > deadline) {
				throw new TargetException(new TargetFailure(TargetFailure.Kind.TRANSIENT,
						"the Freshservice bulk job " + jobId + " did not finish within " + this.properties.jobTimeout(),
						null, null, null));
			}
			try {
				Thread.sleep(this.properties.jobPollInterval().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new TargetException(
						new TargetFailure(TargetFailure.Kind.TRANSIENT, "interrupted", null, null, null), ex);
			}
		}
	}

	/** A field of a record that cannot be sent as it is. */
	private static final class RefusedField extends RuntimeException {

		RefusedField(String message, String field) {
			super(message, null, false, false);
		}

	}

}
