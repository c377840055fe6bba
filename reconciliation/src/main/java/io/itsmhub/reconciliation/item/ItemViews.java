package io.itsmhub.reconciliation.item;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.Identifiers;
import io.itsmhub.api.model.LifecycleFacts;
import io.itsmhub.api.model.Relationship;

/**
 * Reconciled items in the canonical form mappings read. What the hub believes about an
 * item, merged from all its sources, is sent to platforms as one {@link DiscoveredItem}
 * whose source is the hub itself: the sync engine and the mapping preview build it the
 * same way, so a preview shows exactly what a sync sends.
 */
public final class ItemViews {

	/** The source name of the canonical view of a reconciled item. */
	public static final String HUB_SOURCE = "hub";

	private static final String ATTRIBUTES = "attributes.";

	private static final String FACTS = "facts.";

	private ItemViews() {
	}

	/**
	 * The canonical view of a reconciled item: source {@value #HUB_SOURCE}, source key
	 * the item's id, its reconciled name, class, attributes and facts, its normalized
	 * identifiers, the relationships of every source (without repeats), observed when it
	 * last changed.
	 * @throws IllegalStateException when the item has no class (a stored item always has
	 * one)
	 */
	public static DiscoveredItem toDiscoveredItem(ItemState item) {
		if (item.ciClass() == null) {
			throw new IllegalStateException("item " + item.id() + " has no class");
		}
		Map<String, Object> attributes = new LinkedHashMap<>();
		Map<String, Object> facts = new LinkedHashMap<>();
		for (Map.Entry<String, FieldValue> field : item.fields().entrySet()) {
			String path = field.getKey();
			Object value = field.getValue().value();
			if (value == null) {
				continue;
			}
			if (path.startsWith(ATTRIBUTES)) {
				attributes.put(path.substring(ATTRIBUTES.length()), value);
			}
			else if (path.startsWith(FACTS)) {
				facts.put(path.substring(FACTS.length()), value);
			}
		}
		Map<IdentifierType, List<String>> identifiers = new EnumMap<>(IdentifierType.class);
		item.identifiers().forEach((type, values) -> identifiers.put(type, new ArrayList<>(values)));
		List<Relationship> relationships = new ArrayList<>();
		for (StoredRelationship relationship : item.allRelationships()) {
			relationships.add(new Relationship(relationship.type(), relationship.target()));
		}
		return new DiscoveredItem(HUB_SOURCE, item.id(), item.ciClass(), item.name(), Identifiers.of(identifiers),
				attributes, LifecycleFacts.fromMap(facts), relationships, item.updatedAt());
	}

}
