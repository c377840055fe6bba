package io.itsmhub.api.target;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The fields a platform really has, per target class (a ServiceNow table, a JSM Assets
 * object type, an Ivanti business object, a Halo asset type...), and the relation types
 * it knows. Each connector describes its platform with one; mappings are compiled against
 * it, so a mapping cannot name a field the platform does not have.
 *
 * @param platform the platform id, such as {@code servicenow}
 * @param classes the target classes by name
 * @param relationTypes the platform's relation type names (empty when the platform's
 * relation types are not known, then any name is accepted)
 */
public record FieldCatalog(String platform, Map<String, TargetClass> classes, Set<String> relationTypes) {

	public FieldCatalog {
		Objects.requireNonNull(platform, "platform");
		classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
		relationTypes = (relationTypes != null) ? Set.copyOf(relationTypes) : Set.of();
	}

	/** A target class by name. */
	public Optional<TargetClass> targetClass(String name) {
		return Optional.ofNullable(this.classes.get(name));
	}

	/** A field of a target class, empty when the class or the field is unknown. */
	public Optional<Field> field(String targetClass, String field) {
		TargetClass found = this.classes.get(targetClass);
		return (found != null) ? Optional.ofNullable(found.fields().get(field)) : Optional.empty();
	}

	/**
	 * One target class with its fields.
	 *
	 * @param name the platform's name for it, such as {@code cmdb_ci_linux_server}
	 * @param fields its fields by name, in a stable order
	 */
	public record TargetClass(String name, Map<String, Field> fields) {

		public TargetClass {
			Objects.requireNonNull(name, "name");
			fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
		}

		public static TargetClass of(String name, List<Field> fields) {
			Map<String, Field> byName = new LinkedHashMap<>();
			fields.forEach((field) -> byName.put(field.name(), field));
			return new TargetClass(name, byName);
		}

		/** The fields the platform rejects a record without. */
		public List<Field> requiredFields() {
			return this.fields.values().stream().filter(Field::required).toList();
		}

	}

	/**
	 * One field of a target class.
	 *
	 * @param name the platform's field name, as it goes on the wire
	 * @param type its type
	 * @param maxLength the longest text the platform stores, {@code null} when unknown or
	 * not text
	 * @param required whether the platform rejects a new record without it
	 */
	public record Field(String name, FieldType type, Integer maxLength, boolean required) {

		public Field {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(type, "type");
		}

	}

}
