package io.itsmhub.mappings;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.itsmhub.api.json.CanonicalItemWriter;
import io.itsmhub.api.json.CanonicalValues;
import io.itsmhub.api.target.TargetPayload;
import io.itsmhub.api.target.TargetRecord;
import io.itsmhub.api.target.TargetRelation;
import io.itsmhub.mappings.ItemMappingException.FieldProblem;

/**
 * The JSON form of payloads and previews, as the admin API shows them and the golden
 * fixtures hold them. Values keep their types: decimals stay exact numbers.
 */
public final class PayloadJson {

	private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

	private PayloadJson() {
	}

	public static ObjectNode payload(TargetPayload payload) {
		ObjectNode node = NODES.objectNode();
		node.put("platform", payload.platform());
		node.put("itemId", payload.itemId());
		ArrayNode records = node.putArray("records");
		for (TargetRecord record : payload.records()) {
			ObjectNode recordNode = records.addObject();
			recordNode.put("role", record.role());
			recordNode.put("targetClass", record.targetClass());
			recordNode.set("fields", values(record.fields()));
			recordNode.set("matchOn", values(record.matchOn()));
		}
		ArrayNode relations = node.putArray("relations");
		for (TargetRelation relation : payload.relations()) {
			ObjectNode relationNode = relations.addObject();
			relationNode.put("canonicalType", relation.canonicalType());
			relationNode.put("platformType", relation.platformType());
			relationNode.put("reverse", relation.reverse());
			relationNode.set("target", CanonicalItemWriter.identifiers(relation.target()));
		}
		node.put("contentHash", payload.contentHash());
		return node;
	}

	public static ObjectNode preview(MappingPreview preview) {
		ObjectNode node = NODES.objectNode();
		node.put("mappingVersion", preview.mappingVersion());
		node.set("payload", (preview.payload() != null) ? payload(preview.payload()) : NODES.nullNode());
		ArrayNode fields = node.putArray("fields");
		for (FieldExplanation field : preview.fields()) {
			ObjectNode fieldNode = fields.addObject();
			fieldNode.put("role", field.role());
			fieldNode.put("targetClass", field.targetClass());
			fieldNode.put("field", field.field());
			fieldNode.set("value", value(field.value()));
			fieldNode.set("sourceValue", value(field.sourceValue()));
			fieldNode.put("rule", field.rule());
			fieldNode.put("line", field.line());
			fieldNode.put("outcome", field.outcome());
			if (field.note() != null) {
				fieldNode.put("note", field.note());
			}
		}
		ArrayNode notes = node.putArray("notes");
		preview.notes().forEach(notes::add);
		node.set("problems", problems(preview.problems()));
		return node;
	}

	public static ArrayNode problems(Iterable<FieldProblem> problems) {
		ArrayNode array = NODES.arrayNode();
		for (FieldProblem problem : problems) {
			ObjectNode node = array.addObject();
			node.put("role", problem.role());
			node.put("field", problem.field());
			node.put("message", problem.message());
		}
		return array;
	}

	private static ObjectNode values(Map<String, Object> values) {
		ObjectNode node = NODES.objectNode();
		values.forEach((name, value) -> node.set(name, value(value)));
		return node;
	}

	private static JsonNode value(Object value) {
		if (value instanceof BigDecimal decimal) {
			return NODES.numberNode(decimal);
		}
		return CanonicalValues.toJson(value);
	}

}
