package eu.smartcity.accelerator.selection.process;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_CloseCall: no more applications; how many are in the race. */
@Component("closeCall")
class CloseCall implements JavaDelegate {

    private final Challenges challenges;
    private final Applications applications;

    CloseCall(Challenges challenges, Applications applications) {
        this.challenges = challenges;
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID challengeId = ChallengeProcess.CHALLENGE_ID.from(execution);
        challenges.closeCall(challengeId);
        ChallengeProcess.APPLICATION_COUNT.set(execution, (long) applications.submittedTo(challengeId).size());
    }
}
