package eu.smartcity.accelerator.privacy.process;

import eu.smartcity.accelerator.privacy.ErasureRequestProcess;
import eu.smartcity.accelerator.privacy.internal.ErasureRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_ErasePerson: the decided erasure, through every module, in this job's transaction. */
@Component("eraseRequestedPerson")
class EraseRequestedPerson implements JavaDelegate {

    private final ErasureRequests requests;

    EraseRequestedPerson(ErasureRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.erase(ErasureRequestProcess.REQUEST_ID.from(execution));
    }
}
