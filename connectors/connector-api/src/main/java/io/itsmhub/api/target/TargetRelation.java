package io.itsmhub.api.target;

import java.util.Objects;

import io.itsmhub.api.model.Identifiers;

/**
 * One relationship to create in a platform, from the item's main record to another item
 * named by its identifiers. The hub resolves the other item to its target record id and
 * keeps the relation pending until that record exists.
 *
 * @param canonicalType the canonical type, such as {@code runs_on}
 * @param platformType the platform's relation type, such as {@code Runs on::Runs} in
 * ServiceNow or a reference attribute name in JSM Assets
 * @param reverse whether the platform stores the relation the other way round: the other
 * item is the parent (or the source) and this item the child
 * @param target the identifiers of the other item
 */
public record TargetRelation(String canonicalType, String platformType, boolean reverse, Identifiers target) {

	public TargetRelation {
		Objects.requireNonNull(canonicalType, "canonicalType");
		Objects.requireNonNull(platformType, "platformType");
		Objects.requireNonNull(target, "target");
	}

}
