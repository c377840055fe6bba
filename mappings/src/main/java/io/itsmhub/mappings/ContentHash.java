package io.itsmhub.mappings;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

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

	/** Per thread, reused: hashing runs for every item, and should not allocate much. */
	private static final ThreadLocal<StringBuilder> BUFFER = ThreadLocal.withInitial(() -> new StringBuilder(4096));

	private static final ThreadLocal<byte[][]> BYTES = ThreadLocal.withInitial(() -> new byte[][] { new byte[8192] });

	private ContentHash() {
	}

	/** SHA-256 of the text's UTF-8 bytes, encoded into a reused buffer. */
	private static byte[] digest(CharSequence text) {
		byte[][] holder = BYTES.get();
		int length = text.length();
		if (holder[0].length < length * 3) {
			holder[0] = new byte[length * 3];
		}
		byte[] bytes = holder[0];
		int n = 0;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes[n++] = (byte) c;
			}
			else if (c < 0x800) {
				bytes[n++] = (byte) (0xC0 | (c >> 6));
				bytes[n++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (!Character.isSurrogate(c)) {
				bytes[n++] = (byte) (0xE0 | (c >> 12));
				bytes[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				bytes[n++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
				int codePoint = Character.toCodePoint(c, text.charAt(++i));
				bytes[n++] = (byte) (0xF0 | (codePoint >> 18));
				bytes[n++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
				bytes[n++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
				bytes[n++] = (byte) (0x80 | (codePoint & 0x3F));
			}
			else {
				// a lone surrogate: encode as U+FFFD, as String.getBytes does
				bytes[n++] = (byte) 0xEF;
				bytes[n++] = (byte) 0xBF;
				bytes[n++] = (byte) 0xBD;
			}
		}
		MessageDigest digest = SHA_256.get();
		digest.update(bytes, 0, n);
		return digest.digest();
	}

	static String of(String platform, List<TargetRecord> records, List<TargetRelation> relations) {
		List<String> keys = new ArrayList<>(relations.size());
		relations.forEach((relation) -> keys.add(relation(relation)));
		return ofRelationKeys(platform, records, keys);
	}

	/**
	 * The hash, with the relations given in their canonical form already (the engine has
	 * them from sorting).
	 */
	static String ofRelationKeys(String platform, List<TargetRecord> records, List<String> relations) {
		StringBuilder out = BUFFER.get();
		out.setLength(0);
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
			out.append(relations.get(i));
		}
		out.append("]}");
		return HexFormat.of().formatHex(digest(out));
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
		String[] keys = map.keySet().toArray(new String[0]);
		Arrays.sort(keys);
		for (int i = 0; i < keys.length; i++) {
			if (i > 0) {
				out.append(',');
			}
			string(out, keys[i]);
			out.append(':');
			value(out, map.get(keys[i]));
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
		if (plain(text)) {
			// the common case: nothing to escape, so append it whole
			out.append(text).append('"');
			return;
		}
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

	private static boolean plain(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c == '"' || c == '\\') {
				return false;
			}
		}
		return true;
	}

}
