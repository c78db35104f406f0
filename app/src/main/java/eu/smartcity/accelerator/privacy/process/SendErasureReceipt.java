package eu.smartcity.accelerator.privacy.process;

import eu.smartcity.accelerator.privacy.internal.ErasureMails;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** SendTask_SendErasureReceipt: tells the person their request arrived and by when it is decided. */
@Component("sendErasureReceipt")
class SendErasureReceipt implements JavaDelegate {

    private final ErasureMails mails;

    SendErasureReceipt(ErasureMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.receipt(ErasureRequestProcess.REQUEST_ID.from(execution));
    }
}
