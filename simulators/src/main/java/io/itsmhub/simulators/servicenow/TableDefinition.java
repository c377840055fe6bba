package io.itsmhub.simulators.servicenow;

import java.util.List;

/**
 * A ServiceNow table: its name, label, parent table ({@code super_class}) and own
 * columns.
 *
 * @param name the table name
 * @param label the label
 * @param parent the parent table, or {@code null} for a base table
 * @param displayField the column shown as a reference's display value
 * @param fields the columns defined on this table (not inherited ones)
 */
public record TableDefinition(String name, String label, String parent, String displayField,
		List<FieldDefinition> fields) {

}
