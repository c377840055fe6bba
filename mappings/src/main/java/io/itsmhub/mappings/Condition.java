package io.itsmhub.mappings;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.itsmhub.api.model.DiscoveredItem;

/** A compiled {@code when} condition on an item. */
interface Condition {

	boolean test(DiscoveredItem item);

	/** How the condition reads, for explanations. */
	String describe();

	static Condition equalTo(ItemPath path, Object expected) {
		String expectedText = Values.text(expected);
		BigDecimal expectedNumber = (expected instanceof Number) ? Values.decimal(expected) : null;
		return new Condition() {
			@Override
			public boolean test(DiscoveredItem item) {
				Object value = path.read(item);
				if (value == null) {
					return false;
				}
				if (expectedNumber != null && value instanceof Number) {
					return Values.decimal(value).compareTo(expectedNumber) == 0;
				}
				return expectedText.equals(Values.text(value));
			}

			@Override
			public String describe() {
				return path.text() + " equals " + expectedText;
			}
		};
	}

	static Condition in(ItemPath path, List<Object> values) {
		Set<String> texts = values.stream().map(Values::text).collect(Collectors.toUnmodifiableSet());
		return new Condition() {
			@Override
			public boolean test(DiscoveredItem item) {
				Object value = path.read(item);
				return value != null && texts.contains(Values.text(value));
			}

			@Override
			public String describe() {
				return path.text() + " in " + values;
			}
		};
	}

	static Condition matches(ItemPath path, Pattern pattern) {
		return new Condition() {
			@Override
			public boolean test(DiscoveredItem item) {
				Object value = path.read(item);
				return value != null && pattern.matcher(Values.text(value)).find();
			}

			@Override
			public String describe() {
				return path.text() + " matches " + pattern.pattern();
			}
		};
	}

	static Condition exists(ItemPath path, boolean expected) {
		return new Condition() {
			@Override
			public boolean test(DiscoveredItem item) {
				return Values.isEmpty(path.read(item)) != expected;
			}

			@Override
			public String describe() {
				return path.text() + (expected ? " exists" : " is absent");
			}
		};
	}

	static Condition all(List<Condition> conditions) {
		return new Condition() {
			@Override
			public boolean test(DiscoveredItem item) {
				for (Condition condition : conditions) {
					if (!condition.test(item)) {
						return false;
					}
				}
				return true;
			}

			@Override
			public String describe() {
				return conditions.stream().map(Condition::describe).collect(Collectors.joining(" and ", "(", ")"));
			}
		};
	}

	static Condition any(List<Condition> conditions) {
		return new Condition() {
			@Override
			public boolean test(DiscoveredItem item) {
				for (Condition condition : conditions) {
					if (condition.test(item)) {
						return true;
					}
				}
				return false;
			}

			@Override
			public String describe() {
				return conditions.stream().map(Condition::describe).collect(Collectors.joining(" or ", "(", ")"));
			}
		};
	}

	static Condition not(Condition condition) {
		return new Condition() {
			@Override
			public boolean test(DiscoveredItem item) {
				return !condition.test(item);
			}

			@Override
			public String describe() {
				return "not " + condition.describe();
			}
		};
	}

}
