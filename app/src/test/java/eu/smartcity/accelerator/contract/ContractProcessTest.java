package eu.smartcity.accelerator.contract;

import eu.smartcity.accelerator.challenge.ChallengeProcess.ContractOutcome;
import eu.smartcity.accelerator.workflow.ProcessVariables;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import static eu.smartcity.accelerator.contract.ContractProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.ContractCase;
import eu.smartcity.accelerator.support.ProcessTestBase;
import eu.smartcity.accelerator.documents.PadesSignatures;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of the contract process. */
@AcceleratorTest
class ContractProcessTest extends ProcessTestBase {

    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationContext context;
    @Autowired ContractDocuments documents;

    ProcessInstance agreedAndCompliant() {
        ProcessInstance contract = start(KEY, ContractCase.of(context, "city-bruges", "company-greengrid").delivery());
        assertThat(contract).isWaitingAt(USER_TASK_REVIEW_DRAFT).task().hasCandidateGroup("company-greengrid");
        assertThatThrownBy(() -> driver.complete(contract.getId(), USER_TASK_REVIEW_DRAFT, ProcessVariables.of(ContractProcess.DRAFT_DECISION.with(ContractProcess.DraftDecision.REQUEST_CHANGES))))
                .hasMessageContaining(ContractProcess.REQUESTED_CHANGES.name());
        driver.complete(contract.getId(), USER_TASK_REVIEW_DRAFT, ProcessVariables.of(ContractProcess.DRAFT_DECISION.with(ContractProcess.DraftDecision.REQUEST_CHANGES), ContractProcess.REQUESTED_CHANGES.with("C4: data ownership")));
        assertThatThrownBy(() -> driver.complete(contract.getId(), USER_TASK_ANSWER_CHANGES, ProcessVariables.of(ContractProcess.AGREED_CHANGES.with("C99: new"))))
                .hasMessageContaining("agreedChanges: line 1: clause C99 is not in the template");
        driver.complete(contract.getId(), USER_TASK_ANSWER_CHANGES, ProcessVariables.of(ContractProcess.AGREED_CHANGES.with("C4: The data belongs to the City; the Supplier may reuse it anonymised.\nAgreed at the meeting of 3 March.")));
        driver.complete(contract.getId(), USER_TASK_REVIEW_DRAFT, ProcessVariables.of(ContractProcess.DRAFT_DECISION.with(ContractProcess.DraftDecision.AGREE)));
        driver.complete(contract.getId(), USER_TASK_CHECK_COMPLIANCE, ProcessVariables.of(ContractProcess.COMPLIANCE_DECISION.with(ContractProcess.ComplianceDecision.COMPLIES)));
        return contract;
    }

    @Test
    void shouldEndInContractSignedWhenBothPartiesSign() {
        ProcessInstance contract = agreedAndCompliant();
        assertThatThrownBy(() -> driver.complete(contract.getId(), USER_TASK_SIGN_AS_COMPANY, ProcessVariables.of(ContractProcess.COMPANY_SIGNS.with(false))))
                .hasMessageContaining("companySigns: tick the box");
        driver.complete(contract.getId(), USER_TASK_SIGN_AS_COMPANY, ProcessVariables.of(ContractProcess.COMPANY_SIGNS.with(true)));
        assertThat(contract).task().hasCandidateGroup("city-bruges");
        driver.complete(contract.getId(), USER_TASK_SIGN_AS_CITY, ProcessVariables.of(ContractProcess.CITY_DECISION.with(ContractProcess.CityDecision.SIGN)));

        assertThat(contract).isEnded().hasPassed(SERVICE_TASK_ARCHIVE, END_SIGNED).variables().containsEntry(CONTRACT_OUTCOME.name(), CONTRACT_OUTCOME.stored(ContractOutcome.SIGNED));
        assertThat(jdbc.queryForMap("select status, negotiation_rounds from contract where id = ?",
                java.util.UUID.fromString((String) engine.getHistoryService().createHistoricVariableInstanceQuery()
                        .processInstanceId(contract.getId()).variableName(ContractProcess.CONTRACT_ID.name()).singleResult().getValue())))
                .containsEntry("STATUS", "SIGNED").containsEntry("NEGOTIATION_ROUNDS", 1);

        UUID id = contractId(contract);
        ContractDocuments.ContractPage page = documents.page(id).orElseThrow();
        assertThat(page.clauses()).filteredOn(c -> c.changed()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("C4");
            assertThat(c.caseText()).startsWith("The data belongs to the City");
        });
        // both parties accepted the very same PDF; the signed file starts with exactly those bytes
        assertThat(page.acceptances()).extracting(ContractDocuments.AcceptanceView::party, ContractDocuments.AcceptanceView::decision)
                .containsExactly(tuple("COMPANY", "ACCEPTED"), tuple("CITY", "ACCEPTED"));
        assertThat(page.acceptances()).allSatisfy(a -> assertThat(a.pdfSha256()).isEqualTo(page.acceptedSha256()).hasSize(64));
        byte[] signed = documents.signedPdf(id).orElseThrow();
        byte[] accepted = jdbc.queryForObject("select accepted_pdf from contract_document where contract_id = ?", byte[].class, id);
        assertThat(PadesSignatures.sha256(accepted)).isEqualTo(page.acceptedSha256());
        assertThat(Arrays.copyOf(signed, accepted.length)).isEqualTo(accepted);
        assertThat(documents.verify(id).valid()).isTrue();
        assertThat(page.signedSha256()).isEqualTo(PadesSignatures.sha256(signed));
    }

    UUID contractId(ProcessInstance contract) {
        return UUID.fromString((String) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(contract.getId()).variableName(ContractProcess.CONTRACT_ID.name()).singleResult().getValue());
    }

    @Test
    void shouldEndInContractDeclinedWhenTheCityDeclinesAndSayWhy() {
        ProcessInstance contract = agreedAndCompliant();
        driver.complete(contract.getId(), USER_TASK_SIGN_AS_COMPANY, ProcessVariables.of(ContractProcess.COMPANY_SIGNS.with(true)));
        assertThatThrownBy(() -> driver.complete(contract.getId(), USER_TASK_SIGN_AS_CITY, ProcessVariables.of(ContractProcess.CITY_DECISION.with(ContractProcess.CityDecision.DECLINE))))
                .hasMessageContaining(ContractProcess.DECLINE_REASON.name());
        driver.complete(contract.getId(), USER_TASK_SIGN_AS_CITY, ProcessVariables.of(ContractProcess.CITY_DECISION.with(ContractProcess.CityDecision.DECLINE), ContractProcess.DECLINE_REASON.with("No council approval")));

        assertThat(contract).isEnded().hasPassed(END_DECLINED).variables().containsEntry(CONTRACT_OUTCOME.name(), CONTRACT_OUTCOME.stored(ContractOutcome.DECLINED));
        ContractDocuments.ContractPage page = documents.page(contractId(contract)).orElseThrow();
        assertThat(page.acceptances()).last().satisfies(a -> {
            assertThat(a.decision()).isEqualTo("DECLINED");
            assertThat(a.reason()).isEqualTo("No council approval");
            assertThat(a.pdfSha256()).isEqualTo(page.acceptedSha256());
        });
        assertThat(page.signed()).isFalse();
    }

    @Test
    void shouldEndInContractExpiredWhenTheCompanyDoesNotSignInTime() {
        ProcessInstance contract = agreedAndCompliant();
        driver.fireTimer(contract.getId(), BOUNDARY_SIGNATURE_WINDOW_OVER);

        assertThat(contract).isEnded().hasPassed(END_EXPIRED).hasNotPassed(USER_TASK_SIGN_AS_CITY)
                .variables().containsEntry(CONTRACT_OUTCOME.name(), CONTRACT_OUTCOME.stored(ContractOutcome.EXPIRED));
    }

    @Test
    void shouldSendTheDraftBackToNegotiationWhenNotCompliant() {
        ProcessInstance contract = start(KEY, ContractCase.of(context, "city-bruges", "company-greengrid").delivery());
        driver.complete(contract.getId(), USER_TASK_REVIEW_DRAFT, ProcessVariables.of(ContractProcess.DRAFT_DECISION.with(ContractProcess.DraftDecision.AGREE)));
        assertThatThrownBy(() -> driver.complete(contract.getId(), USER_TASK_CHECK_COMPLIANCE, ProcessVariables.of(ContractProcess.COMPLIANCE_DECISION.with(ContractProcess.ComplianceDecision.SEND_BACK))))
                .hasRootCauseInstanceOf(eu.smartcity.accelerator.forms.DecisionRuleException.class)
                .hasMessageContaining(COMPLIANCE_REMARKS.name());
        assertThatThrownBy(() -> driver.complete(contract.getId(), USER_TASK_CHECK_COMPLIANCE, Map.of()))
                .hasMessageContaining(COMPLIANCE_DECISION.name());
        driver.complete(contract.getId(), USER_TASK_CHECK_COMPLIANCE, ProcessVariables.of(ContractProcess.COMPLIANCE_DECISION.with(ContractProcess.ComplianceDecision.SEND_BACK), ContractProcess.COMPLIANCE_REMARKS.with("C4 is not allowed")));

        assertThat(contract).isWaitingAt(USER_TASK_REVIEW_DRAFT);
        // the company reads why on the contract page; found compliant later, the remark is gone
        assertThat(documents.page(contractId(contract)).orElseThrow().complianceRemarks()).isEqualTo("C4 is not allowed");
        driver.complete(contract.getId(), USER_TASK_REVIEW_DRAFT, ProcessVariables.of(ContractProcess.DRAFT_DECISION.with(ContractProcess.DraftDecision.AGREE)));
        driver.complete(contract.getId(), USER_TASK_CHECK_COMPLIANCE, ProcessVariables.of(ContractProcess.COMPLIANCE_DECISION.with(ContractProcess.ComplianceDecision.COMPLIES)));
        assertThat(documents.page(contractId(contract)).orElseThrow().complianceRemarks()).isNull();
    }

    // Issue 23: every wait of the contract has a deadline from the bylaws, a reminder before it and an ending after it.

    @Autowired eu.smartcity.accelerator.notification.NotificationReminders reminders;

    /** The DEADLINE_REMINDER mails recorded for one task (dedup key: kind, task id, user). */
    long remindersOf(org.camunda.bpm.engine.task.Task task) {
        return jdbc.queryForObject("select count(*) from notification where dedup_key like ?", Long.class,
                "deadline-reminder:" + task.getId() + ":%");
    }

    @Test
    void shouldRemindTheCityThenExpireWhenTheCityDoesNotSignInTime() {
        ProcessInstance contract = agreedAndCompliant();
        driver.complete(contract.getId(), USER_TASK_SIGN_AS_COMPANY, ProcessVariables.of(ContractProcess.COMPANY_SIGNS.with(true)));
        org.camunda.bpm.engine.task.Task sign = driver.task(contract.getId(), USER_TASK_SIGN_AS_CITY);
        // due after the bylaws' citySignatureWindow (P14D here: the default), reminded reminderDelay (P3D) before
        assertThat(sign.getDueDate().toInstant()).isBetween(java.time.Instant.now().plus(java.time.Duration.ofDays(14)).minusSeconds(120),
                java.time.Instant.now().plus(java.time.Duration.ofDays(14)));
        reminders.remindDeadlines(java.time.Instant.now().plus(java.time.Duration.ofDays(10)));
        assertThat(remindersOf(sign)).isZero();
        reminders.remindDeadlines(java.time.Instant.now().plus(java.time.Duration.ofDays(12)));
        reminders.remindDeadlines(java.time.Instant.now().plus(java.time.Duration.ofDays(13)));
        assertThat(remindersOf(sign)).as("one reminder per city user, however often the reminders run").isPositive()
                .isEqualTo(jdbc.queryForObject("select count(distinct recipient_user_id) from notification where dedup_key like ?", Long.class,
                        "deadline-reminder:" + sign.getId() + ":%"));

        driver.fireTimer(contract.getId(), BOUNDARY_CITY_SIGNATURE_WINDOW_OVER);

        assertThat(contract).isEnded().hasPassed(END_CITY_SIGNATURE_EXPIRED).hasNotPassed(END_DECLINED)
                .variables().containsEntry(CONTRACT_OUTCOME.name(), CONTRACT_OUTCOME.stored(ContractOutcome.EXPIRED));
        assertThat(jdbc.queryForObject("select status from contract where id = ?", String.class, contractId(contract))).isEqualTo("EXPIRED");
    }

    @Test
    void shouldExpireWhenTheNegotiationOutlivesItsWindowWhileTheCompanyReviews() {
        Map<String, Object> variables = new java.util.HashMap<>(ContractCase.of(context, "city-bruges", "company-greengrid").delivery());
        variables.put(ContractProcess.NEGOTIATION_WINDOW.name(), "P20D");
        ProcessInstance contract = start(KEY, variables);
        org.camunda.bpm.engine.task.Task review = driver.task(contract.getId(), USER_TASK_REVIEW_DRAFT);
        reminders.remindDeadlines(java.time.Instant.now().plus(java.time.Duration.ofDays(18)));
        assertThat(remindersOf(review)).isPositive();

        driver.fireTimer(contract.getId(), BOUNDARY_NEGOTIATION_OVER_COMPANY);

        assertThat(contract).isEnded().hasPassed(END_NEGOTIATION_LAPSED).hasNotPassed(USER_TASK_CHECK_COMPLIANCE)
                .variables().containsEntry(CONTRACT_OUTCOME.name(), CONTRACT_OUTCOME.stored(ContractOutcome.EXPIRED));
        assertThat(jdbc.queryForObject("select status from contract where id = ?", String.class, contractId(contract))).isEqualTo("EXPIRED");
    }

    @Test
    void shouldKeepOneNegotiationDeadlineAcrossRoundsAndExpireWhileTheCityAnswers() {
        ProcessInstance contract = start(KEY, ContractCase.of(context, "city-bruges", "company-greengrid").delivery());
        java.util.Date deadline = NEGOTIATION_DEADLINE.read(engine.getRuntimeService().getVariable(contract.getId(), NEGOTIATION_DEADLINE.name()));
        // the bylaws' default negotiationWindow (P30D): one window for the whole negotiation, not per round
        assertThat(deadline.toInstant()).isBetween(java.time.Instant.now().plus(java.time.Duration.ofDays(30)).minusSeconds(120),
                java.time.Instant.now().plus(java.time.Duration.ofDays(30)));
        driver.complete(contract.getId(), USER_TASK_REVIEW_DRAFT, ProcessVariables.of(ContractProcess.DRAFT_DECISION.with(ContractProcess.DraftDecision.REQUEST_CHANGES), ContractProcess.REQUESTED_CHANGES.with("C4: data ownership")));
        assertThat(driver.task(contract.getId(), USER_TASK_ANSWER_CHANGES).getDueDate()).isEqualTo(deadline);
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(contract.getId()).timers()
                .activityId(BOUNDARY_NEGOTIATION_OVER_CITY).singleResult().getDuedate()).isEqualTo(deadline);

        driver.fireTimer(contract.getId(), BOUNDARY_NEGOTIATION_OVER_CITY);

        assertThat(contract).isEnded().hasPassed(END_NEGOTIATION_LAPSED).variables().containsEntry(CONTRACT_OUTCOME.name(), CONTRACT_OUTCOME.stored(ContractOutcome.EXPIRED));
    }
}
