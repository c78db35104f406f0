package eu.smartcity.accelerator.pilot.process;

import eu.smartcity.accelerator.pilot.PilotProcess;
import eu.smartcity.accelerator.pilot.internal.Pilots;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_RemindCompany: a milestone report is due soon; the reminder is counted on the pilot record. */
@Component("pilotReminder")
class RemindCompany implements JavaDelegate {

    private final Pilots pilots;

    RemindCompany(Pilots pilots) {
        this.pilots = pilots;
    }

    @Override
    public void execute(DelegateExecution execution) {
        pilots.findById(PilotProcess.PILOT_ID.from(execution)).orElseThrow().reminded();
    }
}
