package eu.smartcity.accelerator.browser;

import static eu.smartcity.accelerator.challenge.ChallengeProcess.CITY_GROUP;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.CYCLE_ID;
import eu.smartcity.accelerator.cycle.Bylaws;
import eu.smartcity.accelerator.pilot.ReplicationProcess;
import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.workflow.TaskCompletions;
import eu.smartcity.accelerator.documents.DocumentSigner;
import eu.smartcity.accelerator.documents.PadesSignatures;
import eu.smartcity.accelerator.evaluation.EvaluationProcess;
import eu.smartcity.accelerator.pilot.PilotProcess;
import eu.smartcity.accelerator.support.PostgresTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole cycle in a real browser, on PostgreSQL, as each user does it — one ordered walk of
 * named steps, each user in their own Chromium with their own login:
 * <ol>
 *   <li>a city officer defines a challenge in the portal;</li>
 *   <li>the coordinator approves it in Camunda Tasklist (the real Tasklist UI: claim, Camunda Form, complete);</li>
 *   <li>two companies apply through the portal; after the call window one is told on "My applications"
 *       why it is not eligible;</li>
 *   <li>the three jury members declare no conflict of interest and score, in the portal;</li>
 *   <li>the coordinator approves the selection (portal task form);</li>
 *   <li>the contract is negotiated (one change request answered by the city), checked by the
 *       coordinator and signed by the company and the city, through their portal task forms;</li>
 *   <li>the city opens the contract page from its next task, the signed PDF downloads (as the logged-in
 *       city officer) and its PAdES signature verifies with the programme's certificate, it is this
 *       contract, its SHA-256 is the one the page shows, and one changed byte breaks it;</li>
 *   <li>the pilot: kick-off and infrastructure by the city, the company (which first downloads the same
 *       signed PDF from the contract link of its progress-report task) reports each milestone and the
 *       city reviews it, the demo;</li>
 *   <li>the city evaluates (KPI, survey beside measured behaviour, verdict) and the company sees its
 *       application evaluated;</li>
 *   <li>an officer of another city (Mechelen) searches the marketplace, opens the solution and finds the
 *       Delft implementation with its KPI and verdict;</li>
 *   <li>Mechelen starts a replication with the implementation's button: a {@code replication} process runs
 *       from the original pilot, and the supplier finds "confirm replication" in My tasks.</li>
 * </ol>
 * Every page is checked by {@link Browser#step} (no error page, no JavaScript console error, a
 * screenshot under app/target/browser-screenshots/whole-cycle/, numbered in walk order) and the main
 * portal pages by axe-core ({@link Browser#assertAccessible}).
 *
 * <p>What a browser cannot do is done through the engine API, and only that: the job executor is off
 * in tests ({@link PostgresTest}), so the asynchronous continuations a real node would run by itself
 * are run after each step ({@link ProcessDriver#runAsyncJobs}), and a deadline that would take weeks
 * (the call window) is advanced by executing its timer job ({@link ProcessDriver#fireTimer}).
 */
@PostgresTest
@RequiresChromium
class WholeCycleBrowserIT {

    private static final Logger log = LoggerFactory.getLogger(WholeCycleBrowserIT.class);
    static final Path SCREENSHOTS = Browser.SCREENSHOTS.resolve("whole-cycle");

    private static final String CITY = "city-delft";
    private static final String OFFICER = "officer-delft";
    /** The price clause as the city rewrites it in the negotiation: the signed PDF must say so. */
    private static final String PRICE_CLAUSE = "C5: The City pays in two instalments: half at kick-off, half after the final demo.";
    /** An officer of another city, who replicates the pilot. */
    private static final String OTHER_OFFICER = "officer-mechelen";
    private static final String COORDINATOR = "coordinator";
    private static final String WINNER = "urbansense";
    private static final String INELIGIBLE = "parkflow";
    /** A second eligible applicant: every juror scores two applications in a row. */
    private static final String RUNNER_UP = "greengrid";
    private static final String JUROR_COMMENT = "Clear plan, uses the open noise data.";
    private static final List<String> JURY = List.of("jury-an", "jury-ben", "jury-chloe");

    @LocalServerPort int port;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired Applications applications;
    @Autowired eu.smartcity.accelerator.selection.JuryRecords juryRecords;
    @Autowired ProcessEngine engine;
    @Autowired TaskCompletions completions;
    @Autowired DocumentSigner signer;
    @Autowired JdbcTemplate jdbc;

    private final Map<String, Browser> browsers = new LinkedHashMap<>();
    private final AtomicInteger screenshots = new AtomicInteger();
    /** Users whose My tasks page axe-core has checked: once per user keeps the suite within its time budget. */
    private final java.util.Set<String> myTasksChecked = new java.util.HashSet<>();
    private ProcessDriver driver;

    // what the walk learns on its way
    private UUID cycleId;
    private UUID challengeId;
    private String processInstanceId;
    private String title;
    private String implementationId;
    private String solutionId;
    private String pilotId;
    private byte[] signedPdf;

    @AfterEach
    void closeBrowsers() {
        browsers.values().forEach(Browser::close);
        browsers.clear();
    }

    @Test
    void theWholeCycleAsEachUserDoesIt() {
        driver = new ProcessDriver(engine, completions);
        // Set-up, not part of the walk: the coordinator opened a cycle under the second bylaws.
        cycleId = cycles.open("Browser walk " + UUID.randomUUID().toString().substring(0, 8), "scifi-2025").id();
        title = "Quiet night deliveries " + UUID.randomUUID().toString().substring(0, 8);

        step("a city officer defines a challenge in the portal", this::cityDefinesAChallenge);
        step("the coordinator approves it in Camunda Tasklist", this::coordinatorApprovesInTasklist);
        step("three companies apply through the portal", this::threeCompaniesApply);
        step("the call closes; the ineligible company sees why", this::callClosesAndTheIneligibleCompanySeesWhy);
        step("the jury declares no conflict and scores", this::juryDeclaresAndScores);
        step("the coordinator approves the selection", this::coordinatorApprovesTheSelection);
        step("the contract is negotiated and signed by company and city", this::contractIsNegotiatedAndSigned);
        step("the signed PDF downloads and verifies", this::signedPdfDownloadsAndVerifies);
        step("the company reports pilot progress, the city follows the pilot", this::pilotRunsWithProgressReports);
        step("the city evaluates", this::cityEvaluates);
        step("the implementation and its evaluation appear in the marketplace", this::evaluationAppearsInTheMarketplace);
        step("another city starts a replication", this::anotherCityStartsAReplication);
    }

    // ---------------------------------------------------------------- the steps

    private void cityDefinesAChallenge() {
        Browser officer = as(OFFICER);
        officer.open("/city/challenges").waitFor(By.cssSelector("main h1")).step("our-challenges").assertAccessible();
        officer.follow("/city/challenges/new").waitFor(By.id("f-title")).step("define-form").assertAccessible();
        officer.select(CYCLE_ID.name(), cycleId.toString())
                .type("f-title", title)
                .type("f-problem", "Night deliveries wake residents. Route and time them with the city's noise data.")
                .type("f-openDatasets", "Noise sensors (API), loading zones (CSV)")
                .type("f-budgetCap", "99999") // above the bylaws' cap: comes back with the problem next to the field
                .type("f-kpis", "Night-time noise complaints per month below 40")
                .type("f-languages", "nl, en")
                .type("f-minTrl", "6")
                .submit().waitFor(By.id("f-budgetCap-error")).step("define-error").assertAccessible();
        assertThat(officer.value("f-title")).as("input kept").isEqualTo(title);
        officer.type("f-budgetCap", "9000").submit().waitFor(By.cssSelector("main [role=status]")).step("defined");
        assertThat(officer.mainText()).contains(title);

        Challenges.ChallengeView challenge = challenges.ofCity(CITY).stream().filter(c -> c.title().equals(title))
                .findFirst().orElseThrow();
        challengeId = challenge.id();
        processInstanceId = challenge.processInstanceId();
    }

    private void coordinatorApprovesInTasklist() {
        Task approval = driver.task(processInstanceId, ChallengeProcess.USER_TASK_APPROVE_CHALLENGE);
        Browser coordinator = as(COORDINATOR);
        coordinator.open("/coordinator").waitFor(By.cssSelector("main h1")).step("dashboard").assertAccessible();
        coordinator.open("/camunda/app/tasklist/default/#/?task=" + approval.getId())
                .waitFor(By.cssSelector(".fjs-form")).step("tasklist-approval");
        assertThat(coordinator.text(By.cssSelector(".fjs-form"))).contains("Approve and publish the call");
        // the Camunda Form links to the portal's task page, which shows the subject (form-js fills in the challenge id)
        assertThat(coordinator.attribute(By.cssSelector(".fjs-form a[href*='/tasks/open/']"), "href"))
                .endsWith("/tasks/open/" + ChallengeProcess.USER_TASK_APPROVE_CHALLENGE + "/" + challengeId);
        // Tasklist: claim the task, choose "Approve and publish the call" in its Camunda Form (no preselection), complete.
        By approve = By.xpath("//*[contains(@class,'fjs-form')]//label[contains(normalize-space(.),'Approve and publish the call')]//input[@type='radio']");
        assertThat(coordinator.selected(approve)).as("nothing preselected in Tasklist").isFalse();
        coordinator.clickWhenReady(By.cssSelector("[ng-click='claim()']")).clickWhenReady(approve);
        assertThat(coordinator.selected(approve)).as("approval ticked in Tasklist").isTrue();
        coordinator.step("tasklist-approval-filled")
                .clickWhenReady(By.xpath("//button[normalize-space()='Complete']"));
        await("Tasklist completed the approval", () ->
                engine.getTaskService().createTaskQuery().taskId(approval.getId()).count() == 0);
        coordinator.step("tasklist-approved");
        driver.runAsyncJobs(processInstanceId); // publishing the call is asynchronous
        assertThat(challenges.find(challengeId).orElseThrow().status()).isEqualTo("PUBLISHED");
    }

    private void threeCompaniesApply() {
        apply(WINNER, "UrbanSense quiet logistics", "BE", "8500", "8");
        apply(RUNNER_UP, "GreenGrid night routing", "NL", "9000", "7");
        apply(INELIGIBLE, "ParkFlow night slots", "FR", "7000", "4"); // TRL 4, the challenge asks for 6
    }

    private void apply(String company, String solution, String country, String budget, String trl) {
        Browser browser = as(company);
        browser.open("/challenges").follow("/challenges/" + challengeId).waitFor(By.cssSelector("main h1"))
                .step("challenge").assertAccessible();
        browser.follow("/challenges/" + challengeId + "/apply").waitFor(By.id("solutionTitle")).step("apply-form");
        browser.type("solutionTitle", solution)
                .type("pitch", "Electric vans and noise-aware night routes, on the city's open noise data (NGSI-LD).")
                .type("requestedBudget", budget).type("trl", trl).type("employees", "25").select("country", country)
                .check("legalEntity").check("interoperable").check("declarationsSigned")
                .submit().waitFor(By.cssSelector("main [role=status]")).step("applied").assertAccessible();
        assertThat(browser.mainText()).contains(solution).contains("Submitted");
    }

    private void callClosesAndTheIneligibleCompanySeesWhy() {
        // The call window lasts weeks (bylaws: callWindow P45D): its timer job is executed instead of waited for.
        driver.fireTimer(processInstanceId, ChallengeProcess.TIMER_CALL_WINDOW_OVER);
        Browser ineligible = as(INELIGIBLE);
        ineligible.open("/applications").waitFor(By.cssSelector("main article")).step("not-eligible").assertAccessible();
        String mine = ineligible.mainText();
        assertThat(mine).contains("ParkFlow night slots").contains("Not eligible").contains("Why it is not eligible")
                .containsPattern("Your solution is at technology readiness level \\d; this challenge asks for at least \\d\\.");
        ineligible.click(By.xpath("//main//a[normalize-space()='How it was assessed']")).waitFor(By.cssSelector("main h1"))
                .step("how-it-was-assessed").assertAccessible();
        Browser winner = as(WINNER);
        winner.open("/applications").waitFor(By.cssSelector("main article")).step("under-review");
        assertThat(winner.mainText()).contains("UrbanSense quiet logistics").contains("Under review by the jury")
                .doesNotContain("ParkFlow"); // a company never sees another's application
    }

    /**
     * Each juror declares, naming no conflict among the applicants the page lists, then scores two applications
     * in a row: the second form opens blank (nothing of the first carried over), and the application on screen is
     * the one being scored.
     */
    private void juryDeclaresAndScores() {
        int seat = 0;
        for (String member : JURY) {
            seat++;
            boolean first = seat == 1;
            doTask(member, driver.taskOf(processInstanceId, ChallengeProcess.USER_TASK_DECLARE_CONFLICT, member),
                    "no-conflict", first, form -> {
                        assertThat(form.mainText()).contains("UrbanSense NV").contains("GreenGrid BV").doesNotContain("ParkFlow");
                        form.click(By.cssSelector("input[name=conflictDecision][value=none]"));
                    });
            long score = 9 - seat;
            doTask(member, scoreTaskFor(member, "UrbanSense quiet logistics"), "score-first", first, form -> {
                assertThat(form.mainText()).contains("UrbanSense NV").contains("UrbanSense quiet logistics")
                        .doesNotContain("GreenGrid night routing").doesNotContain("ParkFlow");
                for (String criterion : Bylaws.CRITERIA) {
                    form.type("f-" + criterion, Long.toString(score));
                }
                form.type("f-comment", JUROR_COMMENT);
            });
            doTask(member, scoreTaskFor(member, "GreenGrid night routing"), "score-second", first, form -> {
                assertThat(form.mainText()).contains("GreenGrid BV").contains("GreenGrid night routing")
                        .doesNotContain("UrbanSense quiet logistics");
                for (String criterion : Bylaws.CRITERIA) {
                    assertThat(form.value("f-" + criterion)).as("%s blank on the second application", criterion).isEmpty();
                }
                assertThat(form.value("f-comment")).as("comment blank on the second application").isEmpty();
                for (String criterion : Bylaws.CRITERIA) {
                    form.type("f-" + criterion, "4");
                }
            });
            assertThat(as(member).mainText()).contains("2 of 2 scored"); // the jury member's progress on My tasks
            close(member);
        }
    }

    private Task scoreTaskFor(String member, String solution) {
        return driver.tasks(processInstanceId, ChallengeProcess.USER_TASK_SCORE_APPLICATION).stream()
                .filter(t -> member.equals(t.getAssignee()))
                .filter(t -> applications.find(juryRecords.applicationScoredIn(t.getExecutionId()).orElseThrow()).orElseThrow().solutionTitle().equals(solution))
                .findFirst().orElseThrow();
    }

    /** The coordinator sees the ranking before deciding: both applicants, each juror's score and comment, the order. */
    private void coordinatorApprovesTheSelection() {
        doTask(COORDINATOR, driver.task(processInstanceId, ChallengeProcess.USER_TASK_APPROVE_SELECTION),
                "approve-selection", true, form -> {
                    String ranking = form.mainText();
                    assertThat(ranking).contains("UrbanSense NV", "GreenGrid BV", "UrbanSense quiet logistics",
                            "GreenGrid night routing", "juror 1", "juror 3", JUROR_COMMENT);
                    assertThat(ranking.indexOf("UrbanSense NV")).as("UrbanSense ranked first")
                            .isLessThan(ranking.indexOf("GreenGrid BV"));
                    form.click(By.cssSelector("input[name=selectionDecision][value=approve]"));
                });
        Browser winner = as(WINNER);
        winner.open("/applications").waitFor(By.cssSelector("main article")).step("selected");
        assertThat(winner.mainText()).contains("Selected");
    }

    private void contractIsNegotiatedAndSigned() {
        doTask(WINNER, driver.task(processInstanceId, ContractProcess.USER_TASK_REVIEW_DRAFT), "request-changes", true,
                form -> form.click(By.cssSelector("input[name=draftDecision][value=request-changes]"))
                        .type("f-requestedChanges", "Pay in two instalments: at kick-off and after the demo."));
        doTask(OFFICER, driver.task(processInstanceId, ContractProcess.USER_TASK_ANSWER_CHANGES), "answer-changes", true,
                // one clause rewritten ("C5: …", as the field's hint says), one line a remark
                form -> form.type("f-agreedChanges", "Agreed, price clause rewritten.\n" + PRICE_CLAUSE));
        doTask(WINNER, driver.task(processInstanceId, ContractProcess.USER_TASK_REVIEW_DRAFT), "agree", false,
                form -> form.click(By.cssSelector("input[name=draftDecision][value=agree]")));
        doTask(COORDINATOR, driver.task(processInstanceId, ContractProcess.USER_TASK_CHECK_COMPLIANCE), "compliant", false,
                form -> form.click(By.cssSelector("input[name=complianceDecision][value=complies]")));
        doTask(WINNER, driver.task(processInstanceId, ContractProcess.USER_TASK_SIGN_AS_COMPANY), "sign", true,
                form -> form.check("f-companySigns"));
        doTask(OFFICER, driver.task(processInstanceId, ContractProcess.USER_TASK_SIGN_AS_CITY), "countersign", true,
                form -> form.click(By.cssSelector("input[name=cityDecision][value=sign]")));
        close(COORDINATOR);
    }

    private void pilotRunsWithProgressReports() {
        doTask(OFFICER, driver.task(processInstanceId, PilotProcess.USER_TASK_KICK_OFF), "kick-off", true,
                form -> form.type("f-kickoffNotes", "Scope, contacts and the night routes agreed."));
        doTask(OFFICER, driver.task(processInstanceId, PilotProcess.USER_TASK_CHECK_INFRASTRUCTURE), "infrastructure", false,
                form -> form.click(By.cssSelector("input[name=connectivity][value=yes]")).click(By.cssSelector("input[name=power][value=yes]"))
                        .click(By.cssSelector("input[name=simNetwork][value=yes]")).click(By.cssSelector("input[name=dataAccess][value=yes]")));
        int milestones = ChallengeProcess.MILESTONE_COUNT.read(engine.getRuntimeService()
                .getVariable(processInstanceId, ChallengeProcess.MILESTONE_COUNT.name()));
        assertThat(milestones).isPositive();
        for (long milestone = 1; milestone <= milestones; milestone++) {
            boolean first = milestone == 1;
            String reached = "Milestone " + milestone + " reached: " + (20 * milestone) + " night deliveries rerouted.";
            if (first) {
                companyDownloadsTheSignedPdfFromItsTask(driver.task(processInstanceId, PilotProcess.USER_TASK_REPORT_PROGRESS));
            }
            doTask(WINNER, driver.task(processInstanceId, PilotProcess.USER_TASK_REPORT_PROGRESS), "progress-" + milestone, first,
                    form -> form.type("f-progress", reached).click(By.cssSelector("input[name=milestoneMet][value=yes]")));
            if (first) {
                cityTriesToStopAndIsAskedToConfirm(driver.task(processInstanceId, PilotProcess.USER_TASK_REVIEW_PROGRESS), reached);
            }
            doTask(OFFICER, driver.task(processInstanceId, PilotProcess.USER_TASK_REVIEW_PROGRESS), "review-" + milestone, first,
                    form -> {
                        assertThat(form.mainText()).contains(title).contains(reached); // the company's report is on the page
                        form.click(By.cssSelector("input[name=progressDecision][value=continue]"));
                    });
        }
        doTask(OFFICER, driver.task(processInstanceId, PilotProcess.USER_TASK_DEMO), "demo", false,
                form -> form.type("f-demoNotes", "Residents and the support group rode along one night."));
    }

    private void cityEvaluates() {
        doTask(OFFICER, driver.task(processInstanceId, EvaluationProcess.USER_TASK_KPI_RESULTS), "kpi-results", true,
                form -> form.type("f-kpiName", "Night-time noise complaints per month").type("f-kpiTarget", "40")
                        .type("f-kpiResult", "31"));
        doTask(OFFICER, driver.task(processInstanceId, EvaluationProcess.USER_TASK_SURVEY_AND_BEHAVIOUR), "survey", false,
                form -> form.type("f-surveyScore", "58").type("f-measuredScore", "74"));
        doTask(OFFICER, driver.task(processInstanceId, EvaluationProcess.USER_TASK_DECIDE_VERDICT), EvaluationProcess.VERDICT.name(), true,
                form -> form.click(By.cssSelector("input[name=verdict][value=replicate]"))
                        .type("f-verdictReason", "KPI met; two other cities asked for it."));
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .activityId(ChallengeProcess.END_EVALUATED).count()).as("challenge ended evaluated").isEqualTo(1);

        Browser winner = as(WINNER);
        winner.open("/applications").waitFor(By.cssSelector("main article")).step("evaluated").assertAccessible();
        assertThat(winner.mainText()).contains("UrbanSense quiet logistics").contains("Evaluated");
        Browser officer = as(OFFICER);
        officer.open("/city/challenges").waitFor(By.cssSelector("main h1")).step("our-challenges-evaluated");
        // the row of this challenge: its stage in words and the two applications it received
        assertThat(officer.text(By.xpath("//main//tr[td/a[normalize-space()='" + title + "']]")))
                .contains("Pilot evaluated").endsWith("3"); // three applications
    }

    private void signedPdfDownloadsAndVerifies() {
        // After the countersignature the contract is archived and signed asynchronously (doTask ran that job).
        String contractId = (String) engine.getRuntimeService().getVariable(processInstanceId, ChallengeProcess.CONTRACT_ID.name());
        assertThat(contractId).as("contract of the challenge").isNotNull();
        String page = "/contracts/" + contractId;
        // The city's next task (the pilot's kick-off) links to the contract it runs under.
        Browser officer = as(OFFICER);
        officer.open("/tasks").follow("/tasks/" + driver.task(processInstanceId, PilotProcess.USER_TASK_KICK_OFF).getId())
                .waitFor(By.cssSelector("main form")).follow(page).waitFor(By.cssSelector("main h1"))
                .step("contract").assertAccessible();
        assertThat(officer.mainText()).contains("Signed by both parties").contains("Download the signed PDF")
                .contains("Differences from the template (1)").contains("half after the final demo")
                .contains(WINNER).contains(OFFICER);
        By download = By.xpath("//main//a[normalize-space()='Download the signed PDF']");
        assertThat(officer.attribute(download, "href")).endsWith(page + "/contract.pdf");

        HttpResponse<byte[]> pdf = officer.download(download);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment").contains("contract-" + contractId + "-signed.pdf");
        PadesSignatures.Verification verification = signer.verify(pdf.body());
        assertThat(verification.valid()).as("signature of the downloaded PDF: %s", verification.problem()).isTrue();
        assertThat(verification.coversWholeDocument()).isTrue();
        // the archived fingerprint the page shows is the file's
        assertThat(officer.text(By.xpath("//main//p[contains(., 'SHA-256 of the signed PDF')]/code")))
                .isEqualTo(PadesSignatures.sha256(pdf.body()));
        // it is this contract: the challenge (Annex A), the two parties, the negotiated price clause
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " ")).contains(title)
                    .contains("Gemeente Delft").contains("UrbanSense").contains("half after the final demo"); // in nl, the challenge's first language
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // one changed byte in the signed content and the signature no longer holds
        byte[] altered = pdf.body().clone();
        altered[altered.length / 4] ^= 0x01;
        assertThat(signer.verify(altered).valid()).as("a PDF with one changed byte verifies").isFalse();

        signedPdf = pdf.body();
    }

    /**
     * The company's first progress report links to the contract its pilot runs under: it downloads the same
     * signed file from its own session. (Between the signature and this task, no page links the company to
     * its contract.)
     */
    private void companyDownloadsTheSignedPdfFromItsTask(Task report) {
        String page = "/contracts/" + engine.getRuntimeService().getVariable(processInstanceId, ChallengeProcess.CONTRACT_ID.name());
        Browser winner = as(WINNER);
        winner.open("/tasks").follow("/tasks/" + report.getId()).waitFor(By.cssSelector("main form")).follow(page)
                .waitFor(By.cssSelector("main h1")).step("contract");
        HttpResponse<byte[]> companyCopy = winner.download(By.xpath("//main//a[normalize-space()='Download the signed PDF']"));
        assertThat(companyCopy.statusCode()).isEqualTo(200);
        assertThat(companyCopy.body()).as("the company's download is the verified file").isEqualTo(signedPdf);
    }

    private void evaluationAppearsInTheMarketplace() {
        // The city's evaluation was published on the supplier's catalogue solution (Catalogue.on(EvaluationPublished)).
        Map<String, Object> implementation = jdbc.queryForMap(
                "select i.id, i.solution_id, i.pilot_id, s.name from market_implementation i"
                        + " join market_solution s on s.id = i.solution_id where i.challenge_id = ?", challengeId);
        implementationId = implementation.get("id").toString();
        solutionId = implementation.get("solution_id").toString();
        pilotId = implementation.get("pilot_id").toString();
        String solutionName = (String) implementation.get("name");

        // An officer of another city looks for it in the marketplace: searches, follows the hit.
        Browser mechelen = as(OTHER_OFFICER);
        // axe-core once on the marketplace: its first page already holds the results list (all solutions)
        mechelen.open("/marketplace").waitFor(By.id("q")).step("marketplace").assertAccessible();
        mechelen.type("q", solutionName).click(By.cssSelector("main form[role=search] button[type=submit]"))
                .waitFor(By.cssSelector("main #results a[href='/marketplace/solutions/" + solutionId + "']"))
                .step("marketplace-search");
        mechelen.follow("/marketplace/solutions/" + solutionId).waitFor(By.cssSelector("main h1"))
                .step("solution").assertAccessible();
        assertThat(mechelen.text(By.cssSelector("main h1"))).isEqualTo(solutionName);
        // this pilot's implementation (the one whose replicate button names it): Delft, the KPI, the verdict
        String article = mechelen.text(implementationArticle());
        assertThat(article).contains("Delft").contains("piloted through the accelerator")
                .contains("Night-time noise complaints per month: 31 (target 40)").contains("Replicate");
    }

    private void anotherCityStartsAReplication() {
        Browser mechelen = as(OTHER_OFFICER);
        mechelen.click(By.xpath("//main//form[contains(@action, '/marketplace/city/implementations/" + implementationId
                        + "/replicate')]//button"))
                .waitFor(By.cssSelector("main form[data-confirmation]")).step("replication-confirm");
        // the first click only asks what starts (supplier asked, contract, new pilot): nothing runs yet
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ReplicationProcess.KEY)
                .variableValueEquals(ReplicationProcess.ORIGINAL_PILOT_ID.name(), pilotId).count()).isZero();
        mechelen.click(By.cssSelector("main form[data-confirmation] button[name=confirmed]"))
                .waitFor(By.cssSelector("main [role=status]")).step("replication-started");
        assertThat(mechelen.currentPath()).isEqualTo("/marketplace/solutions/" + solutionId);
        assertThat(mechelen.mainText()).contains("The replication has started");
        assertThat(mechelen.text(implementationArticle())).contains("Replication started by City of Mechelen");

        // The replication process runs from the original pilot, for Mechelen, with the same supplier.
        List<ProcessInstance> replications = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ReplicationProcess.KEY).variableValueEquals(ReplicationProcess.ORIGINAL_PILOT_ID.name(), pilotId)
                .list();
        assertThat(replications).as("replication processes of pilot %s", pilotId).hasSize(1);
        String replication = replications.get(0).getId();
        assertThat(engine.getRuntimeService().getVariable(replication, CITY_GROUP.name())).isEqualTo("city-mechelen");
        driver.runAsyncJobs(replication);
        // The supplier is asked to confirm, in its My tasks.
        Task confirm = driver.task(replication, ReplicationProcess.USER_TASK_SUPPLIER_CONFIRMS);
        Browser winner = as(WINNER);
        winner.open("/tasks").waitFor(By.cssSelector("main a[href='/tasks/" + confirm.getId() + "']")).step("confirm-replication-task");
        winner.follow("/tasks/" + confirm.getId()).waitFor(By.cssSelector("main form")).step("confirm-replication-form")
                .assertAccessible();
    }

    /** On the solution page, the article of this walk's implementation: its replicate button names it. */
    private By implementationArticle() {
        return By.xpath("//main//article[.//form[contains(@action, '/marketplace/city/implementations/" + implementationId
                + "/replicate')]]");
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The review page shows the company's report; choosing "stop" needs a reason and then a confirmation page that
     * says what happens; going back leaves the pilot running and the task open, with the input as typed.
     */
    private void cityTriesToStopAndIsAskedToConfirm(Task review, String reported) {
        Browser city = as(OFFICER);
        city.open("/tasks").follow("/tasks/" + review.getId()).waitFor(By.cssSelector("main form")).step("review-report-shown");
        assertThat(city.mainText()).contains(reported);
        city.click(By.cssSelector("input[name=progressDecision][value=stop]")).submit()
                .waitFor(By.cssSelector("main [aria-invalid=true], main .error, main [role=alert]")).step("review-stop-needs-reason");
        assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).count()).as("not stopped without a reason").isOne();
        city.type("f-reviewNotes", "Trying the stop button only").submit()
                .waitFor(By.cssSelector("main form[data-confirmation]")).step("review-stop-confirmation").assertAccessible();
        assertThat(city.text(By.cssSelector("main form[data-confirmation]"))).contains("Trying the stop button only");
        assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).count()).as("not stopped before confirming").isOne();
        city.click(By.cssSelector("main form[data-confirmation] button[name=back]")).waitFor(By.id("f-reviewNotes"))
                .step("review-stop-back");
        assertThat(city.value("f-reviewNotes")).isEqualTo("Trying the stop button only");
        assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).count()).as("still open after Back").isOne();
    }

    /**
     * One portal task as its user does it: My tasks → the task's link → fill the form → submit → back on
     * My tasks with "Done". Then the asynchronous continuations run (job executor off in tests). axe-core
     * checks My tasks once per user and the task's form where {@code checkAccessibility} (once per form kind).
     */
    private void doTask(String user, Task task, String name, boolean checkAccessibility, Consumer<Browser> fill) {
        Browser browser = as(user);
        browser.open("/tasks").waitFor(By.cssSelector("main h1"));
        if (myTasksChecked.add(user)) {
            browser.step("my-tasks").assertAccessible();
        }
        browser.follow("/tasks/" + task.getId()).waitFor(By.cssSelector("main form")).step(name + "-form");
        if (checkAccessibility) {
            browser.assertAccessible();
        }
        fill.accept(browser);
        browser.submit().waitFor(By.cssSelector("main [role=status], main form[data-confirmation]"));
        if (browser.present(By.cssSelector("main form[data-confirmation]"))) {
            // a negative or consequential decision: the second page says what happens; its first button confirms
            browser.step(name + "-confirm").submit().waitFor(By.cssSelector("main [role=status]"));
        }
        browser.step(name + "-done");
        assertThat(browser.currentPath()).startsWith("/tasks");
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).as("%s completed", name).isZero();
        driver.runAsyncJobs(processInstanceId);
    }

    /** The user's own browser, logged in through the portal's login form (opened once, kept for the walk). */
    private Browser as(String user) {
        return browsers.computeIfAbsent(user, u -> {
            Browser browser = new Browser(port, u, SCREENSHOTS, screenshots::incrementAndGet);
            browser.login("demo").waitFor(Browser.LOGOUT);
            return browser;
        });
    }

    /** Done with this user: frees the machine (each Chromium costs memory on a shared CI runner). */
    private void close(String user) {
        Browser browser = browsers.remove(user);
        if (browser != null) {
            browser.close();
        }
    }

    /**
     * A named step of the walk: its name in the failure message and in the log with its duration; when it
     * fails, every open browser leaves a screenshot of where it stood ({@code NN-<user>-FAILED.png}).
     */
    private void step(String name, Runnable step) {
        Instant started = Instant.now();
        try {
            step.run();
        } catch (AssertionError | RuntimeException failed) {
            browsers.values().forEach(browser -> browser.snapshot("FAILED"));
            throw new AssertionError("walk step failed: " + name + " — " + failed.getMessage(), failed);
        }
        log.info("walk step done in {} ms: {}", Duration.between(started, Instant.now()).toMillis(), name);
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
