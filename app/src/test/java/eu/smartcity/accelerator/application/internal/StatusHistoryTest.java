package eu.smartcity.accelerator.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.smartcity.accelerator.application.ApplicationStatus;
import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.demo.ProcessDriver;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An application's status history (the company's timeline) is appended without reading the changes before
 * (issue 19, slice appvars), in order, and two changes at once still cannot both take the same place.
 */
@AcceleratorTest
class StatusHistoryTest {

    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired Applications applications;
    @Autowired ProcessEngine engine;
    @Autowired EntityManager entityManager;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;

    UUID application;

    @BeforeEach
    void anApplication() {
        UUID cycle = cycles.open("History cycle", "scifi-2024").id();
        UUID challenge = challenges.launch(cycle, "city-bruges", new Challenges.Definition("Open call " + UUID.randomUUID(),
                "A problem worth solving here.", "Traffic counts", new BigDecimal("20000"), "Fewer cars", "nl", 5));
        new ProcessDriver(engine).complete(challenges.find(challenge).orElseThrow().processInstanceId(),
                ChallengeProcess.USER_TASK_APPROVE_CHALLENGE, Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.APPROVE.wire()));
        application = applications.submit(new Applications.Submission(challenge, "company-parkflow", "Counting lights",
                "Sensors and open data", new BigDecimal("9000"), 7, true, "BE", 12, true, true));
    }

    @Test
    void aStatusChangeIsAppendedWithoutLoadingTheHistoryAndTheTimelineKeepsItsOrder() {
        transactions.executeWithoutResult(tx -> {
            Application stored = entityManager.find(Application.class, application);
            stored.moveTo(ApplicationStatus.UNDER_REVIEW, Instant.parse("2026-12-01T10:00:00Z"));
            stored.moveTo(ApplicationStatus.CONTRACTING, Instant.parse("2026-12-02T10:00:00Z"));
            entityManager.flush();
            assertThat(entityManager.getEntityManagerFactory().getPersistenceUnitUtil().isLoaded(stored, "history"))
                    .as("the earlier changes were not read to append").isFalse();
        });
        assertThat(applications.history(application)).extracting(Applications.StatusChange::status)
                .containsExactly(ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW, ApplicationStatus.CONTRACTING);
        assertThat(jdbc.queryForList("select seq from application_status_change where application_id = ? order by seq", Integer.class, application))
                .containsExactly(0, 1, 2);
        assertThat(jdbc.queryForObject("select status_changes from application where id = ?", Integer.class, application)).isEqualTo(3);
    }

    @Test
    void twoStatusChangesAtOnceCannotBothTakeTheNextPlace() throws Exception {
        CyclicBarrier bothLoaded = new CyclicBarrier(2);
        CountDownLatch firstCommitted = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> changes = List.of(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.INELIGIBLE).stream()
                    .<Future<?>>map(next -> two.submit(() -> transactions.executeWithoutResult(tx -> {
                        Application stored = entityManager.find(Application.class, application);
                        await(bothLoaded);
                        stored.moveTo(next, Instant.now());
                        if (next == ApplicationStatus.INELIGIBLE) {
                            try {
                                firstCommitted.await(30, TimeUnit.SECONDS); // commit after the other one
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    })))
                    .toList();
            changes.get(0).get(30, TimeUnit.SECONDS);
            firstCommitted.countDown();
            assertThatThrownBy(() -> changes.get(1).get(30, TimeUnit.SECONDS)).as("the second change took the same place").isNotNull();
        } finally {
            two.shutdownNow();
        }
        assertThat(applications.history(application)).extracting(Applications.StatusChange::status)
                .containsExactly(ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
