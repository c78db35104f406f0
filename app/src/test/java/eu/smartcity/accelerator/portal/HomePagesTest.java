package eu.smartcity.accelerator.portal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Bylaws;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.identity.Organisations;
import eu.smartcity.accelerator.notification.NotificationDispatcher;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import eu.smartcity.accelerator.workflow.TaskCompletions;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The home page of each role, through HTTP as a browser sends it: a visitor sees the open calls (city by name,
 * deadline with a countdown, budget cap), the marketplace search and the outcome link; after login each role sees
 * its next steps, and only its own organisation's. Every test works in a cycle of its own (the H2 test database
 * is kept between runs), and tells its records apart by random titles.
 */
@AcceleratorTest
class HomePagesTest {

    @LocalServerPort int port;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired Applications applications;
    @Autowired Organisations organisations;
    @Autowired NotificationDispatcher mail;
    @Autowired ProcessEngine engine;
    @Autowired TaskCompletions completions;

    ProcessDriver driver;
    TaskService tasks;
    UUID cycleId;
    String cycleName;
    String suffix;

    @BeforeEach
    void openCycle() {
        driver = new ProcessDriver(engine, completions);
        tasks = engine.getTaskService();
        suffix = UUID.randomUUID().toString().substring(0, 8);
        cycleName = "Home " + suffix;
        cycleId = cycles.open(cycleName, "scifi-2025").id();
    }

    @Test
    void aVisitorSeesOpenCallsWithCityDeadlineCountdownAndBudgetTheSearchAndTheOutcomeLinkButNoDraft() {
        UUID open = publish("city-bruges", "Cycle lanes " + suffix, "9876");
        UUID draft = challenges.launch(cycleId, "city-bruges", definition("Draft lanes " + suffix, "9000"));

        Instant closes = challenges.find(open).orElseThrow().callClosesAt();
        long days = Duration.between(Instant.now(), closes).toDays();
        String page = new PortalClient(port).speaking("en").get("/").body();
        String call = element(page, "article", "data-call=\"" + open + "\"");
        NumberFormat euro = NumberFormat.getCurrencyInstance(Locale.ENGLISH);
        euro.setCurrency(Currency.getInstance("EUR"));
        assertThat(call).contains("Cycle lanes " + suffix, "<strong>" + organisations.nameOf("city-bruges") + "</strong>",
                "Budget up to " + euro.format(new BigDecimal("9876")), "<time datetime=\"")
                .containsAnyOf("Closes in " + days + " days", "Closes in " + (days - 1) + " days")
                .doesNotContain("city-bruges");
        assertThat(page).doesNotContain("Draft lanes " + suffix)
                .contains("href=\"/outcomes\"").contains("action=\"/marketplace\"").contains("name=\"q\"")
                .doesNotContain("data-section=\"next\"").doesNotContain("??");
        assertThat(challenges.find(draft)).isPresent();

        String dutch = new PortalClient(port).speaking("nl").get("/").body();
        assertThat(element(dutch, "article", "data-call=\"" + open + "\"")).contains("Sluit over").contains("Budget tot");
        assertThat(new PortalClient(port).speaking("fr").get("/").body()).contains("Appels ouverts").doesNotContain("??");
    }

    @Test
    void aCompanySeesItsApplicationsWithTheirNextStepAndNotAnotherCompanys() {
        UUID open = publish("city-delft", "Night buses " + suffix, "9000");
        UUID mine = apply(open, "urbansense", "Urban buses " + suffix);
        apply(open, "parkflow", "Parkflow buses " + suffix);

        String home = as("urbansense").get("/").body();
        String line = element(home, "li", "data-application=\"" + mine + "\"");
        assertThat(line).contains("Night buses " + suffix, organisations.nameOf("city-delft"), "Urban buses " + suffix, "Submitted",
                "Nothing to do until the call closes on", "Until then you may withdraw.");
        assertThat(home).contains("data-section=\"applications\"").doesNotContain("Parkflow buses " + suffix)
                .doesNotContain("data-section=\"city\"").doesNotContain("data-section=\"coordinator\"");
        assertThat(as("parkflow").get("/").body()).contains("Parkflow buses " + suffix).doesNotContain("Urban buses " + suffix);
    }

    @Test
    void aCitySeesItsChallengesByStageAndItsTasksAndNotAnotherCitys() {
        String published = "Bruges open " + suffix;
        publish("city-bruges", published, "9000");
        String sentBack = "Bruges revise " + suffix;
        UUID revise = challenges.launch(cycleId, "city-bruges", definition(sentBack, "9000"));
        driver.complete(processOf(revise), ChallengeProcess.USER_TASK_APPROVE_CHALLENGE,
                Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.SEND_BACK.wire(), ChallengeProcess.REMARKS.name(), "Add the KPIs"));
        String waiting = "Delft waiting " + suffix;
        challenges.launch(cycleId, "city-delft", definition(waiting, "9000"));

        String home = as("officer-bruges").get("/").body();
        String city = element(home, "section", "data-section=\"city\"");
        assertThat(city).contains("Call open (", "Sent back for revision (", published, sentBack).doesNotContain(waiting);
        assertThat(city.indexOf("Sent back for revision")).as("stages in the order a challenge goes").isLessThan(city.indexOf("Call open"));
        // the revision is the city's task, linked from the home page
        Task task = driver.task(processOf(revise), ChallengeProcess.USER_TASK_REVISE_CHALLENGE);
        assertThat(element(home, "section", "data-section=\"tasks\"")).contains("/tasks/" + task.getId());

        String delft = as("officer-delft").get("/").body();
        assertThat(delft).contains(waiting).doesNotContain(sentBack).doesNotContain("/tasks/" + task.getId());
    }

    @Test
    void aJurorSeesTheirScoringProgressAndDeadlineAndAnotherJurorOnlyTheirOwnSeat() {
        UUID open = publish("city-mechelen", "Quiet streets " + suffix, "9000");
        String pi = processOf(open);
        List<UUID> applied = List.of(apply(open, "urbansense", "A " + suffix), apply(open, "parkflow", "B " + suffix),
                apply(open, "greengrid", "C " + suffix));
        driver.fireTimer(pi, ChallengeProcess.TIMER_CALL_WINDOW_OVER);
        driver.complete(driver.taskOf(pi, ChallengeProcess.USER_TASK_DECLARE_CONFLICT, "jury-an"),
                Map.of(ChallengeProcess.CONFLICT_DECISION.name(), ChallengeProcess.ConflictDecision.NONE.wire()), pi);
        List<Task> toScore = driver.tasks(pi, ChallengeProcess.USER_TASK_SCORE_APPLICATION).stream()
                .filter(t -> "jury-an".equals(t.getAssignee())).toList();
        assertThat(toScore).hasSize(applied.size());
        int scored = 2;
        for (Task t : toScore.subList(0, scored)) {
            driver.complete(t, sevens(), pi);
        }

        String an = as("jury-an").get("/").body();
        String seat = element(an, "li", "data-jury-challenge=\"" + open + "\"");
        assertThat(seat).contains("Quiet streets " + suffix, scored + " of " + applied.size() + " scored", "<progress", "score by ");
        // jury-ben has not declared yet: his seat says so, and shows nothing of jury-an's progress
        String ben = element(as("jury-ben").get("/").body(), "li", "data-jury-challenge=\"" + open + "\"");
        assertThat(ben).contains("declare any conflict of interest first").doesNotContain("scored");
        assertThat(as("urbansense").get("/").body()).doesNotContain("data-section=\"jury\"");
    }

    @Test
    void theCoordinatorSeesOverdueTasksIncidentsUndeliveredMailTheWeeksDeadlinesAndTheStageChart() {
        UUID overdueChallenge = challenges.launch(cycleId, "city-delft", definition("Overdue approval " + suffix, "9000"));
        Task overdue = driver.task(processOf(overdueChallenge), ChallengeProcess.USER_TASK_APPROVE_CHALLENGE);
        overdue.setDueDate(Date.from(Instant.now().minus(Duration.ofDays(3))));
        tasks.saveTask(overdue);
        UUID soonChallenge = challenges.launch(cycleId, "city-bruges", definition("Soon approval " + suffix, "9000"));
        Task soon = driver.task(processOf(soonChallenge), ChallengeProcess.USER_TASK_APPROVE_CHALLENGE);
        soon.setDueDate(Date.from(Instant.now().plus(Duration.ofDays(2))));
        tasks.saveTask(soon);
        publish("city-mechelen", "Open in chart " + suffix, "9000");
        Incident incident = engine.getRuntimeService().createIncident("home-page-test", processOf(soonChallenge), "a test incident");
        try {
            // what the page must show, counted from the engine and the mail table now
            Instant now = Instant.now();
            long overdueCount = tasks.createTaskQuery().active().dueBefore(Date.from(now)).count();
            long incidentCount = engine.getRuntimeService().createIncidentQuery().count();
            long undelivered = mail.undeliveredCounts().failing();
            assertThat(overdueCount).isPositive();
            assertThat(incidentCount).isPositive();

            String home = as("coordinator").speaking("en").get("/").body();
            String glance = element(home, "section", "data-section=\"coordinator\"");
            assertThat(count(glance, "overdue")).isEqualTo(overdueCount);
            assertThat(count(glance, "incidents")).isEqualTo(incidentCount);
            assertThat(count(glance, "undelivered")).isEqualTo(undelivered);
            assertThat(glance).contains("href=\"/coordinator/notifications\"").contains("<svg")
                    .contains("<title id=\"stages-" + cycleId + "-title\">Challenges per stage, cycle " + cycleName + "</title>")
                    .contains("Waiting for approval: 2; Call open: 1.");
            // the overdue approval is the coordinator's task, marked and first
            String myTasks = element(home, "section", "data-section=\"tasks\"");
            assertThat(myTasks).contains("data-overdue=\"true\"").contains("Overdue — was due");

            String dashboard = as("coordinator").get("/coordinator").body();
            assertThat(dashboard).contains("#/?task=" + soon.getId()).contains("Deadlines in the next 7 days")
                    .contains("<svg").contains("aria-labelledby=\"stages-" + cycleId + "-title stages-" + cycleId + "-desc\"");
            assertThat(as("officer-delft").get("/").body()).doesNotContain("data-section=\"coordinator\"");
        } finally {
            engine.getRuntimeService().resolveIncident(incident.getId());
        }
    }

    // ---- helpers ----

    UUID publish(String city, String title, String budget) {
        UUID id = challenges.launch(cycleId, city, definition(title, budget));
        driver.complete(processOf(id), ChallengeProcess.USER_TASK_APPROVE_CHALLENGE,
                Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.APPROVE.wire()));
        driver.runAsyncJobs(processOf(id));
        return id;
    }

    static Challenges.Definition definition(String title, String budget) {
        return new Challenges.Definition(title, "A problem worth solving here.", "Traffic counts", new BigDecimal(budget),
                "Fewer cars", "nl, en", 5);
    }

    UUID apply(UUID challenge, String company, String solution) {
        return applications.submit(new Applications.Submission(challenge, "company-" + company, solution, "Sensors and open data",
                new BigDecimal("8000"), 7, true, "BE", 12, true, true));
    }

    String processOf(UUID challenge) {
        return challenges.find(challenge).orElseThrow().processInstanceId();
    }

    static Map<String, Object> sevens() {
        Map<String, Object> scores = new HashMap<>();
        Bylaws.CRITERIA.forEach(criterion -> scores.put(criterion, 7L));
        return scores;
    }

    PortalClient as(String user) {
        PortalClient client = new PortalClient(port);
        HttpResponse<String> login = client.login(user, "demo");
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    /** The element (by tag) that carries this attribute, up to its closing tag (no nesting of the same tag inside). */
    static String element(String html, String tag, String attribute) {
        int at = html.indexOf(attribute);
        assertThat(at).as("an element with " + attribute).isNotNegative();
        int start = html.lastIndexOf("<" + tag, at);
        int end = html.indexOf("</" + tag + ">", at);
        return html.substring(start, end);
    }

    static long count(String html, String name) {
        Matcher m = Pattern.compile("data-count=\"" + name + "\">([0-9.,\\s]+)<").matcher(html);
        assertThat(m.find()).as("count " + name).isTrue();
        return Long.parseLong(m.group(1).replaceAll("[^0-9]", ""));
    }
}
