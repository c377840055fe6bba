package io.itsmhub.app.ingest;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Map;

import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.json.CanonicalItemReader;

/**
 * Reads a dropped file by its extension: {@code .json}, {@code .ndjson} and
 * {@code .jsonl} hold canonical items; {@code .csv} is read with the source's column
 * mapping from {@code hub.ingest.csv.<source>}.
 */
public class SourceFileReaders {

	private final CanonicalItemReader canonical;

	private final Map<String, Map<String, Object>> csvMappings;

	private final Clock clock;

	public SourceFileReaders(Map<String, Map<String, Object>> csvMappings, Clock clock) {
		this.canonical = new CanonicalItemReader(clock);
		this.csvMappings = csvMappings;
		this.clock = clock;
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
		Map<String, Object> mapping = this.csvMappings.get(source);
		if (mapping == null) {
			throw new UnreadableFileException("no CSV column mapping is configured for source '" + source
					+ "': add one under hub.ingest.csv." + source);
		}
		throw new UnreadableFileException("CSV reading is not wired yet");
	}

	private static void checkText(byte[] content) {
		try {
			StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content));
		}
		catch (CharacterCodingException ex) {
			throw new UnreadableFileException("the file is not UTF-8 text");
		}
	}

	Clock clock() {
		return this.clock;
	}

}
