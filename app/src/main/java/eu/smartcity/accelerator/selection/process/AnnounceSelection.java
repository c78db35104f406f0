package eu.smartcity.accelerator.selection.process;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.application.Applications.ApplicationView;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.identity.Organisations;
import eu.smartcity.accelerator.opendata.OcdsFacts;
import eu.smartcity.accelerator.opendata.OcdsPublisher;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_AnnounceSelection: the top-ranked application is selected; every applicant under review is told
 * (its Under review state moves on with the selection's outcome); the award is published (OCDS); the ids of the contract, pilot and evaluation to come
 * are fixed here (their business keys).
 */
@Component("announceSelection")
class AnnounceSelection implements JavaDelegate {

    private final Applications applications;
    private final OcdsPublisher ocds;
    private final Organisations organisations;

    AnnounceSelection(Applications applications, OcdsPublisher ocds, Organisations organisations) {
        this.applications = applications;
        this.ocds = ocds;
        this.organisations = organisations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID challengeId = ChallengeProcess.CHALLENGE_ID.from(execution);
        UUID selected = ChallengeProcess.TOP_APPLICATION_ID.from(execution);
        applications.announceSelection(challengeId, selected);
        ApplicationView winner = applications.find(selected).orElseThrow();
        ChallengeProcess.SELECTED_APPLICATION_ID.set(execution, selected);
        ChallengeProcess.COMPANY_GROUP.set(execution, winner.companyGroup());
        ChallengeProcess.CONTRACT_AMOUNT.set(execution, winner.requestedBudget().doubleValue());
        ChallengeProcess.CONTRACT_ID.set(execution, UUID.randomUUID());
        ChallengeProcess.PILOT_ID.set(execution, UUID.randomUUID());
        ChallengeProcess.EVALUATION_ID.set(execution, UUID.randomUUID());
        ocds.publishAward(new OcdsFacts.Award(challengeId.toString(), challengeId + "-award-1",
                new OcdsFacts.Party(winner.companyGroup(), organisations.nameOf(winner.companyGroup())),
                winner.solutionTitle(), winner.requestedBudget(), Instant.now()));
    }
}
