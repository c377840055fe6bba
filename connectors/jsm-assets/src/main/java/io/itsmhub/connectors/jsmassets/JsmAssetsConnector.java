package io.itsmhub.connectors.jsmassets;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Instant;
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
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.api.target.PushOutcome;
import io.itsmhub.api.target.PushOutcome.Status;
import io.itsmhub.api.target.TargetConnector;
import io.itsmhub.api.target.TargetException;
import io.itsmhub.api.target.TargetFailure;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.target.TargetRecord;
import io.itsmhub.api.target.TargetRef;
import io.itsmhub.connectors.jsmassets.AssetsSchema.Attribute;
import io.itsmhub.connectors.jsmassets.AssetsSchema.ObjectType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes to Jira Service Management Assets. Each payload's main record is one object of
 * the object type its target class names; attributes are resolved by name. Objects are
 * found by AQL on the record's identifying attributes before they are created, so a retry
 * never makes a duplicate. In {@code object-api} mode each object is one create or update
 * call; in {@code import} mode a batch is one execution of the external import API
 * (mapping, execution, data chunks, status). Relations are object-reference attributes on
 * the holding object; retirement sets the status attribute.
 *
 * <p>
 * {@link TargetRef#recordId()} is the object id, {@link TargetRef#recordKey()} its key
 * (such as {@code ITSM-88}); {@link TargetRef#related()} is empty.
 */
public final class JsmAssetsConnector implements TargetConnector {

	/** The platform id. */
	public static final String PLATFORM = "jsm-assets";

	private static final int LOOKUP_CHUNK = 100;

	private static final Logger log = LoggerFactory.getLogger(JsmAssetsConnector.class);

	private final JsmAssetsProperties properties;

	private final AssetsHttp http;

	private final ObjectResource objects;

	private final ImportSourceResource imports;

	private final AssetsSchema schema;

	private final JsmAssetsVerifier verifier;

	private final UserResource users;

	private final Map<String, String> referenceKeys = new ConcurrentHashMap<>();

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	private volatile String mappingHash;

	/**
	 * The import's identifying attribute per object type id, as the last mapping sent.
	 */
	private final Map<String, Attribute> importIdentity = new ConcurrentHashMap<>();

	/** A connector with its own HTTP client. */
	public JsmAssetsConnector(JsmAssetsProperties properties) {
		this(properties, HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
	}

	/** A connector over a given HTTP client. */
	public JsmAssetsConnector(JsmAssetsProperties properties, HttpClient client) {
		this.properties = properties;
		this.http = new AssetsHttp(properties, client);
		ObjectSchemaResource schemas = new ObjectSchemaResource(this.http);
		this.objects = new ObjectResource(this.http);
		this.imports = new ImportSourceResource(this.http);
		this.schema = new AssetsSchema(schemas, properties);
		this.verifier = new JsmAssetsVerifier(properties, this.schema);
		this.users = new UserResource(this.http);
	}

	@Override
	public String platform() {
		return PLATFORM;
	}

	@Override
	public int maxBatchSize() {
		return (this.properties.mode() == JsmAssetsProperties.Mode.IMPORT) ? this.properties.importBatchSize()
				: this.properties.batchSize();
	}

	@Override
	public List<ConfigProblem> verify() {
		return this.verifier.verify();
	}

	@Override
	public FieldCatalog fieldCatalog() {
		Map<String, FieldCatalog.TargetClass> classes = new LinkedHashMap<>();
		Set<String> relationTypes = new LinkedHashSet<>();
		for (ObjectType type : this.schema.types()) {
			List<FieldCatalog.Field> fields = new ArrayList<>();
			for (Attribute attribute : this.schema.orderedAttributes(type.id())) {
				if (attribute.system()) {
					continue;
				}
				fields.add(new FieldCatalog.Field(attribute.name(), attribute.fieldType(),
						(attribute.fieldType() == io.itsmhub.api.target.FieldType.STRING) ? 255 : null,
						attribute.minimumCardinality() > 0));
				if (attribute.reference()) {
					relationTypes.add(attribute.name());
				}
			}
			classes.put(type.name(), FieldCatalog.TargetClass.of(type.name(), fields));
		}
		return new FieldCatalog(PLATFORM, classes, relationTypes);
	}

	/**
	 * Creates, on the object types the workspace has, the attributes (and the statuses of
	 * the status attribute) a catalog names but the workspace lacks: the one-time set up
	 * of the hub's recommended schema. Needs {@code provision-schema=true}.
	 * @return the {@code type.attribute} names created
	 */
	public List<String> provisionSchema(FieldCatalog wanted, Collection<String> statuses) {
		if (!this.properties.provisionSchema()) {
			throw new IllegalStateException(JsmAssetsProperties.PREFIX + ".provision-schema is false");
		}
		List<String> created = new ArrayList<>();
		for (FieldCatalog.TargetClass targetClass : wanted.classes().values()) {
			ObjectType type = this.schema.type(targetClass.name());
			if (type == null || type.abstractType()) {
				continue;
			}
			for (FieldCatalog.Field field : targetClass.fields().values()) {
				if (this.schema.attribute(type.id(), field.name()) == null) {
					this.schema.provision(type, field.name(), field.type());
					created.add(type.name() + "." + field.name());
				}
			}
		}
		statuses.forEach(this.schema::statusId);
		return created;
	}

	@Override
	public Map<String, TargetRef> find(List<TargetPayload> payloads) {
		Map<String, List<TargetPayload>> byType = new LinkedHashMap<>();
		for (TargetPayload payload : payloads) {
			byType.computeIfAbsent(main(payload).targetClass(), (t) -> new ArrayList<>()).add(payload);
		}
		Map<String, TargetRef> found = new LinkedHashMap<>();
		byType.forEach((typeName, group) -> {
			ObjectType type = this.schema.type(typeName);
			if (type == null) {
				return;
			}
			// At most LOOKUP_CHUNK payloads per AQL query: short queries the platform can
			// search quickly, read page by page.
			for (int from = 0; from < group.size(); from += LOOKUP_CHUNK) {
				List<TargetPayload> chunk = group.subList(from, Math.min(group.size(), from + LOOKUP_CHUNK));
				String query = identifierQuery(type, chunk);
				if (query == null) {
					continue;
				}
				List<JsonNode> candidates = this.objects.aql(query, this.properties.pageSize());
				for (TargetPayload payload : chunk) {
					JsonNode match = match(type, main(payload), candidates);
					if (match != null) {
						found.put(payload.itemId(), ref(match));
					}
				}
			}
		});
		return found;
	}

	// objectType = "Server" AND ("Serial Number" IN ("a", "b") OR "Asset Tag" IN ("c"))
	private String identifierQuery(ObjectType type, List<TargetPayload> group) {
		Map<String, Set<String>> values = new LinkedHashMap<>();
		for (TargetPayload payload : group) {
			main(payload).matchOn().forEach((field, value) -> {
				Attribute attribute = this.schema.attribute(type.id(), field);
				if (attribute != null && value != null) {
					values.computeIfAbsent(attribute.name(), (n) -> new LinkedHashSet<>()).add(text(value));
				}
			});
		}
		if (values.isEmpty()) {
			return null;
		}
		StringJoiner any = new StringJoiner(" OR ", "(", ")");
		values.forEach((attribute, set) -> {
			StringJoiner in = new StringJoiner(", ", quote(attribute) + " IN (", ")");
			set.forEach((value) -> in.add(quote(value)));
			any.add(in.toString());
		});
		return "objectType = " + quote(type.name()) + " AND " + any;
	}

	private JsonNode match(ObjectType type, TargetRecord record, List<JsonNode> candidates) {
		for (Map.Entry<String, Object> identifier : record.matchOn().entrySet()) {
			Attribute attribute = this.schema.attribute(type.id(), identifier.getKey());
			if (attribute == null) {
				continue;
			}
			String value = text(identifier.getValue()).toLowerCase(Locale.ROOT);
			List<JsonNode> hits = candidates.stream()
				.filter((candidate) -> values(candidate, attribute.id()).stream()
					.anyMatch((v) -> v.toLowerCase(Locale.ROOT).equals(value)))
				.toList();
			if (hits.size() == 1) {
				return hits.get(0);
			}
		}
		return null;
	}

	/**
	 * The values of an attribute of an object as AQL or GET gives it (keys for
	 * references).
	 */
	private static List<String> values(JsonNode object, String attributeId) {
		List<String> values = new ArrayList<>();
		for (JsonNode attribute : object.path("attributes")) {
			if (attribute.path("objectTypeAttributeId").asText().equals(attributeId)) {
				for (JsonNode value : attribute.path("objectAttributeValues")) {
					if (value.has("referencedObject")) {
						values.add(value.path("referencedObject").path("objectKey").asText());
					}
					else if (value.has("status")) {
						values.add(value.path("status").path("id").asText());
					}
					else {
						values.add(value.path("value").asText(value.path("displayValue").asText("")));
					}
				}
			}
		}
		return values;
	}

	@Override
	public List<PushOutcome> upsert(List<UpsertRequest> batch) {
		if (batch.size() > maxBatchSize()) {
			throw new IllegalArgumentException(
					"at most " + maxBatchSize() + " requests per batch, got " + batch.size());
		}
		if (this.properties.mode() == JsmAssetsProperties.Mode.IMPORT) {
			return importBatch(batch);
		}
		List<TargetPayload> unknown = batch.stream()
			.filter((request) -> request.known() == null)
			.map(UpsertRequest::payload)
			.toList();
		Map<String, TargetRef> found = unknown.isEmpty() ? Map.of() : find(unknown);
		List<PushOutcome> outcomes = new ArrayList<>();
		for (UpsertRequest request : batch) {
			TargetPayload payload = request.payload();
			TargetRecord record = main(payload);
			ObjectType type = this.schema.type(record.targetClass());
			if (type == null) {
				outcomes.add(PushOutcome.failed(payload.itemId(), noType(record.targetClass())));
				continue;
			}
			TargetRef existing = (request.known() != null) ? request.known() : found.get(payload.itemId());
			try {
				// a value Assets cannot take (an owner email nobody has) fails this
				// record
				ObjectNode body = objectBody(type, record.fields());
				if (existing != null) {
					JsonNode updated = this.objects.update(existing.recordId(), body);
					outcomes.add(PushOutcome.of(payload.itemId(), Status.UPDATED,
							updated.has("id") ? ref(updated) : existing));
				}
				else {
					outcomes.add(PushOutcome.of(payload.itemId(), Status.CREATED, ref(this.objects.create(body))));
				}
			}
			catch (TargetException ex) {
				if (ex.failure().kind() != TargetFailure.Kind.PERMANENT) {
					throw ex;
				}
				outcomes.add(new PushOutcome(payload.itemId(), Status.FAILED, existing, ex.failure()));
			}
		}
		return outcomes;
	}

	private ObjectNode objectBody(ObjectType type, Map<String, Object> fields) {
		ObjectNode body = AssetsHttp.JSON.createObjectNode();
		body.put("objectTypeId", type.id());
		ArrayNode attributes = body.putArray("attributes");
		attributeValues(type, fields).forEach((attribute, values) -> {
			ObjectNode entry = attributes.addObject();
			entry.put("objectTypeAttributeId", attribute.id());
			ArrayNode list = entry.putArray("objectAttributeValues");
			values.forEach((value) -> list.addObject().put("value", value));
		});
		return body;
	}

	/** The payload's fields as attribute values, resolved by name. */
	private Map<Attribute, List<String>> attributeValues(ObjectType type, Map<String, Object> fields) {
		Map<Attribute, List<String>> result = new LinkedHashMap<>();
		fields.forEach((name, value) -> {
			if (value == null) {
				return;
			}
			Attribute attribute = this.schema.attribute(type.id(), name);
			if (attribute == null && this.properties.provisionSchema()) {
				attribute = this.schema.provision(type, name, AssetsSchema.typeOf(value));
			}
			if (attribute == null) {
				warnOnce(type.name() + "." + name, "object type {} has no attribute '{}'; the value is left out",
						type.name(), name);
				return;
			}
			List<String> values = new ArrayList<>();
			List<?> raw = (value instanceof Collection<?> collection) ? List.copyOf(collection) : List.of(value);
			if (attribute.maximumCardinality() == 1 && raw.size() > 1) {
				StringJoiner joined = new StringJoiner(", ");
				raw.forEach((element) -> joined.add(text(element)));
				raw = List.of(joined.toString());
			}
			for (Object element : raw) {
				String converted = convert(attribute, text(element));
				if (converted != null) {
					values.add(converted);
				}
			}
			if (!values.isEmpty()) {
				result.put(attribute, values);
			}
		});
		return result;
	}

	private String convert(Attribute attribute, String value) {
		if (attribute.status()) {
			String id = this.schema.statusId(value);
			if (id == null) {
				warnOnce("status:" + value, "no status '{}' in the object schema; the status is left out", value);
			}
			return id;
		}
		if (attribute.reference()) {
			return referenceKey(attribute, value);
		}
		if (attribute.user()) {
			return this.users.accountId(attribute.name(), value);
		}
		return value;
	}

	/** An object key for a reference value given as a key or a label. */
	private String referenceKey(Attribute attribute, String value) {
		if (value.matches("[A-Z][A-Z0-9_]*-\\d+")) {
			return value;
		}
		String cacheKey = attribute.referenceObjectTypeId() + "|" + value;
		String key = this.referenceKeys.get(cacheKey);
		if (key == null) {
			List<JsonNode> hits = this.objects
				.aql("objectTypeId = " + attribute.referenceObjectTypeId() + " AND Name = " + quote(value), 2);
			key = (hits.size() == 1) ? hits.get(0).path("objectKey").asText() : "";
			this.referenceKeys.put(cacheKey, key);
		}
		if (key.isEmpty()) {
			warnOnce("ref:" + cacheKey, "no object named '{}' for the reference attribute '{}'; it is left out", value,
					attribute.name());
			return null;
		}
		return key;
	}

	@Override
	public List<PushOutcome> relate(List<RelationRequest> relations) {
		if (this.properties.mode() == JsmAssetsProperties.Mode.IMPORT && !relations.isEmpty()) {
			return relateByImport(relations);
		}
		return relateByObjectApi(relations);
	}

	/**
	 * Relations as one import execution: the holders are read by key (AQL, paged), their
	 * reference values merged with the new ones, and written as entries that carry only
	 * the identifying attribute and the reference attributes. Holders of a type the
	 * import has no identifying attribute for go through the object API.
	 */
	private List<PushOutcome> relateByImport(List<RelationRequest> relations) {
		Map<String, List<Integer>> byHolder = new LinkedHashMap<>();
		for (int i = 0; i < relations.size(); i++) {
			byHolder.computeIfAbsent(holder(relations.get(i)).recordId(), (id) -> new ArrayList<>()).add(i);
		}
		Map<String, JsonNode> holders = new HashMap<>();
		List<String> ids = new ArrayList<>(byHolder.keySet());
		for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
			StringJoiner in = new StringJoiner(", ", "objectId IN (", ")");
			ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK)).forEach(in::add);
			for (JsonNode object : this.objects.aql(in.toString(), this.properties.pageSize())) {
				holders.put(object.path("id").asText(), object);
			}
		}
		Map<String, String> provisioning = provisionReferences(relations, holders);
		PushOutcome[] outcomes = new PushOutcome[relations.size()];
		List<Integer> viaObjectApi = new ArrayList<>();
		Map<String, ObjectType> types = new LinkedHashMap<>();
		Map<String, Set<Attribute>> mapped = new LinkedHashMap<>();
		Map<String, ArrayNode> entries = new LinkedHashMap<>();
		List<Integer> written = new ArrayList<>();
		byHolder.forEach((holderId, indexes) -> {
			JsonNode object = holders.get(holderId);
			String typeId = (object != null) ? object.path("objectType").path("id").asText() : null;
			Attribute identity = (typeId != null) ? this.importIdentity.get(typeId) : null;
			List<String> identityValues = (identity != null) ? values(object, identity.id()) : List.of();
			if (identityValues.isEmpty()) {
				viaObjectApi.addAll(indexes);
				return;
			}
			Map<Attribute, List<String>> changed = new LinkedHashMap<>();
			Set<Attribute> dirty = new HashSet<>();
			for (int i : indexes) {
				RelationRequest request = relations.get(i);
				Attribute attribute = this.schema.attribute(typeId, request.relation().platformType());
				if (attribute == null || !attribute.reference()) {
					outcomes[i] = PushOutcome.failed(request.itemId(),
							noReference(object, request, attribute, provisioning));
					continue;
				}
				TargetRef other = other(request);
				String key = (other.recordKey() != null) ? other.recordKey() : other.recordId();
				List<String> values = changed.computeIfAbsent(attribute,
						(a) -> new ArrayList<>(values(object, a.id())));
				if (values.contains(key)) {
					outcomes[i] = PushOutcome.of(request.itemId(), Status.UNCHANGED, request.from());
					continue;
				}
				if (attribute.maximumCardinality() == 1) {
					values.clear();
				}
				values.add(key);
				written.add(i);
				dirty.add(attribute);
			}
			changed.keySet().retainAll(dirty);
			if (changed.isEmpty()) {
				return;
			}
			types.put(typeId,
					this.schema.types().stream().filter((t) -> t.id().equals(typeId)).findFirst().orElseThrow());
			Set<Attribute> attributes = mapped.computeIfAbsent(typeId, (t) -> new LinkedHashSet<>());
			attributes.add(identity);
			attributes.addAll(changed.keySet());
			ObjectNode entry = entries.computeIfAbsent(typeId, (t) -> AssetsHttp.JSON.createArrayNode()).addObject();
			entry.putArray("a" + identity.id()).add(identityValues.get(0));
			changed.forEach((attribute, values) -> {
				ArrayNode array = entry.putArray("a" + attribute.id());
				values.forEach(array::add);
			});
		});
		if (!entries.isEmpty()) {
			ObjectNode document = mappingDocument(types, mapped, this.importIdentity);
			String hash = document.toString();
			if (!hash.equals(this.mappingHash)) {
				this.imports.putMapping(document);
				this.mappingHash = hash;
			}
			runExecution(entries);
		}
		for (int i : written) {
			outcomes[i] = PushOutcome.of(relations.get(i).itemId(), Status.RELATED, relations.get(i).from());
		}
		if (!viaObjectApi.isEmpty()) {
			List<PushOutcome> rest = relateByObjectApi(viaObjectApi.stream().map(relations::get).toList());
			for (int k = 0; k < viaObjectApi.size(); k++) {
				outcomes[viaObjectApi.get(k)] = rest.get(k);
			}
		}
		return List.of(outcomes);
	}

	private List<PushOutcome> relateByObjectApi(List<RelationRequest> relations) {
		Map<String, List<Integer>> byHolder = new LinkedHashMap<>();
		for (int i = 0; i < relations.size(); i++) {
			byHolder.computeIfAbsent(holder(relations.get(i)).recordId(), (id) -> new ArrayList<>()).add(i);
		}
		Map<String, JsonNode> holders = new HashMap<>();
		byHolder.keySet().forEach((holderId) -> holders.put(holderId, this.objects.get(holderId)));
		Map<String, String> provisioning = provisionReferences(relations, holders);
		PushOutcome[] outcomes = new PushOutcome[relations.size()];
		byHolder.forEach((holderId, indexes) -> {
			JsonNode object = holders.get(holderId);
			String typeId = object.path("objectType").path("id").asText();
			Map<Attribute, List<String>> changed = new LinkedHashMap<>();
			Map<Attribute, List<String>> current = new HashMap<>();
			List<Integer> written = new ArrayList<>();
			for (int i : indexes) {
				RelationRequest request = relations.get(i);
				Attribute attribute = this.schema.attribute(typeId, request.relation().platformType());
				if (attribute == null || !attribute.reference()) {
					outcomes[i] = PushOutcome.failed(request.itemId(),
							noReference(object, request, attribute, provisioning));
					continue;
				}
				TargetRef other = other(request);
				String key = (other.recordKey() != null) ? other.recordKey() : other.recordId();
				List<String> values = changed.containsKey(attribute) ? changed.get(attribute)
						: current.computeIfAbsent(attribute, (a) -> new ArrayList<>(values(object, a.id())));
				if (values.contains(key)) {
					outcomes[i] = PushOutcome.of(request.itemId(), Status.UNCHANGED, request.from());
					continue;
				}
				List<String> next = new ArrayList<>((attribute.maximumCardinality() == 1) ? List.of() : values);
				next.add(key);
				changed.put(attribute, next);
				written.add(i);
			}
			if (changed.isEmpty()) {
				return;
			}
			ObjectNode body = AssetsHttp.JSON.createObjectNode();
			body.put("objectTypeId", typeId);
			ArrayNode attributes = body.putArray("attributes");
			changed.forEach((attribute, values) -> {
				ObjectNode entry = attributes.addObject();
				entry.put("objectTypeAttributeId", attribute.id());
				ArrayNode list = entry.putArray("objectAttributeValues");
				values.forEach((value) -> list.addObject().put("value", value));
			});
			TargetFailure failure = null;
			try {
				this.objects.update(holderId, body);
			}
			catch (TargetException ex) {
				if (ex.failure().kind() != TargetFailure.Kind.PERMANENT) {
					throw ex;
				}
				failure = ex.failure();
			}
			for (int i : written) {
				RelationRequest request = relations.get(i);
				outcomes[i] = (failure != null) ? PushOutcome.failed(request.itemId(), failure)
						: PushOutcome.of(request.itemId(), Status.RELATED, request.from());
			}
		});
		return List.of(outcomes);
	}

	/**
	 * Clears the other object from the holder's reference attribute, through the object
	 * API: one read and, where a value goes, one update of each holder, which keeps its
	 * other references. The objects themselves stay. A reference that is not there is
	 * already gone ({@link Status#UNCHANGED}); it is matched by object id or key, as the
	 * hub may know only the id.
	 */
	@Override
	public List<PushOutcome> unrelate(List<RelationRequest> relations) {
		Map<String, List<Integer>> byHolder = new LinkedHashMap<>();
		for (int i = 0; i < relations.size(); i++) {
			byHolder.computeIfAbsent(holder(relations.get(i)).recordId(), (id) -> new ArrayList<>()).add(i);
		}
		PushOutcome[] outcomes = new PushOutcome[relations.size()];
		byHolder.forEach((holderId, indexes) -> {
			JsonNode object = this.objects.get(holderId);
			String typeId = object.path("objectType").path("id").asText();
			Map<Attribute, List<String[]>> remaining = new LinkedHashMap<>();
			Set<Attribute> changed = new LinkedHashSet<>();
			List<Integer> written = new ArrayList<>();
			for (int i : indexes) {
				RelationRequest request = relations.get(i);
				Attribute attribute = this.schema.attribute(typeId, request.relation().platformType());
				if (attribute == null || !attribute.reference()) {
					outcomes[i] = PushOutcome.failed(request.itemId(),
							new TargetFailure(TargetFailure.Kind.PERMANENT,
									"object type " + object.path("objectType").path("name").asText()
											+ " has no reference attribute '" + request.relation().platformType() + "'",
									null, null, null));
					continue;
				}
				TargetRef other = other(request);
				List<String[]> references = remaining.computeIfAbsent(attribute, (a) -> references(object, a.id()));
				boolean removed = references.removeIf((reference) -> reference[0].equals(other.recordId())
						|| (other.recordKey() != null && reference[1].equals(other.recordKey())));
				if (!removed) {
					outcomes[i] = PushOutcome.of(request.itemId(), Status.UNCHANGED, request.from());
					continue;
				}
				changed.add(attribute);
				written.add(i);
			}
			if (changed.isEmpty()) {
				return;
			}
			ObjectNode body = AssetsHttp.JSON.createObjectNode();
			body.put("objectTypeId", typeId);
			ArrayNode attributes = body.putArray("attributes");
			for (Attribute attribute : changed) {
				ObjectNode entry = attributes.addObject();
				entry.put("objectTypeAttributeId", attribute.id());
				ArrayNode list = entry.putArray("objectAttributeValues");
				remaining.get(attribute).forEach((reference) -> list.addObject().put("value", reference[1]));
			}
			TargetFailure failure = null;
			try {
				this.objects.update(holderId, body);
			}
			catch (TargetException ex) {
				if (ex.failure().kind() != TargetFailure.Kind.PERMANENT) {
					throw ex;
				}
				failure = ex.failure();
			}
			for (int i : written) {
				RelationRequest request = relations.get(i);
				outcomes[i] = (failure != null) ? PushOutcome.failed(request.itemId(), failure)
						: PushOutcome.of(request.itemId(), Status.RETIRED, request.from());
			}
		});
		return List.of(outcomes);
	}

	/** The objects a reference attribute holds, as id and key pairs. */
	private static List<String[]> references(JsonNode object, String attributeId) {
		List<String[]> references = new ArrayList<>();
		for (JsonNode attribute : object.path("attributes")) {
			if (attribute.path("objectTypeAttributeId").asText().equals(attributeId)) {
				for (JsonNode value : attribute.path("objectAttributeValues")) {
					JsonNode referenced = value.path("referencedObject");
					references
						.add(new String[] { referenced.path("id").asText(), referenced.path("objectKey").asText() });
				}
			}
		}
		return references;
	}

	/**
	 * With provisioning on, creates the reference attributes the relations need and the
	 * holders' types lack: named like the relation type, pointing at the top type of the
	 * related objects' hierarchy (child types included), so one attribute takes every
	 * kind of object the relation reaches there. The related objects' types are read by
	 * AQL, 100 ids per query, only when an attribute is missing.
	 */
	private Map<String, String> provisionReferences(List<RelationRequest> relations, Map<String, JsonNode> holders) {
		Map<String, String> failures = new HashMap<>();
		if (!this.properties.provisionSchema()) {
			return failures;
		}
		// holder type id -> relation type -> ids of the related objects
		Map<String, Map<String, List<String>>> missing = new LinkedHashMap<>();
		for (RelationRequest request : relations) {
			JsonNode object = holders.get(holder(request).recordId());
			if (object == null) {
				continue;
			}
			String typeId = object.path("objectType").path("id").asText();
			if (this.schema.attribute(typeId, request.relation().platformType()) == null) {
				missing.computeIfAbsent(typeId, (t) -> new LinkedHashMap<>())
					.computeIfAbsent(request.relation().platformType(), (r) -> new ArrayList<>())
					.add(other(request).recordId());
			}
		}
		if (missing.isEmpty()) {
			return failures;
		}
		List<String> ids = missing.values()
			.stream()
			.flatMap((byRelation) -> byRelation.values().stream())
			.flatMap(List::stream)
			.distinct()
			.toList();
		Map<String, String> typeOf = new HashMap<>();
		for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
			StringJoiner in = new StringJoiner(", ", "objectId IN (", ")");
			ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK)).forEach(in::add);
			for (JsonNode object : this.objects.aql(in.toString(), this.properties.pageSize(), false)) {
				typeOf.put(object.path("id").asText(), object.path("objectType").path("id").asText());
			}
		}
		missing.forEach((typeId, byRelation) -> {
			ObjectType holderType = this.schema.typeById(typeId);
			if (holderType == null) {
				return;
			}
			byRelation.forEach((relationType, others) -> {
				// the hierarchy most related objects are in; the others fail on write
				Map<ObjectType, Integer> roots = new LinkedHashMap<>();
				for (String other : others) {
					ObjectType type = this.schema.typeById(typeOf.getOrDefault(other, ""));
					if (type != null) {
						roots.merge(this.schema.root(type), 1, Integer::sum);
					}
				}
				ObjectType referenced = roots.entrySet()
					.stream()
					.max(Map.Entry.comparingByValue())
					.map(Map.Entry::getKey)
					.orElse(this.schema.root(holderType));
				try {
					Attribute created = this.schema.provisionReference(holderType, relationType, referenced);
					log.info("created the reference attribute '{}' on {} (to {} and its child types)", created.name(),
							holderType.name(), referenced.name());
				}
				catch (TargetException ex) {
					if (ex.failure().kind() != TargetFailure.Kind.PERMANENT) {
						throw ex;
					}
					failures.put(typeId + "|" + AssetsSchema.key(relationType), ex.failure().message());
				}
			});
		});
		return failures;
	}

	private static TargetFailure noReference(JsonNode holder, RelationRequest request, Attribute attribute,
			Map<String, String> provisioning) {
		String type = holder.path("objectType").path("name").asText();
		String name = request.relation().platformType();
		String failed = provisioning.get(holder.path("objectType").path("id").asText() + "|" + AssetsSchema.key(name));
		String message = (failed != null)
				? "object type " + type + " has no object reference attribute '" + name + "' and creating it failed: "
						+ failed
				: (attribute != null)
						? "the attribute '" + name + "' of object type " + type
								+ " is not an object reference; the relation needs one named like its type"
						: "object type " + type + " has no object reference attribute '" + name + "': create it on "
								+ type + " (type Object reference, reference type '" + name
								+ "', pointing at the related objects' type or a parent of it with child types included)"
								+ " or set " + JsmAssetsProperties.PREFIX + ".provision-schema=true";
		return new TargetFailure(TargetFailure.Kind.PERMANENT, message, null, null,
				JsmAssetsProperties.PREFIX + ".provision-schema");
	}

	private static TargetRef holder(RelationRequest request) {
		return request.relation().reverse() ? request.to() : request.from();
	}

	private static TargetRef other(RelationRequest request) {
		return request.relation().reverse() ? request.from() : request.to();
	}

	@Override
	public List<PushOutcome> retire(List<RetireRequest> records) {
		List<PushOutcome> outcomes = new ArrayList<>();
		for (RetireRequest request : records) {
			TargetRecord record = (request.payload() != null) ? main(request.payload()) : null;
			String typeId;
			if (record != null && this.schema.type(record.targetClass()) != null) {
				typeId = this.schema.type(record.targetClass()).id();
			}
			else {
				typeId = this.objects.get(request.record().recordId()).path("objectType").path("id").asText();
			}
			Object status = (record != null) ? record.fields().get(this.properties.statusAttribute()) : null;
			Map<String, Object> fields = Map.of(this.properties.statusAttribute(),
					(status != null) ? status : this.properties.retiredStatus());
			ObjectType type = this.schema.types()
				.stream()
				.filter((t) -> t.id().equals(typeId))
				.findFirst()
				.orElseThrow();
			ObjectNode body = objectBody(type, fields);
			if (body.path("attributes").isEmpty()) {
				outcomes.add(PushOutcome.failed(request.itemId(), new TargetFailure(TargetFailure.Kind.PERMANENT,
						"object type " + type.name() + " has no status attribute '" + this.properties.statusAttribute()
								+ "' or the schema no status '" + fields.values().iterator().next() + "'",
						null, null, JsmAssetsProperties.PREFIX + ".retired-status")));
				continue;
			}
			try {
				this.objects.update(request.record().recordId(), body);
				outcomes.add(PushOutcome.of(request.itemId(), Status.RETIRED, request.record()));
			}
			catch (TargetException ex) {
				if (ex.failure().kind() != TargetFailure.Kind.PERMANENT) {
					throw ex;
				}
				outcomes.add(new PushOutcome(request.itemId(), Status.FAILED, request.record(), ex.failure()));
			}
		}
		return outcomes;
	}

	/**
	 * One import execution for the batch: look-up (reads), mapping when it changed, the
	 * execution, data chunks, status until done, look-up again for the ids.
	 */
	private List<PushOutcome> importBatch(List<UpsertRequest> batch) {
		List<TargetPayload> payloads = batch.stream().map(UpsertRequest::payload).toList();
		Map<String, TargetRef> before = find(payloads);
		Map<String, ObjectType> types = new LinkedHashMap<>();
		Map<String, Set<Attribute>> mapped = new LinkedHashMap<>();
		Map<String, Attribute> identity = new HashMap<>();
		Map<String, ArrayNode> entries = new LinkedHashMap<>();
		List<PushOutcome> early = new ArrayList<>();
		Set<String> skipped = new HashSet<>();
		for (TargetPayload payload : payloads) {
			TargetRecord record = main(payload);
			ObjectType type = this.schema.type(record.targetClass());
			if (type == null) {
				early.add(PushOutcome.failed(payload.itemId(), noType(record.targetClass())));
				skipped.add(payload.itemId());
				continue;
			}
			Attribute id = identity.computeIfAbsent(type.id(),
					(t) -> record.matchOn()
						.keySet()
						.stream()
						.map((field) -> this.schema.attribute(type.id(), field))
						.filter((attribute) -> attribute != null)
						.findFirst()
						.orElse(null));
			Map<Attribute, List<String>> values;
			try {
				values = attributeValues(type, record.fields());
			}
			catch (TargetException ex) {
				if (ex.failure().kind() != TargetFailure.Kind.PERMANENT) {
					throw ex;
				}
				early.add(PushOutcome.failed(payload.itemId(), ex.failure()));
				skipped.add(payload.itemId());
				continue;
			}
			if (id == null || !values.containsKey(id)) {
				early.add(PushOutcome.failed(payload.itemId(),
						new TargetFailure(TargetFailure.Kind.PERMANENT,
								"no value for the import's identifying attribute "
										+ ((id != null) ? id.name() : "(none)") + " of " + type.name(),
								null, null, null)));
				skipped.add(payload.itemId());
				continue;
			}
			types.put(type.id(), type);
			mapped.computeIfAbsent(type.id(), (t) -> new LinkedHashSet<>()).addAll(values.keySet());
			ObjectNode entry = entries.computeIfAbsent(type.id(), (t) -> AssetsHttp.JSON.createArrayNode()).addObject();
			values.forEach((attribute, list) -> {
				ArrayNode array = entry.putArray("a" + attribute.id());
				list.forEach(array::add);
			});
		}
		if (!entries.isEmpty()) {
			ObjectNode document = mappingDocument(types, mapped, identity);
			String hash = document.toString();
			if (!hash.equals(this.mappingHash)) {
				this.imports.putMapping(document);
				this.mappingHash = hash;
			}
			this.importIdentity.putAll(identity);
			runExecution(entries);
		}
		Map<String, TargetRef> after = find(payloads.stream().filter((p) -> !skipped.contains(p.itemId())).toList());
		List<PushOutcome> outcomes = new ArrayList<>();
		for (TargetPayload payload : payloads) {
			PushOutcome failed = early.stream()
				.filter((outcome) -> outcome.itemId().equals(payload.itemId()))
				.findFirst()
				.orElse(null);
			TargetRef ref = after.get(payload.itemId());
			if (failed != null) {
				outcomes.add(failed);
			}
			else if (ref == null) {
				outcomes.add(PushOutcome.failed(payload.itemId(), new TargetFailure(TargetFailure.Kind.PERMANENT,
						"the import did not create the object; see the import's errors in Assets", null, null, null)));
			}
			else {
				outcomes.add(PushOutcome.of(payload.itemId(),
						before.containsKey(payload.itemId()) ? Status.UPDATED : Status.CREATED, ref));
			}
		}
		return outcomes;
	}

	private ObjectNode mappingDocument(Map<String, ObjectType> types, Map<String, Set<Attribute>> mapped,
			Map<String, Attribute> identity) {
		ObjectNode document = AssetsHttp.JSON.createObjectNode();
		ObjectNode schemaNode = document.putObject("schema").putObject("objectSchema");
		schemaNode.put("name", this.properties.objectSchema());
		schemaNode.putArray("objectTypes");
		ArrayNode typeMappings = document.putObject("mapping").putArray("objectTypeMappings");
		types.forEach((typeId, type) -> {
			ObjectNode typeMapping = typeMappings.addObject();
			typeMapping.put("objectTypeExternalId", "t" + typeId);
			typeMapping.put("objectTypeName", type.name());
			typeMapping.put("selector", "t" + typeId);
			typeMapping.put("description", "ITSM hub: " + type.name());
			ArrayNode attributes = typeMapping.putArray("attributesMapping");
			for (Attribute attribute : mapped.get(typeId)) {
				ObjectNode attributeMapping = attributes.addObject();
				attributeMapping.put("attributeExternalId", "a" + attribute.id());
				attributeMapping.put("attributeName", attribute.name());
				attributeMapping.putArray("attributeLocators").add("a" + attribute.id());
				attributeMapping.put("externalIdPart", attribute.equals(identity.get(typeId)));
			}
		});
		return document;
	}

	private void runExecution(Map<String, ArrayNode> entries) {
		JsonNode links = this.imports.startExecution();
		String dataUrl = links.path("submitResults").asText();
		String statusUrl = links.path("getExecutionStatus").asText();
		List<ObjectNode> chunks = new ArrayList<>();
		ObjectNode current = null;
		int size = 0;
		for (Map.Entry<String, ArrayNode> typeEntries : entries.entrySet()) {
			for (JsonNode entry : typeEntries.getValue()) {
				if (current == null || size >= this.properties.importChunkSize()) {
					current = AssetsHttp.JSON.createObjectNode();
					current.putObject("data");
					chunks.add(current);
					size = 0;
				}
				JsonNode data = current.path("data");
				ArrayNode list = data.has("t" + typeEntries.getKey()) ? (ArrayNode) data.get("t" + typeEntries.getKey())
						: ((ObjectNode) data).putArray("t" + typeEntries.getKey());
				list.add(entry);
				size++;
			}
		}
		String execution = dataUrl.replaceAll(".*/executions/([^/]+)/data$", "$1");
		for (int i = 0; i < chunks.size(); i++) {
			ObjectNode chunk = chunks.get(i);
			chunk.put("clientGeneratedId", execution + "-" + i);
			chunk.put("completed", i == chunks.size() - 1);
			this.imports.submit(dataUrl, chunk);
		}
		Instant deadline = Instant.now().plus(this.properties.importTimeout());
		long wait = 200;
		while (true) {
			JsonNode status = this.imports.status(statusUrl);
			String state = status.path("status").asText();
			if (state.equals("DONE") || state.equals("CANCELLED") || state.equals("FAILED")) {
				JsonNode errors = status.path("progressResult").path("errorMessages");
				if (errors.isArray() && !errors.isEmpty()) {
					log.warn("Assets import {} finished with errors: {}", execution, errors);
				}
				return;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new TargetException(new TargetFailure(TargetFailure.Kind.TRANSIENT,
						"the import execution did not finish in " + this.properties.importTimeout(), null, null, null));
			}
			try {
				Thread.sleep(wait);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new TargetException(
						new TargetFailure(TargetFailure.Kind.TRANSIENT, "interrupted", null, null, null));
			}
			wait = Math.min(5000, wait * 2);
		}
	}

	private static TargetFailure noType(String name) {
		return new TargetFailure(TargetFailure.Kind.PERMANENT, "no object type '" + name + "' in the object schema",
				null, null, null);
	}

	private static TargetRecord main(TargetPayload payload) {
		return payload.records().get(0);
	}

	private static TargetRef ref(JsonNode object) {
		return new TargetRef(object.path("id").asText(), object.path("objectKey").asText(null), Map.of());
	}

	private void warnOnce(String key, String message, Object... arguments) {
		if (this.warned.add(key)) {
			log.warn(message, arguments);
		}
	}

	static String text(Object value) {
		return (value instanceof BigDecimal decimal) ? decimal.toPlainString() : String.valueOf(value);
	}

	static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
