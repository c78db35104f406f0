package eu.smartcity.accelerator.demo;

import eu.smartcity.accelerator.pilot.PilotProcess;
import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.cycle.CycleProcess;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import eu.smartcity.accelerator.application.Applications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The default profile's demo content on an empty database: one cycle whose challenges stand at every
 * stage, every kind of task waiting for someone, OCDS releases at every stage. (Own context on an
 * in-memory database, without process-coverage instrumentation, because the content is made at start-up.)
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:demo-cycle;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
        "camunda.bpm.job-execution.enabled=false"})
@AutoConfigureMockMvc
class DemoCycleTest {

    @Autowired Applications applications;
    @Autowired MockMvc mvc;

    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aNewUserFindsChallengesAtEveryStage() {
        assertThat(cycles.all()).singleElement().satisfies(c -> assertThat(c.bylawsVersion()).isEqualTo("scifi-2025"));
        assertThat(challenges.published()).extracting(Challenges.ChallengeView::title).containsExactly("Smart parking with open data");

        assertThat(taskKeysFor("coordinators")).contains(CycleProcess.USER_TASK_CLOSE_CYCLE);
        assertThat(tasks.createTaskQuery().taskAssignee("jury-ben").taskDefinitionKey(ChallengeProcess.USER_TASK_DECLARE_CONFLICT).count())
                .isEqualTo(1);
        assertThat(taskKeysFor("company-parkflow")).contains(ContractProcess.USER_TASK_REVIEW_DRAFT);
        assertThat(taskKeysFor("company-urbansense")).contains(PilotProcess.USER_TASK_REPORT_PROGRESS);
        assertThat(taskKeysFor("company-greengrid")).contains(ContractProcess.USER_TASK_REVIEW_DRAFT);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("challenge").completed().count()).isEqualTo(1);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("evaluation").completed().count()).isEqualTo(1);
        assertThat(jdbc.queryForList("select distinct tag from ocds_release", String.class))
                .containsExactlyInAnyOrder("tender", "award", "contract", "implementation");
        assertThat(jdbc.queryForObject("select count(*) from application where status = 'INELIGIBLE'", Integer.class)).isEqualTo(1);
    }

    @Test
    void theWholePublicSeesAChallengesBylawsAndItsResultOnlyOnceTheSelectionIsFinal() throws Exception {
        Challenges.ChallengeView underReview = byTitle("Air quality sensors near schools");
        Challenges.ChallengeView contracting = byTitle("Smarter waste collection routes");

        Applications.PublicResults pending = applications.publicResults(underReview.id());
        assertThat(pending.isFinal()).isFalse();
        assertThat(pending.selected()).isEmpty();
        assertThat(pending.received()).isEqualTo(3);
        assertThat(pending.eligible()).isEqualTo(2);
        String pendingPage = page("/challenges/" + underReview.id() + "/results");
        assertThat(pendingPage).contains("not final yet").doesNotContain("SchoolAir").doesNotContain("CleanAir");

        Applications.PublicResults announced = applications.publicResults(contracting.id());
        assertThat(announced.isFinal()).isTrue();
        String routeWise = "RouteWise collection rounds planned on fill levels";
        String binLevel = "BinLevel ultrasonic fill sensors with route planner";
        assertThat(announced.selected()).singleElement().satisfies(a -> assertThat(a.solutionTitle()).isIn(routeWise, binLevel));
        String selectedSolution = announced.selected().get(0).solutionTitle();
        String loser = selectedSolution.equals(routeWise) ? binLevel : routeWise;
        assertThat(page("/challenges/" + contracting.id() + "/results")).contains(selectedSolution).doesNotContain(loser)
                .doesNotContain("not final yet");

        assertThat(page("/challenges/" + contracting.id())).contains("href=\"/bylaws/scifi-2025\"")
                .contains("/challenges/" + contracting.id() + "/results");
        assertThat(page("/bylaws/scifi-2025")).contains("<h1>Bylaws").contains("<li>");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/bylaws/..%2Fapplication.yml"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is4xxClientError());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/bylaws/scifi-1999"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
    }

    @Test
    void thePublicApiListsPublishedChallengesByStageWithLinksAndProblemDetailsForBadRequests() throws Exception {
        String open = page("/api/challenges?stage=open");
        assertThat(open).contains("Smart parking with open data").doesNotContain("Noise monitoring")
                .contains("\"stage\":\"open\"").contains("\"bylawsVersion\":\"scifi-2025\"").contains("/api/ocds/packages/");
        assertThat(page("/api/challenges?stage=ended")).contains("Noise monitoring in the city centre").doesNotContain("Smart parking");
        assertThat(page("/api/challenges?size=2&page=0")).contains("\"total\":5").contains("\"size\":2");
        Challenges.ChallengeView evaluated = byTitle("Noise monitoring in the city centre");
        assertThat(page("/api/challenges/" + evaluated.id())).contains("\"stage\":\"ended\"").contains("city-mechelen");

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/challenges?stage=someday"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith("application/problem+json"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.containsString("stage")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/challenges/" + java.util.UUID.randomUUID()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
        assertThat(page("/api/docs")).contains("/api/challenges/{id}");
    }

    private Challenges.ChallengeView byTitle(String title) {
        return cycles.all().stream().flatMap(c -> challenges.ofCycle(c.id()).stream()).filter(c -> c.title().equals(title))
                .findFirst().orElseThrow();
    }

    private String page(String path) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private List<String> taskKeysFor(String group) {
        return tasks.createTaskQuery().taskCandidateGroup(group).list().stream().map(t -> t.getTaskDefinitionKey()).toList();
    }
}
