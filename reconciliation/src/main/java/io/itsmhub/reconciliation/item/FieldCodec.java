package io.itsmhub.reconciliation.item;

import com.fasterxml.jackson.databind.JsonNode;

import io.itsmhub.api.json.CanonicalValues;
import io.itsmhub.api.model.CiClass;

/** Field values to JSON and back, by field path: facts keep their types. */
public final class FieldCodec {

	private FieldCodec() {
	}

	public static JsonNode encode(Object value) {
		return CanonicalValues.toJson(value);
	}

	public static Object decode(String field, JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (field.equals(ItemState.CI_CLASS)) {
			return CiClass.fromId(node.asText()).orElseThrow();
		}
		if (field.equals(ItemState.NAME)) {
			return node.asText();
		}
		if (field.startsWith("facts.")) {
			return CanonicalValues.factFromJson(field.substring("facts.".length()), node);
		}
		return CanonicalValues.fromJson(node);
	}

}
