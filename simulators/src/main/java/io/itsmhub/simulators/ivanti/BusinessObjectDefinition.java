package io.itsmhub.simulators.ivanti;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One business object as the simulated tenant defines it: its OData collection name (the
 * business object name with the {@code s} suffix, such as {@code CI__Servers} for
 * {@code CI#Server}), its parent (a CI subtype's is {@code CI}), its own fields and its
 * relationships (navigation properties) by name.
 *
 * @param name the entity type name, such as {@code CI__Server}
 * @param collection the collection name the URLs use, such as {@code CI__Servers}
 * @param parent the parent business object's collection, or {@code null}
 * @param fields its own fields, by name
 * @param relationships its own relationships: name to the related collection
 */
record BusinessObjectDefinition(String name, String collection, String parent, Map<String, FieldDefinition> fields,
		Map<String, String> relationships) {

	BusinessObjectDefinition {
		fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
		relationships = Collections.unmodifiableMap(new LinkedHashMap<>(relationships));
	}

	static BusinessObjectDefinition of(String name, String parent, List<FieldDefinition> fields,
			Map<String, String> relationships) {
		Map<String, FieldDefinition> byName = new LinkedHashMap<>();
		fields.forEach((field) -> byName.put(field.name(), field));
		return new BusinessObjectDefinition(name, name + "s", parent, byName, relationships);
	}

	/**
	 * One field.
	 *
	 * @param name the field name
	 * @param type {@code string}, {@code decimal}, {@code int}, {@code boolean} or
	 * {@code datetime}
	 * @param maxLength the longest text stored, or 0
	 * @param required whether a create without it is refused
	 * @param validated the validation list (pick list) values, empty when free
	 * @param system whether the platform maintains it (RecId, timestamps)
	 */
	record FieldDefinition(String name, String type, int maxLength, boolean required, List<String> validated,
			boolean system) {

		static FieldDefinition text(String name, int maxLength) {
			return new FieldDefinition(name, "string", maxLength, false, List.of(), false);
		}

		static FieldDefinition of(String name, String type) {
			return new FieldDefinition(name, type, 0, false, List.of(), false);
		}

		FieldDefinition asRequired() {
			return new FieldDefinition(this.name, this.type, this.maxLength, true, this.validated, this.system);
		}

		FieldDefinition validatedBy(List<String> values) {
			return new FieldDefinition(this.name, this.type, this.maxLength, this.required, List.copyOf(values),
					this.system);
		}

		FieldDefinition asSystem() {
			return new FieldDefinition(this.name, this.type, this.maxLength, this.required, this.validated, true);
		}

	}

}
