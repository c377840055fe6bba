package io.itsmhub.mappings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.mappings.shipped.ShippedMappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The invalid-spec suite: every {@code fixtures-invalid/<case>/mapping.yaml}, compiled
 * against the ServiceNow catalog, fails with exactly the errors in
 * {@code expected-errors.txt}, one a line as {@code line:column path: message}, all at
 * once. Run with {@code -Dfixtures.regenerate=true} to rewrite them after a deliberate
 * change to a message, then review the diff.
 */
class InvalidMappingTest {

	private static final Path FIXTURES = Path.of("src/test/resources/fixtures-invalid");

	private static final FieldCatalog CATALOG = new ShippedMappings().catalog("servicenow").orElseThrow();

	private final MappingCompiler compiler = new MappingCompiler();

	@TestFactory
	Stream<DynamicTest> invalidMappings() throws IOException {
		try (Stream<Path> cases = Files.list(FIXTURES)) {
			return cases.sorted()
				.toList()
				.stream()
				.map((dir) -> DynamicTest.dynamicTest(dir.getFileName().toString(), dir.toUri(), () -> check(dir)));
		}
	}

	private void check(Path dir) throws IOException {
		String name = dir.getFileName() + "/mapping.yaml";
		String yaml = Files.readString(dir.resolve("mapping.yaml"));
		List<MappingError> errors = this.compiler.validate(name, yaml, CATALOG);
		List<String> actual = errors.stream()
			.map((error) -> error.line() + ":" + error.column() + " " + error.path() + ": " + error.message())
			.toList();
		Path expectedFile = dir.resolve("expected-errors.txt");
		if (Boolean.getBoolean("fixtures.regenerate") || !Files.exists(expectedFile)) {
			Files.writeString(expectedFile, String.join("\n", actual) + "\n");
		}
		List<String> expected = Files.readAllLines(expectedFile).stream().filter((line) -> !line.isBlank()).toList();
		assertThat(actual).containsExactlyElementsOf(expected);
		assertThat(errors).allSatisfy((error) -> {
			assertThat(error.document()).isEqualTo(name);
			assertThat(error.line()).isPositive();
		});
		assertThatExceptionOfType(MappingValidationException.class)
			.isThrownBy(() -> this.compiler.compile(name, yaml, CATALOG))
			.satisfies((ex) -> assertThat(ex.errors()).isEqualTo(errors));
	}

}
