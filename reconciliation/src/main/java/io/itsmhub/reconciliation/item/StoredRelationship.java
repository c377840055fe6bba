package io.itsmhub.reconciliation.item;

import io.itsmhub.api.model.Identifiers;
import io.itsmhub.api.model.RelationshipType;

/**
 * A relationship as a source reported it. Its target is kept by identifiers and resolved
 * when it is read or pushed, so the result never depends on the order in which related
 * items arrive; while no item holds those identifiers, it is pending.
 *
 * @param source the source that reported it
 * @param type the relationship type
 * @param target the target's identifiers, normalized
 */
public record StoredRelationship(String source, RelationshipType type, Identifiers target) {

}
