package eu.smartcity.accelerator.workflow.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
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

    /** {@link #add(ProcessEngineConfigurationImpl, SessionFactory)} for a session of {@code type} made by {@code sessions}. */
    static void add(ProcessEngineConfigurationImpl configuration, Class<?> type, Supplier<Session> sessions) {
        add(configuration, new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return type;
            }

            @Override
            public Session openSession() {
                return sessions.get();
            }
        });
    }

    /**
     * Adds the statements of a mapper file on the class path to the engine's MyBatis configuration, once (the
     * configuration may be shared by engines): {@code probe} is one of its statement ids. Call in postInit.
     */
    static void addStatements(Configuration mybatis, String mapper, String probe) {
        synchronized (mybatis) {
            if (mybatis.hasStatement(probe, false)) {
                return;
            }
            try (InputStream in = CustomManagers.class.getClassLoader().getResourceAsStream(mapper)) {
                if (in == null) {
                    throw new IllegalStateException(mapper + " is missing");
                }
                new XMLMapperBuilder(in, mybatis, mapper, mybatis.getSqlFragments()).parse();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
