package io.itsmhub.sources.files;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.itsmhub.api.model.CiClass;
import io.itsmhub.api.model.IdentifierType;

/**
 * How the columns of a source's CSV files map to canonical fields.
 *
 * @param sourceKeyColumn the header of the column that holds the record's key in its
 * source (required)
 * @param ciClassColumn the header of the column that holds the canonical class, or
 * {@code null} when every row has {@code defaultCiClass}
 * @param defaultCiClass the class of rows whose class column is empty or absent, or
 * {@code null} when every row must name its class
 * @param columns canonical path to CSV header, such as
 * {@code identifiers.serial_number -> Serial}; paths are {@code name},
 * {@code identifiers.<type>}, {@code attributes.<any>}, {@code facts.<fact>} (with
 * {@code facts.purchase_cost.amount}, {@code facts.purchase_cost.currency},
 * {@code facts.depreciation.method} and {@code facts.depreciation.months}) and
 * {@code observedAt}
 * @param listSeparator what separates the values of a list-valued identifier
 * ({@code mac_address}) inside one cell
 * @param delimiter the column delimiter
 */
public record CsvColumnMapping(String sourceKeyColumn, String ciClassColumn, String defaultCiClass,
		Map<String, String> columns, String listSeparator, char delimiter) {

	/** The list separator when none is given. */
	public static final String DEFAULT_LIST_SEPARATOR = ";";

	/** The delimiter when none is given. */
	public static final char DEFAULT_DELIMITER = ',';

	/**
	 * Fact paths a column can fill: the simple facts and the parts of the composite ones.
	 */
	static final Set<String> FACT_PATHS = Set.of("facts.owner", "facts.cost_center", "facts.purchase_cost.amount",
			"facts.purchase_cost.currency", "facts.purchase_date", "facts.warranty_expires", "facts.contract_id",
			"facts.vendor", "facts.lifecycle_status", "facts.location", "facts.depreciation.method",
			"facts.depreciation.months");

	/**
	 * Checks the mapping.
	 * @throws IllegalArgumentException naming every path that is not canonical and every
	 * other problem, all at once
	 */
	public CsvColumnMapping {
		List<String> problems = new ArrayList<>();
		if (sourceKeyColumn == null || sourceKeyColumn.isBlank()) {
			problems.add("sourceKeyColumn is required: the column holding each record's key in its source");
		}
		if (defaultCiClass != null && CiClass.fromId(defaultCiClass).isEmpty()) {
			problems.add("defaultCiClass '" + defaultCiClass + "' is not a known class");
		}
		if ((ciClassColumn == null || ciClassColumn.isBlank()) && defaultCiClass == null) {
			problems.add("give ciClassColumn, defaultCiClass or both: every row needs a class");
		}
		if (columns == null) {
			columns = Map.of();
		}
		columns.forEach((path, header) -> {
			if (!isCanonicalPath(path)) {
				problems.add("'" + path + "' is not a canonical path; use name, observedAt, identifiers.<"
						+ String.join("|", identifierNames()) + ">, attributes.<name> or one of "
						+ String.join(", ", FACT_PATHS.stream().sorted().toList()));
			}
			if (header == null || header.isBlank()) {
				problems.add("'" + path + "' names no CSV column");
			}
		});
		if (listSeparator == null || listSeparator.isEmpty()) {
			listSeparator = DEFAULT_LIST_SEPARATOR;
		}
		if (delimiter == '\0') {
			delimiter = DEFAULT_DELIMITER;
		}
		if (listSeparator.equals(String.valueOf(delimiter))) {
			problems.add("listSeparator must differ from the delimiter '" + delimiter + "'");
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("invalid CSV column mapping: " + String.join("; ", problems));
		}
		columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
	}

	/** A mapping with the default list separator and comma delimiter. */
	public static CsvColumnMapping of(String sourceKeyColumn, String ciClassColumn, String defaultCiClass,
			Map<String, String> columns) {
		return new CsvColumnMapping(sourceKeyColumn, ciClassColumn, defaultCiClass, columns, DEFAULT_LIST_SEPARATOR,
				DEFAULT_DELIMITER);
	}

	/**
	 * Binds a mapping from configuration, as Spring Boot gives a YAML section of
	 * {@code hub.ingest.csv.<source>} in a {@code Map<String, Object>}. Keys may be
	 * camelCase or kebab-case ({@code source-key-column}). {@code columns} may be flat
	 * ({@code "[identifiers.serial_number]": Serial}) or nested, as YAML binding splits
	 * keys on dots ({@code identifiers: {serial_number: Serial}}). {@code delimiter} is
	 * one character, or {@code tab}, {@code semicolon}, {@code comma}, {@code pipe}.
	 * @throws IllegalArgumentException naming every problem
	 */
	public static CsvColumnMapping fromMap(Map<String, Object> config) {
		Map<String, Object> byKey = new LinkedHashMap<>();
		config.forEach((key, value) -> byKey.put(normalizeKey(key), value));
		List<String> problems = new ArrayList<>();
		for (String key : byKey.keySet()) {
			if (!Set.of("sourcekeycolumn", "ciclasscolumn", "defaultciclass", "columns", "listseparator", "delimiter")
				.contains(key)) {
				problems.add("unknown key '" + key + "'; known keys are source-key-column, ci-class-column, "
						+ "default-ci-class, columns, list-separator, delimiter");
			}
		}
		Map<String, String> columns = new LinkedHashMap<>();
		Object columnsValue = byKey.get("columns");
		if (columnsValue instanceof Map<?, ?> map) {
			flatten("", map, columns);
		}
		else if (columnsValue != null) {
			problems.add("columns must be a map of canonical path to CSV header");
		}
		char delimiter = DEFAULT_DELIMITER;
		Object delimiterValue = byKey.get("delimiter");
		if (delimiterValue != null) {
			String text = delimiterValue.toString();
			switch (text.toLowerCase(Locale.ROOT)) {
				case "tab", "\\t", "\t" -> delimiter = '\t';
				case "semicolon" -> delimiter = ';';
				case "comma" -> delimiter = ',';
				case "pipe" -> delimiter = '|';
				default -> {
					if (text.length() == 1) {
						delimiter = text.charAt(0);
					}
					else {
						problems.add("delimiter '" + text + "' must be one character");
					}
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("invalid CSV column mapping: " + String.join("; ", problems));
		}
		return new CsvColumnMapping(text(byKey.get("sourcekeycolumn")), text(byKey.get("ciclasscolumn")),
				text(byKey.get("defaultciclass")), columns, text(byKey.get("listseparator")), delimiter);
	}

	/** Whether a path names a canonical field a CSV column can fill. */
	public static boolean isCanonicalPath(String path) {
		if (path == null) {
			return false;
		}
		if (path.equals("name") || path.equals("observedAt") || FACT_PATHS.contains(path)) {
			return true;
		}
		if (path.startsWith("identifiers.")) {
			return IdentifierType.fromId(path.substring("identifiers.".length())).isPresent();
		}
		return path.startsWith("attributes.") && path.length() > "attributes.".length()
				&& !path.substring("attributes.".length()).isBlank();
	}

	private static List<String> identifierNames() {
		return java.util.Arrays.stream(IdentifierType.values())
			.filter((type) -> type != IdentifierType.SOURCE_KEY)
			.map(IdentifierType::id)
			.toList();
	}

	private static void flatten(String prefix, Map<?, ?> map, Map<String, String> into) {
		map.forEach((key, value) -> {
			String name = key.toString();
			// Spring keeps brackets on keys that must not be split on dots
			if (name.startsWith("[") && name.endsWith("]")) {
				name = name.substring(1, name.length() - 1);
			}
			String path = prefix.isEmpty() ? name : prefix + "." + name;
			if (value instanceof Map<?, ?> nested) {
				flatten(path, nested, into);
			}
			else {
				into.put(canonicalSpelling(path), (value != null) ? value.toString() : null);
			}
		});
	}

	/**
	 * The canonical spelling of a path whose underscores or case configuration binding
	 * lost: Spring Boot drops characters other than letters, digits and '-' from map keys
	 * that are not bracketed ({@code serial_number} arrives as {@code serialnumber}).
	 */
	private static String canonicalSpelling(String path) {
		if (path.startsWith("attributes.") || isCanonicalPath(path)) {
			return path;
		}
		List<String> known = new ArrayList<>(FACT_PATHS);
		known.add("name");
		known.add("observedAt");
		identifierNames().forEach((id) -> known.add("identifiers." + id));
		String wanted = normalizeKey(path);
		return known.stream().filter((candidate) -> normalizeKey(candidate).equals(wanted)).findFirst().orElse(path);
	}

	private static String normalizeKey(String key) {
		return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
	}

	private static String text(Object value) {
		return (value != null && !value.toString().isBlank()) ? value.toString() : null;
	}

}
