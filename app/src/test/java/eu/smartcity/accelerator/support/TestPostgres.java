package eu.smartcity.accelerator.support;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * The *IT tests set up their own PostgreSQL: before the first application of a JVM connects, the
 * superuser the environment provides ({@code PGUSER}, default {@code postgres}, at {@code PGHOST}:{@code PGPORT},
 * default 127.0.0.1:5432, password {@code PGPASSWORD} if any; trust on localhost needs none) creates the role
 * {@code accelerator} if missing and drops and recreates the database named in {@code spring.datasource.url}
 * ({@code ACCELERATOR_TEST_DB_URL}), so every run starts clean. No PostgreSQL listening: one line saying
 * what to start. The app's own {@code postgres}-profile database is still {@code scripts/create-postgres-databases.sh}'s.
 *
 * <p>Registered in the tests' META-INF/spring.factories, so it runs when the environment is ready and before the
 * app's own {@code DatabaseReachabilityCheck}; it acts only where {@link PostgresTest} sets {@value #ENABLED}.
 */
public final class TestPostgres implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final String ENABLED = "accelerator.test.create-database";

    static final String ROLE = "accelerator";

    /** Databases recreated by this JVM: each once, whatever the number of contexts that use it. */
    private static final Set<String> PREPARED = new HashSet<>();
    private static IllegalStateException failure;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment env = event.getEnvironment();
        if (env.getProperty(ENABLED, Boolean.class, false)) {
            prepare(env.getRequiredProperty("spring.datasource.url"));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** Role {@code accelerator} and a fresh database of the URL's name, once per JVM. */
    public static synchronized void prepare(String jdbcUrl) {
        if (failure != null) {
            throw failure; // one attempt per run: later test classes fail at once with the same line
        }
        String database = databaseOf(jdbcUrl);
        if (PREPARED.contains(database)) {
            return;
        }
        try (Connection admin = admin(); Statement s = admin.createStatement()) {
            createRoleIfMissing(admin);
            s.execute("DROP DATABASE IF EXISTS " + quoted(database) + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + quoted(database) + " OWNER " + ROLE);
        } catch (SQLException e) {
            failure = new IllegalStateException("cannot create the test database " + database + " as " + adminUser() + " at "
                    + adminUrl() + ": " + e.getMessage() + " — set PGUSER/PGPASSWORD to a PostgreSQL superuser");
            throw failure;
        } catch (IllegalStateException unreachable) {
            failure = unreachable;
            throw failure;
        }
        PREPARED.add(database);
    }

    /**
     * A superuser connection to the {@code postgres} database; when nothing listens there, an
     * {@link IllegalStateException} whose message is the one line saying what to start.
     */
    public static Connection admin() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", adminUser());
        properties.setProperty("password", env("PGPASSWORD", ""));
        properties.setProperty("connectTimeout", "5");
        try {
            return DriverManager.getConnection(adminUrl(), properties);
        } catch (SQLException e) {
            // SQLState class 08: connection exception (nothing listening, host unknown); anything else is the server's answer
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                throw new IllegalStateException("PostgreSQL not reachable at " + host() + ":" + port()
                        + " — start it (e.g. pg_ctlcluster <version> main start) or set ACCELERATOR_TEST_DB_URL and PGHOST/PGPORT"
                        + " (or run ./mvnw verify -DskipPostgresTests for the H2 tests only)");
            }
            throw e;
        }
    }

    /** Creates role {@code accelerator} (password {@code accelerator}) unless it exists. */
    public static void createRoleIfMissing(Connection admin) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + ROLE + "') THEN "
                    + "CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + ROLE + "'; END IF; END $$");
        }
    }

    public static String adminUrl() {
        return "jdbc:postgresql://" + host() + ":" + port() + "/postgres";
    }

    static String adminUser() {
        return env("PGUSER", "postgres");
    }

    private static String host() {
        return env("PGHOST", "127.0.0.1");
    }

    private static String port() {
        return env("PGPORT", "5432");
    }

    /** {@code jdbc:postgresql://localhost:5432/accelerator_test?x=y} → {@code accelerator_test}. */
    static String databaseOf(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("not a PostgreSQL URL: " + jdbcUrl);
        }
        String path = URI.create(jdbcUrl.substring("jdbc:".length())).getPath();
        if (path == null || path.length() < 2) {
            throw new IllegalStateException("no database name in " + jdbcUrl);
        }
        return path.substring(1);
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
