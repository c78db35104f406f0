package eu.smartcity.accelerator.marketplace.process;

import static eu.smartcity.accelerator.marketplace.FrameworkJoinProcess.FRAMEWORK_OPEN;
import static eu.smartcity.accelerator.marketplace.FrameworkJoinProcess.JOIN_REQUEST_ID;

import eu.smartcity.accelerator.marketplace.frameworks.FrameworkContracts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_CheckFrameworkOpen: is the framework contract still valid now? If not, the request is marked expired. */
@Component("checkFrameworkOpen")
class CheckFrameworkOpen implements JavaDelegate {

    private final FrameworkContracts contracts;

    CheckFrameworkOpen(FrameworkContracts contracts) {
        this.contracts = contracts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FRAMEWORK_OPEN.set(execution, contracts.checkOpen(JOIN_REQUEST_ID.from(execution)));
    }
}
