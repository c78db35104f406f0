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

        // which application a score task is for is the selection's record; a score task opened before those records
        // has its stored element variable, which still grants the file
        Task scoring = driver.taskOf(pi, ChallengeProcess.USER_TASK_SCORE_APPLICATION, "jury-ben");
        jdbc.update("delete from jury_score_task where execution_id = ?", scoring.getExecutionId());
        assertThat(ben.getBytes(download).statusCode()).isEqualTo(404);
        engine.getRuntimeService().setVariableLocal(scoring.getExecutionId(), ChallengeProcess.APPLICATION_ID.name(), applicationId.toString());
        assertThat(ben.getBytes(download).statusCode()).isEqualTo(200);
    }
}
