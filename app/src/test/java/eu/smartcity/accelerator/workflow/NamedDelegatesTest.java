package eu.smartcity.accelerator.workflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;

/**
 * Issue 22, point 3: a process step is a named class — one {@link JavaDelegate} or listener per step, package-private,
 * in its feature's {@code process} package — so an incident or a stack trace names the step and a unit test can
 * construct it; never a lambda returned by a {@code @Bean} method of a configuration class.
 */
class NamedDelegatesTest {

    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("eu.smartcity.accelerator");

    @Test
    void noBeanMethodReturnsADelegateOrListener() {
        noMethods().that().areAnnotatedWith(Bean.class)
                .should().haveRawReturnType(JavaDelegate.class)
                .orShould().haveRawReturnType(TaskListener.class)
                .orShould().haveRawReturnType(ExecutionListener.class)
                .because("a lambda shows as $$Lambda in incidents and cannot be unit-tested as a step")
                .check(MAIN);
    }

    @Test
    void everyStepIsAPackagePrivateClassInAProcessPackage() {
        classes().that().implement(JavaDelegate.class).or().implement(TaskListener.class).or().implement(ExecutionListener.class)
                .and().areNotAnonymousClasses()
                .should().resideInAPackage("..process..")
                .andShould().notHaveModifier(JavaModifier.PUBLIC)
                .because("a step belongs to its feature's process package and is reached through the BPMN, not called by others")
                .check(MAIN);
    }
}
