package eu.smartcity.accelerator.selection;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.identity.JuryPool;
import eu.smartcity.accelerator.identity.Roles;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.workflow.TaskCompletions;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 18, point 4: a challenge's jury is drawn from its cycle's jury pool (the challenge's languages first, then
 * expertise matching its words), and a recused member's seat goes to the next free member of the same pool; with
 * the pool exhausted the seat stays vacant (Gateway_ReplacementFound: no), through the real challenge process.
 */
@AcceleratorTest
class JuryPoolTest {

    static final String PREFIX = "zz-pool-";

    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired Applications applications;
    @Autowired JuryPool pool;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;
    @Autowired JuryRecords juryRecords;
    @Autowired ProcessEngine engine;
    @Autowired TaskCompletions completions;
    @LocalServerPort int port;
    ProcessDriver driver;

    @BeforeEach
    void driver() {
        driver = new ProcessDriver(engine, completions);
    }

    @AfterEach
    void deleteThePoolsUsers() {
        // the jury group is shared by every test: these members must not be seated on other tests' juries
        identity.createUserQuery().list().stream().map(User::getId).filter(id -> id.startsWith(PREFIX)).forEach(identity::deleteUser);
        jdbc.update("DELETE FROM jury_pool_member WHERE user_id LIKE ?", PREFIX + "%");
    }

    String juror(UUID cycle, String name, Set<String> languages, List<String> expertise) {
        String id = PREFIX + name + "-" + UUID.randomUUID().toString().substring(0, 6);
        User user = identity.newUser(id);
        user.setFirstName(name);
        user.setLastName("Pool");
        user.setPassword("demo");
        identity.saveUser(user);
        identity.createMembership(id, Roles.JURY);
        pool.add(cycle, id, languages, expertise);
        return id;
    }

    @Test
    void aCycleWithoutAPoolSeatsTheJuryGroupAsBeforeButNoDeactivatedMember() {
        UUID cycle = cycles.open("Cycle without a pool", "scifi-2025").id();
        jdbc.update("INSERT INTO account_deactivation (user_id, deactivated_by, deactivated_at) VALUES ('jury-an', 'coordinator', CURRENT_TIMESTAMP)");
        try {
            UUID challengeId = challenges.launch(cycle, "city-delft", new Challenges.Definition("Quiet streets",
                    "Measure noise with the city's open sensor data.", "Noise (CSV)", new BigDecimal("10000"), "Noise -10 %", "nl", 6));
            String pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(challengeId.toString())
                    .processDefinitionKey(KEY).singleResult().getId();
            driver.complete(pi, USER_TASK_APPROVE_CHALLENGE, Map.of(CHALLENGE_DECISION.name(), ChallengeDecision.APPROVE.wire()));
            applications.submit(new Applications.Submission(challengeId, "company-greengrid", "greengrid noise map",
                    "Sensors and open data.", BigDecimal.valueOf(9_000), 7, true, "NL", 20, true, true));
            driver.fireTimer(pi, TIMER_CALL_WINDOW_OVER);
            assertThat(jdbc.queryForList("SELECT member FROM jury_seat WHERE challenge_id = ? ORDER BY seat_no", String.class, challengeId))
                    .startsWith("jury-ben", "jury-chloe").doesNotContain("jury-an"); // then others of the group, if any
        } finally {
            jdbc.update("DELETE FROM account_deactivation WHERE user_id = 'jury-an'");
        }
    }

    @Test
    void aJuryOfThreeIsDrawnFromAPoolOfFourAndTheFourthReplacesARecusalUntilThePoolIsExhausted() {
        UUID cycle = cycles.open("Pooled cycle", "scifi-2025").id();
        // pool order a, b, c, d; the challenge is in Dutch and English, about parking and open data
        String a = juror(cycle, "a", Set.of("fr"), List.of("parking", "open data"));
        String b = juror(cycle, "b", Set.of("nl"), List.of("energy"));
        String c = juror(cycle, "c", Set.of("en", "fr"), List.of("parking"));
        String d = juror(cycle, "d", Set.of("nl"), List.of("parking", "open data"));
        UUID challengeId = challenges.launch(cycle, "city-mechelen", new Challenges.Definition("Smart parking with open data",
                "Drivers circle for parking; guide them with the city's open parking data.", "Parking occupancy (CSV, API)",
                new BigDecimal("10000"), "Search time -20 %", "nl, en", 6));
        String pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(challengeId.toString())
                .processDefinitionKey(KEY).singleResult().getId();
        driver.complete(pi, USER_TASK_APPROVE_CHALLENGE, Map.of(CHALLENGE_DECISION.name(), ChallengeDecision.APPROVE.wire()));
        applications.submit(new Applications.Submission(challengeId, "company-urbansense", "urbansense parking guidance",
                "Sensors and an app that use the open parking data.", BigDecimal.valueOf(9_500), 7, true, "BE", 40, true, true));
        driver.fireTimer(pi, TIMER_CALL_WINDOW_OVER);

        // the challenge's languages first (b, c, d before a), then the most expertise words found (d, c, b)
        assertThat(jdbc.queryForList("SELECT member FROM jury_seat WHERE challenge_id = ? ORDER BY seat_no", String.class, challengeId))
                .containsExactly(d, c, b);
        assertThat(driver.tasks(pi, USER_TASK_DECLARE_CONFLICT)).extracting(Task::getAssignee).containsExactlyInAnyOrder(d, c, b);

        driver.complete(driver.taskOf(pi, USER_TASK_DECLARE_CONFLICT, d),
                Map.of(CONFLICT_DECISION.name(), ConflictDecision.CONFLICT.wire(), CONFLICT_REASON.name(), "Advises an applicant"), pi);
        // the one pool member not seated takes the seat, though they work in neither of the challenge's languages
        assertThat(driver.taskOf(pi, USER_TASK_DECLARE_CONFLICT, a)).isNotNull();
        assertThat(jdbc.queryForObject("SELECT member FROM jury_seat WHERE challenge_id = ? AND seat_no = 1 AND status = 'ASSIGNED'",
                String.class, challengeId)).isEqualTo(a);

        driver.complete(driver.taskOf(pi, USER_TASK_DECLARE_CONFLICT, a),
                Map.of(CONFLICT_DECISION.name(), ConflictDecision.CONFLICT.wire(), CONFLICT_REASON.name(), "Former employee of an applicant"), pi);
        // the pool is exhausted: no one from outside it (the demo's jury group) is drawn, the seat stays vacant
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi)
                .activityId(END_SEAT_VACANT).count()).isOne();
        assertThat(jdbc.queryForList("SELECT member FROM jury_seat WHERE challenge_id = ?", String.class, challengeId))
                .containsExactlyInAnyOrder(a, b, c, d);
        assertThat(juryRecords.seats(challengeId)).filteredOn(JuryRecords.Seat::recused).hasSize(2)
                .anySatisfy(s -> assertThat(s.replacedBy()).isNull());
        ProcessInstance stillRunning = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi).singleResult();
        assertThat(stillRunning).isNotNull();

        // the two seated members declare and score (quorum 2); the coordinator sees the vacant seat and where to invite
        for (String member : List.of(b, c)) {
            driver.complete(driver.taskOf(pi, USER_TASK_DECLARE_CONFLICT, member), Map.of(CONFLICT_DECISION.name(), ConflictDecision.NONE.wire()), pi);
        }
        for (String member : List.of(b, c)) {
            driver.complete(driver.taskOf(pi, USER_TASK_SCORE_APPLICATION, member), Map.of(FIT.name(), 8L, INNOVATION.name(), 7L, TEAM.name(), 7L,
                    PRICE.name(), 7L, REPLICABILITY.name(), 8L, OPEN_DATA_USE.name(), 6L), pi);
        }
        PortalClient coordinator = new PortalClient(port);
        coordinator.login("coordinator", "demo");
        String selectionPage = coordinator.get("/tasks/" + driver.task(pi, USER_TASK_APPROVE_SELECTION).getId()).body();
        assertThat(selectionPage).contains("not replaced").contains("/coordinator/invitations?cycle=" + cycle);
    }
}
