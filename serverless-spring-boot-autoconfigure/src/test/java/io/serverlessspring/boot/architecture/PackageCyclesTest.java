package io.serverlessspring.boot.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module's packages depend on each other in one direction only: a package per concern, no
 * package cycles, so each can be read (and moved) on its own.
 */
class PackageCyclesTest {

	/** A package of this module and everything below it is one slice. */
	private static ArchRule noCyclesBetween(String slicePattern) {
		return slices().matching(slicePattern).should().beFreeOfCycles();
	}

	@Test
	void packagesOfTheModuleHaveNoCycles() {
		JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.serverlessspring.boot");
		assertThat(main.stream().map((c) -> c.getPackageName()).distinct())
			.as("the rule sees the module's packages")
			.contains("io.serverlessspring.boot.routing", "io.serverlessspring.boot.manifest",
					"io.serverlessspring.boot.scanning");
		noCyclesBetween("io.serverlessspring.boot.(*)..").check(main);
	}

	@Test
	void theRuleReportsACycle() {
		JavaClasses cyclic = new ClassFileImporter().importPackages("io.serverlessspring.boot.architecture.cyclic");
		EvaluationResult result = noCyclesBetween("io.serverlessspring.boot.architecture.cyclic.(*)..").evaluate(cyclic);
		assertThat(result.hasViolation()).isTrue();
		assertThat(result.getFailureReport().toString()).contains("first").contains("second");
	}

}
