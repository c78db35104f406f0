package eu.smartcity.accelerator.challenge.process;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.ChallengeStage;
import eu.smartcity.accelerator.challenge.internal.JpaChallenges;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of the call activities: the challenge's stage follows the process into contracting, the pilot and
 * the evaluation, in the step's transaction (the stage every page and the API show).
 */
@Component("enterChallengeStage")
class EnterChallengeStage implements ExecutionListener {

    static final Map<String, ChallengeStage> STAGES = Map.of(
            ChallengeProcess.CALL_ACTIVITY_CONTRACT, ChallengeStage.CONTRACTING,
            ChallengeProcess.CALL_ACTIVITY_PILOT, ChallengeStage.PILOT_RUNNING,
            ChallengeProcess.CALL_ACTIVITY_EVALUATION, ChallengeStage.EVALUATION);

    private final JpaChallenges challenges;

    EnterChallengeStage(JpaChallenges challenges) {
        this.challenges = challenges;
    }

    @Override
    public void notify(DelegateExecution execution) {
        ChallengeStage stage = STAGES.get(execution.getCurrentActivityId());
        if (stage == null) {
            throw new IllegalStateException("No challenge stage for " + execution.getCurrentActivityId());
        }
        challenges.enter(ChallengeProcess.CHALLENGE_ID.from(execution), stage);
    }
}
