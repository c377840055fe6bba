package io.itsmhub.app.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.json.CanonicalItemReader;
import io.itsmhub.sources.agent.AgentInventoryReader;
import io.itsmhub.sources.cloud.AwsConfigReader;
import io.itsmhub.sources.cloud.AzureResourceGraphReader;
import io.itsmhub.sources.files.CsvColumnMapping;
import io.itsmhub.sources.files.CsvHeaderException;
import io.itsmhub.sources.files.CsvItemReader;
import io.itsmhub.sources.netbox.NetBoxReader;

/**
 * Reads a source's input in the source's format ({@code hub.ingest.formats.<source>}).
 * Without one, a dropped file is read by its extension: {@code .json}, {@code .ndjson}
 * and {@code .jsonl} hold canonical items; {@code .csv} is read with the source's column
 * mapping from {@code hub.ingest.csv.<source>}. A {@code .gz} file is uncompressed first
 * (AWS Config delivers its snapshots gzipped).
 */
public class SourceFileReaders {

	private final CanonicalItemReader canonical;

	private final AwsConfigReader aws;

	private final AzureResourceGraphReader azure;

	private final NetBoxReader netbox;

	private final AgentInventoryReader inventory;

	private final Map<String, CsvItemReader> csvReaders = new HashMap<>();

	private final Map<String, SourceFormat> formats;

	/**
	 * @param csvMappings per source, its CSV column mapping as configured
	 * @param formats per source, its format when not canonical
	 * @throws IllegalStateException naming every source whose mapping or format is wrong
	 */
	public SourceFileReaders(Map<String, Map<String, Object>> csvMappings, Map<String, SourceFormat> formats,
			Clock clock) {
		this.canonical = new CanonicalItemReader(clock);
		this.aws = new AwsConfigReader(clock);
		this.azure = new AzureResourceGraphReader(clock);
		this.netbox = new NetBoxReader(clock);
		this.inventory = new AgentInventoryReader(clock);
		this.formats = Map.copyOf(formats);
		List<String> errors = new ArrayList<>();
		csvMappings.forEach((source, config) -> {
			try {
				this.csvReaders.put(source, new CsvItemReader(CsvColumnMapping.fromMap(config), clock));
			}
			catch (IllegalArgumentException ex) {
				errors.add("hub.ingest.csv." + source + ": " + ex.getMessage());
			}
		});
		formats.forEach((source, format) -> {
			if (format == SourceFormat.CSV && !csvMappings.containsKey(source)) {
				errors.add(
						"hub.ingest.formats." + source + ": csv needs a column mapping under hub.ingest.csv." + source);
			}
		});
		if (!errors.isEmpty()) {
			throw new IllegalStateException(String.join("; ", errors));
		}
	}

	/** The source's configured format, canonical when none is. */
	public SourceFormat format(String source) {
		return this.formats.getOrDefault(source, SourceFormat.CANONICAL);
	}

	/**
	 * Reads a file's records.
	 * @param fileName the file's name, lower-case
	 * @throws UnreadableFileException when nothing of the file can be read
	 */
	public ParsedRecords read(String source, String fileName, byte[] content) {
		if (fileName.endsWith(".gz")) {
			content = gunzip(content);
			fileName = fileName.substring(0, fileName.length() - 3);
		}
		SourceFormat format = this.formats.get(source);
		if (format != null) {
			return read(source, format, content);
		}
		if (fileName.endsWith(".json") || fileName.endsWith(".ndjson") || fileName.endsWith(".jsonl")) {
			return read(source, SourceFormat.CANONICAL, content);
		}
		if (fileName.endsWith(".csv")) {
			return read(source, SourceFormat.CSV, content);
		}
		throw new UnreadableFileException("'" + fileName + "' has no known extension: use .json, .ndjson, .jsonl or "
				+ ".csv, or configure the source's format under hub.ingest.formats." + source);
	}

	/**
	 * Reads a body (an API request, a message) in the source's configured format.
	 * @throws UnreadableFileException when nothing of it can be read
	 */
	public ParsedRecords readBody(String source, byte[] content) {
		return read(source, format(source), content);
	}

	/**
	 * Reads content in a given format.
	 * @throws UnreadableFileException when nothing of it can be read
	 */
	public ParsedRecords read(String source, SourceFormat format, byte[] content) {
		return switch (format) {
			case CANONICAL -> {
				checkText(content);
				yield this.canonical.read(content, source);
			}
			case CSV -> {
				checkText(content);
				yield readCsv(source, content);
			}
			case AWS_CONFIG -> this.aws.read(content, source);
			case AZURE_RESOURCE_GRAPH -> this.azure.read(content, source);
			case NETBOX -> this.netbox.read(content, source);
			case GLPI_INVENTORY -> this.inventory.read(content, source);
		};
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

	private static byte[] gunzip(byte[] content) {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UnreadableFileException("the file ends in .gz but is not gzip: " + ex.getMessage());
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
