package io.serverlessspring.shell;

import java.util.Map;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The console's layout: a package per concern without cycles, the plan independent of its executor. */
class ConsoleLayoutTest {

	private static final JavaClasses CONSOLE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.serverlessspring.shell");

	@Test
	void packagesHaveNoCycles() {
		slices().matching("io.serverlessspring.shell.(*)..").should().beFreeOfCycles().check(CONSOLE);
	}

	@Test
	void thePlanKnowsNothingOfTheExecutorOrOfAws() {
		noClasses().that().resideInAPackage("io.serverlessspring.shell.plan..")
			.should().dependOnClassesThat().resideInAnyPackage("io.serverlessspring.shell.execute..",
					"io.serverlessspring.shell.aws..", "software.amazon.awssdk..")
			.check(CONSOLE);
	}

	@Test
	void noTwoTopLevelClassesShareASimpleName() {
		Map<String, Long> names = CONSOLE.stream()
			.filter(JavaClass::isTopLevelClass)
			.collect(Collectors.groupingBy(JavaClass::getSimpleName, Collectors.counting()));
		assertThat(names.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList()).isEmpty();
	}

}
