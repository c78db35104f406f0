package eu.smartcity.accelerator.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The SQL statements the calling thread sends through the application's main {@link DataSource} (JPA, JdbcTemplate and
 * Camunda all use it) while {@link #of} runs: a count that does not depend on the machine's load, for tests that fail
 * when a read comes back on a hot path. Counted as the engine benchmark counts ({@code bench/StatementCounter}): every
 * {@code execute*} call and every statement added to a batch, named by kind and first table ("select act_ru_task").
 * Import it in a test ({@code @Import(ThreadStatements.class)}); nothing is recorded outside {@link #of}, and other
 * threads are never recorded.
 */
public class ThreadStatements implements BeanPostProcessor {

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    /** The statements {@code step} sent on this thread, as "select act_ru_execution", "insert jury_score", in order. */
    public static List<String> of(Runnable step) {
        List<String> outer = RECORDING.get();
        List<String> recorded = new ArrayList<>();
        RECORDING.set(recorded);
        try {
            step.run();
        } finally {
            RECORDING.set(outer);
            if (outer != null) {
                outer.addAll(recorded);
            }
        }
        return recorded;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
            return proxy(DataSource.class, dataSource, null);
        }
        return bean;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, String sql) {
        InvocationHandler handler = (p, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            String name = method.getName();
            List<String> recording = RECORDING.get();
            if (recording != null && target instanceof Statement
                    && (name.equals("addBatch") || (name.startsWith("execute") && !name.equals("executeBatch")))) {
                String text = sql != null ? sql : args != null && args.length > 0 && args[0] instanceof String s ? s : "";
                recording.add(kind(text));
            }
            String created = target instanceof Connection && args != null && args.length > 0 && args[0] instanceof String s ? s : null;
            if (name.equals("getConnection") && result instanceof Connection connection) {
                return proxy(Connection.class, connection, null);
            }
            if (result instanceof java.sql.CallableStatement s) {
                return proxy(java.sql.CallableStatement.class, s, created);
            }
            if (result instanceof java.sql.PreparedStatement s) {
                return proxy(java.sql.PreparedStatement.class, s, created);
            }
            if (result instanceof Statement s) {
                return proxy(Statement.class, s, null);
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(ThreadStatements.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    /** A statement's kind and first table, "select act_ru_task", "insert jury_score" (the engine benchmark's names too). */
    public static String kind(String sql) {
        Matcher write = WRITE.matcher(sql);
        if (write.lookingAt()) {
            return write.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s.*", "") + " " + write.group(2).toLowerCase(Locale.ROOT);
        }
        Matcher read = READ.matcher(sql);
        return read.find() ? "select " + read.group(1).toLowerCase(Locale.ROOT) : "other";
    }

    private static final Pattern WRITE = Pattern.compile("\\s*(insert\\s+into|update|delete\\s+from|delete)\\s+([\\w.\"]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern READ = Pattern.compile("\\bfrom\\s+([\\w.\"]+)", Pattern.CASE_INSENSITIVE);
}
