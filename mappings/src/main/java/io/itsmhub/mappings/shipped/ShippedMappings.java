package io.itsmhub.mappings.shipped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.mappings.CompiledMapping;
import io.itsmhub.mappings.FieldCatalogReader;
import io.itsmhub.mappings.MappingCompiler;

/**
 * The default mappings on the classpath, under {@code mappings/<platform>/mapping.yaml},
 * each with its field catalog in {@code mappings/<platform>/catalog.yaml}.
 */
public final class ShippedMappings {

	/** The platforms a default mapping ships for. */
	public static final List<String> PLATFORMS = List.of("servicenow", "jsm-assets", "ivanti", "haloitsm", "xurrent",
			"hornbill");

	private final MappingCompiler compiler = new MappingCompiler();

	/** The platforms a default mapping ships for. */
	public List<String> platforms() {
		return PLATFORMS;
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
