package studio.booking.api.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** DESIGN.md, Shape: dependencies point inward; the write and the read side never know each other. */
class ModuleDependencyTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("studio.booking");
    }

    @Test
    void messages_know_none_of_the_other_modules() {
        noClasses().that().resideInAPackage("studio.booking.messages..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("studio.booking.command..", "studio.booking.query..", "studio.booking.api..")
                .check(classes);
    }

    @Test
    void command_side_does_not_know_the_query_side_or_the_api() {
        noClasses().that().resideInAPackage("studio.booking.command..")
                .should().dependOnClassesThat().resideInAnyPackage("studio.booking.query..", "studio.booking.api..")
                .check(classes);
    }

    @Test
    void query_side_does_not_know_the_command_side_or_the_api() {
        noClasses().that().resideInAPackage("studio.booking.query..")
                .should().dependOnClassesThat().resideInAnyPackage("studio.booking.command..", "studio.booking.api..")
                .check(classes);
    }
}
