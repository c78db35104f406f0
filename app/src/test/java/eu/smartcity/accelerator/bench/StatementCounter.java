package eu.smartcity.accelerator.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the application sends through its main {@link DataSource} (JPA, Flyway and Camunda
 * all use it): every {@code execute*} call, and every statement added to a JDBC batch. Used by the benchmark
 * because {@code pg_stat_statements} needs {@code shared_preload_libraries}, i.e. a server restart that would
 * break everyone else's work on a shared PostgreSQL. Flowable's own small pool is not counted (decision
 * tables are cached and its history is off, so it reads little).
 *
 * <p>Registered explicitly as a source of the benchmark's Spring application, never component-scanned
 * (no stereotype annotation), so tests never see it.
 */
public class StatementCounter implements BeanPostProcessor {

    static final AtomicLong STATEMENTS = new AtomicLong();
    /** Commits of transactions that wrote (INSERT, UPDATE, DELETE), as opposed to read-only ones (queries, task lists). */
    static final AtomicLong WRITE_COMMITS = new AtomicLong();
    /** Statements of the transactions that wrote (their reads included). */
    static final AtomicLong WRITE_STATEMENTS = new AtomicLong();
    /** Statements by kind and table ("insert act_hi_detail", "select act_ru_task"): which ones a change saves, by count. */
    static final Map<String, LongAdder> BY_TABLE = new ConcurrentHashMap<>();

    /**
     * With {@code -Dbench.callers=true}: statements by kind and the first frame of our code that caused them
     * ("select act_ru_variable <- ScoringDelegate.execute"); a stack walk per statement, so for diagnosis only.
     */
    static final boolean CALLERS = Boolean.getBoolean("bench.callers");
    static final Map<String, LongAdder> BY_CALLER = new ConcurrentHashMap<>();

    /**
     * With {@code -Dbench.callers=true}: what the benchmark's thread is doing (a task definition key, "<key> jobs",
     * "submit"), set by {@link BenchCycle}; statements are also counted by phase and kind, and {@link #PHASES} counts
     * how often each phase ran, so a phase's statements per run can be read off.
     */
    static final ThreadLocal<String> PHASE = new ThreadLocal<>();
    static final Map<String, LongAdder> BY_PHASE = new ConcurrentHashMap<>();
    static final Map<String, LongAdder> PHASES = new ConcurrentHashMap<>();

    /** With {@code -Dbench.trace=<phase>,<phase>}: those phases' statements by kind and a short stack (engine and our frames). */
    static final java.util.Set<String> TRACE = java.util.Set.of(System.getProperty("bench.trace", "").replace('+', ' ').split(","));
    static final Map<String, LongAdder> TRACES = new ConcurrentHashMap<>();

    static String stack() {
        return WALKER.walk(frames -> frames
                .filter(f -> (f.getClassName().startsWith("org.camunda.bpm.engine.impl.") || f.getClassName().startsWith("eu.smartcity."))
                        && !f.getClassName().startsWith("eu.smartcity.accelerator.bench.")
                        && !f.getClassName().contains(".db.") && !f.getClassName().contains(".interceptor.")
                        && !f.getClassName().contains("CommandContext") && !f.getClassName().contains("ProcessEngineImpl"))
                .map(f -> f.getClassName().replaceAll(".*\\.", "") + "." + f.getMethodName() + ":" + f.getLineNumber())
                .limit(14).reduce((a, b) -> a + "\n        < " + b).orElse("?"));
    }

    /** Runs {@code step} as {@code phase} (counted once per call). */
    static void phase(String phase, Runnable step) {
        String outer = PHASE.get();
        PHASE.set(phase);
        if (CALLERS) {
            PHASES.computeIfAbsent(phase, k -> new LongAdder()).increment();
        }
        try {
            step.run();
        } finally {
            PHASE.set(outer);
        }
    }

    private static final StackWalker WALKER = StackWalker.getInstance();

    /** With {@code -Dbench.stackOf="select spring_session"}: the whole stack of the first few statements of that kind, on stderr. */
    private static final String STACK_OF = System.getProperty("bench.stackOf", "").replace('+', ' ');
    private static final java.util.concurrent.atomic.AtomicInteger STACKS_SHOWN = new java.util.concurrent.atomic.AtomicInteger();

    /** With {@code -Dbench.callerDepth=2}: also the next frame of our code in another class ("A.a < B.b"), to tell callers apart. */
    static final int CALLER_DEPTH = Integer.getInteger("bench.callerDepth", 1);

    static String caller() {
        List<String> ours = WALKER.walk(frames -> frames
                .filter(f -> f.getClassName().startsWith("eu.smartcity.accelerator.") && !f.getClassName().startsWith("eu.smartcity.accelerator.bench.StatementCounter"))
                .map(f -> f.getClassName().replaceAll(".*\\.", "") + "." + f.getMethodName())
                .filter(new java.util.function.Predicate<String>() {
                    private String lastClass;

                    @Override
                    public boolean test(String frame) { // one frame per class: the first
                        String cls = frame.substring(0, frame.lastIndexOf('.'));
                        boolean next = !cls.equals(lastClass);
                        lastClass = cls;
                        return next;
                    }
                })
                .limit(CALLER_DEPTH).toList());
        return ours.isEmpty() ? "(engine thread)" : String.join(" < ", ours);
    }

    /**
     * The family of a statement's table, for the breakdown issue 19 asks for: Camunda's history ({@code ACT_HI_*}),
     * runtime ({@code ACT_RU_*}), repository and the rest of the engine ({@code ACT_RE_*}, {@code ACT_GE_*},
     * {@code ACT_ID_*}), Spring Session, the audit trail (audit, decision records, status changes) and the app's
     * other tables.
     */
    static String family(String kind) {
        String table = kind.substring(kind.indexOf(' ') + 1);
        if (table.startsWith("act_hi_")) {
            return "Camunda history (ACT_HI_*)";
        }
        if (table.startsWith("act_ru_")) {
            return "Camunda runtime (ACT_RU_*)";
        }
        if (table.startsWith("act_")) {
            return "Camunda repository, bytes, identity (ACT_RE_*, ACT_GE_*, ACT_ID_*)";
        }
        if (table.startsWith("spring_session")) {
            return "Spring Session";
        }
        if (table.contains("audit") || table.contains("decision_evaluation") || table.contains("status_change")
                || table.contains("call_window_change") || table.contains("quota_override")) {
            return "audit trail (app)";
        }
        return kind.equals("other") ? "other (no table)" : "app tables";
    }

    /** The {@code n} most frequent kinds of statement, most frequent first, as "count  kind table" lines. */
    static List<String> top(int n) {
        return BY_TABLE.entrySet().stream()
                .sorted(Map.Entry.<String, LongAdder>comparingByValue(Comparator.comparingLong(LongAdder::sum)).reversed())
                .limit(n).map(e -> e.getValue().sum() + "  " + e.getKey()).toList();
    }

    /** A statement's kind and whether it writes, once per distinct SQL text: two regular expressions per execution were 2 % of the cycle threads' CPU. */
    record Classified(String kind, boolean writes) {}

    private static final Map<String, Classified> CLASSIFIED = new ConcurrentHashMap<>();

    static Classified classify(String sql) {
        Classified known = CLASSIFIED.get(sql);
        if (known != null) {
            return known;
        }
        Classified classified = new Classified(kind(sql), WRITE.matcher(sql).lookingAt());
        if (CLASSIFIED.size() < 20_000) { // the engine's and JPA's statements are a few hundred texts; literals would not be
            CLASSIFIED.put(sql, classified);
        }
        return classified;
    }

    static String kind(String sql) {
        return eu.smartcity.accelerator.support.ThreadStatements.kind(sql);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
            return proxy(DataSource.class, dataSource, null, null, null);
        }
        return bean;
    }

    /**
     * @param wrote the connection's "this transaction wrote" flag (for connections and their statements)
     * @param sql the statement's SQL when known at creation (prepared and callable statements)
     */
    private static <T> T proxy(Class<T> type, Object target, AtomicBoolean wrote, AtomicLong transactionStatements, String sql) {
        AtomicBoolean flag = type == Connection.class ? new AtomicBoolean() : wrote;
        AtomicLong inTransaction = type == Connection.class ? new AtomicLong() : transactionStatements;
        InvocationHandler handler = (p, method, args) -> {
            Object result = invoke(target, method, args);
            String name = method.getName();
            if (target instanceof Statement) {
                if (name.equals("addBatch") || (name.startsWith("execute") && !name.equals("executeBatch"))) {
                    STATEMENTS.incrementAndGet();
                    inTransaction.incrementAndGet();
                    String text = sql != null ? sql : args != null && args.length > 0 && args[0] instanceof String s ? s : "";
                    Classified classified = classify(text);
                    String kind = classified.kind();
                    BY_TABLE.computeIfAbsent(kind, k -> new LongAdder()).increment();
                    if (STACK_OF.equals(kind) && STACKS_SHOWN.incrementAndGet() <= 4) {
                        new Exception("stack of " + kind + " on " + Thread.currentThread().getName()).printStackTrace();
                    }
                    if (CALLERS) {
                        BY_CALLER.computeIfAbsent(kind + " <- " + caller(), k -> new LongAdder()).increment();
                        String phase = PHASE.get();
                        BY_PHASE.computeIfAbsent((phase == null ? "(other)" : phase) + " | " + kind, k -> new LongAdder()).increment();
                        if (phase != null && TRACE.contains(phase)) {
                            TRACES.computeIfAbsent(phase + " | " + kind + "\n        < " + stack(), k -> new LongAdder()).increment();
                        }
                    }
                    if (classified.writes()) {
                        flag.set(true);
                    }
                }
            }
            if (target instanceof Connection && (name.equals("commit") || name.equals("rollback"))) {
                long statements = inTransaction.getAndSet(0);
                if (name.equals("commit") && flag.getAndSet(false)) {
                    WRITE_COMMITS.incrementAndGet();
                    WRITE_STATEMENTS.addAndGet(statements);
                }
                flag.set(false);
            }
            if (name.equals("getConnection") && result instanceof Connection) {
                return proxy(Connection.class, result, null, null, null);
            }
            String created = target instanceof Connection && args != null && args.length > 0 && args[0] instanceof String s ? s : null;
            if (result instanceof java.sql.CallableStatement s) {
                return proxy(java.sql.CallableStatement.class, s, flag, inTransaction, created);
            }
            if (result instanceof java.sql.PreparedStatement s) {
                return proxy(java.sql.PreparedStatement.class, s, flag, inTransaction, created);
            }
            if (result instanceof Statement s && target instanceof Connection) {
                return proxy(Statement.class, s, flag, inTransaction, null);
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static final Pattern WRITE = Pattern.compile("\\s*(insert|update|delete)\\b", Pattern.CASE_INSENSITIVE);

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
