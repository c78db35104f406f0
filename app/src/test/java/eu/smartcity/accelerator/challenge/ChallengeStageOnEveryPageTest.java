package eu.smartcity.accelerator.challenge;

import eu.smartcity.accelerator.workflow.ProcessVariables;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import eu.smartcity.accelerator.application.ApplicationStatus;
import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.cycle.Bylaws;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.evaluation.EvaluationProcess;
import eu.smartcity.accelerator.pilot.PilotProcess;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.workflow.TaskCompletions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

/**
 * One source of truth for stages and statuses (issue 17): a challenge with two applications is driven through
 * every stage on the real engine, and at each stage every page that shows it is rendered as the user who reads
 * it — the city's list, the coordinator's dashboard, the public challenge page, the API, the company's
 * applications — and must show that stage and the application's status, never an earlier or a later one.
 */
@AcceleratorTest
@AutoConfigureMockMvc
class ChallengeStageOnEveryPageTest {

    static final List<String> JURY = List.of("jury-an", "jury-ben", "jury-chloe");

    @Autowired ProcessEngine engine;
    @Autowired TaskCompletions completions;
    @Autowired IdentityService identity;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired Applications applications;
    @Autowired eu.smartcity.accelerator.selection.JuryRecords juryRecords;
    @Autowired MessageSource messages;
    @Autowired MockMvc mvc;

    ProcessDriver driver;
    UUID cycleId;
    UUID challengeId;
    String title;
    String pi;

    @Test
    void everyPageShowsTheStageTheProcessIsAt() throws Exception {
        driver = new ProcessDriver(engine, completions);
        cycleId = cycles.open("Stages " + UUID.randomUUID(), "scifi-2025").id();
        title = "Stages on every page " + UUID.randomUUID();
        challengeId = challenges.launch(cycleId, "city-mechelen", new Challenges.Definition(title,
                "Drivers circle for parking; guide them with the city's open parking data.", "Parking occupancy (CSV, API)",
                new BigDecimal("10000"), "Search time -20 %", "nl, en", 6));
        pi = challenges.find(challengeId).orElseThrow().processInstanceId();
        expectStage(ChallengeStage.SUBMITTED);

        driver.complete(pi, USER_TASK_APPROVE_CHALLENGE, Map.of(CHALLENGE_DECISION.name(), ChallengeDecision.SEND_BACK.wire(), REMARKS.name(), "Name a target per KPI"));
        expectStage(ChallengeStage.SENT_BACK);
        Map<String, Object> revised = new HashMap<>(engine.getRuntimeService().getVariables(pi));
        revised.put(KPIS.name(), "Average search time from 9 to 7 minutes");
        driver.complete(pi, USER_TASK_REVISE_CHALLENGE, revised);
        expectStage(ChallengeStage.SUBMITTED);

        driver.complete(pi, USER_TASK_APPROVE_CHALLENGE, Map.of(CHALLENGE_DECISION.name(), ChallengeDecision.APPROVE.wire()));
        expectStage(ChallengeStage.PUBLISHED);
        UUID urbansense = apply("urbansense", 9_500, 8);
        UUID parkflow = apply("parkflow", 8_000, 7);
        expectStage(ChallengeStage.PUBLISHED);
        expectApplication("urbansense", urbansense, ApplicationStatus.SUBMITTED, "Nothing to do until the call closes on");

        driver.fireTimer(pi, TIMER_CALL_WINDOW_OVER);
        expectStage(ChallengeStage.SELECTION);
        expectApplication("urbansense", urbansense, ApplicationStatus.UNDER_REVIEW, "the jury is scoring until");
        for (String member : JURY) {
            score(member, urbansense, 9);
            score(member, parkflow, 6);
        }
        expectStage(ChallengeStage.SELECTION);
        expectApplication("parkflow", parkflow, ApplicationStatus.UNDER_REVIEW, "the programme office approves the jury");

        driver.complete(pi, USER_TASK_APPROVE_SELECTION, Map.of(SELECTION_DECISION.name(), SelectionDecision.APPROVE.wire()));
        expectStage(ChallengeStage.CONTRACTING);
        expectApplication("urbansense", urbansense, ApplicationStatus.CONTRACTING, "Review the draft contract by");
        expectApplication("parkflow", parkflow, ApplicationStatus.NOT_SELECTED, "another application was selected");

        driver.complete(pi, ContractProcess.USER_TASK_REVIEW_DRAFT, ProcessVariables.of(ContractProcess.DRAFT_DECISION.with(ContractProcess.DraftDecision.AGREE)));
        expectApplication("urbansense", urbansense, ApplicationStatus.CONTRACTING, "waiting for");
        driver.complete(pi, ContractProcess.USER_TASK_CHECK_COMPLIANCE,
                ProcessVariables.of(ContractProcess.COMPLIANCE_DECISION.with(ContractProcess.ComplianceDecision.COMPLIES)));
        expectStage(ChallengeStage.CONTRACTING);
        expectApplication("urbansense", urbansense, ApplicationStatus.CONTRACTING, "Sign the contract by");

        driver.complete(pi, ContractProcess.USER_TASK_SIGN_AS_COMPANY, ProcessVariables.of(ContractProcess.COMPANY_SIGNS.with(true)));
        expectStage(ChallengeStage.CONTRACTING);
        expectApplication("urbansense", urbansense, ApplicationStatus.COMPANY_SIGNED, "waiting for");

        driver.complete(pi, ContractProcess.USER_TASK_SIGN_AS_CITY, ProcessVariables.of(ContractProcess.CITY_DECISION.with(ContractProcess.CityDecision.SIGN)));
        expectStage(ChallengeStage.PILOT_RUNNING);
        expectApplication("urbansense", urbansense, ApplicationStatus.CONTRACT_SIGNED, "waiting for");

        driver.complete(pi, PilotProcess.USER_TASK_KICK_OFF, ProcessVariables.of(PilotProcess.KICKOFF_NOTES.with("Scope, contacts and planning agreed")));
        expectStage(ChallengeStage.PILOT_RUNNING);
        expectApplication("urbansense", urbansense, ApplicationStatus.PILOTING, "waiting for");
        driver.complete(pi, PilotProcess.USER_TASK_CHECK_INFRASTRUCTURE,
                ProcessVariables.of(PilotProcess.CONNECTIVITY.with(PilotProcess.Answer.YES), PilotProcess.POWER.with(PilotProcess.Answer.YES), PilotProcess.SIM_NETWORK.with(PilotProcess.Answer.YES), PilotProcess.DATA_ACCESS.with(PilotProcess.Answer.YES)));
        expectApplication("urbansense", urbansense, ApplicationStatus.PILOTING, "Report your milestone progress by");
        int milestones = MILESTONE_COUNT.read(engine.getRuntimeService().getVariable(pi, MILESTONE_COUNT.name()));
        for (int milestone = 1; milestone <= milestones; milestone++) {
            driver.complete(pi, PilotProcess.USER_TASK_REPORT_PROGRESS, ProcessVariables.of(PilotProcess.PROGRESS.with("Milestone " + milestone + " reached"),
                    PilotProcess.MILESTONE_MET.with(PilotProcess.Answer.YES)));
            driver.complete(pi, PilotProcess.USER_TASK_REVIEW_PROGRESS, ProcessVariables.of(PilotProcess.PROGRESS_DECISION.with(PilotProcess.ProgressDecision.CONTINUE)));
        }
        expectStage(ChallengeStage.PILOT_RUNNING);
        driver.complete(pi, PilotProcess.USER_TASK_DEMO, ProcessVariables.of(PilotProcess.DEMO_NOTES.with("Residents saw it working")));
        expectStage(ChallengeStage.EVALUATION);
        expectApplication("urbansense", urbansense, ApplicationStatus.EVALUATING, "waiting for");

        driver.complete(pi, EvaluationProcess.USER_TASK_KPI_RESULTS,
                Map.of(EvaluationProcess.KPI_NAME.name(), "Average search time (minutes)", EvaluationProcess.KPI_TARGET.name(), 7L, EvaluationProcess.KPI_RESULT.name(), 6L));
        driver.complete(pi, EvaluationProcess.USER_TASK_SURVEY_AND_BEHAVIOUR,
                Map.of(EvaluationProcess.SURVEY_SCORE.name(), 70L, EvaluationProcess.MEASURED_SCORE.name(), 74L));
        expectStage(ChallengeStage.EVALUATION);
        driver.complete(pi, EvaluationProcess.USER_TASK_DECIDE_VERDICT,
                Map.of(EvaluationProcess.VERDICT.name(), "scale-up", EvaluationProcess.VERDICT_REASON.name(), "KPI met"));
        // "scale up" asks the city for its plan (issue 23.6) before the evaluation ends
        driver.complete(pi, EvaluationProcess.USER_TASK_PLAN_SCALE_UP, Map.of(EvaluationProcess.SCALE_UP_PLAN.name(), "City-wide in 2028"));
        expectStage(ChallengeStage.EVALUATED);
        expectApplication("urbansense", urbansense, ApplicationStatus.EVALUATED, "the pilot was evaluated");
        expectApplication("parkflow", parkflow, ApplicationStatus.NOT_SELECTED, "another application was selected");

        // the company's timeline: every status it had, each with its date, the call's closing in between
        String card = card(page("urbansense", "/applications"), urbansense);
        assertThat(timeOrder(card)).containsExactly("Application submitted", "Call closed", "Found eligible: the jury scores it",
                "Selected: contract negotiation began", "You signed the contract", "The city signed: contract concluded",
                "Pilot kicked off", "Pilot ended: evaluation began", "Pilot evaluated");
        assertThat(card).containsPattern("<time datetime=\"[^\"]+\">[^<]+</time>");
    }

    @Test
    void aCallWithoutApplicationsEndsSoOnEveryPage() throws Exception {
        driver = new ProcessDriver(engine, completions);
        cycleId = cycles.open("Stages " + UUID.randomUUID(), "scifi-2025").id();
        title = "Nobody applied " + UUID.randomUUID();
        challengeId = challenges.launch(cycleId, "city-mechelen", new Challenges.Definition(title, "A problem nobody took up.",
                "None", new BigDecimal("5000"), "None", "nl", 5));
        pi = challenges.find(challengeId).orElseThrow().processInstanceId();
        driver.complete(pi, USER_TASK_APPROVE_CHALLENGE, Map.of(CHALLENGE_DECISION.name(), ChallengeDecision.APPROVE.wire()));
        expectStage(ChallengeStage.PUBLISHED);
        driver.fireTimer(pi, TIMER_CALL_WINDOW_OVER);
        expectStage(ChallengeStage.NO_APPLICATIONS);
    }

    // ---- the pages ----

    /** The stage on the city's list, the coordinator's dashboard, the public page and the API; no other stage anywhere. */
    void expectStage(ChallengeStage stage) throws Exception {
        assertThat(challenges.find(challengeId).orElseThrow().stage()).isEqualTo(stage);
        String label = label("challengeStatus." + stage.name());

        String cityRow = row(page("officer-mechelen", "/city/challenges"), title);
        assertThat(stageCells(cityRow)).as("city officer's list at %s", stage).containsExactly(label);

        String section = between(page("coordinator", "/coordinator"), "aria-labelledby=\"cycle-" + cycleId + "\"", "</section>");
        assertThat(stageCells(section)).as("coordinator's dashboard at %s", stage).containsExactly(label);

        if (!stage.published()) {
            assertThat(status(null, "/challenges/" + challengeId)).as("not public before approval").isEqualTo(404);
            assertThat(status(null, "/api/challenges/" + challengeId)).isEqualTo(404);
            return;
        }
        String publicPage = page(null, "/challenges/" + challengeId);
        assertThat(stageCells(between(publicPage, "<dl>", "</dl>"))).as("public page at %s", stage).containsExactly(label);

        String json = page(null, "/api/challenges/" + challengeId);
        assertThat(json).as("API at %s", stage).contains("\"status\":\"" + stage.name() + "\"")
                .contains("\"stage\":\"" + (stage == ChallengeStage.PUBLISHED ? "open" : stage.ended() ? "ended" : "closed") + "\"");
    }

    /** The company's card: headed by the challenge, the application's status and its next step in words. */
    void expectApplication(String company, UUID applicationId, ApplicationStatus status, String nextStep) throws Exception {
        assertThat(applications.find(applicationId).orElseThrow().status()).isEqualTo(status.name());
        String card = card(page(company, "/applications"), applicationId);
        assertThat(between(card, "<h2>", "</h2>")).as("card headed by the challenge").contains(title);
        assertThat(card).contains("data-status=\"" + status.name() + "\"")
                .contains("data-status-label>" + label("status." + status.name()) + "<");
        for (ApplicationStatus other : ApplicationStatus.values()) {
            if (other != status) {
                assertThat(card).as("%s's card at %s", company, status)
                        .doesNotContain("data-status-label>" + label("status." + other.name()) + "<");
            }
        }
        assertThat(between(card, "data-next-step", "</p>")).as("next step at %s", status).contains(HtmlUtils.htmlEscape(nextStep));
        // the home page words the same next step (one source: NextSteps)
        String home = between(page(company, "/"), "data-application=\"" + applicationId + "\"", "</li>");
        assertThat(home).as("home's next step at %s", status).contains(HtmlUtils.htmlEscape(nextStep));
    }

    String page(String user, String path) throws Exception {
        MvcResult result = mvc.perform(request(user, path)).andReturn();
        assertThat(result.getResponse().getStatus()).as("%s as %s", path, user).isEqualTo(200);
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    int status(String user, String path) throws Exception {
        return mvc.perform(request(user, path)).andReturn().getResponse().getStatus();
    }

    /** As the demo user with their real groups (their organisation and role), in English. */
    org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request(String userId, String path) {
        var request = get(path).locale(Locale.ENGLISH).header(HttpHeaders.ACCEPT_LANGUAGE, "en");
        if (userId == null) {
            return request.with(anonymous());
        }
        List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).map(SimpleGrantedAuthority::new).toList();
        return request.with(user(userId).authorities(groups));
    }

    String label(String key) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, null, Locale.ENGLISH));
    }

    /** The cells of a piece of page that name a challenge stage (any stage: a stale one shows up too). */
    List<String> stageCells(String html) {
        List<String> labels = Arrays.stream(ChallengeStage.values()).map(s -> label("challengeStatus." + s.name())).toList();
        List<String> found = new ArrayList<>();
        Matcher cell = Pattern.compile("<(?:td|dd)[^>]*>([^<]*)</(?:td|dd)>").matcher(html);
        while (cell.find()) {
            if (labels.contains(cell.group(1).trim())) {
                found.add(cell.group(1).trim());
            }
        }
        return found;
    }

    static String row(String html, String text) {
        Matcher row = Pattern.compile("(?s)<tr>((?:(?!</tr>).)*" + Pattern.quote(text) + "(?:(?!</tr>).)*)</tr>").matcher(html);
        assertThat(row.find()).as("a row with %s", text).isTrue();
        return row.group(1);
    }

    static String card(String html, UUID applicationId) {
        return between(html, "data-application=\"" + applicationId + "\"", "</article>");
    }

    static String between(String html, String from, String to) {
        int start = html.indexOf(from);
        assertThat(start).as("page has %s", from).isNotNegative();
        int end = html.indexOf(to, start);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    /** The timeline's events, in page order. */
    static List<String> timeOrder(String card) {
        List<String> events = new ArrayList<>();
        Matcher line = Pattern.compile("(?s)<li>.*?<span>([^<]+)</span></li>").matcher(between(card, "data-timeline", "</ol>"));
        while (line.find()) {
            events.add(HtmlUtils.htmlUnescape(line.group(1)));
        }
        return events;
    }

    UUID apply(String company, long budget, int trl) {
        return applications.submit(new Applications.Submission(challengeId, "company-" + company, company + " parking guidance",
                "Sensors and an app that use the open parking data.", BigDecimal.valueOf(budget), trl, true, "BE", 40, true, true));
    }

    void score(String member, UUID applicationId, long mark) {
        if (!driver.tasks(pi, USER_TASK_DECLARE_CONFLICT).stream().filter(t -> member.equals(t.getAssignee())).toList().isEmpty()) {
            driver.complete(driver.taskOf(pi, USER_TASK_DECLARE_CONFLICT, member), Map.of(CONFLICT_DECISION.name(), ConflictDecision.NONE.wire()), pi);
        }
        Task task = driver.tasks(pi, USER_TASK_SCORE_APPLICATION).stream()
                .filter(t -> member.equals(t.getAssignee())
                        && juryRecords.applicationScoredIn(t.getExecutionId()).orElseThrow().equals(applicationId))
                .findFirst().orElseThrow();
        Map<String, Object> marks = new HashMap<>();
        for (String criterion : Bylaws.CRITERIA) {
            marks.put(criterion, mark);
        }
        driver.complete(task, marks, pi);
    }
}
