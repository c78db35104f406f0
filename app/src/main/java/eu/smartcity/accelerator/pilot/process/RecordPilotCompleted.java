package eu.smartcity.accelerator.pilot.process;

import eu.smartcity.accelerator.pilot.PilotProcess;
import eu.smartcity.accelerator.pilot.internal.Pilot;
import eu.smartcity.accelerator.pilot.internal.Pilots;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_RecordPilotCompleted: the demo was given, the pilot record says COMPLETED (a stopped pilot stays stopped). */
@Component("recordPilotCompleted")
class RecordPilotCompleted implements JavaDelegate {

    private final Pilots pilots;

    RecordPilotCompleted(Pilots pilots) {
        this.pilots = pilots;
    }

    @Override
    public void execute(DelegateExecution execution) {
        pilots.findById(PilotProcess.PILOT_ID.from(execution)).ifPresent(Pilot::completed);
    }
}
