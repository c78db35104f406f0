package eu.smartcity.accelerator.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.privacy.internal.ErasureRequests;
import eu.smartcity.accelerator.privacy.internal.ErasureRequests.Request;
import eu.smartcity.accelerator.privacy.internal.ErasureRequests.Status;
import eu.smartcity.accelerator.privacy.ErasureRequestProcess;
import eu.smartcity.accelerator.privacy.ErasureRequestProcess.ErasureDecision;
import eu.smartcity.accelerator.privacy.ErasureRequestProcess.RefusalGround;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import eu.smartcity.accelerator.support.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A person's data page, their export and their erasure request through the real process, engine and SMTP server:
 * receipt, the coordinators' decision (refused with a ground, then granted), the confirmation before the erasure,
 * and a request that no longer names the person once they are erased.
 */
@AcceleratorTest
class PersonalDataErasureProcessTest {

    @RegisterExtension static final TestMailServer MAIL = new TestMailServer();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        MAIL.pointTheAppAt(registry);
    }

    @LocalServerPort int port;
    @Autowired ErasureRequests requests;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired JdbcTemplate jdbc;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String userId = "privacy-req-" + suffix;
    final String email = userId + "@example.org";

    @BeforeEach
    void person() throws Exception {
        MAIL.smtp().purgeEmailFromAllMailboxes();
        User user = identity.newUser(userId);
        user.setFirstName("Hildegard");
        user.setLastName("Vanoverbeke");
        user.setEmail(email);
        user.setPassword("correct horse battery");
        identity.saveUser(user);
        identity.createMembership(userId, "jury");
        identity.setUserInfo(userId, "language", "nl");
    }

    /** The test users are company contacts or jurors: left behind they would join other tests' juries and mail lists. */
    @org.junit.jupiter.api.AfterEach
    void forgetTestUsers() {
        identity.createUserQuery().list().stream().map(org.camunda.bpm.engine.identity.User::getId)
                .filter(id -> id.startsWith("privacy-req-")).forEach(identity::deleteUser);
    }

    @Test
    void thePersonSeesWhatWeHoldAndDownloadsItAsOneArchive() throws Exception {
        PortalClient client = new PortalClient(port);
        client.login(userId, "correct horse battery");
        HttpResponse<String> page = client.get("/account/data");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Uw gegevens").contains("Accountgegevens").contains("href=\"/account/data/export\"");

        HttpResponse<byte[]> zip = client.getBytes("/account/data/export");
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
        List<String> names = new ArrayList<>();
        String json = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
                if (entry.getName().equals("data.json")) {
                    json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(names).first().isEqualTo("data.json");
        assertThat(json).contains("\"account\"").contains("\"userId\" : \"" + userId + "\"").contains(email)
                .contains("\"jury\"").contains("\"language\" : \"nl\"");
    }

    @Test
    void aRefusalIsMailedWithItsGroundAndAGrantedRequestIsConfirmedThenCarriedOut() throws Exception {
        PortalClient client = new PortalClient(port);
        client.login(userId, "correct horse battery");
        HttpResponse<String> asked = client.postForm("/account/data/erasure", "/account/data/erasure", "reason", "Ik ben van job veranderd");
        assertThat(asked.statusCode()).isIn(200, 302, 303);
        Request first = requests.openFor(userId).orElseThrow();
        assertThat(first.dueAt()).isBetween(Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(31)));
        assertThat(requests.request(userId, null)).as("one open request at a time").hasValue("privacy.erasure.error.pending");

        runJob(first, ErasureRequestProcess.SEND_TASK_RECEIPT);
        assertThat(onlyMail().getSubject()).isEqualTo("We hebben uw verzoek om te wissen ontvangen");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(processId(first)).list())
                .as("nothing about the person in the process").noneMatch(v -> String.valueOf(v.getValue()).contains(userId));

        PortalClient coordinator = new PortalClient(port);
        coordinator.login("coordinator", "demo");
        HttpResponse<String> list = coordinator.get("/coordinator/erasure-requests");
        assertThat(list.body()).contains(first.id().toString().substring(0, 8)).contains("Hildegard Vanoverbeke").contains("Ik ben van job veranderd")
                .as("roles by their names, not group ids").contains("Jury member");
        // the same decision from the task list: the task page shows whose request it is, and to coordinators only
        String taskId = requests.task(first.id()).orElseThrow().getId();
        assertThat(coordinator.get("/tasks/" + taskId).body()).contains("Hildegard Vanoverbeke").contains(email)
                .contains("Ik ben van job veranderd").contains("href=\"/coordinator/erasure-requests\"");
        PortalClient officer = new PortalClient(port);
        officer.login("officer-delft", "demo");
        assertThat(officer.get("/tasks/" + taskId).statusCode()).isEqualTo(404);
        assertThat(requests.decide(first.id(), "coordinator", ErasureDecision.REFUSE, null, null)).hasValue("privacy.requests.error.ground");
        assertThat(requests.decide(first.id(), "coordinator", ErasureDecision.REFUSE, RefusalGround.LEGAL_CLAIMS,
                "Er loopt een geschil over uw contract.")).isEmpty();
        runJob(first, ErasureRequestProcess.SEND_TASK_REFUSAL);
        String refusal = body(onlyMail());
        assertThat(refusal).contains("rechtsvordering").contains("Er loopt een geschil over uw contract.");
        Request refused = requests.get(first.id()).orElseThrow();
        assertThat(refused.status()).isEqualTo(Status.REFUSED);
        assertThat(refused.decidedBy()).isEqualTo("coordinator");
        assertThat(refused.refusalGround()).isEqualTo(RefusalGround.LEGAL_CLAIMS);

        assertThat(requests.request(userId, "Toch graag")).isEmpty();
        Request second = requests.openFor(userId).orElseThrow();
        runJob(second, ErasureRequestProcess.SEND_TASK_RECEIPT);
        assertThat(onlyMail().getSubject()).isEqualTo("We hebben uw verzoek om te wissen ontvangen");
        coordinator.postForm("/coordinator/erasure-requests", "/coordinator/erasure-requests/" + second.id(), "decision", "ERASE");
        assertThat(requests.get(second.id()).orElseThrow().status()).isEqualTo(Status.ERASING);
        runJob(second, ErasureRequestProcess.SEND_TASK_CONFIRM);
        assertThat(onlyMail().getSubject()).isEqualTo("Uw persoonsgegevens worden gewist");
        runJob(second, ErasureRequestProcess.SERVICE_TASK_ERASE);

        Request erased = requests.get(second.id()).orElseThrow();
        assertThat(erased.status()).isEqualTo(Status.ERASED);
        assertThat(erased.userId()).isNull();
        assertThat(erased.reason()).isNull();
        Map<String, Object> record = jdbc.queryForMap("SELECT * FROM erasure_record WHERE id = ?", jdbc.queryForObject(
                "SELECT erasure_record_id FROM erasure_request WHERE id = ?", UUID.class, second.id()));
        assertThat(record.get("decided_by")).isEqualTo("coordinator");
        assertThat(record.toString()).doesNotContain(userId);
        assertThat(jdbc.queryForList("SELECT * FROM erasure_request WHERE id = ?", second.id()).toString()).doesNotContain(userId);
    }

    @Test
    void aDecisionNotTakenWithinTheMonthAlertsTheCoordinatorsAndTheRequestStaysOpen() {
        assertThat(requests.request(userId, null)).isEmpty();
        Request request = requests.openFor(userId).orElseThrow();
        runJob(request, ErasureRequestProcess.SEND_TASK_RECEIPT);
        Job timer = management.createJobQuery().processInstanceId(processId(request)).timers().singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(request.dueAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        management.executeJob(timer.getId());
        runJob(request, ErasureRequestProcess.SEND_TASK_ALERT_COORDINATORS);
        assertThat(requests.task(request.id())).as("still waiting for the decision").isPresent();
    }

    private String processId(Request request) {
        return jdbc.queryForObject("SELECT process_instance_id FROM erasure_request WHERE id = ?", String.class, request.id());
    }

    private void runJob(Request request, String activityId) {
        Job job = management.createJobQuery().processInstanceId(processId(request)).activityId(activityId).singleResult();
        assertThat(job).as("job of " + activityId).isNotNull();
        management.executeJob(job.getId());
    }

    private MimeMessage onlyMail() throws Exception {
        MimeMessage[] mails = Arrays.stream(MAIL.smtp().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(email));
            } catch (Exception e) {
                return false;
            }
        }).toArray(MimeMessage[]::new);
        assertThat(mails).hasSize(1);
        MAIL.smtp().purgeEmailFromAllMailboxes();
        return mails[0];
    }

    private static String body(MimeMessage mail) throws Exception {
        return String.valueOf(mail.getContent());
    }
}
