package eu.smartcity.accelerator.challenge.process;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * SendTask_StopOpenChallenges (accelerator-cycle): the cycle is closed, so each of its challenges that has not
 * reached its contract stops (message CycleClosed); those contracting, piloting or evaluating run to their end.
 */
@Component("stopChallengesOfClosedCycle")
class StopChallengesOfClosedCycle implements JavaDelegate {

    private final Challenges challenges;

    StopChallengesOfClosedCycle(Challenges challenges) {
        this.challenges = challenges;
    }

    @Override
    public void execute(DelegateExecution execution) {
        challenges.stopWithClosedCycle(ChallengeProcess.CYCLE_ID.from(execution));
    }
}
