package eu.smartcity.accelerator.contract;

import static eu.smartcity.accelerator.contract.ContractProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.ProcessTestBase;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of the contract process. */
@AcceleratorTest
class ContractProcessTest extends ProcessTestBase {

    @Autowired JdbcTemplate jdbc;

    ProcessInstance agreedAndCompliant() {
        ProcessInstance contract = start(KEY, deliveryVariables());
        assertThat(contract).isWaitingAt(USER_TASK_REVIEW_DRAFT).task().hasCandidateGroup("company-greengrid");
        assertThatThrownBy(() -> driver.complete(contract.getId(), USER_TASK_REVIEW_DRAFT, Map.of(COMPANY_AGREES, false)))
                .hasMessageContaining("requestedChanges");
        driver.complete(contract.getId(), USER_TASK_REVIEW_DRAFT, Map.of(COMPANY_AGREES, false, REQUESTED_CHANGES, "C4: data ownership"));
        driver.complete(contract.getId(), USER_TASK_ANSWER_CHANGES, Map.of(AGREED_CHANGES, "C4 rewritten"));
        driver.complete(contract.getId(), USER_TASK_REVIEW_DRAFT, Map.of(COMPANY_AGREES, true));
        driver.complete(contract.getId(), USER_TASK_CHECK_COMPLIANCE, Map.of(COMPLIANT, true));
        return contract;
    }

    @Test
    void shouldEndInContractSignedWhenBothPartiesSign() {
        ProcessInstance contract = agreedAndCompliant();
        driver.complete(contract.getId(), USER_TASK_SIGN_AS_COMPANY, Map.of("companySigns", true));
        assertThat(contract).task().hasCandidateGroup("city-bruges");
        driver.complete(contract.getId(), USER_TASK_SIGN_AS_CITY, Map.of(CITY_SIGNS, true));

        assertThat(contract).isEnded().hasPassed(SERVICE_TASK_ARCHIVE, END_SIGNED).variables().containsEntry(CONTRACT_OUTCOME, "signed");
        assertThat(jdbc.queryForMap("select status, negotiation_rounds from contract where id = ?",
                java.util.UUID.fromString((String) engine.getHistoryService().createHistoricVariableInstanceQuery()
                        .processInstanceId(contract.getId()).variableName("contractId").singleResult().getValue())))
                .containsEntry("STATUS", "SIGNED").containsEntry("NEGOTIATION_ROUNDS", 1);
    }

    @Test
    void shouldEndInContractDeclinedWhenTheCityDeclinesAndSayWhy() {
        ProcessInstance contract = agreedAndCompliant();
        driver.complete(contract.getId(), USER_TASK_SIGN_AS_COMPANY, Map.of("companySigns", true));
        assertThatThrownBy(() -> driver.complete(contract.getId(), USER_TASK_SIGN_AS_CITY, Map.of(CITY_SIGNS, false)))
                .hasMessageContaining("declineReason");
        driver.complete(contract.getId(), USER_TASK_SIGN_AS_CITY, Map.of(CITY_SIGNS, false, DECLINE_REASON, "No council approval"));

        assertThat(contract).isEnded().hasPassed(END_DECLINED).variables().containsEntry(CONTRACT_OUTCOME, "declined");
    }

    @Test
    void shouldEndInContractExpiredWhenTheCompanyDoesNotSignInTime() {
        ProcessInstance contract = agreedAndCompliant();
        driver.fireTimer(contract.getId(), BOUNDARY_SIGNATURE_WINDOW_OVER);

        assertThat(contract).isEnded().hasPassed(END_EXPIRED).hasNotPassed(USER_TASK_SIGN_AS_CITY)
                .variables().containsEntry(CONTRACT_OUTCOME, "expired");
    }

    @Test
    void shouldSendTheDraftBackToNegotiationWhenNotCompliant() {
        ProcessInstance contract = start(KEY, deliveryVariables());
        driver.complete(contract.getId(), USER_TASK_REVIEW_DRAFT, Map.of(COMPANY_AGREES, true));
        driver.complete(contract.getId(), USER_TASK_CHECK_COMPLIANCE, Map.of(COMPLIANT, false));

        assertThat(contract).isWaitingAt(USER_TASK_REVIEW_DRAFT);
    }
}
