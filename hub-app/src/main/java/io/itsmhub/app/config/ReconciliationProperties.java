package io.itsmhub.app.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the hub decides which item a record describes, and whose word counts for which
 * field.
 *
 * @param placeholders identifier values that identify nothing, added to the built-in
 * blocklist ("To be filled by O.E.M.", all zeros, ...)
 * @param rules per class id (or {@code default}), the ordered identification rules, each
 * an identifier type or several joined by {@code +} ({@code serial_number+manufacturer});
 * classes not named keep the built-in rules
 * @param groups per attribute group ({@code lifecycle}, {@code configuration},
 * {@code relationships}, or a new one), its authoritative sources in order and,
 * optionally, its fields
 * @param staleness how long a higher source may stay silent before a lower one may
 * overwrite its values
 */
@ConfigurationProperties("hub.reconciliation")
public record ReconciliationProperties(@DefaultValue List<String> placeholders,
		@DefaultValue Map<String, List<String>> rules, @DefaultValue Map<String, Group> groups,
		@DefaultValue("30d") Duration staleness) {

	/**
	 * One attribute group.
	 *
	 * @param sources the authoritative sources, most authoritative first
	 * @param fields field paths or patterns ({@code facts.owner}, {@code attributes.*});
	 * empty keeps the built-in group's fields
	 */
	public record Group(@DefaultValue List<String> sources, @DefaultValue List<String> fields) {

	}

}
