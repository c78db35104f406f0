package eu.smartcity.accelerator.challenge.process;

import eu.smartcity.accelerator.challenge.CallDates;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.ChallengeProcess.ChallengeDecision;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.challenge.internal.JpaChallenges;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of UserTask_ApproveChallenge. Sent back, the challenge keeps the remarks for the city (the form's
 * decision rules, {@code forms.DecisionRules}, refuse a send-back without remarks). Approved, the window as the
 * coordinator leaves it in the task (pre-filled with the city's proposal) is checked against the bylaws and stored;
 * the timers read the stored dates, never "now + a duration".
 */
@Component("approveChallenge")
class ApproveChallenge implements TaskListener {

    private final JpaChallenges challenges;

    ApproveChallenge(JpaChallenges challenges) {
        this.challenges = challenges;
    }

    @Override
    public void notify(DelegateTask task) {
        UUID challengeId = ChallengeProcess.CHALLENGE_ID.from(task);
        ChallengeDecision decision = ChallengeProcess.CHALLENGE_DECISION.optionalFrom(task).orElse(null);
        if (decision == ChallengeDecision.SEND_BACK) {
            challenges.sendBack(challengeId, ChallengeProcess.REMARKS.optionalFrom(task).orElse(""));
        } else if (decision == ChallengeDecision.APPROVE) {
            Challenges.CallWindow window = challenges.approve(challengeId, new Challenges.CallWindow(
                    CallDates.parse(ChallengeProcess.CALL_OPENS_AT.name(), ChallengeProcess.CALL_OPENS_AT.optionalFrom(task).orElse(null), false),
                    CallDates.parse(ChallengeProcess.CALL_CLOSES_AT.name(), ChallengeProcess.CALL_CLOSES_AT.optionalFrom(task).orElse(null), true)));
            DelegateExecution execution = task.getExecution();
            ChallengeProcess.CALL_OPENING_DATE.set(execution, Date.from(window.opensAt()));
            ChallengeProcess.CALL_CLOSING_DATE.set(execution, Date.from(window.closesAt()));
            ChallengeProcess.CALL_OPENS_LATER.set(execution, window.opensAt().isAfter(Instant.now()));
            ChallengeProcess.CALL_OPENS_AT.set(execution, CallDates.local(window.opensAt()));
            ChallengeProcess.CALL_CLOSES_AT.set(execution, CallDates.local(window.closesAt()));
        }
    }
}
