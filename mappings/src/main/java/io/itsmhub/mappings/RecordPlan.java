package io.itsmhub.mappings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.target.TargetRecord;
import io.itsmhub.mappings.ItemMappingException.FieldProblem;
import io.itsmhub.mappings.ValueSource.ItemContext;

/** The compiled rules of one record role for one target class. */
final class RecordPlan {

	final String role;

	final String targetClass;

	private final FieldRule[] fields;

	private final String[] matchOn;

	/** What the content hash needs of this plan, serialized once, not per item. */
	final ContentHash.Shape hashShape;

	RecordPlan(String role, String targetClass, List<FieldRule> fields, List<String> matchOn) {
		this.role = role;
		this.targetClass = targetClass;
		this.fields = fields.toArray(new FieldRule[0]);
		this.matchOn = matchOn.toArray(new String[0]);
		this.hashShape = new ContentHash.Shape(role, targetClass, fields.stream().map((rule) -> rule.field).toList());
	}

	TargetRecord map(DiscoveredItem item, ItemContext context, List<FieldProblem> problems,
			List<FieldExplanation> trace) {
		Map<String, Object> values = new LinkedHashMap<>(this.fields.length * 2);
		for (FieldRule rule : this.fields) {
			Object value = rule.evaluate(item, context, this.role, this.targetClass, problems, trace);
			if (value != null) {
				values.put(rule.field, value);
			}
		}
		Map<String, Object> match = new LinkedHashMap<>(4);
		for (String field : this.matchOn) {
			Object value = values.get(field);
			if (value != null) {
				match.put(field, value);
			}
		}
		return new TargetRecord(this.role, this.targetClass, values, match);
	}

}
