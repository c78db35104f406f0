package eu.smartcity.accelerator.pilot.process;

import static eu.smartcity.accelerator.pilot.PilotProcess.MILESTONES_DONE;
import static eu.smartcity.accelerator.pilot.PilotProcess.MILESTONE_COUNT;
import static eu.smartcity.accelerator.pilot.PilotProcess.PILOT_ID;
import static eu.smartcity.accelerator.pilot.PilotProcess.PROGRESS;
import static eu.smartcity.accelerator.pilot.PilotProcess.PROGRESS_DECISION;
import static eu.smartcity.accelerator.pilot.PilotProcess.REVIEW_NOTES;

import eu.smartcity.accelerator.opendata.OcdsFacts;
import eu.smartcity.accelerator.opendata.OcdsPublisher;
import eu.smartcity.accelerator.pilot.PilotProcess.ProgressDecision;
import eu.smartcity.accelerator.pilot.internal.Pilot;
import eu.smartcity.accelerator.pilot.internal.Pilots;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of UserTask_ReviewProgress: counts the milestone, keeps the report, may stop the pilot, and
 * publishes the progress as an OCDS implementation release of the pilot's contract.
 */
@Component("recordProgress")
class RecordProgress implements TaskListener {

    private final Pilots pilots;
    private final OcdsPublisher ocds;

    RecordProgress(Pilots pilots, OcdsPublisher ocds) {
        this.pilots = pilots;
        this.ocds = ocds;
    }

    @Override
    public void notify(DelegateTask task) {
        UUID id = PILOT_ID.from(task);
        Pilot pilot = pilots.findById(id).orElseThrow(() -> new NoSuchElementException("No pilot " + id));
        boolean continues = PROGRESS_DECISION.optionalFrom(task).orElse(null) == ProgressDecision.CONTINUE;
        int done = pilot.milestoneReported(PROGRESS.optionalFrom(task).orElse(""), continues,
                REVIEW_NOTES.optionalFrom(task).orElse(null));
        MILESTONES_DONE.set(task, (long) done);
        publishProgress(ocds, pilot, done, MILESTONE_COUNT.optionalFrom(task).orElse(done), continues);
    }

    /**
     * The milestone just met, and the ones still ahead (scheduled, or notMet when the pilot stopped early).
     * Earlier milestones are in earlier releases: the compiled record merges milestones by id. A pilot
     * without a known contract (made before pilots recorded it) publishes nothing.
     */
    static void publishProgress(OcdsPublisher ocds, Pilot pilot, int done, int count, boolean continues) {
        if (pilot.contractId() == null) {
            return;
        }
        // a replication is its own contracting process, keyed by its contract (see ArchiveSignedContract)
        String process = pilot.originalPilotId() == null ? pilot.challengeId().toString() : pilot.contractId().toString();
        Instant now = Instant.now();
        List<OcdsFacts.Milestone> milestones = new ArrayList<>();
        milestones.add(new OcdsFacts.Milestone(pilot.id() + "-m" + done, "Milestone " + done + " of " + count + " reported and reviewed",
                "met", null, now));
        for (int ahead = done + 1; ahead <= count; ahead++) {
            milestones.add(new OcdsFacts.Milestone(pilot.id() + "-m" + ahead, "Milestone " + ahead + " of " + count,
                    continues ? "scheduled" : "notMet", null, null));
        }
        ocds.publishImplementation(new OcdsFacts.Implementation(process, pilot.contractId().toString(), process + "-award-1",
                milestones, now));
    }
}
