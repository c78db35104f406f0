package eu.smartcity.accelerator.bench;

import eu.smartcity.accelerator.attachments.HostilePdfs;
import eu.smartcity.accelerator.support.PortalClient;
import eu.smartcity.accelerator.support.PortalClient.FilePart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hostile-upload benchmark (not a test; run by scripts/benchmark-hostile-uploads.sh against a running app):
 * {@code uploads} companies' sessions send decompression bombs through the apply form at the same time, for
 * {@code rounds} rounds, while /actuator/health is polled every 50 ms. Prints the health latencies
 * (p50/p99/max) and what each upload was told; exits 1 when a health check took longer than {@code target} ms
 * or failed. Properties: -Dport=18090 -Duploads=20 -Drounds=3 -Dtarget=1000.
 */
public final class HostileUploadBenchmark {

    private static final Pattern CHALLENGE = Pattern.compile("href=\"/challenges/([0-9a-f-]{36})\"");
    private static final Pattern PROBLEM = Pattern.compile("<small id=\"attachments-error\"[^>]*>([^<]*)</small>");

    public static void main(String[] args) throws Exception {
        int port = Integer.getInteger("port", 18090);
        int uploads = Integer.getInteger("uploads", 20);
        int rounds = Integer.getInteger("rounds", 3);
        long target = Long.getLong("target", 1000);
        String[] companies = {"greengrid", "urbansense", "parkflow"};

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        awaitUp(http, port);
        List<PortalClient> clients = new ArrayList<>();
        for (int i = 0; i < uploads; i++) {
            PortalClient client = new PortalClient(port);
            client.login(companies[i % companies.length], "demo");
            clients.add(client);
        }
        String applyPage = applyPage(clients.get(0));
        List<byte[]> hostile = List.of(HostilePdfs.objectStreamBomb(), HostilePdfs.pageContentBomb(), HostilePdfs.highRatioStream());

        List<Long> healthMillis = new CopyOnWriteArrayList<>();
        List<String> healthFailures = new CopyOnWriteArrayList<>();
        Map<String, Integer> told = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(uploads + 1);
        Future<?> poller = pool.submit(() -> {
            while (running.get()) {
                long started = System.nanoTime();
                try {
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                            .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != 200) {
                        healthFailures.add("HTTP " + answer.statusCode() + " " + answer.body());
                    }
                } catch (Exception failed) {
                    healthFailures.add(failed.toString());
                }
                healthMillis.add((System.nanoTime() - started) / 1_000_000);
                Thread.sleep(50);
            }
            return null;
        });
        long started = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < uploads; i++) {
                PortalClient client = clients.get(i);
                byte[] file = hostile.get((i + round) % hostile.size());
                sent.add(pool.submit(() -> client.postMultipart(applyPage, applyPage,
                        List.of(new FilePart("attachments", "offer.pdf", "application/pdf", file)), "solutionTitle", "Benchmark",
                        "pitch", "Benchmark", "requestedBudget", "1000", "trl", "7", "country", "NL", "employees", "9",
                        "legalEntity", "true", "interoperable", "true", "declarationsSigned", "true")));
            }
            for (Future<HttpResponse<String>> answer : sent) {
                HttpResponse<String> response = answer.get(5, TimeUnit.MINUTES);
                Matcher problem = PROBLEM.matcher(response.body());
                told.merge(response.statusCode() + " " + (problem.find() ? problem.group(1) : "(no refusal shown)"), 1, Integer::sum);
            }
        }
        long wallMillis = (System.nanoTime() - started) / 1_000_000;
        running.set(false);
        poller.get(1, TimeUnit.MINUTES);
        pool.shutdownNow();

        List<Long> sorted = healthMillis.stream().sorted().toList();
        long max = sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1);
        System.out.printf("%d rounds of %d concurrent hostile uploads in %d ms%n", rounds, uploads, wallMillis);
        System.out.printf("health checks: %d, p50 %d ms, p99 %d ms, max %d ms, failed %d (target: every one under %d ms)%n",
                sorted.size(), percentile(sorted, 50), percentile(sorted, 99), max, healthFailures.size(), target);
        healthFailures.stream().limit(3).forEach(failure -> System.out.println("  health failed: " + failure));
        new TreeMap<>(told).forEach((answer, count) -> System.out.printf("  %3d x %s%n", count, answer));
        boolean ok = healthFailures.isEmpty() && max >= 0 && max < target
                && told.keySet().stream().allMatch(answer -> answer.startsWith("200 ") && !answer.contains("(no refusal shown)"));
        System.out.println(ok ? "RESULT: OK" : "RESULT: FAILED");
        System.exit(ok ? 0 : 1);
    }

    /** Start-up goes on after "Started" (demo data): wait until health says UP, at most five minutes. */
    private static void awaitUp(HttpClient http, int port) throws Exception {
        long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("Not UP after 5 minutes: " + answer.statusCode() + " " + answer.body());
                }
            } catch (java.io.IOException notYet) {
                if (System.nanoTime() > until) {
                    throw notYet;
                }
            }
            Thread.sleep(1000);
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }

    /** The apply form of the first challenge that is open for applications in the demo data. */
    private static String applyPage(PortalClient company) {
        Matcher challenges = CHALLENGE.matcher(company.get("/challenges").body());
        while (challenges.find()) {
            String apply = "/challenges/" + challenges.group(1) + "/apply";
            HttpResponse<String> form = company.get(apply);
            if (form.statusCode() == 200 && form.body().contains("name=\"attachments\"")) {
                return apply;
            }
        }
        throw new IllegalStateException("No challenge open for applications (the demo data should have one)");
    }
}
