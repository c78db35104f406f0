package eu.smartcity.accelerator.selection;

import static eu.smartcity.accelerator.challenge.ChallengeProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.ThreadStatements;
import eu.smartcity.accelerator.workflow.TaskCompletions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reads of a jury mark (issue 19, slice markreads), counted on the real engine as the engine benchmark counts them:
 * the score task's row with the juror's seat check is one query, the cycle's pinned weights one more (the cycle module's;
 * never answered from memory, so a copy corrected in the database counts at once), the challenge's cycle is read for the
 * challenge's first mark only, and the ranking inserts its entries without reading them first. Every access rule and the
 * exactly-once of the marks stay: the marks, rankings and decision records are all there, each with the weights the
 * cycle's row held when it was given.
 */
@AcceleratorTest
@Import(ThreadStatements.class)
class JuryMarkReadsTest {

    static final List<String> JURY = List.of("jury-an", "jury-ben", "jury-chloe");

    @Autowired ProcessEngine engine;
    @Autowired TaskCompletions completions;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired Applications applications;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aMarkReadsItsTaskWithTheSeatCheckAndTheCyclesWeightsAndTheRankingInsertsWithoutASelect() {
        ProcessDriver driver = new ProcessDriver(engine, completions);
        Cycles.CycleView cycle = cycles.open("Mark reads cycle", "scifi-2025");
        UUID challengeId = challenges.launch(cycle.id(), "city-mechelen", new Challenges.Definition("Quiet streets at night",
                "Measure and lower the noise of night traffic.", "Noise sensors (API)", new BigDecimal("10000"), "Noise -10 %", "nl, en", 6));
        String pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(challengeId.toString())
                .processDefinitionKey(KEY).singleResult().getId();
        driver.complete(pi, USER_TASK_APPROVE_CHALLENGE, Map.of(CHALLENGE_DECISION.name(), ChallengeDecision.APPROVE.wire()));
        for (String company : List.of("parkflow", "urbansense")) {
            applications.submit(new Applications.Submission(challengeId, "company-" + company, company + " noise map",
                    "Sensors on lamp posts and an open noise map.", BigDecimal.valueOf(9_500), 7, true, "BE", 40, true, true));
        }
        driver.fireTimer(pi, TIMER_CALL_WINDOW_OVER);
        for (String member : JURY) {
            driver.complete(driver.taskOf(pi, USER_TASK_DECLARE_CONFLICT, member), Map.of(CONFLICT_DECISION.name(), ConflictDecision.NONE.wire()), pi);
        }

        // each score task's instance holds only transient values (its application, loopCounter): stored as having none
        for (Task task : driver.tasks(pi, USER_TASK_SCORE_APPLICATION)) {
            assertThat(jdbc.queryForObject("select cached_ent_state_ from act_ru_execution where id_ = ?", Integer.class,
                    task.getExecutionId()) & (1 << 4)).as("variables bit of score task %s's execution", task.getName()).isZero();
        }

        List<List<String>> marks = new ArrayList<>();
        List<String> jobs = new ArrayList<>();
        for (String member : JURY) {
            if (member.equals("jury-chloe")) {
                // the cycle's copy corrected in the database (fit 25 % -> 35 %, team 10 % -> 0 %): the next marks weigh with it
                assertThat(jdbc.update("UPDATE cycle SET rules_json = REPLACE(REPLACE(rules_json, '\"fit\":0.25', '\"fit\":0.35'),"
                        + " '\"team\":0.1', '\"team\":0.0') WHERE id = ?", cycle.id())).isOne();
            }
            for (Task task : driver.tasks(pi, USER_TASK_SCORE_APPLICATION)) {
                if (member.equals(task.getAssignee())) {
                    Map<String, Object> values = new HashMap<>();
                    CRITERIA.forEach(criterion -> values.put(criterion.name(), 7L));
                    marks.add(ThreadStatements.of(() -> completions.complete(task, member, values)));
                    jobs.addAll(ThreadStatements.of(() -> driver.runNewAsyncJobs(pi)));
                }
            }
        }

        assertThat(marks).hasSize(6);
        List<String> all = marks.stream().flatMap(List::stream).toList();
        // the challenge's cycle for the challenge's first mark only; the cycle's weights for each (corrections count)
        assertThat(all).as("all marks' statements").filteredOn(s -> s.equals("select challenge")).hasSizeLessThanOrEqualTo(1);
        for (List<String> mark : marks) {
            assertThat(mark).as("a mark's statements").containsOnlyOnce("select cycle");
            // the task's row with the seat check: one query (its text names jury_seat first), no other read of the selection
            assertThat(mark).as("a mark's statements").filteredOn(s -> s.equals("select jury_seat")).hasSize(1);
            assertThat(mark).as("a mark's statements").doesNotContain("select jury_score_task", "select jury_score");
            assertThat(mark).as("a mark's statements").containsOnlyOnce("insert jury_score", "insert decision_evaluation");
            // no variables read: the task's own are known to be none (TaskEnds), its ended instance's too (variables bit)
            assertThat(mark).as("a mark's statements").doesNotContain("select act_ru_variable");
            // the instance's execution tree once (TreeFirstCompletion), not the task's execution and instance by id before it
            assertThat(mark).as("a mark's statements").containsOnlyOnce("select act_ru_execution");
        }
        // the ranking (the seats' last job) inserts its two entries without a select each first
        assertThat(jobs).as("the marks' jobs").doesNotContain("select ranking_entry");
        assertThat(jobs).as("the marks' jobs").filteredOn(s -> s.equals("insert ranking_entry")).hasSize(2);

        // every mark kept once, ranked, and weighed with the cycle's own weights
        assertThat(jdbc.queryForObject("select count(*) from jury_score where challenge_id = ?", Long.class, challengeId)).isEqualTo(6);
        assertThat(jdbc.queryForObject("select count(*) from ranking_entry where challenge_id = ?", Long.class, challengeId)).isEqualTo(2);
        String weighed = "select inputs_json from decision_evaluation where process_instance_id = ? and subject_type = 'application'"
                + " and inputs_json like '%weightFit%' and actor ";
        assertThat(jdbc.queryForList(weighed + "<> 'jury-chloe'", String.class, pi)).hasSize(4)
                .allSatisfy(json -> assertThat(json).contains("\"weightFit\":25.0").contains("\"weightTeam\":10.0"));
        assertThat(jdbc.queryForList(weighed + "= 'jury-chloe'", String.class, pi)).hasSize(2)
                .allSatisfy(json -> assertThat(json).contains("\"weightFit\":35.0").contains("\"weightTeam\":0.0"));
        assertThat(driver.tasks(pi, USER_TASK_SCORE_APPLICATION)).isEmpty();
    }
}
