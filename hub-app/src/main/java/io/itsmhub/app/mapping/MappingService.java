package io.itsmhub.app.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;

import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.mappings.ActiveMappings;
import io.itsmhub.mappings.CompiledMapping;
import io.itsmhub.mappings.MappingCompiler;
import io.itsmhub.mappings.MappingDiff;
import io.itsmhub.mappings.MappingError;
import io.itsmhub.mappings.MappingPreview;
import io.itsmhub.mappings.MappingValidationException;
import io.itsmhub.mappings.shipped.ShippedMappings;
import io.itsmhub.mappings.yaml.LocatedTree;
import io.itsmhub.mappings.yaml.Location;

/**
 * Mapping versions for the admin API, and the active mapping of each platform for the
 * sync engine. The compiled active mappings are kept in memory; at most once per refresh
 * interval, a call to {@link #active} compares the active version numbers in the database
 * with them (one small query), so an activation made by another instance that shares the
 * database applies here too, without a restart. Thread-safe.
 */
public class MappingService implements ActiveMappings {

	/** The author of imported files and shipped defaults. */
	public static final String SYSTEM = "system";

	private static final Logger logger = LoggerFactory.getLogger(MappingService.class);

	/** The longest comment a version takes. */
	public static final int MAX_COMMENT = 4000;

	private final MappingVersionStore store;

	private final Map<String, FieldCatalog> catalogs;

	private final ShippedMappings shipped;

	private final MappingCompiler compiler = new MappingCompiler();

	private final Clock clock;

	private final long refreshMillis;

	private final AtomicLong nextCheck = new AtomicLong(Long.MIN_VALUE);

	/** By platform: the compiled active version. */
	private final Map<String, CompiledMapping> active = new ConcurrentHashMap<>();

	/** By {@code platform@version}: stored versions compiled for previews. */
	private final Map<String, CompiledMapping> compiled = new ConcurrentHashMap<>();

	/**
	 * @param store the versions
	 * @param catalogs by platform id, the field catalog each mapping is checked against;
	 * its keys are the known platforms
	 * @param shipped the default mappings, seeded for platforms without any version
	 * @param clock the time of versions and activations, and of refresh checks
	 * @param refreshInterval how often, at most, to look for activations made elsewhere
	 */
	public MappingService(MappingVersionStore store, Map<String, FieldCatalog> catalogs, ShippedMappings shipped,
			Clock clock, Duration refreshInterval) {
		this.store = store;
		this.catalogs = Map.copyOf(catalogs);
		this.shipped = shipped;
		this.clock = clock;
		this.refreshMillis = refreshInterval.toMillis();
	}

	/** The known platforms, sorted. */
	public List<String> platforms() {
		return this.catalogs.keySet().stream().sorted().toList();
	}

	@Override
	public Optional<CompiledMapping> active(String platform) {
		long now = this.clock.millis();
		long due = this.nextCheck.get();
		if (now >= due && this.nextCheck.compareAndSet(due, now + this.refreshMillis)) {
			try {
				refresh();
			}
			catch (DataAccessException ex) {
				// a database hiccup must not stop syncs that have a mapping in memory
				logger.warn("Cannot look for mapping activations now; using the mappings in memory: {}",
						ex.getMessage());
			}
		}
		return Optional.ofNullable(this.active.get(platform));
	}

	/**
	 * Brings the compiled active mappings in line with the database. A version that does
	 * not compile against today's catalog (the platform's fields changed) leaves the one
	 * in use in place, with an error in the log.
	 */
	public synchronized void refresh() {
		Map<String, Integer> versions = this.store.activeVersions();
		versions.forEach((platform, version) -> {
			CompiledMapping current = this.active.get(platform);
			if (current != null && current.version() == version) {
				return;
			}
			FieldCatalog catalog = this.catalogs.get(platform);
			if (catalog == null) {
				return;
			}
			try {
				this.active.put(platform, compiledVersion(platform, version));
				logger.info("Mapping of {} is now version {}", platform, version);
			}
			catch (MappingValidationException ex) {
				logger.error("Version {} of the {} mapping is active but does not compile; still using {}: {}", version,
						platform, (current != null) ? "version " + current.version() : "none", ex.getMessage());
			}
		});
		this.active.keySet().retainAll(versions.keySet());
	}

	/** Per platform: the active version and how many versions there are. */
	public List<PlatformSummary> summaries() {
		Map<String, Integer> counts = this.store.versionCounts();
		List<PlatformSummary> summaries = new ArrayList<>();
		for (String platform : platforms()) {
			Optional<MappingActivation> activation = this.store.activation(platform);
			summaries.add(new PlatformSummary(platform, activation.map(MappingActivation::activeVersion).orElse(null),
					counts.getOrDefault(platform, 0), activation.map(MappingActivation::activatedBy).orElse(null),
					activation.map(MappingActivation::activatedAt).orElse(null)));
		}
		return summaries;
	}

	/** Every version of a platform's mapping, oldest first. */
	public List<MappingVersion> versions(String platform) {
		catalog(platform);
		return this.store.versions(platform);
	}

	/** Which version a platform uses, and which before it. */
	public Optional<MappingActivation> activation(String platform) {
		catalog(platform);
		return this.store.activation(platform);
	}

	/**
	 * A version's metadata and text.
	 * @param version the version, {@code null} for the active one
	 */
	public VersionText text(String platform, Integer version) {
		int number = resolve(platform, version);
		MappingVersion meta = this.store.version(platform, number).orElseThrow(() -> notFound(platform, number));
		return new VersionText(meta, this.store.document(platform, number).orElseThrow());
	}

	/** The line diff between two versions. */
	public MappingDiff diff(String platform, int from, int to) {
		catalog(platform);
		String fromText = this.store.document(platform, from).orElseThrow(() -> notFound(platform, from));
		String toText = this.store.document(platform, to).orElseThrow(() -> notFound(platform, to));
		return MappingDiff.of(fromText, toText);
	}

	/**
	 * Every error of a document offered as a new version of a platform's mapping: what
	 * compiling reports, and a {@code version} that is not above every stored one.
	 */
	public List<MappingError> validate(String platform, String yaml) {
		return validate(platform, documentName(platform), yaml);
	}

	private List<MappingError> validate(String platform, String documentName, String yaml) {
		List<MappingError> errors = new ArrayList<>(this.compiler.validate(documentName, yaml, catalog(platform)));
		LocatedTree tree = LocatedTree.read(yaml);
		JsonNode version = tree.root().path("version");
		if (version.canConvertToInt()) {
			int latest = this.store.latestVersion(platform);
			if (version.asInt() <= latest) {
				Location location = tree.locationOf("version");
				errors.add(new MappingError(documentName, version.asInt(), location.line(), location.column(),
						"version", "is " + version.asInt() + ", but " + platform + " already has versions up to "
								+ latest + "; a new version needs a higher number, such as " + (latest + 1)));
			}
		}
		errors.sort(Comparator.comparingInt(MappingError::line)
			.thenComparingInt(MappingError::column)
			.thenComparing(MappingError::path));
		return errors;
	}

	/**
	 * Stores a document as a new draft version, numbered by its own {@code version}.
	 * @throws MappingValidationException with every error, when it is not valid
	 */
	public MappingVersion create(String platform, String yaml, String author, String comment) {
		if (comment != null && comment.length() > MAX_COMMENT) {
			throw new IllegalArgumentException("comment is longer than " + MAX_COMMENT + " characters");
		}
		return create(platform, documentName(platform), yaml, author, comment);
	}

	private MappingVersion create(String platform, String documentName, String yaml, String author, String comment) {
		List<MappingError> errors = validate(platform, documentName, yaml);
		if (!errors.isEmpty()) {
			throw new MappingValidationException(errors);
		}
		CompiledMapping mapping = this.compiler.compile(documentName, yaml, catalog(platform));
		try {
			this.store.insertDraft(platform, mapping.version(), yaml, author, comment, this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			// another admin (or instance) took the number between the check and the
			// insert
			throw new MappingValidationException(validate(platform, documentName, yaml));
		}
		this.compiled.put(key(platform, mapping.version()), mapping);
		return this.store.version(platform, mapping.version()).orElseThrow();
	}

	/**
	 * A dry run of a version (the active one when {@code version} is {@code null}) for
	 * one item: the exact payload and, field by field, the rule that produced each value.
	 */
	public MappingPreview preview(String platform, Integer version, DiscoveredItem item, String itemId) {
		int number = resolve(platform, version);
		return compiledVersion(platform, number).preview(item, itemId);
	}

	/**
	 * Makes a version the active one; the next item processed, in every instance, uses
	 * it. Activating the active version changes nothing.
	 * @throws MappingValidationException when it no longer compiles against the
	 * platform's catalog
	 * @throws MappingConflictException when another activation came in between
	 */
	public MappingActivation activate(String platform, int version, String by) {
		catalog(platform);
		this.store.version(platform, version).orElseThrow(() -> notFound(platform, version));
		CompiledMapping mapping = compiledVersion(platform, version);
		Optional<MappingActivation> current = this.store.activation(platform);
		if (current.isPresent() && current.get().activeVersion() == version) {
			return current.get();
		}
		Integer expected = current.map(MappingActivation::activeVersion).orElse(null);
		if (!this.store.activate(platform, version, expected, by, this.clock.instant())) {
			throw new MappingConflictException("another activation of the " + platform
					+ " mapping came in at the same time; look at its versions and try again");
		}
		synchronized (this) {
			this.active.put(platform, mapping);
		}
		logger.info("{} activated version {} of the {} mapping", by, version, platform);
		return this.store.activation(platform).orElseThrow();
	}

	/**
	 * Re-activates the version that was active before the current one. Rolling back twice
	 * returns to where the first rollback started.
	 * @throws MappingConflictException when there is no previous version
	 */
	public MappingActivation rollback(String platform, String by) {
		catalog(platform);
		MappingActivation current = this.store.activation(platform)
			.orElseThrow(() -> new MappingConflictException("the " + platform + " mapping has no active version"));
		if (current.previousVersion() == null) {
			throw new MappingConflictException(
					"version " + current.activeVersion() + " is the first active version of the " + platform
							+ " mapping; there is no previous version to roll back to");
		}
		return activate(platform, current.previousVersion(), by);
	}

	/**
	 * At start: imports every {@code <platform>.yaml} of a folder whose text differs from
	 * every stored version of that platform (as a new version, activated), and seeds the
	 * shipped default mapping for each platform that has no version and no file. Every
	 * problem is reported at once.
	 * @param directory the folder, such as {@code config/mappings}; a missing folder
	 * imports nothing
	 * @throws IllegalStateException listing every invalid or unusable file
	 */
	public void importAtStart(Path directory) {
		List<String> problems = new ArrayList<>();
		Map<String, Path> files = files(directory, problems);
		for (String platform : platforms()) {
			Path file = files.get(platform);
			if (file != null) {
				importFile(platform, file, problems);
			}
			else if (this.store.latestVersion(platform) == 0) {
				this.shipped.mappingText(platform)
					.ifPresent((text) -> install(platform, ShippedMappings.documentName(platform), text,
							"the default mapping shipped with the hub", problems));
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("The mappings in " + directory + " cannot be imported (" + problems.size()
					+ " problem(s)):\n" + String.join("\n", problems));
		}
		refresh();
	}

	private Map<String, Path> files(Path directory, List<String> problems) {
		Map<String, Path> files = new LinkedHashMap<>();
		if (!Files.isDirectory(directory)) {
			return files;
		}
		try (Stream<Path> list = Files.list(directory)) {
			for (Path file : list.sorted().toList()) {
				String name = file.getFileName().toString();
				if (!Files.isRegularFile(file) || !(name.endsWith(".yaml") || name.endsWith(".yml"))) {
					continue;
				}
				String platform = name.substring(0, name.lastIndexOf('.'));
				if (!this.catalogs.containsKey(platform)) {
					problems.add(file + ": '" + platform + "' is not a platform; name the file <platform>.yaml, one of "
							+ String.join(", ", platforms()));
				}
				else if (files.putIfAbsent(platform, file) != null) {
					problems.add(file + ": " + files.get(platform) + " is the mapping of " + platform
							+ " already; keep one file per platform");
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list " + directory, ex);
		}
		return files;
	}

	private void importFile(String platform, Path file, List<String> problems) {
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			problems.add(file + ": cannot be read: " + ex.getMessage());
			return;
		}
		Optional<Integer> same = this.store.versionWithHash(platform, MappingVersionStore.contentHash(text));
		if (same.isPresent()) {
			// imported before (or created through the API): an admin may have activated
			// another version since, which a restart must not undo
			logger.debug("{} is version {} of the {} mapping already", file, same.get(), platform);
			return;
		}
		install(platform, file.toString(), text, "imported from " + file, problems);
	}

	private void install(String platform, String documentName, String text, String comment, List<String> problems) {
		MappingVersion version;
		try {
			version = create(platform, documentName, text, SYSTEM, comment);
		}
		catch (MappingValidationException ex) {
			if (this.store.versionWithHash(platform, MappingVersionStore.contentHash(text)).isPresent()) {
				return; // another instance starting at the same time imported it
			}
			ex.errors().forEach((error) -> problems.add(error.toString()));
			return;
		}
		Integer expected = this.store.activation(platform).map(MappingActivation::activeVersion).orElse(null);
		this.store.activate(platform, version.version(), expected, SYSTEM, this.clock.instant());
		logger.info("Mapping of {}: version {} ({}) stored and activated", platform, version.version(), comment);
	}

	private int resolve(String platform, Integer version) {
		catalog(platform);
		if (version != null) {
			return version;
		}
		return this.store.activation(platform)
			.map(MappingActivation::activeVersion)
			.orElseThrow(() -> new MappingNotFoundException("the " + platform + " mapping has no active version"));
	}

	private CompiledMapping compiledVersion(String platform, int version) {
		CompiledMapping mapping = this.compiled.get(key(platform, version));
		if (mapping != null) {
			return mapping;
		}
		String text = this.store.document(platform, version).orElseThrow(() -> notFound(platform, version));
		mapping = this.compiler.compile(documentName(platform), text, catalog(platform));
		this.compiled.put(key(platform, version), mapping);
		return mapping;
	}

	private FieldCatalog catalog(String platform) {
		FieldCatalog catalog = this.catalogs.get(platform);
		if (catalog == null) {
			throw new UnknownPlatformException(platform, platforms());
		}
		return catalog;
	}

	private static MappingNotFoundException notFound(String platform, int version) {
		return new MappingNotFoundException("the " + platform + " mapping has no version " + version);
	}

	private static String key(String platform, int version) {
		return platform + "@" + version;
	}

	/** How errors name a platform's stored mapping document. */
	static String documentName(String platform) {
		return platform + "/mapping.yaml";
	}

	/**
	 * One platform in the list of mappings.
	 *
	 * @param platform the platform id
	 * @param activeVersion the version in use, {@code null} when none
	 * @param versions how many versions are stored
	 * @param activatedBy who activated the version in use
	 * @param activatedAt when
	 */
	public record PlatformSummary(String platform, Integer activeVersion, int versions, String activatedBy,
			Instant activatedAt) {

	}

	/**
	 * A version with its text.
	 *
	 * @param version the metadata
	 * @param text the YAML document
	 */
	public record VersionText(MappingVersion version, String text) {

	}

}
