package io.itsmhub.reconciliation.identify;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.Identifiers;

/**
 * Puts identifiers into one canonical form per type, so that the same value written
 * differently by two sources ({@code 00-1A-2B-3C-4D-5E} and {@code 001a.2b3c.4d5e})
 * matches, and throws away values that cannot identify anything.
 */
public final class IdentifierNormalizer {

	private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

	private static final Pattern AWS_RESOURCE_ID = Pattern.compile("^[a-z]+-[0-9a-f]{8,17}$");

	/**
	 * MAC prefixes that many machines share: Docker bridges, VMware host-only adapters.
	 */
	private static final List<String> SHARED_MAC_PREFIXES = List.of("02:42:", "00:50:56:c0:00:", "02:00:4c:4f:4f:50",
			"00:05:9a:3c:7a:00", "00:ff:");

	private final PlaceholderBlocklist blocklist;

	public IdentifierNormalizer(PlaceholderBlocklist blocklist) {
		this.blocklist = blocklist;
	}

	/**
	 * Normalizes every identifier of an item.
	 * @param identifiers as the source sent them
	 * @return the usable values and the discarded ones with their reasons
	 */
	public Result normalize(Identifiers identifiers) {
		Map<IdentifierType, Set<String>> values = new EnumMap<>(IdentifierType.class);
		List<DiscardedValue> discarded = new ArrayList<>(0);
		for (Map.Entry<IdentifierType, List<String>> entry : identifiers.asMap().entrySet()) {
			IdentifierType type = entry.getKey();
			for (String raw : entry.getValue()) {
				String reason = null;
				String value = null;
				try {
					value = normalize(type, raw);
				}
				catch (IllegalArgumentException ex) {
					reason = ex.getMessage();
				}
				if (value != null) {
					values.computeIfAbsent(type, (t) -> new LinkedHashSet<>(2)).add(value);
				}
				else {
					discarded.add(new DiscardedValue(type, raw, (reason != null) ? reason : "is a placeholder value"));
				}
			}
		}
		return new Result(values, discarded);
	}

	/**
	 * One value in canonical form.
	 * @return the value, or {@code null} when it is a placeholder
	 * @throws IllegalArgumentException when the value is not of the type's form
	 */
	public String normalize(IdentifierType type, String raw) {
		String trimmed = raw.trim();
		if (trimmed.isEmpty()) {
			return null;
		}
		return switch (type) {
			case MAC_ADDRESS -> mac(trimmed);
			case UUID -> uuid(trimmed);
			case FQDN -> host(trimmed, true);
			case HOSTNAME -> host(trimmed, false);
			case CLOUD_RESOURCE_ID -> cloudId(trimmed);
			case CONTAINER_ID -> containerId(trimmed);
			case SOURCE_KEY -> trimmed;
			case SERIAL_NUMBER, ASSET_TAG -> serial(trimmed);
		};
	}

	private String serial(String value) {
		String folded = Text.collapseSpaces(value).toUpperCase(Locale.ROOT);
		if (this.blocklist.isPlaceholder(folded)) {
			return null;
		}
		if (folded.length() < 3) {
			throw new IllegalArgumentException("is too short to identify anything");
		}
		return folded;
	}

	private String mac(String value) {
		String hex = Text.remove(value.toLowerCase(Locale.ROOT), " :.-");
		if (hex.length() != 12 || !HEX.matcher(hex).matches()) {
			throw new IllegalArgumentException("is not a MAC address");
		}
		StringBuilder mac = new StringBuilder(17);
		for (int i = 0; i < 12; i += 2) {
			if (i > 0) {
				mac.append(':');
			}
			mac.append(hex, i, i + 2);
		}
		String normalized = mac.toString();
		if (this.blocklist.isPlaceholder(normalized) || "ff:ff:ff:ff:ff:ff".equals(normalized)) {
			return null;
		}
		if ((Integer.parseInt(hex.substring(0, 2), 16) & 1) == 1) {
			throw new IllegalArgumentException("is a multicast address, not a network interface's");
		}
		for (String prefix : SHARED_MAC_PREFIXES) {
			if (normalized.startsWith(prefix)) {
				throw new IllegalArgumentException("belongs to a virtual adapter that many machines share");
			}
		}
		return normalized;
	}

	private String uuid(String value) {
		String hex = Text.remove(value.toLowerCase(Locale.ROOT), "{}- ");
		if (hex.length() != 32 || !HEX.matcher(hex).matches()) {
			throw new IllegalArgumentException("is not a UUID");
		}
		String normalized = hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
				+ hex.substring(16, 20) + "-" + hex.substring(20);
		return this.blocklist.isPlaceholder(normalized) ? null : normalized;
	}

	/**
	 * A container id: its first 12 hexadecimal digits, the short form {@code docker ps}
	 * shows, so a full id (64 digits, from {@code docker inspect}) and a short one meet.
	 * A runtime's {@code sha256:} prefix is dropped.
	 */
	private static String containerId(String value) {
		String hex = value.toLowerCase(Locale.ROOT);
		if (hex.startsWith("sha256:")) {
			hex = hex.substring("sha256:".length());
		}
		if (hex.length() < 12 || hex.length() > 64 || !HEX.matcher(hex).matches()) {
			throw new IllegalArgumentException("is not a container id (12 to 64 hexadecimal digits)");
		}
		String shortId = hex.substring(0, 12);
		return (shortId.chars().distinct().count() == 1) ? null : shortId;
	}

	private String host(String value, boolean qualified) {
		String host = value.toLowerCase(Locale.ROOT);
		while (host.endsWith(".")) {
			host = host.substring(0, host.length() - 1);
		}
		if (this.blocklist.isPlaceholder(host)) {
			return null;
		}
		if (qualified && host.indexOf('.') < 0) {
			throw new IllegalArgumentException("is not fully qualified (it has no domain)");
		}
		return host;
	}

	/**
	 * Cloud ids: Azure resource ids are case-insensitive, so they are folded; an AWS ARN
	 * whose resource part is an AWS resource id ({@code i-0abc...}) is reduced to that
	 * id, which is what agents on the instance and other AWS exports report.
	 */
	private String cloudId(String value) {
		if (value.startsWith("/subscriptions/") || value.startsWith("/SUBSCRIPTIONS/")) {
			return value.toLowerCase(Locale.ROOT);
		}
		if (value.startsWith("arn:")) {
			int cut = Math.max(value.lastIndexOf('/'), value.lastIndexOf(':'));
			String resource = value.substring(cut + 1).toLowerCase(Locale.ROOT);
			return AWS_RESOURCE_ID.matcher(resource).matches() ? resource : value;
		}
		String lower = value.toLowerCase(Locale.ROOT);
		return AWS_RESOURCE_ID.matcher(lower).matches() ? lower : value;
	}

	/**
	 * Normalized identifiers of one item.
	 *
	 * @param values usable values by type, in the order the source sent them
	 * @param discarded what was thrown away, with reasons
	 */
	public record Result(Map<IdentifierType, Set<String>> values, List<DiscardedValue> discarded) {

		public boolean isEmpty() {
			return this.values.isEmpty();
		}

		public Set<String> get(IdentifierType type) {
			return this.values.getOrDefault(type, Set.of());
		}

	}

}
