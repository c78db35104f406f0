package eu.smartcity.accelerator.marketplace;

import static eu.smartcity.accelerator.marketplace.FrameworkJoinProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import eu.smartcity.accelerator.marketplace.FrameworkJoinProcess.JoinDecision;
import eu.smartcity.accelerator.marketplace.frameworks.Framework;
import eu.smartcity.accelerator.marketplace.frameworks.FrameworkContracts;
import eu.smartcity.accelerator.marketplace.frameworks.JoinRequest;
import eu.smartcity.accelerator.marketplace.frameworks.JoinRequests;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.ProcessTestBase;
import eu.smartcity.accelerator.workflow.ProcessVariables;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A city asks to join a framework contract; only the contracting authority's officers decide. One test per end. */
@AcceleratorTest
class FrameworkJoinProcessTest extends ProcessTestBase {

    @Autowired FrameworkContracts contracts;
    @Autowired JoinRequests joinRequests;
    @Autowired JdbcTemplate jdbc;
    @Autowired eu.smartcity.accelerator.opendata.OcdsPublisher ocds;

    Framework framework(LocalDate until, boolean openToAll, Set<String> authorities) {
        LocalDate today = contracts.today();
        return contracts.register("city-mechelen", "officer-mechelen", new Framework.Terms("Parking framework " + UUID.randomUUID(),
                "parking", null, today.minusMonths(1), until, List.of("Lot 1"), Set.of("company-parkflow"), Set.of(), openToAll,
                authorities), List.of());
    }

    ProcessInstance asked(JoinRequest request) {
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(request.processInstanceId()).singleResult();
        driver.runAsyncJobs(instance.getId());
        return instance;
    }

    @Test
    void shouldEndInJoinApprovedWhenTheContractingAuthorityApproves() {
        JoinRequest request = contracts.askToJoin(framework(contracts.today().plusYears(1), true, Set.of()).id(), "city-delft", "officer-delft");
        ProcessInstance instance = asked(request);
        assertThat(instance).isWaitingAt(USER_TASK_APPROVE_JOIN).task().hasCandidateGroup("city-mechelen");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskCandidateGroup("city-delft").count()).as("the asking city cannot decide").isZero();

        // the portal claims the task for the officer, then completes it (officers have no engine rights of their own)
        engine.getTaskService().claim(driver.task(instance.getId(), USER_TASK_APPROVE_JOIN).getId(), "officer-mechelen");
        driver.complete(instance.getId(), USER_TASK_APPROVE_JOIN, ProcessVariables.of(JOIN_DECISION.with(JoinDecision.APPROVE), JOIN_REMARKS.with("Welcome")));

        assertThat(instance).isEnded().hasPassed(END_JOINED);
        JoinRequest decided = joinRequests.findById(request.id()).orElseThrow();
        assertThat(decided.status()).isEqualTo(JoinRequest.APPROVED);
        assertThat(decided.decidedBy()).isEqualTo("officer-mechelen");

        // open data: the joining city's own contracting process, related to the framework contract
        String release = jdbc.queryForObject("select release_json from ocds_release where ocid = ?", String.class,
                ocds.ocidFor(request.id().toString()));
        assertThat(release).contains("\"framework\"").contains("\"identifier\":\"framework-" + request.frameworkId() + "\"")
                .contains("Municipality of Delft");
    }

    @Test
    void shouldEndInJoinRefusedWhenTheContractingAuthorityRefuses() {
        JoinRequest request = contracts.askToJoin(framework(contracts.today().plusYears(1), false, Set.of("city-delft")).id(),
                "city-delft", "officer-delft");
        ProcessInstance instance = asked(request);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> driver.complete(instance.getId(), USER_TASK_APPROVE_JOIN,
                ProcessVariables.of(JOIN_DECISION.with(JoinDecision.REFUSE)))).hasMessageContaining(JOIN_REMARKS.name());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> driver.complete(instance.getId(), USER_TASK_APPROVE_JOIN,
                ProcessVariables.of(JOIN_REMARKS.with("untouched decision")))).hasMessageContaining(JOIN_DECISION.name());
        driver.complete(instance.getId(), USER_TASK_APPROVE_JOIN, ProcessVariables.of(JOIN_DECISION.with(JoinDecision.REFUSE), JOIN_REMARKS.with("Lot 1 is exhausted")));

        assertThat(instance).isEnded().hasPassed(END_REFUSED);
        assertThat(jdbc.queryForObject("select count(*) from ocds_release where ocid = ?", Integer.class,
                ocds.ocidFor(request.id().toString()))).as("a refused join is not published").isZero();
        JoinRequest decided = joinRequests.findById(request.id()).orElseThrow();
        assertThat(decided.status()).isEqualTo(JoinRequest.REFUSED);
        assertThat(decided.remarks()).isEqualTo("Lot 1 is exhausted");
    }

    @Test
    void shouldEndInFrameworkExpiredWhenTheContractExpiredBeforeTheProcessRan() {
        Framework framework = framework(contracts.today(), true, Set.of());
        JoinRequest request = contracts.askToJoin(framework.id(), "city-delft", "officer-delft");
        // the contract ends between the request and the check (e.g. the job ran after midnight on its last day)
        jdbc.update("update market_framework set valid_until = ? where id = ?", contracts.today().minusDays(1), framework.id());
        ProcessInstance instance = asked(request);

        assertThat(instance).isEnded().hasPassed(END_EXPIRED).hasNotPassed(USER_TASK_APPROVE_JOIN);
        assertThat(joinRequests.findById(request.id()).orElseThrow().status()).isEqualTo(JoinRequest.EXPIRED);
    }

    @Test
    void anExpiredContractANonEligibleCityTheAuthorityItselfAndASecondRequestAreRefusedBeforeAnyProcessStarts() {
        long before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count();
        UUID expired = framework(contracts.today().minusDays(1), true, Set.of()).id();
        assertThatThrownBy(() -> contracts.askToJoin(expired, "city-delft", "officer-delft"))
                .hasMessage("market.join.expired");
        UUID closed = framework(contracts.today().plusYears(1), false, Set.of("city-bruges")).id();
        assertThatThrownBy(() -> contracts.askToJoin(closed, "city-delft", "officer-delft"))
                .hasMessage("market.join.notEligible");
        assertThatThrownBy(() -> contracts.askToJoin(closed, "city-mechelen", "officer-mechelen"))
                .hasMessage("market.join.ownContract");
        contracts.askToJoin(closed, "city-bruges", "officer-bruges");
        assertThatThrownBy(() -> contracts.askToJoin(closed, "city-bruges", "officer-bruges"))
                .hasMessage("market.join.alreadyAsked");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before + 1);
    }

    @Autowired eu.smartcity.accelerator.notification.NotificationReminders reminders;

    /** Issue 23: the authority's answer has a deadline (bylaws joinApprovalWindow): reminded, then the coordinators are alerted. */
    @Test
    void shouldRemindTheAuthorityThenAlertTheCoordinatorsWhenTheJoinIsNotAnsweredInTime() {
        JoinRequest request = contracts.askToJoin(framework(contracts.today().plusYears(1), true, Set.of()).id(), "city-delft", "officer-delft");
        ProcessInstance instance = asked(request);
        org.camunda.bpm.engine.task.Task approve = driver.task(instance.getId(), USER_TASK_APPROVE_JOIN);
        org.assertj.core.api.Assertions.assertThat(approve.getDueDate().toInstant()).isBetween(
                java.time.Instant.now().plus(java.time.Duration.ofDays(14)).minusSeconds(120), java.time.Instant.now().plus(java.time.Duration.ofDays(14)));
        reminders.remindDeadlines(java.time.Instant.now().plus(java.time.Duration.ofDays(12)));
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("select count(*) from notification where dedup_key like ?",
                Long.class, "deadline-reminder:" + approve.getId() + ":%")).isPositive();

        driver.fireTimer(instance.getId(), BOUNDARY_JOIN_APPROVAL_OVERDUE);

        assertThat(instance).hasPassed(SEND_TASK_ALERT_COORDINATORS, END_COORDINATORS_ALERTED)
                .isWaitingAt(USER_TASK_APPROVE_JOIN);
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForList("select body from notification where kind = 'DEADLINE_MISSED'"
                + " and recipient_user_id in (select user_id_ from act_id_membership where group_id_ = 'coordinators')", String.class))
                .anySatisfy(body -> org.assertj.core.api.Assertions.assertThat(body).contains("Approve or refuse the join")
                        // titled with what it is about (the contract and the city asking), not the request id (issue 23)
                        .contains("Municipality of Delft").doesNotContain(request.id().toString()));
        driver.complete(instance.getId(), USER_TASK_APPROVE_JOIN, ProcessVariables.of(JOIN_DECISION.with(JoinDecision.APPROVE), JOIN_REMARKS.with("Late, but welcome")));
        assertThat(instance).isEnded().hasPassed(END_JOINED);
    }
}
