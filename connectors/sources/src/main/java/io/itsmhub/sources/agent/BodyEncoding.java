package io.itsmhub.sources.agent;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * How an agent compressed a message body. Agents label bodies with a content type, but
 * proxies and older agents get it wrong, so the body's own magic bytes decide: gzip
 * starts with {@code 1f 8b}, zlib with a CMF/FLG pair whose 16-bit value is a multiple of
 * 31 (such as {@code 78 9c}), anything else is taken as plain text.
 */
public enum BodyEncoding {

	/** Not compressed. */
	PLAIN,
	/** zlib (RFC 1950), what FusionInventory agents send by default. */
	ZLIB,
	/** gzip (RFC 1952). */
	GZIP;

	/** Largest decompressed body accepted, so a small "zip bomb" cannot fill memory. */
	public static final int MAX_DECODED_BYTES = 256 * 1024 * 1024;

	/** The encoding of a body, by its first bytes. */
	public static BodyEncoding detect(byte[] body) {
		if (body.length >= 2) {
			int b0 = body[0] & 0xFF;
			int b1 = body[1] & 0xFF;
			if (b0 == 0x1F && b1 == 0x8B) {
				return GZIP;
			}
			if ((b0 & 0x0F) == 8 && (b0 >> 4) <= 7 && ((b0 << 8) | b1) % 31 == 0) {
				return ZLIB;
			}
		}
		return PLAIN;
	}

	/**
	 * The body decompressed.
	 * @throws IllegalArgumentException when the body starts like a compressed stream but
	 * is not one
	 */
	public byte[] decode(byte[] body) {
		if (this == PLAIN) {
			return body;
		}
		try (InputStream in = (this == GZIP) ? new GZIPInputStream(new ByteArrayInputStream(body))
				: new InflaterInputStream(new ByteArrayInputStream(body))) {
			ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length * 4));
			byte[] buffer = new byte[16384];
			int read;
			while ((read = in.read(buffer)) >= 0) {
				out.write(buffer, 0, read);
				if (out.size() > MAX_DECODED_BYTES) {
					throw new IllegalArgumentException(
							"the body inflates past " + MAX_DECODED_BYTES + " bytes: refused");
				}
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("the body looks " + name().toLowerCase() + "-compressed but "
					+ "cannot be decompressed: " + ex.getMessage(), ex);
		}
	}

	/** The content compressed this way, for a reply in the form the agent used. */
	public byte[] encode(byte[] content) {
		if (this == PLAIN) {
			return content;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (var compressed = (this == GZIP) ? new GZIPOutputStream(out) : new DeflaterOutputStream(out)) {
			compressed.write(content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** Decodes a body by its magic bytes. */
	public static byte[] decodeBody(byte[] body) {
		return detect(body).decode(body);
	}

	/**
	 * The content type for a reply in this encoding, as the agents' protocol names it.
	 * @param plainType the type of uncompressed replies, {@code application/xml} or
	 * {@code application/json}
	 */
	public String contentType(String plainType) {
		return switch (this) {
			case PLAIN -> plainType;
			case ZLIB -> "application/x-compress-zlib";
			case GZIP -> "application/x-compress-gzip";
		};
	}

}
