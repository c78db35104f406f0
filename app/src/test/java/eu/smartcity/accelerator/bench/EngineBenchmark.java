package eu.smartcity.accelerator.bench;

import eu.smartcity.accelerator.AcceleratorApplication;
import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.support.PortalClient;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test (run by scripts/benchmark.sh, which passes the pgbench figure): on PostgreSQL,
 * <ol>
 * <li>full accelerator cycles through the engine ({@link BenchCycle}), {@code threads} at once: cycles/s,
 * user-task completions/s, commits (pg_stat_database.xact_commit) and SQL statements ({@link StatementCounter},
 * and pg_stat_statements when the server has it loaded) per completed task, and engine commits/s against pgbench;</li>
 * <li>the deadline rush: {@code rush} submissions through the portal (HTTP, logged-in company sessions, CSRF)
 * from {@code rushThreads} clients released at once against calls closing in the last minute; p50/p95/p99 and
 * a check that every accepted submission exists exactly once, with exactly one application process.</li>
 * </ol>
 * Writes {@code benchmark.md} and PNG plots to {@code bench.out}.
 *
 * <p>Both are measured warm, as a server that has been running meets a deadline: {@code warmupCycles} cycles and
 * {@code rushWarmup} portal submissions (to calls of their own, not counted) first, so that the JIT compiler's work
 * is not billed to the figures. The cycle's code is wide (Camunda, Hibernate, PDFBox, DSS, ...), so on two cores C2
 * keeps compiling for minutes: after 12 warm-up cycles it still used about half of the JVM's CPU during the measured
 * cycles, after 160 the JVM's CPU per task had fallen from 21-27 to 8-10 ms (docs/performance.md, "Warm means warm").
 * The report shows the last warm-up round's and the measured cycles' JIT time. The portal's submission path is
 * warmed the way a node meets a real deadline: a burst of {@code rushWarmup} submissions from {@code rushThreads}
 * clients, then the trickle of the weeks a call is open ({@code rushTrickle} from {@code rushTrickleClients}), then
 * a pause until the JIT compilers are quiet. Under fifty clients on two cores C2 gets a small share of the processors
 * and its queue never empties, so without the trickle it was still compiling the path for the first time during the
 * measured rush (docs/performance.md, "The deadline rush and the JIT"); the report shows the JIT's CPU per submission
 * in each warm-up phase and, by thread group, in the measured rush.
 *
 * <p>System properties: cycles (32), applications per challenge (20), threads (2), rush (5000), rushThreads (50),
 * warmupCycles (160), rushWarmup (1000), rushTrickle (4000), rushTrickleClients (4), rushWarmupRounds (1),
 * jitQuietMaxSeconds (120), pgbenchTps / pgbenchClients (from the script), bench.out (app/target/benchmark).
 */
public final class EngineBenchmark {

    /** {@code cycles} full cycles, one thread per cycle in {@code cycleIds}, each challenge in the next city in turn. */
    private static void runCycles(BenchCycle driver, List<UUID> cycleIds, int cycles, int applicationsPerChallenge, String title)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(cycleIds.size());
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> running = new ArrayList<>();
            String[] cities = {"city-delft", "city-mechelen", "city-bruges", "city-saint-quentin"};
            for (UUID cycle : cycleIds) {
                running.add(pool.submit(() -> {
                    for (int n; (n = next.getAndIncrement()) < cycles; ) {
                        driver.run(cycle, cities[n % cities.length], title + n, applicationsPerChallenge);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * {@code cycles} warm-up cycles in rounds of 8, in the same shape as the measured ones (so the JIT compiles what will
     * be measured), each round's JIT compile time printed: on two cores C2 is still compiling after dozens of cycles.
     * Returns the last round's line for the report.
     */
    private static String warmUp(BenchCycle driver, List<UUID> cycleIds, int cycles, int applicationsPerChallenge) throws Exception {
        String last = "none";
        for (int done = 0, round = 1; done < cycles; round++) {
            int n = Math.min(8, cycles - done);
            long jitBefore = jitMillis();
            long t0 = System.nanoTime();
            runCycles(driver, cycleIds, n, applicationsPerChallenge, "Warm-up " + round + " challenge ");
            done += n;
            last = fmt("%d cycles in %.1f s, JIT compiling %.1f s", n, (System.nanoTime() - t0) / 1e9,
                    (jitMillis() - jitBefore) / 1e3);
            System.out.println("warm-up round " + round + " (" + done + " of " + cycles + "): " + last);
        }
        return last;
    }

    public static void main(String[] args) throws Exception {
        int cycles = Integer.getInteger("cycles", 32);
        int applicationsPerChallenge = Integer.getInteger("applications", 20);
        int threads = Integer.getInteger("threads", 2);
        int rush = Integer.getInteger("rush", 5000);
        int rushThreads = Integer.getInteger("rushThreads", 50);
        int warmupCycles = Integer.getInteger("warmupCycles", 160);
        int rushWarmup = Integer.getInteger("rushWarmup", 1000);
        double pgbenchTps = Double.parseDouble(System.getProperty("pgbenchTps", "0"));
        String pgbenchClients = System.getProperty("pgbenchClients", "?");
        Path out = Path.of(System.getProperty("bench.out", "app/target/benchmark"));
        Files.createDirectories(out);

        long startUp = System.nanoTime();
        // as command-line arguments: they must win over the postgres profile's defaults
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.addAll(List.of("--server.port=0", "--camunda.bpm.job-execution.enabled=false", "--logging.level.root=WARN",
                "--spring.main.banner-mode=off", "--accelerator.demo-data.enabled=true", "--accelerator.demo-data.cycle=false",
                // the contract step signs its PDF (PAdES): a demo key under target, as the PostgreSQL tests use
                "--accelerator.signing.keystore=" + out.toAbsolutePath().resolve("signing/demo-signing.p12"),
                "--accelerator.signing.password=bench-signing", "--accelerator.signing.create-demo-certificate=true",
                // no SMTP server here: notifications are recorded in their transactions, not sent
                "--accelerator.notifications.scheduling.enabled=false"));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AcceleratorApplication.class, StatementCounter.class)
                .run(arguments.toArray(String[]::new));
        try {
            String db = context.getEnvironment().getProperty("spring.datasource.url");
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
            ProcessEngine engine = context.getBean(ProcessEngine.class);
            Cycles cycleService = context.getBean(Cycles.class);
            BenchCycle driver = new BenchCycle(context.getBean(Challenges.class), context.getBean(Applications.class), engine,
                    context.getBean(eu.smartcity.accelerator.workflow.TaskCompletions.class));
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            String setting = String.format(Locale.ROOT, "%s; started in %.1f s; %d cores; Java %s; history %s",
                    db.replaceAll("\\?.*", ""), (System.nanoTime() - startUp) / 1e9, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), engine.getProcessEngineConfiguration().getHistory());
            System.out.println("engine benchmark: " + setting);
            boolean pgss = Boolean.TRUE.equals(jdbc.queryForObject(
                    "select exists (select 1 from pg_extension where extname = 'pg_stat_statements') "
                            + "and current_setting('shared_preload_libraries') like '%pg_stat_statements%'", Boolean.class));

            // warm-up: cycles not measured
            List<UUID> cycleIds = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                cycleIds.add(cycleService.open("Benchmark " + t, "scifi-2025").id());
            }
            String warmUp = warmUp(driver, cycleIds, Math.max(1, warmupCycles), applicationsPerChallenge);

            // 1. full cycles, `threads` at once
            Counters before = Counters.read(jdbc, engine, pgss);
            Map<String, Long> kindsBefore = kinds();
            Map<String, Long> callersBefore = callers();
            Map<Integer, Long> pgCpuBefore = backendTicks(jdbc);
            long jvmCpuBefore = jvmCpuNanos();
            long jitBefore = jitMillis();
            long t0 = System.nanoTime();
            runCycles(driver, cycleIds, cycles, applicationsPerChallenge, "Benchmark challenge ");
            double seconds = (System.nanoTime() - t0) / 1e9;
            long jvmCpuNanos = jvmCpuNanos() - jvmCpuBefore;
            long jitMillis = jitMillis() - jitBefore;
            long pgCpuTicks = 0;
            for (Map.Entry<Integer, Long> backend : backendTicks(jdbc).entrySet()) {
                pgCpuTicks += backend.getValue() - pgCpuBefore.getOrDefault(backend.getKey(), 0L);
            }
            Counters after = Counters.read(jdbc, engine, pgss);
            Map<String, Long> kindsAfter = kinds();
            long tasks = after.tasksCompleted - before.tasksCompleted;
            long commits = after.commits - before.commits;
            long writeCommits = after.writeCommits - before.writeCommits;
            long statements = after.statements - before.statements;
            long writeStatements = after.writeStatements - before.writeStatements;
            long jobs = after.jobsRun - before.jobsRun;
            double commitsPerSecond = commits / seconds;
            double writeCommitsPerSecond = writeCommits / seconds;

            Map<String, Long> callersCycles = callers();

            // 2. the deadline rush through the portal
            // the portal's path warmed up, to calls of its own: a burst as at the deadline, then the steady trickle of the
            // weeks a call is open (a few at a time), until the JIT compilers are quiet
            List<String> rushWarmUp = new ArrayList<>();
            int rushWarmupRounds = Integer.getInteger("rushWarmupRounds", 1);
            int trickle = Integer.getInteger("rushTrickle", 4000);
            int trickleClients = Integer.getInteger("rushTrickleClients", 4);
            for (int r = 0; rush > 0 && r < rushWarmupRounds; r++) {
                if (rushWarmup > 0) {
                    Rush burst = rush(driver, cycleIds.get(0), port, rushWarmup, rushThreads, jdbc, "Rush warm-up " + r);
                    rushWarmUp.add(fmt("%d from %d clients at %.0f/s (JIT %.2f ms each)", burst.accepted, rushThreads,
                            burst.accepted / burst.seconds, burst.jitMsPerSubmission()));
                }
                if (trickle > 0) {
                    Rush calm = rush(driver, cycleIds.get(0), port, trickle, trickleClients, jdbc, "Trickle " + r);
                    rushWarmUp.add(fmt("%d from %d clients at %.0f/s (JIT %.2f ms each)", calm.accepted, trickleClients,
                            calm.accepted / calm.seconds, calm.jitMsPerSubmission()));
                }
                System.out.println("rush warm-up round " + r + ": " + rushWarmUp);
            }
            if (rush > 0) {
                rushWarmUp.add("JIT quiet: " + awaitQuietJit());
            }
            StringBuilder admissionRounds = new StringBuilder();
            int rounds = Integer.getInteger("admissionRounds", 0);
            if (rush > 0 && rounds > 0) {
                admissionRounds.append(admissionRounds(context, driver, cycleIds.get(0), port, rush, rushThreads, jdbc, rounds));
            }
            Map<String, Long> kindsBeforeRush = kinds();
            Map<String, Long> callersBeforeRush = callers();
            Rush result = rush(driver, cycleIds.get(0), port, rush, rushThreads, jdbc, "Rush");
            Map<String, Long> kindsAfterRush = kinds();
            Map<String, Long> callersRush = callers();

            // report
            StringBuilder md = new StringBuilder();
            md.append("# Engine benchmark\n\n").append(setting).append(", run at ").append(Instant.now()).append("\n\n");
            md.append("| measure | value |\n| --- | --- |\n");
            row(md, "pgbench (TPC-B-like, " + pgbenchClients + " clients), the machine's reference", fmt("%,.0f commits/s", pgbenchTps));
            row(md, "warm-up before measuring (not counted)", fmt("%d cycles (the last round: %s); portal submissions: %s",
                    Math.max(1, warmupCycles), warmUp, rushWarmUp.isEmpty() ? "none" : String.join(", then ", rushWarmUp)));
            row(md, "full cycles (" + applicationsPerChallenge + " applications, 3 jury members, contract, pilot, evaluation), "
                    + threads + " at once", fmt("%d in %.1f s = %.3f cycles/s", cycles, seconds, cycles / seconds));
            row(md, "user-task completions", fmt("%,d = %.1f tasks/s", tasks, tasks / seconds));
            row(md, "JIT compiling during the measured cycles (compiler threads' time, of the cycles' wall time)",
                    fmt("%.1f s of %.1f s", jitMillis / 1e3, seconds));
            row(md, "async jobs run", fmt("%,d", jobs));
            row(md, "CPU per completed task: this JVM / the PostgreSQL backends of this database (/proc, 10 ms ticks; local server only)",
                    fmt("%.1f ms / %.1f ms", jvmCpuNanos / 1e6 / tasks, pgCpuTicks * 10.0 / tasks));
            row(md, "commits per completed task: all (pg_stat_database.xact_commit) / writing (JDBC count)",
                    fmt("%.2f / %.2f", (double) commits / tasks, (double) writeCommits / tasks));
            row(md, "SQL statements per completed task: all / in writing transactions (JDBC count" + (pgss ? "; pg_stat_statements, all: "
                    + fmt("%.1f", (double) (after.pgssCalls - before.pgssCalls) / tasks) : "") + ")",
                    fmt("%.1f / %.1f", (double) statements / tasks, (double) writeStatements / tasks));
            row(md, "SQL statements per writing transaction", fmt("%.1f", (double) writeStatements / writeCommits));
            row(md, "engine commits/s during the cycles: all / writing", fmt("%,.0f / %,.0f", commitsPerSecond, writeCommitsPerSecond));
            row(md, "engine commits/s ÷ pgbench commits/s: all / writing", pgbenchTps > 0
                    ? fmt("%.2f / %.2f", commitsPerSecond / pgbenchTps, writeCommitsPerSecond / pgbenchTps) : "n/a");
            row(md, "deadline rush: submissions through the portal, " + rushThreads + " clients at once",
                    fmt("%,d accepted, %,d refused, %,d failed in %.1f s = %.0f submissions/s", result.accepted, result.refused,
                            result.failed, result.seconds, result.accepted / result.seconds));
            row(md, "rush latency p50 / p95 / p99 / max", fmt("%.0f / %.0f / %.0f / %.0f ms", result.percentile(50), result.percentile(95),
                    result.percentile(99), result.percentile(100)));
            row(md, "rush CPU per accepted submission: request threads / benchmark clients / whole JVM / PostgreSQL backends",
                    result.cpuPerSubmission());
            row(md, "rush: the whole JVM's CPU per accepted submission by thread group (ms; /proc, 10 ms ticks; JIT = C1/C2 compilers, GC = G1's threads)",
                    result.jvmCpuByThreads());
            row(md, "every accepted submission stored exactly once, with one application process", result.exactlyOnce
                    ? "yes (" + result.accepted + " of " + result.accepted + ")" : "NO: " + result.problem);
            md.append("\nStatements are counted at the JDBC driver of the main pool (JPA + Camunda; Flowable's own pool not included)")
                    .append(pgss ? "" : "; pg_stat_statements is not loaded on this server (it needs shared_preload_libraries and a restart)")
                    .append(". All commits include the read-only transactions of every engine query (the driver looks up task lists and jobs "
                            + "the way Tasklist and the job executor do); writing commits are those that inserted, updated or deleted: "
                            + "task completions, submissions, async jobs and timers. pgbench's transactions all write.\n\n")
                    .append("![engine vs pgbench](throughput.png)\n\n![rush latency](rush-latency.png)\n").append(admissionRounds);
            md.append("\nThe most frequent statements during the cycles, per completed task (kind and table, JDBC count):\n\n")
                    .append("| statements per task | kind |\n| --- | --- |\n");
            kindsAfter.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - kindsBefore.getOrDefault(e.getKey(), 0L)))
                    .filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(20)
                    .forEach(e -> md.append(fmt("| %.2f | `%s` |%n", (double) e.getValue() / tasks, e.getKey())));
            md.append("\nThe same statements by table family, per completed task during the cycles and per accepted submission in the rush "
                    + "(JDBC count; the rush includes the session, login-free page reads and the process start):\n\n")
                    .append("| family | per completed task | per accepted submission |\n| --- | --- | --- |\n");
            Map<String, Long> cycleFamilies = families(kindsBefore, kindsAfter);
            Map<String, Long> rushFamilies = families(kindsBeforeRush, kindsAfterRush);
            java.util.TreeSet<String> familyNames = new java.util.TreeSet<>(cycleFamilies.keySet());
            familyNames.addAll(rushFamilies.keySet());
            for (String family : familyNames) {
                md.append(fmt("| %s | %.1f | %.1f |%n", family, (double) cycleFamilies.getOrDefault(family, 0L) / tasks,
                        (double) rushFamilies.getOrDefault(family, 0L) / Math.max(1, result.accepted)));
            }
            md.append(fmt("| **all** | **%.1f** | **%.1f** |%n", (double) cycleFamilies.values().stream().mapToLong(Long::longValue).sum() / tasks,
                    (double) rushFamilies.values().stream().mapToLong(Long::longValue).sum() / Math.max(1, result.accepted)));
            if (StatementCounter.CALLERS) {
                StringBuilder callers = new StringBuilder("statements per completed task during the cycles, by kind and the first frame of our code\n");
                delta(callersBefore, callersCycles).entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(80)
                        .forEach(e -> callers.append(fmt("%8.2f  %s%n", (double) e.getValue() / tasks, e.getKey())));
                callers.append("\nstatements per accepted submission during the rush, by kind and the first frame of our code\n");
                delta(callersBeforeRush, callersRush).entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(80)
                        .forEach(e -> callers.append(fmt("%8.2f  %s%n", (double) e.getValue() / Math.max(1, result.accepted), e.getKey())));
                callers.append("\nstatements per run of each phase of the cycles (warm-up included), by kind: phase (runs) | kind\n");
                Map<String, Long> runs = new HashMap<>();
                StatementCounter.PHASES.forEach((phase, count) -> runs.put(phase, count.sum()));
                Map<String, Long> byPhase = new java.util.TreeMap<>();
                StatementCounter.BY_PHASE.forEach((key, count) -> byPhase.put(key, count.sum()));
                Map<String, Long> phaseTotals = new java.util.TreeMap<>();
                byPhase.forEach((key, count) -> phaseTotals.merge(key.substring(0, key.indexOf(" | ")), count, Long::sum));
                phaseTotals.forEach((phase, total) -> {
                    long n = Math.max(1, runs.getOrDefault(phase, 1L));
                    callers.append(fmt("%n%8.2f  %s (%d runs), all%n", (double) total / n, phase, n));
                    byPhase.entrySet().stream().filter(e -> e.getKey().startsWith(phase + " | "))
                            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                            .forEach(e -> callers.append(fmt("%8.2f    %s%n", (double) e.getValue() / n, e.getKey().substring(phase.length() + 3))));
                });
                for (String traced : StatementCounter.TRACE) {
                    if (traced.isEmpty()) {
                        continue;
                    }
                    long n = Math.max(1, runs.getOrDefault(traced, 1L));
                    callers.append("\n\nstatements of phase " + traced + " per run, by kind and stack\n");
                    StatementCounter.TRACES.entrySet().stream().filter(e -> e.getKey().startsWith(traced + " | "))
                            .sorted(Map.Entry.<String, java.util.concurrent.atomic.LongAdder>comparingByValue(
                            java.util.Comparator.comparingLong(java.util.concurrent.atomic.LongAdder::sum)).reversed())
                            .forEach(e -> callers.append(fmt("%n%8.2f  %s%n", (double) e.getValue().sum() / n, e.getKey())));
                }
                Files.writeString(out.resolve("callers.txt"), callers.toString());
            }
            Files.writeString(out.resolve("engine.tsv"), fmt("measure\tvalue%npgbench_tps\t%.0f%ntasks_per_s\t%.1f%n"
                    + "statements_per_task\t%.1f%nwrite_commits_per_s\t%.1f%nrush_per_s\t%.1f%nrush_p50_ms\t%.0f%nrush_p99_ms\t%.0f%n"
                    + "%srush_accepted\t%d%nrush_exactly_once\t%s%nhistory\t%s%n", pgbenchTps, tasks / seconds, (double) statements / tasks,
                    writeCommitsPerSecond, result.accepted / Math.max(result.seconds, 1e-9), result.percentile(50), result.percentile(99),
                    result.cpuLines(), result.accepted, result.exactlyOnce, engine.getProcessEngineConfiguration().getHistory()));
            Files.writeString(out.resolve("benchmark.md"), md.toString());
            BenchmarkCharts.throughput(out.resolve("throughput.png"), pgbenchTps, commitsPerSecond, writeCommitsPerSecond, tasks / seconds,
                    result.accepted / result.seconds);
            BenchmarkCharts.latency(out.resolve("rush-latency.png"), result.latenciesMillis);
            System.out.println(md);
            System.out.println("written: " + out.toAbsolutePath());
            if (!result.exactlyOnce) {
                System.exit(2);
            }
        } finally {
            context.close();
        }
    }

    private static Map<String, Long> callers() {
        Map<String, Long> snapshot = new HashMap<>();
        StatementCounter.BY_CALLER.forEach((kind, count) -> snapshot.put(kind, count.sum()));
        return snapshot;
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new HashMap<>();
        after.forEach((key, count) -> {
            long d = count - before.getOrDefault(key, 0L);
            if (d > 0) {
                delta.put(key, d);
            }
        });
        return delta;
    }

    /** Statements between two snapshots, summed by {@link StatementCounter#family}. */
    private static Map<String, Long> families(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> families = new HashMap<>();
        after.forEach((kind, count) -> {
            long delta = count - before.getOrDefault(kind, 0L);
            if (delta > 0) {
                families.merge(StatementCounter.family(kind), delta, Long::sum);
            }
        });
        return families;
    }

    private static Map<String, Long> kinds() {
        Map<String, Long> snapshot = new HashMap<>();
        StatementCounter.BY_TABLE.forEach((kind, count) -> snapshot.put(kind, count.sum()));
        return snapshot;
    }

    /**
     * Waits (at most {@code jitQuietMaxSeconds}, 120) until the JIT compilers have worked less than 2 % of the last
     * 3 seconds, so that a queue of methods the warm-up left to compile is not charged to the measured rush.
     */
    static String awaitQuietJit() throws InterruptedException {
        long max = Integer.getInteger("jitQuietMaxSeconds", 120) * 1000L;
        long start = System.currentTimeMillis();
        long compiledBefore = jitMillis();
        long previous = compiledBefore;
        while (System.currentTimeMillis() - start < max) {
            Thread.sleep(3000);
            long now = jitMillis();
            if (now - previous < 60) {
                break;
            }
            previous = now;
        }
        return fmt("%.0f s waited, %.1f s compiled meanwhile", (System.currentTimeMillis() - start) / 1e3,
                (jitMillis() - compiledBefore) / 1e3);
    }

    /** The JIT compilers' time so far (all compiler threads, milliseconds). */
    static long jitMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * User + system CPU (clock ticks, fields 14 and 15 of /proc/pid/stat) of each PostgreSQL backend connected to this
     * database (both pools: JPA/Camunda and Flowable); empty when the server is not on this machine.
     */
    static Map<Integer, Long> backendTicks(JdbcTemplate jdbc) {
        Map<Integer, Long> ticks = new HashMap<>();
        for (Integer pid : jdbc.queryForList("select pid from pg_stat_activity where datname = current_database()", Integer.class)) {
            try {
                ticks.put(pid, ThreadGroupsCpu.cpuTicks(Files.readString(Path.of("/proc", pid.toString(), "stat"))));
            } catch (Exception e) {
                // not on this machine, or gone
            }
        }
        return ticks;
    }

    private record Counters(long commits, long writeCommits, long statements, long writeStatements, long pgssCalls, long tasksCompleted, long jobsRun) {
        static Counters read(JdbcTemplate jdbc, ProcessEngine engine, boolean pgss) {
            long commits = jdbc.queryForObject("select xact_commit from pg_stat_database where datname = current_database()", Long.class);
            long calls = pgss ? jdbc.queryForObject("select coalesce(sum(calls), 0) from pg_stat_statements s join pg_database d "
                    + "on d.oid = s.dbid where d.datname = current_database()", Long.class) : 0;
            // completed user tasks: the engine's task history, plus the jury's marks (a score task keeps no engine task
            // history, accelerator.history = none; each completed one is one jury_score row). Only deltas are reported.
            long tasks = engine.getHistoryService().createHistoricTaskInstanceQuery().finished().count()
                    + jdbc.queryForObject("select count(*) from jury_score", Long.class);
            long jobs = engine.getHistoryService().createHistoricJobLogQuery().successLog().count();
            return new Counters(commits, StatementCounter.WRITE_COMMITS.get(), StatementCounter.STATEMENTS.get(),
                    StatementCounter.WRITE_STATEMENTS.get(), calls, tasks, jobs);
        }
    }

    static final class Rush {
        final List<Double> latenciesMillis = Collections.synchronizedList(new ArrayList<>());
        int accepted;
        int refused;
        int failed;
        double seconds;
        /** CPU milliseconds during the rush: the app's request threads, the benchmark's clients, the whole JVM, PostgreSQL's backends. */
        double serverCpuMs;
        final java.util.concurrent.atomic.LongAdder clientCpuNanos = new java.util.concurrent.atomic.LongAdder();
        double jvmCpuMs;
        double postgresCpuMs = Double.NaN;
        /** The JVM's CPU milliseconds during the rush by thread group (/proc names, digits folded): where "whole JVM" goes. */
        Map<String, Double> jvmCpuMsByThreads = Map.of();

        /** The JIT compilers' CPU per accepted submission (ms). */
        double jitMsPerSubmission() {
            return jvmCpuMsByThreads.getOrDefault("JIT", 0.0) / Math.max(1, accepted);
        }

        /** The thread groups' CPU per accepted submission, largest first, as one line. */
        String jvmCpuByThreads() {
            double n = Math.max(1, accepted);
            return jvmCpuMsByThreads.entrySet().stream().filter(e -> e.getValue() / n >= 0.05)
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .map(e -> fmt("%s %.2f", e.getKey(), e.getValue() / n)).collect(java.util.stream.Collectors.joining(" · "));
        }

        /** engine.tsv lines: CPU ms per accepted submission. */
        String cpuLines() {
            double n = Math.max(1, accepted);
            return fmt("rush_cpu_server_ms\t%.2f%nrush_cpu_client_ms\t%.2f%nrush_cpu_jvm_ms\t%.2f%n", serverCpuMs / n,
                    clientCpuNanos.sum() / 1e6 / n, jvmCpuMs / n) + (Double.isNaN(postgresCpuMs) ? "" : fmt("rush_cpu_postgres_ms\t%.2f%n", postgresCpuMs / n));
        }

        String cpuPerSubmission() {
            double n = Math.max(1, accepted);
            return fmt("%.1f / %.1f / %.1f / %s ms", serverCpuMs / n, clientCpuNanos.sum() / 1e6 / n, jvmCpuMs / n,
                    Double.isNaN(postgresCpuMs) ? "n/a" : fmt("%.1f", postgresCpuMs / n));
        }
        boolean exactlyOnce;
        String problem = "";

        double percentile(double p) {
            List<Double> sorted = new ArrayList<>(latenciesMillis);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }
    }

    /**
     * {@code -DadmissionRounds=n}: n rushes of {@code rush} submissions each, alternately with the bound on submissions at
     * once lifted and in force (application/web/SubmissionAdmission, lifted by giving its semaphore enough turns for
     * everyone), in one warm JVM, so both meet the same JIT state and, as nearly as a shared machine allows, the same load.
     */
    private static String admissionRounds(ConfigurableApplicationContext context, BenchCycle driver, UUID cycle, int port, int submissions,
            int clients, JdbcTemplate jdbc, int rounds) throws Exception {
        Object admission = context.getBean("submissionAdmission");
        java.lang.reflect.Method turnsOf = admission.getClass().getDeclaredMethod("turns");
        turnsOf.setAccessible(true);
        // the fair semaphore inside shared.Turns: lifted by lending it turns, which the real code never does
        java.util.concurrent.Semaphore turns = (java.util.concurrent.Semaphore) org.springframework.test.util.ReflectionTestUtils
                .getField(turnsOf.invoke(admission), "turns");
        int lift = 100_000;
        StringBuilder md = new StringBuilder("\nThe bound on submissions at once, lifted and in force in turn (" + rounds + " rushes of "
                + submissions + " from " + clients + " clients, same JVM):\n\n| round | bound | submissions/s | p50 / p95 / p99 / max ms "
                + "| p99 ÷ p50 | CPU ms per submission: request threads / clients / JVM / PostgreSQL |\n| --- | --- | --- | --- | --- | --- |\n");
        for (int r = 0; r < rounds; r++) {
            boolean lifted = r % 2 == 0;
            if (lifted) {
                turns.release(lift);
            }
            Rush round = rush(driver, cycle, port, submissions, clients, jdbc, "Admission round " + r);
            if (lifted) {
                turns.acquire(lift); // no submission runs between rounds: every turn is back
            }
            String line = fmt("| %d | %s | %.0f | %.0f / %.0f / %.0f / %.0f | %.2f | %s |%n", r, lifted ? "lifted" : "in force",
                    round.accepted / round.seconds, round.percentile(50), round.percentile(95), round.percentile(99), round.percentile(100),
                    round.percentile(99) / round.percentile(50), round.cpuPerSubmission());
            System.out.print("admission round " + line);
            md.append(line);
            if (!round.exactlyOnce) {
                throw new IllegalStateException("Admission round " + r + " not exactly once: " + round.problem);
            }
        }
        return md.toString();
    }

    /** Thousands of submissions released at once against open calls, through the portal as companies submit. */
    private static Rush rush(BenchCycle driver, UUID cycle, int port, int submissions, int clients, JdbcTemplate jdbc, String label)
            throws Exception {
        if (submissions <= 0) {
            Rush none = new Rush();
            none.exactlyOnce = true;
            return none;
        }
        // a company applies once per call: each client is a company of its own and sends one submission to each call
        int callCount = (submissions + clients - 1) / clients;
        List<UUID> calls = new ArrayList<>();
        for (int i = 0; i < callCount; i++) {
            calls.add(driver.publish(cycle, "city-mechelen", label + " call " + i));
        }
        // async publish of the call ran inside publish(): the calls are open now
        List<PortalClient> sessions = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            PortalClient client = new PortalClient(port);
            client.login(driver.rushCompanyUser(c), "demo");
            tokens.add(PortalClient.csrfToken(client.get("/challenges/" + calls.get(0) + "/apply").body()));
            sessions.add(client);
        }
        Rush rush = new Rush();
        Map<String, Integer> outcome = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            done.add(pool.submit(() -> {
                go.await();
                for (int n = client; n < submissions; n += clients) {
                    UUID call = calls.get(n / clients);
                    String title = label + " submission " + n;
                    String body = "_csrf=" + enc(tokens.get(client)) + "&solutionTitle=" + enc(title)
                            + "&pitch=" + enc("Submitted in the last minute.") + "&requestedBudget=9000&trl=7&legalEntity=true"
                            + "&country=BE&employees=25&interoperable=true&declarationsSigned=true";
                    long s = System.nanoTime();
                    HttpResponse<String> response = sessions.get(client).postWithoutCsrf("/challenges/" + call + "/apply", body);
                    rush.latenciesMillis.add((System.nanoTime() - s) / 1e6);
                    boolean ok = response.statusCode() == 302 && response.headers().firstValue("Location").orElse("").contains("/applications?submitted=");
                    outcome.put(title, ok ? 1 : response.statusCode() == 200 ? 0 : -1);
                }
                rush.clientCpuNanos.add(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
                return null;
            }));
        }
        Cpu cpuBefore = Cpu.read(jdbc);
        long t0 = System.nanoTime();
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        rush.seconds = (System.nanoTime() - t0) / 1e9;
        Cpu cpuAfter = Cpu.read(jdbc);
        rush.serverCpuMs = (cpuAfter.serverThreads - cpuBefore.serverThreads) / 1e6;
        rush.clientCpuNanos.add(cpuAfter.httpClientThreads - cpuBefore.httpClientThreads);
        rush.jvmCpuMs = (cpuAfter.process - cpuBefore.process) / 1e6;
        rush.jvmCpuMsByThreads = ThreadGroupsCpu.between(cpuBefore.byThreads, cpuAfter.byThreads);
        if (cpuBefore.postgres >= 0 && cpuAfter.postgres >= 0) {
            rush.postgresCpuMs = (cpuAfter.postgres - cpuBefore.postgres) / 1e6;
        }
        pool.shutdown();
        outcome.values().forEach(v -> {
            if (v == 1) {
                rush.accepted++;
            } else if (v == 0) {
                rush.refused++;
            } else {
                rush.failed++;
            }
        });

        Map<String, Long> stored = new HashMap<>();
        jdbc.query("select solution_title, count(*) from application where solution_title like ? group by solution_title",
                (org.springframework.jdbc.core.RowCallbackHandler) r -> stored.put(r.getString(1), r.getLong(2)), label + " submission %");
        long processes = jdbc.queryForObject("select count(*) from act_hi_procinst p join application a on p.business_key_ = cast(a.id as varchar) "
                + "where p.proc_def_key_ = 'application' and a.solution_title like ?", Long.class, label + " submission %");
        long storedRows = stored.values().stream().mapToLong(Long::longValue).sum();
        List<String> wrong = new ArrayList<>();
        outcome.forEach((title, v) -> {
            long times = stored.getOrDefault(title, 0L);
            if (v == 1 && times != 1 || v != 1 && times != 0) {
                wrong.add(title + " answered " + v + ", stored " + times + "x");
            }
        });
        rush.exactlyOnce = wrong.isEmpty() && storedRows == rush.accepted && processes == rush.accepted;
        rush.problem = wrong.size() + " mismatches " + wrong.stream().limit(5).toList() + "; rows " + storedRows + ", processes " + processes;
        return rush;
    }

    /**
     * CPU time (ns) of the JVM, of its request threads (Tomcat's {@code http-nio-*}) and of the benchmark's HTTP client
     * threads, and of this database's PostgreSQL backends (from /proc: utime + stime in clock ticks; -1 where /proc cannot
     * be read, e.g. a remote server). Load-independent, unlike latency: what a submission costs, not how long it waited.
     */
    private record Cpu(long process, long serverThreads, long httpClientThreads, long postgres, Map<String, Long> byThreads) {
        static Cpu read(JdbcTemplate jdbc) {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long server = 0;
            long client = 0;
            for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0 && info.getThreadName().startsWith("http-nio")) {
                    server += cpu;
                } else if (cpu > 0 && info.getThreadName().startsWith("HttpClient")) {
                    client += cpu;
                }
            }
            long process = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            long postgres = 0;
            try {
                for (Integer pid : jdbc.queryForList("select pid from pg_stat_activity where datname = current_database()", Integer.class)) {
                    postgres += ThreadGroupsCpu.cpuTicks(Files.readString(Path.of("/proc/" + pid + "/stat"))) * 10_000_000L; // USER_HZ 100
                }
            } catch (Exception unreadable) {
                postgres = -1;
            }
            return new Cpu(process, server, client, postgres, ThreadGroupsCpu.read());
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder md, String measure, String value) {
        md.append("| ").append(measure).append(" | ").append(value).append(" |\n");
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
