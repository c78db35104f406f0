package eu.smartcity.accelerator.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.smartcity.accelerator.contract.ContractDocuments;
import eu.smartcity.accelerator.cycle.Cycles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Leaves PDFs to open under {@code app/target/samples/}: the demo cycle's signed contract (negotiated, so
 * it shows differences from the template), its pilot's evaluation report, the cycle report and the bylaws.
 * The signature is checked with our verifier and, in a test of its own, with poppler's {@code pdfsig}; without
 * {@code pdfsig} that test is reported as skipped with the reason, never passed.
 * (Same context as DemoCycleTest: the demo content is made at start-up.)
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:demo-cycle;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
        "camunda.bpm.job-execution.enabled=false"})
class DocumentSamplesTest {

    static final Path SAMPLES = Path.of("target", "samples");

    @Autowired JdbcTemplate jdbc;
    @Autowired ContractDocuments contracts;
    @Autowired Reports reports;
    @Autowired Cycles cycles;
    @Autowired DocumentSigner signer;

    @Test
    void samplesOfEveryDocumentOpenAndTheSignatureVerifies() throws Exception {
        Files.createDirectories(SAMPLES);
        Map<String, Object> evaluated = evaluatedCase();
        UUID contractId = (UUID) value(evaluated, "contract_id");
        UUID evaluationId = (UUID) value(evaluated, "evaluation_id");

        byte[] contract = contracts.signedPdf(contractId).orElseThrow();
        PadesSignatures.Verification verification = signer.verify(contract);
        assertThat(verification.valid()).as(verification.problem()).isTrue();
        // typographic characters the font has are kept (the title's em dash), not replaced by '?'
        assertThat(text(contract)).contains("Pilot contract \u2014 Smart City Accelerator").contains("Rewritten for this case").contains("C5a")
                .contains("Added for this case").contains("Annex C: Milestones").containsPattern("page \\d+ of \\d+");
        write("signed-contract.pdf", contract);
        // the replication in Delft starts from the original case's contract: same changes to the template
        assertThat(jdbc.queryForObject("select clause_changes from contract where original_contract_id = ?", String.class, contractId))
                .contains("+C5a Insurance");

        byte[] evaluation = Documents.evaluationReport(reports.evaluation(evaluationId, java.util.Locale.ENGLISH).orElseThrow(), java.util.Locale.ENGLISH);
        assertThat(text(evaluation)).contains("KPIs against their targets").contains("Night-time noise complaints per month")
                .contains("-9 (-22.5 %)").contains("Survey (0-100)").contains("Replicate").contains("completed, 3 milestones reported")
                .contains("KPI met; other cities asked for it");
        write("evaluation-report.pdf", evaluation);

        UUID cycleId = cycles.all().get(0).id();
        byte[] cycle = Documents.cycleReport(reports.cycle(cycleId, java.util.Locale.ENGLISH).orElseThrow(), java.util.Locale.ENGLISH);
        assertThat(text(cycle)).contains("Cycle report").contains("Smart parking with open data").contains("Selections, pilots and outcomes")
                .contains("replicate");
        write("cycle-report.pdf", cycle);

        byte[] bylaws = reports.bylaws("scifi-2025", java.util.Locale.ENGLISH).orElseThrow();
        assertThat(text(bylaws)).contains("Bylaws").contains("Eligibility.");
        write("bylaws-scifi-2025.pdf", bylaws);
    }

    /** poppler's pdfsig, an independent PAdES reader: the signature must validate (the demo certificate is not trusted by it). */
    @Test
    void popplersPdfsigValidatesTheSignedContract() throws Exception {
        assumeTrue(pdfsigInstalled(), "poppler's pdfsig is not installed (apt-get install poppler-utils): the independent check did not run");
        Files.createDirectories(SAMPLES);
        UUID contractId = (UUID) value(evaluatedCase(), "contract_id");
        Path file = write("signed-contract.pdf", contracts.signedPdf(contractId).orElseThrow());
        Process process = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Files.writeString(SAMPLES.resolve("signed-contract.pdfsig.txt"), out);
        // the programme's signature (#1) is valid; the document timestamp after it (#2, which pdfsig cannot validate) covers the whole file
        assertThat(out.substring(0, out.indexOf("Signature #2"))).contains("ETSI.CAdES.detached").contains("Signature is Valid");
        assertThat(out.substring(out.indexOf("Signature #2"))).contains("Total document signed");
    }

    private static boolean pdfsigInstalled() {
        try {
            Process version = new ProcessBuilder("pdfsig", "-v").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            return version.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException notThere) {
            return false;
        }
    }

    /** The demo cycle's evaluated pilot and the signed contract of its challenge. */
    private Map<String, Object> evaluatedCase() {
        return jdbc.queryForMap("select e.id as evaluation_id, c.id as contract_id from evaluation e "
                + "join contract c on c.challenge_id = e.challenge_id and c.original_contract_id is null "
                + "where e.published_at is not null and c.status = 'SIGNED'");
    }

    private static Object value(Map<String, Object> row, String key) {
        return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key)).findFirst().orElseThrow().getValue();
    }

    private static Path write(String name, byte[] pdf) throws IOException {
        return Files.write(SAMPLES.resolve(name), pdf);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
