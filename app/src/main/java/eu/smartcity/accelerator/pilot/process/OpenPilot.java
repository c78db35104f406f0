package eu.smartcity.accelerator.pilot.process;

import static eu.smartcity.accelerator.pilot.PilotProcess.APPLICATION_ID;
import static eu.smartcity.accelerator.pilot.PilotProcess.CHALLENGE_ID;
import static eu.smartcity.accelerator.pilot.PilotProcess.CITY_GROUP;
import static eu.smartcity.accelerator.pilot.PilotProcess.COMPANY_GROUP;
import static eu.smartcity.accelerator.pilot.PilotProcess.CONTRACT_ID;
import static eu.smartcity.accelerator.pilot.PilotProcess.MILESTONES_DONE;
import static eu.smartcity.accelerator.pilot.PilotProcess.ORIGINAL_PILOT_ID;
import static eu.smartcity.accelerator.pilot.PilotProcess.PILOT_ID;

import eu.smartcity.accelerator.pilot.internal.Pilot;
import eu.smartcity.accelerator.pilot.internal.Pilots;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_OpenPilot: the pilot record is opened (once: a retry finds it) with no milestone reported yet. */
@Component("openPilot")
class OpenPilot implements JavaDelegate {

    private final Pilots pilots;

    OpenPilot(Pilots pilots) {
        this.pilots = pilots;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID id = PILOT_ID.from(execution);
        if (!pilots.existsById(id)) {
            pilots.save(new Pilot(id, CHALLENGE_ID.from(execution), APPLICATION_ID.from(execution),
                    ORIGINAL_PILOT_ID.optionalFrom(execution).orElse(null), CONTRACT_ID.optionalFrom(execution).orElse(null),
                    CITY_GROUP.from(execution), COMPANY_GROUP.from(execution)));
        }
        MILESTONES_DONE.set(execution, 0L);
    }
}
