package io.itsmhub.sources.agent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.Identifiers;
import io.itsmhub.api.model.LifecycleFacts.FactName;
import io.itsmhub.api.model.RelationshipType;
import io.itsmhub.sources.CanonicalDraft;
import io.itsmhub.sources.RecordCollector;

/**
 * Maps one inventory in the GLPI JSON inventory format (also what
 * {@link XmlInventoryConverter} makes of the XML protocol) to canonical items.
 * <ul>
 * <li>A computer or phone inventory ({@code action} inventory) gives one item for the
 * machine (record 0) and one {@code virtual_machine} item per entry of
 * {@code virtualmachines} (records 1..n), each {@code hosted_on} the machine.</li>
 * <li>A network inventory or discovery ({@code netinventory}, {@code netdiscovery}) gives
 * one item for the SNMP device, {@code connected_to} the neighbours its ports saw by
 * LLDP/CDP.</li>
 * </ul>
 * Values are taken as the agent sent them; placeholder serials are left to the
 * reconciliation module's blocklist, which knows them all.
 */
public final class GlpiInventoryMapper {

	private static final Pattern MAC = Pattern.compile("^([0-9a-f]{2}:){5}[0-9a-f]{2}$");

	private static final Pattern CONTAINER_ID = Pattern.compile("^[0-9a-f]+$");

	private static final Pattern HOSTNAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$");

	/**
	 * Interface names of software devices: loopbacks, bridges, tunnels, container and
	 * hypervisor plumbing, Apple's peer-to-peer links. Their MACs are random or shared,
	 * so they would join unrelated machines.
	 */
	private static final Pattern VIRTUAL_INTERFACE = Pattern
		.compile("^(lo\\d*|virbr.*|docker.*|veth.*|br-.*|bridge\\d*|tun.*|tap.*|utun.*|vmnet.*|vboxnet.*|awdl.*|llw.*"
				+ "|p2p.*|gif.*|stf.*|ifb.*|dummy.*|vnet.*|xhc.*|anpi.*|ap\\d+|zt.*|wg.*|cni.*|flannel.*|cali.*"
				+ "|kube.*|fw\\d+|bond.*\\..*|ipsec.*|isatap.*|teredo.*)$", Pattern.CASE_INSENSITIVE);

	private static final Pattern VIRTUAL_DESCRIPTION = Pattern.compile(
			"virtual|virtuel|tap-windows|bluetooth|hyper-v|vpn|loopback|pseudo|miniport|teredo|isatap|tunnel",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern HYPERVISOR_MODEL = Pattern
		.compile("vmware|virtualbox|kvm|qemu|virtual machine|hvm domu|xen|bochs|parallels|openstack|google compute|"
				+ "amazon ec2|droplet", Pattern.CASE_INSENSITIVE);

	/** BIOS asset tags that Android builds report, which tag no asset. */
	private static final Set<String> ANDROID_BUILD_TAGS = Set.of("release-keys", "test-keys", "dev-keys");

	private static final Map<String, CiClass> CHASSIS = chassis();

	private static final DateTimeFormatter LOGDATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final Clock clock;

	private final boolean softwareList;

	/**
	 * A mapper.
	 * @param clock the time of records whose inventory does not say when it was taken
	 * @param softwareList whether to keep the installed software as a list attribute
	 * ({@code software}), not only its count ({@code software_count})
	 */
	public GlpiInventoryMapper(Clock clock, boolean softwareList) {
		this.clock = clock;
		this.softwareList = softwareList;
	}

	public GlpiInventoryMapper(Clock clock) {
		this(clock, true);
	}

	/**
	 * Maps an inventory.
	 * @param inventory the whole message: {@code deviceid}, {@code action},
	 * {@code itemtype}, {@code content}
	 * @param source the source name
	 */
	public ParsedRecords map(JsonNode inventory, String source) {
		RecordCollector records = new RecordCollector(source, this.clock);
		JsonNode content = inventory.path("content");
		if (!content.isObject()) {
			records.reject(0, text(inventory, "deviceid"), "content",
					"is required: the inventory object of the GLPI inventory format");
			return records.result();
		}
		String action = text(inventory, "action");
		if (content.has("network_device") || "netinventory".equals(action) || "netdiscovery".equals(action)) {
			networkDevice(inventory, content, records);
		}
		else {
			computer(inventory, content, records);
		}
		return records.result();
	}

	private void computer(JsonNode inventory, JsonNode content, RecordCollector records) {
		JsonNode hardware = content.path("hardware");
		JsonNode bios = content.path("bios");
		JsonNode os = content.path("operatingsystem");
		String deviceId = text(inventory, "deviceid");
		CanonicalDraft host = new CanonicalDraft().sourceKey(deviceId);
		boolean mobile = isMobile(inventory, os, hardware);
		host.ciClass(computerClass(content, mobile));
		String name = text(hardware, "name");
		host.name(name);

		host.identifier(IdentifierType.SERIAL_NUMBER, text(bios, "ssn"));
		String assetTag = text(bios, "assettag");
		if (!ANDROID_BUILD_TAGS.contains(assetTag.toLowerCase(Locale.ROOT))) {
			host.identifier(IdentifierType.ASSET_TAG, assetTag);
		}
		host.identifier(IdentifierType.UUID, text(hardware, "uuid"));
		boolean darwin = isDarwin(os, hardware);
		for (JsonNode network : XmlInventoryConverter.elements(content.path("networks"))) {
			String mac = hardwareMac(network, darwin);
			if (mac != null) {
				host.identifier(IdentifierType.MAC_ADDRESS, mac);
			}
		}
		String hostname = hostname(name, text(os, "fqdn"));
		host.identifier(IdentifierType.HOSTNAME, hostname);
		host.identifier(IdentifierType.FQDN,
				fqdn(hostname, text(os, "fqdn"), text(os, "dns_domain"), text(hardware, "workgroup")));

		host.attribute("manufacturer", first(text(bios, "smanufacturer"), text(bios, "mmanufacturer")));
		host.attribute("model", first(text(bios, "smodel"), text(bios, "mmodel")));
		host.attribute("chassis_type", text(hardware, "chassis_type"));
		String vmSystem = text(hardware, "vmsystem");
		if (!vmSystem.equalsIgnoreCase("physical")) {
			host.attribute("virtualization", vmSystem);
		}
		host.attribute("os", first(text(os, "name"), text(hardware, "osname")));
		host.attribute("os_version", first(text(os, "version"), text(hardware, "osversion")));
		host.attribute("os_full_name", text(os, "full_name"));
		host.attribute("os_arch", text(os, "arch"));
		host.attribute("kernel", (text(os, "kernel_name") + " " + text(os, "kernel_version")).trim());
		host.attribute("bios_version", text(bios, "bversion"));
		cpus(content, host);
		Long memory = number(hardware, "memory");
		if (memory == null) {
			long sum = 0;
			for (JsonNode module : XmlInventoryConverter.elements(content.path("memories"))) {
				Long capacity = number(module, "capacity");
				sum += (capacity != null) ? capacity : 0;
			}
			memory = (sum > 0) ? sum : null;
		}
		host.attribute("memory_mb", memory);
		disks(content, host);
		host.attribute("ip_addresses", ipAddresses(content));
		software(content, host);
		host.observedAt(observedAt(content));
		// a partial inventory (GLPI agents send only the sections that changed) without
		// the hardware and BIOS sections names no identifier and no class of its
		// machine: it updates the item the agent's full inventory created, by deviceid
		boolean partial = inventory.path("partial").asBoolean(false) && !content.has("hardware")
				&& !content.has("bios");
		if (partial && isBlank(deviceId)) {
			records.reject(0, null, "deviceid",
					"is required: a partial inventory without hardware and bios sections is matched to its machine "
							+ "by the agent's deviceid alone");
		}
		else if (partial) {
			records.addUpdate(0, host);
		}
		else {
			records.add(0, host);
		}

		int index = 1;
		for (JsonNode vm : XmlInventoryConverter.elements(content.path("virtualmachines"))) {
			records.add(index++, virtualMachine(vm, deviceId, host, content));
		}
	}

	private CanonicalDraft virtualMachine(JsonNode vm, String hostKey, CanonicalDraft host, JsonNode content) {
		String uuid = text(vm, "uuid");
		String name = text(vm, "name");
		// the VM's own key in this source: stable across inventories of its host
		String key = isBlank(hostKey) ? null : hostKey + "/vm/" + (uuid.isEmpty() ? name : uuid);
		CanonicalDraft draft = new CanonicalDraft().sourceKey((uuid.isEmpty() && name.isEmpty()) ? null : key)
			.ciClass(CiClass.VIRTUAL_MACHINE)
			.name(name);
		// agents report a container's id where a VM's UUID goes: 12 or 64 hex digits,
		// which
		// no UUID has
		draft.identifier(isContainerId(uuid) ? IdentifierType.CONTAINER_ID : IdentifierType.UUID, uuid);
		draft.identifier(IdentifierType.SERIAL_NUMBER, text(vm, "serial"));
		// several NICs come as one value separated by slashes
		for (String mac : text(vm, "mac").split("[/,; ]+")) {
			String normalized = normalizeMac(mac);
			if (normalized != null) {
				draft.identifier(IdentifierType.MAC_ADDRESS, normalized);
			}
		}
		draft.attribute("vm_type", text(vm, "vmtype"));
		draft.attribute("hypervisor_subsystem", text(vm, "subsystem"));
		draft.attribute("status", text(vm, "status"));
		draft.attribute("vcpu", number(vm, "vcpu"));
		draft.attribute("memory_mb", number(vm, "memory"));
		draft.attribute("os", text(vm, "operatingsystem"));
		draft.attribute("image", text(vm, "image"));
		draft.attribute("comment", text(vm, "comment"));
		draft.attribute("ip_addresses", splitList(text(vm, "ipaddress")));
		Identifiers hostIds = hostTarget(host);
		if (!hostIds.isEmpty()) {
			draft.relationship(RelationshipType.HOSTED_ON, hostIds);
		}
		draft.observedAt(observedAt(content));
		return draft;
	}

	/**
	 * Whether a VM's id is a container's: 12 (short) or 64 hexadecimal digits, possibly
	 * after {@code sha256:}. A UUID has 32 digits, with or without dashes and braces.
	 */
	static boolean isContainerId(String id) {
		String hex = id.toLowerCase(Locale.ROOT);
		if (hex.startsWith("sha256:")) {
			hex = hex.substring("sha256:".length());
		}
		return (hex.length() == 12 || hex.length() == 64) && CONTAINER_ID.matcher(hex).matches();
	}

	/** The host's strongest identifiers, for the hub to resolve the relationship by. */
	private static Identifiers hostTarget(CanonicalDraft host) {
		Map<IdentifierType, List<String>> ids = new EnumMap<>(IdentifierType.class);
		for (IdentifierType type : List.of(IdentifierType.SERIAL_NUMBER, IdentifierType.UUID,
				IdentifierType.HOSTNAME)) {
			List<String> values = host.identifier(type);
			if (!values.isEmpty()) {
				ids.put(type, values);
			}
		}
		if (ids.isEmpty() && !host.identifier(IdentifierType.MAC_ADDRESS).isEmpty()) {
			ids.put(IdentifierType.MAC_ADDRESS, host.identifier(IdentifierType.MAC_ADDRESS));
		}
		return Identifiers.of(ids);
	}

	private void networkDevice(JsonNode inventory, JsonNode content, RecordCollector records) {
		JsonNode device = content.path("network_device");
		String serial = text(device, "serial");
		String mac = normalizeMac(text(device, "mac"));
		List<String> ips = new ArrayList<>();
		for (JsonNode ip : XmlInventoryConverter.elements(device.path("ips"))) {
			if (ip.isValueNode() && !ip.asText().isBlank()) {
				ips.add(ip.asText().trim());
			}
		}
		// the agent's deviceid names the agent, not the device, in SNMP tasks: key the
		// device by what identifies it
		String key = !serial.isEmpty() ? "serial:" + serial
				: (mac != null) ? "mac:" + mac : !ips.isEmpty() ? "ip:" + ips.get(0) : text(inventory, "deviceid");
		CanonicalDraft draft = new CanonicalDraft().sourceKey(key)
			.ciClass(snmpClass(first(text(device, "type"), text(inventory, "itemtype"))));
		String name = text(device, "name");
		draft.name(name);
		draft.identifier(IdentifierType.SERIAL_NUMBER, serial);
		draft.identifier(IdentifierType.ASSET_TAG, text(device, "assettag"));
		if (mac != null) {
			draft.identifier(IdentifierType.MAC_ADDRESS, mac);
		}
		if (HOSTNAME.matcher(name).matches()) {
			draft.identifier(IdentifierType.HOSTNAME, name);
		}
		draft.attribute("manufacturer", text(device, "manufacturer"));
		draft.attribute("model", text(device, "model"));
		draft.attribute("firmware", first(text(device, "firmware"), firmware(content)));
		draft.attribute("description", first(text(device, "description"), text(device, "comments")));
		draft.attribute("snmp_contact", text(device, "contact"));
		draft.attribute("uptime", text(device, "uptime"));
		draft.attribute("cpu_load_percent", number(device, "cpu"));
		draft.attribute("memory_mb", first(number(device, "ram"), number(device, "memory")));
		draft.attribute("ip_addresses", ips);
		draft.fact(FactName.LOCATION, text(device, "location"));
		int ports = 0;
		Set<String> neighbours = new LinkedHashSet<>();
		for (JsonNode port : XmlInventoryConverter.elements(content.path("network_ports"))) {
			ports++;
			neighbours(port, neighbours, draft);
		}
		if (ports > 0) {
			draft.attribute("port_count", (long) ports);
		}
		draft.observedAt(this.clock.instant());
		records.add(0, draft);
	}

	/**
	 * Adds a {@code connected_to} relationship per neighbour a port names: by LLDP/CDP
	 * (its system MAC, else its name), or, on a port that learned a single MAC address,
	 * by that MAC (a lone MAC behind an access port is the device plugged into it).
	 */
	private static void neighbours(JsonNode port, Set<String> seen, CanonicalDraft draft) {
		List<JsonNode> connections = new ArrayList<>();
		XmlInventoryConverter.elements(port.path("connections")).forEach(connections::add);
		boolean discovered = port.path("lldp").asBoolean(false) || port.path("cdp").asBoolean(false)
				|| connections.stream().anyMatch((c) -> c.has("sysmac") || c.has("sysname"));
		if (!discovered && connections.size() != 1) {
			return;
		}
		for (JsonNode connection : connections) {
			String mac = normalizeMac(first(text(connection, "sysmac"), text(connection, "mac")));
			String sysName = text(connection, "sysname");
			if (mac != null && seen.add("mac:" + mac)) {
				draft.relationship(RelationshipType.CONNECTED_TO, IdentifierType.MAC_ADDRESS, mac);
			}
			else if (mac == null && HOSTNAME.matcher(sysName).matches() && seen.add("host:" + sysName)) {
				draft.relationship(RelationshipType.CONNECTED_TO, IdentifierType.HOSTNAME, sysName);
			}
		}
	}

	private static String firmware(JsonNode content) {
		for (JsonNode firmware : XmlInventoryConverter.elements(content.path("firmwares"))) {
			String version = text(firmware, "version");
			if (!version.isEmpty()) {
				return version;
			}
		}
		return "";
	}

	private static CiClass snmpClass(String type) {
		return switch (type.toLowerCase(Locale.ROOT)) {
			case "printer" -> CiClass.PRINTER;
			case "storage" -> CiClass.STORAGE;
			case "computer" -> CiClass.SERVER;
			case "phone" -> CiClass.MOBILE_DEVICE;
			default -> CiClass.NETWORK_DEVICE;
		};
	}

	private static CiClass computerClass(JsonNode content, boolean mobile) {
		JsonNode hardware = content.path("hardware");
		JsonNode bios = content.path("bios");
		JsonNode os = content.path("operatingsystem");
		if (mobile) {
			return CiClass.MOBILE_DEVICE;
		}
		String vmSystem = text(hardware, "vmsystem");
		String model = text(bios, "smodel") + " " + text(bios, "smanufacturer");
		if ((!vmSystem.isEmpty() && !vmSystem.equalsIgnoreCase("physical")) || HYPERVISOR_MODEL.matcher(model).find()) {
			return CiClass.VIRTUAL_MACHINE;
		}
		CiClass byChassis = CHASSIS.get(text(hardware, "chassis_type").toLowerCase(Locale.ROOT));
		if (byChassis != null) {
			return byChassis;
		}
		String osName = (text(os, "name") + " " + text(os, "full_name") + " " + text(hardware, "osname"))
			.toLowerCase(Locale.ROOT);
		if (osName.contains("server")) {
			return CiClass.SERVER;
		}
		String smodel = text(bios, "smodel").toLowerCase(Locale.ROOT);
		// Apple names the form factor in the model, where other BIOSes give a chassis
		if (smodel.startsWith("imac") || smodel.startsWith("macmini") || smodel.startsWith("macpro")) {
			return CiClass.DESKTOP;
		}
		if (smodel.contains("book") || XmlInventoryConverter.elements(content.path("batteries")).iterator().hasNext()) {
			return CiClass.LAPTOP;
		}
		if (osName.contains("windows") || isDarwin(os, hardware)) {
			return CiClass.DESKTOP;
		}
		// a Linux or Unix machine that reports no chassis is most often a server
		return CiClass.SERVER;
	}

	private static boolean isMobile(JsonNode inventory, JsonNode os, JsonNode hardware) {
		String itemtype = text(inventory, "itemtype").toLowerCase(Locale.ROOT);
		String osName = (text(os, "name") + " " + text(hardware, "osname")).toLowerCase(Locale.ROOT);
		return itemtype.equals("phone") || osName.contains("android") || osName.contains("ios")
				|| osName.contains("ipados");
	}

	private static boolean isDarwin(JsonNode os, JsonNode hardware) {
		String name = (text(os, "kernel_name") + " " + text(os, "name") + " " + text(hardware, "osname"))
			.toLowerCase(Locale.ROOT);
		return name.contains("darwin") || name.contains("mac os") || name.contains("macos");
	}

	/**
	 * The MAC of a network entry when it belongs to real hardware, else {@code null}.
	 * macOS agents flag every interface as virtual, so there the name decides alone.
	 */
	static String hardwareMac(JsonNode network, boolean darwin) {
		String mac = normalizeMac(first(text(network, "mac"), text(network, "macaddr")));
		if (mac == null) {
			return null;
		}
		String type = text(network, "type").toLowerCase(Locale.ROOT);
		if (type.equals("loopback") || type.equals("bridge") || type.equals("aggregate") || type.equals("alias")) {
			return null;
		}
		String description = text(network, "description");
		if (VIRTUAL_INTERFACE.matcher(description).matches() || VIRTUAL_DESCRIPTION.matcher(description).find()) {
			return null;
		}
		String virtual = text(network, "virtualdev").toLowerCase(Locale.ROOT);
		if (!darwin && (virtual.equals("1") || virtual.equals("true"))) {
			return null;
		}
		return mac;
	}

	/**
	 * A MAC address in lower-case colon form, or {@code null} when it is not one a NIC
	 * could have: all zeros, broadcast, or a group (multicast) address.
	 */
	static String normalizeMac(String value) {
		if (value == null) {
			return null;
		}
		String mac = value.trim().toLowerCase(Locale.ROOT).replace('-', ':');
		if (!MAC.matcher(mac).matches() || mac.equals("00:00:00:00:00:00") || mac.equals("ff:ff:ff:ff:ff:ff")) {
			return null;
		}
		int firstOctet = Integer.parseInt(mac.substring(0, 2), 16);
		return ((firstOctet & 1) == 1) ? null : mac;
	}

	private static String hostname(String name, String fqdn) {
		if (!fqdn.isEmpty()) {
			String label = fqdn.split("\\.", 2)[0];
			if (HOSTNAME.matcher(label).matches()) {
				return label;
			}
		}
		return HOSTNAME.matcher(name).matches() ? name : null;
	}

	private static String fqdn(String hostname, String fqdn, String dnsDomain, String workgroup) {
		if (fqdn.contains(".") && !fqdn.endsWith(".")) {
			return fqdn;
		}
		if (hostname == null) {
			return null;
		}
		// a NetBIOS workgroup (no dot) is no DNS domain; ".local" is mDNS, not DNS
		for (String domain : List.of(dnsDomain, workgroup)) {
			if (domain.contains(".")) {
				return hostname + "." + domain;
			}
		}
		return null;
	}

	private static void cpus(JsonNode content, CanonicalDraft host) {
		long count = 0;
		long cores = 0;
		long threads = 0;
		String model = "";
		for (JsonNode cpu : XmlInventoryConverter.elements(content.path("cpus"))) {
			count++;
			Long core = first(number(cpu, "core"), number(cpu, "corecount"));
			cores += (core != null) ? core : 0;
			Long thread = number(cpu, "thread");
			threads += (thread != null) ? thread : 0;
			if (model.isEmpty()) {
				model = first(text(cpu, "name"), text(cpu, "type"));
			}
		}
		if (count > 0) {
			host.attribute("cpu_count", count);
			host.attribute("cpu_model", model);
		}
		if (cores > 0) {
			host.attribute("cpu_cores", cores);
		}
		if (threads > 0) {
			host.attribute("cpu_threads", threads);
		}
	}

	private static void disks(JsonNode content, CanonicalDraft host) {
		List<Map<String, Object>> disks = new ArrayList<>();
		long total = 0;
		for (JsonNode storage : XmlInventoryConverter.elements(content.path("storages"))) {
			Map<String, Object> disk = new LinkedHashMap<>();
			putIfPresent(disk, "name", text(storage, "name"));
			putIfPresent(disk, "model", text(storage, "model"));
			putIfPresent(disk, "manufacturer", text(storage, "manufacturer"));
			putIfPresent(disk, "type", text(storage, "type"));
			putIfPresent(disk, "interface", text(storage, "interface"));
			putIfPresent(disk, "serial", first(text(storage, "serial"), text(storage, "serialnumber")));
			Long size = number(storage, "disksize");
			if (size != null) {
				disk.put("size_mb", size);
				total += size;
			}
			if (!disk.isEmpty()) {
				disks.add(disk);
			}
		}
		host.attribute("disks", disks);
		if (total > 0) {
			host.attribute("disk_total_mb", total);
		}
		List<Map<String, Object>> volumes = new ArrayList<>();
		for (JsonNode drive : XmlInventoryConverter.elements(content.path("drives"))) {
			Map<String, Object> volume = new LinkedHashMap<>();
			putIfPresent(volume, "volume", first(text(drive, "letter"), text(drive, "volumn")));
			putIfPresent(volume, "mount", text(drive, "type"));
			putIfPresent(volume, "filesystem", text(drive, "filesystem"));
			Long size = number(drive, "total");
			if (size != null) {
				volume.put("total_mb", size);
			}
			Long free = number(drive, "free");
			if (free != null) {
				volume.put("free_mb", free);
			}
			if (!volume.isEmpty()) {
				volumes.add(volume);
			}
		}
		host.attribute("filesystems", volumes);
	}

	private void software(JsonNode content, CanonicalDraft host) {
		JsonNode softwares = content.path("softwares");
		if (softwares.isMissingNode()) {
			return;
		}
		List<Map<String, Object>> list = new ArrayList<>();
		for (JsonNode software : XmlInventoryConverter.elements(softwares)) {
			Map<String, Object> entry = new LinkedHashMap<>();
			putIfPresent(entry, "name", text(software, "name"));
			putIfPresent(entry, "version", text(software, "version"));
			putIfPresent(entry, "publisher", text(software, "publisher"));
			if (entry.containsKey("name")) {
				list.add(entry);
			}
		}
		host.attribute("software_count", (long) list.size());
		if (this.softwareList) {
			host.attribute("software", list);
		}
	}

	private static List<String> ipAddresses(JsonNode content) {
		Set<String> ips = new LinkedHashSet<>();
		for (JsonNode network : XmlInventoryConverter.elements(content.path("networks"))) {
			for (String field : List.of("ipaddress", "ipaddress6")) {
				for (JsonNode value : XmlInventoryConverter.elements(network.path(field))) {
					String ip = value.isValueNode() ? value.asText().trim() : "";
					String lower = ip.toLowerCase(Locale.ROOT);
					if (!ip.isEmpty() && !ip.startsWith("127.") && !lower.equals("::1") && !lower.startsWith("fe80:")) {
						ips.add(ip);
					}
				}
			}
		}
		return new ArrayList<>(ips);
	}

	/**
	 * When the agent took the inventory: its log date in the machine's time zone. Without
	 * a time zone the local time cannot be placed, so the time of receipt is used.
	 */
	private Instant observedAt(JsonNode content) {
		String logDate = text(content.path("accesslog"), "logdate");
		String offset = text(content.path("operatingsystem").path("timezone"), "offset");
		if (!logDate.isEmpty() && !offset.isEmpty()) {
			try {
				return LocalDateTime.parse(logDate, LOGDATE).toInstant(ZoneOffset.of(offset));
			}
			catch (java.time.DateTimeException ex) {
				// agents on phones report impossible dates (minute 56 as month): use
				// receipt
			}
		}
		return this.clock.instant();
	}

	private static List<String> splitList(String value) {
		List<String> list = new ArrayList<>();
		for (String part : value.split("[/,; ]+")) {
			if (!part.isBlank()) {
				list.add(part.trim());
			}
		}
		return list;
	}

	private static Map<String, CiClass> chassis() {
		Map<String, CiClass> map = new LinkedHashMap<>();
		for (String type : List.of("portable", "laptop", "notebook", "sub notebook", "convertible", "detachable")) {
			map.put(type, CiClass.LAPTOP);
		}
		for (String type : List.of("desktop", "low profile desktop", "pizza box", "mini tower", "tower", "all in one",
				"space-saving", "lunch box", "sealed-case pc", "mini pc", "stick pc", "embedded pc")) {
			map.put(type, CiClass.DESKTOP);
		}
		for (String type : List.of("main server chassis", "rack mount chassis", "multi-system chassis", "blade",
				"blade enclosure", "expansion chassis", "subchassis", "compact pci", "advanced tca")) {
			map.put(type, CiClass.SERVER);
		}
		map.put("raid chassis", CiClass.STORAGE);
		map.put("tablet", CiClass.MOBILE_DEVICE);
		map.put("hand held", CiClass.MOBILE_DEVICE);
		return Map.copyOf(map);
	}

	private static void putIfPresent(Map<String, Object> map, String key, String value) {
		if (!value.isEmpty()) {
			map.put(key, value);
		}
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isValueNode() && !value.isNull()) ? value.asText().trim() : "";
	}

	private static Long number(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (value.isNumber()) {
			return value.asLong();
		}
		if (value.isTextual()) {
			try {
				return (long) Double.parseDouble(value.asText().trim());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	private static String first(String a, String b) {
		return !a.isEmpty() ? a : b;
	}

	private static Long first(Long a, Long b) {
		return (a != null) ? a : b;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
