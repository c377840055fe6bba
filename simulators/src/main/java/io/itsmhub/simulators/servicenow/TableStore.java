package io.itsmhub.simulators.servicenow;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.itsmhub.simulators.core.BadRequestException;
import io.itsmhub.simulators.core.SimulatorException;

/**
 * The records of every table, kept per base table so that a query on a parent table
 * ({@code cmdb_ci}) sees the records of its child classes, with the platform's checks on
 * writes: mandatory columns, value types, and references resolved from a sys_id or a
 * display value.
 */
final class TableStore {

	static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final Pattern SYS_ID = Pattern.compile("[0-9a-f]{32}");

	/** Extra columns accepted as a reference's input value besides the display value. */
	private static final Map<String, List<String>> ALTERNATE_KEYS = Map.of("sys_user", List.of("user_name", "email"),
			"cmn_cost_center", List.of("account_number"), "cmdb_rel_type", List.of("name"));

	private final ServiceNowSchema schema;

	private final Clock clock;

	private final Map<String, LinkedHashMap<String, Map<String, String>>> byRoot = new LinkedHashMap<>();

	/** Columns looked up by identifiers; indexed so a 10,000-CI load is not quadratic. */
	static final Set<String> INDEXED = Set.of("serial_number", "name", "object_id", "asset_tag", "correlation_id",
			"parent", "child", "id", "ci");

	// root table -> column -> lower-case value -> sys_ids
	private final Map<String, Map<String, Map<String, Set<String>>>> indexes = new HashMap<>();

	TableStore(ServiceNowSchema schema, Clock clock) {
		this.schema = schema;
		this.clock = clock;
	}

	ServiceNowSchema schema() {
		return this.schema;
	}

	void clear() {
		this.byRoot.clear();
		this.indexes.clear();
	}

	private void index(String table, String sysId, String field, String oldValue, String newValue) {
		if (!INDEXED.contains(field)) {
			return;
		}
		Map<String, Map<String, Set<String>>> byField = this.indexes.computeIfAbsent(this.schema.root(table),
				(t) -> new HashMap<>());
		Map<String, Set<String>> byValue = byField.computeIfAbsent(field, (f) -> new HashMap<>());
		if (oldValue != null && !oldValue.isEmpty()) {
			Set<String> ids = byValue.get(oldValue.toLowerCase(Locale.ROOT));
			if (ids != null) {
				ids.remove(sysId);
			}
		}
		if (newValue != null && !newValue.isEmpty()) {
			byValue.computeIfAbsent(newValue.toLowerCase(Locale.ROOT), (v) -> new LinkedHashSet<>()).add(sysId);
		}
	}

	/**
	 * The records of a table (and its children) whose indexed column equals a value,
	 * ignoring case.
	 */
	List<Map<String, String>> lookup(String table, String field, String value) {
		if (!INDEXED.contains(field)) {
			List<Map<String, String>> result = new ArrayList<>();
			for (Map<String, String> record : list(table)) {
				if (value.equalsIgnoreCase(record.getOrDefault(field, ""))) {
					result.add(record);
				}
			}
			return result;
		}
		Set<String> ids = this.indexes.getOrDefault(this.schema.root(table), Map.of())
			.getOrDefault(field, Map.of())
			.getOrDefault(value.toLowerCase(Locale.ROOT), Set.of());
		List<Map<String, String>> result = new ArrayList<>();
		for (String id : ids) {
			Map<String, String> record = get(table, id);
			if (record != null) {
				result.add(record);
			}
		}
		return result;
	}

	static String newSysId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	/** A stable sys_id for seeded records, so demo links survive a restart. */
	static String seedSysId(String key) {
		return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
	}

	String now() {
		return LocalDateTime.now(this.clock.withZone(ZoneOffset.UTC)).format(DATE_TIME);
	}

	void requireTable(String table) {
		if (!this.schema.exists(table)) {
			throw new BadRequestException("Invalid table " + table, null);
		}
	}

	Map<String, String> get(String table, String sysId) {
		Map<String, String> record = rows(table).get(sysId);
		return (record != null && this.schema.isA(record.get("sys_class_name"), table)) ? record : null;
	}

	List<Map<String, String>> list(String table) {
		List<Map<String, String>> result = new ArrayList<>();
		for (Map<String, String> record : rows(table).values()) {
			if (this.schema.isA(record.get("sys_class_name"), table)) {
				result.add(record);
			}
		}
		return result;
	}

	List<Map<String, String>> all() {
		List<Map<String, String>> result = new ArrayList<>();
		this.byRoot.values().forEach((rows) -> result.addAll(rows.values()));
		return result;
	}

	private LinkedHashMap<String, Map<String, String>> rows(String table) {
		return this.byRoot.computeIfAbsent(this.schema.root(table), (t) -> new LinkedHashMap<>());
	}

	Map<String, String> insert(String table, Map<String, String> values, String user) {
		return insert(table, values, user, newSysId());
	}

	Map<String, String> insert(String table, Map<String, String> values, String user, String sysId) {
		Map<String, String> clean = validate(table, values, true);
		Map<String, String> record = new LinkedHashMap<>();
		String requested = clean.remove("sys_id");
		String id = (requested != null && SYS_ID.matcher(requested).matches()) ? requested : sysId;
		if (rows(table).containsKey(id)) {
			throw new SimulatorException(403, "Operation Failed", "A record with sys_id " + id + " already exists");
		}
		record.put("sys_id", id);
		record.put("sys_class_name", table);
		record.putAll(clean);
		String now = now();
		record.put("sys_created_on", now);
		record.put("sys_created_by", user);
		record.put("sys_updated_on", now);
		record.put("sys_updated_by", user);
		record.put("sys_mod_count", "0");
		if (this.schema.isA(table, "alm_asset") && record.getOrDefault("display_name", "").isEmpty()) {
			String model = display("cmdb_model", record.get("model"));
			String tag = record.getOrDefault("asset_tag", "");
			record.put("display_name", (model == null || model.isEmpty()) ? tag : tag + " - " + model);
		}
		rows(table).put(id, record);
		record.forEach((field, value) -> index(table, id, field, null, value));
		return record;
	}

	/**
	 * Applies changed values.
	 * @return whether anything changed
	 */
	boolean update(Map<String, String> record, Map<String, String> values, String user) {
		Map<String, String> clean = validate(record.get("sys_class_name"), values, false);
		clean.remove("sys_id");
		clean.remove("sys_class_name");
		boolean changed = false;
		for (Map.Entry<String, String> entry : clean.entrySet()) {
			if (!entry.getValue().equals(record.getOrDefault(entry.getKey(), ""))) {
				index(record.get("sys_class_name"), record.get("sys_id"), entry.getKey(), record.get(entry.getKey()),
						entry.getValue());
				record.put(entry.getKey(), entry.getValue());
				changed = true;
			}
		}
		if (changed) {
			record.put("sys_updated_on", now());
			record.put("sys_updated_by", user);
			record.put("sys_mod_count", Integer.toString(Integer.parseInt(record.get("sys_mod_count")) + 1));
		}
		return changed;
	}

	/** Whether applying these values would change nothing. */
	boolean unchanged(Map<String, String> record, Map<String, String> values) {
		Map<String, String> clean = validate(record.get("sys_class_name"), values, false);
		clean.remove("sys_id");
		clean.remove("sys_class_name");
		return clean.entrySet().stream().allMatch((e) -> e.getValue().equals(record.getOrDefault(e.getKey(), "")));
	}

	void reclassify(Map<String, String> record, String newClass) {
		record.put("sys_class_name", newClass);
	}

	boolean delete(String table, String sysId) {
		Map<String, String> record = get(table, sysId);
		if (record == null) {
			return false;
		}
		record.forEach((field, value) -> index(table, sysId, field, value, null));
		return rows(table).remove(sysId) != null;
	}

	/**
	 * Checks and normalizes the values of a write. Unknown columns are ignored, as the
	 * Table API ignores them.
	 */
	Map<String, String> validate(String table, Map<String, String> values, boolean insert) {
		Map<String, FieldDefinition> fields = this.schema.fields(table);
		Map<String, String> clean = new LinkedHashMap<>();
		List<String> missing = new ArrayList<>();
		for (Map.Entry<String, String> entry : values.entrySet()) {
			FieldDefinition field = fields.get(entry.getKey());
			if (field == null || entry.getKey().startsWith("sys_") && !entry.getKey().equals("sys_id")) {
				continue;
			}
			String value = (entry.getValue() != null) ? entry.getValue().trim() : "";
			clean.put(field.name(), value.isEmpty() ? "" : normalize(table, field, value));
		}
		if (insert) {
			for (FieldDefinition field : fields.values()) {
				if (field.mandatory() && clean.getOrDefault(field.name(), "").isEmpty()) {
					missing.add(field.label());
				}
			}
		}
		if (!missing.isEmpty()) {
			throw new SimulatorException(403, "Operation Failed",
					"Data Policy Exception: \n\tThe following fields are mandatory: " + String.join(", ", missing));
		}
		return clean;
	}

	private String normalize(String table, FieldDefinition field, String value) {
		try {
			return switch (field.type()) {
				case "integer" -> new BigDecimal(value).toBigIntegerExact().toString();
				case "decimal", "currency" -> new BigDecimal(value).toPlainString();
				case "boolean" -> bool(value);
				case "glide_date" -> LocalDate.parse(value).toString();
				case "glide_date_time" -> LocalDateTime.parse(value, DATE_TIME).format(DATE_TIME);
				case "reference" -> resolveReference(field, value);
				default -> value;
			};
		}
		catch (NumberFormatException | ArithmeticException | DateTimeParseException ex) {
			throw new BadRequestException("Invalid value for field: " + field.name(), "'" + value + "' is not a valid "
					+ field.type() + " value for " + table + "." + field.name() + expectedFormat(field.type()));
		}
	}

	private static String expectedFormat(String type) {
		return switch (type) {
			case "glide_date" -> " (expected yyyy-MM-dd)";
			case "glide_date_time" -> " (expected yyyy-MM-dd HH:mm:ss)";
			default -> "";
		};
	}

	private static String bool(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true", "1" -> "true";
			case "false", "0" -> "false";
			default -> throw new NumberFormatException(value);
		};
	}

	private String resolveReference(FieldDefinition field, String value) {
		String table = field.reference();
		if (SYS_ID.matcher(value).matches() && get(table, value) != null) {
			return value;
		}
		List<String> keys = new ArrayList<>();
		keys.add(this.schema.table(this.schema.root(table)).displayField());
		keys.addAll(ALTERNATE_KEYS.getOrDefault(table, List.of()));
		List<String> found = new ArrayList<>();
		for (Map<String, String> candidate : list(table)) {
			for (String key : keys) {
				if (value.equalsIgnoreCase(candidate.getOrDefault(key, ""))) {
					found.add(candidate.get("sys_id"));
					break;
				}
			}
		}
		if (found.size() == 1) {
			return found.get(0);
		}
		throw new BadRequestException("Invalid reference for field: " + field.name(),
				(found.isEmpty() ? "No " : "More than one ") + table + " record matches '" + value + "'");
	}

	/** The display value of a referenced record, or {@code null}. */
	String display(String table, String sysId) {
		if (sysId == null || sysId.isEmpty() || table == null) {
			return null;
		}
		Map<String, String> record = get(table, sysId);
		if (record == null) {
			return null;
		}
		String displayField = this.schema.table(this.schema.root(table)).displayField();
		return record.getOrDefault(displayField, "");
	}

	/** Reads a column, following dot-walked references ({@code asset.serial_number}). */
	String value(Map<String, String> record, String path) {
		int dot = path.indexOf('.');
		if (dot < 0) {
			return record.get(path);
		}
		String head = path.substring(0, dot);
		FieldDefinition field = this.schema.fields(record.get("sys_class_name")).get(head);
		if (field == null || field.reference() == null) {
			return null;
		}
		Map<String, String> target = get(field.reference(), record.getOrDefault(head, ""));
		return (target != null) ? value(target, path.substring(dot + 1)) : null;
	}

	/** Whether a possibly dot-walked column exists on a table. */
	boolean knownField(String table, String path) {
		String current = table;
		String[] parts = path.split("\\.");
		for (int i = 0; i < parts.length; i++) {
			FieldDefinition field = this.schema.fields(current).get(parts[i]);
			if (field == null) {
				return false;
			}
			if (i < parts.length - 1) {
				if (field.reference() == null) {
					return false;
				}
				current = field.reference();
			}
		}
		return true;
	}

}
