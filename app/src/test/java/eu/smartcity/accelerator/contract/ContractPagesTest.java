package eu.smartcity.accelerator.contract;

import eu.smartcity.accelerator.workflow.ProcessVariables;
import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.documents.DocumentSigner;
import eu.smartcity.accelerator.documents.PadesSignatures;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A negotiated contract on its page: the clause that differs from the template, both acceptances with
 * who, when, from where and the PDF's fingerprint (signed through the portal), the signed PDF as a
 * download that verifies; only the two parties and coordinators see it.
 */
@AcceleratorTest
class ContractPagesTest {

    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @LocalServerPort int port;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired Applications applications;
    @Autowired ProcessEngine engine;
    @Autowired DocumentSigner signer;

    PortalClient as(String user) {
        PortalClient client = new PortalClient(port);
        assertThat(client.login(user, "demo").headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    @Test
    void thePartiesSeeTheDifferencesAndDownloadTheSignedPdfOthersGet404() throws Exception {
        ProcessDriver driver = new ProcessDriver(engine);
        UUID cycle = cycles.open("Contract page cycle " + UUID.randomUUID(), "scifi-2025").id();
        UUID challengeId = challenges.launch(cycle, "city-delft", new Challenges.Definition("Quiet night deliveries " + UUID.randomUUID(),
                "Let shops receive goods at night without waking the street.", "Noise sensors", new BigDecimal("9500"),
                "Complaints per month", "nl", 6));
        String challengePi = challenges.find(challengeId).orElseThrow().processInstanceId();
        driver.complete(challengePi, ChallengeProcess.USER_TASK_APPROVE_CHALLENGE, Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.APPROVE.wire()));
        driver.runAsyncJobs(challengePi);
        UUID applicationId = applications.submit(new Applications.Submission(challengeId, "company-parkflow", "SilentDrop",
                "Electric, quiet delivery slots booked by shops.", new BigDecimal("9200"), 7, true, "FR", 12, true, true));

        UUID contractId = UUID.randomUUID();
        Map<String, Object> variables = new HashMap<>();
        variables.put(ContractProcess.CONTRACT_ID.name(), contractId.toString());
        variables.put(ContractProcess.CHALLENGE_ID.name(), challengeId.toString());
        variables.put(ContractProcess.APPLICATION_ID.name(), applicationId.toString());
        variables.put(ContractProcess.CYCLE_ID.name(), cycle.toString());
        variables.put(ContractProcess.CITY_GROUP.name(), "city-delft");
        variables.put(ContractProcess.COMPANY_GROUP.name(), "company-parkflow");
        variables.put(ContractProcess.SIGNATURE_WINDOW.name(), "P10D");
        variables.put(ContractProcess.CONTRACT_AMOUNT.name(), 9200.0);
        String pi = engine.getRuntimeService().startProcessInstanceByKey(ContractProcess.KEY, contractId.toString(), variables).getId();
        driver.runAsyncJobs(pi);
        driver.complete(pi, ContractProcess.USER_TASK_REVIEW_DRAFT, ProcessVariables.of(ContractProcess.DRAFT_DECISION.with(ContractProcess.DraftDecision.REQUEST_CHANGES),
                ContractProcess.REQUESTED_CHANGES.with("C5: payment in two instalments")));
        driver.complete(pi, ContractProcess.USER_TASK_ANSWER_CHANGES, ProcessVariables.of(ContractProcess.AGREED_CHANGES.with("C5: The City pays EUR 9,200 in two instalments: half at kick-off, half after the final demo.\n"
                        + "+C5a Insurance: The Supplier holds liability insurance for the equipment in the street.")));
        driver.complete(pi, ContractProcess.USER_TASK_REVIEW_DRAFT, ProcessVariables.of(ContractProcess.DRAFT_DECISION.with(ContractProcess.DraftDecision.AGREE)));
        driver.complete(pi, ContractProcess.USER_TASK_CHECK_COMPLIANCE, ProcessVariables.of(ContractProcess.COMPLIANCE_DECISION.with(ContractProcess.ComplianceDecision.COMPLIES)));

        String page = "/contracts/" + contractId;
        PortalClient parkflow = as("parkflow");
        HttpResponse<String> before = parkflow.get(page);
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).contains("Differences from the template (2)").contains("C5a Insurance").contains("two instalments")
                .contains("Download the PDF (not signed yet)");

        assertThat(new PortalClient(port).getBytes(page + "/signed.pdf").statusCode()).as("not public before signing").isEqualTo(404);
        // the company signs in the portal, from the task page that links to the contract
        Task sign = driver.task(pi, ContractProcess.USER_TASK_SIGN_AS_COMPANY);
        String taskPage = "/tasks/" + sign.getId();
        assertThat(parkflow.get(taskPage).body()).contains("href=\"" + page + "\"");
        assertThat(parkflow.postForm(taskPage, taskPage, ContractProcess.COMPANY_SIGNS.name(), "true").statusCode()).isEqualTo(302);
        Task citySign = driver.task(pi, ContractProcess.USER_TASK_SIGN_AS_CITY);
        PortalClient delft = as("officer-delft");
        assertThat(delft.postForm("/tasks/" + citySign.getId(), "/tasks/" + citySign.getId(), ContractProcess.CITY_DECISION.name(), "sign").statusCode())
                .isEqualTo(302);
        driver.runAsyncJobs(pi);

        HttpResponse<String> after = delft.get(page);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("Signed by both parties").contains("Download the signed PDF")
                .contains("<td>parkflow</td>").contains("<td>officer-delft</td>").contains("127.0.0.1")
                .contains("<td>accepted</td>").contains("<td>Supplier</td>").contains("rewritten").contains("added");
        assertThat(after.body()).doesNotContain("??");
        // the signature validated by DSS, in plain words, with the ETSI report for the parties only
        assertThat(after.body()).contains("The signature is valid").contains("Signed by").contains("demo signing certificate")
                .contains("When (time of the timestamp)").contains("Certificate valid at that time")
                .contains("/contracts/" + contractId + "/validation-report.xml");
        HttpResponse<byte[]> report = parkflow.getBytes(page + "/validation-report.xml");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(new String(report.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("ValidationReport")
                .contains("urn:etsi:019102:mainindication:total-passed");
        assertThat(as("urbansense").getBytes(page + "/validation-report.xml").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> visitor = new PortalClient(port).getBytes(page + "/validation-report.xml");
        assertThat(visitor.statusCode()).as("a visitor is sent to the login page").isEqualTo(302);
        assertThat(visitor.headers().firstValue("Location").orElse("")).contains("/login");

        HttpResponse<byte[]> pdf = parkflow.getBytes(page + "/contract.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment").contains("contract-" + contractId + "-signed.pdf");
        PadesSignatures.Verification verification = signer.verify(pdf.body());
        assertThat(verification.valid()).as(verification.problem()).isTrue();
        try (var document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            // the challenge's language is nl: the contract both parties signed is the Dutch one (Delft's own name)
            assertThat(text).contains("Pilotcontract \u2014").contains("Gemeente Delft").contains("ParkFlow SAS")
                    .contains("Voor dit dossier herschreven").contains("EUR 9,200") // the case's own words stay as negotiated
                    .contains("Bijlage A: Uitdaging").contains("Bijlage D: Budget").containsPattern("pagina 1 van \\d+");
        }

        // open contracting: the signed PDF is public and referenced by the OCDS contract release
        HttpResponse<byte[]> published = new PortalClient(port).getBytes(page + "/signed.pdf");
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(published.body()).isEqualTo(pdf.body());
        String release = jdbc.queryForObject("select release_json from ocds_release where tag = 'contract' and release_json like ?",
                String.class, "%" + contractId + "%");
        assertThat(release).contains("\"documentType\":\"contractSigned\"").contains("/contracts/" + contractId + "/signed.pdf");

        assertThat(as("coordinator").get(page).statusCode()).isEqualTo(200);
        assertThat(as("coordinator").get("/coordinator").body()).contains("/reports/cycles/" + cycle + ".pdf")
                .contains("/bylaws/scifi-2025.pdf");
        assertThat(as("urbansense").get(page).statusCode()).isEqualTo(404);
        assertThat(as("officer-mechelen").get(page).statusCode()).isEqualTo(404);
        assertThat(as("officer-mechelen").getBytes(page + "/contract.pdf").statusCode()).isEqualTo(404);
        assertThat(as("urbansense").get("/contracts/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(new PortalClient(port).get(page).statusCode()).isEqualTo(302);

        // reports: the bylaws are public, the cycle report for coordinators only, an unknown evaluation is 404
        HttpResponse<byte[]> bylaws = new PortalClient(port).getBytes("/bylaws/scifi-2025.pdf");
        assertThat(bylaws.statusCode()).isEqualTo(200);
        assertThat(bylaws.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(new PortalClient(port).getBytes("/bylaws/nope.pdf").statusCode()).isEqualTo(404);
        // in the reader's language (the request's), PDF/A either way
        try (var document = Loader.loadPDF(new PortalClient(port).speaking("fr").getBytes("/bylaws/scifi-2025.pdf").body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Règlement scifi-2025").contains("page 1 sur");
        }
        assertThat(delft.getBytes("/reports/cycles/" + cycle + ".pdf").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> cycleReport = as("coordinator").getBytes("/reports/cycles/" + cycle + ".pdf");
        assertThat(cycleReport.statusCode()).isEqualTo(200);
        try (var document = Loader.loadPDF(cycleReport.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Quiet night deliveries").contains("ParkFlow SAS");
        }
        assertThat(delft.getBytes("/reports/evaluations/" + UUID.randomUUID() + ".pdf").statusCode()).isEqualTo(404);
    }
}
