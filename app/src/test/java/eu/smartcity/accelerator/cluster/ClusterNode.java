package eu.smartcity.accelerator.cluster;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One application node: the Spring Boot jar that {@code package} built, started with {@code java -jar} in its
 * own JVM on its own port and in its own working directory (its data folder, its log), on the {@code postgres}
 * profile, with the environment a node of the cluster gets (the same signing secret on every node). {@link #kill()} is {@code kill -9}
 * ({@link Process#destroyForcibly()} sends SIGKILL): no shutdown hook, no rollback but the database's own.
 *
 * <p>Per node: a distinct {@code hostname} engine property (it is written to every job log row, so the test can
 * tell which node ran a job); the job executor's lock owner is a random UUID per JVM anyway. Ids come from
 * Camunda's strong UUID generator (the starter's default), so two nodes never draw the same id.
 */
final class ClusterNode {

    /** Job lock time on the test nodes: a killed node's locked jobs become free again after this. */
    static final int LOCK_TIME_MILLIS = 10_000;

    private final String name;
    private final int port;
    private final String databaseUrl;
    private final int smtpPort;
    private final Path workDirectory;
    private final Map<String, String> environment;
    private final List<String> extraArguments;
    private Process process;
    private int starts;

    /**
     * @param workDirectory this node's own directory (nothing in it is shared with another node)
     * @param environment the cluster's settings given as environment variables (signing secret, limits)
     * @param extraArguments further settings (ClusterIT: the demo data; without them a node has none, as the postgres
     *     profile says)
     */
    ClusterNode(String name, int port, String databaseUrl, int smtpPort, Path workDirectory, Map<String, String> environment,
            String... extraArguments) {
        this.name = name;
        this.port = port;
        this.databaseUrl = databaseUrl;
        this.smtpPort = smtpPort;
        this.workDirectory = workDirectory;
        this.environment = Map.copyOf(environment);
        this.extraArguments = List.of(extraArguments);
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    /** Starts the JVM and waits until /actuator/health says UP. */
    void start(Duration timeout) {
        launch();
        awaitHealthy(timeout);
    }

    /** Starts the JVM without waiting (several nodes started at the same moment); then {@link #awaitHealthy}. */
    void launch() {
        starts++;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                // as the image starts: on Spring AOT's bean definitions, generated when the jar was built
                "-Dspring.aot.enabled=true",
                "-jar", jar().toAbsolutePath().toString(),
                "--spring.profiles.active=postgres",
                "--server.port=" + port,
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.hikari.maximum-pool-size=8",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                // signing: ACCELERATOR_SIGNING_KEYSTORE_BASE64 & co. in the environment (ClusterSigning), no demo key
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME_MILLIS,
                // pick up jobs created on the other node within a second (production keeps the defaults)
                "--camunda.bpm.job-execution.wait-time-in-millis=500",
                "--camunda.bpm.job-execution.max-wait=1000",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.org.camunda.bpm.engine.jobexecutor=WARN",
                // what a node says about its signing identity and its start-up lock
                "--logging.level.eu.smartcity.accelerator.documents.DocumentSigner=INFO",
                "--logging.level.eu.smartcity.accelerator.shared.StartupLock=INFO"));
        command.addAll(extraArguments);
        try {
            Files.createDirectories(workDirectory);
            File log = log().toFile();
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log);
            builder.environment().putAll(environment);
            builder.environment().put("ACCELERATOR_DATA_DIR", workDirectory.resolve("data").toString());
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
    }

    /** This start's log file. */
    Path log() {
        return workDirectory.resolve(name + "-" + starts + ".log");
    }

    Path workDirectory() {
        return workDirectory;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException(name + " not healthy within " + timeout + "; see " + log());
    }

    /** kill -9: the JVM dies at once, in the middle of whatever it was doing. */
    void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** A normal shutdown (SIGTERM). */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    private void waitFor() {
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The repackaged Spring Boot jar of this build (failsafe runs after {@code package}). */
    static Path jar() {
        String configured = System.getProperty("accelerator.jar");
        if (configured != null) {
            return Path.of(configured);
        }
        Path target = Files.isDirectory(Path.of("app", "target")) ? Path.of("app", "target") : Path.of("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("smart-city-accelerator-app-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no application jar in " + target.toAbsolutePath()
                            + ": run `./mvnw -pl app package` first (failsafe runs after package)"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
