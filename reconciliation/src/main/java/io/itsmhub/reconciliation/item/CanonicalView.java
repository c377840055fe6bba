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
 * A reconciled item in the canonical form, as mappings read it: source {@code hub}, the
 * item id as its key, and what the hub believes about each field.
 */
public final class CanonicalView {

	/** The source name of reconciled items. */
	public static final String SOURCE = "hub";

	private CanonicalView() {
	}

	public static DiscoveredItem of(ItemState item) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		Map<String, Object> facts = new LinkedHashMap<>();
		for (Map.Entry<String, FieldValue> field : item.fields().entrySet()) {
			String path = field.getKey();
			if (path.startsWith("attributes.")) {
				attributes.put(path.substring("attributes.".length()), field.getValue().value());
			}
			else if (path.startsWith("facts.")) {
				facts.put(path.substring("facts.".length()), field.getValue().value());
			}
		}
		Map<IdentifierType, List<String>> identifiers = new EnumMap<>(IdentifierType.class);
		item.identifiers().forEach((type, values) -> identifiers.put(type, List.copyOf(values)));
		List<Relationship> relationships = new ArrayList<>();
		for (StoredRelationship relationship : item.allRelationships()) {
			relationships.add(new Relationship(relationship.type(), relationship.target()));
		}
		return new DiscoveredItem(SOURCE, item.id(), item.ciClass(), item.name(), Identifiers.of(identifiers),
				attributes, LifecycleFacts.fromMap(facts), relationships, item.updatedAt());
	}

}
