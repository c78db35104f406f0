package eu.smartcity.accelerator.cycle;

import eu.smartcity.accelerator.workflow.ProcessVariables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.demo.ProcessDriver;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The accelerator-cycle process: opened under pinned bylaws, closed by the coordinator, reported. */
@AcceleratorTest
class AcceleratorCycleProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired Cycles cycles;

    @org.junit.jupiter.api.BeforeAll
    static void gateCoverage() {
        eu.smartcity.accelerator.support.ProcessCoverageTestConfiguration.gateThisClass();
    }

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void reset() {
        BpmnAwareTests.reset();
    }

    @Test
    void shouldEndInCycleClosedWhenTheCoordinatorClosesIt() {
        Cycles.CycleView cycle = cycles.open("Cycle to close", "scifi-2024");
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(cycle.id().toString()).processDefinitionKey(CycleProcess.KEY).singleResult();
        ProcessDriver driver = new ProcessDriver(engine);

        assertThat(instance).isWaitingAt(CycleProcess.USER_TASK_CLOSE_CYCLE).task().hasCandidateGroup("coordinators");
        driver.complete(instance.getId(), CycleProcess.USER_TASK_CLOSE_CYCLE, ProcessVariables.of(CycleProcess.CLOSE_CONFIRMED.with(true)));

        assertThat(instance).isEnded().hasPassed(CycleProcess.SERVICE_TASK_WRITE_CYCLE_REPORT, CycleProcess.END_CYCLE_CLOSED);
        assertThat(cycles.get(cycle.id()).status()).isEqualTo("CLOSED");
    }

    // A running cycle keeps the bylaws it opened with, whatever happens to the bylaws files later.

    @Test
    void changingTheBylawsFileDoesNotChangeARunningCycle() throws Exception {
        Cycles.CycleView running = cycles.open("Cycle opened under scifi-2024", "scifi-2024");
        Path rules = Path.of(getClass().getResource("/bylaws/scifi-2024/rules.yaml").toURI());
        String original = Files.readString(rules);
        try {
            Files.writeString(rules, original.replace("budgetPerPilot: 25000", "budgetPerPilot: 99999"));
            assertThat(new BylawsCatalog().find("scifi-2024")).get()
                    .extracting(Bylaws::budgetPerPilot).isEqualTo(new BigDecimal("99999")); // the file did change

            assertThat(cycles.bylawsOf(running.id()).budgetPerPilot()).isEqualByComparingTo("25000");
            assertThat(cycles.get(running.id()).rulesSha256()).isEqualTo(running.rulesSha256());
        } finally {
            Files.writeString(rules, original);
        }
    }

    @Test
    void cyclesUnderDifferentBylawsRunUnderDifferentRules() {
        Cycles.CycleView first = cycles.open("First cycle", "scifi-2024");
        Cycles.CycleView second = cycles.open("Second cycle", "scifi-2025");

        assertThat(cycles.bylawsOf(first.id()).budgetPerPilot()).isEqualByComparingTo("25000");
        assertThat(cycles.bylawsOf(second.id()).budgetPerPilot()).isEqualByComparingTo("10000");
        assertThat(cycles.bylawsOf(second.id()).requireInteroperable()).isTrue();
    }

    @Test
    void openingUnderUnknownBylawsIsRefused() {
        assertThatThrownBy(() -> cycles.open("Bad", "scifi-1999"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scifi-1999").hasMessageContaining("scifi-2024");
    }


    @Autowired eu.smartcity.accelerator.notification.NotificationReminders reminders;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** Issue 23: the cycle has a length (bylaws cycleLength): its closing task is due then, reminded before, escalated after. */
    @Test
    void shouldRemindThenAlertTheCoordinatorsWhenTheCycleOutlivesItsLength() {
        Cycles.CycleView cycle = cycles.open("Cycle that runs late", "scifi-2024");
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(cycle.id().toString()).processDefinitionKey(CycleProcess.KEY).singleResult();
        ProcessDriver driver = new ProcessDriver(engine);
        org.camunda.bpm.engine.task.Task close = driver.task(instance.getId(), CycleProcess.USER_TASK_CLOSE_CYCLE);
        assertThat(close.getDueDate().toInstant()).isBetween(java.time.Instant.now().plus(java.time.Duration.ofDays(365)).minusSeconds(120),
                java.time.Instant.now().plus(java.time.Duration.ofDays(365)));
        reminders.remindDeadlines(java.time.Instant.now().plus(java.time.Duration.ofDays(363)));
        assertThat(jdbc.queryForObject("select count(*) from notification where dedup_key like ?", Long.class,
                "deadline-reminder:" + close.getId() + ":%")).isPositive();

        driver.fireTimer(instance.getId(), CycleProcess.BOUNDARY_CYCLE_OVERDUE);

        assertThat(instance).hasPassed(CycleProcess.SEND_TASK_ALERT_COORDINATORS, CycleProcess.END_COORDINATORS_ALERTED)
                .isWaitingAt(CycleProcess.USER_TASK_CLOSE_CYCLE);
        assertThat(jdbc.queryForList("select subject from notification where kind = 'DEADLINE_MISSED'", String.class))
                .anySatisfy(subject -> assertThat(subject).contains("Cycle that runs late"));
        driver.complete(instance.getId(), CycleProcess.USER_TASK_CLOSE_CYCLE, ProcessVariables.of(CycleProcess.CLOSE_CONFIRMED.with(true)));
        assertThat(instance).isEnded().hasPassed(CycleProcess.END_CYCLE_CLOSED);
    }
}
