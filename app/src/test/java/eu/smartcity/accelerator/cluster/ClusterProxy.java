package eu.smartcity.accelerator.cluster;

import eu.smartcity.accelerator.support.FreePort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real HAProxy (Debian's {@code /usr/sbin/haproxy}, installed by {@code .ci/run}) in front of the test nodes,
 * with the configuration the repository ships for production ({@code deploy/haproxy.cfg}: round robin, no
 * stickiness, health checks on /actuator/health, X-Forwarded-For set by the proxy): only the bind address and the
 * server lines are replaced by this test's. It runs in the foreground as a child of the test JVM.
 */
final class ClusterProxy implements AutoCloseable {

    static final Path HAPROXY = Path.of(System.getProperty("accelerator.haproxy", "/usr/sbin/haproxy"));

    private final int port;
    private final Process process;

    private ClusterProxy(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static ClusterProxy start(List<ClusterNode> nodes, Path directory) {
        if (!Files.isExecutable(HAPROXY)) {
            throw new IllegalStateException("no HAProxy at " + HAPROXY + " (apt-get install haproxy; .ci/run does it)");
        }
        try {
            int port = FreePort.any();
            List<String> config = new ArrayList<>();
            boolean serversWritten = false;
            for (String line : Files.readAllLines(shippedConfig())) {
                String trimmed = line.strip();
                if (trimmed.startsWith("bind ")) {
                    config.add("    bind 127.0.0.1:" + port);
                } else if (trimmed.startsWith("server ")) {
                    if (!serversWritten) {
                        for (ClusterNode node : nodes) {
                            config.add("    server " + node.name() + " 127.0.0.1:" + node.port() + " check");
                        }
                        serversWritten = true;
                    }
                } else {
                    config.add(line);
                }
            }
            Files.createDirectories(directory);
            Path file = directory.resolve("haproxy.cfg");
            Files.write(file, config);
            Process process = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", file.toString())
                    .redirectErrorStream(true).redirectOutput(directory.resolve("haproxy.log").toFile()).start();
            ClusterProxy proxy = new ClusterProxy(port, process);
            proxy.awaitListening();
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start HAProxy", e);
        }
    }

    /** The repository's production configuration (deploy/haproxy.cfg). */
    static Path shippedConfig() {
        Path inModule = Path.of("..", "deploy", "haproxy.cfg");
        return Files.exists(inModule) ? inModule : Path.of("deploy", "haproxy.cfg");
    }

    int port() {
        return port;
    }

    private void awaitListening() {
        for (int i = 0; i < 100; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("HAProxy exited with " + process.exitValue());
            }
            try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                ClusterNode.sleep(100);
            }
        }
        throw new IllegalStateException("HAProxy does not listen on " + port);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
