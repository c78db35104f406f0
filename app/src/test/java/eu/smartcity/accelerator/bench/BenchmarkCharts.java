package eu.smartcity.accelerator.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;

/** The benchmark's PNG plots (JFreeChart, headless). */
final class BenchmarkCharts {

    private BenchmarkCharts() {}

    static void throughput(Path file, double pgbenchTps, double engineCommits, double writeCommits, double tasks, double submissions) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(pgbenchTps, "per second", "pgbench commits");
        data.addValue(engineCommits, "per second", "engine commits, all (cycles)");
        data.addValue(writeCommits, "per second", "engine commits, writing (cycles)");
        data.addValue(tasks, "per second", "user tasks completed");
        data.addValue(submissions, "per second", "rush submissions (HTTP)");
        JFreeChart chart = ChartFactory.createBarChart("Throughput on one PostgreSQL", null, "per second", data,
                PlotOrientation.HORIZONTAL, false, false, false);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 380);
    }

    static void latency(Path file, List<Double> latenciesMillis) throws IOException {
        double[] values;
        synchronized (latenciesMillis) {
            values = latenciesMillis.stream().mapToDouble(Double::doubleValue).toArray();
        }
        HistogramDataset data = new HistogramDataset();
        data.addSeries("submissions", values.length == 0 ? new double[] {0} : values, 60);
        JFreeChart chart = ChartFactory.createHistogram("Deadline rush: latency of each submission", "milliseconds",
                "submissions", data, PlotOrientation.VERTICAL, false, false, false);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 420);
    }
}
