package io.itsmhub.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The direction of dependencies between modules (docs/architecture.md, "Modules"). */
class ArchitectureTest {

	private static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.itsmhub");
	}

	@Test
	void theCoreIsPlainJava() {
		noClasses().that()
			.resideInAnyPackage("io.itsmhub.api..", "io.itsmhub.mappings..", "io.itsmhub.reconciliation..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.apache.camel..", "jakarta.servlet..")
			.because("the canonical model, mappings and reconciliation are tested with plain JUnit in milliseconds "
					+ "and reused by every edge, so they must not need a container")
			.check(classes);
	}

	@Test
	void nothingDependsOnTheApplication() {
		noClasses().that()
			.resideOutsideOfPackage("io.itsmhub.app..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.itsmhub.app..")
			.because("the Spring Boot application is the outermost layer; modules below it must work without it")
			.check(classes);
	}

	@Test
	void theCoreDoesNotKnowTheEdges() {
		noClasses().that()
			.resideInAnyPackage("io.itsmhub.api..", "io.itsmhub.mappings..", "io.itsmhub.reconciliation..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.itsmhub.routes..", "io.itsmhub.sources..", "io.itsmhub.connectors..",
					"io.itsmhub.simulators..")
			.because("routes, sources and connectors depend on the core, never the other way round")
			.check(classes);
	}

	@Test
	void reconciliationAndMappingsAreIndependent() {
		noClasses().that()
			.resideInAPackage("io.itsmhub.reconciliation..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.itsmhub.mappings..")
			.because("deciding what an item is and deciding what a platform receives are separate concerns")
			.check(classes);
	}

	@Test
	void simulatorsImitateThePlatformsNotTheHub() {
		noClasses().that()
			.resideInAPackage("io.itsmhub.simulators..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.itsmhub.api..", "io.itsmhub.reconciliation..", "io.itsmhub.mappings..",
					"io.itsmhub.routes..", "io.itsmhub.sources..", "io.itsmhub.connectors..")
			.because("a simulator that shares the hub's code would agree with the hub's bugs")
			.check(classes);
	}

	@Test
	void platformConnectorsDoNotDependOnRoutes() {
		noClasses().that()
			.resideInAPackage("io.itsmhub.connectors..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.itsmhub.routes..")
			.because("connectors are plain beans that routes call; a new platform must not reach into the routes")
			.allowEmptyShould(true)
			.check(classes);
	}

}
