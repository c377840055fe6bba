package io.itsmhub.mappings;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import io.itsmhub.api.model.Money;

/** Conversions between the value forms a mapping meets. */
final class Values {

	private Values() {
	}

	/** A value as text, the way conditions, lookups and templates see it. */
	static String text(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof String text) {
			return text;
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof Money money) {
			return money.plainAmount() + " " + money.currency();
		}
		if (value instanceof List<?> list) {
			StringBuilder joined = new StringBuilder();
			for (Object element : list) {
				if (joined.length() > 0) {
					joined.append(", ");
				}
				joined.append(text(element));
			}
			return joined.toString();
		}
		return value.toString();
	}

	static boolean isEmpty(Object value) {
		if (value instanceof String text) {
			// decided here: a String that is not empty would otherwise also be tested
			// against List and Map, and a failed test against an interface scans the
			// class's interfaces every time (nearly every value is a String)
			return text.isEmpty();
		}
		return value == null || (value instanceof List<?> list && list.isEmpty())
				|| (value instanceof Map<?, ?> map && map.isEmpty());
	}

	static BigDecimal decimal(Object value) {
		if (value instanceof BigDecimal decimal) {
			return decimal;
		}
		if (value instanceof Long || value instanceof Integer) {
			return BigDecimal.valueOf(((Number) value).longValue());
		}
		if (value instanceof Number number) {
			return new BigDecimal(number.toString());
		}
		if (value instanceof Money money) {
			return money.amount();
		}
		String text = text(value).trim();
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			throw new StepFailure("'" + text + "' is not a number");
		}
	}

	/** A date or date-time value as an instant (dates at midnight UTC). */
	static Instant instant(Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof LocalDate date) {
			return date.atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		String text = text(value).trim();
		try {
			if (text.length() == 10) {
				return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return java.time.OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new StepFailure("'" + text + "' is not an ISO 8601 date or date-time");
		}
	}

	/**
	 * A step that cannot handle one item's value: the item is reported, the mapping stays
	 * valid. No stack trace: it is an expected outcome, not a bug.
	 */
	static final class StepFailure extends RuntimeException {

		StepFailure(String message) {
			super(message, null, false, false);
		}

	}

}
