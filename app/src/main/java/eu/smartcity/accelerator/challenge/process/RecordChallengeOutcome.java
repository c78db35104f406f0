package eu.smartcity.accelerator.challenge.process;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.ChallengeStage;
import eu.smartcity.accelerator.challenge.internal.JpaChallenges;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The "Record outcome" service tasks before the challenge's end events: the challenge's stage becomes how it ended
 * (input {@code challengeOutcome}: EVALUATED, NO_APPLICATIONS, NO_ELIGIBLE_APPLICANT, NO_QUORUM, CONTRACT_NOT_SIGNED),
 * which the city, the applicants and the public pages see.
 */
@Component("recordChallengeOutcome")
class RecordChallengeOutcome implements JavaDelegate {

    private final JpaChallenges challenges;

    RecordChallengeOutcome(JpaChallenges challenges) {
        this.challenges = challenges;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ChallengeStage outcome = ChallengeProcess.CHALLENGE_OUTCOME.fromLocal(execution);
        if (!outcome.ended()) {
            throw new IllegalStateException(outcome + " is not how a challenge ends");
        }
        challenges.enter(ChallengeProcess.CHALLENGE_ID.from(execution), outcome);
    }
}
