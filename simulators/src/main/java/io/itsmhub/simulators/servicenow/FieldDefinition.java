package io.itsmhub.simulators.servicenow;

/**
 * One column of a ServiceNow table, as its {@code sys_dictionary} entry describes it.
 *
 * @param name the column name ({@code element})
 * @param label the column label
 * @param type the internal type: {@code string}, {@code integer}, {@code boolean},
 * {@code decimal}, {@code currency}, {@code glide_date}, {@code glide_date_time},
 * {@code reference}, {@code sys_class_name}, {@code GUID}
 * @param reference the referenced table for reference columns, else {@code null}
 * @param mandatory whether an insert must carry a value
 * @param maxLength the maximum length
 */
public record FieldDefinition(String name, String label, String type, String reference, boolean mandatory,
		int maxLength) {

	static FieldDefinition text(String name, String label) {
		return new FieldDefinition(name, label, "string", null, false, 255);
	}

	static FieldDefinition required(String name, String label) {
		return new FieldDefinition(name, label, "string", null, true, 255);
	}

	static FieldDefinition typed(String name, String label, String type) {
		return new FieldDefinition(name, label, type, null, false, 40);
	}

	static FieldDefinition ref(String name, String label, String table) {
		return new FieldDefinition(name, label, "reference", table, false, 32);
	}

	static FieldDefinition requiredRef(String name, String label, String table) {
		return new FieldDefinition(name, label, "reference", table, true, 32);
	}

}
