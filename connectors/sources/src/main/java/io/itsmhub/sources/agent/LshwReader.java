package io.itsmhub.sources.agent;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.sources.CanonicalDraft;
import io.itsmhub.sources.RecordCollector;

/**
 * Reads the JSON output of {@code lshw -json} (one machine's hardware tree) into one
 * canonical item. lshw names the machine by its host name (the root node's {@code id});
 * the system serial and UUID, when lshw could read them (as root), are identifiers, and
 * so are the MACs of physical Ethernet interfaces. The key in the source is the UUID,
 * else the serial, else the host name.
 */
public final class LshwReader {

	private final Clock clock;

	public LshwReader(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Reads one lshw document.
	 * @param body the JSON output, an object (or an array holding one, as newer lshw
	 * versions print)
	 * @param source the source name
	 */
	public ParsedRecords read(byte[] body, String source) {
		RecordCollector records = new RecordCollector(source, this.clock);
		JsonNode root;
		try {
			root = AgentInventoryReader.JSON.readTree(body);
		}
		catch (IOException ex) {
			records.reject(0, null, "(body)", "malformed JSON: " + ex.getMessage().lines().findFirst().orElse(""));
			return records.result();
		}
		if (root != null && root.isArray() && root.size() == 1) {
			root = root.get(0);
		}
		if (root == null || !root.isObject() || !"system".equals(text(root, "class"))) {
			records.reject(0, null, "(body)", "not lshw output: expected a node of class 'system' at the root");
			return records.result();
		}
		JsonNode configuration = root.path("configuration");
		String hostname = text(root, "id");
		String serial = text(root, "serial");
		String uuid = text(configuration, "uuid");
		CanonicalDraft draft = new CanonicalDraft()
			.sourceKey(!uuid.isEmpty() ? uuid : !serial.isEmpty() ? serial : hostname)
			.name(hostname);
		draft.identifier(IdentifierType.HOSTNAME, hostname);
		draft.identifier(IdentifierType.SERIAL_NUMBER, serial);
		draft.identifier(IdentifierType.UUID, uuid);
		draft.attribute("manufacturer", text(root, "vendor"));
		draft.attribute("model", text(root, "product"));
		draft.attribute("chassis_type", text(configuration, "chassis"));
		Walk walk = new Walk();
		walk.visit(root);
		walk.macs.forEach((mac) -> draft.identifier(IdentifierType.MAC_ADDRESS, mac));
		draft.attribute("ip_addresses", new ArrayList<>(walk.ips));
		if (walk.cpus > 0) {
			draft.attribute("cpu_count", (long) walk.cpus);
			draft.attribute("cpu_model", walk.cpuModel);
		}
		if (walk.memoryBytes > 0) {
			draft.attribute("memory_mb", walk.memoryBytes / (1024 * 1024));
		}
		draft.attribute("disks", walk.disks);
		draft.ciClass(ciClass(text(configuration, "chassis"), text(root, "product"), walk.virtio));
		draft.observedAt(this.clock.instant());
		records.add(0, draft);
		return records.result();
	}

	private static CiClass ciClass(String chassis, String product, boolean virtio) {
		String model = product.toLowerCase(Locale.ROOT);
		// virtio devices exist only on a hypervisor's guests
		if (virtio || model.contains("virtual") || model.contains("kvm") || model.contains("vmware")) {
			return CiClass.VIRTUAL_MACHINE;
		}
		return switch (chassis.toLowerCase(Locale.ROOT)) {
			case "notebook", "laptop", "portable", "convertible" -> CiClass.LAPTOP;
			case "desktop", "tower", "mini-tower", "all-in-one", "low-profile" -> CiClass.DESKTOP;
			default -> CiClass.SERVER;
		};
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isValueNode() && !value.isNull()) ? value.asText().trim() : "";
	}

	/** What a walk of the hardware tree collects. */
	private static final class Walk {

		final Set<String> macs = new LinkedHashSet<>();

		final Set<String> ips = new LinkedHashSet<>();

		final List<java.util.Map<String, Object>> disks = new ArrayList<>();

		int cpus;

		String cpuModel = "";

		long memoryBytes;

		boolean virtio;

		void visit(JsonNode node) {
			String nodeClass = text(node, "class");
			if (text(node, "businfo").startsWith("virtio@")) {
				this.virtio = true;
			}
			switch (nodeClass) {
				case "network" -> {
					boolean physical = node.path("capabilities").has("physical")
							|| node.path("capabilities").has("ethernet");
					String mac = GlpiInventoryMapper.normalizeMac(text(node, "serial"));
					if (physical && mac != null) {
						this.macs.add(mac);
					}
					String ip = text(node.path("configuration"), "ip");
					if (!ip.isEmpty()) {
						this.ips.add(ip);
					}
				}
				case "processor" -> {
					if (!node.path("disabled").asBoolean(false)) {
						this.cpus++;
						if (this.cpuModel.isEmpty()) {
							this.cpuModel = text(node, "product");
						}
					}
				}
				case "memory" -> {
					if ("memory".equals(text(node, "id")) && node.path("size").canConvertToLong()) {
						this.memoryBytes += node.path("size").asLong();
					}
				}
				case "disk" -> {
					java.util.Map<String, Object> disk = new java.util.LinkedHashMap<>();
					JsonNode logical = node.path("logicalname");
					String name = logical.isArray() ? logical.path(0).asText() : logical.asText("");
					if (!name.isEmpty()) {
						disk.put("name", name);
					}
					if (!text(node, "product").isEmpty()) {
						disk.put("model", text(node, "product"));
					}
					if (!text(node, "serial").isEmpty()) {
						disk.put("serial", text(node, "serial"));
					}
					if (node.path("size").canConvertToLong()) {
						disk.put("size_mb", node.path("size").asLong() / (1000 * 1000));
					}
					if (!disk.isEmpty()) {
						this.disks.add(disk);
					}
				}
				default -> {
				}
			}
			for (JsonNode child : node.path("children")) {
				visit(child);
			}
		}

	}

}
