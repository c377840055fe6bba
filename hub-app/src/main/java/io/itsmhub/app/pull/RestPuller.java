package io.itsmhub.app.pull;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import io.itsmhub.api.ingest.FieldError;
import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.ingest.RecordRejection;
import io.itsmhub.api.json.CanonicalItemReader;
import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.app.ingest.IngestService;
import io.itsmhub.mappings.MappingError;
import io.itsmhub.mappings.MappingValidationException;
import io.itsmhub.mappings.SourceMapping;

/**
 * Pulls a configured REST source: every collection, page by page to its end, read through
 * the source's format or its mapping, and ingested as one run. An API error fails the
 * whole pull (recorded as a failed run), so a half-read estate never looks complete.
 */
public class RestPuller {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;[^,]*rel=\"?next\"?");

	/** A runaway API (a cursor that never ends) stops here. */
	private static final int MAX_PAGES = 100_000;

	private final Map<String, PullProperties.Source> sources;

	private final IngestService ingest;

	private final Environment environment;

	private final CanonicalItemReader canonical;

	private final Map<String, SourceMapping> mappings = new java.util.HashMap<>();

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

	/**
	 * Checks every source and compiles its mapping.
	 * @throws IllegalStateException listing every configuration and mapping error of
	 * every source: the hub does not start with one
	 */
	public RestPuller(Map<String, PullProperties.Source> sources, IngestService ingest, Environment environment,
			ResourceLoader resources, Clock clock) {
		this.sources = Map.copyOf(sources);
		this.ingest = ingest;
		this.environment = environment;
		this.canonical = new CanonicalItemReader(clock);
		List<String> errors = new ArrayList<>();
		this.sources.forEach((source, config) -> {
			check(source, config, errors);
			SourceMapping mapping = compileMapping(source, config, resources, errors);
			if (mapping != null) {
				this.mappings.put(source, mapping);
			}
		});
		if (!errors.isEmpty()) {
			throw new IllegalStateException(errors.size() + " error(s) in hub.pull:\n" + String.join("\n", errors));
		}
	}

	/**
	 * The source's mapping (its mapping file, or its flat mapping), or {@code null} when
	 * it has a format or its mapping does not compile (the errors say why).
	 */
	private static SourceMapping compileMapping(String source, PullProperties.Source config, ResourceLoader resources,
			List<String> errors) {
		String key = "hub.pull." + source;
		if (config.format() != null) {
			if (config.mappingFile() != null || !config.mapping().isEmpty()) {
				errors.add(key + ".format: give a format or a mapping, not both");
			}
			return null;
		}
		try {
			if (config.mappingFile() != null) {
				if (!config.mapping().isEmpty()) {
					errors.add(key + ".mapping-file: give a mapping file or a flat mapping, not both");
					return null;
				}
				if (config.ciClass() != null) {
					errors.add(key + ".ci-class: with a mapping file, give ciClass in the file");
					return null;
				}
				Resource resource = resources.getResource(
						config.mappingFile().contains(":") ? config.mappingFile() : "file:" + config.mappingFile());
				if (!resource.exists()) {
					errors.add(key + ".mapping-file: " + config.mappingFile() + " does not exist");
					return null;
				}
				String yaml = resource.getContentAsString(StandardCharsets.UTF_8);
				return SourceMapping.compile(config.mappingFile(), yaml);
			}
			if (!config.mapping().containsKey("sourceKey")) {
				// reported by check()
				return null;
			}
			return SourceMapping.flat(key + ".mapping", config.mapping(), config.ciClass());
		}
		catch (MappingValidationException ex) {
			for (MappingError error : ex.errors()) {
				errors.add((config.mappingFile() != null) ? key + ".mapping-file: " + error
						: flatProperty(key, error.path()) + ": " + error.message());
			}
			return null;
		}
		catch (IOException ex) {
			errors.add(key + ".mapping-file: " + config.mappingFile() + " could not be read: " + ex.getMessage());
			return null;
		}
	}

	private static void check(String source, PullProperties.Source config, List<String> errors) {
		String key = "hub.pull." + source;
		try {
			IngestService.checkSource(source);
		}
		catch (IllegalArgumentException ex) {
			errors.add(key + ": " + ex.getMessage());
		}
		if (config.collections().isEmpty()) {
			errors.add(key + ".url: is required");
		}
		if (config.format() == null && config.mappingFile() == null && !config.mapping().containsKey("sourceKey")) {
			errors.add(key + ".mapping: give a format (such as netbox), a mapping-file, or a mapping with sourceKey");
		}
		if (config.paging() == PullProperties.Paging.CURSOR && config.cursorPath() == null) {
			errors.add(key + ".cursor-path: is required with cursor paging");
		}
		if (config.pageSize() < 1) {
			errors.add(key + ".page-size: must be 1 or more");
		}
	}

	/**
	 * The property a flat mapping's error is about: {@code hub.pull.x.mapping[name]} for
	 * {@code fields.name.from}.
	 */
	private static String flatProperty(String key, String path) {
		if (path.equals("ciClass")) {
			return key + ".ci-class";
		}
		if (!path.startsWith("fields.")) {
			return key + ".mapping";
		}
		String field = path.substring("fields.".length());
		field = field.endsWith(".from") ? field.substring(0, field.length() - ".from".length()) : field;
		return key + ".mapping[" + field + "]";
	}

	/** The configured sources. */
	public Map<String, PullProperties.Source> sources() {
		return this.sources;
	}

	/**
	 * Pulls one source now.
	 * @return the run, or {@code null} when the API could not be read (the run is then
	 * recorded as failed)
	 * @throws IllegalArgumentException when no such source is configured
	 */
	public IngestService.Outcome pull(String source) {
		PullProperties.Source config = this.sources.get(source);
		if (config == null) {
			throw new IllegalArgumentException("no REST pull is configured for source '" + source + "'");
		}
		List<ParsedRecords.Indexed> items = new ArrayList<>();
		List<RecordRejection> rejections = new ArrayList<>();
		int base = 0;
		String current = null;
		try {
			for (String collection : config.collections()) {
				current = collection;
				String next = withParams(collection, firstPageParams(config));
				int page = 1;
				int offset = 0;
				for (int pages = 0; next != null && pages < MAX_PAGES; pages++) {
					current = next;
					HttpResponse<byte[]> response = get(next, config);
					if (response.statusCode() != 200) {
						throw new PullException("GET " + next + " answered " + response.statusCode());
					}
					JsonNode root = JSON.readTree(response.body());
					JsonNode records = (config.itemsPath() == null || config.itemsPath().isEmpty()) ? root
							: root.at(config.itemsPath());
					if (!records.isArray()) {
						throw new PullException("GET " + next + ": no array at '" + config.itemsPath() + "'");
					}
					ParsedRecords parsed = read(source, config, response.body(), records);
					for (ParsedRecords.Indexed item : parsed.items()) {
						items.add(new ParsedRecords.Indexed(base + item.index(), item.item()));
					}
					for (RecordRejection rejection : parsed.rejections()) {
						rejections.add(new RecordRejection(base + rejection.index(), rejection.sourceKey(),
								rejection.errors()));
					}
					base += records.size();
					offset += records.size();
					page++;
					next = nextPage(collection, config, root, response, records.size(), offset, page);
				}
			}
		}
		catch (IOException | PullException ex) {
			this.ingest.recordFailed(source, "pull", current, "the pull stopped: " + ex.getMessage());
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		return this.ingest.ingestParsed(source, new ParsedRecords(items, rejections), "pull",
				String.join(" ", config.collections()));
	}

	private ParsedRecords read(String source, PullProperties.Source config, byte[] body, JsonNode records)
			throws IOException {
		if (config.format() != null) {
			return this.ingest.read(source, config.format(), body);
		}
		return map(source, this.mappings.get(source), records);
	}

	/**
	 * Each record through the source's mapping, then the canonical reader: a record that
	 * either cannot take is rejected at its index, naming the field.
	 */
	ParsedRecords map(String source, SourceMapping mapping, JsonNode records) {
		List<ParsedRecords.Indexed> items = new ArrayList<>(records.size());
		List<RecordRejection> rejections = new ArrayList<>(0);
		for (int index = 0; index < records.size(); index++) {
			SourceMapping.Mapped mapped = mapping.map(records.get(index));
			List<FieldError> errors = new ArrayList<>(mapped.errors());
			DiscoveredItem item = errors.isEmpty() ? this.canonical.toItem(mapped.item(), source, errors) : null;
			if (errors.isEmpty() && item != null) {
				items.add(new ParsedRecords.Indexed(index, item));
			}
			else {
				rejections.add(new RecordRejection(index, mapped.sourceKey(), errors));
			}
		}
		return new ParsedRecords(items, rejections);
	}

	private static String firstPageParams(PullProperties.Source config) {
		return switch (config.paging()) {
			case OFFSET -> limitParam(config) + "=" + config.pageSize() + "&" + config.offsetParam() + "=0";
			case PAGE -> config.pageParam() + "=1&" + limitParam(config) + "=" + config.pageSize();
			case CURSOR, LINK_HEADER -> limitParam(config) + "=" + config.pageSize();
		};
	}

	private static String limitParam(PullProperties.Source config) {
		if (config.limitParam() != null) {
			return config.limitParam();
		}
		return (config.paging() == PullProperties.Paging.OFFSET) ? "limit" : "per_page";
	}

	private static String nextPage(String collection, PullProperties.Source config, JsonNode root,
			HttpResponse<byte[]> response, int count, int offset, int page) {
		return switch (config.paging()) {
			case OFFSET -> (count < config.pageSize()) ? null : withParams(collection,
					limitParam(config) + "=" + config.pageSize() + "&" + config.offsetParam() + "=" + offset);
			case PAGE -> (count < config.pageSize()) ? null : withParams(collection,
					config.pageParam() + "=" + page + "&" + limitParam(config) + "=" + config.pageSize());
			case CURSOR -> {
				JsonNode cursor = root.at(config.cursorPath());
				yield (cursor.isMissingNode() || cursor.isNull() || cursor.asText().isEmpty() || count == 0) ? null
						: withParams(collection,
								limitParam(config) + "=" + config.pageSize() + "&" + config.cursorParam() + "="
										+ URLEncoder.encode(cursor.asText(), StandardCharsets.UTF_8));
			}
			case LINK_HEADER -> response.headers()
				.allValues("Link")
				.stream()
				.map(NEXT_LINK::matcher)
				.filter(Matcher::find)
				.map((m) -> URI.create(collection).resolve(m.group(1)).toString())
				.findFirst()
				.orElse(null);
		};
	}

	private static String withParams(String url, String params) {
		return url + (url.contains("?") ? "&" : "?") + params;
	}

	private HttpResponse<byte[]> get(String url, PullProperties.Source config)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(config.timeout())
			.header("Accept", "application/json")
			.GET();
		PullProperties.Auth auth = config.auth();
		if (auth.tokenEnv() != null) {
			request.header("Authorization", auth.tokenScheme() + " " + secret(auth.tokenEnv()));
		}
		else if (auth.username() != null) {
			String password = (auth.passwordEnv() != null) ? secret(auth.passwordEnv()) : "";
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((auth.username() + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** A secret from the environment; only its variable's name ever appears in errors. */
	private String secret(String variable) {
		String value = this.environment.getProperty(variable);
		if (value == null) {
			throw new PullException("the environment variable " + variable + " is not set");
		}
		return value;
	}

	/** Why a pull stopped. */
	static final class PullException extends RuntimeException {

		PullException(String message) {
			super(message);
		}

	}

}
