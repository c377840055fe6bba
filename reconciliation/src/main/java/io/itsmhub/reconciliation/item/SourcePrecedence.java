package io.itsmhub.reconciliation.item;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.itsmhub.api.model.LifecycleFacts.FactName;

/**
 * Which sources are authoritative for which fields. Fields fall into groups; each group
 * has an ordered list of sources, the first the most authoritative. A source that a group
 * does not list ranks below every listed one. A lower source only fills what higher ones
 * leave empty, unless the higher source has not confirmed the item within the staleness
 * window.
 */
public final class SourcePrecedence {

	private final List<Group> groups;

	private final Duration staleness;

	private final Map<String, Group> groupByField = new java.util.concurrent.ConcurrentHashMap<>();

	private SourcePrecedence(List<Group> groups, Duration staleness) {
		this.groups = List.copyOf(groups);
		this.staleness = staleness;
	}

	/**
	 * The built-in groups: the ITAM register owns lifecycle facts; discovery (agents,
	 * cloud inventories, NetBox) owns configuration and relationships.
	 */
	public static SourcePrecedence defaults() {
		Map<String, Group> groups = defaultGroups();
		return new SourcePrecedence(new ArrayList<>(groups.values()), Duration.ofDays(30));
	}

	private static Map<String, Group> defaultGroups() {
		Map<String, Group> groups = new LinkedHashMap<>();
		groups.put("lifecycle",
				new Group("lifecycle", FactName.ALL.stream().map((fact) -> "facts." + fact).toList(), List.of("itam")));
		groups.put("configuration", new Group("configuration", List.of("name", "ciClass", "attributes.*"),
				List.of("agent", "cloud", "netbox")));
		groups.put("relationships",
				new Group("relationships", List.of("relationships"), List.of("agent", "cloud", "netbox")));
		return groups;
	}

	/**
	 * Precedence from configuration. A configured group replaces the built-in group of
	 * the same name; a group that names no fields keeps the built-in group's fields.
	 * @param sourcesByGroup group name to its ordered sources
	 * @param fieldsByGroup group name to field patterns ({@code facts.owner},
	 * {@code attributes.*}); may be empty
	 * @param staleness how long a higher source's silence is tolerated
	 */
	public static SourcePrecedence of(Map<String, List<String>> sourcesByGroup, Map<String, List<String>> fieldsByGroup,
			Duration staleness) {
		Map<String, Group> groups = defaultGroups();
		List<String> errors = new ArrayList<>();
		sourcesByGroup.forEach((name, sources) -> {
			List<String> fields = fieldsByGroup.get(name);
			if (fields == null || fields.isEmpty()) {
				Group builtIn = groups.get(name);
				if (builtIn == null) {
					errors.add("reconciliation.groups." + name + ".fields: a new group must name its fields");
					return;
				}
				fields = builtIn.fields();
			}
			groups.put(name, new Group(name, fields, sources));
		});
		if (!errors.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", errors));
		}
		return new SourcePrecedence(new ArrayList<>(groups.values()), staleness);
	}

	public Duration staleness() {
		return this.staleness;
	}

	public List<Group> groups() {
		return this.groups;
	}

	/** The rank of a source for a field: 0 is the most authoritative. */
	public int rank(String field, String source) {
		Group group = groupOf(field);
		if (group == null) {
			return Integer.MAX_VALUE;
		}
		int index = group.sources().indexOf(source);
		return (index >= 0) ? index : group.sources().size();
	}

	private Group groupOf(String field) {
		return this.groupByField.computeIfAbsent(field, (f) -> {
			for (Group group : this.groups) {
				if (group.matches(f)) {
					return group;
				}
			}
			return NO_GROUP;
		}) == NO_GROUP ? null : this.groupByField.get(field);
	}

	private static final Group NO_GROUP = new Group("", List.of(), List.of());

	/**
	 * A group of fields and its authoritative sources.
	 *
	 * @param name the group's name
	 * @param fields field paths or patterns ending in {@code .*}
	 * @param sources sources in order of authority
	 */
	public record Group(String name, List<String> fields, List<String> sources) {

		public Group {
			fields = List.copyOf(fields);
			sources = List.copyOf(sources);
		}

		boolean matches(String field) {
			for (String pattern : this.fields) {
				if (pattern.endsWith(".*") ? field.startsWith(pattern.substring(0, pattern.length() - 1))
						: pattern.equals(field)) {
					return true;
				}
			}
			return false;
		}

	}

}
