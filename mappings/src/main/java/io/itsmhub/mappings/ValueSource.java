package io.itsmhub.mappings;

import java.math.BigDecimal;
import java.util.Map;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.itsmhub.api.json.CanonicalItemWriter;
import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.mappings.Values.StepFailure;

/** Where a field rule's value comes from: a path, a constant or an expression. */
interface ValueSource {

	Object read(DiscoveredItem item, ItemContext context);

	String describe();

	static ValueSource path(ItemPath path) {
		return new ValueSource() {
			@Override
			public Object read(DiscoveredItem item, ItemContext context) {
				return path.read(item);
			}

			@Override
			public String describe() {
				return "from " + path.text();
			}
		};
	}

	static ValueSource constant(Object value) {
		return new ValueSource() {
			@Override
			public Object read(DiscoveredItem item, ItemContext context) {
				return value;
			}

			@Override
			public String describe() {
				return "constant " + Values.text(value);
			}
		};
	}

	/**
	 * A JSONata expression over the item's canonical JSON form. It was parsed once at
	 * compile time (so syntax errors are compile errors); each thread gets its own parsed
	 * copy because a parsed expression keeps evaluation state. Each evaluation is bounded
	 * in time and depth, so a runaway expression fails one item, not the sync.
	 */
	static ValueSource expression(String text, long timeoutMillis, int maxDepth) {
		ThreadLocal<Jsonata> parsed = ThreadLocal.withInitial(() -> Jsonata.jsonata(text));
		return new ValueSource() {
			@Override
			public Object read(DiscoveredItem item, ItemContext context) {
				Jsonata expression = parsed.get();
				Jsonata.Frame frame = expression.createFrame();
				frame.setRuntimeBounds(timeoutMillis, maxDepth);
				try {
					return normalize(expression.evaluate(context.json(item), frame));
				}
				catch (RuntimeException ex) {
					throw new StepFailure("expression failed: " + ex.getMessage());
				}
			}

			@Override
			public String describe() {
				return "expression " + text;
			}
		};
	}

	/** JSONata numbers are doubles; send whole ones as integers, others exactly. */
	private static Object normalize(Object value) {
		if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			if (number == Math.rint(number) && Math.abs(number) < 1e15) {
				return (long) number;
			}
			return BigDecimal.valueOf(number);
		}
		if (value instanceof Integer number) {
			return number.longValue();
		}
		return value;
	}

	/**
	 * Per item, per call: what several rules of one item share, built only when a rule
	 * needs it (most mappings have no expression, and never pay for the JSON form).
	 */
	final class ItemContext {

		private static final ObjectMapper MAPPER = new ObjectMapper();

		private Map<String, Object> json;

		@SuppressWarnings("unchecked")
		Map<String, Object> json(DiscoveredItem item) {
			if (this.json == null) {
				this.json = MAPPER.convertValue(CanonicalItemWriter.toJson(item), Map.class);
			}
			return this.json;
		}

	}

}
