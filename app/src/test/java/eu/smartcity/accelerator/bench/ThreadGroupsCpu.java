package eu.smartcity.accelerator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * This JVM's CPU time by thread group, read from /proc/self/task (Linux): the operating system's thread names with their
 * numbers folded ("GC Thread#1" → "GC Thread#N"), so the JIT compilers, the garbage collector, Tomcat and the benchmark's
 * clients show apart. ThreadMXBean cannot: it does not see the JVM's own threads (GC, compilers).
 */
public final class ThreadGroupsCpu {

    private ThreadGroupsCpu() {
    }

    /**
     * Nanoseconds by group; empty where /proc cannot be read. A thread that ends between two readings takes its CPU with
     * it, so its group comes out low (the benchmark's own client pools, not the JIT: HotSpot keeps the first compiler
     * thread of each kind, and two cores have one of each).
     */
    static Map<String, Long> read() {
        Map<String, Long> groups = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    groups.merge(group(name), cpuTicks(stat) * 10_000_000L, Long::sum); // USER_HZ 100
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while the directory was read
                }
            });
        } catch (IOException noProc) {
            return Map.of();
        }
        return groups;
    }

    /** User + system CPU in clock ticks from a /proc/.../stat line (fields 14 and 15; the name in brackets may hold spaces). */
    public static long cpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Milliseconds each group used between two readings. */
    static Map<String, Double> between(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Double> used = new TreeMap<>();
        after.forEach((group, nanos) -> used.put(group, (nanos - before.getOrDefault(group, 0L)) / 1e6));
        return used;
    }

    static String group(String threadName) {
        if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
            return "JIT";
        }
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ")) {
            return "GC";
        }
        if (threadName.startsWith("http-nio")) {
            return "Tomcat"; // the kernel keeps 15 characters of a name: request threads and poller look alike
        }
        if (threadName.startsWith("HttpClient")) {
            return "benchmark clients";
        }
        return threadName.replaceAll("\\d+", "N");
    }
}
