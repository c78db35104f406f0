package eu.smartcity.accelerator.pilot.process;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import static eu.smartcity.accelerator.workflow.ProcessVariables.required;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.pilot.PilotProcess;
import eu.smartcity.accelerator.pilot.internal.Pilot;
import eu.smartcity.accelerator.pilot.internal.Pilots;
import eu.smartcity.accelerator.opendata.OcdsFacts;
import eu.smartcity.accelerator.opendata.OcdsPublisher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
                Object contract = execution.getVariable(ChallengeProcess.CONTRACT_ID.name());
                pilots.save(new Pilot(id, UUID.fromString(required(execution, ChallengeProcess.CHALLENGE_ID.name())),
                        UUID.fromString(required(execution, ChallengeProcess.APPLICATION_ID.name())),
                        original == null ? null : UUID.fromString(original.toString()),
                        contract == null ? null : UUID.fromString(contract.toString()),
                        required(execution, "cityGroup"), required(execution, ChallengeProcess.COMPANY_GROUP.name())));
            }
            execution.setVariable(PilotProcess.MILESTONES_DONE, 0L);
        };
    }

    /**
     * Complete listener of UserTask_KickOff: the selected application's pilot runs (a replication's leaves it be;
     * a pilot process run on its own, as in its process tests, has no application).
     */
    @Bean
    TaskListener recordKickOff(Pilots pilots, Applications applications) {
        return task -> pilots.findById(UUID.fromString(required(task, PilotProcess.PILOT_ID)))
                .filter(pilot -> pilot.originalPilotId() == null && applications.find(pilot.applicationId()).isPresent())
                .ifPresent(pilot -> applications.pilotKickedOff(pilot.applicationId()));
    }

    /**
     * Complete listener of UserTask_ReviewProgress: counts the milestone, keeps the report, may stop the
     * pilot, and publishes the progress as an OCDS implementation release of the pilot's contract.
     */
    @Bean
    TaskListener recordProgress(Pilots pilots, OcdsPublisher ocds) {
        return task -> {
            Pilot pilot = pilots.findById(UUID.fromString(required(task, PilotProcess.PILOT_ID)))
                    .orElseThrow(() -> new NoSuchElementException("No pilot " + task.getVariable(PilotProcess.PILOT_ID)));
            boolean continues = PilotProcess.CONTINUE.equals(task.getVariable(PilotProcess.PROGRESS_DECISION));
            Object report = task.getVariable("progress");
            Object notes = task.getVariable(PilotProcess.REVIEW_NOTES);
            int done = pilot.milestoneReported(report == null ? "" : report.toString(), continues,
                    notes == null ? null : notes.toString());
            task.setVariable(PilotProcess.MILESTONES_DONE, (long) done);
            Object count = task.getVariable(ChallengeProcess.MILESTONE_COUNT.name());
            publishProgress(ocds, pilot, done, count instanceof Number n ? n.intValue() : done, continues);
        };
    }

    /** Start listener of EndEvent_PilotCompleted: the pilot record says COMPLETED (it said RUNNING forever before). */
    @Bean
    org.camunda.bpm.engine.delegate.ExecutionListener recordPilotCompleted(Pilots pilots) {
        return execution -> pilots.findById(UUID.fromString(required(execution, PilotProcess.PILOT_ID))).ifPresent(Pilot::completed);
    }

    /**
     * The milestone just met, and the ones still ahead (scheduled, or notMet when the pilot stopped early).
     * Earlier milestones are in earlier releases: the compiled record merges milestones by id. A pilot
     * without a known contract (made before pilots recorded it) publishes nothing.
     */
    static void publishProgress(OcdsPublisher ocds, Pilot pilot, int done, int count, boolean continues) {
        if (pilot.contractId() == null) {
            return;
        }
        // a replication is its own contracting process, keyed by its contract (see ContractDelegates)
        String process = pilot.originalPilotId() == null ? pilot.challengeId().toString() : pilot.contractId().toString();
        Instant now = Instant.now();
        List<OcdsFacts.Milestone> milestones = new ArrayList<>();
        milestones.add(new OcdsFacts.Milestone(pilot.id() + "-m" + done, "Milestone " + done + " of " + count + " reported and reviewed",
                "met", null, now));
        for (int ahead = done + 1; ahead <= count; ahead++) {
            milestones.add(new OcdsFacts.Milestone(pilot.id() + "-m" + ahead, "Milestone " + ahead + " of " + count,
                    continues ? "scheduled" : "notMet", null, null));
        }
        ocds.publishImplementation(new OcdsFacts.Implementation(process, pilot.contractId().toString(), process + "-award-1",
                milestones, now));
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
            // the new contract starts from the original case's contract (its changes to the template) and links to it;
            // pilots made before they recorded their contract find it through the contract module
            UUID originalContract = original.contractId() != null ? original.contractId()
                    : contracts.signedContractOf(original.challengeId(), original.applicationId()).orElse(null);
            if (originalContract != null) {
                execution.setVariable("originalContractId", originalContract.toString());
            }
            execution.setVariable(ChallengeProcess.CHALLENGE_ID.name(), original.challengeId().toString());
            execution.setVariable(ChallengeProcess.APPLICATION_ID.name(), original.applicationId().toString());
            execution.setVariable(ChallengeProcess.CONTRACT_ID.name(), UUID.randomUUID().toString());
            execution.setVariable(PilotProcess.PILOT_ID, UUID.randomUUID().toString());
        };
    }
}
