package eu.smartcity.accelerator.documents;

import eu.smartcity.accelerator.documents.ClauseComparison.ClauseView;
import eu.smartcity.accelerator.documents.internal.PdfWriter;
import java.awt.Color;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The PDFs of the programme, rendered with Apache PDFBox: a contract (title page, parties, clauses with
 * the differences from the template, annexes), a pilot evaluation report, a cycle report, and the
 * bylaws for publication. Every page is numbered; the font is embedded; text can be copied.
 */
public final class Documents {

    private static final Color ADDED = new Color(0x1b, 0x5e, 0x20);
    private static final Color REMOVED = new Color(0xb7, 0x1c, 0x1c);

    private Documents() {}

    public record Entry(String key, String value) {}

    public record Annex(String title, List<Entry> entries) {}

    /** A contract as it stands: the clauses compared with the template, its annexes and acceptances so far. */
    public record ContractDocument(String contractId, String title, String bylawsVersion, String city, String company,
            List<ClauseView> clauses, List<Annex> annexes) {}

    public static byte[] contract(ContractDocument contract) {
        try (PdfWriter pdf = new PdfWriter(contract.title(), "Contract " + contract.contractId(),
                "Contract " + contract.contractId())) {
            pdf.space(120);
            pdf.title(contract.title());
            pdf.text("Pilot contract between " + contract.city() + " and " + contract.company());
            pdf.space(20);
            pdf.keyValue("Contract", contract.contractId());
            pdf.keyValue("Bylaws", contract.bylawsVersion());
            long rewritten = count(contract, ClauseComparison.Status.REWRITTEN);
            long added = count(contract, ClauseComparison.Status.ADDED);
            long removed = count(contract, ClauseComparison.Status.REMOVED);
            pdf.keyValue("Differences from the template", rewritten + added + removed == 0 ? "none: the template as it is"
                    : rewritten + " rewritten, " + added + " added, " + removed + " removed (marked in the clauses and listed below)");
            pdf.newPage();

            pdf.heading("Parties");
            pdf.keyValue("The City", contract.city());
            pdf.keyValue("The Supplier", contract.company());
            pdf.keyValue("Programme", "Smart City Accelerator, bylaws " + contract.bylawsVersion());

            pdf.heading("Clauses");
            for (ClauseView clause : contract.clauses()) {
                pdf.subheading(clause.id() + "  " + clause.title());
                switch (clause.status()) {
                    case UNCHANGED -> pdf.text(clause.caseText());
                    case REWRITTEN -> {
                        pdf.note("Rewritten for this case. The template said:");
                        pdf.marked(clause.templateText(), REMOVED, 12);
                        pdf.note("This contract says:");
                        pdf.marked(clause.caseText(), ADDED, 12);
                    }
                    case ADDED -> {
                        pdf.note("Added for this case (not in the template):");
                        pdf.marked(clause.caseText(), ADDED, 12);
                    }
                    case REMOVED -> {
                        pdf.note("Removed for this case. The template said:");
                        pdf.marked(clause.templateText(), REMOVED, 12);
                    }
                }
            }

            pdf.heading("Differences from the template");
            List<List<String>> rows = new ArrayList<>();
            contract.clauses().stream().filter(ClauseView::changed)
                    .forEach(c -> rows.add(List.of(c.id(), c.title(), c.status().name().toLowerCase())));
            if (rows.isEmpty()) {
                pdf.text("None: every clause is as in the template of bylaws " + contract.bylawsVersion() + ".");
            } else {
                pdf.table(List.of("Clause", "Title", "Change"), rows, new float[] {0.15f, 0.6f, 0.25f});
            }

            char letter = 'A';
            for (Annex annex : contract.annexes()) {
                pdf.newPage();
                pdf.heading("Annex " + letter++ + ": " + annex.title());
                for (Entry entry : annex.entries()) {
                    pdf.keyValue(entry.key(), entry.value());
                }
            }
            return pdf.finish();
        }
    }

    private static long count(ContractDocument contract, ClauseComparison.Status status) {
        return contract.clauses().stream().filter(c -> c.status() == status).count();
    }

    /** {@code higherIsBetter} null when the evaluation does not say which direction is better. */
    public record Kpi(String name, double target, double result, Boolean higherIsBetter) {
        public Boolean met() { return higherIsBetter == null ? null : higherIsBetter ? result >= target : result <= target; }
    }

    /** What citizens said (survey) beside what was measured, on the same 0–100 scale. */
    public record Evidence(String aspect, double surveyScore, double measuredScore) {}

    public record EvaluationReport(String evaluationId, String challenge, String city, String company, String pilotStatus,
            List<Kpi> kpis, List<Evidence> evidence, String verdict, String verdictReason, Instant publishedAt) {}

    public static byte[] evaluationReport(EvaluationReport report) {
        try (PdfWriter pdf = new PdfWriter("Pilot evaluation report: " + report.challenge(), "Evaluation " + report.evaluationId(),
                "Evaluation report " + report.evaluationId())) {
            pdf.title("Pilot evaluation report");
            pdf.keyValue("Challenge", report.challenge());
            pdf.keyValue("City", report.city());
            pdf.keyValue("Supplier", report.company());
            pdf.keyValue("Pilot", report.pilotStatus());
            pdf.keyValue("Published", report.publishedAt() == null ? "not yet"
                    : eu.smartcity.accelerator.shared.UserMessages.dateTime(report.publishedAt(), java.util.Locale.ENGLISH));

            pdf.heading("KPIs against their targets");
            pdf.table(List.of("KPI", "Target", "Result", "Result vs target"), report.kpis().stream()
                    .map(k -> List.of(k.name(), PdfWriter.format(k.target()), PdfWriter.format(k.result()), difference(k)))
                    .toList(), new float[] {0.5f, 0.13f, 0.13f, 0.24f});
            pdf.barChart("Chart: target (outline) and result (filled)", "target", "result", report.kpis().stream()
                    .map(k -> new PdfWriter.Bar(k.name(), k.target(), k.result(), k.met())).toList());

            pdf.heading("What citizens said beside what was measured");
            pdf.note("Both are kept: a survey measures perception, sensors and logs measure behaviour. The gap is shown, not hidden.");
            pdf.table(List.of("Aspect", "Survey (0-100)", "Measured (0-100)", "Gap"), report.evidence().stream()
                    .map(e -> List.of(e.aspect(), PdfWriter.format(e.surveyScore()), PdfWriter.format(e.measuredScore()),
                            (e.surveyScore() >= e.measuredScore() ? "+" : "") + PdfWriter.format(e.surveyScore() - e.measuredScore())))
                    .toList(), new float[] {0.4f, 0.2f, 0.2f, 0.2f});
            pdf.barChart("Chart: survey (outline) and measured (filled)", "survey", "measured", report.evidence().stream()
                    .map(e -> new PdfWriter.Bar(e.aspect(), e.surveyScore(), e.measuredScore(), null)).toList());

            pdf.heading("Verdict");
            pdf.text(verdictText(report.verdict()));
            if (report.verdictReason() != null && !report.verdictReason().isBlank()) {
                pdf.keyValue("The city's reason", report.verdictReason());
            }
            return pdf.finish();
        }
    }

    private static String difference(Kpi k) {
        double diff = k.result() - k.target();
        String text = (diff >= 0 ? "+" : "") + PdfWriter.format(diff);
        if (k.target() != 0) {
            text += String.format(java.util.Locale.ROOT, " (%+.1f %%)", diff / k.target() * 100);
        }
        Boolean met = k.met();
        return met == null ? text : text + (met ? ", met" : ", not met");
    }

    private static String verdictText(String verdict) {
        if (verdict == null) {
            return "No verdict yet.";
        }
        return switch (verdict) {
            case "scale-up" -> "Scale up: the city rolls the solution out beyond the pilot.";
            case "replicate" -> "Replicate: the pilot is offered to other cities in the marketplace.";
            case "stop" -> "Stop: the solution is not continued.";
            default -> verdict;
        };
    }

    public record ChallengeOutcome(String title, String city, String stage, int applications, int eligible,
            String selected, String contract, String pilot, String verdict) {}

    public record CycleReport(String cycleName, String bylawsVersion, String status, List<ChallengeOutcome> challenges) {}

    public static byte[] cycleReport(CycleReport report) {
        try (PdfWriter pdf = new PdfWriter("Cycle report: " + report.cycleName(), "Cycle report", "Cycle report " + report.cycleName())) {
            pdf.title("Cycle report");
            pdf.keyValue("Cycle", report.cycleName());
            pdf.keyValue("Bylaws", report.bylawsVersion());
            pdf.keyValue("Status", report.status());
            List<ChallengeOutcome> all = report.challenges();
            pdf.keyValue("Challenges", String.valueOf(all.size()));
            pdf.keyValue("Applications", String.valueOf(all.stream().mapToInt(ChallengeOutcome::applications).sum()));
            pdf.keyValue("Eligible", String.valueOf(all.stream().mapToInt(ChallengeOutcome::eligible).sum()));
            pdf.keyValue("Selections", String.valueOf(all.stream().filter(c -> c.selected() != null).count()));
            pdf.keyValue("Pilots", String.valueOf(all.stream().filter(c -> c.pilot() != null).count()));

            pdf.heading("Challenges");
            pdf.table(List.of("Challenge", "City", "Stage", "Applications (eligible)"), all.stream()
                    .map(c -> List.of(c.title(), c.city(), c.stage(), c.applications() + " (" + c.eligible() + ")")).toList(),
                    new float[] {0.45f, 0.2f, 0.15f, 0.2f});
            pdf.barChart("Chart: applications (outline) and eligible (filled) per challenge", "applications", "eligible", all.stream()
                    .map(c -> new PdfWriter.Bar(shorten(c.title()), c.applications(), c.eligible(), null)).toList());

            pdf.heading("Selections, pilots and outcomes");
            pdf.table(List.of("Challenge", "Selected", "Contract", "Pilot", "Verdict"), all.stream()
                    .map(c -> List.of(c.title(), dash(c.selected()), dash(c.contract()), dash(c.pilot()), dash(c.verdict()))).toList(),
                    new float[] {0.36f, 0.18f, 0.16f, 0.15f, 0.15f});
            return pdf.finish();
        }
    }

    private static String shorten(String text) {
        return text.length() <= 28 ? text : text.substring(0, 27) + "…";
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }

    /** The readable bylaws ({@code bylaws.md}) as a PDF for publication: headings, numbered articles, emphasis removed. */
    public static byte[] bylaws(String version, String markdown) {
        try (PdfWriter pdf = new PdfWriter("Bylaws " + version, "Bylaws of the Smart City Accelerator", "Bylaws " + version)) {
            StringBuilder paragraph = new StringBuilder();
            for (String line : (markdown + "\n").split("\r?\n")) {
                String plain = line.replace("**", "").replace("`", "");
                if (line.startsWith("# ")) {
                    flush(pdf, paragraph);
                    pdf.title(plain.substring(2).strip());
                } else if (line.startsWith("## ")) {
                    flush(pdf, paragraph);
                    pdf.heading(plain.substring(3).strip());
                } else if (line.isBlank() || line.matches("^\\s*([0-9]+\\.|[-*])\\s.*")) {
                    flush(pdf, paragraph);
                    paragraph.append(plain.strip());
                } else {
                    paragraph.append(paragraph.isEmpty() ? "" : " ").append(plain.strip());
                }
            }
            flush(pdf, paragraph);
            return pdf.finish();
        }
    }

    private static void flush(PdfWriter pdf, StringBuilder paragraph) {
        if (!paragraph.isEmpty()) {
            pdf.text(paragraph.toString());
            paragraph.setLength(0);
        }
    }
}
