package io.itsmhub.app.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature scheme Stripe uses: the header
 * {@code X-Hub-Signature: t=<unix seconds>,v1=<hex>} where the hex is HMAC-SHA256 of
 * {@code <t>.<body>} with the source's secret. A timestamp outside the tolerance, or a
 * signature seen before within it, is a replay.
 */
public class WebhookSignature {

	/** The header that carries the signature. */
	public static final String HEADER = "X-Hub-Signature";

	private final Clock clock;

	private final Duration tolerance;

	private final Map<String, Instant> seen = new ConcurrentHashMap<>();

	public WebhookSignature(Clock clock, Duration tolerance) {
		this.clock = clock;
		this.tolerance = tolerance;
	}

	/**
	 * Checks a request's signature.
	 * @throws InvalidSignatureException saying why, without any secret
	 */
	public void verify(String secret, String header, byte[] body) {
		if (header == null || header.isBlank()) {
			throw new InvalidSignatureException("the " + HEADER + " header is missing");
		}
		String timestamp = null;
		String signature = null;
		for (String part : header.split(",")) {
			String[] pair = part.trim().split("=", 2);
			if (pair.length == 2 && pair[0].equals("t")) {
				timestamp = pair[1];
			}
			else if (pair.length == 2 && pair[0].equals("v1")) {
				signature = pair[1];
			}
		}
		if (timestamp == null || signature == null) {
			throw new InvalidSignatureException(HEADER + " must be t=<unix seconds>,v1=<hex HMAC-SHA256>");
		}
		Instant signedAt;
		try {
			signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
		}
		catch (NumberFormatException ex) {
			throw new InvalidSignatureException("the signature's timestamp is not a number");
		}
		Instant now = this.clock.instant();
		if (Duration.between(signedAt, now).abs().compareTo(this.tolerance) > 0) {
			throw new InvalidSignatureException("the signature's timestamp is outside the replay window of "
					+ this.tolerance.toMinutes() + " minutes");
		}
		byte[] expected = sign(secret, timestamp, body);
		byte[] given;
		try {
			given = HexFormat.of().parseHex(signature.toLowerCase());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSignatureException("the signature is not hex");
		}
		if (!MessageDigest.isEqual(expected, given)) {
			throw new InvalidSignatureException("the signature does not match the body");
		}
		forgetOld(now);
		if (this.seen.putIfAbsent(signature.toLowerCase(), signedAt) != null) {
			throw new InvalidSignatureException("this signed request was received before (a replay)");
		}
	}

	/** The signature of a body, as a sender computes it. */
	public static String header(String secret, long unixSeconds, byte[] body) {
		return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(sign(secret, Long.toString(unixSeconds), body));
	}

	private static byte[] sign(String secret, String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) '.');
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void forgetOld(Instant now) {
		for (Iterator<Map.Entry<String, Instant>> it = this.seen.entrySet().iterator(); it.hasNext();) {
			if (Duration.between(it.next().getValue(), now).compareTo(this.tolerance.multipliedBy(2)) > 0) {
				it.remove();
			}
		}
	}

	/** A webhook request whose signature is missing, wrong, stale or replayed. */
	public static class InvalidSignatureException extends RuntimeException {

		public InvalidSignatureException(String message) {
			super(message);
		}

	}

}
