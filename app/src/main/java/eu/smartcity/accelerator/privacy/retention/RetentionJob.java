package eu.smartcity.accelerator.privacy.retention;

import eu.smartcity.accelerator.privacy.inactivity.InactiveAccounts;
import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import eu.smartcity.accelerator.shared.personaldata.RetentionPeriods;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 24 point 4: once a day every module's {@link PersonalDataHolder#expire} runs, each in its own transaction (one
 * failing holder rolls back its own work only and does not stop the others), then the inactive accounts take their
 * step. What was touched and what failed is kept in {@code retention_run}, without personal data.
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    /** The section under which the inactive accounts' steps are counted. */
    public static final String INACTIVE_ACCOUNTS = "inactive-accounts";
    private static final int COLUMN = 4000;

    private final List<PersonalDataHolder> holders;
    private final RetentionPeriods periods;
    private final InactiveAccounts inactiveAccounts;
    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final String node = ManagementFactory.getRuntimeMXBean().getName(); // pid@host, as the logs name a node

    RetentionJob(List<PersonalDataHolder> holders, RetentionPeriods periods, InactiveAccounts inactiveAccounts,
            JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.holders = holders.stream().sorted(Comparator.comparing(PersonalDataHolder::section)).toList();
        this.periods = periods;
        this.inactiveAccounts = inactiveAccounts;
        this.jdbc = JdbcClient.create(jdbc);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Rows (or accounts) one section touched in one table (or step). */
    public record Touched(String section, String table, int count) {}

    /** One run: when, where, what it touched, and the sections that failed ({@code section ExceptionType}). */
    public record Run(UUID id, Instant startedAt, Instant finishedAt, String node, List<Touched> touched, List<String> errors) {}

    /** Expires everything due at {@code now} (the scheduler passes the clock's now; tests pass theirs). */
    public Run run(Instant now) {
        long started = System.nanoTime();
        List<Touched> touched = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (PersonalDataHolder holder : holders) {
            section(holder.section(), () -> ownTransaction.execute(s -> holder.expire(periods, now)), touched, errors);
        }
        section(INACTIVE_ACCOUNTS, () -> inactiveAccounts.run(now), touched, errors);
        // in milliseconds, as the database keeps it
        Run run = new Run(UUID.randomUUID(), now.truncatedTo(ChronoUnit.MILLIS), now.plus(Duration.ofNanos(System.nanoTime() - started)).truncatedTo(ChronoUnit.MILLIS),
                node, touched, errors);
        record(run);
        log.info("Retention run at {}: {} tables or steps touched, {} sections failed", now, touched.size(), errors.size());
        return run;
    }

    private static void section(String section, Supplier<Map<String, Integer>> work, List<Touched> touched, List<String> errors) {
        try {
            Map<String, Integer> counts = work.get();
            if (counts == null || counts.isEmpty()) {
                touched.add(new Touched(section, "-", 0)); // it ran and had nothing due
            } else {
                counts.forEach((table, count) -> touched.add(new Touched(section, table, count)));
            }
        } catch (RuntimeException e) {
            // the type only: a message may quote the data it choked on
            log.error("Retention of section {} failed; the other sections went on", section, e);
            errors.add(section + " " + e.getClass().getSimpleName());
        }
    }

    private void record(Run run) {
        String touched = String.join("\n", run.touched().stream().map(t -> t.section() + " " + t.table() + " " + t.count()).toList());
        jdbc.sql("INSERT INTO retention_run (id, started_at, finished_at, node, touched, errors) VALUES (?, ?, ?, ?, ?, ?)")
                .params(run.id().toString(), utc(run.startedAt()), utc(run.finishedAt()), cut(run.node(), 255), cut(touched, COLUMN),
                        cut(String.join("\n", run.errors()), COLUMN))
                .update();
    }

    /** The newest runs first. */
    public List<Run> lastRuns(int howMany) {
        return jdbc.sql("SELECT id, started_at, finished_at, node, touched, errors FROM retention_run ORDER BY started_at DESC")
                .query((rs, row) -> new Run(UUID.fromString(rs.getString(1)), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), touched(rs.getString(5)),
                        lines(rs.getString(6))))
                .list().stream().limit(howMany).toList(); // one row a day: small
    }

    private static List<Touched> touched(String text) {
        return lines(text).stream().map(line -> line.split(" ", 3))
                .map(p -> new Touched(p[0], p[1], Integer.parseInt(p[2]))).toList();
    }

    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.split("\n"));
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, text.lastIndexOf('\n', max) > 0 ? text.lastIndexOf('\n', max) : max) : text;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
