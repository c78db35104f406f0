package eu.smartcity.accelerator.selection.process;

import eu.smartcity.accelerator.application.ApplicationStatus;
import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.ChallengeStage;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * SendTask_TellChallengeWithdrawn and SendTask_TellCycleClosed (challenge): every application still submitted or
 * under review ends (its wait state moves on with the outcome challenge stopped) in the status that says why, and its company gets a mail. The task's
 * input {@code challengeEnding} names the challenge's ending ({@code WITHDRAWN} or {@code CYCLE_CLOSED}).
 */
@Component("tellChallengeStopped")
class TellApplicantsChallengeStopped implements JavaDelegate {

    private final Applications applications;

    TellApplicantsChallengeStopped(Applications applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ChallengeStage ending = ChallengeProcess.CHALLENGE_ENDING.fromLocal(execution);
        ApplicationStatus status = switch (ending) {
            case WITHDRAWN -> ApplicationStatus.CHALLENGE_WITHDRAWN;
            case CYCLE_CLOSED -> ApplicationStatus.CYCLE_CLOSED;
            default -> throw new IllegalStateException("A challenge does not stop as " + ending);
        };
        applications.challengeStopped(ChallengeProcess.CHALLENGE_ID.from(execution), status,
                ChallengeProcess.STOP_REASON.optionalFrom(execution).orElse(""));
    }
}
