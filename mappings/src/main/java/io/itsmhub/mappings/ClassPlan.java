package io.itsmhub.mappings;

import java.util.List;

import io.itsmhub.api.model.DiscoveredItem;

/**
 * One record of one canonical class: the plans per target class, chosen per item by the
 * cases' conditions, and the condition for producing the record at all.
 */
final class ClassPlan {

	final String role;

	private final Condition when;

	private final Condition[] caseConditions;

	private final RecordPlan[] casePlans;

	private final RecordPlan fallback;

	ClassPlan(String role, Condition when, List<Condition> caseConditions, List<RecordPlan> casePlans,
			RecordPlan fallback) {
		this.role = role;
		this.when = when;
		this.caseConditions = caseConditions.toArray(new Condition[0]);
		this.casePlans = casePlans.toArray(new RecordPlan[0]);
		this.fallback = fallback;
	}

	/** The plan for an item, {@code null} when the item gets no record of this role. */
	RecordPlan select(DiscoveredItem item) {
		if (this.when != null && !this.when.test(item)) {
			return null;
		}
		for (int i = 0; i < this.caseConditions.length; i++) {
			if (this.caseConditions[i].test(item)) {
				return this.casePlans[i];
			}
		}
		return this.fallback;
	}

	String whyNot() {
		return (this.when != null) ? "condition does not hold: " + this.when.describe() : "";
	}

}
