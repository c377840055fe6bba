package io.itsmhub.mappings;

import org.junit.jupiter.api.Test;

import io.itsmhub.api.target.FieldCatalog;
import io.itsmhub.api.target.FieldType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Catalog YAML: classes inherit fields the way platform tables do. */
class FieldCatalogReaderTest {

	@Test
	void classesInheritAndOverrideTheirParentsFields() {
		FieldCatalog catalog = FieldCatalogReader.read("""
				platform: demo
				relationTypes: [Runs on]
				classes:
				  base:
				    fields:
				      name: {type: string, maxLength: 100, required: true}
				      cost: {type: decimal}
				  server:
				    extends: base
				    fields:
				      name: {type: string, maxLength: 40, required: true}
				      ram: {type: integer}
				""");
		assertThat(catalog.platform()).isEqualTo("demo");
		assertThat(catalog.relationTypes()).containsExactly("Runs on");
		assertThat(catalog.targetClass("server").orElseThrow().fields().keySet()).containsExactly("cost", "name",
				"ram");
		assertThat(catalog.field("server", "name"))
			.contains(new FieldCatalog.Field("name", FieldType.STRING, 40, true));
		assertThat(catalog.field("server", "cost").orElseThrow().type()).isEqualTo(FieldType.DECIMAL);
		assertThat(catalog.field("base", "ram")).isEmpty();
		assertThat(catalog.targetClass("server").orElseThrow().requiredFields()).extracting(FieldCatalog.Field::name)
			.containsExactly("name");
	}

	@Test
	void mistakesInACatalogAreNamed() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FieldCatalogReader.read("platform: x\nclasses: {a: {fields: {f: {type: text}}}}"))
			.withMessageContaining("a.f has unknown type 'text'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FieldCatalogReader.read("platform: x\nclasses: {a: {extends: b}}"))
			.withMessageContaining("class 'b' is extended but not defined");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FieldCatalogReader.read("platform: x\nclasses: {a: {extends: b}, b: {extends: a}}"))
			.withMessageContaining("extends itself");
	}

}
