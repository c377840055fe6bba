package io.itsmhub.connectors.ivanti;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.itsmhub.connectors.ivanti.MetadataResource.BusinessObjectMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes to Ivanti Neurons for ITSM through its OData API. Each payload's main record is
 * one record of the business object collection its target class names
 * ({@code CI__Servers}, ...). Records are found by {@code $filter} on their identifying
 * fields before they are created, so a retry never makes a duplicate; a known record is
 * read first (many per call) and only the fields that differ are sent with {@code PATCH},
 * nothing when none does. Relations are links through the relationship the mapping names
 * ({@code .../{RelationshipName}('{RecId}')/$Ref}), made once; retirement sets the status
 * field. Field names and relationship names are checked against the tenant's
 * {@code $metadata}.
 *
 * <p>
 * {@link TargetRef#recordId()} is the RecId, {@link TargetRef#recordKey()} the record's
 * OData address below {@code businessobject/}, such as {@code CI__Servers('7E6F...')};
 * {@link TargetRef#related()} is empty.
 */
public final class IvantiConnector implements TargetConnector {

	/** The platform id. */
	public static final String PLATFORM = "ivanti";

	private static final Pattern KEY = Pattern.compile("([A-Za-z0-9_]+)\\('([^']*)'\\)");

	private static final Logger log = LoggerFactory.getLogger(IvantiConnector.class);

	private final IvantiProperties properties;

	private final BusinessObjectResource records;

	private final RelationshipResource relationships;

	private final MetadataResource metadata;

	private final IvantiVerifier verifier;

	/** Metadata per collection (lower case); empty when the tenant serves none. */
	private final Map<String, Optional<BusinessObjectMetadata>> metadataCache = new ConcurrentHashMap<>();

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	/** A connector with its own HTTP client. */
	public IvantiConnector(IvantiProperties properties) {
		this(properties, HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
	}

	/** A connector over a given HTTP client. */
	public IvantiConnector(IvantiProperties properties, HttpClient client) {
		this.properties = properties;
		IvantiHttp http = new IvantiHttp(properties, client);
		this.records = new BusinessObjectResource(http);
		this.relationships = new RelationshipResource(http);
		this.metadata = new MetadataResource(http);
		this.verifier = new IvantiVerifier(properties, this.records);
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
	 * The configured business objects as the tenant's {@code $metadata} describes them
	 * (writable fields; relationship names as relation types); the shipped catalog when
	 * discovery is off or no business object's metadata can be read.
	 */
	@Override
	public FieldCatalog fieldCatalog() {
		if (!this.properties.discoverMetadata()) {
			return IvantiCatalog.shipped();
		}
		Map<String, FieldCatalog.TargetClass> classes = new LinkedHashMap<>();
		Set<String> relationTypes = new LinkedHashSet<>();
		for (String collection : this.properties.businessObjects()) {
			Optional<BusinessObjectMetadata> found;
			try {
				found = metadata(collection);
			}
			catch (TargetException ex) {
				log.warn("Ivanti: the $metadata of {} could not be read ({}); the shipped catalog stands in",
						collection, ex.getMessage());
				return IvantiCatalog.shipped();
			}
			found.ifPresent((bo) -> {
				classes.put(collection,
						FieldCatalog.TargetClass.of(collection,
								bo.fields()
									.values()
									.stream()
									.filter((field) -> BusinessObjectMetadata.writable(field.name()))
									.toList()));
				relationTypes.addAll(bo.relationships());
			});
		}
		return classes.isEmpty() ? IvantiCatalog.shipped() : new FieldCatalog(PLATFORM, classes, relationTypes);
	}

	/**
	 * A business object's metadata, read once; empty when discovery is off or the tenant
	 * has no metadata for it (404). Other failures are thrown and not remembered.
	 */
	Optional<BusinessObjectMetadata> metadata(String collection) {
		if (!this.properties.discoverMetadata()) {
			return Optional.empty();
		}
		String key = collection.toLowerCase(Locale.ROOT);
		Optional<BusinessObjectMetadata> cached = this.metadataCache.get(key);
		if (cached != null) {
			return cached;
		}
		Optional<BusinessObjectMetadata> read;
		try {
			read = Optional.of(this.metadata.read(collection));
		}
		catch (TargetException ex) {
			if (ex.failure().httpStatus() == null || ex.failure().httpStatus() != 404) {
				throw ex;
			}
			warnOnce("metadata:" + key,
					"Ivanti: no $metadata for {} ({}); its fields and relationships are not checked", collection,
					ex.failure().message());
			read = Optional.empty();
		}
		this.metadataCache.put(key, read);
		return read;
	}

	@Override
	public Map<String, TargetRef> find(List<TargetPayload> payloads) {
		Map<String, TargetRef> found = new LinkedHashMap<>();
		lookUp(payloads).forEach((itemId, record) -> found.put(itemId, ref(record.collection(), record.json())));
		return found;
	}

	/** The platform record of each payload, by its identifying fields. */
	private Map<String, Found> lookUp(List<TargetPayload> payloads) {
		Map<String, List<TargetPayload>> byCollection = new LinkedHashMap<>();
		for (TargetPayload payload : payloads) {
			byCollection.computeIfAbsent(main(payload).targetClass(), (c) -> new ArrayList<>()).add(payload);
		}
		Map<String, Found> found = new LinkedHashMap<>();
		byCollection.forEach((collection, group) -> {
			Optional<BusinessObjectMetadata> bo = metadata(collection);
			// As many payloads per $filter as its length allows; no parentheses, which
			// the platform reportedly refuses: a flat list of 'or'-ed equalities.
			List<String> clauses = new ArrayList<>();
			List<TargetPayload> chunk = new ArrayList<>();
			int length = 0;
			for (TargetPayload payload : group) {
				List<String> own = new ArrayList<>();
				main(payload).matchOn().forEach((field, value) -> {
					if (value != null && known(bo, field)) {
						own.add(field + " eq " + literal(value));
					}
				});
				if (own.isEmpty()) {
					continue;
				}
				int added = own.stream().mapToInt((clause) -> clause.length() + 4).sum();
				if (!chunk.isEmpty() && length + added > this.properties.maxFilterLength()) {
					match(collection, chunk, clauses, found);
					clauses = new ArrayList<>();
					chunk = new ArrayList<>();
					length = 0;
				}
				clauses.addAll(own);
				chunk.add(payload);
				length += added;
			}
			if (!chunk.isEmpty()) {
				match(collection, chunk, clauses, found);
			}
		});
		return found;
	}

	private void match(String collection, List<TargetPayload> chunk, List<String> clauses, Map<String, Found> found) {
		List<JsonNode> candidates = this.records.query(collection, String.join(" or ", new LinkedHashSet<>(clauses)),
				null, this.properties.pageSize());
		for (TargetPayload payload : chunk) {
			// the first identifying field (in the mapping's order) that names exactly one
			// record decides
			for (Map.Entry<String, Object> identifier : main(payload).matchOn().entrySet()) {
				String value = text(identifier.getValue());
				List<JsonNode> hits = candidates.stream()
					.filter((candidate) -> value.equalsIgnoreCase(candidate.path(identifier.getKey()).asText(null)))
					.toList();
				if (hits.size() == 1) {
					found.put(payload.itemId(), new Found(collection, hits.get(0)));
					break;
				}
			}
		}
	}

	/** Known records read by RecId, many per call. */
	private Map<String, JsonNode> readKnown(String collection, Collection<String> recIds) {
		Map<String, JsonNode> byId = new HashMap<>();
		List<String> clauses = new ArrayList<>();
		int length = 0;
		for (String recId : new LinkedHashSet<>(recIds)) {
			String clause = ODataParams.REC_ID + " eq " + literal(recId);
			if (!clauses.isEmpty() && length + clause.length() + 4 > this.properties.maxFilterLength()) {
				readInto(collection, clauses, byId);
				clauses = new ArrayList<>();
				length = 0;
			}
			clauses.add(clause);
			length += clause.length() + 4;
		}
		if (!clauses.isEmpty()) {
			readInto(collection, clauses, byId);
		}
		return byId;
	}

	private void readInto(String collection, List<String> clauses, Map<String, JsonNode> byId) {
		for (JsonNode record : this.records.query(collection, String.join(" or ", clauses), null,
				this.properties.pageSize())) {
			byId.put(record.path(ODataParams.REC_ID).asText().toUpperCase(Locale.ROOT), record);
		}
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
		Map<String, Found> found = unknown.isEmpty() ? Map.of() : lookUp(unknown);
		Map<String, JsonNode> current = new HashMap<>();
		if (this.properties.compareBeforeUpdate()) {
			Map<String, List<String>> knownByCollection = new LinkedHashMap<>();
			for (UpsertRequest request : batch) {
				if (request.known() != null) {
					knownByCollection.computeIfAbsent(main(request.payload()).targetClass(), (c) -> new ArrayList<>())
						.add(request.known().recordId());
				}
			}
			knownByCollection.forEach((collection, ids) -> current.putAll(readKnown(collection, ids)));
		}
		List<PushOutcome> outcomes = new ArrayList<>();
		for (UpsertRequest request : batch) {
			TargetPayload payload = request.payload();
			TargetRecord record = main(payload);
			String collection = record.targetClass();
			ObjectNode body = body(collection, record.fields());
			JsonNode existing = null;
			String recId = null;
			if (request.known() != null) {
				recId = request.known().recordId();
				existing = current.get(recId.toUpperCase(Locale.ROOT));
				if (this.properties.compareBeforeUpdate() && existing == null) {
					// gone from the platform (deleted by hand): make it again
					log.info("Ivanti: {}('{}') of item {} no longer exists; it is created again", collection, recId,
							payload.itemId());
					recId = null;
				}
			}
			else if (found.containsKey(payload.itemId())) {
				existing = found.get(payload.itemId()).json();
				recId = existing.path(ODataParams.REC_ID).asText();
				collection = found.get(payload.itemId()).collection();
			}
			try {
				if (recId == null) {
					JsonNode created = this.records.create(collection, body);
					outcomes.add(PushOutcome.of(payload.itemId(), Status.CREATED, ref(collection, created)));
					continue;
				}
				ObjectNode changes = (existing != null) ? changes(body, existing) : body;
				TargetRef ref = new TargetRef(recId, key(collection, recId), Map.of());
				if (changes.isEmpty()) {
					outcomes.add(PushOutcome.of(payload.itemId(), Status.UNCHANGED, ref));
					continue;
				}
				this.records.update(collection, recId, changes);
				outcomes.add(PushOutcome.of(payload.itemId(), Status.UPDATED, ref));
			}
			catch (TargetException ex) {
				if (ex.failure().kind() != TargetFailure.Kind.PERMANENT) {
					throw ex;
				}
				outcomes.add(new PushOutcome(payload.itemId(), Status.FAILED,
						(recId != null) ? new TargetRef(recId, key(collection, recId), Map.of()) : null, ex.failure()));
			}
		}
		return outcomes;
	}

	/**
	 * The payload's fields as a JSON body; fields the business object lacks are left out.
	 */
	private ObjectNode body(String collection, Map<String, Object> fields) {
		Optional<BusinessObjectMetadata> bo = metadata(collection);
		ObjectNode body = IvantiHttp.JSON.createObjectNode();
		fields.forEach((name, value) -> {
			if (value == null) {
				return;
			}
			if (!known(bo, name)) {
				warnOnce(collection + "." + name, "Ivanti: business object {} has no field '{}'; the value is left out",
						collection, name);
				return;
			}
			if (value instanceof BigDecimal decimal) {
				body.put(name, decimal);
			}
			else if (value instanceof Long number) {
				body.put(name, number);
			}
			else if (value instanceof Integer number) {
				body.put(name, number);
			}
			else if (value instanceof Boolean flag) {
				body.put(name, flag);
			}
			else if (value instanceof Collection<?> list) {
				// Ivanti fields hold one value: a list becomes one text
				StringJoiner joined = new StringJoiner(", ");
				list.forEach((element) -> joined.add(text(element)));
				body.put(name, joined.toString());
			}
			else {
				body.put(name, text(value));
			}
		});
		return body;
	}

	private static boolean known(Optional<BusinessObjectMetadata> bo, String field) {
		return bo.isEmpty() || bo.get().fields().containsKey(field);
	}

	/** The fields of {@code body} whose value differs from the record's. */
	static ObjectNode changes(ObjectNode body, JsonNode record) {
		ObjectNode changes = IvantiHttp.JSON.createObjectNode();
		body.properties().forEach((entry) -> {
			if (!same(entry.getValue(), record.get(entry.getKey()))) {
				changes.set(entry.getKey(), entry.getValue());
			}
		});
		return changes;
	}

	static boolean same(JsonNode wanted, JsonNode actual) {
		if (actual == null || actual.isNull() || actual.isMissingNode()) {
			return wanted == null || wanted.isNull();
		}
		if (wanted.isNumber() || actual.isNumber()) {
			try {
				return new BigDecimal(wanted.asText()).compareTo(new BigDecimal(actual.asText())) == 0;
			}
			catch (NumberFormatException ex) {
				return false;
			}
		}
		if (wanted.isBoolean() || actual.isBoolean()) {
			return wanted.asText().equalsIgnoreCase(actual.asText());
		}
		String a = wanted.asText();
		String b = actual.asText();
		if (a.equals(b)) {
			return true;
		}
		try {
			return OffsetDateTime.parse(a).toInstant().equals(OffsetDateTime.parse(b).toInstant());
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	@Override
	public List<PushOutcome> relate(List<RelationRequest> relations) {
		PushOutcome[] outcomes = new PushOutcome[relations.size()];
		// holder record and relationship name: the requests that link from it
		Map<String, List<Integer>> byHolder = new LinkedHashMap<>();
		for (int i = 0; i < relations.size(); i++) {
			RelationRequest request = relations.get(i);
			byHolder
				.computeIfAbsent(holder(request).recordId() + "|" + request.relation().platformType(),
						(k) -> new ArrayList<>())
				.add(i);
		}
		byHolder.forEach((key, indexes) -> {
			RelationRequest first = relations.get(indexes.get(0));
			TargetRef holder = holder(first);
			String collection = collection(holder);
			String wanted = first.relation().platformType();
			Optional<BusinessObjectMetadata> bo = metadata(collection);
			String relationship = bo.isPresent() ? bo.get().relationship(wanted) : wanted;
			if (relationship == null) {
				TargetFailure failure = new TargetFailure(
						TargetFailure.Kind.PERMANENT, "business object " + collection + " has no relationship '"
								+ wanted + "'; its relationships: " + String.join(", ", bo.get().relationships()),
						null, null, null);
				indexes.forEach((i) -> outcomes[i] = PushOutcome.failed(relations.get(i).itemId(), failure));
				return;
			}
			Set<String> linked = new LinkedHashSet<>();
			if (this.properties.checkLinks()) {
				try {
					this.relationships.linked(collection, holder.recordId(), relationship, this.properties.pageSize())
						.forEach((id) -> linked.add(id.toUpperCase(Locale.ROOT)));
				}
				catch (TargetException ex) {
					if (ex.failure().kind() != TargetFailure.Kind.PERMANENT) {
						throw ex;
					}
					// the holder or the relationship is unknown to the platform
					indexes.forEach((i) -> outcomes[i] = PushOutcome.failed(relations.get(i).itemId(), ex.failure()));
					return;
				}
			}
			for (int i : indexes) {
				RelationRequest request = relations.get(i);
				String other = other(request).recordId();
				if (!linked.add(other.toUpperCase(Locale.ROOT))) {
					outcomes[i] = PushOutcome.of(request.itemId(), Status.UNCHANGED, request.from());
					continue;
				}
				try {
					this.relationships.link(collection, holder.recordId(), relationship, other);
					outcomes[i] = PushOutcome.of(request.itemId(), Status.RELATED, request.from());
				}
				catch (TargetException ex) {
					if (ex.failure().kind() != TargetFailure.Kind.PERMANENT) {
						throw ex;
					}
					linked.remove(other.toUpperCase(Locale.ROOT));
					outcomes[i] = PushOutcome.failed(request.itemId(), ex.failure());
				}
			}
		});
		return List.of(outcomes);
	}

	@Override
	public List<PushOutcome> retire(List<RetireRequest> requests) {
		List<PushOutcome> outcomes = new ArrayList<>();
		for (RetireRequest request : requests) {
			TargetRecord record = (request.payload() != null) ? main(request.payload()) : null;
			String collection = (record != null) ? record.targetClass() : collection(request.record());
			Object status = (record != null) ? record.fields().get(this.properties.statusField()) : null;
			ObjectNode body = IvantiHttp.JSON.createObjectNode();
			body.put(this.properties.statusField(), (status != null) ? text(status) : this.properties.retiredStatus());
			try {
				this.records.update(collection, request.record().recordId(), body);
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

	private static TargetRef holder(RelationRequest request) {
		return request.relation().reverse() ? request.to() : request.from();
	}

	private static TargetRef other(RelationRequest request) {
		return request.relation().reverse() ? request.from() : request.to();
	}

	/**
	 * The collection a reference names in its key, else the configured link collection.
	 */
	private String collection(TargetRef ref) {
		if (ref.recordKey() != null) {
			Matcher matcher = KEY.matcher(ref.recordKey());
			if (matcher.matches()) {
				return matcher.group(1);
			}
		}
		return this.properties.linkCollection();
	}

	private static TargetRef ref(String collection, JsonNode record) {
		String recId = record.path(ODataParams.REC_ID).asText();
		return new TargetRef(recId, key(collection, recId), Map.of());
	}

	private static String key(String collection, String recId) {
		return collection + "('" + recId + "')";
	}

	private static TargetRecord main(TargetPayload payload) {
		return payload.records().get(0);
	}

	/** An OData literal: numbers and booleans as they are, text quoted ({@code ''}). */
	static String literal(Object value) {
		if (value instanceof Number || value instanceof Boolean) {
			return text(value);
		}
		return "'" + text(value).replace("'", "''") + "'";
	}

	static String text(Object value) {
		return (value instanceof BigDecimal decimal) ? decimal.toPlainString() : String.valueOf(value);
	}

	private void warnOnce(String key, String message, Object... arguments) {
		if (this.warned.add(key)) {
			log.warn(message, arguments);
		}
	}

	/** A record found by a look-up, with the collection it was found in. */
	private record Found(String collection, JsonNode json) {

	}

}
