package io.itsmhub.sources.agent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Turns an XML message of the FusionInventory/OCS protocol ({@code <REQUEST>} with
 * {@code QUERY}, {@code DEVICEID} and {@code CONTENT}) into the tree of the GLPI JSON
 * inventory format, as GLPI's own converter does: element names lower-cased, repeated
 * elements as arrays, and the SNMP shapes ({@code DEVICE/INFO}, {@code DEVICE/PORTS})
 * moved to {@code network_device} and {@code network_ports}. One mapper then reads both
 * protocols.
 */
public final class XmlInventoryConverter {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private XmlInventoryConverter() {
	}

	/**
	 * Parses an XML message. DTDs and external entities are refused: the body comes from
	 * the network.
	 * @throws IllegalArgumentException when the body is not well-formed XML or its root
	 * is not {@code REQUEST}
	 */
	public static ObjectNode parse(byte[] xml) {
		Document document;
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			// errors become the rejection's reason; the default handler would also print
			// them
			builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {

				@Override
				public void fatalError(org.xml.sax.SAXParseException ex) throws SAXException {
					throw ex;
				}

			});
			document = builder.parse(new ByteArrayInputStream(xml));
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
		catch (SAXException | IOException ex) {
			throw new IllegalArgumentException("malformed XML: " + ex.getMessage(), ex);
		}
		Element root = document.getDocumentElement();
		if (!root.getTagName().equalsIgnoreCase("REQUEST")) {
			throw new IllegalArgumentException("the XML root is <" + root.getTagName() + ">, expected <REQUEST>");
		}
		JsonNode tree = convert(root);
		return tree.isObject() ? (ObjectNode) tree : NODES.objectNode();
	}

	/**
	 * The XML message as a GLPI JSON inventory: {@code deviceid}, {@code action}
	 * ({@code inventory}, {@code netinventory} or {@code netdiscovery}), {@code itemtype}
	 * when given, and {@code content}.
	 * @throws IllegalArgumentException when the message's query carries no inventory
	 * (such as a PROLOG)
	 */
	public static ObjectNode toJsonInventory(ObjectNode request) {
		ObjectNode inventory = NODES.objectNode();
		String query = text(request, "query").toUpperCase(Locale.ROOT);
		copy(request, inventory, "deviceid");
		copy(request, inventory, "itemtype");
		JsonNode content = request.path("content");
		switch (query) {
			case "SNMPQUERY", "SNMP" -> {
				inventory.put("action", "netinventory");
				inventory.set("content", snmpInventory(content));
			}
			case "NETDISCOVERY" -> {
				inventory.put("action", "netdiscovery");
				inventory.set("content", netDiscovery(content));
			}
			case "INVENTORY" -> {
				inventory.put("action", "inventory");
				inventory.set("content", content.isObject() ? content : NODES.objectNode());
			}
			default -> throw new IllegalArgumentException(
					"a " + (query.isEmpty() ? "message without QUERY" : query + " query") + " carries no inventory");
		}
		return inventory;
	}

	/** The {@code QUERY} of a parsed message, upper-case, or empty. */
	public static String query(ObjectNode request) {
		return text(request, "query").toUpperCase(Locale.ROOT);
	}

	private static JsonNode snmpInventory(JsonNode content) {
		ObjectNode out = NODES.objectNode();
		JsonNode device = first(content.path("device"));
		JsonNode info = device.path("info");
		if (info.isObject()) {
			ObjectNode networkDevice = ((ObjectNode) info).deepCopy();
			networkDevice.set("ips", list(info.path("ips"), "ip"));
			out.set("network_device", networkDevice);
		}
		ArrayNode ports = NODES.arrayNode();
		for (JsonNode port : elements(device.path("ports").path("port"))) {
			ObjectNode copy = ((ObjectNode) port).deepCopy();
			JsonNode connections = port.path("connections");
			if (connections.isObject()) {
				// XML nests CONNECTION under CONNECTIONS with CDP/LLDP flags beside them
				copy.set("connections", list(connections, "connection"));
				if (connections.has("cdp")) {
					copy.put("cdp", !"0".equals(connections.path("cdp").asText()));
				}
				if (connections.has("lldp")) {
					copy.put("lldp", !"0".equals(connections.path("lldp").asText()));
				}
			}
			copy.set("ips", list(port.path("ips"), "ip"));
			ports.add(copy);
		}
		out.set("network_ports", ports);
		JsonNode firmwares = device.path("firmwares");
		if (!firmwares.isMissingNode()) {
			out.set("firmwares", firmwares);
		}
		copy(content, out, "versionclient");
		return out;
	}

	private static JsonNode netDiscovery(JsonNode content) {
		ObjectNode out = NODES.objectNode();
		JsonNode device = first(content.path("device"));
		if (device.isObject()) {
			ObjectNode networkDevice = ((ObjectNode) device).deepCopy();
			ArrayNode ips = list(device.path("ips"), "ip");
			if (ips.isEmpty() && device.hasNonNull("ip")) {
				ips.add(device.path("ip").asText());
			}
			networkDevice.set("ips", ips);
			// discovery names the device by SNMP sysName, else by reverse DNS
			String name = text(device, "snmphostname");
			networkDevice.put("name", name.isEmpty() ? text(device, "dnshostname") : name);
			out.set("network_device", networkDevice);
		}
		return out;
	}

	private static JsonNode convert(Element element) {
		ObjectNode object = null;
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element childElement) {
				if (object == null) {
					object = NODES.objectNode();
				}
				String name = childElement.getTagName().toLowerCase(Locale.ROOT);
				JsonNode value = convert(childElement);
				JsonNode existing = object.get(name);
				if (existing == null) {
					object.set(name, value);
				}
				else if (existing.isArray()) {
					((ArrayNode) existing).add(value);
				}
				else {
					ArrayNode array = NODES.arrayNode();
					array.add(existing);
					array.add(value);
					object.set(name, array);
				}
			}
		}
		if (object != null) {
			return object;
		}
		return NODES.textNode(element.getTextContent().trim());
	}

	private static ArrayNode list(JsonNode parent, String child) {
		ArrayNode out = NODES.arrayNode();
		if (parent.isArray()) {
			parent.forEach(out::add);
			return out;
		}
		for (JsonNode value : elements(parent.path(child))) {
			if (value.isValueNode() && !value.asText().isBlank()) {
				out.add(value.asText());
			}
			else if (value.isObject()) {
				out.add(value);
			}
		}
		return out;
	}

	static Iterable<JsonNode> elements(JsonNode node) {
		if (node.isArray()) {
			return node;
		}
		if (node.isMissingNode() || node.isNull()) {
			return java.util.List.of();
		}
		return java.util.List.of(node);
	}

	private static JsonNode first(JsonNode node) {
		return node.isArray() ? node.path(0) : node;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isValueNode() ? value.asText().trim() : "";
	}

	private static void copy(JsonNode from, ObjectNode to, String field) {
		JsonNode value = from.path(field);
		if (!value.isMissingNode() && !value.isNull()) {
			to.set(field, value);
		}
	}

}
