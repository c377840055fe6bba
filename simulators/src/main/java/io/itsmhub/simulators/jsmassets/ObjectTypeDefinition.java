package io.itsmhub.simulators.jsmassets;

import java.util.ArrayList;
import java.util.List;

/**
 * An object type of the simulated Assets schema.
 */
final class ObjectTypeDefinition {

	final String id;

	final String name;

	final String description;

	final String parentId;

	final boolean abstractType;

	final boolean inherited;

	final int position;

	final String iconName;

	final List<AttributeDefinition> own = new ArrayList<>();

	ObjectTypeDefinition(String id, String name, String description, String parentId, boolean abstractType,
			boolean inherited, int position, String iconName) {
		this.id = id;
		this.name = name;
		this.description = description;
		this.parentId = parentId;
		this.abstractType = abstractType;
		this.inherited = inherited;
		this.position = position;
		this.iconName = iconName;
	}

}
