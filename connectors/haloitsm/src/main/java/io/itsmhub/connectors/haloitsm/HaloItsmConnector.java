package io.itsmhub.connectors.haloitsm;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.api.target.FieldType;
import io.itsmhub.api.target.PushOutcome;
import io.itsmhub.api.target.PushOutcome.Status;
import io.itsmhub.api.target.TargetConnector;
import io.itsmhub.api.target.TargetException;
import io.itsmhub.api.target.TargetFailure;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.target.TargetRecord;
import io.itsmhub.api.target.TargetRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes to HaloITSM. Each payload's main record is one asset ({@code Device}) of the
 * asset type its target class names, resolved to {@code assettype_id} from the tenant's
 * {@code GET /api/AssetType}. A batch is one {@code POST /api/Asset} with an array (an
 * element with {@code id} updates, one without creates); when Halo refuses the array,
 * each element is sent alone so that only the refused records fail. Assets are looked up
 * by their identifying fields before they are created (a search for a few, an index of
 * the asset list for many), so a retry never makes a duplicate. Relations are the
 * configured {@code Device} link fields on the holding asset, merged with the links it
 * already has; retirement sets {@code inactive} and the retired status. Nothing is ever
 * deleted.
 *
 * <p>
 * {@link TargetRef#recordId()} is the asset id; {@link TargetRef#recordKey()} and
 * {@link TargetRef#related()} are empty.
 */
public final class HaloItsmConnector implements TargetConnector {

	/** The platform id. */
	public static final String PLATFORM = "haloitsm";

	/**
	 * The {@code Device} fields the hub writes, with their types in Halo's OpenAPI
	 * document ({@code components.schemas.Device}); every asset type has them.
	 */
	static final List<FieldCatalog.Field> DEVICE_FIELDS = List.of(text("inventory_number", 100), text("key_field", 256),
			text("key_field2", 256), text("key_field3", 256), text("third_party_id_string", 256), text("aws_id", 256),
			reference("username"), reference("site_name"), reference("client_name"), reference("supplier_name"),
			reference("contract_ref"), new FieldCatalog.Field("item_cost", FieldType.DECIMAL, null, false),
			new FieldCatalog.Field("supplier_purchasedate", FieldType.DATETIME, null, false),
			new FieldCatalog.Field("warranty_start", FieldType.DATETIME, null, false),
			new FieldCatalog.Field("warranty_end", FieldType.DATETIME, null, false),
			new FieldCatalog.Field("inactive", FieldType.BOOLEAN, null, false), reference("status_name"),
			text("notes", 4000));

	/**
	 * The asset types the hub recommends, for the catalog when the tenant is not
	 * reachable.
	 */
	static final List<String> RECOMMENDED_TYPES = List.of("Server", "Virtual Machine", "Laptop", "Desktop",
			"Network Device", "Storage", "Mobile Device", "Printer", "Peripheral");

	private static final Logger log = LoggerFactory.getLogger(HaloItsmConnector.class);

	private final HaloItsmProperties properties;

	private final HaloHttp http;

	private final AssetResource assets;

	private final AssetTypeResource types;

	private final AssetIndex index;

	private final HaloItsmVerifier verifier;

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	/** A connector with its own HTTP client. */
	public HaloItsmConnector(HaloItsmProperties properties) {
		this(properties, HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
	}

	/** A connector over a given HTTP client. */
	public HaloItsmConnector(HaloItsmProperties properties, HttpClient client) {
		this.properties = properties;
		this.http = new HaloHttp(properties, client);
		this.assets = new AssetResource(this.http);
		this.types = new AssetTypeResource(this.http);
		this.index = new AssetIndex(this.assets, properties.pageSize(), properties.changedSinceFilter());
		this.verifier = new HaloItsmVerifier(properties, this.http, this.types);
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
	public List<ConfigProblem> verify() {
		return this.verifier.verify();
	}

	/**
	 * The tenant's asset types, each with the {@code Device} fields; the hub's
	 * recommended types when the tenant cannot be read.
	 */
	@Override
	public FieldCatalog fieldCatalog() {
		Collection<String> names;
		try {
			names = this.types.byName().keySet();
		}
		catch (TargetException ex) {
			log.warn("HaloITSM asset types could not be read ({}); the catalog lists the recommended types",
					ex.getMessage());
			names = RECOMMENDED_TYPES;
		}
		Map<String, FieldCatalog.TargetClass> classes = new LinkedHashMap<>();
		classes.put("Device", FieldCatalog.TargetClass.of("Device", DEVICE_FIELDS));
		names.stream().sorted().forEach((name) -> classes.put(name, FieldCatalog.TargetClass.of(name, DEVICE_FIELDS)));
		return new FieldCatalog(PLATFORM, classes, this.properties.relationFields().keySet());
	}

	@Override
	public Map<String, TargetRef> find(List<TargetPayload> payloads) {
		Map<String, TargetRef> found = new LinkedHashMap<>();
		if (payloads.isEmpty()) {
			return found;
		}
		if (!this.index.loaded() && payloads.size() <= this.properties.searchMax()) {
			for (TargetPayload payload : payloads) {
				String id = search(main(payload).matchOn());
				if (id != null) {
					found.put(payload.itemId(), TargetRef.of(id));
				}
			}
			return found;
		}
		this.index.refresh();
		for (TargetPayload payload : payloads) {
			String id = this.index.match(main(payload).matchOn());
			if (id != null) {
				found.put(payload.itemId(), TargetRef.of(id));
			}
		}
		return found;
	}

	/**
	 * The asset one of the identifiers names: {@code inventory_number=} for the asset
	 * tag, {@code search=} for the others, each candidate compared on the field itself.
	 */
	private String search(Map<String, Object> matchOn) {
		for (Map.Entry<String, Object> identifier : matchOn.entrySet()) {
			String field = identifier.getKey();
			String value = text(identifier.getValue());
			if (value.isBlank()) {
				continue;
			}
			Map<String, String> filter = field.equals("inventory_number") ? HaloHttp.params("inventory_number", value)
					: HaloHttp.params(HaloParams.SEARCH, value);
			Set<String> hits = new LinkedHashSet<>();
			for (JsonNode asset : this.assets.list(filter, this.properties.pageSize()).assets()) {
				if (asset.path(field).isTextual()
						&& AssetIndex.normalize(asset.path(field).asText()).equals(AssetIndex.normalize(value))) {
					hits.add(asset.path(HaloParams.FIELD_ID).asText());
				}
			}
			if (hits.size() == 1) {
				return hits.iterator().next();
			}
		}
		return null;
	}

	@Override
	public List<PushOutcome> upsert(List<UpsertRequest> batch) {
		if (batch.size() > maxBatchSize()) {
			throw new IllegalArgumentException(
					"at most " + maxBatchSize() + " requests per batch, got " + batch.size());
		}
		List<TargetPayload> unknown = batch.stream()
			.filter((request) -> request.known() == null)
			.map(UpsertRequest::payload)
			.toList();
		Map<String, TargetRef> found = unknown.isEmpty() ? Map.of() : find(unknown);
		PushOutcome[] outcomes = new PushOutcome[batch.size()];
		List<Integer> sent = new ArrayList<>();
		List<ObjectNode> devices = new ArrayList<>();
		List<Boolean> creates = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			TargetPayload payload = batch.get(i).payload();
			TargetRecord record = main(payload);
			Integer typeId = this.types.id(record.targetClass());
			if (typeId == null) {
				outcomes[i] = PushOutcome.failed(payload.itemId(), noType(record.targetClass()));
				continue;
			}
			TargetRef existing = (batch.get(i).known() != null) ? batch.get(i).known() : found.get(payload.itemId());
			devices.add(device(existing, typeId, record.fields()));
			creates.add(existing == null);
			sent.add(i);
		}
		List<Object> results = post(devices);
		if (results == null) {
			// Halo refused the array: find what it may have saved before refusing, then
			// send each record alone so that only the refused ones fail
			if (creates.contains(true)) {
				this.index.refresh();
			}
			results = new ArrayList<>();
			for (int k = 0; k < devices.size(); k++) {
				ObjectNode device = devices.get(k);
				if (creates.get(k)) {
					String id = this.index.match(main(batch.get(sent.get(k)).payload()).matchOn());
					if (id != null) {
						device.put(HaloParams.FIELD_ID, Integer.parseInt(id));
					}
				}
				results.add(post(List.of(device)).get(0));
			}
		}
		boolean refreshed = false;
		for (int k = 0; k < sent.size(); k++) {
			int i = sent.get(k);
			String itemId = batch.get(i).payload().itemId();
			Object result = results.get(k);
			if (result instanceof TargetFailure failure) {
				TargetRef existing = devices.get(k).has(HaloParams.FIELD_ID)
						? TargetRef.of(devices.get(k).get(HaloParams.FIELD_ID).asText()) : null;
				outcomes[i] = new PushOutcome(itemId, Status.FAILED, existing, failure);
				continue;
			}
			JsonNode saved = (JsonNode) result;
			String id = saved.path(HaloParams.FIELD_ID).asText("");
			if (id.isEmpty() || id.equals("0")) {
				id = devices.get(k).path(HaloParams.FIELD_ID).asText("");
			}
			if (id.isEmpty()) {
				// no id in the answer: the asset is found by its identifiers instead (one
				// read of what changed for the whole batch)
				if (!refreshed) {
					this.index.refresh();
					refreshed = true;
				}
				String match = this.index.match(main(batch.get(i).payload()).matchOn());
				id = (match != null) ? match : "";
			}
			if (id.isEmpty()) {
				outcomes[i] = PushOutcome.failed(itemId, new TargetFailure(TargetFailure.Kind.TRANSIENT,
						"Halo answered without the saved asset's id", null, null, null));
				continue;
			}
			this.index.put(saved.has(HaloParams.FIELD_ID) ? saved : devices.get(k));
			outcomes[i] = PushOutcome.of(itemId, creates.get(k) ? Status.CREATED : Status.UPDATED, TargetRef.of(id));
		}
		return List.of(outcomes);
	}

	/** A {@code Device} element: id when known, asset type, the mapped fields. */
	private ObjectNode device(TargetRef existing, int typeId, Map<String, Object> fields) {
		ObjectNode device = HaloHttp.JSON.createObjectNode();
		if (existing != null) {
			device.put(HaloParams.FIELD_ID, Integer.parseInt(existing.recordId()));
		}
		device.put(HaloParams.FIELD_ASSETTYPE_ID, typeId);
		fields.forEach((name, value) -> put(device, name, value));
		return device;
	}

	private static void put(ObjectNode device, String name, Object value) {
		if (value instanceof Boolean flag) {
			device.put(name, flag);
		}
		else if (value instanceof Long number) {
			device.put(name, number);
		}
		else if (value instanceof Integer number) {
			device.put(name, number);
		}
		else if (value instanceof BigDecimal decimal) {
			device.put(name, decimal);
		}
		else if (value instanceof Collection<?> list) {
			StringJoiner joined = new StringJoiner(", ");
			list.forEach((element) -> joined.add(text(element)));
			device.put(name, joined.toString());
		}
		else if (value != null) {
			device.put(name, text(value));
		}
	}

	/**
	 * Posts devices as one array, in chunks of the batch size.
	 * @return per device the saved asset ({@link JsonNode}) or, for a single device Halo
	 * refused, its {@link TargetFailure}; {@code null} when Halo refused an array of
	 * several (the caller then sends them one by one)
	 * @throws TargetException when the call failed as a whole for another reason
	 */
	private List<Object> post(List<ObjectNode> devices) {
		List<Object> results = new ArrayList<>();
		if (devices.isEmpty()) {
			return results;
		}
		ArrayNode array = HaloHttp.JSON.createArrayNode();
		devices.forEach(array::add);
		try {
			List<JsonNode> saved = this.assets.upsert(array);
			for (int k = 0; k < devices.size(); k++) {
				results.add((saved.size() == devices.size()) ? saved.get(k) : devices.get(k));
			}
			return results;
		}
		catch (TargetException ex) {
			if (ex.failure().kind() != TargetFailure.Kind.PERMANENT) {
				throw ex;
			}
			if (devices.size() > 1) {
				return null;
			}
			results.add(ex.failure());
			return results;
		}
	}

	/** Posts devices, one by one for those of an array Halo refused. */
	private List<Object> postEach(List<ObjectNode> devices) {
		List<Object> results = new ArrayList<>();
		for (int from = 0; from < devices.size(); from += this.properties.batchSize()) {
			List<ObjectNode> chunk = devices.subList(from,
					Math.min(devices.size(), from + this.properties.batchSize()));
			List<Object> chunkResults = post(chunk);
			if (chunkResults == null) {
				chunkResults = new ArrayList<>();
				for (ObjectNode device : chunk) {
					chunkResults.add(post(List.of(device)).get(0));
				}
			}
			results.addAll(chunkResults);
		}
		return results;
	}

	@Override
	public List<PushOutcome> relate(List<RelationRequest> relations) {
		PushOutcome[] outcomes = new PushOutcome[relations.size()];
		Map<String, List<Integer>> byHolder = new LinkedHashMap<>();
		for (int i = 0; i < relations.size(); i++) {
			RelationRequest request = relations.get(i);
			String field = this.properties.relationFields().get(request.relation().platformType());
			if (field == null || field.isBlank()) {
				outcomes[i] = PushOutcome.failed(request.itemId(),
						new TargetFailure(TargetFailure.Kind.PERMANENT,
								"no Device field is configured for the relation type '"
										+ request.relation().platformType() + "'",
								null, null, HaloItsmProperties.property("relation-fields")));
				continue;
			}
			byHolder.computeIfAbsent(holder(request).recordId(), (id) -> new ArrayList<>()).add(i);
		}
		List<ObjectNode> devices = new ArrayList<>();
		List<List<Integer>> written = new ArrayList<>();
		byHolder.forEach((holderId, indexes) -> {
			JsonNode current;
			try {
				current = this.assets.withHierarchy(holderId);
			}
			catch (TargetException ex) {
				if (ex.failure().kind() != TargetFailure.Kind.PERMANENT) {
					throw ex;
				}
				// the holder is gone (deleted in Halo): its relations fail, the others go
				// on
				indexes.forEach((i) -> outcomes[i] = PushOutcome.failed(relations.get(i).itemId(), ex.failure()));
				return;
			}
			ObjectNode device = HaloHttp.JSON.createObjectNode();
			device.put(HaloParams.FIELD_ID, Integer.parseInt(holderId));
			Map<String, List<Integer>> lists = new LinkedHashMap<>();
			List<Integer> changed = new ArrayList<>();
			for (int i : indexes) {
				RelationRequest request = relations.get(i);
				String field = this.properties.relationFields().get(request.relation().platformType());
				int other = Integer.parseInt(other(request).recordId());
				if (field.endsWith("_id")) {
					if (current.path(field).asInt(0) == other) {
						outcomes[i] = PushOutcome.of(request.itemId(), Status.UNCHANGED, request.from());
						continue;
					}
					device.put(field, other);
					changed.add(i);
					continue;
				}
				List<Integer> ids = lists.computeIfAbsent(field, (f) -> {
					List<Integer> existing = new ArrayList<>();
					current.path(f).forEach((link) -> existing.add(link.path(HaloParams.FIELD_ID).asInt()));
					return existing;
				});
				if (ids.contains(other)) {
					outcomes[i] = PushOutcome.of(request.itemId(), Status.UNCHANGED, request.from());
					continue;
				}
				ids.add(other);
				changed.add(i);
			}
			if (changed.isEmpty()) {
				return;
			}
			lists.forEach((field, ids) -> {
				ArrayNode links = device.putArray(field);
				ids.forEach((id) -> links.addObject().put(HaloParams.FIELD_ID, id));
			});
			devices.add(device);
			written.add(changed);
		});
		List<Object> results = postEach(devices);
		for (int k = 0; k < devices.size(); k++) {
			for (int i : written.get(k)) {
				RelationRequest request = relations.get(i);
				outcomes[i] = (results.get(k) instanceof TargetFailure failure)
						? PushOutcome.failed(request.itemId(), failure)
						: PushOutcome.of(request.itemId(), Status.RELATED, request.from());
			}
		}
		return List.of(outcomes);
	}

	private static TargetRef holder(RelationRequest request) {
		return request.relation().reverse() ? request.to() : request.from();
	}

	private static TargetRef other(RelationRequest request) {
		return request.relation().reverse() ? request.from() : request.to();
	}

	/**
	 * Sets {@code inactive} (the mapping's value, else {@code true}) and the retired
	 * status (the mapping's, else {@code retired-status}) on each asset; one array per
	 * batch.
	 */
	@Override
	public List<PushOutcome> retire(List<RetireRequest> records) {
		List<ObjectNode> devices = new ArrayList<>();
		for (RetireRequest request : records) {
			TargetRecord record = (request.payload() != null) ? main(request.payload()) : null;
			Map<String, Object> fields = (record != null) ? record.fields() : Map.of();
			ObjectNode device = HaloHttp.JSON.createObjectNode();
			device.put(HaloParams.FIELD_ID, Integer.parseInt(request.record().recordId()));
			device.put(HaloParams.FIELD_INACTIVE,
					!(fields.get(HaloParams.FIELD_INACTIVE) instanceof Boolean inactive) || inactive);
			Object status = fields.get(this.properties.statusField());
			put(device, this.properties.statusField(), (status != null) ? status : this.properties.retiredStatus());
			devices.add(device);
		}
		List<Object> results = postEach(devices);
		List<PushOutcome> outcomes = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			RetireRequest request = records.get(i);
			outcomes.add((results.get(i) instanceof TargetFailure failure)
					? new PushOutcome(request.itemId(), Status.FAILED, request.record(), failure)
					: PushOutcome.of(request.itemId(), Status.RETIRED, request.record()));
		}
		return outcomes;
	}

	private TargetFailure noType(String name) {
		if (this.warned.add("type:" + name)) {
			log.warn("HaloITSM has no asset type '{}'; create it or map the class to an existing type", name);
		}
		return new TargetFailure(TargetFailure.Kind.PERMANENT, "no asset type '" + name + "' in HaloITSM", null, null,
				null);
	}

	private static TargetRecord main(TargetPayload payload) {
		return payload.records().get(0);
	}

	private static FieldCatalog.Field text(String name, int maxLength) {
		return new FieldCatalog.Field(name, FieldType.STRING, maxLength, false);
	}

	private static FieldCatalog.Field reference(String name) {
		return new FieldCatalog.Field(name, FieldType.REFERENCE, null, false);
	}

	static String text(Object value) {
		return (value instanceof BigDecimal decimal) ? decimal.toPlainString() : String.valueOf(value);
	}

}
