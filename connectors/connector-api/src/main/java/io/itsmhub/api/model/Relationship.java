package io.itsmhub.api.model;

import java.util.Objects;

/**
 * A relationship from the item that holds it to another item, named by that item's
 * identifiers. The hub resolves the target, and keeps the relationship pending while the
 * target is unknown.
 *
 * @param type the relationship type
 * @param target the identifiers of the other item
 */
public record Relationship(RelationshipType type, Identifiers target) {

	public Relationship {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(target, "target");
	}

}
