package io.itsmhub.api.json;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.Identifiers;
import io.itsmhub.api.model.Relationship;

/**
 * Writes canonical items in their JSON form, the one {@link CanonicalItemReader} reads.
 */
public final class CanonicalItemWriter {

	private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

	private CanonicalItemWriter() {
	}

	public static ObjectNode toJson(DiscoveredItem item) {
		ObjectNode node = NODES.objectNode();
		node.put("source", item.source());
		node.put("sourceKey", item.sourceKey());
		node.put("ciClass", item.ciClass().id());
		if (item.name() != null) {
			node.put("name", item.name());
		}
		node.set("identifiers", identifiers(item.identifiers()));
		node.set("attributes", CanonicalValues.toJson(item.attributes()));
		node.set("facts", CanonicalValues.toJson(item.facts().asMap()));
		ArrayNode relationships = node.putArray("relationships");
		for (Relationship relationship : item.relationships()) {
			ObjectNode rel = relationships.addObject();
			rel.put("type", relationship.type().id());
			rel.set("target", identifiers(relationship.target()));
		}
		if (item.observedAt() != null) {
			node.put("observedAt", item.observedAt().toString());
		}
		return node;
	}

	/**
	 * Identifiers as the wire form has them: one value as a string, several as a list.
	 */
	public static ObjectNode identifiers(Identifiers identifiers) {
		ObjectNode node = NODES.objectNode();
		for (Map.Entry<IdentifierType, List<String>> entry : identifiers.asMap().entrySet()) {
			List<String> values = entry.getValue();
			if (values.size() == 1 && !entry.getKey().multiValued()) {
				node.put(entry.getKey().id(), values.get(0));
			}
			else {
				ArrayNode array = node.putArray(entry.getKey().id());
				values.forEach(array::add);
			}
		}
		return node;
	}

}
