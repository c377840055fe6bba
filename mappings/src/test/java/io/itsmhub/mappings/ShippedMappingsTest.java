package io.itsmhub.mappings;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.itsmhub.api.model.CiClass;
import io.itsmhub.mappings.shipped.ShippedMappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The mapping lint of the build: every shipped mapping compiles against its catalog. */
class ShippedMappingsTest {

	private final ShippedMappings shipped = new ShippedMappings();

	private final MappingCompiler compiler = new MappingCompiler();

	@TestFactory
	Stream<DynamicTest> everyShippedMappingCompiles() {
		return this.shipped.platforms().stream().map((platform) -> DynamicTest.dynamicTest(platform, () -> {
			String text = this.shipped.mappingText(platform).orElseThrow();
			List<MappingError> errors = this.compiler.validate(ShippedMappings.documentName(platform), text,
					this.shipped.catalog(platform).orElseThrow());
			if (!errors.isEmpty()) {
				fail(errors.size() + " error(s):\n"
						+ String.join("\n", errors.stream().map(Object::toString).toList()));
			}
			CompiledMapping mapping = this.shipped.load(platform).orElseThrow();
			assertThat(mapping.platform()).isEqualTo(platform);
			assertThat(mapping.scope()).isNotEmpty();
		}));
	}

	@Test
	void servicenowSendsEveryCanonicalClass() {
		assertThat(this.shipped.load("servicenow").orElseThrow().scope()).containsExactlyInAnyOrder(CiClass.values());
	}

	@Test
	void unknownPlatformHasNoShippedMapping() {
		assertThat(this.shipped.load("no-such-platform")).isEmpty();
	}

}
