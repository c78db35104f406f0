package eu.smartcity.accelerator.selection.process;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.selection.internal.SelectionReopening;
import eu.smartcity.accelerator.selection.internal.SelectionReopenings;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_ReopenSelection: the jury scores again, in a new round, with the coordinator's reason. */
@Component("reopenSelection")
class ReopenSelection implements JavaDelegate {

    private final SelectionReopenings reopenings;

    ReopenSelection(SelectionReopenings reopenings) {
        this.reopenings = reopenings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long round = ChallengeProcess.JURY_ROUND.from(execution) + 1;
        ChallengeProcess.JURY_ROUND.set(execution, round);
        // the coordinator's reason (required for a re-opening) is kept for the jury's next score tasks
        reopenings.save(new SelectionReopening(ChallengeProcess.CHALLENGE_ID.from(execution), (int) round,
                ChallengeProcess.SELECTION_REMARKS.optionalFrom(execution).orElse(""), Instant.now()));
    }
}
