package eu.smartcity.accelerator.worklist;

import static eu.smartcity.accelerator.challenge.ChallengeProcess.BUDGET_CAP;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.CYCLE_ID;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.KPIS;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.LANGUAGES;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.MIN_TRL;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.OPEN_DATASETS;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.SCORE_COMMENT;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.TITLE;
import eu.smartcity.accelerator.workflow.ProcessVariables;
import eu.smartcity.accelerator.cycle.CycleProcess;
import eu.smartcity.accelerator.pilot.ReplicationProcess;
import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.attachments.Attachments;
import eu.smartcity.accelerator.attachments.PdfInspector;
import eu.smartcity.accelerator.attachments.TestPdfs;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.cycle.Bylaws;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.evaluation.EvaluationProcess;
import eu.smartcity.accelerator.identity.Roles;
import eu.smartcity.accelerator.marketplace.FrameworkJoinProcess;
import eu.smartcity.accelerator.marketplace.frameworks.Framework;
import eu.smartcity.accelerator.marketplace.frameworks.FrameworkContracts;
import eu.smartcity.accelerator.marketplace.catalogue.Implementation;
import eu.smartcity.accelerator.marketplace.catalogue.Implementations;
import eu.smartcity.accelerator.marketplace.frameworks.JoinRequest;
import eu.smartcity.accelerator.marketplace.replication.ReplicationStarter;
import eu.smartcity.accelerator.pilot.PilotProcess;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every user task page shows what its decision is about, read from the app's records: the real processes
 * are driven to each task (as the demo cycle does), then the page is read as the user who has the task,
 * and as a user of another organisation (404). Where a task's id variables are rewritten to point at
 * another organisation's records — as anyone with task rights could through the REST API — the page
 * answers 404 too. Tasklist task names carry the challenge and city.
 */
@AcceleratorTest
class TaskSubjectPagesTest {

    static final String PROBLEM = "Night-time noise from delivery traffic in the centre.";
    static final String DELFT = "Municipality of Delft";

    @LocalServerPort int port;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired Applications applications;
    @Autowired eu.smartcity.accelerator.selection.JuryRecords juryRecords;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired Attachments attachments;
    @Autowired PdfInspector pdfs;
    @Autowired ProcessEngine engine;
    @Autowired eu.smartcity.accelerator.workflow.TaskCompletions completions;
    @Autowired TaskSubjects subjects;
    @Autowired FrameworkContracts frameworks;
    @Autowired ReplicationStarter replications;
    @Autowired Implementations implementations;

    ProcessDriver driver;
    TaskService tasks;
    UUID cycleId;
    String cycleName;
    String title;

    @BeforeEach
    void openCycle() {
        driver = new ProcessDriver(engine, completions);
        tasks = engine.getTaskService();
        cycleName = "Subjects " + UUID.randomUUID().toString().substring(0, 8);
        cycleId = cycles.open(cycleName, "scifi-2025").id();
        title = "Quiet deliveries " + UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- the challenge's tasks ----

    @Test
    void approvingAndRevisingAChallengeShowItsDefinitionAgainstTheBylawsOnlyToItsCity() {
        UUID id = launch("city-delft", title, "9000");
        String pi = processOf(id);
        Task approve = driver.task(pi, ChallengeProcess.USER_TASK_APPROVE_CHALLENGE);
        assertThat(approve.getName()).isEqualTo("Approve challenge — " + title + " (" + DELFT + ")");

        String page = ok("coordinator", approve);
        assertThat(page).contains("<h1>Approve challenge</h1>");
        assertThat(page).contains(title, DELFT, PROBLEM, "<li>Complaints -30 %</li>", "<li>Night deliveries +20 %</li>",
                "<li>Noise sensors (API)</li>", "cap per pilot in the bylaws scifi-2025", "within the bylaws", "45 days from publication",
                "bylaws minimum: 6", "none so far");
        assertThat(as("officer-delft").get("/tasks/" + approve.getId()).statusCode()).isEqualTo(404);
        // Tasklist's form links here: the coordinator lands on this task's page, nobody else finds it
        HttpResponse<String> opened = as("coordinator").get("/tasks/open/" + ChallengeProcess.USER_TASK_APPROVE_CHALLENGE + "/" + id);
        assertThat(opened.statusCode()).isEqualTo(302);
        assertThat(opened.headers().firstValue("Location").orElse("")).endsWith("/tasks/" + approve.getId());
        assertThat(as("officer-delft").get("/tasks/open/" + ChallengeProcess.USER_TASK_APPROVE_CHALLENGE + "/" + id).statusCode())
                .isEqualTo(404);

        driver.complete(pi, ChallengeProcess.USER_TASK_APPROVE_CHALLENGE,
                Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.SEND_BACK.wire(), ChallengeProcess.REMARKS.name(), "Give the baseline of each KPI"));
        Task revise = driver.task(pi, ChallengeProcess.USER_TASK_REVISE_CHALLENGE);
        assertThat(revise.getName()).endsWith(" — " + title + " (" + DELFT + ")");
        assertThat(ok("officer-delft", revise)).contains(title, PROBLEM, "Give the baseline of each KPI");
        // revised, sent back again: both rounds of remarks are on the next approval
        driver.complete(revise, Map.of(TITLE.name(), title, ChallengeProcess.PROBLEM.name(), PROBLEM, OPEN_DATASETS.name(), "Noise sensors (API)", BUDGET_CAP.name(), 9000L,
                KPIS.name(), "Complaints -30 % (baseline 120 a month)", LANGUAGES.name(), "nl, en", MIN_TRL.name(), 6L), pi);
        driver.complete(pi, ChallengeProcess.USER_TASK_APPROVE_CHALLENGE,
                Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.SEND_BACK.wire(), ChallengeProcess.REMARKS.name(), "Name the data owner"));
        revise = driver.task(pi, ChallengeProcess.USER_TASK_REVISE_CHALLENGE);
        String history = ok("officer-delft", revise);
        assertThat(history).contains("Give the baseline of each KPI", "Name the data owner", "baseline 120 a month");
        assertThat(history.indexOf("Give the baseline of each KPI")).isLessThan(history.indexOf("Name the data owner"));
        assertThat(as("officer-mechelen").get("/tasks/" + revise.getId()).statusCode()).isEqualTo(404);

        // the challenge id rewritten to another city's challenge: the Delft officer sees nothing of it
        UUID mechelens = launch("city-mechelen", "Mechelen own " + title, "8000");
        engine.getRuntimeService().setVariable(pi, ChallengeProcess.CHALLENGE_ID.name(), mechelens.toString());
        HttpResponse<String> rewritten = as("officer-delft").get("/tasks/" + revise.getId());
        assertThat(rewritten.statusCode()).isEqualTo(404);
        assertThat(rewritten.body()).doesNotContain("Mechelen own");
    }

    @Test
    void theJurySeesTheApplicantsAndTheApplicationAndTheCoordinatorTheRankingWithTieBreakAndRecusal() throws IOException {
        UUID id = launch("city-delft", title, "9000");
        String pi = processOf(id);
        approve(pi);
        UUID urbansense = apply(id, "urbansense", "Quiet routes");
        UUID parkflow = apply(id, "parkflow", "Night lockers");
        attachments.store(parkflow, List.of(pdfs.inspect("parkflow-plan.pdf", TestPdfs.plain(2))), "parkflow");
        UUID elsewhere = launch("city-mechelen", "Elsewhere " + title, "9000");
        approve(processOf(elsewhere));
        UUID otherApplication = apply(elsewhere, "greengrid", "Elsewhere solution");

        IdentityService identity = engine.getIdentityService();
        User substitute = identity.newUser("jury-zz-" + UUID.randomUUID().toString().substring(0, 6));
        substitute.setFirstName("Zoe");
        substitute.setLastName("Substitute");
        identity.saveUser(substitute);
        identity.createMembership(substitute.getId(), Roles.JURY);
        try {
            driver.fireTimer(pi, ChallengeProcess.TIMER_CALL_WINDOW_OVER);

            Task declare = driver.taskOf(pi, ChallengeProcess.USER_TASK_DECLARE_CONFLICT, "jury-an");
            assertThat(declare.getName()).endsWith(" — " + title + " (" + DELFT + ")");
            assertThat(ok("jury-an", declare)).contains("UrbanSense NV", "Quiet routes", "ParkFlow SAS", "Night lockers");
            assertThat(as("jury-ben").get("/tasks/" + declare.getId()).statusCode()).isEqualTo(404);

            // jury-chloe has a conflict: the substitute takes her seat
            driver.complete(driver.taskOf(pi, ChallengeProcess.USER_TASK_DECLARE_CONFLICT, "jury-chloe"),
                    Map.of(ChallengeProcess.CONFLICT_DECISION.name(), ChallengeProcess.ConflictDecision.CONFLICT.wire(), ChallengeProcess.CONFLICT_REASON.name(), "Advised ParkFlow in 2024"), pi);
            // the first free jury member (ours, unless another test left one) takes the seat
            List<String> jurors = driver.tasks(pi, ChallengeProcess.USER_TASK_DECLARE_CONFLICT).stream().map(Task::getAssignee).toList();
            assertThat(jurors).hasSize(3).contains("jury-an", "jury-ben").doesNotContain("jury-chloe");
            for (String member : jurors) {
                driver.complete(driver.taskOf(pi, ChallengeProcess.USER_TASK_DECLARE_CONFLICT, member),
                        Map.of(ChallengeProcess.CONFLICT_DECISION.name(), ChallengeProcess.ConflictDecision.NONE.wire()), pi);
            }

            Task scoreParkflow = scoringTask(pi, "jury-an", parkflow);
            String scoring = ok("jury-an", scoreParkflow);
            assertThat(scoring).contains("ParkFlow SAS", "Night lockers", "Route planning with the noise sensors.", "parkflow-plan.pdf",
                    "/attachments/", "Fit to the challenge", "25 %", "How well the solution solves", "Use of the city", "10 %")
                    .doesNotContain("UrbanSense NV");
            // Tasklist's name says which application: its company, then the challenge
            assertThat(tasks.createTaskQuery().taskId(scoreParkflow.getId()).singleResult().getName())
                    .isEqualTo("Score application — ParkFlow SAS — " + title + " (" + DELFT + ")");
            assertThat(as("jury-an").get("/tasks", "Accept-Language", "nl").body()).contains(title);
            assertThat(as("jury-ben").get("/tasks/" + scoringTask(pi, "jury-ben", parkflow).getId(), "Accept-Language", "nl").body())
                    .contains("Aansluiting bij de uitdaging", "Criteria en hun gewicht");

            // an application id variable written behind the app's back does not move the task: the selection's row says
            tasks.setVariableLocal(scoreParkflow.getId(), ChallengeProcess.APPLICATION_ID.name(), otherApplication.toString());
            HttpResponse<String> ignored = as("jury-an").get("/tasks/" + scoreParkflow.getId());
            assertThat(ignored.statusCode()).isEqualTo(200);
            assertThat(ignored.body()).contains("ParkFlow SAS").doesNotContain("Elsewhere solution");
            tasks.removeVariableLocal(scoreParkflow.getId(), ChallengeProcess.APPLICATION_ID.name());
            // a score task opened before those rows (its element variable stored) shows its application, and nothing of
            // another challenge's application when that variable is rewritten
            Task older = scoringTask(pi, "jury-an", urbansense);
            jdbc.update("delete from jury_score_task where execution_id = ?", older.getExecutionId());
            engine.getRuntimeService().setVariableLocal(older.getExecutionId(), ChallengeProcess.APPLICATION_ID.name(), urbansense.toString());
            assertThat(ok("jury-an", older)).contains("UrbanSense NV").doesNotContain("ParkFlow SAS");
            engine.getRuntimeService().setVariableLocal(older.getExecutionId(), ChallengeProcess.APPLICATION_ID.name(), otherApplication.toString());
            HttpResponse<String> rewritten = as("jury-an").get("/tasks/" + older.getId());
            assertThat(rewritten.statusCode()).isEqualTo(404);
            assertThat(rewritten.body()).doesNotContain("Elsewhere solution");
            engine.getRuntimeService().setVariableLocal(older.getExecutionId(), ChallengeProcess.APPLICATION_ID.name(), urbansense.toString());

            // equal weighted averages (7.0); ParkFlow's higher fit score places it first
            Map<String, Object> sevens = scores(7, 7, 7, 7, 7, 7);
            Map<String, Object> fitFirst = scores(8, 7, 6, 6, 7, 7);
            for (String member : jurors) {
                driver.complete(scoringTask(pi, member, urbansense), sevens, pi);
                Map<String, Object> withComment = new java.util.HashMap<>(fitFirst);
                withComment.put(SCORE_COMMENT.name(), "Comment of " + member.replace("jury-", "juror "));
                driver.complete(scoringTask(pi, member, parkflow), withComment, pi);
            }

            Task approveSelection = driver.task(pi, ChallengeProcess.USER_TASK_APPROVE_SELECTION);
            assertThat(approveSelection.getName()).isEqualTo("Approve selection — " + title + " (" + DELFT + ")");
            String ranking = ok("coordinator", approveSelection);
            assertThat(ranking).contains("Ranking round 1", "juror 1: 7.00", "juror 2: 7.00", "juror 4: 7.00",
                    "tie-break: the higher fit score", "Seat 3: juror 3", "recused (conflict of interest)", "(Advised ParkFlow in 2024)",
                    "replaced by juror 4", "parkflow-plan.pdf", "Comment of juror ben", "Route planning with the noise sensors.", "class=\"table-scroll\"")
                    .doesNotContain("jury-an").doesNotContain("Elsewhere");
            assertThat(ranking.indexOf("ParkFlow SAS")).as("ParkFlow ranked first").isLessThan(ranking.indexOf("UrbanSense NV"));
            assertThat(as("officer-delft").get("/tasks/" + approveSelection.getId()).statusCode()).isEqualTo(404);
            assertThat(as("coordinator").get("/tasks/" + approveSelection.getId(), "Accept-Language", "fr").body())
                    .contains("Note pondérée par juré", "départage : la meilleure note d");
        } finally {
            identity.deleteMembership(substitute.getId(), Roles.JURY);
            identity.deleteUser(substitute.getId());
        }
    }

    // ---- contract, pilot, evaluation, replication ----

    @Test
    void contractPilotEvaluationAndReplicationTasksShowTheirPartiesTheReportAndTheTerms() {
        UUID id = launch("city-delft", title, "9000");
        String pi = processOf(id);
        approve(pi);
        apply(id, "urbansense", "Quiet routes");
        driver.fireTimer(pi, ChallengeProcess.TIMER_CALL_WINDOW_OVER);
        for (String member : List.of("jury-an", "jury-ben", "jury-chloe")) {
            driver.complete(driver.taskOf(pi, ChallengeProcess.USER_TASK_DECLARE_CONFLICT, member), Map.of(ChallengeProcess.CONFLICT_DECISION.name(), ChallengeProcess.ConflictDecision.NONE.wire()), pi);
            for (Task t : driver.tasks(pi, ChallengeProcess.USER_TASK_SCORE_APPLICATION)) {
                if (member.equals(t.getAssignee())) {
                    driver.complete(t, scores(8, 7, 7, 7, 7, 7), pi);
                }
            }
        }
        driver.complete(pi, ChallengeProcess.USER_TASK_APPROVE_SELECTION, Map.of(ChallengeProcess.SELECTION_DECISION.name(), ChallengeProcess.SelectionDecision.APPROVE.wire()));

        Task review = driver.task(pi, ContractProcess.USER_TASK_REVIEW_DRAFT);
        assertThat(review.getName()).isEqualTo("Review draft contract — " + title + " (" + DELFT + ")");
        assertThat(ok("urbansense", review)).contains("Contract between " + DELFT + " and UrbanSense NV", title, "/contracts/");
        assertThat(as("parkflow").get("/tasks/" + review.getId()).statusCode()).isEqualTo(404);
        assertThat(as("urbansense").get("/tasks").body()).contains(title, DELFT);

        driver.complete(pi, ContractProcess.USER_TASK_REVIEW_DRAFT, ProcessVariables.of(ContractProcess.DRAFT_DECISION.with(ContractProcess.DraftDecision.REQUEST_CHANGES),
                ContractProcess.REQUESTED_CHANGES.with("C5: payment in two instalments")));
        Task answer = driver.task(pi, ContractProcess.USER_TASK_ANSWER_CHANGES);
        assertThat(ok("officer-delft", answer)).contains("Changes the company asked for", "C5: payment in two instalments", "UrbanSense NV");
        assertThat(as("officer-mechelen").get("/tasks/" + answer.getId()).statusCode()).isEqualTo(404);
        driver.complete(pi, ContractProcess.USER_TASK_ANSWER_CHANGES, ProcessVariables.of(ContractProcess.AGREED_CHANGES.with("C5: The City pays the amount of Annex D in two instalments: half at kick-off, half after the final demo, "
                        + "each within 30 days of the invoice.")));
        driver.complete(pi, ContractProcess.USER_TASK_REVIEW_DRAFT, ProcessVariables.of(ContractProcess.DRAFT_DECISION.with(ContractProcess.DraftDecision.AGREE)));
        assertThat(ok("coordinator", driver.task(pi, ContractProcess.USER_TASK_CHECK_COMPLIANCE)))
                .contains("Clauses that differ from the template: 1", "half at kick-off", DELFT, "UrbanSense NV");
        driver.complete(pi, ContractProcess.USER_TASK_CHECK_COMPLIANCE, ProcessVariables.of(ContractProcess.COMPLIANCE_DECISION.with(ContractProcess.ComplianceDecision.COMPLIES)));
        Task signCompany = driver.task(pi, ContractProcess.USER_TASK_SIGN_AS_COMPANY);
        assertThat(ok("urbansense", signCompany)).contains("Ready to sign", "half at kick-off");
        driver.complete(pi, ContractProcess.USER_TASK_SIGN_AS_COMPANY, ProcessVariables.of(ContractProcess.COMPANY_SIGNS.with(true)));
        Task signCity = driver.task(pi, ContractProcess.USER_TASK_SIGN_AS_CITY);
        assertThat(ok("officer-delft", signCity)).contains("Signed by the supplier", "UrbanSense NV");
        assertThat(as("officer-bruges").get("/tasks/" + signCity.getId()).statusCode()).isEqualTo(404);
        driver.complete(pi, ContractProcess.USER_TASK_SIGN_AS_CITY, ProcessVariables.of(ContractProcess.CITY_DECISION.with(ContractProcess.CityDecision.SIGN)));

        Task kickOff = driver.task(pi, PilotProcess.USER_TASK_KICK_OFF);
        assertThat(kickOff.getName()).endsWith(" — " + title + " (" + DELFT + ")");
        assertThat(ok("officer-delft", kickOff)).contains("Pilot: " + title, "UrbanSense NV", "Quiet routes", "1 of 3");
        driver.complete(pi, PilotProcess.USER_TASK_KICK_OFF, ProcessVariables.of(PilotProcess.KICKOFF_NOTES.with("Agreed")));
        assertThat(ok("officer-delft", driver.task(pi, PilotProcess.USER_TASK_CHECK_INFRASTRUCTURE))).contains("Pilot: " + title);
        driver.complete(pi, PilotProcess.USER_TASK_CHECK_INFRASTRUCTURE,
                ProcessVariables.of(PilotProcess.CONNECTIVITY.with(PilotProcess.Answer.YES), PilotProcess.POWER.with(PilotProcess.Answer.NO), PilotProcess.SIM_NETWORK.with(PilotProcess.Answer.YES), PilotProcess.DATA_ACCESS.with(PilotProcess.Answer.YES), PilotProcess.READINESS_NOTES.with("No power at the poles")));
        Task fix = driver.task(pi, PilotProcess.USER_TASK_FIX_INFRASTRUCTURE);
        assertThat(ok("urbansense", fix)).contains("Pilot: " + title, DELFT, "What the city found missing", "Power supply",
                "No power at the poles").doesNotContain("Connectivity<");
        assertThat(as("greengrid").get("/tasks/" + fix.getId()).statusCode()).isEqualTo(404);
        driver.complete(pi, PilotProcess.USER_TASK_FIX_INFRASTRUCTURE, ProcessVariables.of(PilotProcess.FIX_NOTES.with("Power connected")));
        driver.complete(pi, PilotProcess.USER_TASK_CHECK_INFRASTRUCTURE,
                ProcessVariables.of(PilotProcess.CONNECTIVITY.with(PilotProcess.Answer.YES), PilotProcess.POWER.with(PilotProcess.Answer.YES), PilotProcess.SIM_NETWORK.with(PilotProcess.Answer.YES), PilotProcess.DATA_ACCESS.with(PilotProcess.Answer.YES)));

        Task report = driver.task(pi, PilotProcess.USER_TASK_REPORT_PROGRESS);
        assertThat(ok("urbansense", report)).contains("1 of 3");
        driver.fireTimer(pi, PilotProcess.BOUNDARY_OVERDUE);
        Task overdue = driver.task(pi, PilotProcess.USER_TASK_HANDLE_OVERDUE);
        assertThat(overdue.getName()).endsWith(" — " + title + " (" + DELFT + ")");
        assertThat(ok("coordinator", overdue)).contains("Pilot: " + title, "UrbanSense NV", "1 of 3");
        driver.complete(overdue, ProcessVariables.of(PilotProcess.FOLLOW_UP.with("Called the supplier")), pi);
        tasks.claim(report.getId(), "urbansense");
        driver.complete(report, ProcessVariables.of(PilotProcess.PROGRESS.with("Sensors installed on 12 streets"), PilotProcess.MILESTONE_MET.with(PilotProcess.Answer.YES)), pi);

        Task reviewReport = driver.task(pi, PilotProcess.USER_TASK_REVIEW_PROGRESS);
        String reviewPage = ok("officer-delft", reviewReport);
        assertThat(reviewPage).contains("Report to review", "Milestone 1", "Sensors installed on 12 streets",
                "The company reports the milestone as met.", "1 of 3");
        assertThat(as("officer-mechelen").get("/tasks/" + reviewReport.getId()).statusCode()).isEqualTo(404);
        // the report shown is the one recorded when it was submitted: rewriting the variable changes nothing
        engine.getRuntimeService().setVariable(reviewReport.getProcessInstanceId(), PilotProcess.PROGRESS.name(), "Rewritten afterwards");
        assertThat(ok("officer-delft", reviewReport)).contains("Sensors installed on 12 streets").doesNotContain("Rewritten afterwards");
        tasks.claim(reviewReport.getId(), "officer-delft");
        driver.complete(reviewReport, ProcessVariables.of(PilotProcess.PROGRESS_DECISION.with(PilotProcess.ProgressDecision.CONTINUE), PilotProcess.REVIEW_NOTES.with("Good start, add the night counts")), pi);

        Task second = driver.task(pi, PilotProcess.USER_TASK_REPORT_PROGRESS);
        assertThat(ok("urbansense", second)).contains("2 of 3", "Earlier reports and reviews", "Sensors installed on 12 streets",
                "the pilot continues", "Good start, add the night counts");
        for (int milestone = 2; milestone <= 3; milestone++) {
            driver.complete(pi, PilotProcess.USER_TASK_REPORT_PROGRESS, ProcessVariables.of(PilotProcess.PROGRESS.with("Milestone " + milestone + " done"), PilotProcess.MILESTONE_MET.with(PilotProcess.Answer.YES)));
            driver.complete(pi, PilotProcess.USER_TASK_REVIEW_PROGRESS, ProcessVariables.of(PilotProcess.PROGRESS_DECISION.with(PilotProcess.ProgressDecision.CONTINUE), PilotProcess.REVIEW_NOTES.with("")));
        }
        assertThat(ok("officer-delft", driver.task(pi, PilotProcess.USER_TASK_DEMO))).contains("Pilot: " + title, "Milestone 3 done");
        driver.complete(pi, PilotProcess.USER_TASK_DEMO, ProcessVariables.of(PilotProcess.DEMO_NOTES.with("Shown")));

        Task kpis = driver.task(pi, EvaluationProcess.USER_TASK_KPI_RESULTS);
        assertThat(kpis.getName()).endsWith(" — " + title + " (" + DELFT + ")");
        assertThat(ok("officer-delft", kpis)).contains("Evaluation: " + title, "<li>Complaints -30 %</li>", "<li>Night deliveries +20 %</li>",
                "UrbanSense NV");
        assertThat(as("officer-mechelen").get("/tasks/" + kpis.getId()).statusCode()).isEqualTo(404);
        driver.complete(pi, EvaluationProcess.USER_TASK_KPI_RESULTS,
                Map.of(EvaluationProcess.KPI_NAME.name(), "Noise complaints per month", EvaluationProcess.KPI_TARGET.name(), 40L, EvaluationProcess.KPI_RESULT.name(), 31L));
        assertThat(ok("officer-delft", driver.task(pi, EvaluationProcess.USER_TASK_SURVEY_AND_BEHAVIOUR))).contains("Complaints -30 %");
        driver.complete(pi, EvaluationProcess.USER_TASK_SURVEY_AND_BEHAVIOUR,
                Map.of(EvaluationProcess.SURVEY_SCORE.name(), 58L, EvaluationProcess.MEASURED_SCORE.name(), 74L));
        assertThat(ok("officer-delft", driver.task(pi, EvaluationProcess.USER_TASK_DECIDE_VERDICT)))
                .contains("Recorded so far", "Noise complaints per month", "target 40", "result 31", "survey 58", "measured 74");
        driver.complete(pi, EvaluationProcess.USER_TASK_DECIDE_VERDICT,
                Map.of(EvaluationProcess.VERDICT.name(), "replicate", EvaluationProcess.VERDICT_REASON.name(), "KPI met"));

        // Mechelen replicates the evaluated pilot: the supplier sees who asks, from which pilot, on which terms
        Implementation implementation = implementations.findAll().stream().filter(i -> id.equals(i.challengeId())).findFirst().orElseThrow();
        String replication = replications.start(implementation.id(), "city-mechelen", "officer-mechelen").processInstanceId();
        driver.runAsyncJobs(replication);
        Task confirm = driver.task(replication, ReplicationProcess.USER_TASK_SUPPLIER_CONFIRMS);
        assertThat(confirm.getName()).isEqualTo("Confirm replication (supplier) — " + title + " (City of Mechelen)");
        assertThat(ok("urbansense", confirm)).contains("City of Mechelen wants to replicate your pilot", title, DELFT,
                "Noise complaints per month", "target 40", "verdict: Replicate", "half at kick-off", "/marketplace/solutions/");
        assertThat(as("parkflow").get("/tasks/" + confirm.getId()).statusCode()).isEqualTo(404);
    }

    // ---- marketplace and cycle ----

    @Test
    void theContractingAuthoritySeesWhoAsksToJoinWhichFrameworkAndItsLots() {
        String frameworkTitle = "Parking framework " + UUID.randomUUID().toString().substring(0, 8);
        Framework framework = frameworks.register("city-mechelen", "officer-mechelen", new Framework.Terms(frameworkTitle, "parking",
                "Sensors and guidance for on-street parking", frameworks.today().minusMonths(1), frameworks.today().plusYears(1),
                List.of("Lot 1: sensors", "Lot 2: guidance app"), Set.of("company-parkflow"), Set.of(), true, Set.of()), List.of());
        JoinRequest request = frameworks.askToJoin(framework.id(), "city-delft", "officer-delft");
        driver.runAsyncJobs(request.processInstanceId());
        Task approve = driver.task(request.processInstanceId(), FrameworkJoinProcess.USER_TASK_APPROVE_JOIN);
        assertThat(approve.getName()).endsWith(" — " + frameworkTitle + " (" + DELFT + ")");
        assertThat(ok("officer-mechelen", approve)).contains(DELFT + " asks to join " + frameworkTitle, "Lot 1: sensors",
                "Lot 2: guidance app", "City of Mechelen", "Sensors and guidance for on-street parking", "/marketplace/frameworks/" + framework.id());
        assertThat(as("officer-delft").get("/tasks/" + approve.getId()).statusCode()).isEqualTo(404);
    }

    @Test
    void closingACycleListsItsChallengesAndMyTasksNamesEachTasksChallengeSortedByDueDateWithOverdueInWords() {
        launch("city-delft", title, "9000");
        String cyclePi = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CycleProcess.KEY)
                .variableValueEquals(CYCLE_ID.name(), cycleId.toString()).singleResult().getId();
        Task close = driver.task(cyclePi, CycleProcess.USER_TASK_CLOSE_CYCLE);
        assertThat(close.getName()).endsWith(" — " + cycleName);
        assertThat(ok("coordinator", close)).contains(cycleName, title, "Waiting for approval");
        assertThat(as("officer-delft").get("/tasks/" + close.getId()).statusCode()).isEqualTo(404);

        Task approve = driver.task(processOf(challenges.ofCycle(cycleId).get(0).id()), ChallengeProcess.USER_TASK_APPROVE_CHALLENGE);
        approve.setDueDate(new Date(System.currentTimeMillis() - 86_400_000L * 400)); // before any other open task's due date
        tasks.saveTask(approve);
        String list = as("coordinator").get("/tasks").body();
        assertThat(list).contains("Overdue — was due", title, "City: " + DELFT);
        assertThat(list.indexOf("/tasks/" + approve.getId())).as("the most overdue task first").isLessThan(list.indexOf("/tasks/" + close.getId()));
        assertThat(as("coordinator").get("/tasks", "Accept-Language", "nl").body()).contains("Te laat");
    }

    /** Every user task of every process has a subject view; a new task without one fails here. */
    @Test
    void everyUserTaskInTheProcessesHasASubjectView() throws IOException {
        Set<String> userTasks = new TreeSet<>();
        Pattern id = Pattern.compile("<userTask[^>]*\\bid=\"(UserTask_[A-Za-z]+)\"");
        for (Resource bpmn : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
            Matcher m = id.matcher(new String(bpmn.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            while (m.find()) {
                userTasks.add(m.group(1));
            }
        }
        assertThat(userTasks).hasSizeGreaterThanOrEqualTo(23);
        assertThat(subjects.taskKeys()).containsAll(userTasks);
    }

    // ---- helpers ----

    UUID launch(String city, String challengeTitle, String budgetCap) {
        return challenges.launch(cycleId, city, new Challenges.Definition(challengeTitle, PROBLEM, "Noise sensors (API)",
                new BigDecimal(budgetCap), "Complaints -30 %\nNight deliveries +20 %", "nl, en", 6));
    }

    String processOf(UUID challengeId) {
        return challenges.find(challengeId).orElseThrow().processInstanceId();
    }

    void approve(String pi) {
        driver.complete(pi, ChallengeProcess.USER_TASK_APPROVE_CHALLENGE, Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.APPROVE.wire()));
        driver.runAsyncJobs(pi);
    }

    UUID apply(UUID challengeId, String company, String solution) {
        return applications.submit(new Applications.Submission(challengeId, "company-" + company, solution,
                "Route planning with the noise sensors.", new BigDecimal("8000"), 7, true, "BE", 30, true, true));
    }

    /** The application a score task is for: the selection's row, or the stored variable of a task opened before the rows. */
    UUID applicationOf(Task task) {
        return juryRecords.applicationScoredIn(task.getExecutionId()).orElseGet(() -> UUID.fromString(
                (String) engine.getRuntimeService().getVariableLocal(task.getExecutionId(), ChallengeProcess.APPLICATION_ID.name())));
    }

    Task scoringTask(String pi, String member, UUID applicationId) {
        return driver.tasks(pi, ChallengeProcess.USER_TASK_SCORE_APPLICATION).stream()
                .filter(t -> member.equals(t.getAssignee()))
                .filter(t -> applicationOf(t).equals(applicationId))
                .findFirst().orElseThrow();
    }

    static Map<String, Object> scores(long... values) {
        Map<String, Object> scores = new HashMap<>();
        for (int i = 0; i < Bylaws.CRITERIA.size(); i++) {
            scores.put(Bylaws.CRITERIA.get(i), values[i]);
        }
        return scores;
    }

    PortalClient as(String user) {
        PortalClient client = new PortalClient(port);
        assertThat(client.login(user, "demo").headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    String ok(String user, Task task) {
        HttpResponse<String> page = as(user).get("/tasks/" + task.getId());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("??");
        return page.body();
    }
}
