package eu.smartcity.accelerator.privacy.process;

import eu.smartcity.accelerator.privacy.ErasureRequestProcess;
import eu.smartcity.accelerator.privacy.internal.ErasureRequests;
import eu.smartcity.accelerator.workflow.EngineAuthentication;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of UserTask_DecideErasure, whoever completes it (portal, Tasklist, REST): the decision, its
 * ground and the deciding coordinator go onto the request.
 */
@Component("recordErasureDecision")
class RecordErasureDecision implements TaskListener {

    private final ErasureRequests requests;
    private final EngineAuthentication engine;

    RecordErasureDecision(ErasureRequests requests, EngineAuthentication engine) {
        this.requests = requests;
        this.engine = engine;
    }

    @Override
    public void notify(DelegateTask task) {
        requests.recordDecision(ErasureRequestProcess.REQUEST_ID.from(task),
                engine.currentUserId().orElse(task.getAssignee()),
                ErasureRequestProcess.DECISION.from(task),
                ErasureRequestProcess.REFUSAL_GROUND.optionalFrom(task).orElse(null));
    }
}
