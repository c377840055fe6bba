package io.itsmhub.api.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.itsmhub.api.model.Depreciation;
import io.itsmhub.api.model.LifecycleFacts.FactName;
import io.itsmhub.api.model.LifecycleStatus;
import io.itsmhub.api.model.Money;

/**
 * Converts canonical values between their Java form and JSON. Attribute values are
 * generic JSON; fact values have the types {@link io.itsmhub.api.model.LifecycleFacts}
 * gives them.
 */
public final class CanonicalValues {

	private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

	private CanonicalValues() {
	}

	/**
	 * A generic JSON value as a canonical attribute value: integers become {@code Long}
	 * (or {@code BigDecimal} past its range), fractions {@code BigDecimal}, arrays
	 * {@code List}, objects {@code Map}; {@code null} stays {@code null}.
	 */
	public static Object fromJson(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (node.isTextual()) {
			return node.textValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isIntegralNumber()) {
			return node.canConvertToLong() ? (Object) node.longValue() : new BigDecimal(node.bigIntegerValue());
		}
		if (node.isNumber()) {
			BigDecimal decimal = node.decimalValue().stripTrailingZeros();
			return (decimal.scale() <= 0) ? (Object) decimal.longValueExact() : decimal;
		}
		if (node.isArray()) {
			List<Object> list = new ArrayList<>(node.size());
			for (JsonNode element : node) {
				Object value = fromJson(element);
				if (value != null) {
					list.add(value);
				}
			}
			return List.copyOf(list);
		}
		if (node.isObject()) {
			Map<String, Object> map = new LinkedHashMap<>();
			for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> field = it.next();
				Object value = fromJson(field.getValue());
				if (value != null) {
					map.put(field.getKey(), value);
				}
			}
			return map;
		}
		return node.asText();
	}

	/** Any canonical value (attribute or fact) as JSON. */
	public static JsonNode toJson(Object value) {
		if (value == null) {
			return NODES.nullNode();
		}
		if (value instanceof String text) {
			return NODES.textNode(text);
		}
		if (value instanceof Boolean bool) {
			return NODES.booleanNode(bool);
		}
		if (value instanceof Long number) {
			return NODES.numberNode(number);
		}
		if (value instanceof Integer number) {
			return NODES.numberNode(number.longValue());
		}
		if (value instanceof BigDecimal number) {
			return NODES.numberNode(number);
		}
		if (value instanceof BigInteger number) {
			return NODES.numberNode(number);
		}
		if (value instanceof Number number) {
			return NODES.numberNode(new BigDecimal(number.toString()));
		}
		if (value instanceof LocalDate date) {
			return NODES.textNode(date.toString());
		}
		if (value instanceof LifecycleStatus status) {
			return NODES.textNode(status.id());
		}
		if (value instanceof Money money) {
			ObjectNode node = NODES.objectNode();
			node.put("amount", money.plainAmount());
			node.put("currency", money.currency());
			return node;
		}
		if (value instanceof Depreciation depreciation) {
			ObjectNode node = NODES.objectNode();
			if (depreciation.method() != null) {
				node.put("method", depreciation.method());
			}
			if (depreciation.months() != null) {
				node.put("months", depreciation.months());
			}
			return node;
		}
		if (value instanceof List<?> list) {
			ArrayNode array = NODES.arrayNode();
			list.forEach((element) -> array.add(toJson(element)));
			return array;
		}
		if (value instanceof Map<?, ?> map) {
			ObjectNode object = NODES.objectNode();
			map.forEach((key, element) -> object.set(String.valueOf(key), toJson(element)));
			return object;
		}
		if (value instanceof Enum<?> constant) {
			return NODES.textNode(constant.toString());
		}
		return NODES.textNode(value.toString());
	}

	/**
	 * A fact's value from JSON, by fact name.
	 * @throws IllegalArgumentException naming what is wrong, when the value does not fit
	 * the fact
	 */
	public static Object factFromJson(String fact, JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		switch (fact) {
			case FactName.PURCHASE_COST:
				return money(node);
			case FactName.PURCHASE_DATE:
			case FactName.WARRANTY_EXPIRES:
				return date(node);
			case FactName.LIFECYCLE_STATUS:
				return LifecycleStatus.fromId(text(node))
					.orElseThrow(() -> new IllegalArgumentException("'" + node.asText()
							+ "' is not a lifecycle status; use one of planned, ordered, in_stock, in_use, in_maintenance, retired, disposed"));
			case FactName.DEPRECIATION:
				return depreciation(node);
			case FactName.OWNER:
			case FactName.COST_CENTER:
			case FactName.CONTRACT_ID:
			case FactName.VENDOR:
			case FactName.LOCATION:
				String text = text(node).trim();
				return text.isEmpty() ? null : text;
			default:
				throw new IllegalArgumentException(
						"'" + fact + "' is not a known fact; known facts are " + String.join(", ", FactName.ALL));
		}
	}

	private static String text(JsonNode node) {
		if (node.isTextual() || node.isNumber()) {
			return node.asText();
		}
		throw new IllegalArgumentException("expected a string, got " + node.getNodeType().toString().toLowerCase());
	}

	private static LocalDate date(JsonNode node) {
		String text = text(node).trim();
		try {
			// a date-time names a day too: keep its date part
			return LocalDate.parse((text.length() > 10 && text.charAt(10) == 'T') ? text.substring(0, 10) : text);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("'" + text + "' is not an ISO 8601 date (YYYY-MM-DD)");
		}
	}

	private static Money money(JsonNode node) {
		if (!node.isObject()) {
			throw new IllegalArgumentException(
					"expected an object {\"amount\": \"12450.00\", \"currency\": \"EUR\"}, got " + node);
		}
		JsonNode amount = node.get("amount");
		JsonNode currency = node.get("currency");
		if (amount == null || amount.isNull()) {
			throw new IllegalArgumentException("amount is missing");
		}
		if (currency == null || currency.isNull()) {
			throw new IllegalArgumentException("currency is missing (an ISO 4217 code such as EUR)");
		}
		BigDecimal decimal;
		try {
			decimal = new BigDecimal(amount.asText().trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("amount '" + amount.asText() + "' is not a decimal number");
		}
		String code = currency.asText().trim().toUpperCase();
		try {
			java.util.Currency.getInstance(code);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("currency '" + currency.asText() + "' is not an ISO 4217 code");
		}
		return new Money(decimal, code);
	}

	private static Depreciation depreciation(JsonNode node) {
		if (!node.isObject()) {
			throw new IllegalArgumentException("expected an object {\"method\": \"straight_line\", \"months\": 60}");
		}
		JsonNode method = node.get("method");
		JsonNode months = node.get("months");
		if (months != null && !months.isNull() && !months.canConvertToInt()) {
			throw new IllegalArgumentException("months '" + months.asText() + "' is not a whole number");
		}
		return new Depreciation((method != null && !method.isNull()) ? method.asText() : null,
				(months != null && !months.isNull()) ? months.asInt() : null);
	}

}
