package io.itsmhub.reconciliation.item;

import java.time.Instant;

/**
 * What the hub believes about one field of an item, and who said so.
 *
 * @param value the canonical value (see {@link FieldCodec})
 * @param source the source that supplied it
 * @param observedAt when that source observed it
 */
public record FieldValue(Object value, String source, Instant observedAt) {

}
