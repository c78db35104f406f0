package eu.smartcity.accelerator.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Not a test: run by scripts/benchmark-all.sh after every benchmark. Reads their figures from the output directory
 * (pages.tsv, decisions-h2.tsv, decisions-pg.tsv, engine.tsv, search-N.log, startup.tsv, status.tsv) and writes one
 * Markdown table — each figure with its same-run reference, the ratio and issue 19's target — and a plot of each
 * figure as a fraction of its target.
 *
 * <p>Arguments: outputDir docsDir commit dirty startedAt loadStart loadEnd cores forced|quiet quick|full
 */
public final class BenchmarkSummary {

    private record Row(String measure, String value, String reference, String ratio, String target, Boolean met, double ofTarget) {}

    private final List<Row> rows = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Path docs = Path.of(args[1]);
        BenchmarkSummary summary = new BenchmarkSummary();
        summary.collect(out);
        String md = summary.markdown(args[2], args[3], args[4], args[5], args[6], args[7], args[8], args[9], status(out));
        Files.createDirectories(docs);
        Files.writeString(docs.resolve("summary.md"), md);
        summary.plot(docs.resolve("targets.png"));
        System.out.println(md);
    }

    void collect(Path out) throws IOException {
        Map<String, String[]> pages = new LinkedHashMap<>();
        for (String line : lines(out.resolve("pages.tsv"))) {
            String[] f = line.split("\t");
            if (f.length >= 4 && !f[0].equals("page")) {
                pages.put(f[0], f);
            }
        }
        String[] reference = pages.get("/favicon.svg");
        for (String[] page : pages.values()) {
            if (page == reference) {
                continue;
            }
            double rps = number(page[1]);
            double ratio = number(page[3]);
            double p99 = number(page[2]);
            Double minRatio = switch (page[0]) {
                case "/" -> 0.5;
                case "/challenges" -> 0.2;
                default -> page[0].startsWith("/marketplace") ? 0.2 : null;
            };
            if (minRatio != null) {
                boolean met = ratio >= minRatio && p99 < 100;
                rows.add(new Row("`" + page[0] + "` (wrk, 20 connections)", fmt("%,.0f req/s, p99 %.0f ms", rps, p99),
                        reference == null ? "—" : fmt("static `/favicon.svg` %,.0f req/s", number(reference[1])), fmt("%.3f", ratio),
                        fmt("≥ %.1f×, p99 < 100 ms", minRatio), met, Math.min(ratio / minRatio, 100 / Math.max(p99, 1e-9))));
            } else {
                rows.add(new Row("`" + page[0] + "`", fmt("%,.0f req/s, p99 %.0f ms", rps, p99),
                        reference == null ? "—" : "static file", fmt("%.3f", ratio), "—", null, Double.NaN));
            }
        }
        for (String db : List.of("h2", "pg")) {
            Map<String, Double> d = values(out.resolve("decisions-" + db + ".tsv"));
            if (d.isEmpty()) {
                continue;
            }
            String name = db.equals("h2") ? "H2" : "PostgreSQL";
            double off = d.get("service_off_per_s");
            double pure = d.get("pure_engine_per_s");
            rows.add(new Row("`DecisionService.evaluate` (" + name + ")", fmt("%,.0f decisions/s", off),
                    fmt("pure Flowable rule engine %,.0f/s", pure), fmt("%.2f", off / pure), "≥ 20,000/s and ≥ 0.5×",
                    off >= 20_000 && off / pure >= 0.5, Math.min(off / 20_000, off / pure / 0.5)));
            rows.add(new Row("`evaluateAndRecord`, one transaction each (" + name + ")", fmt("%,.0f decisions/s", d.get("service_on_per_s")),
                    "record off", fmt("%.2f", d.get("service_on_per_s") / off), "—", null, Double.NaN));
            double e2e = d.get("end_to_end_s");
            boolean pg = db.equals("pg");
            double perCommit = d.getOrDefault("per_commit_scores_per_s", 0.0);
            rows.add(new Row(fmt("%,.0f applications scored and recorded end to end, batched (%s)", d.get("applications"), name),
                    fmt("%.2f s (%,.0f scores/s)", e2e, d.get("applications") / e2e), fmt("one commit per score: %,.0f scores/s", perCommit),
                    perCommit > 0 ? fmt("%.1f× faster", d.get("applications") / e2e / perCommit) : "—",
                    pg ? "< 2 s" : "—", pg ? e2e < 2 : null, pg ? 2 / e2e : Double.NaN));
        }
        Map<String, Double> e = values(out.resolve("engine.tsv"));
        if (!e.isEmpty()) {
            double pgbench = e.getOrDefault("pgbench_tps", 0.0);
            double tasks = e.get("tasks_per_s");
            double statements = e.get("statements_per_task");
            rows.add(new Row("user-task completions (cycle benchmark, PostgreSQL)", fmt("%.1f tasks/s", tasks),
                    fmt("pgbench %,.0f commits/s", pgbench), pgbench > 0 ? fmt("writing commits %.2f", e.get("write_commits_per_s") / pgbench) : "—",
                    "≥ 100/s", tasks >= 100, tasks / 100));
            rows.add(new Row("SQL statements per completed task", fmt("%.1f", statements), "—", "—", "≤ 40", statements <= 40, 40 / statements));
            double rush = e.get("rush_per_s");
            double p99 = e.get("rush_p99_ms");
            boolean once = e.getOrDefault("rush_exactly_once", 0.0) > 0;
            rows.add(new Row(fmt("deadline rush: %,.0f submissions accepted", e.get("rush_accepted")),
                    fmt("%.0f/s, p50 %.0f ms, p99 %.0f ms, exactly once: %s", rush, e.get("rush_p50_ms"), p99, once ? "yes" : "NO"),
                    "—", "—", "≥ 200/s, p99 < 500 ms, exactly once", rush >= 200 && p99 < 500 && once,
                    once ? Math.min(rush / 200, 500 / Math.max(p99, 1e-9)) : 0));
        }
        for (int n : List.of(100_000, 1_000_000)) {
            Path log = out.resolve("search-" + n + ".log");
            Matcher m = Pattern.compile("p95 ([0-9.]+)").matcher(String.join("\n", lines(log)));
            if (m.find()) {
                double p95 = Double.parseDouble(m.group(1));
                double target = n == 100_000 ? 50 : 150;
                rows.add(new Row(fmt("catalogue search at %,d solutions, 20 searchers (PostgreSQL)", n), fmt("p95 %.1f ms", p95),
                        "—", "—", fmt("p95 < %.0f ms", target), p95 < target, target / p95));
            }
        }
        Map<String, Double> s = values(out.resolve("startup.tsv"));
        if (s.containsKey("h2_existing_s")) {
            double h2 = s.get("h2_existing_s");
            rows.add(new Row("start-up to health, H2 with the demo data present", fmt("%.1f s", h2),
                    s.containsKey("h2_empty_s") ? fmt("empty data dir %.1f s", s.get("h2_empty_s")) : "—", "—", "< 10 s", h2 < 10, 10 / h2));
        }
        if (s.containsKey("h2_existing_cds_s")) {
            double cds = s.get("h2_existing_cds_s");
            rows.add(new Row("start-up to health, H2 with the demo data present, as the image starts (AppCDS, Spring AOT; median of the starts)", fmt("%.1f s", cds),
                    "—", "—", "< 10 s", cds < 10, 10 / cds));
        }
        if (s.containsKey("pg_existing_s")) {
            rows.add(new Row("start-up, PostgreSQL with data present", fmt("%.1f s", s.get("pg_existing_s")), "—", "—", "—", null, Double.NaN));
        }
    }

    String markdown(String commit, String dirty, String started, String loadStart, String loadEnd, String cores, String forced,
            String mode, Map<String, String> status) {
        StringBuilder md = new StringBuilder("# Benchmarks: every figure with its same-run reference (issue 19)\n\n");
        md.append(fmt("Commit `%s`%s, started %s (%s run), %s cores; load average %s at the start, %s at the end%s.%n%n",
                commit.substring(0, Math.min(12, commit.length())), dirty.equals("yes") ? " with uncommitted changes" : "", started, mode,
                cores, loadStart, loadEnd, forced.equals("forced") ? " — forced on a busy machine: read the ratios, not the absolute figures" : ""));
        md.append("| measure | value | reference (same run) | ratio | target | met |\n| --- | --- | --- | --- | --- | --- |\n");
        for (Row r : rows) {
            md.append("| ").append(r.measure).append(" | ").append(r.value).append(" | ").append(r.reference).append(" | ")
                    .append(r.ratio).append(" | ").append(r.target).append(" | ")
                    .append(r.met == null ? "—" : r.met ? "yes" : "no").append(" |\n");
        }
        List<String> failed = status.entrySet().stream().filter(x -> !x.getValue().startsWith("ok"))
                .map(x -> "`" + x.getKey() + "` " + x.getValue()).toList();
        md.append("\nSteps: ").append(status.isEmpty() ? "none recorded" : String.join(", ", status.keySet().stream().sorted().toList()))
                .append(failed.isEmpty() ? " — all ran." : "; failed: " + String.join(", ", failed) + " (see app/target/benchmark/*.log).")
                .append("\n\n![each figure as a fraction of its target (1 = just met)](targets.png)\n");
        return md.toString();
    }

    void plot(Path file) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<Boolean> met = new ArrayList<>();
        for (Row r : rows) {
            if (!Double.isNaN(r.ofTarget)) {
                String label = r.measure.replace("`", "");
                data.addValue(Math.min(r.ofTarget, 5), "fraction of target", label.length() > 60 ? label.substring(0, 57) + "…" : label);
                met.add(Boolean.TRUE.equals(r.met)); // the table's verdict, so bar and row never disagree
            }
        }
        JFreeChart chart = ChartFactory.createBarChart("Each figure as a fraction of its target (≥ 1: met, green; capped at 5)", null,
                "fraction of target", data, PlotOrientation.HORIZONTAL, false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.addRangeMarker(new ValueMarker(1, Color.BLACK, new BasicStroke(2f)));
        BarRenderer bars = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return met.get(column) ? new Color(0x2e7d32) : new Color(0xc62828);
            }
        };
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        plot.setRenderer(bars);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1000, 80 + 36 * Math.max(1, data.getColumnCount()));
    }

    private static Map<String, String> status(Path out) throws IOException {
        Map<String, String> status = new LinkedHashMap<>();
        for (String line : lines(out.resolve("status.tsv"))) {
            String[] f = line.split("\t", 2);
            if (f.length == 2) {
                status.put(f[0], f[1]);
            }
        }
        return status;
    }

    private static Map<String, Double> values(Path file) throws IOException {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String line : lines(file)) {
            String[] f = line.split("\t");
            if (f.length == 2 && !f[0].equals("measure")) {
                values.put(f[0], f[1].equalsIgnoreCase("true") ? 1.0 : f[1].equalsIgnoreCase("false") ? 0.0 : number(f[1]));
            }
        }
        return values;
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text.trim().replace(",", ""));
        } catch (NumberFormatException notANumber) {
            return Double.NaN;
        }
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
