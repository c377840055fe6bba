package io.itsmhub.sources.agent;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.ingest.RecordRejection;

/**
 * Reads inventories as the GLPI, FusionInventory and OCS agents send them, XML or GLPI
 * JSON, compressed or not, into canonical items (see {@link GlpiInventoryMapper} for what
 * maps where). A body that cannot be read is one rejected record, index 0.
 */
public final class AgentInventoryReader {

	static final ObjectMapper JSON = new ObjectMapper();

	private final GlpiInventoryMapper mapper;

	public AgentInventoryReader(Clock clock, boolean softwareList) {
		this.mapper = new GlpiInventoryMapper(clock, softwareList);
	}

	public AgentInventoryReader(Clock clock) {
		this(clock, true);
	}

	/**
	 * Reads a body: zlib, gzip or plain (by its magic bytes), then XML or JSON (by its
	 * first significant character).
	 */
	public ParsedRecords read(byte[] body, String source) {
		byte[] content;
		try {
			content = BodyEncoding.decodeBody(body);
		}
		catch (IllegalArgumentException ex) {
			return unreadable(ex.getMessage());
		}
		return switch (firstSignificant(content)) {
			case '<' -> readXml(content, source);
			case '{' -> readJson(content, source);
			default -> unreadable("the body is neither XML nor JSON");
		};
	}

	/** Reads an uncompressed XML message ({@code <REQUEST>}). */
	public ParsedRecords readXml(byte[] xml, String source) {
		try {
			return this.mapper.map(XmlInventoryConverter.toJsonInventory(XmlInventoryConverter.parse(xml)), source);
		}
		catch (IllegalArgumentException ex) {
			return unreadable(ex.getMessage());
		}
	}

	/** Reads an uncompressed GLPI JSON inventory. */
	public ParsedRecords readJson(byte[] json, String source) {
		JsonNode tree;
		try {
			tree = JSON.readTree(json);
		}
		catch (IOException ex) {
			return unreadable("malformed JSON: " + ex.getMessage().lines().findFirst().orElse(""));
		}
		return map(tree, source);
	}

	/** Maps an inventory already parsed as JSON. */
	public ParsedRecords map(JsonNode inventory, String source) {
		if (inventory == null || !inventory.isObject()) {
			return unreadable("expected a JSON object with deviceid and content");
		}
		return this.mapper.map(inventory, source);
	}

	static ParsedRecords unreadable(String reason) {
		return new ParsedRecords(List.of(), List.of(RecordRejection.of(0, null, "(body)", reason)));
	}

	static int firstSignificant(byte[] content) {
		int start = (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
				&& (content[2] & 0xFF) == 0xBF) ? 3 : 0;
		for (int i = start; i < content.length; i++) {
			if (!Character.isWhitespace(content[i])) {
				return content[i];
			}
		}
		return -1;
	}

}
