package eu.smartcity.accelerator.dashboard;

import eu.smartcity.accelerator.workflow.ProcessVariables;
import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.cycle.Bylaws;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.evaluation.EvaluationProcess;
import eu.smartcity.accelerator.marketplace.catalogue.Implementation;
import eu.smartcity.accelerator.marketplace.catalogue.Implementations;
import eu.smartcity.accelerator.marketplace.replication.ReplicationStarter;
import eu.smartcity.accelerator.pilot.PilotProcess;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import eu.smartcity.accelerator.workflow.TaskCompletions;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public outcome view counts, per cycle and per city, what the processes did: a cycle of its own is driven
 * through the real processes (Delft: a call with two applications, a selection, a contract, a pilot to its verdict;
 * Bruges: a call with one application still open; Mechelen: a challenge not approved yet, and a replication of
 * Delft's pilot), and every number on the page is compared with what the test created.
 */
@AcceleratorTest
class OutcomesPageTest {

    static final List<String> FIGURES = List.of("calls", "applications", "selections", "pilots", "verdicts", "replications");

    @LocalServerPort int port;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired Applications applications;
    @Autowired ProcessEngine engine;
    @Autowired TaskCompletions completions;
    @Autowired Implementations implementations;
    @Autowired ReplicationStarter replications;
    @Autowired eu.smartcity.accelerator.identity.Organisations organisations;

    ProcessDriver driver;
    UUID cycleId;

    @Test
    void theOutcomeViewShowsPerCycleAndCityWhatTheProcessesDidAsATableAndAnAccessibleChart() {
        driver = new ProcessDriver(engine, completions);
        String cycleName = "Outcomes " + UUID.randomUUID().toString().substring(0, 8);
        cycleId = cycles.open(cycleName, "scifi-2025").id();
        // what the test does, counted as it does it: city → figure → count
        Map<String, Map<String, Integer>> expected = new LinkedHashMap<>();
        for (String city : List.of("city-bruges", "city-delft", "city-mechelen")) {
            Map<String, Integer> none = new LinkedHashMap<>();
            FIGURES.forEach(f -> none.put(f, 0));
            expected.put(city, none);
        }

        // Delft: a call, two applications, one selected, its pilot evaluated (verdict: replicate)
        UUID delft = publish("city-delft", "Quiet deliveries");
        expected.get("city-delft").merge("calls", 1, Integer::sum);
        String pi = processOf(delft);
        for (String company : List.of("urbansense", "parkflow")) {
            apply(delft, company);
            expected.get("city-delft").merge("applications", 1, Integer::sum);
        }
        driver.fireTimer(pi, ChallengeProcess.TIMER_CALL_WINDOW_OVER);
        for (String member : List.of("jury-an", "jury-ben", "jury-chloe")) {
            driver.complete(driver.taskOf(pi, ChallengeProcess.USER_TASK_DECLARE_CONFLICT, member),
                    Map.of(ChallengeProcess.CONFLICT_DECISION.name(), ChallengeProcess.ConflictDecision.NONE.wire()), pi);
            for (Task t : driver.tasks(pi, ChallengeProcess.USER_TASK_SCORE_APPLICATION)) {
                if (member.equals(t.getAssignee())) {
                    driver.complete(t, scores(), pi);
                }
            }
        }
        driver.complete(pi, ChallengeProcess.USER_TASK_APPROVE_SELECTION,
                Map.of(ChallengeProcess.SELECTION_DECISION.name(), ChallengeProcess.SelectionDecision.APPROVE.wire()));
        expected.get("city-delft").merge("selections", 1, Integer::sum);
        driver.complete(pi, ContractProcess.USER_TASK_REVIEW_DRAFT, ProcessVariables.of(ContractProcess.DRAFT_DECISION.with(ContractProcess.DraftDecision.AGREE)));
        driver.complete(pi, ContractProcess.USER_TASK_CHECK_COMPLIANCE,
                ProcessVariables.of(ContractProcess.COMPLIANCE_DECISION.with(ContractProcess.ComplianceDecision.COMPLIES)));
        driver.complete(pi, ContractProcess.USER_TASK_SIGN_AS_COMPANY, ProcessVariables.of(ContractProcess.COMPANY_SIGNS.with(true)));
        driver.complete(pi, ContractProcess.USER_TASK_SIGN_AS_CITY, ProcessVariables.of(ContractProcess.CITY_DECISION.with(ContractProcess.CityDecision.SIGN)));
        driver.complete(pi, PilotProcess.USER_TASK_KICK_OFF, ProcessVariables.of(PilotProcess.KICKOFF_NOTES.with("Agreed")));
        expected.get("city-delft").merge("pilots", 1, Integer::sum);
        driver.complete(pi, PilotProcess.USER_TASK_CHECK_INFRASTRUCTURE,
                ProcessVariables.of(PilotProcess.CONNECTIVITY.with(PilotProcess.Answer.YES), PilotProcess.POWER.with(PilotProcess.Answer.YES), PilotProcess.SIM_NETWORK.with(PilotProcess.Answer.YES), PilotProcess.DATA_ACCESS.with(PilotProcess.Answer.YES)));
        for (int milestone = 1; milestone <= 3; milestone++) {
            driver.complete(pi, PilotProcess.USER_TASK_REPORT_PROGRESS,
                    ProcessVariables.of(PilotProcess.PROGRESS.with("Milestone " + milestone + " done"), PilotProcess.MILESTONE_MET.with(PilotProcess.Answer.YES)));
            driver.complete(pi, PilotProcess.USER_TASK_REVIEW_PROGRESS,
                    ProcessVariables.of(PilotProcess.PROGRESS_DECISION.with(PilotProcess.ProgressDecision.CONTINUE), PilotProcess.REVIEW_NOTES.with("")));
        }
        driver.complete(pi, PilotProcess.USER_TASK_DEMO, ProcessVariables.of(PilotProcess.DEMO_NOTES.with("Shown")));
        driver.complete(pi, EvaluationProcess.USER_TASK_KPI_RESULTS,
                Map.of(EvaluationProcess.KPI_NAME.name(), "Noise complaints per month", EvaluationProcess.KPI_TARGET.name(), 40L, EvaluationProcess.KPI_RESULT.name(), 31L));
        driver.complete(pi, EvaluationProcess.USER_TASK_SURVEY_AND_BEHAVIOUR,
                Map.of(EvaluationProcess.SURVEY_SCORE.name(), 58L, EvaluationProcess.MEASURED_SCORE.name(), 74L));
        driver.complete(pi, EvaluationProcess.USER_TASK_DECIDE_VERDICT,
                Map.of(EvaluationProcess.VERDICT.name(), "replicate", EvaluationProcess.VERDICT_REASON.name(), "KPI met"));
        expected.get("city-delft").merge("verdicts", 1, Integer::sum);

        // Mechelen replicates Delft's pilot: counted for Mechelen, in the cycle of Delft's challenge
        Implementation implementation = implementations.findAll().stream().filter(i -> delft.equals(i.challengeId()))
                .findFirst().orElseThrow();
        driver.runAsyncJobs(replications.start(implementation.id(), "city-mechelen", "officer-mechelen").processInstanceId());
        expected.get("city-mechelen").merge("replications", 1, Integer::sum);

        // Bruges: a call still open with one application; Mechelen: a challenge waiting for approval (no call)
        UUID bruges = publish("city-bruges", "Cycle lanes");
        expected.get("city-bruges").merge("calls", 1, Integer::sum);
        apply(bruges, "greengrid");
        expected.get("city-bruges").merge("applications", 1, Integer::sum);
        challenges.launch(cycleId, "city-mechelen", definition("Not approved yet"));

        String page = new PortalClient(port).speaking("en").get("/outcomes").body();
        String cycle = section(page, cycleName);
        Map<String, Integer> total = new LinkedHashMap<>();
        expected.forEach((city, figures) -> {
            String row = row(cycle, city);
            figures.forEach((figure, count) -> {
                assertThat(figure(row, figure)).as(city + " " + figure).isEqualTo(count);
                total.merge(figure, count, Integer::sum);
            });
        });
        String totalRow = row(cycle, "total");
        total.forEach((figure, count) -> assertThat(figure(totalRow, figure)).as("total " + figure).isEqualTo(count));
        // the pilot is finished (its demo was given), and the split says so
        assertThat(row(cycle, "city-delft")).contains("1 (0 running, 1 finished)");
        // the chart: inline SVG with its title and a description naming the same totals as the table
        assertThat(cycle).contains("<svg", "role=\"img\"", "<title id=\"outcome-" + cycleId + "-title\">",
                "<desc id=\"outcome-" + cycleId + "-desc\">Calls: " + total.get("calls") + "; Applications: " + total.get("applications")
                        + "; Selections: " + total.get("selections") + "; Pilots: " + total.get("pilots") + "; Verdicts: "
                        + total.get("verdicts") + "; Replications: " + total.get("replications") + ".</desc>")
                .doesNotContain("Quiet deliveries solution"); // no application's content
        assertThat(row(cycle, "city-bruges")).contains("<th scope=\"row\">" + organisations.nameOf("city-bruges") + "</th>");
        assertThat(page).doesNotContain("??");

        assertThat(section(new PortalClient(port).speaking("nl").get("/outcomes").body(), cycleName)).contains("Inschrijvingen", "Overnames");
        assertThat(section(new PortalClient(port).speaking("fr").get("/outcomes").body(), cycleName)).contains("Candidatures", "Reproductions");
    }

    UUID publish(String city, String title) {
        UUID id = challenges.launch(cycleId, city, definition(title + " " + UUID.randomUUID().toString().substring(0, 8)));
        driver.complete(processOf(id), ChallengeProcess.USER_TASK_APPROVE_CHALLENGE,
                Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.APPROVE.wire()));
        driver.runAsyncJobs(processOf(id));
        return id;
    }

    static Challenges.Definition definition(String title) {
        return new Challenges.Definition(title, "Night-time noise from delivery traffic in the centre.", "Noise sensors (API)",
                new BigDecimal("9000"), "Complaints -30 %", "nl, en", 6);
    }

    void apply(UUID challenge, String company) {
        applications.submit(new Applications.Submission(challenge, "company-" + company, company + " plan",
                "Route planning with the noise sensors.", new BigDecimal("8000"), 7, true, "BE", 30, true, true));
    }

    String processOf(UUID challenge) {
        return challenges.find(challenge).orElseThrow().processInstanceId();
    }

    static Map<String, Object> scores() {
        Map<String, Object> scores = new HashMap<>();
        Bylaws.CRITERIA.forEach(criterion -> scores.put(criterion, 7L));
        return scores;
    }

    static String section(String html, String cycleName) {
        int at = html.indexOf("data-cycle-name=\"" + cycleName + "\"");
        assertThat(at).as("the cycle's section").isNotNegative();
        return html.substring(at, html.indexOf("</section>", at));
    }

    static String row(String section, String city) {
        int at = section.indexOf("data-city=\"" + city + "\"");
        assertThat(at).as("the row of " + city).isNotNegative();
        return section.substring(at, section.indexOf("</tr>", at));
    }

    static int figure(String row, String figure) {
        Matcher m = Pattern.compile("data-figure=\"" + figure + "\">([0-9]+)").matcher(row);
        assertThat(m.find()).as(figure).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
