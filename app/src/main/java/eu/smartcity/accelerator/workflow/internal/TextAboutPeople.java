package eu.smartcity.accelerator.workflow.internal;

import eu.smartcity.accelerator.workflow.Variable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The names of the variables the process contracts declare as {@link Variable#textAboutPeople free text about people}.
 * The contracts ({@code <module>.<Name>Process}) are the one place that says it; workflow cannot depend on the
 * modules that own them, so it reads them once at engine start by reflection.
 */
final class TextAboutPeople {

    private static final String ROOT_PACKAGE = "eu.smartcity.accelerator";

    private TextAboutPeople() {}

    static Set<String> declaredInContracts() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*Process")));
        Set<String> names = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(ROOT_PACKAGE)) {
            Class<?> contract = ClassUtils.resolveClassName(candidate.getBeanClassName(), TextAboutPeople.class.getClassLoader());
            collect(contract, names);
            for (Class<?> nested : contract.getClasses()) {
                collect(nested, names);
            }
        }
        return Set.copyOf(names);
    }

    private static void collect(Class<?> type, Set<String> names) {
        for (Field field : type.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && Variable.class.isAssignableFrom(field.getType())) {
                try {
                    Variable<?> variable = (Variable<?>) field.get(null);
                    if (variable != null && variable.isTextAboutPeople()) {
                        names.add(variable.name());
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("Cannot read " + field, e);
                }
            }
        }
    }
}
