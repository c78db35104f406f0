package eu.smartcity.accelerator.marketplace.frameworks;

import eu.smartcity.accelerator.marketplace.replication.Replications;
import static eu.smartcity.accelerator.workflow.ProcessVariables.required;

import eu.smartcity.accelerator.marketplace.FrameworkJoinProcess;
import eu.smartcity.accelerator.identity.Organisations;
import eu.smartcity.accelerator.workflow.EngineAuthentication;
import eu.smartcity.accelerator.opendata.OcdsFacts;
import eu.smartcity.accelerator.opendata.OcdsPublisher;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Steps of the framework-join process, and what the marketplace keeps from the replication process. */
@Configuration(proxyBeanMethods = false)
class FrameworkJoinDelegates {

    /**
     * Complete listener of the replication's UserTask_SupplierConfirms: a supplier's refusal and its reason
     * are kept with the city's replication request (a replication not started from the marketplace has none).
     */
    @Bean
    TaskListener recordReplicationAnswer(Replications replications) {
        return task -> {
            if (eu.smartcity.accelerator.pilot.PilotProcess.DECLINE.equals(
                    task.getVariable(eu.smartcity.accelerator.pilot.PilotProcess.REPLICATION_DECISION))) {
                Object reason = task.getVariable(eu.smartcity.accelerator.pilot.PilotProcess.REPLICATION_NOTES);
                String key = task.getExecution().getProcessBusinessKey();
                try {
                    replications.findById(UUID.fromString(key))
                            .ifPresent(r -> r.declinedBySupplier(reason == null ? null : reason.toString()));
                } catch (IllegalArgumentException | NullPointerException notARequest) {
                    // started outside the marketplace (no request id as business key): nothing to record
                }
            }
        };
    }

    /** ServiceTask_CheckFrameworkOpen. */
    @Bean
    JavaDelegate checkFrameworkOpen(FrameworkContracts contracts) {
        return execution -> execution.setVariable(FrameworkJoinProcess.FRAMEWORK_OPEN,
                contracts.checkOpen(UUID.fromString(required(execution, FrameworkJoinProcess.JOIN_REQUEST_ID))));
    }

    /**
     * Complete listener of UserTask_ApproveJoin: the decision and the deciding officer (the completing
     * user). An approved join is published as open data: the joining city's own contracting process,
     * related to the framework contract as {@code framework}.
     */
    @Bean
    TaskListener recordJoinDecision(FrameworkContracts contracts, OcdsPublisher ocds, Organisations organisations,
            EngineAuthentication engine) {
        return task -> {
            String by = engine.currentUserId().orElse(task.getAssignee());
            Object remarks = task.getVariable(FrameworkJoinProcess.JOIN_REMARKS);
            JoinRequest request = contracts.decide(UUID.fromString(required(task, FrameworkJoinProcess.JOIN_REQUEST_ID)),
                    FrameworkJoinProcess.APPROVE.equals(task.getVariable(FrameworkJoinProcess.JOIN_DECISION)), by,
                    remarks == null ? null : remarks.toString());
            if (JoinRequest.APPROVED.equals(request.status())) {
                Framework framework = contracts.view(request.frameworkId()).orElseThrow().framework();
                ocds.publishFrameworkJoin(new OcdsFacts.FrameworkJoin(request.id().toString(), framework.id().toString(),
                        framework.title(), new OcdsFacts.Party(request.cityGroup(), organisations.nameOf(request.cityGroup())),
                        new OcdsFacts.Party(framework.authorityGroup(), organisations.nameOf(framework.authorityGroup())),
                        request.decidedAt()));
            }
        };
    }
}
