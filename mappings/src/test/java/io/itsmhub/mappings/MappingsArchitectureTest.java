package io.itsmhub.mappings;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The mappings module stays plain Java, testable in milliseconds (STYLE.md §1). */
class MappingsArchitectureTest {

	private static final JavaClasses MAPPINGS = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.itsmhub.mappings");

	@Test
	void usesNeitherSpringNorCamel() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.apache.camel..")
			.because("mappings is plain Java: the app wires it, routes call it")
			.check(MAPPINGS);
	}

	@Test
	void namesNoPlatform() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.itsmhub.connectors..", "io.itsmhub.routes..", "io.itsmhub.app..")
			.because("a new platform is data here (its mapping and catalog), never code")
			.check(MAPPINGS);
	}

}
