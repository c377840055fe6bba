package io.itsmhub.simulators.jsmassets;

import java.util.List;

/**
 * An object type attribute: its type (0 default, 1 object reference, 2 user, 4 group, 7
 * status), the default type for type 0 (0 Text, 1 Integer, 2 Boolean, 3 Double, 4 Date, 5
 * Time, 6 DateTime, 7 Url, 8 Email, 9 Textarea, 10 Select, 11 IP Address), and its
 * constraints.
 */
final class AttributeDefinition {

	static final String[] DEFAULT_TYPE_NAMES = { "Text", "Integer", "Boolean", "Double", "Date", "Time", "DateTime",
			"Url", "Email", "Textarea", "Select", "IP Address" };

	final String id;

	final String objectTypeId;

	final String name;

	final String description;

	final int type;

	final int defaultType;

	final boolean label;

	final boolean system;

	final int minimumCardinality;

	final int maximumCardinality;

	final boolean unique;

	final String referenceObjectTypeId;

	final String referenceTypeId;

	final boolean includeChildObjectTypes;

	final List<String> options;

	final int position;

	AttributeDefinition(String id, String objectTypeId, String name, String description, int type, int defaultType,
			boolean label, boolean system, int minimumCardinality, int maximumCardinality, boolean unique,
			String referenceObjectTypeId, String referenceTypeId, boolean includeChildObjectTypes, List<String> options,
			int position) {
		this.id = id;
		this.objectTypeId = objectTypeId;
		this.name = name;
		this.description = description;
		this.type = type;
		this.defaultType = defaultType;
		this.label = label;
		this.system = system;
		this.minimumCardinality = minimumCardinality;
		this.maximumCardinality = maximumCardinality;
		this.unique = unique;
		this.referenceObjectTypeId = referenceObjectTypeId;
		this.referenceTypeId = referenceTypeId;
		this.includeChildObjectTypes = includeChildObjectTypes;
		this.options = options;
		this.position = position;
	}

	boolean isReference() {
		return this.type == 1;
	}

	boolean isStatus() {
		return this.type == 7;
	}

	String defaultTypeName() {
		return (this.defaultType >= 0 && this.defaultType < DEFAULT_TYPE_NAMES.length)
				? DEFAULT_TYPE_NAMES[this.defaultType] : "None";
	}

}
