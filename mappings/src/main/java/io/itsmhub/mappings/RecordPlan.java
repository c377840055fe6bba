package io.itsmhub.mappings;

import java.util.Arrays;
import java.util.List;

import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.target.FieldValues;
import io.itsmhub.api.target.TargetRecord;
import io.itsmhub.mappings.ItemMappingException.FieldProblem;
import io.itsmhub.mappings.ValueSource.ItemContext;

/** The compiled rules of one record role for one target class. */
final class RecordPlan {

	final String role;

	final String targetClass;

	private final FieldRule[] fields;

	private final String[] names;

	private final String[] matchOn;

	private final int[] matchIndexes;

	/** What the content hash needs of this plan, serialized once, not per item. */
	final ContentHash.Shape hashShape;

	RecordPlan(String role, String targetClass, List<FieldRule> fields, List<String> matchOn) {
		this.role = role;
		this.targetClass = targetClass;
		this.fields = fields.toArray(new FieldRule[0]);
		this.names = fields.stream().map((rule) -> rule.field).toArray(String[]::new);
		List<String> names = List.of(this.names);
		// compiling makes sure every matchOn field is mapped
		this.matchOn = matchOn.stream().filter(names::contains).toArray(String[]::new);
		this.matchIndexes = Arrays.stream(this.matchOn).mapToInt(names::indexOf).toArray();
		this.hashShape = new ContentHash.Shape(role, targetClass, names);
	}

	/**
	 * The record for an item.
	 * @param values receives the values in rule order, for the content hash
	 */
	TargetRecord map(DiscoveredItem item, ItemContext context, List<FieldProblem> problems,
			List<FieldExplanation> trace, List<Object[]> values) {
		Object[] fieldValues = new Object[this.fields.length];
		for (int i = 0; i < this.fields.length; i++) {
			fieldValues[i] = this.fields[i].evaluate(item, context, this.role, this.targetClass, problems, trace);
		}
		Object[] matchValues = new Object[this.matchIndexes.length];
		for (int i = 0; i < this.matchIndexes.length; i++) {
			matchValues[i] = fieldValues[this.matchIndexes[i]];
		}
		values.add(fieldValues);
		return new TargetRecord(this.role, this.targetClass, FieldValues.of(this.names, fieldValues),
				FieldValues.of(this.matchOn, matchValues));
	}

}
