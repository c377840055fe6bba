package io.itsmhub.mappings;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.model.Money;
import io.itsmhub.api.target.FieldType;
import io.itsmhub.mappings.ItemMappingException.FieldProblem;
import io.itsmhub.mappings.ValueSource.ItemContext;
import io.itsmhub.mappings.Values.StepFailure;

/** One compiled field rule for one target class: immutable, thread-safe, fast. */
final class FieldRule {

	final String field;

	private final String ruleText;

	private final int line;

	private final ValueSource source;

	private final Condition when;

	private final Step[] steps;

	private final Object defaultValue;

	private final boolean required;

	private final FieldType type;

	private final Integer maxLength;

	FieldRule(String field, int line, ValueSource source, Condition when, List<Step> steps, Object defaultValue,
			boolean required, FieldType type, Integer maxLength) {
		this.field = field;
		this.line = line;
		this.source = source;
		this.when = when;
		this.steps = steps.toArray(new Step[0]);
		this.defaultValue = defaultValue;
		this.required = required;
		this.type = type;
		this.maxLength = maxLength;
		StringBuilder text = new StringBuilder(source.describe());
		steps.forEach((step) -> text.append(" | ").append(step.describe()));
		text.append(" as ").append(type.id());
		if (defaultValue != null) {
			text.append(", default ").append(Values.text(defaultValue));
		}
		if (required) {
			text.append(", required");
		}
		if (when != null) {
			text.append(", when ").append(when.describe());
		}
		this.ruleText = text.toString();
	}

	/**
	 * The value to send, or {@code null} when the field is not sent. Problems are added,
	 * not thrown, so that one item reports all of its fields at once.
	 */
	Object evaluate(DiscoveredItem item, ItemContext context, String role, String targetClass,
			List<FieldProblem> problems, List<FieldExplanation> trace) {
		if (this.when != null && !this.when.test(item)) {
			explain(trace, role, targetClass, null, null, "skipped",
					"condition does not hold: " + this.when.describe());
			return null;
		}
		Object raw = null;
		Object value;
		String outcome = "sent";
		try {
			raw = this.source.read(item, context);
			value = raw;
			for (Step step : this.steps) {
				value = step.apply(value, item);
			}
			if (Values.isEmpty(value)) {
				value = null;
			}
			if (value == null && this.defaultValue != null) {
				value = this.defaultValue;
				outcome = "default";
			}
			if (value == null) {
				if (this.required) {
					throw new StepFailure("is required, but " + this.source.describe()
							+ " gave no value for this item and the rule has no default");
				}
				explain(trace, role, targetClass, null, raw, "empty", "no value: the field is not sent");
				return null;
			}
			value = convert(value);
		}
		catch (StepFailure ex) {
			problems.add(new FieldProblem(role, this.field, ex.getMessage()));
			explain(trace, role, targetClass, null, raw, "error", ex.getMessage());
			return null;
		}
		explain(trace, role, targetClass, value, raw, outcome, null);
		return value;
	}

	private Object convert(Object value) {
		switch (this.type) {
			case INTEGER: {
				if (value instanceof Long) {
					return value;
				}
				try {
					return Values.decimal(value).longValueExact();
				}
				catch (ArithmeticException ex) {
					throw new StepFailure("'" + Values.text(value) + "' is not a whole number");
				}
			}
			case DECIMAL:
				return Values.decimal(value);
			case BOOLEAN: {
				if (value instanceof Boolean) {
					return value;
				}
				switch (Values.text(value).trim().toLowerCase(Locale.ROOT)) {
					case "true", "yes", "1":
						return Boolean.TRUE;
					case "false", "no", "0":
						return Boolean.FALSE;
					default:
						throw new StepFailure("'" + Values.text(value) + "' is not true or false");
				}
			}
			case DATE:
				if (value instanceof LocalDate date) {
					return isoDate(date);
				}
				if (value instanceof Instant instant) {
					return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
				}
				return checkedText(value);
			case DATETIME:
				if (value instanceof LocalDate || value instanceof Instant) {
					return Values.instant(value).toString();
				}
				return checkedText(value);
			default:
				return checkedText(value);
		}
	}

	/**
	 * {@code LocalDate.toString()} without its StringBuilder: dates are in most payloads,
	 * and this runs for each of them.
	 */
	static String isoDate(LocalDate date) {
		int year = date.getYear();
		if (year < 1000 || year > 9999) {
			return date.toString();
		}
		int month = date.getMonthValue();
		int day = date.getDayOfMonth();
		byte[] digits = { (byte) ('0' + year / 1000), (byte) ('0' + year / 100 % 10), (byte) ('0' + year / 10 % 10),
				(byte) ('0' + year % 10), '-', (byte) ('0' + month / 10), (byte) ('0' + month % 10), '-',
				(byte) ('0' + day / 10), (byte) ('0' + day % 10) };
		return new String(digits, java.nio.charset.StandardCharsets.US_ASCII);
	}

	private String checkedText(Object value) {
		if (value instanceof String text) {
			// most values: no need to test them against Money, Map and List
			return checkedLength(text);
		}
		if (value instanceof Money) {
			throw new StepFailure("is a money value; add the currency transform");
		}
		if (value instanceof java.util.Map<?, ?>) {
			throw new StepFailure("is an object, not a value; map one of its keys, such as attributes.<name>.<key>");
		}
		if (value instanceof List<?> list && list.size() > 1) {
			throw new StepFailure("has " + list.size() + " values; add the first or join transform");
		}
		String text = Values.text((value instanceof List<?> list) ? list.get(0) : value);
		if (value instanceof BigDecimal decimal) {
			text = decimal.toPlainString();
		}
		return checkedLength(text);
	}

	private String checkedLength(String text) {
		if (this.maxLength != null && text.length() > this.maxLength) {
			throw new StepFailure("is " + text.length() + " characters long, the platform stores at most "
					+ this.maxLength + "; add the truncate transform");
		}
		return text;
	}

	private void explain(List<FieldExplanation> trace, String role, String targetClass, Object value, Object raw,
			String outcome, String note) {
		if (trace != null) {
			// show the source value as JSON would: plain values stay, others as their
			// text
			Object shown = (raw == null || raw instanceof String || raw instanceof Number || raw instanceof Boolean)
					? raw : Values.text(raw);
			trace.add(new FieldExplanation(role, targetClass, this.field, value, shown, this.ruleText, this.line,
					outcome, note));
		}
	}

}
