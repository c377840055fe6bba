package io.itsmhub.app.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.itsmhub.api.json.CanonicalItemWriter;
import io.itsmhub.api.model.Identifiers;
import io.itsmhub.app.store.ItemQueries;
import io.itsmhub.reconciliation.item.FieldCodec;
import io.itsmhub.reconciliation.item.FieldValue;
import io.itsmhub.reconciliation.item.ItemState;
import io.itsmhub.reconciliation.item.SourceSighting;
import io.itsmhub.reconciliation.item.StoredRelationship;

/** Items as the read API shows them. */
final class ItemViews {

	private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

	private ItemViews() {
	}

	/** The short form, for lists. */
	static ObjectNode summary(ItemState item) {
		ObjectNode node = NODES.objectNode();
		node.put("id", item.id());
		node.put("ciClass", (item.ciClass() != null) ? item.ciClass().id() : null);
		node.put("name", item.name());
		ObjectNode identifiers = node.putObject("identifiers");
		item.identifiers().forEach((type, values) -> {
			ArrayNode array = identifiers.putArray(type.id());
			values.forEach(array::add);
		});
		node.put("version", item.version());
		node.put("updatedAt", item.updatedAt().toString());
		return node;
	}

	/**
	 * The whole item: fields with provenance, sources, relationships and target records.
	 */
	static ObjectNode detail(ItemState item, Map<Identifiers, ItemQueries.Resolution> resolutions,
			List<ItemQueries.TargetReference> targets) {
		ObjectNode node = summary(item);
		node.put("createdAt", item.createdAt().toString());
		ObjectNode attributes = node.putObject("attributes");
		ObjectNode facts = node.putObject("facts");
		ObjectNode provenance = node.putObject("provenance");
		for (Map.Entry<String, FieldValue> entry : item.fields().entrySet()) {
			String field = entry.getKey();
			FieldValue value = entry.getValue();
			if (field.startsWith("attributes.")) {
				attributes.set(field.substring("attributes.".length()), FieldCodec.encode(value.value()));
			}
			else if (field.startsWith("facts.")) {
				facts.set(field.substring("facts.".length()), FieldCodec.encode(value.value()));
			}
			provenance.putObject(field).put("source", value.source()).put("observedAt", value.observedAt().toString());
		}
		ArrayNode relationships = node.putArray("relationships");
		for (StoredRelationship relationship : item.allRelationships()) {
			ObjectNode rel = relationships.addObject();
			rel.put("type", relationship.type().id());
			rel.set("target", CanonicalItemWriter.identifiers(relationship.target()));
			rel.put("source", relationship.source());
			ItemQueries.Resolution resolution = resolutions.get(relationship.target());
			rel.put("targetItemId", (resolution != null) ? resolution.itemId() : null);
			rel.put("status", (resolution != null) ? resolution.status() : "pending");
		}
		ArrayNode sources = node.putArray("sources");
		for (SourceSighting sighting : item.sightings().values()) {
			sources.addObject()
				.put("source", sighting.source())
				.put("sourceKey", sighting.sourceKey())
				.put("lastSeen", sighting.lastSeen().toString());
		}
		ArrayNode targetNodes = node.putArray("targets");
		for (ItemQueries.TargetReference target : targets) {
			targetNodes.addObject()
				.put("target", target.target())
				.put("recordId", target.recordId())
				.put("recordKey", target.recordKey())
				.put("status", target.status())
				.put("pushedAt", (target.pushedAt() != null) ? target.pushedAt().toString() : null);
		}
		return node;
	}

}
