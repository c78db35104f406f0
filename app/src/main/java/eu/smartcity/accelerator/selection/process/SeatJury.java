package eu.smartcity.accelerator.selection.process;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_SeatJury: the jury is drawn once, before its first round: as many members as the bylaws say, from the
 * cycle's pool (or the jury group). A re-opened selection keeps its seats.
 */
@Component("seatJury")
class SeatJury implements JavaDelegate {

    private final JuryPanel panel;

    SeatJury(JuryPanel panel) {
        this.panel = panel;
    }

    @Override
    public void execute(DelegateExecution execution) {
        panel.seat(ChallengeProcess.CHALLENGE_ID.from(execution));
    }
}
