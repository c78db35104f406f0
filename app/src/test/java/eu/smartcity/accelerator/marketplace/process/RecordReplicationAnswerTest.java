package eu.smartcity.accelerator.marketplace.process;

import static org.assertj.core.api.Assertions.assertThatCode;

import eu.smartcity.accelerator.marketplace.replication.Replications;
import eu.smartcity.accelerator.pilot.ReplicationProcess;
import eu.smartcity.accelerator.pilot.ReplicationProcess.ReplicationDecision;
import eu.smartcity.accelerator.support.FakeScopes;
import eu.smartcity.accelerator.workflow.ProcessVariables;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/**
 * The replication answer and lapse steps on their own (no Spring, no engine): without a marketplace request
 * (a replication started elsewhere) or with a confirmation, they do not touch the requests at all. What they write
 * when there is one is in MarketplaceTest (the declined and the lapsed request, on the real database).
 */
class RecordReplicationAnswerTest {

    /** Any use of the repository fails the test. */
    final Replications untouchable = (Replications) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Replications.class}, (proxy, method, args) -> {
                throw new AssertionError("the requests were read: " + method.getName());
            });

    @Test
    void aConfirmationOrADeclineWithoutARequestRecordsNothing() {
        RecordReplicationAnswer step = new RecordReplicationAnswer(untouchable);
        assertThatCode(() -> step.notify(FakeScopes.task(ProcessVariables.of(
                ReplicationProcess.REPLICATION_DECISION.with(ReplicationDecision.CONFIRM),
                ReplicationProcess.REPLICATION_ID.with(java.util.UUID.randomUUID()))))).doesNotThrowAnyException();
        assertThatCode(() -> step.notify(FakeScopes.task(ProcessVariables.of(
                ReplicationProcess.REPLICATION_DECISION.with(ReplicationDecision.DECLINE),
                ReplicationProcess.REPLICATION_NOTES.with("No capacity"))))).doesNotThrowAnyException();
    }

    @Test
    void aLapseWithoutARequestRecordsNothing() {
        assertThatCode(() -> new RecordReplicationLapsed(untouchable).execute(FakeScopes.execution(java.util.Map.of(), "not-a-request")))
                .doesNotThrowAnyException();
    }
}
