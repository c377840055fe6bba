package io.itsmhub.mappings;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.Identifiers;
import io.itsmhub.api.target.TargetRecord;
import io.itsmhub.api.target.TargetRelation;

/**
 * A SHA-256 over a canonical serialization of what would be sent: compact JSON (UTF-8) of
 * each record's role, target class and fields (keys sorted), in mapping order, and the
 * relations, sorted. Equal payloads give equal hashes across runs, instances and JVMs;
 * any change to a sent value changes it. It runs for every item of every sync, so it
 * writes bytes straight into a reused buffer.
 */
final class ContentHash {

	private static final ThreadLocal<ContentHash> PER_THREAD = ThreadLocal.withInitial(ContentHash::new);

	private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	private final MessageDigest digest;

	private byte[] bytes = new byte[4096];

	private int length;

	private char[] chars = new char[256];

	private final byte[] sum = new byte[32];

	private final byte[] hex = new byte[64];

	private ContentHash() {
		try {
			this.digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	/** The hash of a payload's records and relations. */
	static String of(String platform, List<TargetRecord> records, List<TargetRelation> relations) {
		List<Shape> shapes = new ArrayList<>(records.size());
		List<Object[]> values = new ArrayList<>(records.size());
		for (TargetRecord record : records) {
			shapes.add(new Shape(record.role(), record.targetClass(), List.copyOf(record.fields().keySet())));
			values.add(record.fields().values().toArray());
		}
		List<String> keys = new ArrayList<>(relations.size());
		relations.forEach((relation) -> keys.add(relation(relation)));
		return of(platform, values, shapes, keys);
	}

	/**
	 * The hash, with what the engine has at hand: per record its {@link Shape} and its
	 * values in the shape's field order ({@code null} for fields not sent), and the
	 * relations in canonical form, sorted.
	 */
	static String of(String platform, List<Object[]> values, List<Shape> shapes, List<String> relations) {
		ContentHash out = PER_THREAD.get();
		out.length = 0;
		out.ascii("{\"platform\":");
		out.string(platform, true);
		out.ascii(",\"records\":[");
		for (int i = 0; i < shapes.size(); i++) {
			if (i > 0) {
				out.put((byte) ',');
			}
			Shape shape = shapes.get(i);
			Object[] recordValues = values.get(i);
			out.raw(shape.prefix);
			boolean first = true;
			for (int k = 0; k < shape.order.length; k++) {
				Object value = recordValues[shape.order[k]];
				if (value == null) {
					continue;
				}
				if (!first) {
					out.put((byte) ',');
				}
				first = false;
				out.raw(shape.keys[k]);
				out.value(value);
			}
			out.put((byte) '}');
			out.put((byte) '}');
		}
		out.ascii("],\"relations\":[");
		for (int i = 0; i < relations.size(); i++) {
			if (i > 0) {
				out.put((byte) ',');
			}
			out.string(relations.get(i), false);
		}
		out.ascii("]}");
		out.digest.update(out.bytes, 0, out.length);
		return out.hex();
	}

	/** The digest as lower-case hex, as {@code HexFormat.of().formatHex} writes it. */
	private String hex() {
		try {
			this.digest.digest(this.sum, 0, this.sum.length);
		}
		catch (java.security.DigestException ex) {
			throw new IllegalStateException("a SHA-256 digest is 32 bytes", ex);
		}
		for (int i = 0; i < this.sum.length; i++) {
			this.hex[2 * i] = HEX_DIGITS[(this.sum[i] >> 4) & 0xF];
			this.hex[2 * i + 1] = HEX_DIGITS[this.sum[i] & 0xF];
		}
		return new String(this.hex, StandardCharsets.ISO_8859_1);
	}

	/**
	 * What is fixed about a record for a compiled plan, serialized once instead of per
	 * item: the opening up to its fields
	 * ({@code {"role":"ci","targetClass":"...","fields":{}), the order that sorts its
	 * field names, and each name as {@code "name":}, in that order.
	 */
	static final class Shape {

		private final byte[] prefix;

		private final int[] order;

		private final byte[][] keys;

		Shape(String role, String targetClass, List<String> names) {
			ContentHash scratch = new ContentHash();
			scratch.ascii("{\"role\":");
			scratch.string(role, true);
			scratch.ascii(",\"targetClass\":");
			scratch.string(targetClass, true);
			scratch.ascii(",\"fields\":{");
			this.prefix = Arrays.copyOf(scratch.bytes, scratch.length);
			this.order = java.util.stream.IntStream.range(0, names.size())
				.boxed()
				.sorted(java.util.Comparator.comparing(names::get))
				.mapToInt(Integer::intValue)
				.toArray();
			this.keys = new byte[this.order.length][];
			for (int k = 0; k < this.order.length; k++) {
				scratch.length = 0;
				scratch.string(names.get(this.order[k]), true);
				scratch.put((byte) ':');
				this.keys[k] = Arrays.copyOf(scratch.bytes, scratch.length);
			}
		}

	}

	static String[] sortedKeys(String[] keys) {
		Arrays.sort(keys);
		return keys;
	}

	/**
	 * One relation in canonical form; also the sort key that makes relation order stable.
	 */
	static String relation(TargetRelation relation) {
		return relation(relationPrefix(relation.canonicalType(), relation.platformType(), relation.reverse()),
				relation.target());
	}

	/** The fixed start of a relation's canonical form, up to its target's identifiers. */
	static String relationPrefix(String canonicalType, String platformType, boolean reverse) {
		StringBuilder out = new StringBuilder(96);
		out.append("{\"canonicalType\":");
		quote(out, canonicalType);
		out.append(",\"platformType\":");
		quote(out, platformType);
		out.append(",\"reverse\":").append(reverse).append(",\"target\":{");
		return out.toString();
	}

	/** A relation's canonical form from its fixed start and its target. */
	static String relation(String prefix, Identifiers target) {
		StringBuilder out = new StringBuilder(prefix.length() + 48);
		out.append(prefix);
		boolean first = true;
		for (Map.Entry<IdentifierType, List<String>> entry : target.asMap().entrySet()) {
			if (!first) {
				out.append(',');
			}
			first = false;
			quote(out, entry.getKey().id());
			out.append(":[");
			for (int i = 0; i < entry.getValue().size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				quote(out, entry.getValue().get(i));
			}
			out.append(']');
		}
		return out.append("}}").toString();
	}

	private static void quote(StringBuilder out, String text) {
		out.append('"');
		if (plain(text)) {
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

	private void value(Object value) {
		if (value instanceof String text) {
			string(text, true);
		}
		else if (value instanceof BigDecimal decimal) {
			ascii(decimal.toPlainString());
		}
		else if (value instanceof Long number) {
			decimal(number);
		}
		else if (value instanceof Number || value instanceof Boolean) {
			ascii(value.toString());
		}
		else if (value instanceof List<?> list) {
			put((byte) '[');
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					put((byte) ',');
				}
				value(list.get(i));
			}
			put((byte) ']');
		}
		else {
			string(String.valueOf(value), true);
		}
	}

	/** Text as UTF-8; quoted and escaped as a JSON string, or as it is (JSON already). */
	private void string(String text, boolean quoted) {
		// fast path, nearly every value: ASCII that needs no escaping is its own UTF-8,
		// written char by char straight into the buffer, without an intermediate array
		int n = text.length();
		ensure(n + 2);
		byte[] out = this.bytes;
		int at = this.length;
		if (quoted) {
			out[at++] = '"';
		}
		for (int i = 0; i < n; i++) {
			char c = text.charAt(i);
			if (c >= 0x80 || (quoted && (c < 0x20 || c == '"' || c == '\\'))) {
				// anything else starts again from this.length, which is still where the
				// text began, the way it always was encoded
				encoded(text, quoted);
				return;
			}
			out[at++] = (byte) c;
		}
		if (quoted) {
			out[at++] = '"';
		}
		this.length = at;
	}

	/**
	 * Text that is not plain ASCII, or needs escaping. The two paths below are how every
	 * text was hashed before the ASCII fast path, and stored hashes depend on them: keep
	 * them as they are (a lone surrogate is '?' when nothing else needs escaping, as
	 * {@code String.getBytes} writes it, and U+FFFD when something does).
	 */
	private void encoded(String text, boolean quoted) {
		// the JDK's own (vectorized) UTF-8 encoding, kept as it is when no byte needs
		// escaping (bytes of multi-byte characters are negative, so they never look like
		// a quote, a backslash or a control character)
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		boolean plain = true;
		if (quoted) {
			for (byte b : utf8) {
				if ((b >= 0 && b < 0x20) || b == '"' || b == '\\') {
					plain = false;
					break;
				}
			}
		}
		if (plain) {
			ensure(utf8.length + 2);
			if (quoted) {
				this.bytes[this.length++] = '"';
			}
			System.arraycopy(utf8, 0, this.bytes, this.length, utf8.length);
			this.length += utf8.length;
			if (quoted) {
				this.bytes[this.length++] = '"';
			}
			return;
		}
		int n = text.length();
		ensure(n * 6 + 2);
		byte[] out = this.bytes;
		int at = this.length;
		if (quoted) {
			out[at++] = '"';
		}
		for (int i = 0; i < n; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				if (quoted && (c < 0x20 || c == '"' || c == '\\')) {
					at = escape(out, at, c);
				}
				else {
					out[at++] = (byte) c;
				}
			}
			else if (c < 0x800) {
				out[at++] = (byte) (0xC0 | (c >> 6));
				out[at++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (!Character.isSurrogate(c)) {
				out[at++] = (byte) (0xE0 | (c >> 12));
				out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				out[at++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
				int codePoint = Character.toCodePoint(c, text.charAt(++i));
				out[at++] = (byte) (0xF0 | (codePoint >> 18));
				out[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
				out[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
				out[at++] = (byte) (0x80 | (codePoint & 0x3F));
			}
			else {
				// a lone surrogate: U+FFFD, as String.getBytes writes it
				out[at++] = (byte) 0xEF;
				out[at++] = (byte) 0xBF;
				out[at++] = (byte) 0xBD;
			}
		}
		if (quoted) {
			out[at++] = '"';
		}
		this.length = at;
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

	private static int escape(byte[] out, int at, char c) {
		out[at++] = '\\';
		switch (c) {
			case '"' -> out[at++] = '"';
			case '\\' -> out[at++] = '\\';
			case '\n' -> out[at++] = 'n';
			case '\r' -> out[at++] = 'r';
			case '\t' -> out[at++] = 't';
			default -> {
				String hex = String.format("u%04x", (int) c);
				for (int i = 0; i < hex.length(); i++) {
					out[at++] = (byte) hex.charAt(i);
				}
			}
		}
		return at;
	}

	/** What {@code Long.toString} gives, without the String. */
	private void decimal(long number) {
		if (number == Long.MIN_VALUE) {
			ascii(Long.toString(number));
			return;
		}
		ensure(20);
		if (number < 0) {
			this.bytes[this.length++] = '-';
			number = -number;
		}
		int digits = 1;
		for (long rest = number / 10; rest != 0; rest /= 10) {
			digits++;
		}
		int at = this.length + digits;
		this.length = at;
		do {
			this.bytes[--at] = (byte) ('0' + (number % 10));
			number /= 10;
		}
		while (number != 0);
	}

	private void ascii(String text) {
		int n = text.length();
		ensure(n);
		for (int i = 0; i < n; i++) {
			this.bytes[this.length++] = (byte) text.charAt(i);
		}
	}

	private void raw(byte[] chunk) {
		ensure(chunk.length);
		System.arraycopy(chunk, 0, this.bytes, this.length, chunk.length);
		this.length += chunk.length;
	}

	private void put(byte b) {
		ensure(1);
		this.bytes[this.length++] = b;
	}

	private void ensure(int more) {
		if (this.length + more > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + more));
		}
	}

}
