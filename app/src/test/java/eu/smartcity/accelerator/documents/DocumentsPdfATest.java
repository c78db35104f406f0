package eu.smartcity.accelerator.documents;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.documents.ClauseComparison.ClauseView;
import eu.smartcity.accelerator.documents.ClauseComparison.Status;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of document, in each language, is PDF/A-3b by veraPDF (zero failed rules), carries its title in the
 * metadata, embeds its fonts, and says in words of that language what it is; €, accents and the em dash survive.
 */
class DocumentsPdfATest {

    static Documents.ContractDocument contract(Locale language) {
        return new Documents.ContractDocument("5f0c-demo", "Contrat de pilote — Smart City Accelerator", "scifi-2025",
                "Ville de Saint-Quentin", "Énergie Café SàRL", List.of(
                        new ClauseView("C1", "Parties", Status.UNCHANGED, "Entre la Ville et le Prestataire.", "Entre la Ville et le Prestataire."),
                        new ClauseView("C5", "Prix", Status.REWRITTEN, "La Ville paie 10 000 €.", "La Ville paie 12 500 € — en deux fois."),
                        new ClauseView("C5a", "Assurance", Status.ADDED, null, "Le Prestataire s’assure."),
                        new ClauseView("C7", "Audit", Status.REMOVED, "Un audit a lieu.", null)),
                List.of(new Documents.Annex("Budget", List.of(new Documents.Entry("Montant", "12 500,00 €")))), language);
    }

    static Documents.EvaluationReport evaluation() {
        return new Documents.EvaluationReport("e-1", "Quiet nights — Brugge", "Stad Brugge", "UrbanSense BV", "COMPLETED", 3,
                List.of(new Documents.Kpi("Night-time noise complaints per month", 40, 31, false)),
                List.of(new Documents.Evidence("Overall score", 72, 64.5)), "replicate", "KPI met; other cities asked for it",
                Instant.parse("2026-05-01T10:00:00Z"));
    }

    static Documents.CycleReport cycle() {
        return new Documents.CycleReport("Cycle 2025 — Mobilité", "scifi-2025", "OPEN", List.of(
                new Documents.ChallengeOutcome("Smart parking with open data", "Stad Brugge", "EVALUATED", 5, 4, "UrbanSense BV",
                        "SIGNED", "COMPLETED", "replicate"),
                new Documents.ChallengeOutcome("Cleaner air near schools", "Ville de Saint-Quentin", "PUBLISHED", 2, 1, null, null, null, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "nl", "fr"})
    void everyDocumentIsPdfA3bInEachLanguage(String tag) throws IOException {
        Locale language = Locale.forLanguageTag(tag);
        byte[] contract = Documents.contract(contract(language));
        byte[] evaluation = Documents.evaluationReport(evaluation(), language);
        byte[] cycle = Documents.cycleReport(cycle(), language);
        byte[] bylaws = Documents.bylaws("scifi-2025", "# Bylaws\n\n## Article 1\n\n1. **Eligibility.** Companies — of any size.\n", language);
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "samples", "rendering"));
        java.nio.file.Files.write(folder.resolve("contract-" + tag + ".pdf"), contract);
        java.nio.file.Files.write(folder.resolve("evaluation-report-" + tag + ".pdf"), evaluation);
        java.nio.file.Files.write(folder.resolve("cycle-report-" + tag + ".pdf"), cycle);
        // the English text with the note that there is none in the reader's language
        byte[] bylawsInEnglish = Documents.bylaws("scifi-2025", "# Bylaws\n\n1. **Eligibility.** Companies — of any size.\n", true, language);
        for (byte[] pdf : List.of(contract, evaluation, cycle, bylaws, bylawsInEnglish)) {
            PdfAValidation.Result result = PdfAValidation.validate(pdf);
            assertThat(result.compliant()).as(result.summary()).isTrue();
            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertThat(document.getDocumentInformation().getTitle()).isNotBlank();
                assertThat(document.getDocumentCatalog().getMetadata()).isNotNull();
                for (var page : document.getPages()) {
                    for (var name : page.getResources().getFontNames()) {
                        PDFont font = page.getResources().getFont(name);
                        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    }
                }
            }
        }
        String contractText = text(contract);
        // no ligature glyphs: "fi" and "ff" copy and search as the letters (PDFTextStripper would hide U+FB01, poppler not)
        assertThat(rawText(contract)).doesNotContain("\ufb00", "\ufb01", "\ufb02").contains("scifi-2025");
        assertThat(contractText).contains("Contrat de pilote — Smart City Accelerator").contains("12 500 € — en deux fois")
                .contains("Énergie Café SàRL").containsPattern("\\d+ \\S+ \\d+");
        switch (tag) {
            case "en" -> {
                assertThat(contractText).contains("Rewritten for this case").contains("Annex A: Budget").contains("page 1 of");
                assertThat(text(evaluation)).contains("KPIs against their targets").contains("Replicate:").contains("completed, 3 milestones");
                assertThat(text(cycle)).contains("Selections, pilots and outcomes").contains("Signed by both parties");
            }
            case "nl" -> {
                assertThat(contractText).contains("Voor dit dossier herschreven").contains("Bijlage A: Budget").contains("pagina 1 van");
                assertThat(text(evaluation)).contains("KPI’s tegenover hun doelwaarden").contains("Repliceren:");
                assertThat(text(cycle)).contains("Selecties, pilots en resultaten");
            }
            default -> {
                assertThat(contractText).contains("Réécrit pour ce dossier").contains("Annexe A : Budget").contains("page 1 sur");
                assertThat(text(evaluation)).contains("Indicateurs face à leurs objectifs").contains("Répliquer :");
                assertThat(text(cycle)).contains("Sélections, pilotes et résultats");
            }
        }
    }

    /** The validator is not a formality: a PDF written without PDF/A (no output intent, no XMP, a font not embedded) fails. */
    @org.junit.jupiter.api.Test
    void aPlainPdfFailsTheValidator() throws IOException {
        try (PDDocument plain = new PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            plain.addPage(page);
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(plain, page)) {
                content.beginText();
                content.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                content.showText("Not an archive");
                content.endText();
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            plain.save(out);
            PdfAValidation.Result result = PdfAValidation.validate(out.toByteArray());
            assertThat(result.compliant()).isFalse();
            assertThat(result.failedRules()).isNotEmpty();
        }
    }

    static String rawText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) throws IOException {
                    StringBuilder raw = new StringBuilder();
                    positions.forEach(p -> raw.append(p.getUnicode()));
                    super.writeString(raw.toString(), positions);
                }
            };
            return stripper.getText(document);
        }
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
