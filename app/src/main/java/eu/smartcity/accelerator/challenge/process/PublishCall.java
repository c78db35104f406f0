package eu.smartcity.accelerator.challenge.process;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.internal.JpaChallenges;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_PublishCall: the call opens until its approved closing date; published as an OCDS tender. */
@Component("publishCall")
class PublishCall implements JavaDelegate {

    private final JpaChallenges challenges;
    private final CallTender tender;

    PublishCall(JpaChallenges challenges, CallTender tender) {
        this.challenges = challenges;
        this.tender = tender;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID challengeId = ChallengeProcess.CHALLENGE_ID.from(execution);
        challenges.publish(challengeId);
        tender.publish(challengeId);
    }
}
