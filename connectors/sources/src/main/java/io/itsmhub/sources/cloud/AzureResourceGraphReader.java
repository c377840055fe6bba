package io.itsmhub.sources.cloud;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.json.CanonicalValues;
import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.RelationshipType;
import io.itsmhub.sources.CanonicalDraft;
import io.itsmhub.sources.RecordCollector;

/**
 * Reads Azure Resource Graph query results into canonical items, one per row. Accepted
 * bodies: the response of {@code POST /providers/Microsoft.ResourceGraph/resources} (rows
 * in {@code data}, as objects or in the older table form with {@code columns} and
 * {@code rows}), the same wrapped as Azure's REST examples and SDK recordings have it
 * ({@code responses.200.body}, {@code ResponseBody}), or a bare JSON array of rows.
 * <p>
 * The resource id is the {@code cloud_resource_id} and the key in the source. Virtual
 * machines are {@code virtual_machine}s (with the OS computer name as hostname), SQL,
 * PostgreSQL, MySQL and Cosmos DB resources are {@code database}s, everything else a
 * {@code cloud_resource}. A network interface names its VM ({@code connected_to}) and a
 * VM its network interfaces and disks; the type is derived from the id when the query did
 * not project it.
 */
public final class AzureResourceGraphReader {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Clock clock;

	public AzureResourceGraphReader(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Reads query results.
	 * @param body the JSON body
	 * @param source the source name, such as {@code azure}
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
		JsonNode rows = rows(root);
		if (rows == null) {
			records.reject(0, null, "(body)",
					"not a Resource Graph result: expected 'data' with the rows, or a JSON array of rows");
			return records.result();
		}
		int index = 0;
		for (JsonNode row : rows) {
			row(index++, row, records);
		}
		return records.result();
	}

	private static JsonNode rows(JsonNode root) {
		if (root == null) {
			return null;
		}
		if (root.isArray()) {
			return root;
		}
		if (root.has("responses")) {
			return rows(root.path("responses").path("200").path("body"));
		}
		if (root.has("ResponseBody")) {
			return rows(root.path("ResponseBody"));
		}
		JsonNode data = root.path("data");
		if (data.isArray()) {
			return data;
		}
		if (data.isObject() && data.path("columns").isArray() && data.path("rows").isArray()) {
			return table(data);
		}
		return null;
	}

	/** The table result form (API versions before 2021) as row objects. */
	private static ArrayNode table(JsonNode data) {
		List<String> columns = new ArrayList<>();
		data.path("columns").forEach((column) -> columns.add(column.path("name").asText()));
		ArrayNode rows = JSON.createArrayNode();
		for (JsonNode values : data.path("rows")) {
			ObjectNode row = rows.addObject();
			for (int i = 0; i < columns.size() && i < values.size(); i++) {
				row.set(columns.get(i), values.get(i));
			}
		}
		return rows;
	}

	private void row(int index, JsonNode row, RecordCollector records) {
		if (!row.isObject()) {
			records.reject(index, null, "(row)", "expected a JSON object");
			return;
		}
		String id = text(row, "id");
		if (id.isEmpty()) {
			records.reject(index, null, "id", "is required: project the resource id in the query");
			return;
		}
		String type = first(text(row, "type"), typeFromId(id)).toLowerCase(Locale.ROOT);
		JsonNode properties = row.path("properties");
		CanonicalDraft draft = new CanonicalDraft().sourceKey(id).ciClass(ciClass(type));
		draft.name(first(text(row, "name"), id.substring(id.lastIndexOf('/') + 1)));
		draft.identifier(IdentifierType.CLOUD_RESOURCE_ID, id);
		draft.attribute("resource_type", type);
		draft.attribute("region", text(row, "location"));
		draft.attribute("subscription_id", first(text(row, "subscriptionId"), segment(id, "subscriptions")));
		draft.attribute("resource_group", first(text(row, "resourceGroup"), segment(id, "resourceGroups")));
		draft.attribute("kind", text(row, "kind"));
		draft.attribute("sku", text(row.path("sku"), "name"));
		draft.attribute("provisioning_state", text(properties, "provisioningState"));
		JsonNode tags = row.path("tags");
		if (tags.isObject() && !tags.isEmpty()) {
			draft.attribute("tags", CanonicalValues.fromJson(tags));
		}
		switch (type) {
			case "microsoft.compute/virtualmachines" -> virtualMachine(properties, draft);
			case "microsoft.network/networkinterfaces" -> networkInterface(properties, draft);
			case "microsoft.storage/storageaccounts" -> {
				draft.attribute("access_tier", text(properties, "accessTier"));
				draft.attribute("primary_location", text(properties, "primaryLocation"));
			}
			case "microsoft.network/publicipaddresses" -> {
				draft.attribute("ip_addresses", nonEmpty(text(properties, "ipAddress")));
			}
			default -> {
			}
		}
		draft.observedAt(this.clock.instant());
		records.add(index, draft);
	}

	private static void virtualMachine(JsonNode properties, CanonicalDraft draft) {
		String computerName = text(properties.path("osProfile"), "computerName");
		draft.identifier(IdentifierType.HOSTNAME, computerName);
		draft.attribute("vm_size", text(properties.path("hardwareProfile"), "vmSize"));
		draft.attribute("vm_id", text(properties, "vmId"));
		JsonNode storage = properties.path("storageProfile");
		draft.attribute("os_type", text(storage.path("osDisk"), "osType"));
		JsonNode image = storage.path("imageReference");
		draft.attribute("image",
				String.join(":", nonEmpty(text(image, "publisher"), text(image, "offer"), text(image, "sku"))));
		draft.attribute("power_state",
				text(properties.path("extended").path("instanceView").path("powerState"), "code"));
		for (JsonNode nic : properties.path("networkProfile").path("networkInterfaces")) {
			draft.relationship(RelationshipType.CONNECTED_TO, IdentifierType.CLOUD_RESOURCE_ID, text(nic, "id"));
		}
		String osDisk = text(storage.path("osDisk").path("managedDisk"), "id");
		draft.relationship(RelationshipType.DEPENDS_ON, IdentifierType.CLOUD_RESOURCE_ID, osDisk);
		for (JsonNode disk : storage.path("dataDisks")) {
			draft.relationship(RelationshipType.DEPENDS_ON, IdentifierType.CLOUD_RESOURCE_ID,
					text(disk.path("managedDisk"), "id"));
		}
	}

	private static void networkInterface(JsonNode properties, CanonicalDraft draft) {
		// an attribute, not an identifier: the VM behind the interface is the machine
		draft.attribute("mac_address", text(properties, "macAddress"));
		Set<String> ips = new LinkedHashSet<>();
		for (JsonNode configuration : properties.path("ipConfigurations")) {
			String ip = text(configuration.path("properties"), "privateIPAddress");
			if (!ip.isEmpty()) {
				ips.add(ip);
			}
		}
		draft.attribute("ip_addresses", new ArrayList<>(ips));
		draft.relationship(RelationshipType.CONNECTED_TO, IdentifierType.CLOUD_RESOURCE_ID,
				text(properties.path("virtualMachine"), "id"));
	}

	private static CiClass ciClass(String type) {
		if (type.equals("microsoft.compute/virtualmachines")
				|| type.equals("microsoft.compute/virtualmachinescalesets/virtualmachines")) {
			return CiClass.VIRTUAL_MACHINE;
		}
		if (type.startsWith("microsoft.sql/") || type.startsWith("microsoft.dbforpostgresql/")
				|| type.startsWith("microsoft.dbformysql/") || type.startsWith("microsoft.dbformariadb/")
				|| type.startsWith("microsoft.documentdb/")) {
			return CiClass.DATABASE;
		}
		return CiClass.CLOUD_RESOURCE;
	}

	/**
	 * {@code microsoft.storage/storageaccounts} from
	 * {@code .../providers/Microsoft.Storage/storageAccounts/x}.
	 */
	static String typeFromId(String id) {
		String[] parts = id.split("/");
		for (int i = 0; i < parts.length; i++) {
			if (parts[i].equalsIgnoreCase("providers") && i + 2 < parts.length) {
				StringBuilder type = new StringBuilder(parts[i + 1]).append('/').append(parts[i + 2]);
				// nested resources: provider/type/name/subtype/name...
				for (int j = i + 4; j < parts.length; j += 2) {
					type.append('/').append(parts[j]);
				}
				return type.toString();
			}
		}
		return "";
	}

	private static String segment(String id, String name) {
		String[] parts = id.split("/");
		for (int i = 0; i + 1 < parts.length; i++) {
			if (parts[i].equalsIgnoreCase(name)) {
				return parts[i + 1];
			}
		}
		return "";
	}

	private static List<String> nonEmpty(String... values) {
		List<String> list = new ArrayList<>();
		for (String value : values) {
			if (!value.isEmpty()) {
				list.add(value);
			}
		}
		return list;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isValueNode() && !value.isNull()) ? value.asText().trim() : "";
	}

	private static String first(String a, String b) {
		return !a.isEmpty() ? a : b;
	}

}
