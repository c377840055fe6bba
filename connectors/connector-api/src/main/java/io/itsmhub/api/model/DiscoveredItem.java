package io.itsmhub.api.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One record about one real-world thing, as one source reported it, in the hub's
 * canonical form (see {@code docs/canonical-item.md}).
 *
 * @param source the source's name, such as {@code agent} or {@code itam}
 * @param sourceKey the record's key in that source, unique per source
 * @param ciClass the canonical class
 * @param name the display name, may be {@code null}
 * @param identifiers the identifiers, as the source sent them
 * @param attributes configuration attributes by name; values are {@code String},
 * {@code Boolean}, {@code Long}, {@code BigDecimal}, {@code List} or {@code Map} of those
 * @param facts ITAM lifecycle facts
 * @param relationships relationships to other items
 * @param observedAt when the source observed it
 */
public record DiscoveredItem(String source, String sourceKey, CiClass ciClass, String name, Identifiers identifiers,
		Map<String, Object> attributes, LifecycleFacts facts, List<Relationship> relationships, Instant observedAt) {

	public DiscoveredItem {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(sourceKey, "sourceKey");
		Objects.requireNonNull(ciClass, "ciClass");
		identifiers = (identifiers != null) ? identifiers : Identifiers.none();
		attributes = (attributes != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(attributes)) : Map.of();
		facts = (facts != null) ? facts : LifecycleFacts.EMPTY;
		relationships = (relationships != null) ? List.copyOf(relationships) : List.of();
	}

	/** The source-native key, {@code source:sourceKey}, unique across sources. */
	public String sourceNativeKey() {
		return this.source + ":" + this.sourceKey;
	}

}
