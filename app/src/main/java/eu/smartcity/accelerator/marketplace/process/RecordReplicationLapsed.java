package eu.smartcity.accelerator.marketplace.process;

import static eu.smartcity.accelerator.pilot.ReplicationProcess.REPLICATION_ID;

import eu.smartcity.accelerator.marketplace.replication.Replications;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The replication's ServiceTask_RecordReplicationLapsed: the supplier did not answer within the bylaws'
 * replicationConfirmationWindow, so the city's replication request says it lapsed and gives up its running key (the
 * city may ask again at once). A replication not started from the marketplace has no request: nothing to record.
 */
@Component("recordReplicationLapsed")
class RecordReplicationLapsed implements JavaDelegate {

    private final Replications replications;
    private final Clock clock = Clock.systemUTC();

    RecordReplicationLapsed(Replications replications) {
        this.replications = replications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        REPLICATION_ID.optionalFrom(execution).flatMap(replications::findById).ifPresent(r -> r.lapsed(clock.instant()));
    }
}
