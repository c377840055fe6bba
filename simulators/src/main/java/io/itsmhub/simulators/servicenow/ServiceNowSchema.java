package io.itsmhub.simulators.servicenow;

import static io.itsmhub.simulators.servicenow.FieldDefinition.ref;
import static io.itsmhub.simulators.servicenow.FieldDefinition.required;
import static io.itsmhub.simulators.servicenow.FieldDefinition.requiredRef;
import static io.itsmhub.simulators.servicenow.FieldDefinition.text;
import static io.itsmhub.simulators.servicenow.FieldDefinition.typed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tables the simulator knows, with the base-system hierarchy
 * ({@code cmdb_ci > cmdb_ci_hardware > cmdb_ci_computer > cmdb_ci_server > ...},
 * {@code alm_asset > alm_hardware}) and the columns a CMDB and ITAM integration uses. It
 * is the source of the seeded {@code sys_db_object} and {@code sys_dictionary} records,
 * so a connector can read its field catalog the way it would on a real instance.
 */
public final class ServiceNowSchema {

	/** The system columns every record carries. */
	static final List<FieldDefinition> SYSTEM_FIELDS = List.of(
			new FieldDefinition("sys_id", "Sys ID", "GUID", null, false, 32),
			typed("sys_created_on", "Created", "glide_date_time"), text("sys_created_by", "Created by"),
			typed("sys_updated_on", "Updated", "glide_date_time"), text("sys_updated_by", "Updated by"),
			typed("sys_mod_count", "Updates", "integer"));

	private final Map<String, TableDefinition> tables = new LinkedHashMap<>();

	// Queries and identification ask "is this class a kind of that table" for every
	// record; the hierarchy never changes, so the answers are kept.
	private final Map<String, Map<String, Boolean>> isACache = new ConcurrentHashMap<>();

	ServiceNowSchema() {
		add("sys_db_object", "Table", null, "name", text("name", "Name"), text("label", "Label"),
				ref("super_class", "Extends table", "sys_db_object"));
		add("sys_dictionary", "Dictionary Entry", null, "element", text("name", "Table"),
				text("element", "Column name"), text("column_label", "Column label"), text("internal_type", "Type"),
				text("reference", "Reference"), typed("mandatory", "Mandatory", "boolean"),
				typed("max_length", "Max length", "integer"), typed("active", "Active", "boolean"));
		add("sys_choice", "Choice", null, "label", text("name", "Table"), text("element", "Element"),
				text("value", "Value"), text("label", "Label"), text("language", "Language"),
				typed("inactive", "Inactive", "boolean"));
		add("sys_user", "User", null, "name", text("user_name", "User ID"), text("name", "Name"),
				text("first_name", "First name"), text("last_name", "Last name"), text("email", "Email"),
				typed("active", "Active", "boolean"));
		add("cmn_cost_center", "Cost Center", null, "name", required("name", "Name"),
				text("account_number", "Account number"), ref("manager", "Manager", "sys_user"));
		add("cmn_location", "Location", null, "name", required("name", "Name"), text("street", "Street"),
				text("city", "City"), text("country", "Country"));
		add("cmn_department", "Department", null, "name", required("name", "Name"));
		add("core_company", "Company", null, "name", required("name", "Name"),
				typed("manufacturer", "Manufacturer", "boolean"), typed("vendor", "Vendor", "boolean"));
		add("cmdb_model", "Product Model", null, "name", required("name", "Name"),
				ref("manufacturer", "Manufacturer", "core_company"), text("model_number", "Model number"));
		add("cmdb_rel_type", "CI Relationship Type", null, "name", required("name", "Name"),
				text("parent_descriptor", "Parent descriptor"), text("child_descriptor", "Child descriptor"));
		add("cmdb_rel_ci", "CI Relationship", null, "type", requiredRef("parent", "Parent", "cmdb_ci"),
				requiredRef("child", "Child", "cmdb_ci"), requiredRef("type", "Type", "cmdb_rel_type"),
				typed("connection_strength", "Connection strength", "string"));
		add("sys_object_source", "Source", null, "name", required("name", "Name"), text("id", "Id"),
				text("target_table", "Target table"), text("target_sys_id", "Target sys ID"),
				typed("last_scan", "Last scan", "glide_date_time"));
		add("cmdb_ci", "Configuration Item", null, "name", required("name", "Name"),
				new FieldDefinition("sys_class_name", "Class", "sys_class_name", null, false, 80),
				text("asset_tag", "Asset tag"), text("serial_number", "Serial number"),
				typed("install_status", "Status", "integer"),
				typed("operational_status", "Operational status", "integer"),
				text("discovery_source", "Discovery source"), ref("company", "Company", "core_company"),
				ref("manufacturer", "Manufacturer", "core_company"), ref("model_id", "Model ID", "cmdb_model"),
				ref("location", "Location", "cmn_location"), ref("cost_center", "Cost center", "cmn_cost_center"),
				ref("department", "Department", "cmn_department"), ref("owned_by", "Owned by", "sys_user"),
				ref("assigned_to", "Assigned to", "sys_user"), ref("managed_by", "Managed by", "sys_user"),
				ref("asset", "Asset", "alm_asset"), text("correlation_id", "Correlation ID"),
				text("object_id", "Object ID"), text("short_description", "Description"),
				typed("purchase_date", "Purchased", "glide_date"),
				typed("warranty_expiration", "Warranty expiration", "glide_date"), typed("cost", "Cost", "currency"),
				text("category", "Category"), text("subcategory", "Subcategory"), text("ip_address", "IP Address"),
				text("mac_address", "MAC Address"), text("fqdn", "Fully qualified domain name"),
				text("dns_domain", "DNS Domain"), typed("first_discovered", "First discovered", "glide_date_time"),
				typed("last_discovered", "Most recent discovery", "glide_date_time"),
				text("life_cycle_stage", "Life Cycle Stage"),
				text("life_cycle_stage_status", "Life Cycle Stage Status"), text("environment", "Environment"),
				text("used_for", "Used for"));
		add("cmdb_ci_hardware", "Hardware", "cmdb_ci", "name", text("hardware_status", "Hardware Status"),
				text("hardware_substatus", "Hardware Substatus"), text("default_gateway", "Default Gateway"));
		add("cmdb_ci_computer", "Computer", "cmdb_ci_hardware", "name", text("os", "Operating System"),
				text("os_version", "OS Version"), typed("cpu_count", "CPU count", "integer"),
				text("cpu_type", "CPU type"), typed("cpu_speed", "CPU speed (MHz)", "decimal"),
				typed("ram", "RAM (MB)", "integer"), typed("disk_space", "Disk space (GB)", "decimal"),
				text("host_name", "Host name"), typed("virtual", "Is Virtual", "boolean"),
				text("form_factor", "Form factor"));
		add("cmdb_ci_server", "Server", "cmdb_ci_computer", "name", text("classification", "Classification"));
		add("cmdb_ci_linux_server", "Linux Server", "cmdb_ci_server", "name", text("kernel_release", "Kernel release"));
		add("cmdb_ci_win_server", "Windows Server", "cmdb_ci_server", "name", text("os_domain", "OS Domain"));
		add("cmdb_ci_esx_server", "ESX Server", "cmdb_ci_server", "name", text("vcenter_ref", "vCenter"));
		add("cmdb_ci_vm_instance", "Virtual Machine Instance", "cmdb_ci", "name", text("vm_inst_id", "Instance ID"),
				text("state", "State"), typed("cpus", "CPUs", "integer"), typed("memory", "Memory (MB)", "integer"),
				typed("disks", "Disks", "integer"), typed("disks_size", "Disks size (GB)", "decimal"),
				text("guest_os_fullname", "Guest OS"));
		add("cmdb_ci_netgear", "Network Gear", "cmdb_ci_hardware", "name", text("device_type", "Device type"),
				text("firmware_version", "Firmware version"), typed("ports", "Ports", "integer"));
		// the base-system classes the shipped ServiceNow mapping writes to
		add("cmdb_ci_ip_switch", "IP Switch", "cmdb_ci_netgear", "name");
		add("cmdb_ci_ip_router", "IP Router", "cmdb_ci_netgear", "name");
		add("cmdb_ci_ip_firewall", "IP Firewall", "cmdb_ci_netgear", "name");
		add("cmdb_ci_handheld_computing", "Handheld Computing Device", "cmdb_ci_hardware", "name");
		add("cmdb_ci_printer", "Printer", "cmdb_ci_hardware", "name");
		add("cmdb_ci_peripheral", "Peripheral", "cmdb_ci_hardware", "name");
		add("cmdb_ci_cloud_subnet", "Cloud Subnet", "cmdb_ci", "name");
		add("cmdb_ci_cloud_load_balancer", "Cloud Load Balancer", "cmdb_ci", "name");
		add("cmdb_ci_cloud_storage_account", "Cloud Storage Account", "cmdb_ci", "name");
		add("cmdb_ci_db_instance", "Database Instance", "cmdb_ci", "name");
		add("cmdb_ci_storage_device", "Storage Device", "cmdb_ci_hardware", "name",
				text("storage_type", "Storage type"), typed("size_bytes", "Size bytes", "integer"));
		add("cmdb_ci_appl", "Application", "cmdb_ci", "name", text("version", "Version"), text("edition", "Edition"),
				text("install_directory", "Install directory"), typed("tcp_port", "TCP port(s)", "string"));
		add("cmdb_ci_database", "Database", "cmdb_ci", "name", text("type", "Type"), text("version", "Version"),
				typed("tcp_port", "TCP port", "string"));
		add("cmdb_ci_service", "Business Service", "cmdb_ci", "name",
				text("service_classification", "Service classification"),
				text("busines_criticality", "Business criticality"), text("version", "Version"));
		add("alm_asset", "Asset", null, "display_name", text("display_name", "Display name"),
				new FieldDefinition("sys_class_name", "Class", "sys_class_name", null, false, 80),
				text("asset_tag", "Asset tag"), text("serial_number", "Serial number"),
				ref("model", "Model", "cmdb_model"), text("model_category", "Model category"),
				ref("ci", "Configuration Item", "cmdb_ci"), typed("install_status", "State", "integer"),
				text("substatus", "Substate"), ref("owned_by", "Owned by", "sys_user"),
				ref("assigned_to", "Assigned to", "sys_user"), ref("managed_by", "Managed by", "sys_user"),
				ref("cost_center", "Cost center", "cmn_cost_center"), typed("cost", "Cost", "currency"),
				typed("purchase_date", "Purchased", "glide_date"),
				typed("warranty_expiration", "Warranty expiration", "glide_date"),
				ref("location", "Location", "cmn_location"), ref("department", "Department", "cmn_department"),
				ref("company", "Company", "core_company"), ref("vendor", "Vendor", "core_company"),
				text("po_number", "PO number"), text("invoice_number", "Invoice number"),
				text("depreciation", "Depreciation"), typed("salvage_value", "Salvage value", "currency"),
				typed("retired", "Retired date", "glide_date"), text("disposal_reason", "Disposal reason"),
				typed("quantity", "Quantity", "integer"), text("comments", "Comments"));
		add("alm_hardware", "Hardware Asset", "alm_asset", "display_name",
				text("hardware_substatus", "Hardware substate"));
	}

	private void add(String name, String label, String parent, String displayField, FieldDefinition... fields) {
		this.tables.put(name, new TableDefinition(name, label, parent, displayField, List.of(fields)));
	}

	/**
	 * Every table, base tables first.
	 * @return the tables
	 */
	public Collection<TableDefinition> tables() {
		return this.tables.values();
	}

	TableDefinition table(String name) {
		return this.tables.get(name);
	}

	boolean exists(String name) {
		return this.tables.containsKey(name);
	}

	/**
	 * Whether {@code table} is {@code ancestor} or extends it.
	 */
	boolean isA(String table, String ancestor) {
		return this.isACache.computeIfAbsent(table, (k) -> new ConcurrentHashMap<>())
			.computeIfAbsent(ancestor, (k) -> computeIsA(table, ancestor));
	}

	private boolean computeIsA(String table, String ancestor) {
		for (String current = table; current != null; current = this.tables.get(current).parent()) {
			if (current.equals(ancestor)) {
				return true;
			}
			if (!this.tables.containsKey(current)) {
				return false;
			}
		}
		return false;
	}

	String root(String table) {
		String current = table;
		while (this.tables.get(current).parent() != null) {
			current = this.tables.get(current).parent();
		}
		return current;
	}

	/**
	 * The columns of a table including inherited and system ones, in display order.
	 */
	Map<String, FieldDefinition> fields(String table) {
		List<TableDefinition> chain = new ArrayList<>();
		for (String current = table; current != null; current = this.tables.get(current).parent()) {
			chain.add(0, this.tables.get(current));
		}
		Map<String, FieldDefinition> result = new LinkedHashMap<>();
		for (TableDefinition definition : chain) {
			definition.fields().forEach((field) -> result.put(field.name(), field));
		}
		SYSTEM_FIELDS.forEach((field) -> result.putIfAbsent(field.name(), field));
		return result;
	}

	List<String> descendantsOrSelf(String table) {
		return this.tables.keySet().stream().filter((name) -> isA(name, table)).toList();
	}

}
