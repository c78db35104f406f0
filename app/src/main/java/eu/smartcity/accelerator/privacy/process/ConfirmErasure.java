package eu.smartcity.accelerator.privacy.process;

import eu.smartcity.accelerator.privacy.ErasureRequestProcess;
import eu.smartcity.accelerator.privacy.internal.ErasureMails;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** SendTask_ConfirmErasure: the person learns their data is being erased, while we still know their address. */
@Component("confirmErasure")
class ConfirmErasure implements JavaDelegate {

    private final ErasureMails mails;

    ConfirmErasure(ErasureMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.erasureConfirmed(ErasureRequestProcess.REQUEST_ID.from(execution));
    }
}
