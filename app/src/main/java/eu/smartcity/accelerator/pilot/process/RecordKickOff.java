package eu.smartcity.accelerator.pilot.process;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.pilot.PilotProcess;
import eu.smartcity.accelerator.pilot.internal.Pilots;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of UserTask_KickOff: the selected application's pilot runs (a replication's leaves it be; a pilot
 * process run on its own, as in its process tests, has no application).
 */
@Component("recordKickOff")
class RecordKickOff implements TaskListener {

    private final Pilots pilots;
    private final Applications applications;

    RecordKickOff(Pilots pilots, Applications applications) {
        this.pilots = pilots;
        this.applications = applications;
    }

    @Override
    public void notify(DelegateTask task) {
        pilots.findById(PilotProcess.PILOT_ID.from(task))
                .filter(pilot -> pilot.originalPilotId() == null && applications.find(pilot.applicationId()).isPresent())
                .ifPresent(pilot -> applications.pilotKickedOff(pilot.applicationId()));
    }
}
