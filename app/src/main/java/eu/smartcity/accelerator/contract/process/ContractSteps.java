package eu.smartcity.accelerator.contract.process;

import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.contract.internal.Contract;
import eu.smartcity.accelerator.contract.internal.Contracts;
import eu.smartcity.accelerator.workflow.EngineAuthentication;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** What the contract steps share: finding the case, who acted and from where. */
final class ContractSteps {

    private ContractSteps() {}

    static Contract find(Contracts contracts, VariableScope scope) {
        UUID id = ContractProcess.CONTRACT_ID.from(scope);
        return contracts.findById(id).orElseThrow(() -> new NoSuchElementException("No contract " + id));
    }

    /** The logged-in user who completed the task (Tasklist, REST or portal), else its assignee. */
    static String actor(EngineAuthentication engine, DelegateTask task) {
        return engine.currentUserId().orElse(task.getAssignee() != null ? task.getAssignee() : "unknown");
    }

    /** The address the decision came from (portal, Tasklist or REST request); null outside a web request. */
    static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            return servlet.getRequest().getRemoteAddr();
        }
        return null;
    }
}
