package io.itsmhub.mappings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.model.Relationship;
import io.itsmhub.api.model.RelationshipType;
import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.target.TargetRecord;
import io.itsmhub.api.target.TargetRelation;
import io.itsmhub.mappings.ItemMappingException.FieldProblem;
import io.itsmhub.mappings.ValueSource.ItemContext;

/**
 * A mapping document that compiled against its platform's field catalog. It cannot be
 * invalid: the only way to get one is {@link MappingCompiler#compile}, which throws with
 * every error instead. Immutable and thread-safe: compile once, then map items from any
 * number of threads.
 */
public final class CompiledMapping {

	private final String documentName;

	private final String platform;

	private final int version;

	private final String text;

	private final FieldCatalog catalog;

	private final Set<CiClass> scope;

	private final Map<CiClass, ClassPlan[]> classes;

	private final Map<RelationshipType, RelationRule> relationships;

	CompiledMapping(String documentName, String platform, int version, String text, FieldCatalog catalog,
			Map<CiClass, List<ClassPlan>> classes, Map<RelationshipType, RelationRule> relationships) {
		this.documentName = documentName;
		this.platform = platform;
		this.version = version;
		this.text = text;
		this.catalog = catalog;
		Map<CiClass, ClassPlan[]> plans = new EnumMap<>(CiClass.class);
		classes.forEach((ciClass, list) -> plans.put(ciClass, list.toArray(new ClassPlan[0])));
		this.classes = Collections.unmodifiableMap(plans);
		this.scope = Collections
			.unmodifiableSet(plans.isEmpty() ? EnumSet.noneOf(CiClass.class) : EnumSet.copyOf(plans.keySet()));
		this.relationships = Collections.unmodifiableMap(
				relationships.isEmpty() ? new EnumMap<>(RelationshipType.class) : new EnumMap<>(relationships));
	}

	/** The document's name, such as {@code servicenow/mapping.yaml}. */
	public String documentName() {
		return this.documentName;
	}

	/** The platform (connector) id. */
	public String platform() {
		return this.platform;
	}

	/** The document's version. */
	public int version() {
		return this.version;
	}

	/** The YAML text this was compiled from, as given. */
	public String text() {
		return this.text;
	}

	/** The catalog it was checked against. */
	public FieldCatalog catalog() {
		return this.catalog;
	}

	/** The canonical classes this platform receives. */
	public Set<CiClass> scope() {
		return this.scope;
	}

	/** Whether items of this class go to the platform at all. */
	public boolean inScope(CiClass ciClass) {
		return this.classes.containsKey(ciClass);
	}

	/**
	 * Maps one item to what the platform should hold.
	 * @param item the reconciled item
	 * @param itemId the hub's id of the item
	 * @return the payload with its content hash
	 * @throws IllegalArgumentException when the item's class is not in scope (check
	 * {@link #inScope} first)
	 * @throws ItemMappingException when the item cannot be sent, naming every field at
	 * fault
	 */
	public TargetPayload map(DiscoveredItem item, String itemId) {
		List<FieldProblem> problems = new ArrayList<>(0);
		TargetPayload payload = run(item, itemId, problems, null, null);
		if (!problems.isEmpty()) {
			throw new ItemMappingException(itemId, problems);
		}
		return payload;
	}

	/**
	 * A dry run: the payload {@link #map} would give, with an explanation per field of
	 * the rule that produced it. Never throws for a bad item: its problems are in the
	 * preview.
	 */
	public MappingPreview preview(DiscoveredItem item, String itemId) {
		List<FieldProblem> problems = new ArrayList<>();
		List<FieldExplanation> trace = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		if (!inScope(item.ciClass())) {
			notes.add("class " + item.ciClass().id() + " is not in the scope of this mapping: nothing is sent to "
					+ this.platform);
			return new MappingPreview(this.version, null, trace, notes, problems);
		}
		TargetPayload payload = run(item, itemId, problems, trace, notes);
		return new MappingPreview(this.version, problems.isEmpty() ? payload : null, trace, notes, problems);
	}

	private TargetPayload run(DiscoveredItem item, String itemId, List<FieldProblem> problems,
			List<FieldExplanation> trace, List<String> notes) {
		ClassPlan[] plans = this.classes.get(item.ciClass());
		if (plans == null) {
			throw new IllegalArgumentException("class " + item.ciClass().id() + " is not in the scope of the "
					+ this.platform + " mapping " + this.documentName);
		}
		ItemContext context = new ItemContext();
		List<TargetRecord> records = new ArrayList<>(plans.length);
		List<ContentHash.Shape> shapes = new ArrayList<>(plans.length);
		List<Object[]> values = new ArrayList<>(plans.length);
		for (ClassPlan plan : plans) {
			RecordPlan record = plan.select(item);
			if (record == null) {
				if (notes != null) {
					notes.add("no " + plan.role + " record: " + plan.whyNot());
				}
				continue;
			}
			records.add(record.map(item, context, problems, trace, values));
			shapes.add(record.hashShape);
		}
		if (item.relationships().isEmpty()) {
			return new TargetPayload(this.platform, itemId, records, List.of(),
					ContentHash.of(this.platform, values, shapes, List.of()));
		}
		List<Keyed> keyed = relations(item, notes);
		List<TargetRelation> relations = new ArrayList<>(keyed.size());
		List<String> keys = new ArrayList<>(keyed.size());
		for (Keyed relation : keyed) {
			relations.add(relation.relation());
			keys.add(relation.key());
		}
		return new TargetPayload(this.platform, itemId, records, relations,
				ContentHash.of(this.platform, values, shapes, keys));
	}

	/** A relation with its canonical form, computed once for sorting and hashing. */
	private record Keyed(String key, TargetRelation relation) {

	}

	private List<Keyed> relations(DiscoveredItem item, List<String> notes) {
		List<Keyed> relations = new ArrayList<>(item.relationships().size());
		for (Relationship relationship : item.relationships()) {
			RelationRule rule = this.relationships.get(relationship.type());
			if (rule == null) {
				if (notes != null) {
					notes.add("relationship " + relationship.type().id() + " to " + relationship.target()
							+ " is not sent: the mapping has no relation type for " + relationship.type().id());
				}
				continue;
			}
			TargetRelation relation = new TargetRelation(relationship.type().id(), rule.platformType(), rule.reverse(),
					relationship.target());
			relations.add(new Keyed(ContentHash.relation(rule.hashPrefix(), relationship.target()), relation));
		}
		// the source's order is not meaningful; a fixed order keeps the hash stable
		relations.sort(Comparator.comparing(Keyed::key));
		return relations;
	}

	/**
	 * How one canonical relationship type is stored in the platform.
	 *
	 * @param type the canonical type
	 * @param platformType the platform's relation type
	 * @param reverse whether the platform stores it the other way round
	 * @param hashPrefix the fixed start of its canonical form, for the content hash
	 */
	record RelationRule(RelationshipType type, String platformType, boolean reverse, String hashPrefix) {

		RelationRule(RelationshipType type, String platformType, boolean reverse) {
			this(type, platformType, reverse, ContentHash.relationPrefix(type.id(), platformType, reverse));
		}

	}

}
