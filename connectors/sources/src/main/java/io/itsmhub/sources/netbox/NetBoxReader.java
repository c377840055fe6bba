package io.itsmhub.sources.netbox;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.LifecycleFacts.FactName;
import io.itsmhub.api.model.RelationshipType;
import io.itsmhub.sources.CanonicalDraft;
import io.itsmhub.sources.RecordCollector;

/**
 * Reads NetBox devices and virtual machines into canonical items. Two shapes are read:
 * <ul>
 * <li>a NetBox data export ({@code manage.py dumpdata}: a JSON array of {@code {model,
 * pk, fields}} whose references are primary keys, resolved here against the sites, racks,
 * device types, manufacturers, roles, platforms, tenants and clusters of the same file);
 * record indexes are positions in that array, and only {@code dcim.device} and
 * {@code virtualization.virtualmachine} entries are records;</li>
 * <li>a page of the REST API ({@code /api/dcim/devices/},
 * {@code /api/virtualization/virtual-machines/}), whose references are nested objects;
 * indexes are positions in {@code results}.</li>
 * </ul>
 * The site (with the rack) becomes {@code facts.location}, serial and asset tag are
 * identifiers, the name is the hostname, and the NetBox status maps to a lifecycle
 * status. Devices are classed by their role (switches and routers are
 * {@code network_device}s, PDUs and patch panels {@code peripheral}s, others
 * {@code server}s). A device with no name, serial or asset tag cannot be identified, and
 * is rejected saying so.
 */
public final class NetBoxReader {

	private static final ObjectMapper JSON = new ObjectMapper();

	static final String DEVICE = "dcim.device";

	static final String VIRTUAL_MACHINE = "virtualization.virtualmachine";

	private static final Map<String, String> STATUS = Map.of("active", "in_use", "planned", "planned", "staged",
			"in_stock", "inventory", "in_stock", "failed", "in_maintenance", "offline", "in_maintenance",
			"decommissioning", "retired");

	private final Clock clock;

	public NetBoxReader(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Reads an export or an API page.
	 * @param body the JSON body
	 * @param source the source name, such as {@code netbox}
	 */
	public ParsedRecords read(byte[] body, String source) {
		RecordCollector records = new RecordCollector(source, this.clock);
		JsonNode root;
		try {
			root = JSON.readTree(body);
		}
		catch (IOException ex) {
			records.reject(0, null, "(body)", "malformed JSON: " + ex.getMessage().lines().findFirst().orElse(""));
			return records.result();
		}
		if (root != null && root.isArray()) {
			readExport(root, records);
		}
		else if (root != null && root.path("results").isArray()) {
			readApiPage(root.path("results"), records);
		}
		else {
			records.reject(0, null, "(body)",
					"expected a NetBox export (an array of {model, pk, fields}) or an API page with 'results'");
		}
		return records.result();
	}

	private void readExport(JsonNode export, RecordCollector records) {
		Map<String, Map<Long, JsonNode>> byModel = new HashMap<>();
		for (JsonNode entry : export) {
			byModel.computeIfAbsent(entry.path("model").asText(), (m) -> new HashMap<>())
				.put(entry.path("pk").asLong(), entry.path("fields"));
		}
		Export lookup = new Export(byModel);
		int index = 0;
		for (JsonNode entry : export) {
			String model = entry.path("model").asText();
			if (model.equals(DEVICE) || model.equals(VIRTUAL_MACHINE)) {
				JsonNode fields = entry.path("fields");
				Record record = model.equals(DEVICE) ? lookup.device(fields) : lookup.virtualMachine(fields);
				add(index, model + "/" + entry.path("pk").asText(), record, records);
			}
			index++;
		}
	}

	private void readApiPage(JsonNode results, RecordCollector records) {
		int index = 0;
		for (JsonNode result : results) {
			boolean device = result.has("device_type");
			String model = device ? DEVICE : VIRTUAL_MACHINE;
			Record record = new Record(text(result, "name"), text(result, "serial"), text(result, "asset_tag"),
					status(result.path("status")), nested(result, "site", "name"), nested(result, "location", "name"),
					nested(result, "rack", "name"), text(result, "position"),
					nested(result.path("device_type"), "manufacturer", "name"), nested(result, "device_type", "model"),
					first(nested(result, "role", "name"), nested(result, "device_role", "name")),
					nested(result, "platform", "name"), nested(result, "tenant", "name"),
					nested(result, "cluster", "name"), "", nested(result, "device", "name"),
					ip(result.path("primary_ip4")), ip(result.path("primary_ip6")), number(result, "vcpus"),
					number(result, "memory"), number(result, "disk"),
					result.path("virtual_chassis").isObject() ? virtualChassisNote(result.path("vc_position").asText(),
							nested(result, "virtual_chassis", "name")) : "");
			add(index++, model + "/" + text(result, "id"), record, records);
		}
	}

	private void add(int index, String key, Record record, RecordCollector records) {
		boolean device = key.startsWith(DEVICE);
		if (record.name().isEmpty() && record.serial().isEmpty() && record.assetTag().isEmpty()) {
			records.reject(index, key, "identifiers",
					"the " + (device ? "device" : "virtual machine")
							+ " has no name, serial or asset tag in NetBox, so nothing can identify it"
							+ (record.role().isEmpty() ? "" : " (role " + record.role() + ")") + record.note());
			return;
		}
		CanonicalDraft draft = new CanonicalDraft().sourceKey(key)
			.ciClass(device ? deviceClass(record.role()) : CiClass.VIRTUAL_MACHINE)
			.name(record.name());
		draft.identifier(IdentifierType.SERIAL_NUMBER, record.serial());
		draft.identifier(IdentifierType.ASSET_TAG, record.assetTag());
		if (record.name().matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
			draft.identifier(IdentifierType.HOSTNAME, record.name());
		}
		else if (record.name().matches("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)+")) {
			draft.identifier(IdentifierType.FQDN, record.name());
			draft.identifier(IdentifierType.HOSTNAME, record.name().substring(0, record.name().indexOf('.')));
		}
		draft.attribute("manufacturer", record.manufacturer());
		draft.attribute("model", record.model());
		draft.attribute("role", record.role());
		draft.attribute("platform", record.platform());
		draft.attribute("tenant", record.tenant());
		draft.attribute("cluster", record.cluster());
		draft.attribute("cluster_type", record.clusterType());
		draft.attribute("rack_position", record.position().replaceAll("\\.0+$", ""));
		List<String> ips = new ArrayList<>();
		for (String ip : List.of(record.ip4(), record.ip6())) {
			if (!ip.isEmpty()) {
				ips.add(ip.replaceAll("/\\d+$", ""));
			}
		}
		draft.attribute("ip_addresses", ips);
		draft.attribute("vcpu", record.vcpus());
		draft.attribute("memory_mb", record.memory());
		draft.attribute("disk_gb", record.disk());
		draft.fact(FactName.LIFECYCLE_STATUS, STATUS.get(record.status()));
		draft.fact(FactName.LOCATION,
				String.join("/",
						List.of(record.site(), record.location(), record.rack())
							.stream()
							.filter((s) -> !s.isEmpty())
							.toList()));
		if (!record.host().isEmpty()) {
			draft.relationship(RelationshipType.HOSTED_ON, IdentifierType.HOSTNAME, record.host());
		}
		draft.observedAt(this.clock.instant());
		records.add(index, draft);
	}

	/** Why a virtual chassis member has no name: NetBox names the chassis instead. */
	static String virtualChassisNote(String position, String chassis) {
		return "; it is member " + position + " of virtual chassis "
				+ (chassis.isEmpty() ? "(not in this data)" : "'" + chassis + "'") + ", which carries the name";
	}

	private static CiClass deviceClass(String role) {
		String name = role.toLowerCase(Locale.ROOT);
		if (name.contains("switch") || name.contains("router") || name.contains("firewall")
				|| name.contains("access point") || name.contains("load balancer") || name.contains("gateway")) {
			return CiClass.NETWORK_DEVICE;
		}
		if (name.contains("pdu") || name.contains("patch") || name.contains("console")) {
			return CiClass.PERIPHERAL;
		}
		if (name.contains("storage") || name.contains("san") || name.contains("nas")) {
			return CiClass.STORAGE;
		}
		if (name.contains("printer")) {
			return CiClass.PRINTER;
		}
		return CiClass.SERVER;
	}

	private static String status(JsonNode status) {
		return (status.isObject() ? status.path("value").asText("") : status.asText("")).toLowerCase(Locale.ROOT);
	}

	private static String ip(JsonNode address) {
		return address.isObject() ? text(address, "address") : "";
	}

	private static String nested(JsonNode node, String field, String child) {
		return text(node.path(field), child);
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isValueNode() && !value.isNull()) ? value.asText().trim() : "";
	}

	/** A whole number; NetBox gives decimal fields (vcpus) as strings such as "2.00". */
	private static Long number(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (value.isNumber()) {
			return value.asLong();
		}
		try {
			return value.isTextual() ? new java.math.BigDecimal(value.asText().trim()).longValue() : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String first(String a, String b) {
		return !a.isEmpty() ? a : b;
	}

	/** A device or VM with its references resolved, whichever shape it came in. */
	private record Record(String name, String serial, String assetTag, String status, String site, String location,
			String rack, String position, String manufacturer, String model, String role, String platform,
			String tenant, String cluster, String clusterType, String host, String ip4, String ip6, Long vcpus,
			Long memory, Long disk, String note) {

	}

	/** The entries of an export by model and primary key, to resolve references. */
	private record Export(Map<String, Map<Long, JsonNode>> byModel) {

		Record device(JsonNode fields) {
			JsonNode type = ref("dcim.devicetype", fields.path("device_type"));
			JsonNode rack = ref("dcim.rack", fields.path("rack"));
			JsonNode site = ref("dcim.site", fields.path("site"));
			if (site.isMissingNode()) {
				site = ref("dcim.site", rack.path("site"));
			}
			return new Record(text(fields, "name"), text(fields, "serial"), text(fields, "asset_tag"),
					status(fields.path("status")), text(site, "name"),
					text(ref("dcim.location", fields.path("location")), "name"), text(rack, "name"),
					text(fields, "position"), text(ref("dcim.manufacturer", type.path("manufacturer")), "name"),
					text(type, "model"),
					text(ref("dcim.devicerole", first(fields.path("role"), fields.path("device_role"))), "name"),
					text(ref("dcim.platform", fields.path("platform")), "name"),
					text(ref("tenancy.tenant", fields.path("tenant")), "name"),
					text(ref("virtualization.cluster", fields.path("cluster")), "name"), "", "", "", "", null, null,
					null,
					fields.path("virtual_chassis").canConvertToLong()
							? virtualChassisNote(fields.path("vc_position").asText(),
									text(ref("dcim.virtualchassis", fields.path("virtual_chassis")), "name"))
							: "");
		}

		Record virtualMachine(JsonNode fields) {
			JsonNode cluster = ref("virtualization.cluster", fields.path("cluster"));
			JsonNode site = ref("dcim.site", fields.path("site"));
			if (site.isMissingNode()) {
				site = ref("dcim.site", cluster.path("site"));
			}
			return new Record(text(fields, "name"), "", "", status(fields.path("status")), text(site, "name"), "", "",
					"", "", "", text(ref("dcim.devicerole", fields.path("role")), "name"),
					text(ref("dcim.platform", fields.path("platform")), "name"),
					text(ref("tenancy.tenant", fields.path("tenant")), "name"), text(cluster, "name"),
					text(ref("virtualization.clustertype", cluster.path("type")), "name"),
					text(ref(DEVICE, fields.path("device")), "name"), "", "", number(fields, "vcpus"),
					number(fields, "memory"), number(fields, "disk"), "");
		}

		private JsonNode ref(String model, JsonNode pk) {
			if (!pk.canConvertToLong()) {
				return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
			}
			JsonNode target = this.byModel.getOrDefault(model, Map.of()).get(pk.asLong());
			return (target != null) ? target : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
		}

		private static JsonNode first(JsonNode a, JsonNode b) {
			return (a.isMissingNode() || a.isNull()) ? b : a;
		}

	}

}
