package eu.smartcity.accelerator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The default profile's demo content on an empty database: one cycle whose challenges stand at every
 * stage, every kind of task waiting for someone, OCDS releases at every stage. (Own context on an
 * in-memory database, without process-coverage instrumentation, because the content is made at start-up.)
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:demo-cycle;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
        "camunda.bpm.job-execution.enabled=false"})
class DemoCycleTest {

    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aNewUserFindsChallengesAtEveryStage() {
        assertThat(cycles.all()).singleElement().satisfies(c -> assertThat(c.bylawsVersion()).isEqualTo("scifi-2025"));
        assertThat(challenges.published()).extracting(Challenges.ChallengeView::title).containsExactly("Smart parking with open data");

        assertThat(taskKeysFor("coordinators")).contains("UserTask_CloseCycle");
        assertThat(tasks.createTaskQuery().taskAssignee("jury-ben").taskDefinitionKey("UserTask_DeclareConflictOfInterest").count())
                .isEqualTo(1);
        assertThat(taskKeysFor("company-parkflow")).contains("UserTask_ReviewDraftAsCompany");
        assertThat(taskKeysFor("company-urbansense")).contains("UserTask_ReportProgress");
        assertThat(taskKeysFor("company-greengrid")).contains("UserTask_ReviewDraftAsCompany");
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("challenge").completed().count()).isEqualTo(1);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("evaluation").completed().count()).isEqualTo(1);
        assertThat(jdbc.queryForList("select distinct tag from ocds_release", String.class))
                .containsExactlyInAnyOrder("tender", "award", "contract");
        assertThat(jdbc.queryForObject("select count(*) from application where status = 'INELIGIBLE'", Integer.class)).isEqualTo(1);
    }

    private List<String> taskKeysFor(String group) {
        return tasks.createTaskQuery().taskCandidateGroup(group).list().stream().map(t -> t.getTaskDefinitionKey()).toList();
    }
}
