package eu.smartcity.accelerator.shared;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * A number that changes whenever data written through the application's main {@link DataSource} may have become
 * visible to other connections: JPA, JdbcTemplate, Flyway and Camunda all write through it. Whoever keeps something
 * computed from the database (the anonymous page cache, {@code portal/AnonymousPageCache}) remembers the
 * {@link #version()} it started from and trusts its copy only while the number is unchanged.
 *
 * <p>The number is raised after every write statement (covering auto-commit) and again after the commit, rollback or
 * close of a connection that wrote, so a reader that started before a commit always sees a different number
 * afterwards. It is deliberately coarse — any write of any table raises it — except for the bookkeeping tables no
 * page shows ({@link #IGNORED_TABLES}: sessions, rate-limit buckets, login throttle, scheduler locks, search demand),
 * which are written on every logged-in request, API call or search and would otherwise empty every cache all the time. Reads pay nothing but the
 * proxy's dispatch; statements are classified by their first keyword.
 */
@Component
public class DataChanges implements BeanPostProcessor {

    /**
     * Tables written for bookkeeping only; no public page renders them. Lower case, unquoted. {@code market_demand}
     * gets a row per search (prospection counts for suppliers, shown to logged-in users only).
     */
    static final Set<String> IGNORED_TABLES = Set.of("spring_session", "spring_session_attributes", "api_rate_limit_bucket",
            "login_throttle", "shedlock", "market_demand");

    private static final Pattern WRITTEN_TABLE = Pattern.compile(
            "(?:insert\\s+into|update|delete\\s+from|delete|merge\\s+into)\\s+(?:[\\w\"]+\\.)?\"?(\\w+)\"?", Pattern.CASE_INSENSITIVE);

    private static final org.apache.commons.logging.Log log = org.apache.commons.logging.LogFactory.getLog(DataChanges.class);

    private final AtomicLong version = new AtomicLong();

    /** Changes (grows) after every write that may be visible to others. */
    public long version() {
        return version.get();
    }

    /** Tells everyone holding a copy that the data may have changed (also for changes this class cannot see). */
    public void changed() {
        version.incrementAndGet();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && "dataSource".equals(beanName) && !(bean instanceof Watched)) {
            return new Watched(dataSource);
        }
        return bean;
    }

    /** Whether the statement may change data of a table a page shows (conservative: anything but a read or setting). */
    public static boolean writesData(String sql) {
        if (sql == null) {
            return true;
        }
        int i = skipSpaceAndComments(sql, 0);
        int end = i;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        String keyword = sql.substring(i, end).toLowerCase(Locale.ROOT);
        switch (keyword) {
            case "select", "values", "show", "explain", "set", "savepoint", "release" -> {
                return false;
            }
            case "insert", "update", "delete", "merge" -> {
                Matcher table = WRITTEN_TABLE.matcher(sql);
                return !(table.find(i) && table.start() == i && IGNORED_TABLES.contains(table.group(1).toLowerCase(Locale.ROOT)));
            }
            default -> {
                return true;
            }
        }
    }

    private static int skipSpaceAndComments(String sql, int from) {
        int i = from;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? sql.length() : eol + 1;
            } else if (sql.startsWith("/*", i)) {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? sql.length() : close + 2;
            } else {
                break;
            }
        }
        return i;
    }

    private final class Watched extends DelegatingDataSource {

        Watched(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return connection(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return connection(super.getConnection(username, password));
        }
    }

    private Connection connection(Connection target) {
        AtomicBoolean wrote = new AtomicBoolean();
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            switch (name) {
                case "prepareStatement", "prepareCall" -> {
                    Object statement = invoke(target, method, args);
                    String sql = (String) args[0];
                    if (!writesData(sql)) {
                        return statement;
                    }
                    wrote.set(true);
                    Class<?> type = name.equals("prepareCall") ? CallableStatement.class : PreparedStatement.class;
                    return statement(type, statement, wrote, true);
                }
                case "createStatement" -> {
                    return statement(Statement.class, invoke(target, method, args), wrote, false);
                }
                case "commit", "rollback", "close" -> {
                    try {
                        return invoke(target, method, args);
                    } finally {
                        if (wrote.getAndSet(false)) {
                            changed();
                        }
                    }
                }
                case "setAutoCommit" -> {
                    try {
                        return invoke(target, method, args);
                    } finally {
                        if (Boolean.TRUE.equals(args[0]) && wrote.getAndSet(false)) {
                            changed();
                        }
                    }
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                default -> {
                    return invoke(target, method, args);
                }
            }
        };
        return (Connection) Proxy.newProxyInstance(DataChanges.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    /**
     * A statement that writes (prepared with a write) or may write (plain, SQL known only at execution): the version
     * is raised after each execution, so an auto-committed write is announced once it is visible.
     */
    private Object statement(Class<?> type, Object target, AtomicBoolean wrote, boolean writing) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            boolean executes = name.startsWith("execute");
            boolean writes = writing;
            if (!writing && (executes || name.equals("addBatch")) && args != null && args.length > 0 && args[0] instanceof String sql) {
                writes = writesData(sql);
            }
            if (!writing && name.equals("executeBatch")) {
                writes = true; // the batch's statements were added as SQL strings; conservatively a write
            }
            if (writes) {
                wrote.set(true);
                if (!writing && log.isTraceEnabled()) {
                    log.trace("write: " + (args != null && args.length > 0 ? args[0] : name));
                }
            }
            try {
                return invoke(target, method, args);
            } finally {
                if (writes && executes) {
                    changed();
                }
            }
        };
        return Proxy.newProxyInstance(DataChanges.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getTargetException();
        }
    }
}
