package io.itsmhub.sources.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.itsmhub.api.ingest.ParsedRecords;

/**
 * The server side of the inventory agents' protocols, without HTTP: the endpoint hands
 * over each POST body and sends back the {@link AgentExchange}'s reply.
 * <ul>
 * <li>FusionInventory/OCS XML: a {@code PROLOG} is answered with {@code SEND} (so the
 * agent sends its inventory next) and the contact interval; an {@code INVENTORY},
 * {@code SNMPQUERY} or {@code NETDISCOVERY} is read into items and acknowledged with an
 * empty {@code <REPLY>}.</li>
 * <li>GLPI JSON: a {@code contact} is answered with the inventory task enabled and the
 * tasks the hub cannot serve disabled; an {@code inventory} (also partial),
 * {@code netinventory} or {@code netdiscovery} is read into items and answered
 * {@code ok}.</li>
 * </ul>
 * The body's compression is detected from its bytes (the content type is only a hint for
 * messages that cannot be read), and the reply is compressed the same way, as GLPI does:
 * FusionInventory agents uncompress replies by the type they sent.
 */
public final class AgentProtocol {

	private static final String XML_HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n";

	/** Tasks the hub runs no jobs for: the agent is told so instead of asking forever. */
	private static final Set<String> UNSERVED_TASKS = Set.of("collect", "deploy", "wakeonlan", "esx");

	private final String source;

	private final AgentInventoryReader reader;

	private final long contactHours;

	/**
	 * A protocol handler.
	 * @param source the source name the agents' items are ingested under, such as
	 * {@code agent}
	 * @param clock the time of inventories that do not say when they were taken
	 * @param contactInterval how often agents should come back (PROLOG_FREQ, CONTACT
	 * expiration), rounded to whole hours as the protocols count them
	 */
	public AgentProtocol(String source, Clock clock, Duration contactInterval) {
		this.source = source;
		this.reader = new AgentInventoryReader(clock);
		this.contactHours = Math.max(1, contactInterval.toHours());
	}

	/** A handler with agents contacting every 24 hours. */
	public AgentProtocol(String source, Clock clock) {
		this(source, clock, Duration.ofHours(24));
	}

	/**
	 * Handles one request body.
	 * @param body the POST body as received
	 * @param contentType the request's content type, may be {@code null}
	 */
	public AgentExchange handle(byte[] body, String contentType) {
		boolean jsonHint = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
		BodyEncoding encoding = BodyEncoding.detect(body);
		byte[] content;
		try {
			content = encoding.decode(body);
		}
		catch (IllegalArgumentException ex) {
			return jsonHint ? jsonError(BodyEncoding.PLAIN, "", ex.getMessage())
					: xmlError(BodyEncoding.PLAIN, "", ex.getMessage());
		}
		int first = AgentInventoryReader.firstSignificant(content);
		if (first == '<') {
			return xml(content, encoding);
		}
		if (first == '{') {
			return json(content, encoding);
		}
		String reason = "unsupported content: expected an XML or JSON message";
		return jsonHint ? jsonError(encoding, "", reason) : xmlError(encoding, "", reason);
	}

	private AgentExchange xml(byte[] content, BodyEncoding encoding) {
		ObjectNode request;
		try {
			request = XmlInventoryConverter.parse(content);
		}
		catch (IllegalArgumentException ex) {
			return xmlError(encoding, "", ex.getMessage());
		}
		String query = XmlInventoryConverter.query(request);
		switch (query) {
			case "PROLOG":
				return new AgentExchange(200, encoding.encode(prologReply()), encoding.contentType("application/xml"),
						query, empty());
			case "INVENTORY", "SNMPQUERY", "SNMP", "NETDISCOVERY":
				ParsedRecords records = this.reader.map(XmlInventoryConverter.toJsonInventory(request), this.source);
				return new AgentExchange(200, encoding.encode(utf8(XML_HEADER + "<REPLY>\n</REPLY>\n")),
						encoding.contentType("application/xml"), query, records);
			default:
				return xmlError(encoding, query, "unsupported query '" + query + "'");
		}
	}

	private AgentExchange json(byte[] content, BodyEncoding encoding) {
		JsonNode request;
		try {
			request = AgentInventoryReader.JSON.readTree(content);
		}
		catch (IOException ex) {
			return jsonError(encoding, "", "malformed json");
		}
		String action = request.path("action").asText("inventory").toLowerCase(Locale.ROOT);
		switch (action) {
			case "contact":
				return jsonReply(200, encoding, action, contactReply(request), empty());
			case "inventory", "netinventory", "netdiscovery":
				if (!request.path("content").isObject()) {
					return jsonError(encoding, action, "bad-format: content is missing");
				}
				ObjectNode ok = AgentInventoryReader.JSON.createObjectNode();
				ok.put("status", "ok");
				ok.put("expiration", this.contactHours);
				return jsonReply(200, encoding, action, ok, this.reader.map(request, this.source));
			default:
				return jsonError(encoding, action, "unsupported action '" + action + "'");
		}
	}

	/** The PROLOG reply: send the inventory now, and come back after the interval. */
	public byte[] prologReply() {
		return utf8(XML_HEADER + "<REPLY>\n  <RESPONSE>SEND</RESPONSE>\n  <PROLOG_FREQ>" + this.contactHours
				+ "</PROLOG_FREQ>\n</REPLY>\n");
	}

	/** The CONTACT answer: inventory enabled, unserved installed tasks disabled. */
	public ObjectNode contactReply(JsonNode request) {
		ObjectNode reply = AgentInventoryReader.JSON.createObjectNode();
		reply.put("status", "ok");
		reply.put("expiration", this.contactHours);
		ObjectNode inventory = reply.putObject("tasks").putObject("inventory");
		// the agent sends JSON inventories to a server that says it is GLPI 10 or later
		inventory.put("server", "glpi");
		inventory.put("version", "10.0.0");
		ArrayNode disabled = reply.putArray("disabled");
		for (JsonNode task : request.path("installed-tasks")) {
			String name = task.asText().toLowerCase(Locale.ROOT);
			if (UNSERVED_TASKS.contains(name)) {
				disabled.add(name);
			}
		}
		return reply;
	}

	private AgentExchange jsonReply(int status, BodyEncoding encoding, String query, JsonNode reply,
			ParsedRecords records) {
		byte[] bytes;
		try {
			bytes = AgentInventoryReader.JSON.writeValueAsBytes(reply);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return new AgentExchange(status, encoding.encode(bytes), encoding.contentType("application/json"), query,
				records);
	}

	private AgentExchange jsonError(BodyEncoding encoding, String query, String message) {
		ObjectNode reply = AgentInventoryReader.JSON.createObjectNode();
		reply.put("status", "error");
		reply.put("message", message);
		reply.put("expiration", this.contactHours);
		return jsonReply(400, encoding, query, reply, AgentInventoryReader.unreadable(message));
	}

	private AgentExchange xmlError(BodyEncoding encoding, String query, String message) {
		String reply = XML_HEADER + "<REPLY>\n  <ERROR>" + escape(message) + "</ERROR>\n</REPLY>\n";
		return new AgentExchange(400, encoding.encode(utf8(reply)), encoding.contentType("application/xml"), query,
				AgentInventoryReader.unreadable(message));
	}

	private static ParsedRecords empty() {
		return new ParsedRecords(List.of(), List.of());
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
