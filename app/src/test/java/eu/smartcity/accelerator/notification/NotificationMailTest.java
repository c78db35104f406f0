package eu.smartcity.accelerator.notification;

import eu.smartcity.accelerator.workflow.ProcessVariables;
import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.workflow.ProcessVariables;
import com.icegreen.greenmail.util.GreenMail;
import eu.smartcity.accelerator.application.ApplicationProcess;
import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.support.TestMailServer;
import eu.smartcity.accelerator.workflow.TaskCompletions;
import eu.smartcity.accelerator.evaluation.EvaluationProcess;
import eu.smartcity.accelerator.pilot.PilotProcess;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every notification kind, triggered by a real process run, reaches the right people in their language
 * through a real SMTP server (GreenMail); an SMTP outage loses nothing, rolls back nothing and never
 * causes a duplicate.
 */
@AcceleratorTest
class NotificationMailTest {

    @RegisterExtension static final TestMailServer MAIL = new TestMailServer();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        MAIL.pointTheAppAt(registry);
    }

    @Autowired ProcessEngine engine;

    @Autowired TaskCompletions completions;
    @Autowired RuntimeService runtime;
    @Autowired IdentityService identity;
    @Autowired NotificationDispatcher dispatcher;
    @Autowired NotificationReminders reminders;
    @Autowired NotificationPreferences preferences;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired Applications applications;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired eu.smartcity.accelerator.notification.internal.Recipients recipients;
    @LocalServerPort int port;

    ProcessDriver driver;
    final List<String> languagesSet = new ArrayList<>();

    @BeforeEach
    void clean() throws Exception {
        driver = new ProcessDriver(engine, completions);
        // earlier test classes leave notifications behind (their processes ran too): send only ours
        jdbc.update("delete from notification");
        MAIL.smtp().purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void resetLanguagesAndPreferences() {
        languagesSet.forEach(user -> identity.deleteUserInfo(user, "language"));
        languagesSet.clear();
        jdbc.update("delete from notification_opt_out");
    }

    void language(String user, String language) {
        identity.setUserInfo(user, "language", language);
        languagesSet.add(user);
    }

    /** Runs the sending step now and returns the mails of this kind that arrived. */
    List<MimeMessage> deliver(NotificationKind kind) throws Exception {
        dispatcher.sendDue(Instant.now());
        return received(kind);
    }

    List<MimeMessage> received(NotificationKind kind) throws Exception {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage m : MAIL.smtp().getReceivedMessages()) {
            if (kind.name().equals(m.getHeader("X-Notification-Kind", null))) {
                mails.add(m);
            }
        }
        return mails;
    }

    static List<String> to(List<MimeMessage> mails) throws Exception {
        List<String> to = new ArrayList<>();
        for (MimeMessage m : mails) {
            Arrays.stream(m.getRecipients(Message.RecipientType.TO)).forEach(a -> to.add(a.toString()));
        }
        return to;
    }

    static String body(MimeMessage mail) throws Exception {
        return mail.getContent().toString();
    }

    static String email(String user) {
        return user + "@demo.smartcity.local";
    }

    // ---- application process --------------------------------------------------------------------

    ProcessInstance submitted(String company) {
        return runtime.startProcessInstanceByKey(ApplicationProcess.KEY, UUID.randomUUID().toString(),
                Map.of(ApplicationProcess.APPLICATION_ID.name(), UUID.randomUUID().toString(),
                        ApplicationProcess.CHALLENGE_ID.name(), UUID.randomUUID().toString(),
                        ApplicationProcess.COMPANY_GROUP.name(), "company-" + company));
    }

    /** As the portal moves an application on (Applications): the execution waiting at the state, signalled. */
    void moveOn(ProcessInstance instance, String waitState, Map<String, Object> variables) {
        runtime.signal(runtime.createExecutionQuery().processInstanceId(instance.getId()).activityId(waitState).singleResult().getId(), variables);
    }

    @Test
    void applicationReceivedGoesToTheCompanyInItsLanguage() throws Exception {
        language("parkflow", "fr");
        submitted("parkflow");

        List<MimeMessage> mails = deliver(NotificationKind.APPLICATION_RECEIVED);
        assertThat(to(mails)).containsExactly(email("parkflow"));
        assertThat(mails.get(0).getSubject()).startsWith("Candidature reçue");
        assertThat(mails.get(0).getHeader("Content-Language", null)).isEqualTo("fr");
        assertThat(body(mails.get(0))).contains("Bonjour Pierre", "/applications", "/account/notifications");
    }

    /**
     * A portal submission starts the application process without companyGroup and challengeId (issue 19, slice appvars):
     * the mail finds the company and the challenge's title from the application's row (the business key).
     */
    @Test
    void anApplicationStartedWithoutVariablesIsMailedFromItsRow() throws Exception {
        String title = "Quiet depots " + UUID.randomUUID();
        UUID application = applications.submit(new Applications.Submission(publishedChallenge(title), "company-parkflow",
                "Quiet forklifts", "Electric forklifts at night.", BigDecimal.valueOf(9_500), 7, true, "BE", 40, true, true));
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey(ApplicationProcess.KEY)
                .processInstanceBusinessKey(application.toString()).singleResult().getId();
        assertThat(runtime.getVariables(instance)).doesNotContainKeys(ApplicationProcess.COMPANY_GROUP.name(), ApplicationProcess.CHALLENGE_ID.name());

        List<MimeMessage> mails = deliver(NotificationKind.APPLICATION_RECEIVED);
        assertThat(to(mails)).containsExactly(email("parkflow"));
        assertThat(mails.get(0).getSubject()).isEqualTo("Application received: " + title);
    }

    @Test
    void eligibilityResultTellsEligibleAndIneligibleCompanies() throws Exception {
        language("urbansense", "nl");
        moveOn(submitted("urbansense"), ApplicationProcess.RECEIVE_AWAIT_ELIGIBILITY, ProcessVariables.of(ApplicationProcess.ELIGIBILITY.with(ApplicationProcess.Eligibility.ELIGIBLE)));
        moveOn(submitted("parkflow"), ApplicationProcess.RECEIVE_AWAIT_ELIGIBILITY, ProcessVariables.of(ApplicationProcess.ELIGIBILITY.with(ApplicationProcess.Eligibility.INELIGIBLE)));

        List<MimeMessage> mails = deliver(NotificationKind.ELIGIBILITY_RESULT);
        assertThat(to(mails)).containsExactlyInAnyOrder(email("urbansense"), email("parkflow"));
        for (MimeMessage mail : mails) {
            if (mail.getAllRecipients()[0].toString().equals(email("urbansense"))) {
                assertThat(mail.getSubject()).startsWith("Uw kandidatuur is ontvankelijk");
            } else {
                assertThat(mail.getSubject()).startsWith("Your application is not eligible");
            }
        }
    }

    @Test
    void selectionResultTellsSelectedAndNotSelectedCompanies() throws Exception {
        ProcessInstance winner = submitted("urbansense");
        ProcessInstance other = submitted("parkflow");
        moveOn(winner, ApplicationProcess.RECEIVE_AWAIT_ELIGIBILITY, ProcessVariables.of(ApplicationProcess.ELIGIBILITY.with(ApplicationProcess.Eligibility.ELIGIBLE)));
        moveOn(other, ApplicationProcess.RECEIVE_AWAIT_ELIGIBILITY, ProcessVariables.of(ApplicationProcess.ELIGIBILITY.with(ApplicationProcess.Eligibility.ELIGIBLE)));
        language("parkflow", "fr");
        moveOn(winner, ApplicationProcess.RECEIVE_UNDER_REVIEW, ProcessVariables.of(ApplicationProcess.SELECTION.with(ApplicationProcess.Selection.SELECTED)));
        moveOn(other, ApplicationProcess.RECEIVE_UNDER_REVIEW, ProcessVariables.of(ApplicationProcess.SELECTION.with(ApplicationProcess.Selection.NOT_SELECTED)));

        List<MimeMessage> mails = deliver(NotificationKind.SELECTION_RESULT);
        assertThat(to(mails)).containsExactlyInAnyOrder(email("urbansense"), email("parkflow"));
        for (MimeMessage mail : mails) {
            if (mail.getAllRecipients()[0].toString().equals(email("urbansense"))) {
                assertThat(mail.getSubject()).startsWith("Your application was selected");
            } else {
                assertThat(mail.getSubject()).startsWith("Votre candidature n'a pas été retenue");
            }
        }
    }

    // ---- challenge: jury ------------------------------------------------------------------------

    /** Launches a challenge titled {@code title} and approves it: its call is open. */
    UUID publishedChallenge(String title) {
        Cycles.CycleView cycle = cycles.open("Notification cycle", "scifi-2025");
        UUID challengeId = challenges.launch(cycle.id(), "city-mechelen", new Challenges.Definition(title,
                "Night buses wake people up; measure and reduce noise.", "Noise sensors (CSV)", new BigDecimal("10000"),
                "Complaints -30 %", "nl, en", 6));
        driver.complete(challenges.find(challengeId).orElseThrow().processInstanceId(), ChallengeProcess.USER_TASK_APPROVE_CHALLENGE,
                Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.APPROVE.wire()));
        return challengeId;
    }

    /** Launches a challenge titled {@code title} and runs it up to its three jury seats. */
    UUID challengeAtJuryStage(String title) {
        UUID challengeId = publishedChallenge(title);
        String pi = challenges.find(challengeId).orElseThrow().processInstanceId();
        applications.submit(new Applications.Submission(challengeId, "company-urbansense", "Quiet sensors",
                "Noise sensors on buses and stops.", BigDecimal.valueOf(9_500), 7, true, "BE", 40, true, true));
        driver.fireTimer(pi, ChallengeProcess.TIMER_CALL_WINDOW_OVER);
        assertThat(driver.tasks(pi, ChallengeProcess.USER_TASK_DECLARE_CONFLICT)).hasSize(3);
        return challengeId;
    }

    @Test
    void juryAssignmentGoesToEachJuryMemberInTheirLanguage() throws Exception {
        language("jury-ben", "nl");
        challengeAtJuryStage("Quiet night buses");

        List<MimeMessage> mails = deliver(NotificationKind.JURY_ASSIGNMENT);
        assertThat(to(mails)).containsExactlyInAnyOrder(email("jury-an"), email("jury-ben"), email("jury-chloe"));
        for (MimeMessage mail : mails) {
            String subject = mail.getSubject();
            if (mail.getAllRecipients()[0].toString().equals(email("jury-ben"))) {
                assertThat(subject).isEqualTo("U zetelt in de jury: Quiet night buses");
            } else {
                assertThat(subject).isEqualTo("You are on the jury: Quiet night buses");
            }
        }
        // the applicant was told too, along the way
        assertThat(to(received(NotificationKind.APPLICATION_RECEIVED))).containsExactly(email("urbansense"));
        assertThat(to(received(NotificationKind.ELIGIBILITY_RESULT))).containsExactly(email("urbansense"));
    }

    @Test
    void juryReminderOnceWhenTheJuryTaskIsDueSoon() throws Exception {
        String title = "Quiet trams " + UUID.randomUUID().toString().substring(0, 8);
        challengeAtJuryStage(title);
        assertThat(reminders.remindJury(Instant.now())).as("jury window is weeks away").isZero();

        // (jury tasks that earlier tests left open are reminded too: count only this challenge's)
        Instant nearDeadline = Instant.now().plus(Duration.ofDays(365));
        assertThat(reminders.remindJury(nearDeadline)).isGreaterThanOrEqualTo(3);
        assertThat(reminders.remindJury(nearDeadline)).as("one reminder per task, never two").isZero();

        jdbc.update("delete from notification where subject not like ?", "%" + title + "%");
        List<MimeMessage> mails = deliver(NotificationKind.JURY_REMINDER);
        assertThat(to(mails)).containsExactlyInAnyOrder(email("jury-an"), email("jury-ben"), email("jury-chloe"));
        assertThat(body(mails.get(0))).contains("Declare conflicts of interest", title);
    }

    // ---- contract --------------------------------------------------------------------------------

    /** The process tests' delivery variables, with Delft and ParkFlow as the parties (of a real case) and one milestone. */
    Map<String, Object> delivery() {
        Map<String, Object> v = eu.smartcity.accelerator.support.ContractCase.of(context, "city-delft", "company-parkflow").delivery();
        v.put(ChallengeProcess.MILESTONE_COUNT.name(), 1);
        return v;
    }

    ProcessInstance start(String key) {
        ProcessInstance instance = runtime.startProcessInstanceByKey(key, UUID.randomUUID().toString(), delivery());
        driver.runAsyncJobs(instance.getId());
        return instance;
    }

    ProcessInstance contractSignedByCompany() throws Exception {
        ProcessInstance contract = start(ContractProcess.KEY);
        driver.complete(contract.getId(), ContractProcess.USER_TASK_REVIEW_DRAFT, ProcessVariables.of(ContractProcess.DRAFT_DECISION.with(ContractProcess.DraftDecision.AGREE)));
        driver.complete(contract.getId(), ContractProcess.USER_TASK_CHECK_COMPLIANCE, ProcessVariables.of(ContractProcess.COMPLIANCE_DECISION.with(ContractProcess.ComplianceDecision.COMPLIES)));
        assertThat(to(deliver(NotificationKind.CONTRACT_READY_TO_SIGN))).containsExactly(email("parkflow"));
        driver.complete(contract.getId(), ContractProcess.USER_TASK_SIGN_AS_COMPANY, ProcessVariables.of(ContractProcess.COMPANY_SIGNS.with(true)));
        return contract;
    }

    @Test
    void contractReadyToSignGoesToTheCompanyThenToTheCity() throws Exception {
        language("officer-delft", "nl");
        contractSignedByCompany();

        List<MimeMessage> mails = deliver(NotificationKind.CONTRACT_READY_TO_SIGN);
        assertThat(to(mails)).containsExactly(email("parkflow"), email("officer-delft"));
        assertThat(mails.get(1).getSubject()).startsWith("Contract klaar om te ondertekenen");
    }

    @Test
    void contractSignedGoesToBothParties() throws Exception {
        ProcessInstance contract = contractSignedByCompany();
        driver.complete(contract.getId(), ContractProcess.USER_TASK_SIGN_AS_CITY, ProcessVariables.of(ContractProcess.CITY_DECISION.with(ContractProcess.CityDecision.SIGN)));
        driver.runAsyncJobs(contract.getId());

        List<MimeMessage> mails = deliver(NotificationKind.CONTRACT_SIGNED);
        assertThat(to(mails)).containsExactlyInAnyOrder(email("parkflow"), email("officer-delft"));
        assertThat(received(NotificationKind.CONTRACT_DECLINED)).isEmpty();
    }

    @Test
    void contractDeclinedGoesToBothPartiesWithTheReason() throws Exception {
        language("parkflow", "fr");
        ProcessInstance contract = contractSignedByCompany();
        driver.complete(contract.getId(), ContractProcess.USER_TASK_SIGN_AS_CITY,
                ProcessVariables.of(ContractProcess.CITY_DECISION.with(ContractProcess.CityDecision.DECLINE), ContractProcess.DECLINE_REASON.with("No council approval")));

        List<MimeMessage> mails = deliver(NotificationKind.CONTRACT_DECLINED);
        assertThat(to(mails)).containsExactlyInAnyOrder(email("parkflow"), email("officer-delft"));
        for (MimeMessage mail : mails) {
            assertThat(body(mail)).contains("No council approval");
            if (mail.getAllRecipients()[0].toString().equals(email("parkflow"))) {
                assertThat(mail.getSubject()).startsWith("Contrat refusé");
            }
        }
    }

    // ---- pilot and evaluation --------------------------------------------------------------------

    ProcessInstance pilotAwaitingReport() {
        ProcessInstance pilot = start(PilotProcess.KEY);
        driver.complete(pilot.getId(), PilotProcess.USER_TASK_KICK_OFF, ProcessVariables.of(PilotProcess.KICKOFF_NOTES.with("Agreed")));
        driver.complete(pilot.getId(), PilotProcess.USER_TASK_CHECK_INFRASTRUCTURE,
                ProcessVariables.of(PilotProcess.CONNECTIVITY.with(PilotProcess.Answer.YES), PilotProcess.POWER.with(PilotProcess.Answer.YES), PilotProcess.SIM_NETWORK.with(PilotProcess.Answer.YES), PilotProcess.DATA_ACCESS.with(PilotProcess.Answer.YES)));
        return pilot;
    }

    @Test
    void milestoneReminderGoesToTheCompany() throws Exception {
        language("parkflow", "nl");
        ProcessInstance pilot = pilotAwaitingReport();
        driver.fireTimer(pilot.getId(), PilotProcess.BOUNDARY_REMINDER);

        List<MimeMessage> mails = deliver(NotificationKind.MILESTONE_REMINDER);
        assertThat(to(mails)).containsExactly(email("parkflow"));
        assertThat(mails.get(0).getSubject()).startsWith("Herinnering: voortgangsrapport");
    }

    @Test
    void milestoneOverdueGoesToTheCompany() throws Exception {
        ProcessInstance pilot = pilotAwaitingReport();
        driver.fireTimer(pilot.getId(), PilotProcess.BOUNDARY_OVERDUE);

        List<MimeMessage> mails = deliver(NotificationKind.MILESTONE_OVERDUE);
        assertThat(to(mails)).containsExactly(email("parkflow"));
        assertThat(mails.get(0).getSubject()).startsWith("Milestone report overdue");
    }

    @Test
    void evaluationRequestGoesToTheCity() throws Exception {
        language("officer-delft", "fr");
        start(EvaluationProcess.KEY);

        List<MimeMessage> mails = deliver(NotificationKind.EVALUATION_REQUEST);
        assertThat(to(mails)).containsExactly(email("officer-delft"));
        assertThat(mails.get(0).getSubject()).startsWith("Merci d'évaluer le pilote");
    }

    // ---- preferences -----------------------------------------------------------------------------

    @Test
    void anOptionalNotificationSwitchedOffIsNotSentButAMandatoryOneIs() throws Exception {
        preferences.choose("parkflow", java.util.Set.of());
        assertThat(preferences.wanted("parkflow")).doesNotContain(NotificationKind.APPLICATION_RECEIVED)
                .contains(NotificationKind.ELIGIBILITY_RESULT);
        moveOn(submitted("parkflow"), ApplicationProcess.RECEIVE_AWAIT_ELIGIBILITY, ProcessVariables.of(ApplicationProcess.ELIGIBILITY.with(ApplicationProcess.Eligibility.INELIGIBLE)));

        dispatcher.sendDue(Instant.now());
        assertThat(received(NotificationKind.APPLICATION_RECEIVED)).isEmpty();
        assertThat(to(received(NotificationKind.ELIGIBILITY_RESULT))).containsExactly(email("parkflow"));
    }

    @Test
    void eachUserChoosesTheirOptionalNotificationsOnThePortal() {
        PortalClient client = new PortalClient(port);
        assertThat(client.login("urbansense", "demo").headers().firstValue("Location").orElse("")).doesNotContain("error");
        HttpResponse<String> page = client.get("/account/notifications");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Milestone report reminder", "Contract ready to sign");

        HttpResponse<String> saved = client.postForm("/account/notifications", "/account/notifications",
                "kind", "JURY_REMINDER", "kind", "CONTRACT_SIGNED");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(preferences.wanted("urbansense"))
                .contains(NotificationKind.JURY_REMINDER, NotificationKind.CONTRACT_SIGNED, NotificationKind.CONTRACT_READY_TO_SIGN)
                .doesNotContain(NotificationKind.APPLICATION_RECEIVED, NotificationKind.MILESTONE_REMINDER);
        assertThat(preferences.wanted("parkflow")).as("another user's choice is untouched").contains(NotificationKind.MILESTONE_REMINDER);
        assertThat(client.get("/account/notifications").body()).contains("Your choice was saved.");
    }

    // ---- outage, retries, duplicates -------------------------------------------------------------

    @Test
    void anSmtpOutageLosesNothingRollsBackNothingAndNeverSendsTwice() throws Exception {
        MAIL.stop();
        ProcessInstance application;
        try {
            application = submitted("urbansense");
            moveOn(application, ApplicationProcess.RECEIVE_AWAIT_ELIGIBILITY, ProcessVariables.of(ApplicationProcess.ELIGIBILITY.with(ApplicationProcess.Eligibility.ELIGIBLE)));
            // the business steps committed although no mail could be sent
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(application.getId()).singleResult()).isNotNull();
            assertThat(driver.family(application.getId())).isNotEmpty();
            assertThat(runtime.getActivityInstance(application.getId()).getChildActivityInstances()[0].getActivityId())
                    .isEqualTo(ApplicationProcess.RECEIVE_UNDER_REVIEW);

            assertThat(dispatcher.sendDue(Instant.now())).isZero();
            assertThat(jdbc.queryForList("select attempts from notification", Integer.class))
                    .as("a run stops at its first failure").containsExactlyInAnyOrder(0, 1);
            assertThat(dispatcher.sendDue(Instant.now())).isZero();
            assertThat(jdbc.queryForList("select status from notification", String.class)).containsOnly("PENDING").hasSize(2);
            assertThat(jdbc.queryForList("select attempts from notification", Integer.class)).containsOnly(1);
            assertThat(jdbc.queryForList("select last_error from notification", String.class)).allMatch(e -> e != null && !e.isBlank());
        } finally {
            MAIL.start();
        }
        assertThat(dispatcher.sendDue(Instant.now())).as("the retry waits for its back-off").isZero();

        Instant later = Instant.now().plus(Duration.ofMinutes(2));
        assertThat(dispatcher.sendDue(later)).isEqualTo(2);
        assertThat(received(NotificationKind.APPLICATION_RECEIVED)).hasSize(1);
        assertThat(received(NotificationKind.ELIGIBILITY_RESULT)).hasSize(1);
        assertThat(jdbc.queryForList("select status from notification", String.class)).containsOnly("SENT");

        // further retries and a duplicate run of the sending step send nothing again
        assertThat(dispatcher.sendDue(later.plus(Duration.ofHours(1)))).isZero();
        assertThat(dispatcher.sendDue(later.plus(Duration.ofDays(1)))).isZero();
        assertThat(MAIL.smtp().getReceivedMessages()).hasSize(2);

        MimeMessage mail = received(NotificationKind.APPLICATION_RECEIVED).get(0);
        String id = jdbc.queryForObject("select id from notification where kind = 'APPLICATION_RECEIVED'", String.class);
        assertThat(mail.getMessageID()).isEqualTo("<notification-" + id + "@smartcity.local>");
    }

    @Test
    void twoSendersAtOnceSendEachMailExactlyOnce() throws Exception {
        for (int i = 0; i < 5; i++) {
            submitted("parkflow");
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> sender = () -> dispatcher.sendDue(Instant.now());
            List<Future<Integer>> results = pool.invokeAll(List.of(sender, sender, sender));
            int sent = 0;
            for (Future<Integer> r : results) {
                sent += r.get();
            }
            assertThat(sent).isEqualTo(5);
        } finally {
            pool.shutdown();
        }
        assertThat(received(NotificationKind.APPLICATION_RECEIVED)).hasSize(5);
        assertThat(MAIL.smtp().getReceivedMessages()).hasSize(5);
    }
    @Test
    void aSenderThatDiedAfterClaimingIsTakenOverWhenItsLeaseRunsOut() throws Exception {
        submitted("parkflow");
        Instant now = Instant.now();
        // a node claimed the mail and died before sending it
        jdbc.update("update notification set status = 'SENDING', attempts = 1, locked_until = ?",
                java.sql.Timestamp.from(now.plus(Duration.ofMinutes(5))));
        assertThat(dispatcher.sendDue(now)).as("still leased to the dead node").isZero();
        assertThat(dispatcher.sendDue(now.plus(Duration.ofMinutes(6)))).isEqualTo(1);
        assertThat(MAIL.smtp().getReceivedMessages()).hasSize(1);
        assertThat(jdbc.queryForObject("select attempts from notification", Integer.class)).isEqualTo(2);
    }

    @Test
    void aMailThatKeepsFailingEndsAsFailedAndIsNotSentLater() throws Exception {
        MAIL.stop();
        Instant at;
        try {
            submitted("parkflow");
            at = Instant.now();
            for (int attempt = 1; attempt <= 12; attempt++) {
                assertThat(dispatcher.sendDue(at)).isZero();
                at = at.plus(Duration.ofHours(7));
            }
            assertThat(jdbc.queryForObject("select status from notification", String.class)).isEqualTo("FAILED");
            assertThat(jdbc.queryForObject("select attempts from notification", Integer.class)).isEqualTo(12);
        } finally {
            MAIL.start();
        }
        assertThat(dispatcher.sendDue(at.plus(Duration.ofDays(1)))).isZero();
        assertThat(MAIL.smtp().getReceivedMessages()).isEmpty();

        // a coordinator sees it given up, with the SMTP error in words (the raw error stays in the log), and sends it again
        String id = jdbc.queryForObject("select id from notification", String.class);
        PortalClient coordinator = new PortalClient(port);
        assertThat(coordinator.login("coordinator", "demo").headers().firstValue("Location").orElse("")).doesNotContain("error");
        String page = coordinator.get("/coordinator/notifications").body();
        assertThat(page).contains("Application received (confirmation)", "parkflow", "Given up (1)",
                "The mail server could not be reached").doesNotContain("Connection refused");
        PortalClient company = new PortalClient(port);
        company.login("urbansense", "demo");
        assertThat(company.get("/coordinator/notifications").statusCode()).as("coordinators only").isEqualTo(403);

        // a mail cannot be called back: the first click only asks, on the mail's row
        assertThat(coordinator.postForm("/coordinator/notifications", "/coordinator/notifications/" + id + "/retry")
                .statusCode()).isEqualTo(302);
        assertThat(coordinator.get("/coordinator/notifications").body()).contains("data-confirmation").contains("cannot be called back");
        assertThat(dispatcher.sendDue(Instant.now())).isZero();
        assertThat(coordinator.postForm("/coordinator/notifications", "/coordinator/notifications/" + id + "/retry", "confirmed", "true")
                .statusCode()).isEqualTo(302);
        assertThat(dispatcher.sendDue(Instant.now())).isEqualTo(1);
        assertThat(to(received(NotificationKind.APPLICATION_RECEIVED))).containsExactly(email("parkflow"));
        assertThat(coordinator.get("/coordinator/notifications").body()).contains("Every mail was delivered");
    }

    @Test
    void recipientsAreFoundEvenWhenTheActingUserMayNotReadThem() {
        identity.setAuthentication("parkflow", List.of("companies", "company-parkflow"));
        try {
            assertThat(identity.createUserQuery().memberOfGroup("city-delft").count())
                    .as("a company may not read the city's users").isZero();
            assertThat(recipients.ofGroup("city-delft")).extracting(r -> r.userId()).containsExactly("officer-delft");
            assertThat(identity.createUserQuery().memberOfGroup("city-delft").count())
                    .as("authorization checks are back on afterwards").isZero();
        } finally {
            identity.clearAuthentication();
        }
    }
}
