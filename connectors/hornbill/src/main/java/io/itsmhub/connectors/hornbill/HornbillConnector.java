package io.itsmhub.connectors.hornbill;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.api.target.PushOutcome;
import io.itsmhub.api.target.PushOutcome.Status;
import io.itsmhub.api.target.TargetConnector;
import io.itsmhub.api.target.TargetFailure;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.target.TargetRecord;
import io.itsmhub.api.target.TargetRef;
import io.itsmhub.connectors.hornbill.AssetModel.AssetType;
import io.itsmhub.connectors.hornbill.XmlmcClient.MethodResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes to Hornbill Service Manager through XMLMC (JSON). Each payload's main record is
 * one {@code Asset} with its class extension record: the payload's fields are split into
 * {@code primaryEntityData} (columns of {@code Asset}) and {@code relatedEntityData}
 * ({@code AssetClass}: serial number, manufacturer, model and the class's own columns).
 * Assets are looked up by their identifiers ({@code entityBrowseRecords2}: serial number
 * on the class extension entity, asset tag and name on {@code Asset}) before they are
 * created, so a retry never makes a duplicate. Relations are asset links
 * ({@code Asset::linkAsset}); retirement sets {@code h_operational_state} (and
 * {@code h_actual_retired_date}).
 *
 * <p>
 * {@link TargetRef#recordId()} is {@code h_pk_asset_id}; {@link TargetRef#recordKey()}
 * the asset's URN ({@code urn:sys:entity:com.hornbill.servicemanager:Asset:<id>}).
 */
public final class HornbillConnector implements TargetConnector {

	/** The platform id. */
	public static final String PLATFORM = "hornbill";

	private static final Logger log = LoggerFactory.getLogger(HornbillConnector.class);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final HornbillProperties properties;

	private final XmlmcClient client;

	private final EntityResource entities;

	private final AssetLinkResource links;

	private final AssetModel model;

	private final HornbillVerifier verifier;

	private final Clock clock;

	/** A connector with its own HTTP client. */
	public HornbillConnector(HornbillProperties properties) {
		this(properties, HttpClient.newBuilder().connectTimeout(properties.timeout()).build(), Clock.systemUTC());
	}

	/** A connector over a given HTTP client and clock. */
	public HornbillConnector(HornbillProperties properties, HttpClient client, Clock clock) {
		this.properties = properties;
		this.client = new XmlmcClient(properties, client);
		this.entities = new EntityResource(this.client);
		this.links = new AssetLinkResource(this.client);
		this.model = new AssetModel(properties, this.entities);
		this.verifier = new HornbillVerifier(properties, this.client, this.model);
		this.clock = clock;
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

	@Override
	public FieldCatalog fieldCatalog() {
		return this.model.catalog();
	}

	@Override
	public Map<String, TargetRef> find(List<TargetPayload> payloads) {
		Map<String, List<TargetPayload>> byClass = new LinkedHashMap<>();
		for (TargetPayload payload : payloads) {
			byClass.computeIfAbsent(main(payload).targetClass(), (c) -> new ArrayList<>()).add(payload);
		}
		Map<String, TargetRef> found = new LinkedHashMap<>();
		byClass.forEach((targetClass, group) -> {
			AssetType type = this.model.type(targetClass);
			for (int from = 0; from < group.size(); from += this.properties.lookupChunk()) {
				List<TargetPayload> chunk = group.subList(from,
						Math.min(group.size(), from + this.properties.lookupChunk()));
				found.putAll(findChunk(type, chunk));
			}
		});
		return found;
	}

	/**
	 * One identifier column after the other, in the order of the records' matchOn, for
	 * the payloads not matched yet: a payload matches the one asset its first identifying
	 * value names.
	 */
	private Map<String, TargetRef> findChunk(AssetType type, List<TargetPayload> chunk) {
		Map<String, TargetRef> found = new LinkedHashMap<>();
		Set<String> columns = new LinkedHashSet<>();
		chunk.forEach((payload) -> columns.addAll(main(payload).matchOn().keySet()));
		for (String column : columns) {
			List<TargetPayload> open = chunk.stream()
				.filter((payload) -> !found.containsKey(payload.itemId()))
				.filter((payload) -> main(payload).matchOn().get(column) != null)
				.toList();
			if (open.isEmpty()) {
				continue;
			}
			boolean onClass = AssetModel.classColumn((type != null) ? type.assetClass() : "", column);
			if (onClass && type == null) {
				continue;
			}
			String entity = onClass ? this.model.classEntity(type.assetClass()) : XmlmcParams.ENTITY_ASSET;
			Set<String> values = new LinkedHashSet<>();
			open.forEach((payload) -> values.add(text(main(payload).matchOn().get(column))));
			List<JsonNode> rows = this.entities.browse(entity, column, values, this.properties.pageSize());
			for (TargetPayload payload : open) {
				String value = text(main(payload).matchOn().get(column));
				Set<String> ids = new LinkedHashSet<>();
				for (JsonNode row : rows) {
					if (row.path(column).asText("").equalsIgnoreCase(value)) {
						ids.add(row.path(XmlmcParams.COLUMN_ID).asText());
					}
				}
				if (ids.size() == 1) {
					found.put(payload.itemId(), ref(ids.iterator().next()));
				}
			}
		}
		return found;
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
		List<PushOutcome> outcomes = new ArrayList<>(batch.size());
		for (UpsertRequest request : batch) {
			TargetPayload payload = request.payload();
			TargetRecord record = main(payload);
			AssetType type = this.model.type(record.targetClass());
			if (type == null) {
				outcomes.add(PushOutcome.failed(payload.itemId(),
						new TargetFailure(TargetFailure.Kind.PERMANENT,
								"no asset type for target class '" + record.targetClass() + "': set "
										+ HornbillProperties.PREFIX + ".asset-types[" + record.targetClass()
										+ "] to an asset type (AssetsTypes.h_name) of the instance",
								null, null, HornbillProperties.PREFIX + ".asset-types")));
				continue;
			}
			TargetRef existing = (request.known() != null) ? request.known() : found.get(payload.itemId());
			outcomes.add((existing != null) ? update(payload.itemId(), type, existing, record.fields())
					: create(payload.itemId(), type, record.fields()));
		}
		return outcomes;
	}

	private PushOutcome create(String itemId, AssetType type, Map<String, Object> fields) {
		Map<String, Object> primary = new LinkedHashMap<>();
		primary.put(XmlmcParams.COLUMN_CLASS, type.assetClass());
		primary.put(XmlmcParams.COLUMN_TYPE, type.id());
		Map<String, Object> related = new LinkedHashMap<>();
		related.put(XmlmcParams.COLUMN_TYPE, type.id());
		split(type, fields, primary, related);
		MethodResult result = this.entities.add(primary, related);
		if (result.failed()) {
			return PushOutcome.failed(itemId, XmlmcClient.refused(result.error()));
		}
		String id = result.params()
			.path(XmlmcParams.PRIMARY_ENTITY_DATA)
			.path(XmlmcParams.RECORD)
			.path(XmlmcParams.COLUMN_ID)
			.asText("");
		if (id.isBlank()) {
			return PushOutcome.failed(itemId, new TargetFailure(TargetFailure.Kind.TRANSIENT,
					"data::entityAddRecord answered no h_pk_asset_id", 200, null, null));
		}
		if (this.properties.setAssetUrn()) {
			// as Hornbill's own asset import does: the URN once the id is known
			MethodResult urn = this.entities.update(Map.of(XmlmcParams.COLUMN_ID, id, XmlmcParams.COLUMN_URN, urn(id)),
					null);
			if (urn.failed() && !XmlmcParams.NO_VALUES_TO_UPDATE.equals(urn.error())) {
				log.warn("Hornbill asset {} created, but its h_asset_urn was refused: {}", id, urn.error());
			}
		}
		return PushOutcome.of(itemId, Status.CREATED, ref(id));
	}

	private PushOutcome update(String itemId, AssetType type, TargetRef existing, Map<String, Object> fields) {
		Map<String, Object> primary = new LinkedHashMap<>();
		primary.put(XmlmcParams.COLUMN_ID, existing.recordId());
		primary.put(XmlmcParams.COLUMN_URN, urn(existing.recordId()));
		Map<String, Object> related = new LinkedHashMap<>();
		related.put(XmlmcParams.COLUMN_ID, existing.recordId());
		split(type, fields, primary, related);
		MethodResult result = this.entities.update(primary, related);
		TargetRef ref = ref(existing.recordId());
		if (!result.failed()) {
			return PushOutcome.of(itemId, Status.UPDATED, ref);
		}
		if (XmlmcParams.NO_VALUES_TO_UPDATE.equals(result.error())) {
			return PushOutcome.of(itemId, Status.UNCHANGED, ref);
		}
		return new PushOutcome(itemId, Status.FAILED, ref, XmlmcClient.refused(result.error()));
	}

	private static void split(AssetType type, Map<String, Object> fields, Map<String, Object> primary,
			Map<String, Object> related) {
		fields.forEach((name, value) -> {
			if (value == null || name.equals(XmlmcParams.COLUMN_CLASS) || name.equals(XmlmcParams.COLUMN_TYPE)) {
				return;
			}
			(AssetModel.classColumn(type.assetClass(), name) ? related : primary).put(name, value);
		});
	}

	@Override
	public List<PushOutcome> relate(List<RelationRequest> relations) {
		List<PushOutcome> outcomes = new ArrayList<>(relations.size());
		for (RelationRequest request : relations) {
			TargetRef holder = request.relation().reverse() ? request.to() : request.from();
			TargetRef other = request.relation().reverse() ? request.from() : request.to();
			String type = request.relation().platformType();
			String inverse = this.properties.api().inverseRelations().getOrDefault(type, type);
			MethodResult result = this.links.link(urn(holder.recordId()), type, urn(other.recordId()), inverse,
					!type.equalsIgnoreCase("Connected To"));
			if (result.failed()) {
				outcomes.add(PushOutcome.failed(request.itemId(), XmlmcClient.refused(result.error())));
			}
			else {
				boolean linked = result.params().path("recordsLinked").asInt(1) > 0;
				outcomes
					.add(PushOutcome.of(request.itemId(), linked ? Status.RELATED : Status.UNCHANGED, request.from()));
			}
		}
		return outcomes;
	}

	@Override
	public List<PushOutcome> retire(List<RetireRequest> records) {
		List<PushOutcome> outcomes = new ArrayList<>(records.size());
		for (RetireRequest request : records) {
			Object state = (request.payload() != null)
					? main(request.payload()).fields().get(XmlmcParams.COLUMN_OPERATIONAL_STATE) : null;
			Map<String, Object> primary = new LinkedHashMap<>();
			primary.put(XmlmcParams.COLUMN_ID, request.record().recordId());
			primary.put(XmlmcParams.COLUMN_OPERATIONAL_STATE,
					(state != null) ? state : this.properties.retiredOperationalState());
			String recordState = this.properties.retiredRecordState();
			if (recordState != null && !recordState.isBlank()) {
				primary.put(XmlmcParams.COLUMN_RECORD_STATE, recordState);
			}
			primary.put(XmlmcParams.COLUMN_RETIRED_DATE, LocalDateTime.now(this.clock).format(DATE_TIME));
			MethodResult result = this.entities.update(primary, null);
			if (result.failed() && !XmlmcParams.NO_VALUES_TO_UPDATE.equals(result.error())) {
				outcomes.add(new PushOutcome(request.itemId(), Status.FAILED, request.record(),
						XmlmcClient.refused(result.error())));
			}
			else {
				outcomes.add(PushOutcome.of(request.itemId(), Status.RETIRED, request.record()));
			}
		}
		return outcomes;
	}

	private String urn(String id) {
		return "urn:sys:entity:" + this.properties.application() + ":" + XmlmcParams.ENTITY_ASSET + ":" + id;
	}

	private TargetRef ref(String id) {
		return new TargetRef(id, urn(id), Map.of());
	}

	private static TargetRecord main(TargetPayload payload) {
		return payload.records().get(0);
	}

	/** The wire form of a value: plain decimals, lists joined. */
	static String text(Object value) {
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof Collection<?> collection) {
			StringJoiner joined = new StringJoiner(", ");
			collection.stream().filter(Objects::nonNull).forEach((element) -> joined.add(text(element)));
			return joined.toString();
		}
		return String.valueOf(value);
	}

}
