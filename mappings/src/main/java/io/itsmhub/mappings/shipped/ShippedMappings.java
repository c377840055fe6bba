package io.itsmhub.mappings.shipped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.mappings.CompiledMapping;
import io.itsmhub.mappings.FieldCatalogReader;
import io.itsmhub.mappings.MappingCompiler;

/**
 * The default mappings on the classpath, under {@code mappings/<platform>/mapping.yaml},
 * each with its field catalog in {@code mappings/<platform>/catalog.yaml}, listed in
 * {@value #INDEX}.
 */
public final class ShippedMappings {

	/**
	 * The index every jar that ships mappings carries: one platform id a line ({@code #}
	 * starts a comment).
	 */
	public static final String INDEX = "META-INF/itsmhub/mappings.index";

	private final MappingCompiler compiler = new MappingCompiler();

	private final List<String> platforms = readIndexes();

	/**
	 * The platforms a default mapping ships for: those named in the {@link #INDEX} of
	 * every jar on the class path, so a platform module that carries its own mapping adds
	 * it without a change here.
	 */
	public List<String> platforms() {
		return this.platforms;
	}

	private static List<String> readIndexes() {
		Set<String> platforms = new LinkedHashSet<>();
		try {
			Enumeration<URL> indexes = ShippedMappings.class.getClassLoader().getResources(INDEX);
			while (indexes.hasMoreElements()) {
				URL index = indexes.nextElement();
				try (InputStream in = index.openStream()) {
					new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
						.map((line) -> line.replaceFirst("#.*", "").strip())
						.filter((line) -> !line.isEmpty())
						.forEach(platforms::add);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return List.copyOf(platforms);
	}

	/** The document name of a platform's default mapping, as errors name it. */
	public static String documentName(String platform) {
		return "mappings/" + platform + "/mapping.yaml";
	}

	/** The YAML text of a platform's default mapping. */
	public Optional<String> mappingText(String platform) {
		return resource(documentName(platform));
	}

	/** The shipped field catalog of a platform. */
	public Optional<FieldCatalog> catalog(String platform) {
		return resource("mappings/" + platform + "/catalog.yaml").map(FieldCatalogReader::read);
	}

	/**
	 * A platform's default mapping, compiled against its shipped catalog.
	 * @throws io.itsmhub.mappings.MappingValidationException when it does not compile (a
	 * build test makes sure none ships so)
	 */
	public Optional<CompiledMapping> load(String platform) {
		return mappingText(platform).map((text) -> this.compiler.compile(documentName(platform), text,
				catalog(platform).orElseThrow(() -> new IllegalStateException("no catalog shipped for " + platform))));
	}

	/**
	 * A platform's default mapping, compiled against the catalog the platform's connector
	 * gives.
	 */
	public Optional<CompiledMapping> load(String platform, FieldCatalog catalog) {
		return mappingText(platform).map((text) -> this.compiler.compile(documentName(platform), text, catalog));
	}

	private static Optional<String> resource(String name) {
		try (InputStream in = ShippedMappings.class.getClassLoader().getResourceAsStream(name)) {
			return (in != null) ? Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)) : Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
