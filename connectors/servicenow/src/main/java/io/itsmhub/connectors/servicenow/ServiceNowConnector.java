package io.itsmhub.connectors.servicenow;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.api.target.PushOutcome;
import io.itsmhub.api.target.PushOutcome.Status;
import io.itsmhub.api.target.TargetConnector;
import io.itsmhub.api.target.TargetFailure;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.target.TargetRecord;
import io.itsmhub.api.target.TargetRef;

/**
 * Pushes to ServiceNow. Per {@link #upsert} batch: one Identification and Reconciliation
 * call for the CIs (identified by the CMDB's own rules, with the hub as the data source
 * and the item id as native key), one Table API read for asset records it does not know
 * yet, and one Batch API call that creates or updates their {@code alm_hardware} records
 * linked to the CI. Relations go to {@code cmdb_rel_ci} through the Batch API with the
 * type resolved by name; retirement sets {@code install_status} and
 * {@code operational_status}.
 *
 * <p>
 * {@link TargetRef#recordId()} is the CI's sys_id; {@link TargetRef#related()} holds the
 * {@code alm_hardware} sys_id under {@code asset}.
 */
public final class ServiceNowConnector implements TargetConnector {

	/** The platform id. */
	public static final String PLATFORM = "servicenow";

	private static final DateTimeFormatter GLIDE_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final ServiceNowProperties properties;

	private final ServiceNowHttp http;

	private final TableResource table;

	private final IdentifyReconcileResource ire;

	private final BatchResource batch;

	private final ServiceNowVerifier verifier;

	private final Map<String, String> relationTypes = new ConcurrentHashMap<>();

	private volatile FieldCatalog catalog;

	/** A connector with its own HTTP client. */
	public ServiceNowConnector(ServiceNowProperties properties) {
		this(properties, HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
	}

	/** A connector over a given HTTP client. */
	public ServiceNowConnector(ServiceNowProperties properties, HttpClient client) {
		this.properties = properties;
		this.http = new ServiceNowHttp(properties, client);
		this.table = new TableResource(this.http);
		this.ire = new IdentifyReconcileResource(this.http);
		this.batch = new BatchResource(this.http);
		this.verifier = new ServiceNowVerifier(properties, this.table);
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
		FieldCatalog current = this.catalog;
		if (current == null) {
			current = new DictionaryReader(this.table, this.properties).read();
			this.catalog = current;
		}
		return current;
	}

	@Override
	public List<ConfigProblem> verify() {
		return this.verifier.verify();
	}

	@Override
	public Map<String, TargetRef> find(List<TargetPayload> payloads) {
		Map<String, String> ciIds = new LinkedHashMap<>();
		List<TargetPayload> withCi = payloads.stream()
			.filter((payload) -> payload.record(ServiceNowParams.ROLE_CI).isPresent())
			.toList();
		if (!withCi.isEmpty()) {
			List<TargetRecord> records = withCi.stream()
				.map((payload) -> payload.record(ServiceNowParams.ROLE_CI).orElseThrow())
				.toList();
			Set<String> fields = new LinkedHashSet<>(List.of("sys_id"));
			records.forEach((record) -> fields.addAll(record.matchOn().keySet()));
			List<JsonNode> found = this.table.list(ServiceNowParams.TABLE_CMDB_CI, anyOf(records),
					String.join(",", fields));
			for (TargetPayload payload : withCi) {
				String sysId = match(payload.record(ServiceNowParams.ROLE_CI).orElseThrow(), found);
				if (sysId != null) {
					ciIds.put(payload.itemId(), sysId);
				}
			}
		}
		List<Integer> assetIndexes = new ArrayList<>();
		for (int i = 0; i < payloads.size(); i++) {
			if (payloads.get(i).record(ServiceNowParams.ROLE_ASSET).isPresent()) {
				assetIndexes.add(i);
			}
		}
		String[] ciArray = payloads.stream().map((payload) -> ciIds.get(payload.itemId())).toArray(String[]::new);
		String[] assets = findAssets(payloads, assetIndexes, ciArray);
		Map<String, TargetRef> refs = new LinkedHashMap<>();
		for (int i = 0; i < payloads.size(); i++) {
			String ci = ciArray[i];
			String asset = assets[i];
			if (ci != null || (asset != null && payloads.get(i).record(ServiceNowParams.ROLE_CI).isEmpty())) {
				refs.put(payloads.get(i).itemId(), ref((ci != null) ? ci : asset, asset));
			}
		}
		return refs;
	}

	@Override
	public List<PushOutcome> upsert(List<UpsertRequest> requests) {
		if (requests.size() > maxBatchSize()) {
			throw new IllegalArgumentException(
					"at most " + maxBatchSize() + " requests per batch, got " + requests.size());
		}
		int count = requests.size();
		String[] ciIds = new String[count];
		String[] operations = new String[count];
		TargetFailure[] failures = new TargetFailure[count];
		identifyAndReconcile(requests, ciIds, operations, failures);

		List<TargetPayload> payloads = requests.stream().map(UpsertRequest::payload).toList();
		String[] assetIds = new String[count];
		List<Integer> unknownAssets = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			UpsertRequest request = requests.get(i);
			if (failures[i] != null || request.payload().record(ServiceNowParams.ROLE_ASSET).isEmpty()) {
				continue;
			}
			String known = (request.known() != null) ? request.known().related().get(ServiceNowParams.ROLE_ASSET)
					: null;
			if (known != null) {
				assetIds[i] = known;
			}
			else {
				unknownAssets.add(i);
			}
		}
		String[] found = findAssets(payloads, unknownAssets, ciIds);
		unknownAssets.forEach((i) -> assetIds[i] = found[i]);

		boolean[] assetCreated = new boolean[count];
		boolean[] assetWritten = new boolean[count];
		List<BatchResource.Request> writes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			if (failures[i] != null) {
				continue;
			}
			TargetRecord asset = requests.get(i).payload().record(ServiceNowParams.ROLE_ASSET).orElse(null);
			if (asset == null) {
				continue;
			}
			ObjectNode body = values(asset.fields());
			if (ciIds[i] != null) {
				body.put("ci", ciIds[i]);
			}
			if (assetIds[i] == null) {
				// the hub names the record it creates, so a create repeated after its
				// answer
				// was lost (or timed out and landed later) is refused instead of
				// duplicated
				body.put("sys_id", ownSysId(asset.targetClass(), requests.get(i).payload().itemId()));
			}
			writes.add(new BatchResource.Request("asset-" + i, (assetIds[i] != null) ? "PATCH" : "POST",
					TableResource.recordPath(asset.targetClass(), assetIds[i]), body));
		}
		Map<String, BatchResource.Inner> answers = writeCreatingOnce(writes);
		for (BatchResource.Request write : writes) {
			int i = Integer.parseInt(write.id().substring("asset-".length()));
			BatchResource.Inner answer = answers.get(write.id());
			if (answer == null || answer.failure() != null) {
				failures[i] = (answer != null) ? answer.failure() : new TargetFailure(TargetFailure.Kind.TRANSIENT,
						"the batch answer did not mention the asset write", null, null, null);
				continue;
			}
			assetIds[i] = answer.result().path("sys_id").asText(assetIds[i]);
			assetWritten[i] = true;
			assetCreated[i] = write.method().equals("POST");
		}

		List<PushOutcome> outcomes = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String itemId = requests.get(i).payload().itemId();
			boolean hasCi = requests.get(i).payload().record(ServiceNowParams.ROLE_CI).isPresent();
			String main = hasCi ? ciIds[i] : assetIds[i];
			TargetRef ref = (main != null) ? ref(main, assetIds[i]) : null;
			if (failures[i] != null) {
				outcomes.add(new PushOutcome(itemId, Status.FAILED, ref, failures[i]));
			}
			else if (hasCi ? "INSERT".equals(operations[i]) : assetCreated[i]) {
				outcomes.add(PushOutcome.of(itemId, Status.CREATED, ref));
			}
			else if ((hasCi && "UPDATE".equals(operations[i])) || assetWritten[i]) {
				outcomes.add(PushOutcome.of(itemId, Status.UPDATED, ref));
			}
			else {
				outcomes.add(PushOutcome.of(itemId, Status.UNCHANGED, ref));
			}
		}
		return outcomes;
	}

	private void identifyAndReconcile(List<UpsertRequest> requests, String[] ciIds, String[] operations,
			TargetFailure[] failures) {
		ObjectNode payload = ServiceNowHttp.JSON.createObjectNode();
		ArrayNode items = payload.putArray("items");
		List<Integer> positions = new ArrayList<>();
		String now = ZonedDateTime.now(ZoneOffset.UTC).format(GLIDE_DATE_TIME);
		for (int i = 0; i < requests.size(); i++) {
			TargetPayload request = requests.get(i).payload();
			TargetRecord ci = request.record(ServiceNowParams.ROLE_CI).orElse(null);
			if (ci == null) {
				continue;
			}
			ObjectNode item = items.addObject();
			item.put("className", ci.targetClass());
			item.put("internal_id", request.itemId());
			item.set("values", values(ci.fields()));
			ObjectNode source = item.putObject("sys_object_source_info");
			source.put("source_name", this.properties.sourceName());
			source.put("source_native_key", request.itemId());
			source.put("source_recency_timestamp", now);
			positions.add(i);
		}
		if (positions.isEmpty()) {
			return;
		}
		JsonNode results = this.ire.createOrUpdate(payload).path("items");
		for (int k = 0; k < positions.size(); k++) {
			int i = positions.get(k);
			JsonNode result = results.path(k);
			String sysId = result.path("sysId").asText("");
			if (result.isMissingNode()) {
				failures[i] = new TargetFailure(TargetFailure.Kind.TRANSIENT, "IRE answered without this item", null,
						null, null);
			}
			else if (result.path("errorCount").asInt(0) > 0 || sysId.isEmpty() || sysId.equals("Unknown")) {
				failures[i] = new TargetFailure(TargetFailure.Kind.PERMANENT, ireErrors(result), null, null, null);
			}
			else {
				ciIds[i] = sysId;
				operations[i] = result.path("operation").asText();
			}
		}
	}

	private static String ireErrors(JsonNode result) {
		StringJoiner joined = new StringJoiner("; ");
		for (JsonNode error : result.path("errors")) {
			joined.add(error.path("error").asText("ERROR") + ": " + error.path("message").asText(""));
		}
		return (joined.length() > 0) ? joined.toString() : "IRE did not identify the item";
	}

	/**
	 * Finds the asset records of the payloads at {@code indexes}: by CI, then by
	 * identifiers.
	 */
	private String[] findAssets(List<TargetPayload> payloads, List<Integer> indexes, String[] ciIds) {
		String[] found = new String[payloads.size()];
		if (indexes.isEmpty()) {
			return found;
		}
		List<TargetRecord> assets = indexes.stream()
			.map((i) -> payloads.get(i).record(ServiceNowParams.ROLE_ASSET).orElseThrow())
			.toList();
		StringJoiner query = new StringJoiner("^OR");
		List<String> ciValues = indexes.stream().map((i) -> ciIds[i]).filter((id) -> id != null).toList();
		if (!ciValues.isEmpty()) {
			query.add("ciIN" + String.join(",", ciValues));
		}
		String byIdentifiers = anyOf(assets);
		if (!byIdentifiers.isEmpty()) {
			query.add(byIdentifiers);
		}
		Set<String> fields = new LinkedHashSet<>(List.of("sys_id", "ci"));
		assets.forEach((record) -> fields.addAll(record.matchOn().keySet()));
		String assetTable = assets.get(0).targetClass();
		List<JsonNode> records = this.table.list(assetTable, query.toString(), String.join(",", fields));
		Set<String> taken = new HashSet<>();
		for (int k = 0; k < indexes.size(); k++) {
			int i = indexes.get(k);
			String ci = ciIds[i];
			String sysId = null;
			if (ci != null) {
				sysId = records.stream()
					.filter((record) -> ci.equals(record.path("ci").asText()))
					.map((record) -> record.path("sys_id").asText())
					.findFirst()
					.orElse(null);
			}
			if (sysId == null) {
				List<JsonNode> free = records.stream()
					.filter((record) -> record.path("ci").asText("").isEmpty() || record.path("ci").asText().equals(ci))
					.toList();
				sysId = match(assets.get(k), free);
			}
			if (sysId != null && taken.add(sysId)) {
				found[i] = sysId;
			}
		}
		return found;
	}

	@Override
	public List<PushOutcome> relate(List<RelationRequest> relations) {
		resolveRelationTypes(relations.stream().map((r) -> r.relation().platformType()).toList());
		Set<String> parents = new LinkedHashSet<>();
		Set<String> children = new LinkedHashSet<>();
		for (RelationRequest request : relations) {
			parents.add(parent(request));
			children.add(child(request));
		}
		Set<String> existing = new HashSet<>();
		if (!relations.isEmpty()) {
			for (JsonNode record : this.table.list(ServiceNowParams.TABLE_REL_CI,
					"parentIN" + String.join(",", parents) + "^childIN" + String.join(",", children),
					"sys_id,parent,child,type")) {
				existing.add(key(record.path("parent").asText(), record.path("child").asText(),
						record.path("type").asText()));
			}
		}
		List<BatchResource.Request> writes = new ArrayList<>();
		Map<String, Integer> firstWrite = new HashMap<>();
		PushOutcome[] outcomes = new PushOutcome[relations.size()];
		for (int i = 0; i < relations.size(); i++) {
			RelationRequest request = relations.get(i);
			String type = this.relationTypes.get(request.relation().platformType());
			if (type == null) {
				outcomes[i] = PushOutcome.failed(request.itemId(),
						new TargetFailure(TargetFailure.Kind.PERMANENT, "relation type '"
								+ request.relation().platformType() + "' does not exist in cmdb_rel_type", null, null,
								null));
				continue;
			}
			String key = key(parent(request), child(request), type);
			if (existing.contains(key)) {
				outcomes[i] = PushOutcome.of(request.itemId(), Status.UNCHANGED, request.from());
				continue;
			}
			if (firstWrite.putIfAbsent(key, i) != null) {
				continue;
			}
			ObjectNode body = ServiceNowHttp.JSON.createObjectNode();
			body.put("parent", parent(request));
			body.put("child", child(request));
			body.put("type", type);
			body.put("sys_id", ownSysId(ServiceNowParams.TABLE_REL_CI, key));
			writes.add(new BatchResource.Request("rel-" + i, "POST",
					TableResource.recordPath(ServiceNowParams.TABLE_REL_CI, null), body));
		}
		Map<String, BatchResource.Inner> answers = writeCreatingOnce(writes);
		for (int i = 0; i < relations.size(); i++) {
			if (outcomes[i] != null) {
				continue;
			}
			RelationRequest request = relations.get(i);
			int writer = firstWrite
				.get(key(parent(request), child(request), this.relationTypes.get(request.relation().platformType())));
			BatchResource.Inner answer = answers.get("rel-" + writer);
			if (answer == null || answer.failure() != null) {
				outcomes[i] = PushOutcome.failed(request.itemId(),
						(answer != null) ? answer.failure() : new TargetFailure(TargetFailure.Kind.TRANSIENT,
								"no answer for the relation", null, null, null));
			}
			else {
				outcomes[i] = PushOutcome.of(request.itemId(), Status.RELATED, request.from());
			}
		}
		return List.of(outcomes);
	}

	/**
	 * Deletes the {@code cmdb_rel_ci} rows of the relations, as ServiceNow's own
	 * reconciliation does: a relation has no status, and the CIs at both ends stay. One
	 * read finds the rows ({@code parentIN…^childIN…}), one Batch API call per
	 * {@code batch-size} deletes them; a relation with no row is already gone.
	 */
	@Override
	public List<PushOutcome> unrelate(List<RelationRequest> relations) {
		if (relations.isEmpty()) {
			return List.of();
		}
		resolveRelationTypes(relations.stream().map((r) -> r.relation().platformType()).toList());
		Set<String> parents = new LinkedHashSet<>();
		Set<String> children = new LinkedHashSet<>();
		for (RelationRequest request : relations) {
			parents.add(parent(request));
			children.add(child(request));
		}
		Map<String, List<String>> rows = new HashMap<>();
		for (JsonNode record : this.table.list(ServiceNowParams.TABLE_REL_CI,
				"parentIN" + String.join(",", parents) + "^childIN" + String.join(",", children),
				"sys_id,parent,child,type")) {
			rows.computeIfAbsent(
					key(record.path("parent").asText(), record.path("child").asText(), record.path("type").asText()),
					(k) -> new ArrayList<>())
				.add(record.path("sys_id").asText());
		}
		List<BatchResource.Request> deletes = new ArrayList<>();
		Map<Integer, List<String>> deletesOf = new HashMap<>();
		Set<String> taken = new HashSet<>();
		for (int i = 0; i < relations.size(); i++) {
			RelationRequest request = relations.get(i);
			String type = this.relationTypes.get(request.relation().platformType());
			List<String> ids = (type != null) ? rows.getOrDefault(key(parent(request), child(request), type), List.of())
					: List.of();
			List<String> mine = new ArrayList<>();
			for (String sysId : ids) {
				if (taken.add(sysId)) {
					deletes.add(new BatchResource.Request("unrel-" + sysId, "DELETE",
							TableResource.recordPath(ServiceNowParams.TABLE_REL_CI, sysId), null));
					mine.add(sysId);
				}
			}
			deletesOf.put(i, mine);
		}
		Map<String, BatchResource.Inner> answers = this.batch.run(deletes);
		List<PushOutcome> outcomes = new ArrayList<>(relations.size());
		for (int i = 0; i < relations.size(); i++) {
			RelationRequest request = relations.get(i);
			TargetFailure failure = null;
			for (String sysId : deletesOf.get(i)) {
				BatchResource.Inner answer = answers.get("unrel-" + sysId);
				if (answer == null) {
					failure = new TargetFailure(TargetFailure.Kind.TRANSIENT, "no answer for the relation", null, null,
							null);
				}
				else if (answer.failure() != null && answer.status() != 404) {
					// 404: deleted in between, which is what was asked
					failure = answer.failure();
				}
			}
			outcomes.add((failure != null) ? PushOutcome.failed(request.itemId(), failure) : PushOutcome
				.of(request.itemId(), deletesOf.get(i).isEmpty() ? Status.UNCHANGED : Status.RETIRED, request.from()));
		}
		return outcomes;
	}

	private static String parent(RelationRequest request) {
		return (request.relation().reverse() ? request.to() : request.from()).recordId();
	}

	private static String child(RelationRequest request) {
		return (request.relation().reverse() ? request.from() : request.to()).recordId();
	}

	private static String key(String parent, String child, String type) {
		return parent + "|" + child + "|" + type;
	}

	// Reads the sys_ids of relation types by name, once per name.
	private void resolveRelationTypes(Collection<String> names) {
		Set<String> missing = new LinkedHashSet<>(names);
		missing.removeAll(this.relationTypes.keySet());
		if (missing.isEmpty()) {
			return;
		}
		for (JsonNode record : this.table.list(ServiceNowParams.TABLE_REL_TYPE, "nameIN" + String.join(",", missing),
				"sys_id,name")) {
			this.relationTypes.put(record.path("name").asText(), record.path("sys_id").asText());
		}
	}

	@Override
	public List<PushOutcome> retire(List<RetireRequest> records) {
		List<BatchResource.Request> writes = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			RetireRequest request = records.get(i);
			TargetRecord ci = (request.payload() != null)
					? request.payload().record(ServiceNowParams.ROLE_CI).orElse(null) : null;
			String ciTable = (ci != null) ? ci.targetClass() : ServiceNowParams.TABLE_CMDB_CI;
			ObjectNode ciBody = ServiceNowHttp.JSON.createObjectNode();
			ciBody.put("install_status", retiredValue(ci, "install_status", this.properties.retiredInstallStatus()));
			ciBody.put("operational_status",
					retiredValue(ci, "operational_status", this.properties.retiredOperationalStatus()));
			writes.add(new BatchResource.Request("ci-" + i, "PATCH",
					TableResource.recordPath(ciTable, request.record().recordId()), ciBody));
			String assetId = request.record().related().get(ServiceNowParams.ROLE_ASSET);
			if (assetId != null) {
				TargetRecord asset = (request.payload() != null)
						? request.payload().record(ServiceNowParams.ROLE_ASSET).orElse(null) : null;
				ObjectNode assetBody = ServiceNowHttp.JSON.createObjectNode();
				assetBody.put("install_status",
						retiredValue(asset, "install_status", this.properties.retiredInstallStatus()));
				if (asset != null && asset.fields().containsKey("substatus")) {
					assetBody.put("substatus", text(asset.fields().get("substatus")));
				}
				writes.add(new BatchResource.Request("asset-" + i, "PATCH",
						TableResource.recordPath(
								(asset != null) ? asset.targetClass() : ServiceNowParams.TABLE_ALM_HARDWARE, assetId),
						assetBody));
			}
		}
		Map<String, BatchResource.Inner> answers = this.batch.run(writes);
		List<PushOutcome> outcomes = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			RetireRequest request = records.get(i);
			TargetFailure failure = null;
			for (String id : List.of("ci-" + i, "asset-" + i)) {
				BatchResource.Inner answer = answers.get(id);
				if (answer != null && answer.failure() != null && failure == null) {
					failure = answer.failure();
				}
			}
			outcomes.add((failure != null) ? new PushOutcome(request.itemId(), Status.FAILED, request.record(), failure)
					: PushOutcome.of(request.itemId(), Status.RETIRED, request.record()));
		}
		return outcomes;
	}

	/**
	 * Runs Batch API writes; a create the platform refused because a record with the
	 * sys_id the hub chose already exists was made by an earlier attempt whose answer
	 * never arrived, so it is updated instead: a repeated create never makes a second
	 * record.
	 */
	private Map<String, BatchResource.Inner> writeCreatingOnce(List<BatchResource.Request> writes) {
		Map<String, BatchResource.Inner> answers = this.batch.run(writes);
		Map<String, List<BatchResource.Request>> refusedByTable = new LinkedHashMap<>();
		for (BatchResource.Request write : writes) {
			BatchResource.Inner answer = answers.get(write.id());
			if (write.method().equals("POST") && write.body() != null && write.body().hasNonNull("sys_id")
					&& answer != null && answer.failure() != null) {
				String table = write.url().substring(ServiceNowParams.PATH_TABLE.length());
				refusedByTable.computeIfAbsent(table, (t) -> new ArrayList<>()).add(write);
			}
		}
		List<BatchResource.Request> updates = new ArrayList<>();
		for (Map.Entry<String, List<BatchResource.Request>> entry : refusedByTable.entrySet()) {
			Map<String, BatchResource.Request> bySysId = new LinkedHashMap<>();
			entry.getValue().forEach((write) -> bySysId.put(write.body().path("sys_id").asText(), write));
			for (JsonNode existing : this.table.list(entry.getKey(), "sys_idIN" + String.join(",", bySysId.keySet()),
					"sys_id")) {
				BatchResource.Request write = bySysId.get(existing.path("sys_id").asText());
				if (write != null) {
					ObjectNode body = write.body().deepCopy();
					body.remove("sys_id");
					updates.add(new BatchResource.Request(write.id(), "PATCH",
							TableResource.recordPath(entry.getKey(), existing.path("sys_id").asText()), body));
				}
			}
		}
		if (!updates.isEmpty()) {
			answers.putAll(this.batch.run(updates));
		}
		return answers;
	}

	/**
	 * The sys_id the hub gives a record it creates: derived from the source name, the
	 * table and the hub's own key, so every attempt at one create names the same record.
	 */
	String ownSysId(String table, String key) {
		return UUID
			.nameUUIDFromBytes(
					(this.properties.sourceName() + "|" + table + "|" + key).getBytes(StandardCharsets.UTF_8))
			.toString()
			.replace("-", "");
	}

	private static String retiredValue(TargetRecord record, String field, int fallback) {
		Object value = (record != null) ? record.fields().get(field) : null;
		return (value != null) ? text(value) : Integer.toString(fallback);
	}

	private static TargetRef ref(String main, String asset) {
		return new TargetRef(main, null, (asset != null) ? Map.of(ServiceNowParams.ROLE_ASSET, asset) : Map.of());
	}

	private static ObjectNode values(Map<String, Object> fields) {
		ObjectNode values = ServiceNowHttp.JSON.createObjectNode();
		fields.forEach((name, value) -> values.put(name, text(value)));
		return values;
	}

	static String text(Object value) {
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof Collection<?> list) {
			StringJoiner joined = new StringJoiner(",");
			list.forEach((element) -> joined.add(text(element)));
			return joined.toString();
		}
		return String.valueOf(value);
	}

	/**
	 * An encoded query matching any record with any of the records' identifying values:
	 * {@code serial_numberINa,b^ORasset_tagINc}.
	 */
	static String anyOf(List<TargetRecord> records) {
		Map<String, Set<String>> values = new LinkedHashMap<>();
		for (TargetRecord record : records) {
			record.matchOn().forEach((field, value) -> {
				String text = text(value);
				if (!text.isBlank() && text.indexOf('^') < 0) {
					values.computeIfAbsent(field, (f) -> new LinkedHashSet<>()).add(text);
				}
			});
		}
		StringJoiner query = new StringJoiner("^OR");
		values.forEach((field, set) -> {
			List<String> plain = set.stream().filter((v) -> v.indexOf(',') < 0).toList();
			if (!plain.isEmpty()) {
				query.add(field + "IN" + String.join(",", plain));
			}
			set.stream().filter((v) -> v.indexOf(',') >= 0).forEach((v) -> query.add(field + "=" + v));
		});
		return query.toString();
	}

	/**
	 * The sys_id of the one record matching the first identifying value, in the record's
	 * matchOn order, that names exactly one record.
	 */
	static String match(TargetRecord record, List<JsonNode> candidates) {
		for (Map.Entry<String, Object> identifier : record.matchOn().entrySet()) {
			String value = text(identifier.getValue()).toLowerCase(Locale.ROOT);
			List<String> hits = candidates.stream()
				.filter((candidate) -> candidate.path(identifier.getKey())
					.asText("")
					.toLowerCase(Locale.ROOT)
					.equals(value))
				.map((candidate) -> candidate.path("sys_id").asText())
				.distinct()
				.toList();
			if (hits.size() == 1) {
				return hits.get(0);
			}
		}
		return null;
	}

}
