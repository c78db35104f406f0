package eu.smartcity.accelerator.workflow.internal;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The models' beans ({@code ${recordJuryScore}}, {@code ${juryPanel.seatsFor(challengeId)}}, {@code ${dueDates.after(…)}})
 * are found before process variables (issue 19). Camunda resolves every name in an expression first as a variable of
 * the scope the expression runs in, walking every scope up to the process instance, and only then as a Spring bean: a
 * delegate expression on a task inside the jury's two nested multi-instances reads the variables of six executions
 * (a query each, plus the execution tree) before it finds its bean, on every completion. Beans of this application
 * (class in {@code eu.smartcity.accelerator}) are now resolved by name first; every other name (variables, Camunda's
 * {@code execution}, {@code task}, {@code authenticatedUserId}, other beans) as before.
 *
 * <p>A variable can no longer hide one of these beans: no model declares a variable with a bean's name
 * ({@code ProcessBeansFirstTest}), and a variable set through a task form or the engine's REST API under such a name
 * now leaves the model's delegate alone instead of replacing it.
 */
@Component
class ProcessBeansFirst extends AbstractProcessEnginePlugin {

    /** Names Camunda's variable resolver answers itself, never taken as a bean name here. */
    static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "caseExecution", "authenticatedUserId");

    private final ApplicationContext context;

    ProcessBeansFirst(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setExpressionManager(new Manager(context, configuration.getBeans(), beanNames(context)));
    }

    /** The application's own beans by name (a bean's class in this code base). */
    static Set<String> beanNames(ApplicationContext context) {
        Set<String> names = new TreeSet<>();
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name, false);
            if (type != null && type.getName().startsWith("eu.smartcity.accelerator.") && !ENGINE_NAMES.contains(name)
                    && !name.contains(".") && !name.contains("#")) {
                names.add(name);
            }
        }
        return names;
    }

    static final class Manager extends SpringExpressionManager {

        private final Set<String> beanNames;

        Manager(ApplicationContext context, java.util.Map<Object, Object> beans, Set<String> beanNames) {
            super(context, beans);
            this.beanNames = beanNames;
        }

        @Override
        protected ELResolver createElResolver() {
            CompositeELResolver resolver = new CompositeELResolver();
            resolver.add(new BeansByName(applicationContext, beanNames));
            resolver.add(super.createElResolver());
            return resolver;
        }
    }

    /** Resolves a top-level name that is one of the application's beans; anything else is left to the next resolver. */
    static final class BeansByName extends ELResolver {

        private final ApplicationContext context;
        private final Set<String> names;

        BeansByName(ApplicationContext context, Set<String> names) {
            this.context = context;
            this.names = names;
        }

        @Override
        public Object getValue(ELContext elContext, Object base, Object property) {
            if (base == null && property instanceof String name && names.contains(name)) {
                elContext.setPropertyResolved(true);
                return context.getBean(name);
            }
            return null;
        }

        @Override
        public Class<?> getType(ELContext elContext, Object base, Object property) {
            return null;
        }

        @Override
        public void setValue(ELContext elContext, Object base, Object property, Object value) {
            // a bean is not assigned to; the next resolver decides
        }

        @Override
        public boolean isReadOnly(ELContext elContext, Object base, Object property) {
            return false; // not resolved here: the next resolver decides, as before
        }

        @Override
        public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext elContext, Object base) {
            return null;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext elContext, Object base) {
            return Object.class;
        }
    }
}
