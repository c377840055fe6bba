package io.itsmhub.app.ingest;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.json.CanonicalItemReader;
import io.itsmhub.sources.files.CsvColumnMapping;
import io.itsmhub.sources.files.CsvHeaderException;
import io.itsmhub.sources.files.CsvItemReader;

/**
 * Reads a dropped file by its extension: {@code .json}, {@code .ndjson} and
 * {@code .jsonl} hold canonical items; {@code .csv} is read with the source's column
 * mapping from {@code hub.ingest.csv.<source>}.
 */
public class SourceFileReaders {

	private final CanonicalItemReader canonical;

	private final Map<String, CsvItemReader> csvReaders = new HashMap<>();

	/**
	 * @param csvMappings per source, its CSV column mapping as configured
	 * @throws IllegalStateException naming every source whose mapping is wrong
	 */
	public SourceFileReaders(Map<String, Map<String, Object>> csvMappings, Clock clock) {
		this.canonical = new CanonicalItemReader(clock);
		List<String> errors = new ArrayList<>();
		csvMappings.forEach((source, config) -> {
			try {
				this.csvReaders.put(source, new CsvItemReader(CsvColumnMapping.fromMap(config), clock));
			}
			catch (IllegalArgumentException ex) {
				errors.add("hub.ingest.csv." + source + ": " + ex.getMessage());
			}
		});
		if (!errors.isEmpty()) {
			throw new IllegalStateException(String.join("; ", errors));
		}
	}

	/**
	 * Reads a file's records.
	 * @param fileName the file's name, lower-case
	 * @throws UnreadableFileException when nothing of the file can be read
	 */
	public ParsedRecords read(String source, String fileName, byte[] content) {
		checkText(content);
		if (fileName.endsWith(".json") || fileName.endsWith(".ndjson") || fileName.endsWith(".jsonl")) {
			return this.canonical.read(content, source);
		}
		if (fileName.endsWith(".csv")) {
			return readCsv(source, content);
		}
		throw new UnreadableFileException(
				"'" + fileName + "' has no known extension: use .json, .ndjson, .jsonl or .csv");
	}

	private ParsedRecords readCsv(String source, byte[] content) {
		CsvItemReader reader = this.csvReaders.get(source);
		if (reader == null) {
			throw new UnreadableFileException("no CSV column mapping is configured for source '" + source
					+ "': add one under hub.ingest.csv." + source);
		}
		try {
			return reader.read(content, source);
		}
		catch (CsvHeaderException ex) {
			throw new UnreadableFileException(ex.getMessage(), ex);
		}
	}

	private static void checkText(byte[] content) {
		try {
			StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content));
		}
		catch (CharacterCodingException ex) {
			throw new UnreadableFileException("the file is not UTF-8 text");
		}
	}

}
