package eu.smartcity.accelerator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.cluster.ClusterLoad.Outcome;
import eu.smartcity.accelerator.support.FreePort;
import eu.smartcity.accelerator.support.PortalClient;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The proof of issue 20: three application nodes — three JVMs from the built jar, each in its own working directory,
 * launched at the same moment on one empty PostgreSQL database — behind a real HAProxy (round robin, no stickiness,
 * health checks; {@code deploy/haproxy.cfg}), with an SMTP catcher and the programme's one signing identity given to
 * every node as a secret ({@link ClusterSigning}).
 *
 * <p>Everything users do goes through the proxy: officers define challenges, the coordinator approves them, companies
 * apply (some with a form opened before a node died), jurors mark at the same moment, and a node is killed with SIGKILL under that load, a different
 * one each round, and restarted. Then: no submission, job, OCDS release or mail lost or duplicated, nobody logged out,
 * every signed PDF verifies against the one certificate, the API rate limit holds across the nodes, and the three
 * nodes started again together on the existing database add no seed row. The tests share the nodes (starting JVMs
 * is the expensive part on a 2-core CI machine) and run in order.
 */
@Tag("cluster")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final int CRASHES = Integer.getInteger("cluster.crashes", 3);
    /** The nodes' API rate limit for this test: small, so that a burst through the proxy crosses it. */
    private static final int API_LIMIT = 20;

    /** What a start writes once for the cluster: rows that would be there twice if two starting nodes both wrote them. */
    private static final Map<String, String> DUPLICATES = new LinkedHashMap<>();

    static {
        DUPLICATES.put("process definitions deployed twice", "select key_ from act_re_procdef group by key_ having count(*) > 1");
        DUPLICATES.put("forms deployed twice", "select key_ from act_re_camformdef group by key_ having count(*) > 1");
        DUPLICATES.put("decisions deployed twice (Flowable)", "select key_ from flowable.act_dmn_decision group by key_ having count(*) > 1");
        DUPLICATES.put("task filters created twice", "select name_ from act_ru_filter group by name_ having count(*) > 1");
        DUPLICATES.put("demo cycles created twice", "select name from cycle group by name having count(*) > 1");
        DUPLICATES.put("marketplace demo solutions created twice", "select name from market_solution group by name having count(*) > 1");
        DUPLICATES.put("failed migrations", "select version from flyway_schema_history where not success");
    }

    /** Tables only a start writes to (deployments, seeds): their counts must not change when the nodes start again. */
    private static final List<String> SEEDED = List.of("act_re_deployment", "act_re_procdef", "act_re_camformdef", "act_ru_filter",
            "act_id_user", "act_id_group", "act_id_membership", "flowable.act_dmn_deployment", "flowable.act_dmn_decision",
            "flyway_schema_history", "cycle", "bylaws_version", "market_solution");

    private static ClusterDatabase db;
    private static GreenMail mail;
    private static ClusterSigning signing;
    private static final List<ClusterNode> nodes = new ArrayList<>();
    private static ClusterProxy proxy;
    private static ClusterLoad load;
    private static Path directory;

    @BeforeAll
    static void startCluster() {
        db = ClusterDatabase.create("accelerator_cluster");
        mail = new GreenMail(new ServerSetup(FreePort.any(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        directory = Path.of(System.getProperty("user.dir"), "target", "cluster", db.name());
        signing = new ClusterSigning(directory.resolve("secrets"));
        Map<String, String> environment = new HashMap<>(signing.environment());
        environment.put("ACCELERATOR_API_RATE_LIMIT", String.valueOf(API_LIMIT));
        for (String name : List.of("node-a", "node-b", "node-c")) {
            // each node in its own working directory; what they share is the database and the signing secret
            nodes.add(new ClusterNode(name, FreePort.any(), db.url(), mail.getSmtp().getPort(), directory.resolve(name), environment,
                    // demo users (and, on the first node's first start, the demo cycle with its open cycle)
                    "--accelerator.demo-data.enabled=true", "--accelerator.demo-data.cycle=true"));
        }
        long t0 = System.nanoTime();
        startTogether();
        proxy = ClusterProxy.start(nodes, directory.resolve("proxy"));
        awaitAllServing();
        System.out.printf("cluster: %d nodes launched together on the empty %s, all healthy in %.1f s; HAProxy on %d%n",
                nodes.size(), db.name(), (System.nanoTime() - t0) / 1e9, proxy.port());
        load = new ClusterLoad(db);
    }

    @AfterAll
    static void stopCluster() {
        if (proxy != null) {
            proxy.close();
        }
        nodes.forEach(ClusterNode::stop);
        if (mail != null) {
            mail.stop();
        }
        if (signing != null) {
            signing.close();
        }
        if (db != null) {
            db.close();
        }
    }

    /** Point 4: the three nodes were launched at the same moment on an empty database (startCluster). */
    @Test
    @Order(1)
    void nodesLaunchedTogetherOnAnEmptyDatabaseWriteEverySchemaDeploymentAndSeedOnce() throws IOException {
        assertNoDuplicates();
        Map<String, Long> counts = seedCounts();
        assertThat(counts.get("act_re_procdef")).as("processes deployed").isPositive();
        assertThat(counts.get("flowable.act_dmn_decision")).as("decisions deployed").isPositive();
        assertThat(counts.get("cycle")).as("the demo cycle").isEqualTo(1);
        System.out.printf("start: %d of %d nodes waited for another node's start (schema, deployments, seeds)%n",
                startsThatWaited(), nodes.size());
    }

    @Test
    @Order(2)
    void throughTheProxyTheNodesShareTheLoadAndEveryJobRunsOnce() {
        List<Integer> viaProxy = List.of(proxy.port());
        String prefix = "Proxied";
        int challenges = 6;

        assertThat(load.defineChallenges(viaProxy, prefix, challenges)).isEqualTo(challenges);
        assertThat(load.approveChallenges(viaProxy, prefix)).isEqualTo(challenges);
        List<String> open = load.awaitOpenCalls(prefix, challenges, Duration.ofSeconds(90));
        assertThat(open).as("calls published by the job executors").hasSize(challenges);
        load.apply(viaProxy, open, 5, 4, prefix);
        assertThat(load.closeCalls(viaProxy, prefix)).isEqualTo(challenges);
        Duration drained = ClusterChecks.awaitJobsDone(db, Duration.ofSeconds(120));

        assertThat(db.count("select count(*) from act_hi_actinst a join challenge c on c.process_instance_id = a.proc_inst_id_ "
                + "where a.act_id_ = 'ServiceTask_CheckEligibility' and a.end_time_ is not null and c.title like ?", prefix + " %"))
                .as("every challenge went through close call and eligibility").isEqualTo(challenges);

        // the jurors of two of the challenges, all at once through the proxy: every form accepted, every jury ranks
        assertThat(load.juryMarks(proxy.port(), prefix, 2)).as("jurors' forms not accepted").isEmpty();
        ClusterChecks.awaitJobsDone(db, Duration.ofSeconds(90));
        assertThat(db.count("select count(*) from act_ru_task t join challenge c on c.process_instance_id = t.proc_inst_id_ "
                + "where t.task_def_key_ = ? and c.title in (?, ?)", ChallengeProcess.USER_TASK_APPROVE_SELECTION, prefix + " 0", prefix + " 1"))
                .as("selections ranked after the jurors' last marks, waiting for the coordinator").isEqualTo(2);

        Map<String, Long> perNode = ClusterChecks.jobsRunPerNode(db);
        assertThat(perNode.keySet()).as("nodes whose job executor ran jobs").hasSizeGreaterThanOrEqualTo(2);
        assertCleanCluster(prefix);
        System.out.printf("through the proxy: %d challenges, %d submissions accepted, jobs per node %s, drained in %d ms, %d mails%n",
                challenges, accepted(prefix), perNode, drained.toMillis(), ClusterChecks.mailsReceived(mail));
    }

    @Test
    @Order(3)
    void nodesKilledUnderLoadLoseDuplicateAndLogOutNothing() throws Exception {
        List<Integer> viaProxy = List.of(proxy.port());
        Random random = new Random(7);
        // people logged in through the proxy before any crash, who stay logged in through all of them
        PortalClient coordinator = ClusterLoad.loggedInAs(proxy.port(), "coordinator");
        // greengrid applies only with the forms it opened before the kills, so each of those must be accepted;
        // urbansense also applies in the load, so its opened form may be refused as a second application
        List<PortalClient> companies = List.of(ClusterLoad.loggedInAs(proxy.port(), "greengrid"),
                ClusterLoad.loggedInAs(proxy.port(), "urbansense"));
        String previous = null;
        long inFlightAtKill = 0;
        Map<Outcome, Long> midForm = new HashMap<>();
        CompletableFuture<Void> restarting = CompletableFuture.completedFuture(null);
        for (int round = 1; round <= CRASHES; round++) {
            String prefix = "Crash " + round;
            ClusterNode victim = nodes.get(round % nodes.size());
            assertThat(load.defineChallenges(viaProxy, prefix, 2)).isEqualTo(2);
            assertThat(load.approveChallenges(viaProxy, prefix)).isEqualTo(2);
            List<String> open = load.awaitOpenCalls(prefix, 2, Duration.ofSeconds(90));
            assertThat(open).hasSize(2);
            restarting.get();
            awaitAllServing();

            // two companies open their apply form (mid-form when the node dies) ...
            List<String> tokens = new ArrayList<>();
            for (PortalClient company : companies) {
                tokens.add(ClusterLoad.openForm(company, open.get(0)));
            }
            // ... submissions through the proxy while the previous round's calls close (async jobs on all nodes) ...
            CompletableFuture<Void> submitting = CompletableFuture.runAsync(() -> load.apply(viaProxy, open, 6, 3, prefix));
            ClusterNode.sleep(300 + random.nextInt(700));
            if (previous != null) {
                load.closeCalls(viaProxy, previous);
            }
            ClusterNode.sleep(100 + random.nextInt(400));
            // ... and a node dies: SIGKILL, no shutdown, its transactions, job locks and sessions' node gone
            inFlightAtKill += db.count("select count(*) from act_ru_job where lock_owner_ is not null");
            victim.kill();
            submitting.get();
            // the forms opened before the crash are sent after it: the session and its CSRF token live on
            for (int c = 0; c < companies.size(); c++) {
                Outcome sent = load.submitOpened(companies.get(c), open.get(0), tokens.get(c), prefix + " mid-form " + c);
                midForm.merge(sent, 1L, Long::sum);
                assertThat(sent).as("a form opened before %s died, sent after", victim.name())
                        .isIn(c == 0 ? List.of(Outcome.ACCEPTED) : List.of(Outcome.ACCEPTED, Outcome.REFUSED));
            }
            restarting = CompletableFuture.runAsync(() -> victim.start(START_TIMEOUT));
            previous = prefix;
        }
        restarting.get();
        awaitAllServing();
        load.closeCalls(viaProxy, previous);
        Duration drained = ClusterChecks.awaitJobsDone(db, Duration.ofSeconds(150));

        assertCleanCluster("Crash");
        assertThat(coordinator.get("/coordinator").statusCode()).as("the coordinator, logged in before the crashes").isEqualTo(200);
        for (PortalClient company : companies) {
            assertThat(company.get("/applications").statusCode()).as("a company, logged in before the crashes").isEqualTo(200);
        }
        Map<Outcome, Long> outcomes = new HashMap<>();
        load.submissions().forEach((title, outcome) -> { if (title.startsWith("Crash")) outcomes.merge(outcome, 1L, Long::sum); });
        System.out.printf("crash safety: %d nodes killed -9 in turn and restarted (jobs locked at the kills: %d); submissions %s; "
                + "forms sent after their node died %s; drained %d ms after the last restart; jobs per node %s%n",
                CRASHES, inFlightAtKill, outcomes, midForm, drained.toMillis(), ClusterChecks.jobsRunPerNode(db));
    }

    /**
     * Sessions are rows in PostgreSQL: the coordinator logs in through the proxy, the node that answered dies, and
     * the next requests (another node) serve the same browser without a new login, the portal and Cockpit alike;
     * a visitor gets no session.
     */
    @Test
    @Order(4)
    void aUserWhoseNodeDiesContinuesOnAnotherNodeWithoutLoggingInAgain() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> visitorPage = browser.send(HttpRequest.newBuilder(viaProxy("/challenges")).build(), BodyHandlers.ofString());
        assertThat(visitorPage.headers().allValues("Set-Cookie")).as("a visitor's cookies").isEmpty();

        String form = browser.send(HttpRequest.newBuilder(viaProxy("/login")).build(), BodyHandlers.ofString()).body();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(viaProxy("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("_csrf=" + URLEncoder.encode(PortalClient.csrfToken(form), StandardCharsets.UTF_8)
                        + "&username=coordinator&password=demo")).build(), BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        HttpResponse<String> before = browser.send(HttpRequest.newBuilder(viaProxy("/coordinator")).build(), BodyHandlers.ofString());
        assertThat(before.statusCode()).isEqualTo(200);

        ClusterNode served = node(before.headers().firstValue("X-Served-By").orElseThrow());
        served.kill();
        try {
            Set<String> answeredBy = new TreeSet<>();
            for (int i = 0; i < nodes.size(); i++) {
                HttpResponse<String> dashboard = browser.send(HttpRequest.newBuilder(viaProxy("/coordinator")).build(), BodyHandlers.ofString());
                assertThat(dashboard.statusCode()).as("the coordinator's dashboard after %s died", served.name()).isEqualTo(200);
                assertThat(dashboard.body()).contains("coordinator");
                answeredBy.add(dashboard.headers().firstValue("X-Served-By").orElse("?"));
            }
            assertThat(answeredBy).doesNotContain(served.name()).isNotEmpty();
            HttpResponse<String> cockpit = browser.send(HttpRequest.newBuilder(viaProxy("/camunda/app/cockpit/default/")).build(),
                    BodyHandlers.ofString());
            assertThat(cockpit.statusCode()).as("Cockpit").isEqualTo(200);
            // Cockpit's own REST call, as its page makes it: the Camunda webapp sees the user of the shared session
            HttpResponse<String> user = browser.send(HttpRequest.newBuilder(viaProxy("/camunda/api/admin/auth/user/default"))
                    .header("Accept", "application/json").build(), BodyHandlers.ofString());
            assertThat(user.statusCode()).as("Camunda's own session user").isEqualTo(200);
            assertThat(user.body()).contains("\"userId\":\"coordinator\"");
        } finally {
            served.start(START_TIMEOUT);
            awaitAllServing();
        }
    }

    /**
     * The API rate limit is one bucket per client for the whole cluster, and the client is who the proxy says:
     * a burst through the proxy, spread over the nodes and with a forged X-Forwarded-For on every request, gets
     * the limit and no more.
     */
    @Test
    @Order(5)
    void theRateLimitHoldsAcrossTheNodesBehindTheProxy() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        int served = 0;
        int limited = 0;
        Set<String> nodesSeen = new TreeSet<>();
        for (int i = 0; i < API_LIMIT + 10; i++) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(viaProxy("/api/challenges"))
                    .header("X-Forwarded-For", "198.51.100." + i).build(), BodyHandlers.ofString());
            nodesSeen.add(response.headers().firstValue("X-Served-By").orElse("?"));
            if (response.statusCode() == 200) {
                served++;
            } else if (response.statusCode() == 429) {
                limited++;
            }
        }
        assertThat(nodesSeen).as("nodes that answered the burst").hasSize(nodes.size());
        // the bucket refills greedily (API_LIMIT per minute): one more may come back while the burst runs
        assertThat(served).as("requests served for one client across %s", nodesSeen).isBetween(API_LIMIT, API_LIMIT + 1);
        assertThat(limited).isEqualTo(API_LIMIT + 10 - served);
    }

    /** Point 4 again: stopped, the three nodes launched together on the existing database write no seed row. */
    @Test
    @Order(6)
    void nodesLaunchedTogetherOnTheExistingDatabaseAddNothing() throws IOException {
        Map<String, Long> before = seedCounts();
        nodes.forEach(ClusterNode::stop);
        long t0 = System.nanoTime();
        startTogether();
        awaitAllServing();
        System.out.printf("restart: %d nodes launched together on the existing database, all healthy in %.1f s%n", nodes.size(),
                (System.nanoTime() - t0) / 1e9);
        assertNoDuplicates();
        assertThat(seedCounts()).as("rows written by the second start").isEqualTo(before);
        AtomicInteger signed = new AtomicInteger();
        assertThat(ClusterChecks.signaturesNotOfTheProgramme(db, signing, signed)).isEmpty();
        assertThat(signed.get()).as("signed contracts (the demo cycle's)").isPositive();
    }

    /** All nodes launched at once, then each awaited. */
    private static void startTogether() {
        nodes.forEach(ClusterNode::launch);
        List<CompletableFuture<Void>> healthy = nodes.stream()
                .map(n -> CompletableFuture.runAsync(() -> n.awaitHealthy(START_TIMEOUT))).toList();
        CompletableFuture.allOf(healthy.toArray(CompletableFuture[]::new)).join();
    }

    /** Until the proxy's health checks have seen every node up (rise 2 at 1 s): each node answers once through it. */
    private static void awaitAllServing() {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Set<String> seen = new TreeSet<>();
        while (seen.size() < nodes.size() && System.nanoTime() < deadline) {
            try {
                client.send(HttpRequest.newBuilder(viaProxy("/actuator/health")).build(), BodyHandlers.ofString())
                        .headers().firstValue("X-Served-By").ifPresent(seen::add);
            } catch (IOException e) {
                // the proxy answers; a failure here is a node dying right now
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            ClusterNode.sleep(200);
        }
        assertThat(seen).as("nodes serving through the proxy").hasSize(nodes.size());
    }

    private static ClusterNode node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow(() -> new IllegalStateException("no node " + name));
    }

    private static URI viaProxy(String path) {
        return URI.create("http://localhost:" + proxy.port() + path);
    }

    private static void assertNoDuplicates() {
        Map<String, List<String>> found = new LinkedHashMap<>();
        DUPLICATES.forEach((what, sql) -> found.put(what, db.strings(sql)));
        found.values().removeIf(List::isEmpty);
        assertThat(found).as("written more than once").isEmpty();
    }

    private static Map<String, Long> seedCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : SEEDED) {
            counts.put(table, db.count("select count(*) from " + table));
        }
        return counts;
    }

    /** How many starts so far logged that they waited for another node's start. */
    private static long startsThatWaited() throws IOException {
        long waited = 0;
        for (ClusterNode node : nodes) {
            try (var logs = Files.list(node.workDirectory())) {
                for (Path log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
                    waited += Files.readAllLines(log).stream().filter(l -> l.contains("Another node is starting")).count();
                }
            }
        }
        return waited;
    }

    /** The invariants, over the whole database; and every submission that got an answer is there exactly as answered. */
    private static void assertCleanCluster(String prefix) {
        assertThat(ClusterChecks.failures(db)).as("incidents or jobs out of retries").isEmpty();
        assertThat(ClusterChecks.notAtWaitState(db)).as("running process instances not at a wait state").isEmpty();
        assertThat(ClusterChecks.duplicatedSideEffects(db, mail)).as("side effects that happened more than once").isEmpty();
        assertThat(ClusterChecks.missingSideEffects(db)).as("side effects that did not happen").isEmpty();
        AtomicInteger signed = new AtomicInteger();
        assertThat(ClusterChecks.signaturesNotOfTheProgramme(db, signing, signed))
                .as("signed PDFs not verified by the programme's one certificate").isEmpty();

        Map<String, Long> stored = new HashMap<>();
        for (List<Object> row : db.rows("select solution_title, count(*) from application where solution_title like ? group by solution_title",
                prefix + "%")) {
            stored.put((String) row.get(0), ((Number) row.get(1)).longValue());
        }
        load.submissions().forEach((title, outcome) -> {
            if (!title.startsWith(prefix)) {
                return;
            }
            long times = stored.getOrDefault(title, 0L);
            switch (outcome) {
                case ACCEPTED -> assertThat(times).as("accepted submission " + title).isEqualTo(1);
                case REFUSED, NOT_SENT -> assertThat(times).as("refused or unsent submission " + title).isZero();
                case UNKNOWN -> assertThat(times).as("submission cut off by the crash " + title).isLessThanOrEqualTo(1);
            }
        });
        assertThat(stored.keySet()).as("no application the clients did not submit").isSubsetOf(load.submissions().keySet());
    }

    private static long accepted(String prefix) {
        return load.submissions().entrySet().stream().filter(e -> e.getKey().startsWith(prefix) && e.getValue() == Outcome.ACCEPTED).count();
    }
}
