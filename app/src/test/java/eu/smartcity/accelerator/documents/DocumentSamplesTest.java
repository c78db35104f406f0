package eu.smartcity.accelerator.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.smartcity.accelerator.contract.ContractDocuments;
import eu.smartcity.accelerator.cycle.Cycles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
 * Leaves the documents of the demo cycle to open under {@code app/target/samples/}, in English, Dutch and French:
 * a signed contract per language (the demo's negotiated contract, so it shows differences from the template), its
 * pilot's evaluation report, the cycle report and the bylaws; beside each its veraPDF result ({@code .verapdf.txt})
 * and, for a signed contract, the DSS (ETSI) validation report ({@code .etsi.xml}) and poppler's {@code pdfsig} output.
 * Every one is PDF/A-3b by veraPDF, the signed ones included: the PAdES signature is an incremental update that keeps it.
 * Without {@code pdfsig} that check is reported as skipped with the reason, never passed.
 * (Same context as DemoCycleTest: the demo content is made at start-up.)
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:demo-cycle;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
        "camunda.bpm.job-execution.enabled=false"})
class DocumentSamplesTest {

    static final Path SAMPLES = Path.of("target", "samples");
    static final List<Locale> LANGUAGES = Documents.LANGUAGES;

    @Autowired JdbcTemplate jdbc;
    @Autowired ContractDocuments contracts;
    @Autowired Reports reports;
    @Autowired Cycles cycles;
    @Autowired DocumentSigner signer;

    @Test
    void theDemosSignedContractIsPdfAAndVerifies() throws Exception {
        Files.createDirectories(SAMPLES);
        UUID contractId = (UUID) value(evaluatedCase(), "contract_id");
        byte[] contract = contracts.signedPdf(contractId).orElseThrow();
        PadesSignatures.Verification verification = signer.verify(contract);
        assertThat(verification.valid()).as(verification.problem()).isTrue();
        assertPdfA("signed-contract.pdf", contract);
        // typographic characters are kept (the title's em dash), the case's changes and the annexes are there
        assertThat(text(contract)).containsAnyOf("Rewritten for this case", "Voor dit dossier herschreven", "Réécrit pour ce dossier");
        assertThat(text(contract)).contains("C5a").containsPattern("\u2014").containsPattern("\\d+ \\S+ \\d+");
        // the replication in Delft starts from the original case's contract: same changes to the template
        assertThat(jdbc.queryForObject("select clause_changes from contract where original_contract_id = ?", String.class, contractId))
                .contains("+C5a Insurance");
    }

    @Test
    void aSignedContractPerLanguageIsPdfAAndVerifies() throws Exception {
        Files.createDirectories(SAMPLES);
        UUID contractId = (UUID) value(evaluatedCase(), "contract_id");
        Map<String, List<String>> words = Map.of(
                "en", List.of("Pilot contract \u2014 Smart City Accelerator", "Rewritten for this case", "Annex C: Milestones", "page 1 of"),
                "nl", List.of("Pilotcontract \u2014 Smart City Accelerator", "Voor dit dossier herschreven", "Bijlage C: Mijlpalen", "pagina 1 van"),
                "fr", List.of("Contrat de pilote \u2014 Smart City Accelerator", "Réécrit pour ce dossier", "Annexe C : Jalons", "page 1 sur"));
        for (Locale language : LANGUAGES) {
            String tag = language.getLanguage();
            byte[] draft = contracts.draftIn(contractId, language);
            assertThat(text(draft)).contains(words.get(tag)).contains("C5a").contains("\u20ac");
            byte[] signed = signer.sign(draft, "Sample contract in " + tag);
            PadesSignatures.Verification verification = signer.verify(signed);
            assertThat(verification.valid()).as(verification.problem()).isTrue();
            String name = "signed-contract-" + tag;
            write(name + ".pdf", signed);
            Files.writeString(SAMPLES.resolve(name + ".etsi.xml"), verification.etsiReport());
            assertPdfA(name + ".pdf", signed);
        }
    }

    @Test
    void everyReportInEveryLanguageIsPdfA() throws Exception {
        Files.createDirectories(SAMPLES);
        UUID evaluationId = (UUID) value(evaluatedCase(), "evaluation_id");
        UUID cycleId = cycles.all().get(0).id();
        Map<String, List<String>> evaluationWords = Map.of(
                "en", List.of("KPIs against their targets", "Night-time noise complaints per month", "Replicate:", "completed, 3 milestones reported",
                        "KPI met; other cities asked for it"),
                "nl", List.of("KPI’s tegenover hun doelwaarden", "Repliceren:", "3 mijlpalen gerapporteerd"),
                "fr", List.of("Indicateurs face à leurs objectifs", "Répliquer :", "3 jalons rapportés"));
        Map<String, List<String>> cycleWords = Map.of(
                "en", List.of("Cycle report", "Smart parking with open data", "Selections, pilots and outcomes", "replicate"),
                "nl", List.of("Cyclusrapport", "Selecties, pilots en resultaten", "repliceren"),
                "fr", List.of("Rapport du cycle", "Sélections, pilotes et résultats", "répliquer"));
        for (Locale language : LANGUAGES) {
            String tag = language.getLanguage();
            byte[] evaluation = Documents.evaluationReport(reports.evaluation(evaluationId, language).orElseThrow(), language);
            assertThat(text(evaluation)).contains(evaluationWords.get(tag));
            assertPdfA(write("evaluation-report-" + tag + ".pdf", evaluation).getFileName().toString(), evaluation);

            byte[] cycle = Documents.cycleReport(reports.cycle(cycleId, language).orElseThrow(), language);
            assertThat(text(cycle)).contains(cycleWords.get(tag));
            assertPdfA(write("cycle-report-" + tag + ".pdf", cycle).getFileName().toString(), cycle);

            byte[] bylaws = reports.bylaws("scifi-2025", language).orElseThrow();
            assertThat(text(bylaws)).contains(Map.of("en", "Eligibility.", "nl", "Ontvankelijkheid.", "fr", "Éligibilité.").get(tag))
                    .contains(Map.of("en", "Bylaws scifi-2025", "nl", "Reglement scifi-2025",
                    "fr", "Règlement scifi-2025").get(tag));
            assertPdfA(write("bylaws-scifi-2025-" + tag + ".pdf", bylaws).getFileName().toString(), bylaws);
        }
    }

    /** poppler's pdfsig, an independent PAdES reader: each signature must validate (the demo certificate is not trusted by it). */
    @Test
    void popplersPdfsigValidatesTheSignedContracts() throws Exception {
        assumeTrue(pdfsigInstalled(), "poppler's pdfsig is not installed (apt-get install poppler-utils): the independent check did not run");
        Files.createDirectories(SAMPLES);
        UUID contractId = (UUID) value(evaluatedCase(), "contract_id");
        List<byte[]> signed = new java.util.ArrayList<>(List.of(contracts.signedPdf(contractId).orElseThrow()));
        signed.add(signer.sign(contracts.draftIn(contractId, Locale.FRENCH), "Sample contract in fr"));
        for (int i = 0; i < signed.size(); i++) {
            String name = i == 0 ? "signed-contract" : "signed-contract-fr";
            Path file = write(name + ".pdf", signed.get(i));
            Process process = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Files.writeString(SAMPLES.resolve(name + ".pdfsig.txt"), out);
            // the programme's signature (#1) is valid; the document timestamp after it (#2, which pdfsig cannot validate) covers the whole file
            assertThat(out.substring(0, out.indexOf("Signature #2"))).contains("ETSI.CAdES.detached").contains("Signature is Valid");
            assertThat(out.substring(out.indexOf("Signature #2"))).contains("Total document signed");
        }
    }

    private static void assertPdfA(String name, byte[] pdf) throws IOException {
        PdfAValidation.Result result = PdfAValidation.validate(pdf);
        Files.writeString(SAMPLES.resolve(name.replace(".pdf", ".verapdf.txt")), result.summary());
        assertThat(result.compliant()).as(name + ": " + result.summary()).isTrue();
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
