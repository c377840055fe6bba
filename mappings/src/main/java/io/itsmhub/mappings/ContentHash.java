package io.itsmhub.mappings;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.target.TargetRecord;
import io.itsmhub.api.target.TargetRelation;

/**
 * A SHA-256 over a canonical serialization of what would be sent: compact JSON with
 * object keys sorted, records in mapping order, relations sorted. Equal payloads give
 * equal hashes across runs, instances and JVMs; any change to a sent value changes it.
 */
final class ContentHash {

	private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	});

	private ContentHash() {
	}

	static String of(String platform, List<TargetRecord> records, List<TargetRelation> relations) {
		StringBuilder out = new StringBuilder(1024);
		out.append("{\"platform\":");
		string(out, platform);
		out.append(",\"records\":[");
		for (int i = 0; i < records.size(); i++) {
			TargetRecord record = records.get(i);
			if (i > 0) {
				out.append(',');
			}
			out.append("{\"role\":");
			string(out, record.role());
			out.append(",\"targetClass\":");
			string(out, record.targetClass());
			out.append(",\"fields\":");
			object(out, record.fields());
			out.append(",\"matchOn\":");
			object(out, record.matchOn());
			out.append('}');
		}
		out.append("],\"relations\":[");
		for (int i = 0; i < relations.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append(relation(relations.get(i)));
		}
		out.append("]}");
		MessageDigest digest = SHA_256.get();
		return HexFormat.of().formatHex(digest.digest(out.toString().getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * One relation in canonical form; also the sort key that makes relation order stable.
	 */
	static String relation(TargetRelation relation) {
		StringBuilder out = new StringBuilder(96);
		out.append("{\"canonicalType\":");
		string(out, relation.canonicalType());
		out.append(",\"platformType\":");
		string(out, relation.platformType());
		out.append(",\"reverse\":").append(relation.reverse()).append(",\"target\":{");
		boolean first = true;
		for (Map.Entry<IdentifierType, List<String>> entry : relation.target().asMap().entrySet()) {
			if (!first) {
				out.append(',');
			}
			first = false;
			string(out, entry.getKey().id());
			out.append(':');
			value(out, entry.getValue());
		}
		return out.append("}}").toString();
	}

	private static void object(StringBuilder out, Map<String, Object> map) {
		out.append('{');
		boolean first = true;
		for (Map.Entry<String, Object> entry : new TreeMap<>(map).entrySet()) {
			if (!first) {
				out.append(',');
			}
			first = false;
			string(out, entry.getKey());
			out.append(':');
			value(out, entry.getValue());
		}
		out.append('}');
	}

	private static void value(StringBuilder out, Object value) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof String text) {
			string(out, text);
		}
		else if (value instanceof BigDecimal decimal) {
			out.append(decimal.toPlainString());
		}
		else if (value instanceof Number || value instanceof Boolean) {
			out.append(value);
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			List<Object> elements = new ArrayList<>(list);
			for (int i = 0; i < elements.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				value(out, elements.get(i));
			}
			out.append(']');
		}
		else {
			string(out, value.toString());
		}
	}

	private static void string(StringBuilder out, String text) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
