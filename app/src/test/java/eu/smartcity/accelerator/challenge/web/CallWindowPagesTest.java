package eu.smartcity.accelerator.challenge.web;

import static eu.smartcity.accelerator.challenge.ChallengeProcess.BUDGET_CAP;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.CYCLE_ID;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.KPIS;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.LANGUAGES;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.MIN_TRL;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.OPEN_DATASETS;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.PROBLEM;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.challenge.CallDates;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.ChallengeStage;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import eu.smartcity.accelerator.workflow.TaskCompletions;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The call window in the portal: the city proposes dates (errors next to the fields, in the user's language);
 * the public page shows them; a coordinator extends (with a confirmation step) or closes early, and the history
 * shows it; nobody else sees the actions.
 */
@AcceleratorTest
class CallWindowPagesTest {

    @LocalServerPort int port;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired ProcessEngine engine;
    @Autowired TaskCompletions completions;
    @Autowired org.camunda.bpm.engine.IdentityService identity;

    String cycleId;
    ProcessDriver driver;

    @BeforeEach
    void openCycle() {
        driver = new ProcessDriver(engine, completions);
        cycleId = cycles.open("Window pages " + UUID.randomUUID(), "scifi-2025").id().toString();
    }

    PortalClient as(String user) {
        PortalClient client = new PortalClient(port);
        assertThat(client.login(user, "demo").headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    HttpResponse<String> define(PortalClient city, String title, String opens, String closes) {
        return city.postForm("/city/challenges/new", "/city/challenges/new", CYCLE_ID.name(), cycleId, TITLE.name(), title,
                PROBLEM.name(), "Night-time noise from delivery traffic in the centre.", OPEN_DATASETS.name(), "Noise sensors (API)",
                BUDGET_CAP.name(), "9000", KPIS.name(), "Complaints -30 %", LANGUAGES.name(), "nl", MIN_TRL.name(), "6",
                ChallengeProcess.CALL_OPENS_AT.name(), opens, ChallengeProcess.CALL_CLOSES_AT.name(), closes);
    }

    static String local(Instant instant) {
        return CallDates.local(instant);
    }

    static Instant inDays(long days) {
        return Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.MINUTES);
    }

    @Test
    void theCityProposesDatesAndBadOnesComeBackNextToTheirFieldsInItsLanguage() {
        // the officer's language saved on the account (as the language switch does), forgotten afterwards
        identity.setUserInfo("officer-delft", "language", "nl");
        try {
            cityProposes();
        } finally {
            identity.deleteUserInfo("officer-delft", "language");
        }
    }

    void cityProposes() {
        PortalClient delft = as("officer-delft");
        assertThat(delft.get("/city/challenges/new").body()).contains("name=\"callOpensAt\"", "name=\"callClosesAt\"",
                "type=\"datetime-local\"");

        String tooShort = local(inDays(5));
        HttpResponse<String> refused = define(delft, "Quiet streets " + UUID.randomUUID(), "", tooShort);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"callClosesAt-error\"", "minstens 14 en hoogstens 120 dagen")
                .contains("value=\"" + tooShort + "\"");

        HttpResponse<String> unreadable = define(delft, "Quiet streets " + UUID.randomUUID(), "tomorrow", "");
        assertThat(unreadable.body()).contains("id=\"callOpensAt-error\"", "Vul een datum en tijd in");

        String title = "Quiet streets " + UUID.randomUUID();
        Instant closes = inDays(40);
        HttpResponse<String> defined = define(delft, title, "", local(closes));
        assertThat(defined.statusCode()).isEqualTo(302);
        UUID id = challenges.ofCity("city-delft").stream().filter(c -> c.title().equals(title)).findFirst().orElseThrow().id();
        assertThat(challenges.proposedWindow(id).closesAt()).isEqualTo(closes);

        // the coordinator's approval task is pre-filled with the proposal
        PortalClient coordinator = as("coordinator");
        String task = driver.task(challenges.find(id).orElseThrow().processInstanceId(),
                ChallengeProcess.USER_TASK_APPROVE_CHALLENGE).getId();
        String taskPage = coordinator.get("/tasks/" + task).body();
        assertThat(taskPage).contains("value=\"" + local(closes) + "\"").contains("data-call-window-bounds");
        // the subject says what the city proposed, not the bylaws' default window it replaces
        assertThat(between(taskPage, "data-proposed-window", "</dd>")).contains("Opens when the programme office approves")
                .contains("closes on ").contains("as the city proposed").doesNotContain("days from publication");
        // an amendment beyond the bylaws comes back next to its field; the task stays open
        HttpResponse<String> tooLong = coordinator.postForm("/tasks/" + task, "/tasks/" + task,
                ChallengeProcess.CALL_OPENS_AT.name(), "", ChallengeProcess.CALL_CLOSES_AT.name(), local(inDays(150)), ChallengeProcess.CHALLENGE_DECISION.name(), "approve", ChallengeProcess.REMARKS.name(), "");
        assertThat(tooLong.statusCode()).isEqualTo(200);
        assertThat(tooLong.body()).contains("id=\"f-callClosesAt-error\"", "at least 14 and at most 120 days");
        assertThat(challenges.find(id).orElseThrow().status()).isEqualTo("SUBMITTED");
    }

    @Test
    void aCoordinatorExtendsWithAConfirmationAndThePublicPageShowsTheNewDateAndTheHistory() {
        Instant closes = inDays(30);
        UUID id = challenges.launch(UUID.fromString(cycleId), "city-mechelen", new Challenges.Definition(
                "Parking guidance " + UUID.randomUUID(), "Drivers circle; guide them with open parking data.", "Parking API",
                new BigDecimal("9000"), "Search time -20 %", "nl", 6), new Challenges.CallWindow(null, closes));
        driver.complete(challenges.find(id).orElseThrow().processInstanceId(), ChallengeProcess.USER_TASK_APPROVE_CHALLENGE,
                Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.APPROVE.wire()));
        String page = "/challenges/" + id;

        String anonymous = new PortalClient(port).get(page).body();
        assertThat(anonymous).contains("data-call-closes", "data-call-opens").doesNotContain("data-extend-call", "data-close-call");
        assertThat(as("urbansense").get(page).body()).doesNotContain("data-extend-call");

        PortalClient coordinator = as("coordinator");
        assertThat(coordinator.get(page).body()).contains("data-extend-call", "data-close-call");
        String action = "/coordinator/challenges/" + id + "/extend";

        HttpResponse<String> noReason = coordinator.postForm(page, action, "newClosesAt", local(inDays(50)), "reason", "");
        assertThat(noReason.body()).contains("id=\"reason-error\"", "Give a reason");
        HttpResponse<String> earlier = coordinator.postForm(page, action, "newClosesAt", local(inDays(10)), "reason", "Why not");
        assertThat(earlier.body()).contains("id=\"newClosesAt-error\"", "must be later than the current one");
        HttpResponse<String> tooLate = coordinator.postForm(page, action, "newClosesAt", local(inDays(130)), "reason", "Why not");
        assertThat(tooLate.body()).contains("id=\"newClosesAt-error\"", "at most 120 days");

        Instant later = inDays(50);
        HttpResponse<String> confirm = coordinator.postForm(page, action, "newClosesAt", local(later), "reason", "Portal outage");
        assertThat(confirm.body()).contains("data-confirmation", "Please confirm", "Portal outage");
        assertThat(challenges.find(id).orElseThrow().callClosesAt()).as("nothing changes before confirming").isEqualTo(closes);

        HttpResponse<String> done = coordinator.postForm(page, action, "newClosesAt", local(later), "reason", "Portal outage",
                "confirmed", "true");
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(challenges.find(id).orElseThrow().callClosesAt()).isEqualTo(later);

        String after = new PortalClient(port).get(page).body();
        assertThat(after).contains("data-window-changes", "Reason: Portal outage").doesNotContain("By: coordinator");
        assertThat(coordinator.get(page).body()).contains("By: coordinator");
        assertThat(new PortalClient(port).get("/api/challenges/" + id).body())
                .contains("\"callClosesAt\":\"" + later + "\"", "\"callOpensAt\":\"");
    }

    @Test
    void aCoordinatorClosesACallEarlyAndTheSelectionStarts() {
        UUID id = challenges.launch(UUID.fromString(cycleId), "city-mechelen", new Challenges.Definition(
                "Bins " + UUID.randomUUID(), "Bins overflow; tell the crews which are full.", "Fill sensors",
                new BigDecimal("9000"), "Overflows -50 %", "nl", 6));
        String pi = challenges.find(id).orElseThrow().processInstanceId();
        driver.complete(pi, ChallengeProcess.USER_TASK_APPROVE_CHALLENGE,
                Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.APPROVE.wire()));
        String page = "/challenges/" + id;
        String action = "/coordinator/challenges/" + id + "/close-early";
        PortalClient coordinator = as("coordinator");

        assertThat(coordinator.postForm(page, action, "reason", " ").body()).contains("id=\"closeReason-error\"");
        assertThat(coordinator.postForm(page, action, "reason", "Budget withdrawn").body()).contains("data-confirmation");
        HttpResponse<String> done = coordinator.postForm(page, action, "reason", "Budget withdrawn", "confirmed", "true");
        assertThat(done.statusCode()).isEqualTo(302);
        driver.runAsyncJobs(pi);

        Challenges.ChallengeView closed = challenges.find(id).orElseThrow();
        assertThat(closed.stage()).isIn(ChallengeStage.SELECTION, ChallengeStage.NO_APPLICATIONS);
        assertThat(coordinator.get(page).body()).contains("closed early", "Budget withdrawn").doesNotContain("data-close-call");
    }

    static String between(String html, String from, String to) {
        int start = html.indexOf(from);
        assertThat(start).as("%s in page", from).isNotNegative();
        int end = html.indexOf(to, start);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    /** Issue 23: a coordinator withdraws a challenge from its page, with a reason and a confirmation; nobody else can. */
    @Test
    void aCoordinatorWithdrawsAChallengeWithAReasonAndAConfirmation() {
        UUID id = challenges.launch(UUID.fromString(cycleId), "city-mechelen", new Challenges.Definition(
                "Bike counters " + UUID.randomUUID(), "Count bikes at the main junctions, openly.", "Bike counts (CSV)",
                new BigDecimal("9000"), "Counted junctions 20", "nl", 6), new Challenges.CallWindow(null, inDays(30)));
        driver.complete(challenges.find(id).orElseThrow().processInstanceId(), ChallengeProcess.USER_TASK_APPROVE_CHALLENGE,
                Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.APPROVE.wire()));
        String page = "/challenges/" + id;
        assertThat(as("urbansense").get(page).body()).doesNotContain("data-withdraw");
        PortalClient coordinator = as("coordinator");
        assertThat(coordinator.get(page).body()).contains("data-withdraw");
        String form = "/coordinator/challenges/" + id + "/withdraw";

        HttpResponse<String> noReason = coordinator.postForm(form, form, "reason", " ");
        assertThat(noReason.body()).contains("id=\"reason-error\"");
        HttpResponse<String> asked = coordinator.postForm(form, form, "reason", "The council cut the budget");
        assertThat(asked.body()).contains("data-confirmation", "The council cut the budget");
        assertThat(challenges.find(id).orElseThrow().stage()).isEqualTo(ChallengeStage.PUBLISHED);

        HttpResponse<String> done = coordinator.postForm(form, form, "reason", "The council cut the budget", "confirmed", "true");
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(challenges.find(id).orElseThrow().stage()).isEqualTo(ChallengeStage.WITHDRAWN);
        assertThat(coordinator.get(page).body()).doesNotContain("data-withdraw");
        assertThat(coordinator.get(form).statusCode()).isEqualTo(409);
    }
}
