package io.itsmhub.simulators.core;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one Jackson mapper the simulators share; they speak JSON trees only so that no
 * model class can drift from what the platform really sends.
 */
public final class Json {

	/** The shared mapper. */
	public static final ObjectMapper MAPPER = new ObjectMapper();

	private Json() {
	}

	/**
	 * A new empty object node.
	 * @return the node
	 */
	public static ObjectNode object() {
		return MAPPER.createObjectNode();
	}

	/**
	 * A new empty array node.
	 * @return the node
	 */
	public static ArrayNode array() {
		return MAPPER.createArrayNode();
	}

	/**
	 * Parses a body.
	 * @param body the raw body
	 * @return the tree
	 * @throws BadRequestException if the body is not JSON
	 */
	public static JsonNode parse(byte[] body) {
		if (body == null || body.length == 0) {
			throw new BadRequestException("Request body is empty");
		}
		try {
			return MAPPER.readTree(body);
		}
		catch (IOException ex) {
			throw new BadRequestException("Request body is not valid JSON: " + ex.getMessage());
		}
	}

	/**
	 * Reads a text field, treating JSON null, a missing field and non-text values
	 * uniformly.
	 * @param node the node
	 * @param field the field name
	 * @return the text or {@code null}
	 */
	public static String text(JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		if (value == null || value.isNull() || value.isMissingNode()) {
			return null;
		}
		return value.isValueNode() ? value.asText() : value.toString();
	}

}
