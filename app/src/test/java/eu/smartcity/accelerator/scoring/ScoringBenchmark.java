package eu.smartcity.accelerator.scoring;

import eu.smartcity.accelerator.AcceleratorApplication;
import eu.smartcity.accelerator.workflow.DecisionAudit;
import eu.smartcity.accelerator.workflow.DecisionRecords;
import eu.smartcity.accelerator.workflow.DecisionService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not a test (run by scripts/benchmark-decisions.sh): {@code applicant-scoring}
 * decisions per second in-process with the audit record off and on, and scoring N applications
 * end to end through {@link ApplicantScoring} (each jury score recorded in its own transaction, as
 * a jury task completing would) followed by the ranking. One run, one JVM, so the ratios compare.
 *
 * <p>System properties: {@code decisions} (default 5000), {@code applications} (10000),
 * {@code jury} (jury members per application, 1), {@code warmup} (3000).
 */
public final class ScoringBenchmark {

    public static void main(String[] args) {
        int decisions = Integer.getInteger("decisions", 5000);
        int applications = Integer.getInteger("applications", 10_000);
        int jury = Integer.getInteger("jury", 1);
        int warmup = Integer.getInteger("warmup", 3000);

        long startUp = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AcceleratorApplication.class)
                .properties("server.port=0", "camunda.bpm.job-execution.enabled=false", "logging.level.root=WARN",
                        "spring.main.banner-mode=off")
                .run(args);
        try {
            DecisionService service = context.getBean(DecisionService.class);
            ApplicantScoring scoring = context.getBean(ApplicantScoring.class);
            DecisionRecords records = context.getBean(DecisionRecords.class);
            TransactionTemplate tx = new TransactionTemplate(context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
            String db = context.getEnvironment().getProperty("spring.datasource.url");
            System.out.printf("database: %s; started in %.1f s; %d cores, java %s%n", db.replaceAll(";.*", ""),
                    (System.nanoTime() - startUp) / 1e9, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));

            Random random = new Random(42);
            List<Map<String, Object>> inputs = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                Map<String, Object> in = new LinkedHashMap<>(CriterionScores.of(random.nextInt(11), random.nextInt(11),
                        random.nextInt(11), random.nextInt(11), random.nextInt(11), random.nextInt(11)).toInputs());
                in.putAll(DecisionCases.SPRING.toInputs());
                inputs.add(in);
            }

            for (int i = 0; i < warmup; i++) {
                service.evaluate(Decisions.APPLICANT_SCORING, inputs.get(i % inputs.size()));
                if (i % 4 == 0) {
                    int n = i;
                    tx.executeWithoutResult(s -> service.evaluateAndRecord(Decisions.APPLICANT_SCORING, inputs.get(n % inputs.size()),
                            DecisionAudit.of("benchmark-warmup", "w" + n)));
                }
            }

            long t0 = System.nanoTime();
            for (int i = 0; i < decisions; i++) {
                service.evaluate(Decisions.APPLICANT_SCORING, inputs.get(i % inputs.size()));
            }
            double off = decisions / ((System.nanoTime() - t0) / 1e9);

            long t1 = System.nanoTime();
            for (int i = 0; i < decisions; i++) {
                int n = i;
                tx.executeWithoutResult(s -> service.evaluateAndRecord(Decisions.APPLICANT_SCORING, inputs.get(n % inputs.size()),
                        DecisionAudit.of("benchmark", "b" + n)));
            }
            double on = decisions / ((System.nanoTime() - t1) / 1e9);

            long before = records.count();
            Map<String, Instant> submitted = new HashMap<>();
            List<JuryScore> scores = new ArrayList<>(applications * jury);
            Instant base = Instant.parse("2026-03-01T09:00:00Z");
            long t2 = System.nanoTime();
            for (int a = 0; a < applications; a++) {
                String applicationId = "bench-app-" + a;
                submitted.put(applicationId, base.plusSeconds(a));
                for (int j = 0; j < jury; j++) {
                    scores.add(scoring.score(applicationId, "jury-" + j, CriterionScores.of(random.nextInt(11),
                            random.nextInt(11), random.nextInt(11), random.nextInt(11), random.nextInt(11),
                            random.nextInt(11)), DecisionCases.SPRING, null));
                }
            }
            long t3 = System.nanoTime();
            List<RankedApplication> ranking = scoring.rank(scores, submitted);
            long t4 = System.nanoTime();
            long recorded = records.count() - before;

            System.out.printf(Locale.ROOT, "applicant-scoring, audit record off: %,.0f decisions/s (%d decisions)%n", off, decisions);
            System.out.printf(Locale.ROOT, "applicant-scoring, audit record on:  %,.0f decisions/s (%d decisions, one transaction each)%n", on, decisions);
            System.out.printf(Locale.ROOT, "audit on / off: %.2f%n", on / off);
            System.out.printf(Locale.ROOT, "end to end: %,d applications x %d jury member(s) scored and recorded in %.1f s (%,.0f scores/s), "
                    + "ranked in %.0f ms; %,d records written; top: %s %.3f%n",
                    applications, jury, (t3 - t2) / 1e9, applications * jury / ((t3 - t2) / 1e9), (t4 - t3) / 1e6, recorded,
                    ranking.get(0).applicationId(), ranking.get(0).averageScore());
        } finally {
            context.close();
        }
    }
}
