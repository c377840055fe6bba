package io.itsmhub.app.pull;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.core.env.Environment;

import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.ingest.RecordRejection;
import io.itsmhub.app.ingest.IngestService;
import io.itsmhub.app.ingest.SourceFormat;

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

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

	public RestPuller(Map<String, PullProperties.Source> sources, IngestService ingest, Environment environment) {
		this.sources = Map.copyOf(sources);
		this.ingest = ingest;
		this.environment = environment;
		List<String> errors = new ArrayList<>();
		this.sources.forEach((source, config) -> check(source, config, errors));
		if (!errors.isEmpty()) {
			throw new IllegalStateException(String.join("; ", errors));
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
		if (config.format() == null && !config.mapping().containsKey("sourceKey")) {
			errors.add(key + ".mapping: give a format (such as netbox) or a mapping with sourceKey");
		}
		if (config.paging() == PullProperties.Paging.CURSOR && config.cursorPath() == null) {
			errors.add(key + ".cursor-path: is required with cursor paging");
		}
		if (config.pageSize() < 1) {
			errors.add(key + ".page-size: must be 1 or more");
		}
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
		ArrayNode canonical = JSON.createArrayNode();
		for (JsonNode record : records) {
			canonical.add(map(record, config));
		}
		return this.ingest.read(source, SourceFormat.CANONICAL, JSON.writeValueAsBytes(canonical));
	}

	/** One record through the mapping: a canonical item the canonical reader checks. */
	static ObjectNode map(JsonNode record, PullProperties.Source config) {
		ObjectNode item = JSON.createObjectNode();
		if (config.ciClass() != null) {
			item.put("ciClass", config.ciClass());
		}
		config.mapping().forEach((field, path) -> {
			JsonNode value = record.at(pointer(path));
			if (value.isMissingNode() || value.isNull()) {
				return;
			}
			ObjectNode parent = item;
			String[] parts = field.split("\\.");
			for (int i = 0; i < parts.length - 1; i++) {
				parent = parent.has(parts[i]) ? (ObjectNode) parent.get(parts[i]) : parent.putObject(parts[i]);
			}
			String name = parts[parts.length - 1];
			// a source key is text, whatever the API's id type
			parent.set(name, field.equals("sourceKey") ? JSON.getNodeFactory().textNode(value.asText()) : value);
		});
		return item;
	}

	/** A JSON pointer from {@code /a/b}, {@code $.a.b} or {@code a.b}. */
	static String pointer(String path) {
		if (path.startsWith("/")) {
			return path;
		}
		String dotted = path.startsWith("$.") ? path.substring(2) : path;
		return "/" + dotted.replace('.', '/').replaceAll("\\[(\\d+)\\]", "/$1");
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
