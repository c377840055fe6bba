package io.itsmhub.mappings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.itsmhub.api.ingest.ParsedRecords;
import io.itsmhub.api.json.CanonicalItemReader;
import io.itsmhub.api.model.DiscoveredItem;
import io.itsmhub.mappings.shipped.ShippedMappings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden tests: for every {@code fixtures/<platform>/<class>/<case>/input.json} (a
 * canonical item), the shipped mapping of the platform gives exactly
 * {@code expected.json}: the payload, or the problems when the item cannot be sent. Run
 * with {@code -Dfixtures.regenerate=true} to rewrite the expected files after a
 * deliberate change, then review the diff.
 */
class GoldenMappingTest {

	static final Path FIXTURES = Path.of("src/test/resources/fixtures");

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

	private static final ShippedMappings SHIPPED = new ShippedMappings();

	private static final Map<String, CompiledMapping> MAPPINGS = new HashMap<>();

	@TestFactory
	Stream<DynamicNode> goldenFixtures() throws IOException {
		try (Stream<Path> platforms = Files.list(FIXTURES)) {
			return platforms.sorted()
				.toList()
				.stream()
				.map((platform) -> DynamicContainer.dynamicContainer(platform.getFileName().toString(),
						cases(platform).stream().map(this::caseTest)));
		}
	}

	@Test
	void everyShippedMappingHasGoldenFixtures() throws IOException {
		for (String platform : SHIPPED.platforms()) {
			assertThat(cases(FIXTURES.resolve(platform))).as("fixtures of %s", platform).hasSizeGreaterThanOrEqualTo(2);
		}
	}

	private DynamicTest caseTest(Path dir) {
		Path platformDir = dir.getParent().getParent();
		String name = platformDir.relativize(dir).toString();
		return DynamicTest.dynamicTest(name, dir.toUri(), () -> {
			String platform = platformDir.getFileName().toString();
			CompiledMapping mapping = MAPPINGS.computeIfAbsent(platform, (id) -> SHIPPED.load(id).orElseThrow());
			DiscoveredItem item = readItem(dir.resolve("input.json"));
			assertThat(item.ciClass().id()).as("the folder names the item's class")
				.isEqualTo(dir.getParent().getFileName().toString());
			String itemId = "item-" + dir.getFileName();
			JsonNode actual;
			try {
				actual = PayloadJson.payload(mapping.map(item, itemId));
			}
			catch (ItemMappingException ex) {
				actual = JSON.createObjectNode().set("problems", PayloadJson.problems(ex.problems()));
			}
			Path expectedFile = dir.resolve("expected.json");
			if (Boolean.getBoolean("fixtures.regenerate") || !Files.exists(expectedFile)) {
				Files.writeString(expectedFile, JSON.writeValueAsString(actual) + "\n");
			}
			JsonNode expected = JSON.readTree(expectedFile.toFile());
			assertThat(JSON.writeValueAsString(actual)).isEqualTo(JSON.writeValueAsString(expected));
			// the same item maps to the same hash every time: delta detection depends on
			// it
			if (actual.has("contentHash")) {
				assertThat(mapping.map(item, itemId).contentHash()).isEqualTo(actual.get("contentHash").asText());
			}
		});
	}

	static DiscoveredItem readItem(Path file) throws IOException {
		ParsedRecords parsed = new CanonicalItemReader().read(Files.readAllBytes(file), null);
		assertThat(parsed.rejections()).as("%s is a valid canonical item", file).isEmpty();
		assertThat(parsed.items()).hasSize(1);
		return parsed.items().get(0).item();
	}

	private static List<Path> cases(Path platform) {
		if (!Files.isDirectory(platform)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(platform)) {
			return files.filter((path) -> path.getFileName().toString().equals("input.json"))
				.map(Path::getParent)
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static String read(Path file) throws IOException {
		return Files.readString(file, StandardCharsets.UTF_8);
	}

}
