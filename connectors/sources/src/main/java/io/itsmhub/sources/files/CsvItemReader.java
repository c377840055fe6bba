package io.itsmhub.sources.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.itsmhub.api.ingest.FieldError;
import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.ingest.RecordRejection;
import io.itsmhub.api.json.CanonicalItemReader;
import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.model.IdentifierType;
import io.itsmhub.api.model.LifecycleFacts.FactName;
import io.itsmhub.sources.CanonicalDraft;

/**
 * Reads a CSV file with a header row into canonical items, by a {@link CsvColumnMapping}.
 * Each data row is one record, indexed from 0 after the header (blank lines are skipped
 * and not counted). A row with the wrong number of values or a value that does not fit
 * its field is rejected with the field, the column and the reason; the other rows are
 * read. A header that lacks a mapped column makes the whole file unreadable
 * ({@link CsvHeaderException}). A reader is immutable and can be shared between threads.
 */
public final class CsvItemReader {

	private static final CsvMapper CSV = CsvMapper.builder()
		.enable(CsvParser.Feature.WRAP_AS_ARRAY)
		.enable(CsvParser.Feature.SKIP_EMPTY_LINES)
		.build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

	/** How asset registers commonly spell lifecycle states, to the canonical ones. */
	private static final Map<String, String> LIFECYCLE_SYNONYMS = Map.ofEntries(Map.entry("active", "in_use"),
			Map.entry("deployed", "in_use"), Map.entry("in_service", "in_use"), Map.entry("installed", "in_use"),
			Map.entry("operational", "in_use"), Map.entry("stock", "in_stock"), Map.entry("instock", "in_stock"),
			Map.entry("spare", "in_stock"), Map.entry("on_order", "ordered"), Map.entry("repair", "in_maintenance"),
			Map.entry("in_repair", "in_maintenance"), Map.entry("maintenance", "in_maintenance"),
			Map.entry("decommissioned", "retired"), Map.entry("end_of_life", "retired"),
			Map.entry("disposed_of", "disposed"), Map.entry("scrapped", "disposed"));

	private final CsvColumnMapping mapping;

	private final CanonicalItemReader reader;

	private final Pattern listSeparator;

	public CsvItemReader(CsvColumnMapping mapping, Clock clock) {
		this.mapping = mapping;
		this.reader = new CanonicalItemReader(clock);
		this.listSeparator = Pattern.compile(Pattern.quote(mapping.listSeparator()));
	}

	/**
	 * Reads every data row of a CSV file.
	 * @param body the file, UTF-8 (a byte order mark is allowed)
	 * @param source the source the records belong to
	 * @return the rows read as items, each with its data row index, and the rejected rows
	 * @throws CsvHeaderException when the header lacks a mapped column
	 */
	public ParsedRecords read(byte[] body, String source) {
		String text = new String(body, StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<ParsedRecords.Indexed> items = new ArrayList<>();
		List<RecordRejection> rejections = new ArrayList<>();
		CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(this.mapping.delimiter());
		try (MappingIterator<String[]> rows = CSV.readerFor(String[].class).with(schema).readValues(text)) {
			if (!rows.hasNextValue()) {
				return new ParsedRecords(items, rejections);
			}
			Header header = header(rows.nextValue());
			int index = 0;
			while (true) {
				String[] row;
				try {
					if (!rows.hasNextValue()) {
						break;
					}
					row = rows.nextValue();
				}
				catch (IOException | RuntimeException ex) {
					// the parser cannot resynchronise after broken quoting: what follows
					// is
					// not trustworthy, so say so rather than guess
					rejections.add(RecordRejection.of(index, null, "(row)",
							"malformed CSV near line " + rows.getCurrentLocation().getLineNr() + ": "
									+ ex.getMessage().lines().findFirst().orElse("")
									+ "; the rows after it were not read"));
					break;
				}
				readRow(index++, row, header, source, items, rejections);
			}
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("the CSV file could not be read: " + ex.getMessage(), ex);
		}
		return new ParsedRecords(items, rejections);
	}

	private Header header(String[] names) {
		Map<String, Integer> byName = new HashMap<>();
		Map<String, Integer> byLooseName = new HashMap<>();
		for (int i = 0; i < names.length; i++) {
			String name = names[i].trim();
			byName.putIfAbsent(name, i);
			byLooseName.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
		}
		List<String> missing = new ArrayList<>();
		Map<String, Integer> columns = new LinkedHashMap<>();
		Integer keyColumn = find(this.mapping.sourceKeyColumn(), byName, byLooseName);
		if (keyColumn == null) {
			missing.add(this.mapping.sourceKeyColumn());
		}
		Integer classColumn = null;
		if (this.mapping.ciClassColumn() != null) {
			classColumn = find(this.mapping.ciClassColumn(), byName, byLooseName);
			// a default class makes the class column optional
			if (classColumn == null && this.mapping.defaultCiClass() == null) {
				missing.add(this.mapping.ciClassColumn());
			}
		}
		this.mapping.columns().forEach((path, column) -> {
			Integer position = find(column, byName, byLooseName);
			if (position == null) {
				if (!missing.contains(column)) {
					missing.add(column);
				}
			}
			else {
				columns.put(path, position);
			}
		});
		if (!missing.isEmpty()) {
			throw new CsvHeaderException(missing, List.of(names));
		}
		return new Header(names.length, keyColumn, classColumn, columns);
	}

	private static Integer find(String column, Map<String, Integer> byName, Map<String, Integer> byLooseName) {
		Integer position = byName.get(column.trim());
		return (position != null) ? position : byLooseName.get(column.trim().toLowerCase(Locale.ROOT));
	}

	private void readRow(int index, String[] row, Header header, String source, List<ParsedRecords.Indexed> items,
			List<RecordRejection> rejections) {
		String sourceKey = (header.keyColumn() < row.length) ? blankToNull(row[header.keyColumn()]) : null;
		if (row.length != header.width()) {
			rejections.add(RecordRejection.of(index, sourceKey, "(row)",
					"has " + row.length + " values but the header has " + header.width() + " columns"));
			return;
		}
		CanonicalDraft draft = new CanonicalDraft().sourceKey(sourceKey);
		String ciClass = (header.classColumn() != null) ? blankToNull(row[header.classColumn()]) : null;
		draft.ciClass((ciClass != null) ? ciClass.trim().toLowerCase(Locale.ROOT).replace(' ', '_')
				: this.mapping.defaultCiClass());
		ObjectNode cost = NODES.objectNode();
		ObjectNode depreciation = NODES.objectNode();
		header.columns().forEach((path, position) -> {
			String value = blankToNull(row[position]);
			if (value == null) {
				return;
			}
			value = value.trim();
			if (path.equals("name")) {
				draft.name(value);
			}
			else if (path.equals("observedAt")) {
				draft.observedAt(value);
			}
			else if (path.startsWith("identifiers.")) {
				IdentifierType type = IdentifierType.fromId(path.substring("identifiers.".length())).orElseThrow();
				if (type.multiValued()) {
					this.listSeparator.splitAsStream(value).forEach((part) -> draft.identifier(type, part));
				}
				else {
					draft.identifier(type, value);
				}
			}
			else if (path.startsWith("attributes.")) {
				draft.attribute(path.substring("attributes.".length()), value);
			}
			else if (path.equals("facts.purchase_cost.amount")) {
				cost.put("amount", value);
			}
			else if (path.equals("facts.purchase_cost.currency")) {
				cost.put("currency", value);
			}
			else if (path.equals("facts.depreciation.method")) {
				depreciation.put("method", value);
			}
			else if (path.equals("facts.depreciation.months")) {
				try {
					depreciation.put("months", Integer.parseInt(value));
				}
				catch (NumberFormatException ex) {
					// left as text: the canonical reader names it as not a whole number
					depreciation.put("months", value);
				}
			}
			else if (path.equals("facts.lifecycle_status")) {
				draft.fact(FactName.LIFECYCLE_STATUS, lifecycleStatus(value));
			}
			else {
				draft.fact(path.substring("facts.".length()), value);
			}
		});
		if (!cost.isEmpty()) {
			draft.fact(FactName.PURCHASE_COST, cost);
		}
		if (!depreciation.isEmpty()) {
			draft.fact(FactName.DEPRECIATION, depreciation);
		}
		List<FieldError> errors = new ArrayList<>();
		DiscoveredItem item = this.reader.toItem(draft.toJson(), source, errors);
		if (errors.isEmpty() && item != null) {
			items.add(new ParsedRecords.Indexed(index, item));
		}
		else {
			rejections.add(new RecordRejection(index, sourceKey, errors.stream().map(this::withColumn).toList()));
		}
	}

	/**
	 * The error with the CSV column it came from, so the person fixing the file finds it.
	 */
	private FieldError withColumn(FieldError error) {
		String field = error.field();
		int bracket = field.indexOf('[');
		String base = (bracket > 0) ? field.substring(0, bracket) : field;
		List<String> columns = new ArrayList<>();
		if (base.equals("sourceKey")) {
			columns.add(this.mapping.sourceKeyColumn());
		}
		else if (base.equals("ciClass") && this.mapping.ciClassColumn() != null) {
			columns.add(this.mapping.ciClassColumn());
		}
		this.mapping.columns().forEach((path, column) -> {
			if (path.equals(base) || path.startsWith(base + ".")) {
				columns.add(column);
			}
		});
		if (columns.isEmpty()) {
			return error;
		}
		return new FieldError(field, error.reason() + " (column "
				+ String.join(", ", columns.stream().map((c) -> "'" + c + "'").toList()) + ")");
	}

	private static String lifecycleStatus(String value) {
		String id = value.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
		return LIFECYCLE_SYNONYMS.getOrDefault(id, id);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	public CsvColumnMapping mapping() {
		return this.mapping;
	}

	private record Header(int width, int keyColumn, Integer classColumn, Map<String, Integer> columns) {

	}

}
