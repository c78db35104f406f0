package eu.smartcity.accelerator.workflow.internal;

import eu.smartcity.accelerator.shared.StartupLock;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Camunda builds its engine under the cluster's {@link StartupLock}: creating its tables on an empty database
 * ({@code schema-update: true} checks, then creates), the initial task filter and the deployment of the BPMN
 * files happen on one node at a time. (Camunda's own deployment lock, a row of ACT_GE_PROPERTY, needs the
 * tables to exist already.)
 */
@Component
class EngineStartUnderTheLock extends AbstractProcessEnginePlugin {

    private final StartupLock lock;

    EngineStartUnderTheLock(StartupLock lock) {
        this.lock = lock;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        lock.acquire();
    }
}
