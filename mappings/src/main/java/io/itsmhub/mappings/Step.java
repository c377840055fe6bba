package io.itsmhub.mappings;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.model.Money;
import io.itsmhub.mappings.Values.StepFailure;

/**
 * One compiled transform. Transforms pass {@code null} through: a missing value stays
 * missing, and the field's {@code default} decides.
 */
interface Step {

	Object apply(Object value, DiscoveredItem item);

	String describe();

	static Step of(String name, java.util.function.UnaryOperator<Object> operator) {
		return new Step() {
			@Override
			public Object apply(Object value, DiscoveredItem item) {
				return (value != null) ? operator.apply(value) : null;
			}

			@Override
			public String describe() {
				return name;
			}
		};
	}

	static Step trim() {
		return of("trim", (value) -> Values.text(value).trim());
	}

	static Step upper() {
		return of("upper", (value) -> Values.text(value).toUpperCase(Locale.ROOT));
	}

	static Step lower() {
		return of("lower", (value) -> Values.text(value).toLowerCase(Locale.ROOT));
	}

	static Step first() {
		return of("first", (value) -> (value instanceof List<?> list) ? (list.isEmpty() ? null : list.get(0)) : value);
	}

	static Step join(String separator) {
		return of("join '" + separator + "'", (value) -> {
			if (!(value instanceof List<?> list)) {
				return value;
			}
			List<String> texts = new ArrayList<>(list.size());
			list.forEach((element) -> texts.add(Values.text(element)));
			return String.join(separator, texts);
		});
	}

	static Step truncate(int length) {
		return of("truncate " + length, (value) -> {
			String text = Values.text(value);
			return (text.length() > length) ? text.substring(0, length) : text;
		});
	}

	static Step replace(Pattern pattern, String replacement) {
		return of("replace /" + pattern.pattern() + "/ with '" + replacement + "'",
				(value) -> pattern.matcher(Values.text(value)).replaceAll(replacement));
	}

	static Step dateFormat(DateTimeFormatter formatter, String pattern) {
		DateTimeFormatter utc = formatter.withZone(ZoneOffset.UTC);
		return of("dateFormat '" + pattern + "'", (value) -> {
			if (value instanceof LocalDate date) {
				// a day has no time of day: format it as midnight UTC
				return utc.format(date.atStartOfDay(ZoneOffset.UTC));
			}
			return utc.format(Values.instant(value));
		});
	}

	static Step numberFormat(String pattern) {
		// DecimalFormat is not thread-safe; one per thread keeps map() lock-free
		ThreadLocal<DecimalFormat> formats = ThreadLocal.withInitial(() -> {
			DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
			format.setRoundingMode(RoundingMode.HALF_UP);
			format.setParseBigDecimal(true);
			return format;
		});
		return of("numberFormat '" + pattern + "'", (value) -> formats.get().format(Values.decimal(value)));
	}

	static Step currency(String onlyCode) {
		return of((onlyCode != null) ? "currency " + onlyCode : "currency", (value) -> {
			if (!(value instanceof Money money)) {
				throw new StepFailure("currency expects a money value, got '" + Values.text(value) + "'");
			}
			if (onlyCode != null && !onlyCode.equals(money.currency())) {
				throw new StepFailure("the amount is in " + money.currency() + ", but this platform field takes "
						+ onlyCode + " only; convert it at the source or map another currency");
			}
			int digits = Math.max(0, Currency.getInstance(money.currency()).getDefaultFractionDigits());
			return money.amount().setScale(digits, RoundingMode.HALF_UP);
		});
	}

	/** A template, compiled into literal text and item paths. */
	static Step template(String template, List<Object> parts) {
		return new Step() {
			@Override
			public Object apply(Object value, DiscoveredItem item) {
				if (value == null) {
					// like every transform: no value stays no value ("Contract " is not a
					// value)
					return null;
				}
				StringBuilder out = new StringBuilder();
				for (Object part : parts) {
					if (part instanceof String literal) {
						out.append(literal);
					}
					else {
						Object partValue = (part == VALUE) ? value : ((ItemPath) part).read(item);
						if (partValue != null) {
							out.append(Values.text(partValue));
						}
					}
				}
				return out.toString();
			}

			@Override
			public String describe() {
				return "template '" + template + "'";
			}
		};
	}

	/** The {@code {value}} placeholder of a template. */
	Object VALUE = new Object();

	static Step lookup(String name, Map<String, Object> table, Object defaultValue, boolean passThrough,
			boolean ignoreCase) {
		return of("lookup " + name, (value) -> {
			String key = Values.text(value);
			Object mapped = table.get(ignoreCase ? key.toLowerCase(Locale.ROOT) : key);
			if (mapped != null) {
				return mapped;
			}
			if (defaultValue != null) {
				return defaultValue;
			}
			if (passThrough) {
				return value;
			}
			throw new StepFailure("'" + key + "' is not in lookup '" + name
					+ "', which has no default; add it to the lookup's values, or give the lookup a default");
		});
	}

}
