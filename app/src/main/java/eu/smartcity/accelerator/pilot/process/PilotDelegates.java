package eu.smartcity.accelerator.pilot.process;

import static eu.smartcity.accelerator.workflow.ProcessVariables.required;

import eu.smartcity.accelerator.pilot.PilotProcess;
import eu.smartcity.accelerator.pilot.internal.Pilot;
import eu.smartcity.accelerator.pilot.internal.Pilots;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Steps of the pilot and replication processes. */
@Configuration(proxyBeanMethods = false)
class PilotDelegates {

    @Bean
    JavaDelegate openPilot(Pilots pilots) {
        return execution -> {
            UUID id = UUID.fromString(required(execution, PilotProcess.PILOT_ID));
            if (!pilots.existsById(id)) {
                Object original = execution.getVariable(PilotProcess.ORIGINAL_PILOT_ID);
                pilots.save(new Pilot(id, UUID.fromString(required(execution, "challengeId")),
                        UUID.fromString(required(execution, "applicationId")),
                        original == null ? null : UUID.fromString(original.toString()),
                        required(execution, "cityGroup"), required(execution, "companyGroup")));
            }
            execution.setVariable(PilotProcess.MILESTONES_DONE, 0L);
        };
    }

    /** Complete listener of UserTask_ReviewProgress: counts the milestone, keeps the report, may stop the pilot. */
    @Bean
    TaskListener recordProgress(Pilots pilots) {
        return task -> {
            Pilot pilot = pilots.findById(UUID.fromString(required(task, PilotProcess.PILOT_ID)))
                    .orElseThrow(() -> new NoSuchElementException("No pilot " + task.getVariable(PilotProcess.PILOT_ID)));
            boolean continues = Boolean.TRUE.equals(task.getVariable(PilotProcess.CONTINUE_PILOT));
            Object report = task.getVariable("progress");
            int done = pilot.milestoneReported(report == null ? "" : report.toString(), continues);
            task.setVariable(PilotProcess.MILESTONES_DONE, (long) done);
        };
    }

    /** Start listener of EndEvent_PilotCompleted: the pilot record says COMPLETED (it said RUNNING forever before). */
    @Bean
    org.camunda.bpm.engine.delegate.ExecutionListener recordPilotCompleted(Pilots pilots) {
        return execution -> pilots.findById(UUID.fromString(required(execution, PilotProcess.PILOT_ID))).ifPresent(Pilot::completed);
    }

    /** ServiceTask_RemindCompany: a milestone report is due soon. */
    @Bean
    JavaDelegate pilotReminder(Pilots pilots) {
        return execution -> pilots.findById(UUID.fromString(required(execution, PilotProcess.PILOT_ID))).orElseThrow().reminded();
    }

    /** ServiceTask_PrepareReplication: a new contract and pilot for the adopting city, linked to the original. */
    @Bean
    JavaDelegate prepareReplication(Pilots pilots, eu.smartcity.accelerator.contract.ContractDocuments contracts) {
        return execution -> {
            Pilot original = pilots.findById(UUID.fromString(required(execution, PilotProcess.ORIGINAL_PILOT_ID)))
                    .orElseThrow(() -> new NoSuchElementException("No pilot " + execution.getVariable(PilotProcess.ORIGINAL_PILOT_ID)));
            // the new contract starts from the original case's contract (its changes to the template)
            contracts.signedContractOf(original.challengeId(), original.applicationId())
                    .ifPresent(id -> execution.setVariable("originalContractId", id.toString()));
            execution.setVariable("challengeId", original.challengeId().toString());
            execution.setVariable("applicationId", original.applicationId().toString());
            execution.setVariable("contractId", UUID.randomUUID().toString());
            execution.setVariable(PilotProcess.PILOT_ID, UUID.randomUUID().toString());
        };
    }
}
