package eu.smartcity.accelerator.documents;

import eu.smartcity.accelerator.documents.ClauseComparison.ClauseView;
import eu.smartcity.accelerator.documents.internal.PdfRenderer;
import eu.smartcity.accelerator.shared.UserMessages;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The PDFs of the programme: a contract (title page, parties, clauses with the differences from the template,
 * annexes), a pilot evaluation report, a cycle report, and the bylaws for publication. Each is a Thymeleaf
 * template under {@code templates/documents/pdf/} in the reader's (or, for a contract, the chosen) language,
 * rendered to PDF/A-3b by {@link PdfRenderer}: every page numbered, the font embedded, text that can be copied.
 */
public final class Documents {

    /** The languages documents are written in; the first is the default. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("nl"), Locale.FRENCH);

    private Documents() {}

    /** One of {@link #LANGUAGES} for a locale (its language), English when the language is not one of them. */
    public static Locale language(Locale locale) {
        if (locale == null) {
            return Locale.ENGLISH;
        }
        return LANGUAGES.stream().filter(l -> l.getLanguage().equals(locale.getLanguage())).findFirst().orElse(Locale.ENGLISH);
    }

    /** A label and its value, both already in the document's language. */
    public record Entry(String key, String value) {}

    public record Annex(String title, List<Entry> entries) {}

    /** A contract as it stands, in its language: the clauses compared with the template, and its annexes. */
    public record ContractDocument(String contractId, String title, String bylawsVersion, String city, String company,
            List<ClauseView> clauses, List<Annex> annexes, Locale language) {}

    public static byte[] contract(ContractDocument contract) {
        Map<String, Object> model = new HashMap<>();
        model.put("contract", contract);
        model.put("rewritten", count(contract, ClauseComparison.Status.REWRITTEN));
        model.put("added", count(contract, ClauseComparison.Status.ADDED));
        model.put("removed", count(contract, ClauseComparison.Status.REMOVED));
        model.put("changed", contract.clauses().stream().filter(ClauseView::changed).toList());
        return PdfRenderer.pdf("contract", language(contract.language()), model);
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

    /** {@code pilotStatus} a status code (e.g. COMPLETED), {@code verdict} scale-up, replicate or stop. */
    public record EvaluationReport(String evaluationId, String challenge, String city, String company, String pilotStatus,
            int milestonesDone, List<Kpi> kpis, List<Evidence> evidence, String verdict, String verdictReason, Instant publishedAt) {}

    /** A row of a bar chart: two values as widths in percent of the largest, and their labels. */
    public record Bar(String label, String outline, double outlinePercent, String filled, double filledPercent, String tone) {}

    public static byte[] evaluationReport(EvaluationReport report, Locale locale) {
        Locale language = language(locale);
        NumberFormat numbers = numbers(language);
        double kpiMax = report.kpis().stream().mapToDouble(k -> Math.max(k.target(), k.result())).max().orElse(1);
        double evidenceMax = 100;
        Map<String, Object> model = new HashMap<>();
        model.put("report", report);
        model.put("published", report.publishedAt() == null ? null : dateTime(report.publishedAt(), language));
        model.put("kpis", report.kpis().stream().map(k -> Map.of("name", k.name(), "target", numbers.format(k.target()),
                "result", numbers.format(k.result()), "difference", signed(k.result() - k.target(), numbers),
                "percent", k.target() == 0 ? "" : signed((k.result() - k.target()) / k.target() * 100, numbers) + " %",
                "met", k.met() == null ? "" : k.met() ? "met" : "notMet")).toList());
        model.put("kpiBars", report.kpis().stream().map(k -> new Bar(k.name(), numbers.format(k.target()), percent(k.target(), kpiMax),
                numbers.format(k.result()), percent(k.result(), kpiMax), k.met() == null ? "neutral" : k.met() ? "good" : "bad")).toList());
        model.put("evidence", report.evidence().stream().map(e -> Map.of("aspect", e.aspect(), "survey", numbers.format(e.surveyScore()),
                "measured", numbers.format(e.measuredScore()), "gap", signed(e.surveyScore() - e.measuredScore(), numbers))).toList());
        model.put("evidenceBars", report.evidence().stream().map(e -> new Bar(e.aspect(), numbers.format(e.surveyScore()),
                percent(e.surveyScore(), evidenceMax), numbers.format(e.measuredScore()), percent(e.measuredScore(), evidenceMax),
                "neutral")).toList());
        return PdfRenderer.pdf("evaluation-report", language, model);
    }

    public record ChallengeOutcome(String title, String city, String stage, int applications, int eligible,
            String selected, String contract, String pilot, String verdict) {}

    /** {@code status} and the outcomes' stage, contract and pilot are status codes (e.g. CLOSED, SIGNED, RUNNING). */
    public record CycleReport(String cycleName, String bylawsVersion, String status, List<ChallengeOutcome> challenges) {}

    public static byte[] cycleReport(CycleReport report, Locale locale) {
        Locale language = language(locale);
        NumberFormat numbers = numbers(language);
        List<ChallengeOutcome> all = report.challenges();
        int max = Math.max(1, all.stream().mapToInt(ChallengeOutcome::applications).max().orElse(1));
        Map<String, Object> model = new HashMap<>();
        model.put("report", report);
        model.put("applications", all.stream().mapToInt(ChallengeOutcome::applications).sum());
        model.put("eligible", all.stream().mapToInt(ChallengeOutcome::eligible).sum());
        model.put("selections", all.stream().filter(c -> c.selected() != null).count());
        model.put("pilots", all.stream().filter(c -> c.pilot() != null).count());
        model.put("bars", all.stream().map(c -> new Bar(c.title(), numbers.format(c.applications()), percent(c.applications(), max),
                numbers.format(c.eligible()), percent(c.eligible(), max), "neutral")).toList());
        return PdfRenderer.pdf("cycle-report", language, model);
    }

    /** The readable bylaws ({@code bylaws.md}, Markdown) as a PDF for publication, framed in the reader's language. */
    public static byte[] bylaws(String version, String markdown, Locale locale) {
        return bylaws(version, markdown, false, locale);
    }

    /**
     * As above; {@code englishFallback}: the text is the English one because the version has none in the reader's
     * language, and the PDF says so.
     */
    public static byte[] bylaws(String version, String markdown, boolean englishFallback, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("version", version);
        model.put("fallback", englishFallback);
        model.put("body", markdownToXhtml(markdown));
        return PdfRenderer.pdf("bylaws", language(locale), model);
    }

    /** Markdown as well-formed XHTML (raw HTML in the text is escaped, not passed on). */
    static String markdownToXhtml(String markdown) {
        return HtmlRenderer.builder().escapeHtml(true).build().render(Parser.builder().build().parse(markdown == null ? "" : markdown));
    }

    private static NumberFormat numbers(Locale language) {
        NumberFormat format = NumberFormat.getNumberInstance(language);
        format.setMaximumFractionDigits(2);
        return format;
    }

    private static String signed(double value, NumberFormat numbers) {
        return (value > 0 ? "+" : value < 0 ? "\u2212" : "") + numbers.format(Math.abs(value));
    }

    private static double percent(double value, double max) {
        return max <= 0 ? 0 : Math.max(0.5, Math.min(100, value / max * 100));
    }

    private static String dateTime(Instant instant, Locale language) {
        return UserMessages.dateTime(instant, language);
    }
}
