package eu.smartcity.accelerator.privacy.process;

import eu.smartcity.accelerator.privacy.ErasureRequestProcess;
import eu.smartcity.accelerator.privacy.internal.ErasureMails;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** SendTask_TellErasureRefused: the legal ground and the coordinator's explanation, in the person's language. */
@Component("tellErasureRefused")
class TellErasureRefused implements JavaDelegate {

    private final ErasureMails mails;

    TellErasureRefused(ErasureMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.refused(ErasureRequestProcess.REQUEST_ID.from(execution));
    }
}
