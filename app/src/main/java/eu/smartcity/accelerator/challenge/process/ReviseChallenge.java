package eu.smartcity.accelerator.challenge.process;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.challenge.internal.JpaChallenges;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of UserTask_ReviseChallenge: the revised definition replaces the old one. The field keys are the
 * define-challenge form's, which is also the city's first definition on the portal (see docs/process-contracts.md).
 */
@Component("reviseChallenge")
class ReviseChallenge implements TaskListener {

    private final JpaChallenges challenges;

    ReviseChallenge(JpaChallenges challenges) {
        this.challenges = challenges;
    }

    @Override
    public void notify(DelegateTask task) {
        challenges.revise(ChallengeProcess.CHALLENGE_ID.from(task), new Challenges.Definition(
                (String) task.getVariable("title"), (String) task.getVariable("problem"),
                (String) task.getVariable("openDatasets"), decimal(task.getVariable("budgetCap")),
                (String) task.getVariable("kpis"), (String) task.getVariable("languages"),
                ((Number) task.getVariable("minTrl")).intValue()));
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof Number n ? new BigDecimal(n.toString()) : null;
    }
}
