package io.itsmhub.mappings;

import java.util.Map;

/**
 * A value map ({@code lookups.<name>}) as compiled, shared by the outbound mapping and
 * the inbound source mapping.
 *
 * @param values source value (lower case when {@code ignoreCase}) to mapped value
 * @param defaultValue the value for source values not in the table, or {@code null}
 * @param passThrough whether values not in the table pass on unchanged
 * @param ignoreCase whether the table is matched regardless of case
 */
record LookupTable(Map<String, Object> values, Object defaultValue, boolean passThrough, boolean ignoreCase) {

}
