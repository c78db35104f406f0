package eu.smartcity.accelerator.worklist;

import static eu.smartcity.accelerator.challenge.ChallengeProcess.BUDGET_CAP;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.CYCLE_ID;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.FIT;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.INNOVATION;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.KPIS;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.LANGUAGES;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.MIN_TRL;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.OPEN_DATASETS;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.OPEN_DATA_USE;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.PRICE;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.PROBLEM;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.REPLICABILITY;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.SCORE_COMMENT;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.TEAM;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.workflow.TaskCompletions;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A city, the coordinator and a jury member do their steps through the portal: forms rendered from
 * forms/*.form, validated on the server, and only for the organisation or person the task belongs to.
 * (Delft, not Bruges: SingleLoginTest fails a Bruges login on purpose, which delays the next one.)
 */
@AcceleratorTest
class PortalWorkTest {

    @LocalServerPort int port;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired Applications applications;
    @Autowired ProcessEngine engine;
    @Autowired TaskCompletions completions;

    ProcessDriver driver;
    String title;
    String cycleId;

    @BeforeEach
    void openCycle() {
        driver = new ProcessDriver(engine, completions);
        cycleId = cycles.open("Portal work " + UUID.randomUUID(), "scifi-2025").id().toString();
        title = "Quiet streets " + UUID.randomUUID().toString().substring(0, 8);
    }

    PortalClient as(String user) {
        PortalClient client = new PortalClient(port);
        assertThat(client.login(user, "demo").headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    HttpResponse<String> define(PortalClient city, String... fields) {
        String[] withCycle = new String[fields.length + 2];
        withCycle[0] = CYCLE_ID.name();
        withCycle[1] = cycleId;
        System.arraycopy(fields, 0, withCycle, 2, fields.length);
        return city.postForm("/city/challenges/new", "/city/challenges/new", withCycle);
    }

    UUID defineValidChallenge(PortalClient bruges) {
        HttpResponse<String> defined = define(bruges, TITLE.name(), title, PROBLEM.name(), "Night-time noise from delivery traffic in the centre.",
                OPEN_DATASETS.name(), "Noise sensors (API)", BUDGET_CAP.name(), "9000", KPIS.name(), "Complaints -30 %", LANGUAGES.name(), "nl", MIN_TRL.name(), "6");
        assertThat(defined.statusCode()).as(defined.headers().firstValue("Location").orElse(defined.body())).isEqualTo(302);
        assertThat(defined.headers().firstValue("Location").orElse("")).endsWith("/city/challenges");
        return challenges.ofCity("city-delft").stream().filter(c -> c.title().equals(title)).findFirst().orElseThrow().id();
    }

    String taskId(UUID challengeId, String taskKey) {
        return driver.task(challenges.find(challengeId).orElseThrow().processInstanceId(), taskKey).getId();
    }

    @Test
    void aCityDefinesAChallengeThroughTheFormAndBadInputComesBackKept() {
        PortalClient bruges = as("officer-delft");
        assertThat(bruges.get("/city/challenges/new").body()).contains("name=\"title\"").contains("name=\"budgetCap\"");

        HttpResponse<String> refused = define(bruges, TITLE.name(), "abc", PROBLEM.name(), "Too short", BUDGET_CAP.name(), "", MIN_TRL.name(), "12");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("value=\"abc\"").contains("id=\"f-title-error\"").contains("id=\"f-budgetCap-error\"")
                .contains("id=\"f-minTrl-error\"").contains("Enter 9 or less.").doesNotContain("Exception");

        // a rule of the cycle's bylaws (budget cap), not of the form: shown next to its field all the same
        HttpResponse<String> overCap = define(bruges, TITLE.name(), title, PROBLEM.name(), "Night-time noise from delivery traffic in the centre.",
                BUDGET_CAP.name(), "999999999", KPIS.name(), "Complaints -30 %", MIN_TRL.name(), "6");
        assertThat(overCap.statusCode()).isEqualTo(200);
        assertThat(overCap.body()).contains("id=\"f-budgetCap-error\"").contains("value=\"999999999\"");

        UUID challengeId = defineValidChallenge(bruges);
        assertThat(bruges.get("/city/challenges").body()).contains(title).contains("Waiting for approval");
        assertThat(as("officer-mechelen").get("/city/challenges").body()).doesNotContain(title);
        assertThat(as("urbansense").get("/city/challenges").statusCode()).isEqualTo(403);
        assertThat(challenges.find(challengeId).orElseThrow().cityGroup()).isEqualTo("city-delft");
    }

    @Test
    void theCoordinatorApprovesInThePortalAndOnlyTheCoordinatorsSeeThatTask() {
        UUID challengeId = defineValidChallenge(as("officer-delft"));
        String approve = taskId(challengeId, ChallengeProcess.USER_TASK_APPROVE_CHALLENGE);
        assertThat(as("officer-delft").get("/tasks/" + approve).statusCode()).isEqualTo(404);
        assertThat(as("urbansense").get("/tasks/" + approve).statusCode()).isEqualTo(404);

        PortalClient coordinator = as("coordinator");
        assertThat(coordinator.get("/tasks").body()).contains("/tasks/" + approve);
        // the decision is two named outcomes, neither preselected; untouched, the form is refused
        assertThat(coordinator.get("/tasks/" + approve).body()).contains("value=\"approve\"").contains("value=\"send-back\"")
                .doesNotContainPattern("name=\"challengeDecision\"[^>]*checked");
        HttpResponse<String> untouched = coordinator.postForm("/tasks/" + approve, "/tasks/" + approve, ChallengeProcess.REMARKS.name(), "");
        assertThat(untouched.statusCode()).isEqualTo(200);
        assertThat(untouched.body()).contains("id=\"f-challengeDecision-error\"").contains("This field is required.");
        assertThat(challenges.find(challengeId).orElseThrow().status()).isEqualTo("SUBMITTED");

        HttpResponse<String> approved = coordinator.postForm("/tasks/" + approve, "/tasks/" + approve, ChallengeProcess.CHALLENGE_DECISION.name(), "approve");
        assertThat(approved.statusCode()).isEqualTo(302);
        driver.runAsyncJobs(challenges.find(challengeId).orElseThrow().processInstanceId()); // publishing is asynchronous
        assertThat(challenges.find(challengeId).orElseThrow().status()).isEqualTo("PUBLISHED");
        assertThat(coordinator.get("/tasks/" + approve).statusCode()).isEqualTo(404); // done: gone

        HttpResponse<String> dashboard = coordinator.get("/coordinator");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains(title).contains("Overdue tasks").contains("Open incidents");
        assertThat(as("officer-delft").get("/coordinator").statusCode()).isEqualTo(403);
    }

    /**
     * Issue #16: a negative decision (sending a challenge back) asks for its reason, then shows a second
     * page saying what will happen with that reason; only "Confirm" completes the task, "Back" returns to
     * the form as typed. The city then reads the reason where it follows its challenge, in its language.
     */
    @Test
    void aNegativeDecisionNeedsItsReasonAndAConfirmationAndTheCitySeesTheReason() {
        UUID challengeId = defineValidChallenge(as("officer-delft"));
        String task = "/tasks/" + taskId(challengeId, ChallengeProcess.USER_TASK_APPROVE_CHALLENGE);
        PortalClient coordinator = as("coordinator");

        HttpResponse<String> noReason = coordinator.postForm(task, task, ChallengeProcess.CHALLENGE_DECISION.name(), "send-back", ChallengeProcess.REMARKS.name(), " ");
        assertThat(noReason.statusCode()).isEqualTo(200);
        assertThat(noReason.body()).contains("id=\"f-remarks-error\"").contains("Give the reason")
                .doesNotContain("data-confirmation");

        String remarks = "Name a target for each KPI & the datasets' licence";
        HttpResponse<String> confirm = coordinator.postForm(task, task, ChallengeProcess.CHALLENGE_DECISION.name(), "send-back", ChallengeProcess.REMARKS.name(), remarks);
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("data-confirmation").contains("Please confirm")
                .contains("You are about to send this challenge back to the city")
                .contains("Name a target for each KPI &amp; the datasets&#39; licence")
                .contains("name=\"confirmed\" value=\"true\"").contains("name=\"back\" value=\"true\"")
                .containsPattern("type=\"hidden\" name=\"challengeDecision\" value=\"send-back\"");
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.substring(7)).count()).as("not completed yet").isEqualTo(1);
        assertThat(challenges.find(challengeId).orElseThrow().status()).isEqualTo("SUBMITTED");

        HttpResponse<String> back = coordinator.postForm(task, task, ChallengeProcess.CHALLENGE_DECISION.name(), "send-back", ChallengeProcess.REMARKS.name(), remarks, "back", "true");
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).doesNotContain("data-confirmation").containsPattern("value=\"send-back\"[^>]*checked")
                .contains("Name a target for each KPI");
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.substring(7)).count()).isEqualTo(1);

        HttpResponse<String> confirmed = coordinator.postForm(task, task, ChallengeProcess.CHALLENGE_DECISION.name(), "send-back", ChallengeProcess.REMARKS.name(), remarks,
                "confirmed", "true");
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.substring(7)).count()).as("completed").isZero();
        assertThat(challenges.find(challengeId).orElseThrow().status()).isEqualTo("SENT_BACK");

        PortalClient city = as("officer-delft");
        assertThat(city.get("/city/challenges").body()).contains("Name a target for each KPI &amp; the datasets&#39; licence");
    }

    @Test
    void aJuryMemberDeclaresThenScoresOnlyTheirOwnApplicationsAndSeesProgress() {
        UUID challengeId = defineValidChallenge(as("officer-delft"));
        String pi = challenges.find(challengeId).orElseThrow().processInstanceId();
        driver.complete(pi, ChallengeProcess.USER_TASK_APPROVE_CHALLENGE, java.util.Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.APPROVE.wire()));
        for (String company : new String[] {"urbansense", "parkflow"}) {
            applications.submit(new Applications.Submission(challengeId, "company-" + company, company + " quiet delivery",
                    "Route planning with the noise sensors.", new BigDecimal("8000"), 7, true, "BE", 30, true, true));
        }
        driver.fireTimer(pi, ChallengeProcess.TIMER_CALL_WINDOW_OVER);

        Task declare = driver.taskOf(pi, ChallengeProcess.USER_TASK_DECLARE_CONFLICT, "jury-an");
        PortalClient an = as("jury-an");
        assertThat(an.get("/tasks").body()).contains("/tasks/" + declare.getId());
        assertThat(as("jury-ben").get("/tasks/" + declare.getId()).statusCode()).isEqualTo(404);
        assertThat(an.postForm("/tasks/" + declare.getId(), "/tasks/" + declare.getId()).statusCode())
                .as("no declaration chosen: the form comes back").isEqualTo(200);
        assertThat(an.postForm("/tasks/" + declare.getId(), "/tasks/" + declare.getId(),
                ChallengeProcess.CONFLICT_DECISION.name(), ChallengeProcess.ConflictDecision.NONE.wire()).statusCode()).isEqualTo(302);

        java.util.List<Task> mine = driver.tasks(pi, ChallengeProcess.USER_TASK_SCORE_APPLICATION).stream()
                .filter(t -> "jury-an".equals(t.getAssignee())).toList();
        assertThat(mine).hasSize(2);
        assertThat(an.get("/tasks").body()).contains("0 of 2 scored");
        String first = "/tasks/" + mine.get(0).getId();
        HttpResponse<String> shown = an.get(first);
        assertThat(shown.body()).contains("quiet delivery").contains("Route planning with the noise sensors.");
        assertThat(as("jury-chloe").get(first).statusCode()).isEqualTo(404);

        HttpResponse<String> outOfRange = an.postForm(first, first, FIT.name(), "11", INNOVATION.name(), "8", TEAM.name(), "7", PRICE.name(), "7",
                REPLICABILITY.name(), "7", OPEN_DATA_USE.name(), "6");
        assertThat(outOfRange.statusCode()).isEqualTo(200);
        assertThat(outOfRange.body()).contains("id=\"f-fit-error\"").contains("value=\"11\"").contains("value=\"8\"");
        assertThat(an.postForm(first, first, FIT.name(), "9", INNOVATION.name(), "8", TEAM.name(), "7", PRICE.name(), "7",
                REPLICABILITY.name(), "7", OPEN_DATA_USE.name(), "6", SCORE_COMMENT.name(), "Convincing noise data plan").statusCode()).isEqualTo(302);
        assertThat(an.get("/tasks").body()).contains("1 of 2 scored");

        // the next application's form opens blank: nothing of the marks or comment just given is carried over,
        // neither to this juror's next task nor to another juror's
        String second = "/tasks/" + mine.get(1).getId();
        assertThat(an.get(second).body()).doesNotContain("value=\"9\"").doesNotContain("Convincing noise data plan");
        driver.complete(driver.taskOf(pi, ChallengeProcess.USER_TASK_DECLARE_CONFLICT, "jury-ben"),
                java.util.Map.of(ChallengeProcess.CONFLICT_DECISION.name(), ChallengeProcess.ConflictDecision.NONE.wire()), pi);
        Task bens = driver.taskOf(pi, ChallengeProcess.USER_TASK_SCORE_APPLICATION, "jury-ben");
        assertThat(as("jury-ben").get("/tasks/" + bens.getId()).body())
                .doesNotContain("value=\"9\"").doesNotContain("Convincing noise data plan");
    }
}
