package eu.smartcity.accelerator.challenge;

import static eu.smartcity.accelerator.challenge.ChallengeProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.smartcity.accelerator.application.ApplicationDrafts;
import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.notification.NotificationDispatcher;
import eu.smartcity.accelerator.notification.NotificationKind;
import eu.smartcity.accelerator.opendata.OcdsPublisher;
import eu.smartcity.accelerator.shared.RuleViolationException;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.TestMailServer;
import eu.smartcity.accelerator.workflow.TaskCompletions;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Call windows on the real engine: the stored opening and closing dates drive the timers (their due dates equal
 * the stored dates exactly), the bylaws' bounds refuse what they must, an extension moves the timer and mails
 * applicants and draft-holders (real outbox, real SMTP), an early closing starts the selection.
 */
@AcceleratorTest
class CallWindowTest {

    @RegisterExtension static final TestMailServer MAIL = new TestMailServer();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        MAIL.pointTheAppAt(registry);
    }

    @Autowired ProcessEngine engine;
    @Autowired TaskCompletions completions;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired Applications applications;
    @Autowired ApplicationDrafts drafts;
    @Autowired NotificationDispatcher dispatcher;
    @Autowired OcdsPublisher ocds;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    ProcessDriver driver;
    Cycles.CycleView cycle;
    final List<String> languagesSet = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        driver = new ProcessDriver(engine, completions);
        cycle = cycles.open("Windows cycle", "scifi-2025");
        jdbc.update("delete from notification");
        MAIL.smtp().purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void resetLanguages() {
        languagesSet.forEach(user -> identity.deleteUserInfo(user, "language"));
        languagesSet.clear();
    }

    UUID launch(String title, Instant opens, Instant closes) {
        return challenges.launch(cycle.id(), "city-mechelen", new Challenges.Definition(title,
                "Buses run empty at night; tell people where the next one is with open data.", "GTFS feed",
                new BigDecimal("9000"), "Night ridership +15 %", "nl, en", 6), new Challenges.CallWindow(opens, closes));
    }

    String pi(UUID challengeId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(challengeId.toString())
                .processDefinitionKey(KEY).singleResult().getId();
    }

    void approve(UUID challengeId) {
        driver.complete(pi(challengeId), USER_TASK_APPROVE_CHALLENGE, Map.of(CHALLENGE_DECISION.name(), ChallengeDecision.APPROVE.wire()));
    }

    Job timer(UUID challengeId, String activityId) {
        return management.createJobQuery().processInstanceId(pi(challengeId)).timers().activityId(activityId).singleResult();
    }

    static Instant inDays(long days) {
        return Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.MINUTES);
    }

    JsonNode tenderPeriod(UUID challengeId) throws Exception {
        String release = jdbc.queryForObject("select release_json from ocds_release where ocid = ? and tag = 'tender'"
                + " order by release_id desc limit 1", String.class, ocds.ocidFor(challengeId.toString()));
        return json.readTree(release).path("tender").path("tenderPeriod");
    }

    @Test
    void aFutureOpeningDateKeepsTheCallClosedUntilItsTimerFires() throws Exception {
        Instant opens = inDays(3);
        Instant closes = opens.plus(Duration.ofDays(30));
        UUID id = launch("Night buses " + UUID.randomUUID(), opens, closes);
        approve(id);

        Challenges.ChallengeView approved = challenges.find(id).orElseThrow();
        assertThat(approved.stage()).isEqualTo(ChallengeStage.APPROVED);
        assertThat(approved.acceptsApplications(Instant.now())).isFalse();
        assertThat(approved.callClosesAt()).as("not public before it opens").isNull();
        assertThat(timer(id, TIMER_CALL_OPENS).getDuedate().toInstant()).isEqualTo(opens);
        assertThat(timer(id, TIMER_CALL_WINDOW_OVER)).isNull();

        driver.fireTimer(pi(id), TIMER_CALL_OPENS);

        Challenges.ChallengeView open = challenges.find(id).orElseThrow();
        assertThat(open.stage()).isEqualTo(ChallengeStage.PUBLISHED);
        assertThat(open.callClosesAt()).isEqualTo(closes);
        assertThat(timer(id, TIMER_CALL_WINDOW_OVER).getDuedate().toInstant()).as("closes at the stored date exactly")
                .isEqualTo(closes);
        assertThat(tenderPeriod(id).path("endDate").asText()).isEqualTo(closes.toString());
        assertThat(tenderPeriod(id).path("startDate").asText()).isNotBlank();
    }

    @Test
    void aFixedClosingDateIsTheTimersDueDateExactly() throws Exception {
        Instant closes = inDays(40).plusSeconds(17 * 3600);
        UUID id = launch("Bike counters " + UUID.randomUUID(), null, closes);
        approve(id);

        Challenges.ChallengeView open = challenges.find(id).orElseThrow();
        assertThat(open.stage()).isEqualTo(ChallengeStage.PUBLISHED);
        assertThat(open.callClosesAt()).isEqualTo(closes);
        assertThat(timer(id, TIMER_CALL_WINDOW_OVER).getDuedate().toInstant()).isEqualTo(closes);
        assertThat(runtime.getVariable(pi(id), CALL_CLOSING_DATE.name())).isEqualTo(java.util.Date.from(closes));
        Challenges.CallWindow window = challenges.callWindow(id);
        assertThat(window.closesAt()).isEqualTo(closes);
        assertThat(tenderPeriod(id).path("startDate").asText()).isEqualTo(window.opensAt().toString());
        assertThat(tenderPeriod(id).path("endDate").asText()).isEqualTo(closes.toString());
    }

    @Test
    void withoutDatesTheCallOpensAtApprovalForTheBylawsCallWindow() {
        UUID id = launch("Default window " + UUID.randomUUID(), null, null);
        approve(id);
        Challenges.CallWindow window = challenges.callWindow(id);
        assertThat(Duration.between(window.opensAt(), window.closesAt())).isEqualTo(Duration.ofDays(45)); // scifi-2025
        assertThat(timer(id, TIMER_CALL_WINDOW_OVER).getDuedate().toInstant()).isEqualTo(window.closesAt());
    }

    @Test
    void theCoordinatorMayAmendTheProposedDatesWithinTheBounds() {
        UUID id = launch("Amended " + UUID.randomUUID(), null, inDays(30));
        Instant amended = inDays(60);
        driver.complete(pi(id), USER_TASK_APPROVE_CHALLENGE, Map.of(CHALLENGE_DECISION.name(), ChallengeDecision.APPROVE.wire(),
                CALL_CLOSES_AT.name(), CallDates.local(amended)));
        assertThat(challenges.find(id).orElseThrow().callClosesAt()).isEqualTo(amended);
        assertThat(timer(id, TIMER_CALL_WINDOW_OVER).getDuedate().toInstant()).isEqualTo(amended);
    }

    @Test
    void datesOutsideTheBylawsAreRefusedWithTheirMessages() {
        assertThatThrownBy(() -> launch("Too short", null, inDays(5)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo(CALL_CLOSES_AT.name());
                    assertThat(e.messageKey()).isEqualTo("challenge.error.callWindowLength");
                    assertThat(e.args()).containsExactly(14L, 120L);
                });
        assertThatThrownBy(() -> launch("Too long", inDays(1), inDays(200)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("challenge.error.callWindowLength"));
        assertThatThrownBy(() -> launch("Past", Instant.now().minus(Duration.ofDays(2)), inDays(30)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo(CALL_OPENS_AT.name());
                    assertThat(e.messageKey()).isEqualTo("challenge.error.callOpensAtPast");
                });
        assertThatThrownBy(() -> launch("Backwards", inDays(30), inDays(20)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("challenge.error.callClosesBeforeOpening"));
        // an amendment in the approval task is checked as well: the task stays open
        UUID id = launch("Amended too far " + UUID.randomUUID(), null, null);
        assertThatThrownBy(() -> driver.complete(pi(id), USER_TASK_APPROVE_CHALLENGE, Map.of(CHALLENGE_DECISION.name(), ChallengeDecision.APPROVE.wire(),
                CALL_CLOSES_AT.name(), CallDates.local(inDays(150))))).hasRootCauseInstanceOf(RuleViolationException.class);
        assertThat(driver.task(pi(id), USER_TASK_APPROVE_CHALLENGE)).isNotNull();
        assertThat(challenges.find(id).orElseThrow().stage()).isEqualTo(ChallengeStage.SUBMITTED);
    }

    @Test
    void anExtensionMovesTheTimerAndTellsApplicantsAndDraftHoldersInTheirLanguage() throws Exception {
        Instant closes = inDays(30);
        UUID id = launch("Noise map " + UUID.randomUUID(), null, closes);
        approve(id);
        applications.submit(new Applications.Submission(id, "company-urbansense", "Quiet sensors",
                "Noise sensors on buses and stops.", BigDecimal.valueOf(8_500), 7, true, "BE", 40, true, true));
        drafts.save(new ApplicationDrafts.Draft(id, "company-parkflow", "Half-written", null, null, null, true, null, null,
                true, false, null), "parkflow");
        language("parkflow", "fr");
        jdbc.update("delete from notification"); // the application's receipt is not what this test is about

        assertThatThrownBy(() -> challenges.extendCall(id, closes.minus(Duration.ofDays(1)), "Earlier?", "coordinator"))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("challenge.error.extendNotLater"));
        assertThatThrownBy(() -> challenges.extendCall(id, inDays(130), "Far too long", "coordinator"))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("challenge.error.extendBeyondMax"));
        assertThatThrownBy(() -> challenges.extendCall(id, inDays(50), "  ", "coordinator"))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("challenge.error.windowReason"));

        Instant later = inDays(50);
        challenges.extendCall(id, later, "Data portal was down for a week", "coordinator");

        assertThat(challenges.find(id).orElseThrow().callClosesAt()).isEqualTo(later);
        assertThat(timer(id, TIMER_CALL_WINDOW_OVER).getDuedate().toInstant()).isEqualTo(later);
        assertThat(tenderPeriod(id).path("endDate").asText()).isEqualTo(later.toString());
        assertThat(challenges.callWindowChanges(id)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Challenges.CallWindowChange.Kind.EXTENDED);
            assertThat(c.closesBefore()).isEqualTo(closes);
            assertThat(c.closesAfter()).isEqualTo(later);
            assertThat(c.changedBy()).isEqualTo("coordinator");
            assertThat(c.reason()).isEqualTo("Data portal was down for a week");
        });

        dispatcher.sendDue(Instant.now());
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage m : MAIL.smtp().getReceivedMessages()) {
            if (NotificationKind.CALL_EXTENDED.name().equals(m.getHeader("X-Notification-Kind", null))) {
                mails.add(m);
            }
        }
        List<String> to = new ArrayList<>();
        for (MimeMessage m : mails) {
            to.add(m.getAllRecipients()[0].toString());
        }
        assertThat(to).containsExactlyInAnyOrder("urbansense@demo.smartcity.local", "parkflow@demo.smartcity.local");
        for (MimeMessage m : mails) {
            String body = m.getContent().toString();
            assertThat(body).contains("Data portal was down for a week", "/challenges/" + id);
            if (m.getAllRecipients()[0].toString().startsWith("parkflow")) {
                assertThat(m.getSubject()).startsWith("L’appel a été prolongé");
                assertThat(body).contains("Motif : Data portal");
            } else {
                assertThat(m.getSubject()).startsWith("The call was extended");
                assertThat(body).contains("Reason: Data portal");
            }
        }
    }

    @Test
    void closingEarlyStartsTheSelectionAsAtTheDeadlineAndTellsApplicantsAndDraftHolders() throws Exception {
        UUID id = launch("Early close " + UUID.randomUUID(), null, inDays(30));
        approve(id);
        applications.submit(new Applications.Submission(id, "company-urbansense", "Quiet sensors",
                "Noise sensors on buses and stops.", BigDecimal.valueOf(8_500), 7, true, "BE", 40, true, true));
        drafts.save(new ApplicationDrafts.Draft(id, "company-parkflow", "Half-written", null, null, null, true, null, null,
                true, false, null), "parkflow");
        language("parkflow", "fr");
        jdbc.update("delete from notification"); // the application's receipt is not what this test is about

        assertThatThrownBy(() -> challenges.closeCallEarly(id, "", "coordinator"))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("challenge.error.windowReason"));
        Instant before = Instant.now();
        challenges.closeCallEarly(id, "The city council cancelled the budget line", "coordinator");
        assertThat(challenges.find(id).orElseThrow().acceptsApplications(Instant.now())).as("closed at once").isFalse();
        driver.runAsyncJobs(pi(id));

        Challenges.ChallengeView closed = challenges.find(id).orElseThrow();
        assertThat(closed.stage()).isEqualTo(ChallengeStage.SELECTION);
        assertThat(closed.callClosesAt()).isBetween(before, Instant.now());
        assertThat(driver.tasks(pi(id), USER_TASK_DECLARE_CONFLICT)).isNotEmpty();
        assertThat(challenges.callWindowChanges(id)).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(Challenges.CallWindowChange.Kind.CLOSED_EARLY));
        assertThatThrownBy(() -> challenges.closeCallEarly(id, "Again", "coordinator"))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("challenge.error.callNotOpen"));

        // the applicant and the draft-holder (who can no longer submit) hear of it, each in their language, with the reason
        dispatcher.sendDue(Instant.now());
        Map<String, MimeMessage> byRecipient = new java.util.HashMap<>();
        for (MimeMessage m : MAIL.smtp().getReceivedMessages()) {
            if (NotificationKind.CALL_CLOSED_EARLY.name().equals(m.getHeader("X-Notification-Kind", null))) {
                byRecipient.put(m.getAllRecipients()[0].toString(), m);
            }
        }
        assertThat(byRecipient).containsOnlyKeys("urbansense@demo.smartcity.local", "parkflow@demo.smartcity.local");
        assertThat(byRecipient.get("parkflow@demo.smartcity.local").getSubject()).startsWith("L’appel a été clôturé plus tôt");
        assertThat(byRecipient.get("parkflow@demo.smartcity.local").getContent().toString())
                .contains("Motif : The city council cancelled the budget line", "un brouillon ne peut plus être envoyé");
        assertThat(byRecipient.get("urbansense@demo.smartcity.local").getSubject()).startsWith("The call was closed early");
    }

    void language(String user, String language) {
        identity.setUserInfo(user, "language", language);
        languagesSet.add(user);
    }
}
