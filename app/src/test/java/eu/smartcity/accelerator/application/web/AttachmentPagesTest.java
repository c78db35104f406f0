package eu.smartcity.accelerator.application.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.attachments.AttachmentView;
import eu.smartcity.accelerator.attachments.Attachments;
import eu.smartcity.accelerator.attachments.TestPdfs;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.workflow.TaskCompletions;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import eu.smartcity.accelerator.support.PortalClient.FilePart;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A company applies with PDFs; only the PDF's rightful readers can download it, and a bad file stores nothing. */
@AcceleratorTest
class AttachmentPagesTest {

    @LocalServerPort int port;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired Applications applications;
    @Autowired Attachments attachments;
    @Autowired ProcessEngine engine;
    @Autowired TaskCompletions completions;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired eu.smartcity.accelerator.worklist.MyTasks myTasks;

    UUID challengeId;
    String applyPage;

    @BeforeEach
    void publishedChallengeOfDelft() {
        UUID cycle = cycles.open("Attachments cycle " + UUID.randomUUID(), "scifi-2025").id();
        challengeId = challenges.launch(cycle, "city-delft", new Challenges.Definition("Canal water quality " + UUID.randomUUID(),
                "Measure and publish canal water quality continuously.", "Water sensors", new BigDecimal("9000"), "Daily data",
                "nl", 5));
        new ProcessDriver(engine, completions).complete(challenges.find(challengeId).orElseThrow().processInstanceId(),
                ChallengeProcess.USER_TASK_APPROVE_CHALLENGE, Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.APPROVE.wire()));
        new ProcessDriver(engine, completions).runAsyncJobs(challenges.find(challengeId).orElseThrow().processInstanceId());
        applyPage = "/challenges/" + challengeId + "/apply";
    }

    PortalClient as(String user) {
        PortalClient client = new PortalClient(port);
        assertThat(client.login(user, "demo").headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    HttpResponse<String> apply(PortalClient company, String title, List<FilePart> files) {
        return company.postMultipart(applyPage, applyPage, files, "solutionTitle", title, "pitch", "Floating sensors",
                "requestedBudget", "8000", "trl", "7", "country", "NL", "employees", "9", "legalEntity", "true",
                "interoperable", "true", "declarationsSigned", "true");
    }

    List<Applications.ApplicationView> mine(String company) {
        return applications.ofCompany(company).stream().filter(a -> a.challengeId().equals(challengeId)).toList();
    }

    @Test
    void aDisguisedFileGivesTheFormBackWithTheInputKeptAndStoresNothing() {
        PortalClient greengrid = as("greengrid");
        HttpResponse<String> refused = apply(greengrid, "Kept solution title", List.of(
                new FilePart("attachments", "offer.pdf", "application/pdf", TestPdfs.plain(1)),
                new FilePart("attachments", "cv.pdf", "application/pdf", "MZ not a pdf".getBytes(StandardCharsets.US_ASCII))));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("value=\"Kept solution title\"").contains("id=\"attachments-error\"")
                .contains("cv.pdf is not a PDF").doesNotContain("Exception");
        assertThat(mine("company-greengrid")).isEmpty(); // neither the application nor the good file
    }

    @Test
    void onlyTheCompanyTheCityTheCoordinatorAndAnAssignedJuryMemberMayDownload() {
        HttpResponse<String> applied = apply(as("urbansense"), "Canal sensors", List.of(
                new FilePart("attachments", "../offer.pdf", "application/octet-stream", TestPdfs.plain(2))));
        assertThat(applied.statusCode()).isEqualTo(302);
        UUID applicationId = mine("company-urbansense").get(0).id();
        AttachmentView stored = attachments.of(applicationId).get(0);
        assertThat(stored.fileName()).isEqualTo("offer.pdf");
        assertThat(stored.pages()).isEqualTo(2);
        String download = "/attachments/" + stored.id();

        PortalClient urbansense = as("urbansense");
        assertThat(urbansense.get("/applications").body()).contains(download);
        HttpResponse<byte[]> file = urbansense.getBytes(download);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment").contains("offer.pdf");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(new String(file.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        assertThat(as("officer-delft").getBytes(download).statusCode()).isEqualTo(200);
        assertThat(as("coordinator").getBytes(download).statusCode()).isEqualTo(200);
        assertThat(as("parkflow").getBytes(download).statusCode()).isEqualTo(404);
        assertThat(as("officer-mechelen").getBytes(download).statusCode()).isEqualTo(404);
        assertThat(new PortalClient(port).getBytes(download).statusCode()).isEqualTo(302); // to the login page

        // the jury: nothing before declaring, the file once the application is theirs to score
        String pi = challenges.find(challengeId).orElseThrow().processInstanceId();
        ProcessDriver driver = new ProcessDriver(engine, completions);
        driver.fireTimer(pi, ChallengeProcess.TIMER_CALL_WINDOW_OVER);
        Task declare = driver.taskOf(pi, ChallengeProcess.USER_TASK_DECLARE_CONFLICT, "jury-ben");
        PortalClient ben = as("jury-ben");
        assertThat(ben.getBytes(download).statusCode()).isEqualTo(404);
        driver.complete(declare, Map.of(ChallengeProcess.CONFLICT_DECISION.name(), ChallengeProcess.ConflictDecision.NONE.wire()), pi);
        assertThat(ben.getBytes(download).statusCode()).isEqualTo(200);
        assertThat(as("jury-chloe").getBytes(download).statusCode()).isEqualTo(404); // not declared yet

        // the score task keeps no engine history (accelerator.history = none): the selection's record alone grants it
        Task scoring = driver.taskOf(pi, ChallengeProcess.USER_TASK_SCORE_APPLICATION, "jury-ben");
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(pi)
                .taskDefinitionKey(ChallengeProcess.USER_TASK_SCORE_APPLICATION).count()).isZero();
        driver.complete(scoring, scores(), pi);
        assertThat(ben.getBytes(download).statusCode()).as("marked: still given").isEqualTo(200);
        jdbc.update("delete from jury_score_task where execution_id = ?", scoring.getExecutionId());
        assertThat(ben.getBytes(download).statusCode()).isEqualTo(404);
    }

    /**
     * A challenge of an older model version (its score task declared task-only history, or nothing): its score tasks
     * keep their task history, and the downloads still answer from it — by the selection's record, or for a score task
     * opened before those records, by its stored element variable.
     */
    @Test
    void aScoreTaskOfAnOlderModelVersionStillGrantsByItsTaskHistory() throws Exception {
        String model;
        try (var in = getClass().getClassLoader().getResourceAsStream("processes/challenge.bpmn")) {
            model = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String older = model.replace("<camunda:property name=\"accelerator.history\" value=\"none\"/>",
                "<camunda:property name=\"accelerator.history\" value=\"task-only\"/>");
        assertThat(older).isNotEqualTo(model);
        var deployment = engine.getRepositoryService().createDeployment().name("older challenge").addString("challenge.bpmn", older);
        for (var form : new org.springframework.core.io.support.PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
            deployment.addInputStream(form.getFilename(), form.getInputStream());
        }
        String deploymentId = deployment.deploy().getId();
        try {
            publishedChallengeOfDelft(); // a challenge on the older version, now the latest
            HttpResponse<String> applied = apply(as("urbansense"), "Canal sensors", List.of(
                    new FilePart("attachments", "offer.pdf", "application/pdf", TestPdfs.plain(1))));
            assertThat(applied.statusCode()).isEqualTo(302);
            UUID applicationId = mine("company-urbansense").get(0).id();
            String download = "/attachments/" + attachments.of(applicationId).get(0).id();
            String pi = challenges.find(challengeId).orElseThrow().processInstanceId();
            ProcessDriver driver = new ProcessDriver(engine, completions);
            driver.fireTimer(pi, ChallengeProcess.TIMER_CALL_WINDOW_OVER);
            driver.complete(driver.taskOf(pi, ChallengeProcess.USER_TASK_DECLARE_CONFLICT, "jury-ben"),
                    Map.of(ChallengeProcess.CONFLICT_DECISION.name(), ChallengeProcess.ConflictDecision.NONE.wire()), pi);
            Task scoring = driver.taskOf(pi, ChallengeProcess.USER_TASK_SCORE_APPLICATION, "jury-ben");
            assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().executionId(scoring.getExecutionId())
                    .taskAssignee("jury-ben").count()).as("the older version's task history").isOne();
            // the juror's progress counts it once: by its task history, though its record names the juror too
            assertThat(myTasks.juryProgress(new eu.smartcity.accelerator.identity.CurrentUser("jury-ben", java.util.Set.of()))
                    .stream().filter(p -> p.processInstanceId().equals(pi)).toList())
                    .containsExactly(new eu.smartcity.accelerator.worklist.MyTasks.JuryProgress(pi, 0, 1));
            PortalClient ben = as("jury-ben");
            assertThat(ben.getBytes(download).statusCode()).isEqualTo(200);
            // a score task opened before the records named the juror (V213): its history and the record's application
            jdbc.update("update jury_score_task set member = null where execution_id = ?", scoring.getExecutionId());
            assertThat(ben.getBytes(download).statusCode()).isEqualTo(200);
            // opened before the records (V197): its history and its stored element variable
            jdbc.update("delete from jury_score_task where execution_id = ?", scoring.getExecutionId());
            assertThat(ben.getBytes(download).statusCode()).isEqualTo(404);
            engine.getRuntimeService().setVariableLocal(scoring.getExecutionId(), ChallengeProcess.APPLICATION_ID.name(),
                    applicationId.toString());
            assertThat(ben.getBytes(download).statusCode()).isEqualTo(200);
            assertThat(as("jury-chloe").getBytes(download).statusCode()).isEqualTo(404);
        } finally {
            engine.getRepositoryService().deleteDeployment(deploymentId, true);
        }
    }

    private static Map<String, Object> scores() {
        return new java.util.HashMap<>(eu.smartcity.accelerator.workflow.ProcessVariables.of(ChallengeProcess.FIT.with(7L),
                ChallengeProcess.INNOVATION.with(6L), ChallengeProcess.TEAM.with(7L), ChallengeProcess.PRICE.with(7L),
                ChallengeProcess.REPLICABILITY.with(8L), ChallengeProcess.OPEN_DATA_USE.with(6L)));
    }
}
