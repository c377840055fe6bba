package io.itsmhub.connectors.xurrent;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.api.target.FieldType;
import io.itsmhub.api.target.PushOutcome;
import io.itsmhub.api.target.PushOutcome.Status;
import io.itsmhub.api.target.TargetConnector;
import io.itsmhub.api.target.TargetFailure;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.target.TargetRecord;
import io.itsmhub.api.target.TargetRef;
import io.itsmhub.connectors.xurrent.ConfigurationItemResource.Written;
import io.itsmhub.connectors.xurrent.ReferenceResolver.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Xurrent (formerly 4me) {@link TargetConnector}: configuration items through the
 * GraphQL API. A payload's main record becomes one configuration item; reference values
 * (product, site, organizations, people) are resolved from names to ids; every item
 * carries {@code source} + {@code sourceID} (the hub's item id), so a create whose answer
 * was lost is found again instead of created twice. Large first loads go through the
 * asynchronous {@code discoveredConfigurationItems} bulk mutation; relations are
 * {@code newCiRelations} on {@code configurationItemUpdate}; retirement sets the status
 * ({@code removed} unless the mapping says otherwise), never deletes.
 */
public class XurrentConnector implements TargetConnector {

	/** The platform id. */
	public static final String PLATFORM = "xurrent";

	private static final Logger log = LoggerFactory.getLogger(XurrentConnector.class);

	private final XurrentProperties properties;

	private final XurrentGraphQl graphQl;

	private final TenantSchema schema;

	private final ReferenceResolver references;

	private final ConfigurationItemResource items;

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	public XurrentConnector(XurrentProperties properties) {
		this(properties, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
	}

	XurrentConnector(XurrentProperties properties, HttpClient client) {
		this.properties = properties;
		this.graphQl = new XurrentGraphQl(properties, client);
		this.schema = new TenantSchema(this.graphQl, properties.introspect());
		this.references = new ReferenceResolver(this.graphQl);
		this.items = new ConfigurationItemResource(this.graphQl, properties);
	}

	@Override
	public String platform() {
		return PLATFORM;
	}

	@Override
	public int maxBatchSize() {
		return this.properties.batchSize();
	}

	/** What the last answer said is left of the token's request and cost budgets. */
	public RateBudget rateBudget() {
		return this.graphQl.budget();
	}

	@Override
	public FieldCatalog fieldCatalog() {
		return this.schema.catalog();
	}

	@Override
	public List<ConfigProblem> verify() {
		return new XurrentVerifier(this.properties, this.graphQl, this.schema).verify();
	}

	@Override
	public Map<String, TargetRef> find(List<TargetPayload> payloads) {
		Map<String, TargetRef> found = new LinkedHashMap<>();
		List<TargetPayload> open = new ArrayList<>(payloads);
		// the hub's own key first: source + sourceID (the item id) is what the hub writes
		Map<String, JsonNode> bySource = this.items.findBy("sourceID",
				open.stream().map(TargetPayload::itemId).toList(), this.properties.source());
		open.removeIf((payload) -> {
			JsonNode node = bySource.get(payload.itemId());
			if (node != null) {
				found.put(payload.itemId(), ref(node));
			}
			return node != null;
		});
		// then the mapping's identifiers, in the order the mapping gives them
		Set<String> fields = new LinkedHashSet<>();
		open.forEach((payload) -> main(payload).matchOn().keySet().forEach(fields::add));
		for (String field : fields) {
			List<String> values = new ArrayList<>();
			for (TargetPayload payload : open) {
				Object value = main(payload).matchOn().get(field);
				if (value != null && !value.toString().isBlank()) {
					values.add(value.toString());
				}
			}
			if (values.isEmpty()) {
				continue;
			}
			Map<String, JsonNode> byValue = this.items.findBy(field, values.stream().distinct().toList(), null);
			open.removeIf((payload) -> {
				Object value = main(payload).matchOn().get(field);
				JsonNode node = (value != null) ? byValue.get(value.toString()) : null;
				if (node != null) {
					found.put(payload.itemId(), ref(node));
				}
				return node != null;
			});
			if (open.isEmpty()) {
				break;
			}
		}
		return found;
	}

	@Override
	public List<PushOutcome> upsert(List<UpsertRequest> batch) {
		PushOutcome[] outcomes = new PushOutcome[batch.size()];
		TenantSchema.Snapshot tenant = this.schema.snapshot();
		resolveReferences(batch.stream().map(UpsertRequest::payload).toList());
		List<TargetPayload> unknown = batch.stream()
			.filter((request) -> request.known() == null)
			.map(UpsertRequest::payload)
			.toList();
		Map<String, TargetRef> existing = unknown.isEmpty() ? Map.of() : find(unknown);
		List<Integer> createAt = new ArrayList<>();
		List<ObjectNode> creates = new ArrayList<>();
		List<Integer> updateAt = new ArrayList<>();
		List<ObjectNode> updates = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			UpsertRequest request = batch.get(i);
			TargetRef ref = (request.known() != null) ? request.known() : existing.get(request.payload().itemId());
			Input input = input(request.payload(), tenant, ref == null);
			if (input.problem() != null) {
				outcomes[i] = failed(request.payload().itemId(), input.problem(), 422);
				continue;
			}
			if (ref == null) {
				createAt.add(i);
				creates.add(input.json());
			}
			else {
				input.json().put("id", ref.recordId());
				updateAt.add(i);
				updates.add(input.json());
			}
		}
		if (this.properties.bulkThreshold() > 0 && creates.size() > this.properties.bulkThreshold()) {
			bulkCreate(batch, createAt, creates, outcomes);
		}
		else {
			creates.forEach((create) -> create.remove("productName"));
			apply(batch, createAt,
					this.items.mutate("configurationItemCreate", "ConfigurationItemCreateInput", creates),
					Status.CREATED, outcomes);
		}
		apply(batch, updateAt, this.items.mutate("configurationItemUpdate", "ConfigurationItemUpdateInput", updates),
				Status.UPDATED, outcomes);
		return List.of(outcomes);
	}

	private void apply(List<UpsertRequest> batch, List<Integer> at, List<Written> written, Status status,
			PushOutcome[] outcomes) {
		for (int k = 0; k < at.size(); k++) {
			String itemId = batch.get(at.get(k)).payload().itemId();
			Written result = written.get(k);
			outcomes[at.get(k)] = (result.record() != null) ? PushOutcome.of(itemId, status, ref(result.record()))
					: failed(itemId, result.message(), result.status());
		}
	}

	private void bulkCreate(List<UpsertRequest> batch, List<Integer> createAt, List<ObjectNode> creates,
			PushOutcome[] outcomes) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (int from = 0; from < creates.size(); from += ConfigurationItemResource.BULK_SIZE) {
			errors.putAll(this.items
				.bulk(creates.subList(from, Math.min(creates.size(), from + ConfigurationItemResource.BULK_SIZE))));
		}
		List<String> sourceIds = creates.stream().map((input) -> input.path("sourceID").asText()).toList();
		Map<String, JsonNode> created = this.items.findBy("sourceID", sourceIds, this.properties.source());
		for (int k = 0; k < createAt.size(); k++) {
			String itemId = batch.get(createAt.get(k)).payload().itemId();
			JsonNode node = created.get(sourceIds.get(k));
			String error = errors.get(sourceIds.get(k));
			if (node != null && error == null) {
				outcomes[createAt.get(k)] = PushOutcome.of(itemId, Status.CREATED, ref(node));
			}
			else {
				outcomes[createAt.get(k)] = failed(itemId,
						(error != null) ? error : "the bulk import did not create the configuration item", 422);
			}
		}
	}

	@Override
	public List<PushOutcome> relate(List<RelationRequest> relations) {
		TenantSchema.Snapshot tenant = this.schema.snapshot();
		PushOutcome[] outcomes = new PushOutcome[relations.size()];
		List<String> holders = new ArrayList<>();
		for (RelationRequest request : relations) {
			String holder = holder(request).recordId();
			if (!holders.contains(holder)) {
				holders.add(holder);
			}
		}
		Map<String, List<String>> held = this.items.relations(holders);
		Map<String, List<Integer>> pending = new LinkedHashMap<>();
		Map<String, ArrayNode> additions = new LinkedHashMap<>();
		for (int i = 0; i < relations.size(); i++) {
			RelationRequest request = relations.get(i);
			String type = tenant.relationType(request.relation().platformType());
			if (type == null) {
				outcomes[i] = failed(request.itemId(), "no relation type '" + request.relation().platformType()
						+ "' in the account (CiRelationType: " + tenant.relationTypes() + ")", 422);
				continue;
			}
			String holder = holder(request).recordId();
			String other = (request.relation().reverse() ? request.from() : request.to()).recordId();
			String key = type + " " + other;
			List<String> existing = held.computeIfAbsent(holder, (h) -> new ArrayList<>());
			if (existing.contains(key)) {
				outcomes[i] = PushOutcome.of(request.itemId(), Status.UNCHANGED, request.from());
				continue;
			}
			existing.add(key);
			additions.computeIfAbsent(holder, (h) -> XurrentGraphQl.JSON.createArrayNode())
				.addObject()
				.put("relationType", type)
				.put("configurationItemId", other);
			pending.computeIfAbsent(holder, (h) -> new ArrayList<>()).add(i);
		}
		List<String> order = new ArrayList<>(additions.keySet());
		List<ObjectNode> inputs = new ArrayList<>();
		for (String holder : order) {
			ObjectNode input = XurrentGraphQl.JSON.createObjectNode();
			input.put("id", holder);
			input.set("newCiRelations", additions.get(holder));
			inputs.add(input);
		}
		List<Written> written = this.items.mutate("configurationItemUpdate", "ConfigurationItemUpdateInput", inputs);
		for (int k = 0; k < order.size(); k++) {
			Written result = written.get(k);
			for (int i : pending.get(order.get(k))) {
				RelationRequest request = relations.get(i);
				outcomes[i] = (result.record() != null)
						? PushOutcome.of(request.itemId(), Status.RELATED, request.from())
						: failed(request.itemId(), result.message(), result.status());
			}
		}
		return List.of(outcomes);
	}

	private static TargetRef holder(RelationRequest request) {
		return request.relation().reverse() ? request.to() : request.from();
	}

	@Override
	public List<PushOutcome> retire(List<RetireRequest> records) {
		TenantSchema.Snapshot tenant = this.schema.snapshot();
		List<ObjectNode> inputs = new ArrayList<>();
		for (RetireRequest request : records) {
			Object mapped = (request.payload() != null && !request.payload().records().isEmpty())
					? main(request.payload()).fields().get("status") : null;
			String status = tenant.status((mapped != null) ? mapped.toString() : this.properties.retiredStatus());
			if (status == null) {
				status = tenant.status(this.properties.retiredStatus());
			}
			ObjectNode input = XurrentGraphQl.JSON.createObjectNode();
			input.put("id", request.record().recordId());
			input.put("status", (status != null) ? status : this.properties.retiredStatus());
			inputs.add(input);
		}
		List<Written> written = this.items.mutate("configurationItemUpdate", "ConfigurationItemUpdateInput", inputs);
		List<PushOutcome> outcomes = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			Written result = written.get(i);
			outcomes.add((result.record() != null)
					? PushOutcome.of(records.get(i).itemId(), Status.RETIRED, records.get(i).record())
					: failed(records.get(i).itemId(), result.message(), result.status()));
		}
		return outcomes;
	}

	// ---- payload to GraphQL input

	private void resolveReferences(List<TargetPayload> payloads) {
		Map<Kind, Set<String>> wanted = new LinkedHashMap<>();
		for (TargetPayload payload : payloads) {
			main(payload).fields().forEach((field, value) -> {
				Kind kind = ReferenceResolver.FIELDS.get(field);
				if (kind != null) {
					values(value)
						.forEach((text) -> wanted.computeIfAbsent(kind, (k) -> new LinkedHashSet<>()).add(text));
				}
			});
		}
		this.references.prefetch(wanted);
		if (!this.properties.createProducts()) {
			return;
		}
		Map<String, String> missing = new LinkedHashMap<>();
		for (TargetPayload payload : payloads) {
			Object product = main(payload).fields().get("productId");
			if (product != null && this.references.id(Kind.PRODUCT, product.toString()) == null) {
				missing.putIfAbsent(product.toString(), main(payload).targetClass());
			}
		}
		this.references.createProducts(missing).forEach((product, problem) -> {
			if (this.warned.add(product)) {
				log.warn("Xurrent: {}", problem);
			}
		});
	}

	private Input input(TargetPayload payload, TenantSchema.Snapshot tenant, boolean create) {
		TargetRecord record = main(payload);
		ObjectNode json = XurrentGraphQl.JSON.createObjectNode();
		for (Map.Entry<String, Object> entry : record.fields().entrySet()) {
			String field = entry.getKey();
			Object value = entry.getValue();
			FieldCatalog.Field known = tenant.fields().get(field);
			if (known == null) {
				if (this.warned.add("field:" + field)) {
					log.warn("Xurrent account has no configuration item field '{}'; it is left out", field);
				}
				continue;
			}
			Kind kind = ReferenceResolver.FIELDS.get(field);
			if (kind != null) {
				List<String> ids = new ArrayList<>();
				for (String text : values(value)) {
					String id = this.references.id(kind, text);
					if (id != null) {
						ids.add(id);
					}
					else if (field.equals("productId")) {
						return Input.problem("productId: no product '" + text + "' in the account"
								+ (this.properties.createProducts() ? " and it could not be created" : ""));
					}
					else {
						this.references.warnMissing(field, text);
					}
				}
				if (field.equals("userIds")) {
					if (!ids.isEmpty()) {
						ArrayNode array = json.putArray(field);
						ids.forEach(array::add);
					}
				}
				else if (!ids.isEmpty()) {
					json.put(field, ids.get(0));
				}
				if (field.equals("productId") && create) {
					json.put("productName", value.toString());
				}
				continue;
			}
			if (field.equals("status")) {
				String status = tenant.status(value.toString());
				if (status == null) {
					return Input.problem("status: '" + value + "' is no CiStatus of the account " + tenant.statuses());
				}
				json.put(field, status);
				continue;
			}
			put(json, field, value, known.type());
		}
		if (create) {
			if (!json.has("source")) {
				json.put("source", this.properties.source());
			}
			json.put("sourceID", payload.itemId());
		}
		return new Input(json, null);
	}

	private static void put(ObjectNode json, String field, Object value, FieldType type) {
		if (value instanceof List<?> list) {
			json.put(field, String.join(", ", list.stream().map(String::valueOf).toList()));
		}
		else if (value instanceof BigDecimal decimal) {
			json.put(field, decimal.toPlainString());
		}
		else if (value instanceof Long number && type == FieldType.INTEGER) {
			json.put(field, number);
		}
		else if (value instanceof Boolean flag) {
			json.put(field, flag);
		}
		else {
			json.put(field, value.toString());
		}
	}

	private static List<String> values(Object value) {
		if (value instanceof List<?> list) {
			return list.stream().filter((v) -> v != null).map(String::valueOf).toList();
		}
		return (value != null) ? List.of(value.toString()) : List.of();
	}

	private static TargetRecord main(TargetPayload payload) {
		return payload.records().get(0);
	}

	private static TargetRef ref(JsonNode node) {
		return new TargetRef(node.path("id").asText(), node.path("label").asText(null), Map.of());
	}

	private static PushOutcome failed(String itemId, String message, Integer status) {
		return PushOutcome.failed(itemId, new TargetFailure(TargetFailure.Kind.PERMANENT, message, status, null, null));
	}

	/**
	 * A configuration item input, or why none could be made.
	 *
	 * @param json the input
	 * @param problem what is wrong, or {@code null}
	 */
	private record Input(ObjectNode json, String problem) {

		static Input problem(String problem) {
			return new Input(null, problem);
		}

	}

}
