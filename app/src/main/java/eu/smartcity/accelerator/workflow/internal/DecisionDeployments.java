package eu.smartcity.accelerator.workflow.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.flowable.dmn.engine.DmnEngine;
import org.flowable.dmn.engine.impl.persistence.deploy.Deployer;
import org.flowable.dmn.engine.impl.persistence.deploy.DeploymentManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts Flowable DMN deployments in this JVM, so that {@link FlowableDecisionService} drops its cached decisions
 * the moment a new version is deployed. A deployer appended to the engine's deployers after the engine is built
 * (Flowable 7.2's {@code setCustomPostDeployers} fills a list the DMN engine does not read); the start-up deployment
 * ran before, when nothing was cached yet.
 */
@Component
class DecisionDeployments {

    private final AtomicLong generation = new AtomicLong();

    DecisionDeployments(DmnEngine dmnEngine) {
        DeploymentManager manager = dmnEngine.getDmnEngineConfiguration().getDeploymentManager();
        List<Deployer> deployers = new ArrayList<>(manager.getDeployers());
        deployers.add((deployment, deploymentSettings) -> changed());
        manager.setDeployers(deployers);
    }

    long generation() {
        return generation.get();
    }

    /**
     * After a deployment's decisions are stored and parsed; counts again when the deployment's transaction has
     * ended, so that an evaluation that looked up the latest version before the commit cannot keep it.
     */
    private void changed() {
        generation.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    generation.incrementAndGet();
                }
            });
        }
    }
}
