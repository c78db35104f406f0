package eu.smartcity.accelerator.application;

import eu.smartcity.accelerator.challenge.ChallengeProcess.ContractOutcome;
import static eu.smartcity.accelerator.application.ApplicationProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import eu.smartcity.accelerator.workflow.ProcessVariables;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.ProcessTestBase;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Every end of the application process, driven by the messages the challenge process sends. */
@AcceleratorTest
class ApplicationProcessTest extends ProcessTestBase {

    ProcessInstance submitted() {
        return start(KEY, Map.of(APPLICATION_ID.name(), UUID.randomUUID().toString(), CHALLENGE_ID.name(), UUID.randomUUID().toString(),
                COMPANY_GROUP.name(), "company-parkflow"));
    }

    void send(ProcessInstance application, String message, Map<String, Object> variables) {
        engine.getRuntimeService().createMessageCorrelation(message).processInstanceId(application.getId())
                .setVariables(variables).correlate();
    }

    @Test
    void shouldEndInWithdrawnWhenTheCompanyWithdraws() {
        ProcessInstance application = submitted();
        send(application, MESSAGE_WITHDRAWN, Map.of());
        assertThat(application).isEnded().hasPassed(END_WITHDRAWN);
    }

    @Test
    void shouldEndInIneligibleWhenAConditionFails() {
        ProcessInstance application = submitted();
        send(application, MESSAGE_ELIGIBILITY_DECIDED, ProcessVariables.of(ELIGIBILITY.with(Eligibility.INELIGIBLE)));
        assertThat(application).isEnded().hasPassed(END_INELIGIBLE);
    }

    @Test
    void shouldEndInNotSelectedWhenAnotherApplicationWins() {
        ProcessInstance application = submitted();
        send(application, MESSAGE_ELIGIBILITY_DECIDED, ProcessVariables.of(ELIGIBILITY.with(Eligibility.ELIGIBLE)));
        assertThat(application).isWaitingAt(RECEIVE_UNDER_REVIEW);
        send(application, MESSAGE_SELECTION_DECIDED, ProcessVariables.of(SELECTION.with(Selection.NOT_SELECTED)));
        assertThat(application).isEnded().hasPassed(END_NOT_SELECTED);
    }

    @Test
    void shouldEndInContractNotSignedWhenTheContractFails() {
        ProcessInstance application = submitted();
        send(application, MESSAGE_ELIGIBILITY_DECIDED, ProcessVariables.of(ELIGIBILITY.with(Eligibility.ELIGIBLE)));
        send(application, MESSAGE_SELECTION_DECIDED, ProcessVariables.of(SELECTION.with(Selection.SELECTED)));
        send(application, MESSAGE_CONTRACT_CONCLUDED, ProcessVariables.of(CONTRACT_OUTCOME.with(ContractOutcome.EXPIRED)));
        assertThat(application).isEnded().hasPassed(END_CONTRACT_NOT_SIGNED);
    }

    @Test
    void shouldEndInEvaluatedAfterContractPilotAndEvaluation() {
        ProcessInstance application = submitted();
        send(application, MESSAGE_ELIGIBILITY_DECIDED, ProcessVariables.of(ELIGIBILITY.with(Eligibility.ELIGIBLE)));
        send(application, MESSAGE_SELECTION_DECIDED, ProcessVariables.of(SELECTION.with(Selection.SELECTED)));
        send(application, MESSAGE_CONTRACT_CONCLUDED, ProcessVariables.of(CONTRACT_OUTCOME.with(ContractOutcome.SIGNED)));
        assertThat(application).isWaitingAt(RECEIVE_PILOTING);
        send(application, MESSAGE_PILOT_ENDED, Map.of());
        send(application, MESSAGE_PILOT_EVALUATED, Map.of());
        assertThat(application).isEnded().hasPassed(END_EVALUATED);
    }

    @Test
    void shouldEndInNoSelectionWhenTheJuryMissesItsQuorum() {
        ProcessInstance application = submitted();
        send(application, MESSAGE_ELIGIBILITY_DECIDED, ProcessVariables.of(ELIGIBILITY.with(Eligibility.ELIGIBLE)));
        send(application, MESSAGE_NO_SELECTION_MADE, Map.of());
        assertThat(application).isEnded().hasPassed(END_NO_SELECTION);
    }

    @Test
    void shouldEndInChallengeStoppedWhenTheChallengeIsWithdrawnBeforeTheEligibilityCheck() {
        ProcessInstance application = submitted();
        send(application, MESSAGE_CHALLENGE_STOPPED, Map.of(ENDED_AS.name(), "CHALLENGE_WITHDRAWN", STOP_REASON.name(), "Budget cut"));
        assertThat(application).isEnded().hasPassed(END_CHALLENGE_STOPPED_WHILE_SUBMITTED);
    }

    @Test
    void shouldEndInChallengeStoppedWhenTheCycleClosesDuringTheSelection() {
        ProcessInstance application = submitted();
        send(application, MESSAGE_ELIGIBILITY_DECIDED, ProcessVariables.of(ELIGIBILITY.with(Eligibility.ELIGIBLE)));
        send(application, MESSAGE_CHALLENGE_STOPPED, Map.of(ENDED_AS.name(), "CYCLE_CLOSED", STOP_REASON.name(), ""));
        assertThat(application).isEnded().hasPassed(END_CHALLENGE_STOPPED);
    }
}
