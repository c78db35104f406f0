package eu.smartcity.accelerator.challenge.process;

import static eu.smartcity.accelerator.challenge.ChallengeProcess.BUDGET_CAP;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.CHALLENGE_ID;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.KPIS;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.LANGUAGES;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.MIN_TRL;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.OPEN_DATASETS;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.PROBLEM;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.TITLE;

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
        challenges.revise(CHALLENGE_ID.from(task), new Challenges.Definition(TITLE.optionalFrom(task).orElse(null),
                PROBLEM.optionalFrom(task).orElse(null), OPEN_DATASETS.optionalFrom(task).orElse(null),
                BUDGET_CAP.optionalFrom(task).map(BigDecimal::valueOf).orElse(null), KPIS.optionalFrom(task).orElse(null),
                LANGUAGES.optionalFrom(task).orElse(null), MIN_TRL.from(task).intValue()));
    }
}
