package eu.smartcity.accelerator.marketplace.process;

import static eu.smartcity.accelerator.marketplace.FrameworkJoinProcess.JOIN_DECISION;
import static eu.smartcity.accelerator.marketplace.FrameworkJoinProcess.JOIN_REMARKS;
import static eu.smartcity.accelerator.marketplace.FrameworkJoinProcess.JOIN_REQUEST_ID;

import eu.smartcity.accelerator.identity.Organisations;
import eu.smartcity.accelerator.marketplace.FrameworkJoinProcess.JoinDecision;
import eu.smartcity.accelerator.marketplace.frameworks.Framework;
import eu.smartcity.accelerator.marketplace.frameworks.FrameworkContracts;
import eu.smartcity.accelerator.marketplace.frameworks.JoinRequest;
import eu.smartcity.accelerator.opendata.OcdsFacts;
import eu.smartcity.accelerator.opendata.OcdsPublisher;
import eu.smartcity.accelerator.workflow.EngineAuthentication;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of UserTask_ApproveJoin: the decision and the deciding officer (the completing user). An approved
 * join is published as open data: the joining city's own contracting process, related to the framework contract as
 * {@code framework}.
 */
@Component("recordJoinDecision")
class RecordJoinDecision implements TaskListener {

    private final FrameworkContracts contracts;
    private final OcdsPublisher ocds;
    private final Organisations organisations;
    private final EngineAuthentication engine;

    RecordJoinDecision(FrameworkContracts contracts, OcdsPublisher ocds, Organisations organisations, EngineAuthentication engine) {
        this.contracts = contracts;
        this.ocds = ocds;
        this.organisations = organisations;
        this.engine = engine;
    }

    @Override
    public void notify(DelegateTask task) {
        String by = engine.currentUserId().orElse(task.getAssignee());
        boolean approved = JOIN_DECISION.optionalFrom(task).map(JoinDecision.APPROVE::equals).orElse(false);
        JoinRequest request = contracts.decide(JOIN_REQUEST_ID.from(task), approved, by, JOIN_REMARKS.optionalFrom(task).orElse(null));
        if (JoinRequest.APPROVED.equals(request.status())) {
            Framework framework = contracts.view(request.frameworkId()).orElseThrow().framework();
            ocds.publishFrameworkJoin(new OcdsFacts.FrameworkJoin(request.id().toString(), framework.id().toString(),
                    framework.title(), new OcdsFacts.Party(request.cityGroup(), organisations.nameOf(request.cityGroup())),
                    new OcdsFacts.Party(framework.authorityGroup(), organisations.nameOf(framework.authorityGroup())),
                    request.decidedAt()));
        }
    }
}
