package io.itsmhub.connectors.haloitsm;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The tenant's assets by identifier value, so that a look-up of a whole batch costs one
 * listing instead of one search per identifier: the asset list is read once (all pages,
 * inactive assets included), then only what changed since the last read
 * ({@code lastupdatefromdate}, from the server's own clock) before each later look-up,
 * and the assets this connector saves are added as they come back. An identifier value
 * two assets share is ambiguous and matches neither.
 *
 * <p>
 * Assets deleted in Halo stay in the index until the connector restarts; the hub never
 * deletes, and an update of a deleted id fails for that record only.
 */
final class AssetIndex {

	/** The {@code Device} fields kept: the ones a mapping identifies assets by. */
	static final List<String> FIELDS = List.of("inventory_number", "key_field", "key_field2", "key_field3",
			"third_party_id_string", "aws_id", "intune_id", "matching_field");

	private static final String AMBIGUOUS = "";

	/** UTC without offset, as Halo clients send {@code lastupdatefromdate}. */
	private static final DateTimeFormatter CHANGED_SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	/** Overlap when the server sent no {@code Date} header. */
	private static final Duration LOCAL_CLOCK_OVERLAP = Duration.ofMinutes(2);

	private final AssetResource assets;

	private final int pageSize;

	private final String changedSinceFilter;

	private final Map<String, Map<String, String>> byField = new HashMap<>();

	private Instant changedSince;

	AssetIndex(AssetResource assets, int pageSize, String changedSinceFilter) {
		this.assets = assets;
		this.pageSize = pageSize;
		this.changedSinceFilter = changedSinceFilter;
	}

	synchronized boolean loaded() {
		return this.changedSince != null;
	}

	/**
	 * Reads the whole list the first time, afterwards what changed since the last read.
	 */
	synchronized void refresh() {
		Map<String, String> filters = new HashMap<>();
		if (this.changedSince != null && !this.changedSinceFilter.isEmpty()) {
			filters.put(this.changedSinceFilter, CHANGED_SINCE.format(this.changedSince));
		}
		Instant requested = Instant.now();
		AssetResource.Page page = this.assets.list(filters, this.pageSize);
		page.assets().forEach(this::put);
		// the server's clock, a second early (Date has whole seconds); else ours, with
		// overlap
		this.changedSince = (page.serverTime() != null) ? page.serverTime().minusSeconds(1)
				: requested.minus(LOCAL_CLOCK_OVERLAP);
	}

	/** Adds or refreshes one asset as Halo answered it. */
	synchronized void put(JsonNode asset) {
		String id = asset.path(HaloParams.FIELD_ID).asText("");
		if (id.isEmpty()) {
			return;
		}
		for (String field : FIELDS) {
			JsonNode value = asset.get(field);
			if (value != null && value.isTextual() && !value.asText().isBlank()) {
				this.byField.computeIfAbsent(field, (f) -> new HashMap<>())
					.merge(normalize(value.asText()), id, (old, added) -> old.equals(added) ? old : AMBIGUOUS);
			}
		}
	}

	/**
	 * The asset id for the first identifier that names exactly one asset.
	 * @param matchOn identifying fields and values, in the mapping's order
	 * @return the id, or {@code null}
	 */
	synchronized String match(Map<String, Object> matchOn) {
		for (Map.Entry<String, Object> identifier : matchOn.entrySet()) {
			Map<String, String> values = this.byField.get(identifier.getKey());
			String id = (values != null && identifier.getValue() != null)
					? values.get(normalize(HaloItsmConnector.text(identifier.getValue()))) : null;
			if (id != null && !id.equals(AMBIGUOUS)) {
				return id;
			}
		}
		return null;
	}

	static String normalize(String value) {
		return value.trim().toLowerCase(Locale.ROOT);
	}

}
