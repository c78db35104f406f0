package eu.smartcity.accelerator.application.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.attachments.HostilePdfs;
import eu.smartcity.accelerator.attachments.PdfInspector;
import eu.smartcity.accelerator.attachments.RejectedUploadException;
import eu.smartcity.accelerator.attachments.TestPdfs;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import eu.smartcity.accelerator.support.PortalClient.FilePart;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hostile uploads through the real apply form: every file of the corpus gets its own reason in the applicant's
 * language and leaves nothing stored; twenty of them at once leave the service answering.
 */
@AcceleratorTest
@ExtendWith(OutputCaptureExtension.class)
class HostileUploadsTest {

    @LocalServerPort int port;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired Applications applications;
    @Autowired ProcessEngine engine;
    @Autowired MessageSource messages;
    @Autowired JdbcTemplate jdbc;
    @Autowired PdfInspector inspector;

    UUID challengeId;
    String applyPage;

    @BeforeEach
    void publishedChallenge() {
        UUID cycle = cycles.open("Hostile uploads cycle " + UUID.randomUUID(), "scifi-2025").id();
        challengeId = challenges.launch(cycle, "city-delft", new Challenges.Definition("Bridge sensors " + UUID.randomUUID(),
                "Measure the load on city bridges continuously.", "Strain gauges", new BigDecimal("9000"), "Hourly data", "nl", 5));
        ProcessDriver driver = new ProcessDriver(engine);
        String pi = challenges.find(challengeId).orElseThrow().processInstanceId();
        driver.complete(pi, ChallengeProcess.USER_TASK_APPROVE_CHALLENGE, Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.APPROVE.wire()));
        driver.runAsyncJobs(pi);
        applyPage = "/challenges/" + challengeId + "/apply";
    }

    PortalClient as(String user) {
        PortalClient client = new PortalClient(port);
        assertThat(client.login(user, "demo").headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    HttpResponse<String> apply(PortalClient company, List<FilePart> files) {
        return company.postMultipart(applyPage, applyPage, files, "solutionTitle", "Bridge load monitoring", "pitch", "Sensors",
                "requestedBudget", "8000", "trl", "7", "country", "NL", "employees", "9", "legalEntity", "true",
                "interoperable", "true", "declarationsSigned", "true");
    }

    /** The message as the page shows it (Thymeleaf escapes markup characters only). */
    String shown(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }

    long storedAttachments() {
        return jdbc.queryForObject("select count(*) from attachment", Long.class);
    }

    List<Applications.ApplicationView> applicationsTo(String company) {
        return applications.ofCompany(company).stream().filter(a -> a.challengeId().equals(challengeId)).toList();
    }

    @Test
    void everyHostileFileIsRefusedWithItsReasonAndNothingIsStored() {
        PortalClient greengrid = as("greengrid");
        long attachmentsBefore = storedAttachments();
        for (Map.Entry<String, HostilePdfs.Hostile> entry : HostilePdfs.corpus().entrySet()) {
            HostilePdfs.Hostile hostile = entry.getValue();
            // a good file beside the hostile one: it must not be stored either
            HttpResponse<String> refused = apply(greengrid, List.of(
                    new FilePart("attachments", "offer.pdf", "application/pdf", TestPdfs.plain(1)),
                    new FilePart("attachments", hostile.fileName(), "application/pdf", hostile.content())));
            assertThat(refused.statusCode()).as(entry.getKey()).isEqualTo(200);
            // the reason with its arguments (file name, limit or kind), as the inspector gives them for this file alone
            RejectedUploadException reason = catchThrowableOfType(RejectedUploadException.class,
                    () -> inspector.inspect(hostile.fileName(), hostile.content()));
            assertThat(reason.code()).as(entry.getKey()).isEqualTo(hostile.code());
            assertThat(refused.body()).as(entry.getKey()).contains("<small id=\"attachments-error\" class=\"field-error\">"
                    + shown(hostile.code(), Locale.ENGLISH, reason.args()) + " " + shown("upload.chooseAgain", Locale.ENGLISH) + "</small>");
            assertThat(refused.body()).as(entry.getKey()).contains("value=\"Bridge load monitoring\"").doesNotContain("Exception");
            assertThat(applicationsTo("company-greengrid")).as(entry.getKey()).isEmpty();
            assertThat(storedAttachments()).as(entry.getKey()).isEqualTo(attachmentsBefore);
        }
    }

    @Test
    void theRefusalNamesTheLimitInTheApplicantsLanguage() {
        PortalClient parkflow = as("parkflow");
        String empty = shown("upload.empty", Locale.ENGLISH, "blank.pdf");
        assertThat(apply(parkflow, List.of(new FilePart("attachments", "blank.pdf", "application/pdf", new byte[0]))).body())
                .contains(empty);
        List<FilePart> bomb = List.of(new FilePart("attachments", "offer.pdf", "application/pdf", HostilePdfs.pageContentBomb()));
        // the sentences themselves, not only the bundles read back: a language missing the key (English shown) fails here
        long ratio = inspector.limits().maxRatio();
        Map<String, String> sentence = Map.of(
                "en", "The file offer.pdf contains data that expands more than " + ratio + " times when opened",
                "nl", "Het bestand offer.pdf bevat gegevens die bij het openen meer dan " + ratio + " keer groter worden",
                "fr", "Le fichier offer.pdf contient des données qui grossissent plus de " + ratio + " fois à l&#39;ouverture");
        // the browser's language (parkflow saved none with its account): nothing is changed for other tests
        for (Locale language : List.of(Locale.ENGLISH, Locale.forLanguageTag("nl"), Locale.FRENCH)) {
            String expected = shown("upload.streamRatio", language, "offer.pdf", ratio) + " " + shown("upload.chooseAgain", language);
            String body = apply(parkflow.speaking(language.getLanguage()), bomb).body();
            assertThat(body).as(language.toString()).contains(expected).contains(sentence.get(language.getLanguage()));
            if (!language.equals(Locale.ENGLISH)) {
                assertThat(body).as(language.toString()).doesNotContain(sentence.get("en"));
            }
        }
        assertThat(applicationsTo("company-parkflow")).isEmpty();
    }

    @Test
    void twentyHostileUploadsAtOnceLeaveTheServiceAnswering(CapturedOutput output) throws Exception {
        List<byte[]> hostile = List.of(HostilePdfs.objectStreamBomb(), HostilePdfs.pageContentBomb(), HostilePdfs.highRatioStream(),
                HostilePdfs.objectStreamBomb());
        String[] companies = {"greengrid", "urbansense", "parkflow"};
        List<PortalClient> clients = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            clients.add(as(companies[i % companies.length]));
        }
        long attachmentsBefore = storedAttachments();
        HttpClient health = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<Long> healthMillis = new CopyOnWriteArrayList<>();
        List<String> healthFailures = new CopyOnWriteArrayList<>();
        AtomicBoolean uploading = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(21);
        try {
            Future<?> poller = pool.submit(() -> {
                while (uploading.get()) {
                    long started = System.nanoTime();
                    try {
                        HttpResponse<String> answer = health.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() != 200 || !answer.body().contains("UP")) {
                            healthFailures.add(answer.statusCode() + " " + answer.body());
                        }
                    } catch (Exception noAnswer) {
                        healthFailures.add(noAnswer.toString());
                    }
                    healthMillis.add((System.nanoTime() - started) / 1_000_000);
                    Thread.sleep(100);
                }
                return null;
            });
            List<Future<HttpResponse<String>>> uploads = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                PortalClient client = clients.get(i);
                byte[] file = hostile.get(i % hostile.size());
                uploads.add(pool.submit(() -> apply(client, List.of(new FilePart("attachments", "offer.pdf", "application/pdf", file)))));
            }
            int inspected = 0;
            for (Future<HttpResponse<String>> upload : uploads) {
                HttpResponse<String> answer = upload.get(120, TimeUnit.SECONDS);
                if (answer.statusCode() == 503) {
                    // on a loaded machine a submission may wait longer than its turn allows (tests: 1 s): the form comes
                    // back to be sent again, nothing inspected or stored (SubmissionAdmission) — an answer, not a failure
                    assertThat(answer.body()).contains(shown("apply.busy", Locale.ENGLISH));
                    continue;
                }
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.body()).contains("id=\"attachments-error\"").containsAnyOf(
                        shown("upload.streamTooLarge", Locale.ENGLISH, "offer.pdf", 16L),
                        shown("upload.streamRatio", Locale.ENGLISH, "offer.pdf", inspector.limits().maxRatio()),
                        shown("upload.busy", Locale.ENGLISH, "offer.pdf"));
                inspected++;
            }
            assertThat(inspected).as("uploads that had their turn (several run at once)").isPositive();
            uploading.set(false);
            poller.get(30, TimeUnit.SECONDS);
        } finally {
            uploading.set(false);
            pool.shutdownNow();
        }
        System.out.printf("Health during 20 hostile uploads: %d checks, slowest %d ms%n", healthMillis.size(),
                healthMillis.stream().mapToLong(Long::longValue).max().orElse(-1));
        assertThat(healthFailures).isEmpty();
        assertThat(healthMillis).isNotEmpty().allSatisfy(millis -> assertThat(millis).isLessThan(10_000));
        assertThat(output.getAll()).doesNotContain("OutOfMemoryError");
        assertThat(storedAttachments()).isEqualTo(attachmentsBefore);
        for (String company : companies) {
            assertThat(applicationsTo("company-" + company)).isEmpty();
        }
    }
}
