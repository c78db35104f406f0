package eu.smartcity.accelerator.privacy.process;

import eu.smartcity.accelerator.privacy.ErasureRequestProcess;
import eu.smartcity.accelerator.privacy.internal.ErasureMails;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * SendTask_SendErasureReceipt: tells the person their request arrived and by when it is decided. A mail server that
 * is down must not hold the request back from the coordinators (the month runs from the request): the failure is
 * logged and the decision step opens; the person's "My data" page already says the request was received.
 */
@Component("sendErasureReceipt")
class SendErasureReceipt implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SendErasureReceipt.class);

    private final ErasureMails mails;

    SendErasureReceipt(ErasureMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            mails.receipt(ErasureRequestProcess.REQUEST_ID.from(execution));
        } catch (MailException e) {
            log.warn("Receipt of erasure request {} not sent ({}); the request goes on to the coordinators",
                    ErasureRequestProcess.REQUEST_ID.from(execution), e.getClass().getSimpleName());
        }
    }
}
