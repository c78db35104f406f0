package eu.smartcity.accelerator.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/**
 * The models' expressions find this application's beans before process variables (workflow.internal.ProcessBeansFirst,
 * issue 19). That changes nothing only while no variable a model or a form can set has a bean's name: were one to,
 * the bean would now win where the variable used to. Every contract's variables and every form field are checked
 * against the names of the application's components.
 */
class ProcessBeansFirstTest {

    static final Set<String> beanNames = new TreeSet<>();

    @BeforeAll
    static void read() throws Exception {
        ProcessContractsTest.read();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
        DefaultListableBeanFactory registry = new DefaultListableBeanFactory();
        for (BeanDefinition component : scanner.findCandidateComponents("eu.smartcity.accelerator")) {
            beanNames.add(AnnotationBeanNameGenerator.INSTANCE.generateBeanName(component, registry));
        }
    }

    @Test
    void componentsAreFound() {
        // the names the models use, so a scan that found nothing cannot pass the test below
        assertThat(beanNames).contains("juryPanel", "recordJuryScore", "dueDates", "checkEligibility");
    }

    @Test
    void noProcessVariableOrFormFieldHasABeansName() throws Exception {
        Set<String> variables = new TreeSet<>();
        ProcessContractsTest.contracts.values().forEach(c -> variables.addAll(c.variables()));
        ProcessContractsTest.used.values().forEach(variables::addAll);
        ProcessContractsTest.formFields().values().forEach(variables::addAll);
        assertThat(variables).hasSizeGreaterThan(50);
        assertThat(variables).as("variables named like a bean").doesNotContainAnyElementsOf(beanNames);
    }
}
