package eu.smartcity.accelerator.marketplace.process;

import static eu.smartcity.accelerator.pilot.ReplicationProcess.REPLICATION_DECISION;
import static eu.smartcity.accelerator.pilot.ReplicationProcess.REPLICATION_ID;
import static eu.smartcity.accelerator.pilot.ReplicationProcess.REPLICATION_NOTES;

import eu.smartcity.accelerator.marketplace.replication.Replications;
import eu.smartcity.accelerator.pilot.ReplicationProcess.ReplicationDecision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of the replication's UserTask_SupplierConfirms: a supplier's refusal and its reason are kept with
 * the city's replication request (a replication not started from the marketplace has none: nothing to record).
 */
@Component("recordReplicationAnswer")
class RecordReplicationAnswer implements TaskListener {

    private final Replications replications;

    RecordReplicationAnswer(Replications replications) {
        this.replications = replications;
    }

    @Override
    public void notify(DelegateTask task) {
        if (REPLICATION_DECISION.optionalFrom(task).filter(ReplicationDecision.DECLINE::equals).isPresent()) {
            String reason = REPLICATION_NOTES.optionalFrom(task).orElse(null);
            REPLICATION_ID.optionalFrom(task).flatMap(replications::findById).ifPresent(r -> r.declinedBySupplier(reason));
        }
    }
}
