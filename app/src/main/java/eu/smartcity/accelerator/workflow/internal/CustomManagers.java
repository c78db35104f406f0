package eu.smartcity.accelerator.workflow.internal;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/** Replaces one of Camunda's managers (sessions) with a subclass: the plugins' shared step. */
final class CustomManagers {

    private CustomManagers() {
    }

    /** Adds the factory after Camunda's own, so that it replaces Camunda's manager of its session type. Call in preInit. */
    static void add(ProcessEngineConfigurationImpl configuration, SessionFactory factory) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(factory);
        configuration.setCustomSessionFactories(factories);
    }
}
