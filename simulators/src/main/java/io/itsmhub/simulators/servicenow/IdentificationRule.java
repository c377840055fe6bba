package io.itsmhub.simulators.servicenow;

import java.util.List;

/**
 * An IRE identification rule: for a class and its descendants, identifier entries tried
 * in priority order, each searching one table family on a set of attributes.
 *
 * @param name the rule name, as reported in {@code identificationAttempts}
 * @param appliesTo the class the rule applies to (and its descendants)
 * @param searchOnTable the table family searched for matches
 * @param entries the attribute sets, in priority order
 */
public record IdentificationRule(String name, String appliesTo, String searchOnTable, List<List<String>> entries) {

	/**
	 * The base-system-like rules the simulator starts with: hardware by serial number,
	 * then name; virtual machine instances by object id, then name; applications,
	 * databases and services by name; any other CI by name.
	 * @return the rules, most specific first
	 */
	public static List<IdentificationRule> defaults() {
		return List.of(
				new IdentificationRule("Hardware Rule", "cmdb_ci_hardware", "cmdb_ci_hardware",
						List.of(List.of("serial_number"), List.of("name"))),
				new IdentificationRule("Virtual Machine Instance Rule", "cmdb_ci_vm_instance", "cmdb_ci_vm_instance",
						List.of(List.of("object_id"), List.of("name"))),
				new IdentificationRule("Application Rule", "cmdb_ci_appl", "cmdb_ci_appl", List.of(List.of("name"))),
				new IdentificationRule("Database Rule", "cmdb_ci_database", "cmdb_ci_database",
						List.of(List.of("name"))),
				new IdentificationRule("Service Rule", "cmdb_ci_service", "cmdb_ci_service", List.of(List.of("name"))),
				new IdentificationRule("Configuration Item Rule", "cmdb_ci", "cmdb_ci", List.of(List.of("name"))));
	}

}
