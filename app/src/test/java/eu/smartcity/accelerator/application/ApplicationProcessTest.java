package eu.smartcity.accelerator.application;

import eu.smartcity.accelerator.challenge.ChallengeProcess.ContractOutcome;
import static eu.smartcity.accelerator.application.ApplicationProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import eu.smartcity.accelerator.workflow.ProcessVariables;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.ProcessTestBase;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Every end of the application process, driven as the portal drives it: a signal with the outcome at each wait state. */
@AcceleratorTest
class ApplicationProcessTest extends ProcessTestBase {

    ProcessInstance submitted() {
        return start(KEY, Map.of(APPLICATION_ID.name(), UUID.randomUUID().toString(), CHALLENGE_ID.name(), UUID.randomUUID().toString(),
                COMPANY_GROUP.name(), "company-parkflow"));
    }

    /** As Applications moves an application on: the execution waiting at the state, signalled. */
    void moveOn(ProcessInstance application, String waitState, Map<String, Object> variables) {
        var waiting = engine.getRuntimeService().createExecutionQuery().processInstanceBusinessKey(application.getBusinessKey())
                .activityId(waitState).singleResult();
        Assertions.assertThat(waiting).as("waiting at " + waitState).isNotNull();
        engine.getRuntimeService().signal(waiting.getId(), variables);
    }

    @Test
    void shouldEndInWithdrawnWhenTheCompanyWithdraws() {
        ProcessInstance application = submitted();
        moveOn(application, RECEIVE_AWAIT_ELIGIBILITY, ProcessVariables.of(ELIGIBILITY.with(Eligibility.WITHDRAWN)));
        assertThat(application).isEnded().hasPassed(END_WITHDRAWN);
    }

    @Test
    void shouldEndInIneligibleWhenAConditionFails() {
        ProcessInstance application = submitted();
        moveOn(application, RECEIVE_AWAIT_ELIGIBILITY, ProcessVariables.of(ELIGIBILITY.with(Eligibility.INELIGIBLE)));
        assertThat(application).isEnded().hasPassed(END_INELIGIBLE);
    }

    @Test
    void shouldEndInNotSelectedWhenAnotherApplicationWins() {
        ProcessInstance application = submitted();
        moveOn(application, RECEIVE_AWAIT_ELIGIBILITY, ProcessVariables.of(ELIGIBILITY.with(Eligibility.ELIGIBLE)));
        assertThat(application).isWaitingAt(RECEIVE_UNDER_REVIEW);
        moveOn(application, RECEIVE_UNDER_REVIEW, ProcessVariables.of(SELECTION.with(Selection.NOT_SELECTED)));
        assertThat(application).isEnded().hasPassed(END_NOT_SELECTED);
    }

    @Test
    void shouldEndInContractNotSignedWhenTheContractFails() {
        ProcessInstance application = submitted();
        moveOn(application, RECEIVE_AWAIT_ELIGIBILITY, ProcessVariables.of(ELIGIBILITY.with(Eligibility.ELIGIBLE)));
        moveOn(application, RECEIVE_UNDER_REVIEW, ProcessVariables.of(SELECTION.with(Selection.SELECTED)));
        moveOn(application, RECEIVE_CONTRACTING, ProcessVariables.of(CONTRACT_OUTCOME.with(ContractOutcome.EXPIRED)));
        assertThat(application).isEnded().hasPassed(END_CONTRACT_NOT_SIGNED);
    }

    @Test
    void shouldEndInEvaluatedAfterContractPilotAndEvaluation() {
        ProcessInstance application = submitted();
        moveOn(application, RECEIVE_AWAIT_ELIGIBILITY, ProcessVariables.of(ELIGIBILITY.with(Eligibility.ELIGIBLE)));
        moveOn(application, RECEIVE_UNDER_REVIEW, ProcessVariables.of(SELECTION.with(Selection.SELECTED)));
        moveOn(application, RECEIVE_CONTRACTING, ProcessVariables.of(CONTRACT_OUTCOME.with(ContractOutcome.SIGNED)));
        assertThat(application).isWaitingAt(RECEIVE_PILOTING);
        moveOn(application, RECEIVE_PILOTING, Map.of());
        moveOn(application, RECEIVE_EVALUATING, Map.of());
        assertThat(application).isEnded().hasPassed(END_EVALUATED);
    }

    @Test
    void shouldEndInNoSelectionWhenTheJuryMissesItsQuorum() {
        ProcessInstance application = submitted();
        moveOn(application, RECEIVE_AWAIT_ELIGIBILITY, ProcessVariables.of(ELIGIBILITY.with(Eligibility.ELIGIBLE)));
        moveOn(application, RECEIVE_UNDER_REVIEW, ProcessVariables.of(SELECTION.with(Selection.NO_SELECTION)));
        assertThat(application).isEnded().hasPassed(END_NO_SELECTION);
    }

    /** What the portal's signals buy: no subscription to write and delete, no child execution per wait state. */
    @Test
    void waitsWithoutSubscriptionsOrChildExecutions() {
        ProcessInstance application = submitted();
        assertThat(application).isWaitingAt(RECEIVE_AWAIT_ELIGIBILITY);
        assertOneExecutionAndNoSubscription(application);
        // the messages older versions wait for find nothing here (Applications then moves the instance on)
        Assertions.assertThat(engine.getRuntimeService().createMessageCorrelation(MESSAGE_WITHDRAWN)
                .processInstanceBusinessKey(application.getBusinessKey()).correlateAllWithResult()).isEmpty();
        moveOn(application, RECEIVE_AWAIT_ELIGIBILITY, ProcessVariables.of(ELIGIBILITY.with(Eligibility.ELIGIBLE)));
        assertThat(application).isWaitingAt(RECEIVE_UNDER_REVIEW);
        assertOneExecutionAndNoSubscription(application);
    }

    void assertOneExecutionAndNoSubscription(ProcessInstance application) {
        Assertions.assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(application.getId()).count()).isZero();
        Assertions.assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceId(application.getId()).count()).isEqualTo(1);
    }

    /** Instances of the version before issue 19 (slice appends) wait for messages; the portal's signals move them on alike. */
    @Test
    void anInstanceOfTheOlderVersionMovesOnBySignalsToo() {
        Deployment older = engine.getRepositoryService().createDeployment()
                .addClasspathResource("legacy/application-before-issue19-appends.bpmn").deploy();
        try {
            ProcessInstance evaluated = olderSubmitted();
            moveOn(evaluated, RECEIVE_AWAIT_ELIGIBILITY, ProcessVariables.of(ELIGIBILITY.with(Eligibility.ELIGIBLE)));
            moveOn(evaluated, RECEIVE_UNDER_REVIEW, ProcessVariables.of(SELECTION.with(Selection.SELECTED)));
            moveOn(evaluated, RECEIVE_CONTRACTING, ProcessVariables.of(CONTRACT_OUTCOME.with(ContractOutcome.SIGNED)));
            moveOn(evaluated, RECEIVE_PILOTING, Map.of());
            moveOn(evaluated, RECEIVE_EVALUATING, Map.of());
            assertThat(evaluated).isEnded().hasPassed(END_EVALUATED);

            ProcessInstance notSelected = olderSubmitted();
            moveOn(notSelected, RECEIVE_AWAIT_ELIGIBILITY, ProcessVariables.of(ELIGIBILITY.with(Eligibility.ELIGIBLE)));
            moveOn(notSelected, RECEIVE_UNDER_REVIEW, ProcessVariables.of(SELECTION.with(Selection.NOT_SELECTED)));
            assertThat(notSelected).isEnded().hasPassed(END_NOT_SELECTED);
            Assertions.assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(notSelected.getId()).count()).isZero();

            // no selection, withdrawal, challenge stopped: the older version still waits for its messages (Applications sends them first)
            ProcessInstance noSelection = olderSubmitted();
            moveOn(noSelection, RECEIVE_AWAIT_ELIGIBILITY, ProcessVariables.of(ELIGIBILITY.with(Eligibility.ELIGIBLE)));
            Assertions.assertThat(engine.getRuntimeService().createMessageCorrelation(MESSAGE_NO_SELECTION_MADE)
                    .processInstanceBusinessKey(noSelection.getBusinessKey()).correlateAllWithResult()).hasSize(1);
            assertThat(noSelection).isEnded().hasPassed(END_NO_SELECTION);

            ProcessInstance withdrawn = olderSubmitted();
            Assertions.assertThat(engine.getRuntimeService().createMessageCorrelation(MESSAGE_WITHDRAWN)
                    .processInstanceBusinessKey(withdrawn.getBusinessKey()).correlateAllWithResult()).hasSize(1);
            assertThat(withdrawn).isEnded().hasPassed(END_WITHDRAWN);
        } finally {
            engine.getRepositoryService().deleteDeployment(older.getId(), true);
        }
    }

    /**
     * Issue 19, slice announce: the portal's eligibility outcome is transient where the process instance itself waits
     * (this model: Gateway_Eligible is its only reader), so an eligible application stores nothing until its end; an
     * instance of the older model waits in a child execution and keeps it stored, since its "challenge stopped" event
     * subprocess asks later whether it is set.
     */
    @Test
    void theEligibilityOutcomeIsStoredOnlyWhereALaterStepReadsIt() {
        ProcessInstance current = submitted();
        signalEligibility(current, Eligibility.ELIGIBLE);
        assertThat(current).isWaitingAt(RECEIVE_UNDER_REVIEW);
        Assertions.assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(current.getId())
                .variableName(ELIGIBILITY.name()).count()).as("eligibilityOutcome stored").isZero();

        Deployment older = engine.getRepositoryService().createDeployment()
                .addClasspathResource("legacy/application-before-issue19-appends.bpmn").deploy();
        try {
            ProcessInstance stopped = olderSubmitted();
            signalEligibility(stopped, Eligibility.ELIGIBLE);
            Assertions.assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(stopped.getId())
                    .variableName(ELIGIBILITY.name()).count()).as("eligibilityOutcome stored").isEqualTo(1);
            Assertions.assertThat(engine.getRuntimeService().createMessageCorrelation(MESSAGE_CHALLENGE_STOPPED)
                    .processInstanceBusinessKey(stopped.getBusinessKey()).setVariables(ProcessVariables.of(
                            ENDED_AS.with(ApplicationStatus.CYCLE_CLOSED), STOP_REASON.with(""))).correlateAllWithResult()).hasSize(1);
            assertThat(stopped).isEnded().hasPassed(END_CHALLENGE_STOPPED).hasNotPassed(END_CHALLENGE_STOPPED_WHILE_SUBMITTED);
        } finally {
            engine.getRepositoryService().deleteDeployment(older.getId(), true);
        }
    }

    /** As Applications tells an application its eligibility: the outcome by ApplicationProcess.eligibilityAt. */
    void signalEligibility(ProcessInstance application, Eligibility outcome) {
        var waiting = engine.getRuntimeService().createExecutionQuery().processInstanceBusinessKey(application.getBusinessKey())
                .activityId(RECEIVE_AWAIT_ELIGIBILITY).singleResult();
        engine.getRuntimeService().signal(waiting.getId(), eligibilityAt(waiting, outcome));
    }

    ProcessInstance olderSubmitted() {
        return engine.getRuntimeService().startProcessInstanceByKey("applicationBeforeIssue19Appends", UUID.randomUUID().toString(),
                Map.of(CHALLENGE_ID.name(), UUID.randomUUID().toString(), COMPANY_GROUP.name(), "company-parkflow"));
    }

    @Test
    void shouldEndInChallengeStoppedWhenTheChallengeIsWithdrawnBeforeTheEligibilityCheck() {
        ProcessInstance application = submitted();
        moveOn(application, RECEIVE_AWAIT_ELIGIBILITY, ProcessVariables.of(ELIGIBILITY.with(Eligibility.CHALLENGE_STOPPED),
                ENDED_AS.with(ApplicationStatus.CHALLENGE_WITHDRAWN), STOP_REASON.with("Budget cut")));
        assertThat(application).isEnded().hasPassed(END_CHALLENGE_STOPPED_WHILE_SUBMITTED);
    }

    @Test
    void shouldEndInChallengeStoppedWhenTheCycleClosesDuringTheSelection() {
        ProcessInstance application = submitted();
        moveOn(application, RECEIVE_AWAIT_ELIGIBILITY, ProcessVariables.of(ELIGIBILITY.with(Eligibility.ELIGIBLE)));
        moveOn(application, RECEIVE_UNDER_REVIEW, ProcessVariables.of(SELECTION.with(Selection.CHALLENGE_STOPPED),
                ENDED_AS.with(ApplicationStatus.CYCLE_CLOSED), STOP_REASON.with("")));
        assertThat(application).isEnded().hasPassed(END_CHALLENGE_STOPPED);
    }
}
