package io.itsmhub.reconciliation.identify;

import io.itsmhub.api.model.IdentifierType;

/**
 * An identifier value that normalization threw away, and why.
 *
 * @param type the identifier type
 * @param value the value as the source sent it
 * @param reason why it cannot identify anything
 */
public record DiscardedValue(IdentifierType type, String value, String reason) {

}
