package eu.smartcity.accelerator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import eu.smartcity.accelerator.cluster.ClusterLoad.Outcome;
import eu.smartcity.accelerator.support.PortalClient;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two application nodes — two JVMs started from the built jar, each with its own port, engine hostname and job
 * executor — on one fresh PostgreSQL database, with an SMTP catcher for the mail they send.
 *
 * <p>First the load runs through both nodes and every asynchronous job runs exactly once; then one node is
 * killed with SIGKILL in the middle of load and restarted, several times, and nothing is lost or duplicated.
 * Both tests share the two nodes (starting JVMs is the expensive part on a 2-core CI machine); the second test
 * checks the whole database, including what the first one left.
 */
@Tag("cluster")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final int CRASHES = Integer.getInteger("cluster.crashes", 3);

    private static ClusterDatabase db;
    private static GreenMail mail;
    private static ClusterNode nodeA;
    private static ClusterNode nodeB;
    private static ClusterLoad load;

    @BeforeAll
    static void startCluster() {
        db = ClusterDatabase.create("accelerator_cluster");
        mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Path logs = Path.of(System.getProperty("user.dir"), "target", "cluster");
        nodeA = new ClusterNode("node-a", freePort(), db.url(), mail.getSmtp().getPort(), logs);
        nodeB = new ClusterNode("node-b", freePort(), db.url(), mail.getSmtp().getPort(), logs);
        long t0 = System.nanoTime();
        nodeA.start(START_TIMEOUT); // creates the schema and the demo cycle; then the second node joins
        nodeB.start(START_TIMEOUT);
        System.out.printf("cluster: %s and %s on %s, started in %.1f s%n", nodeA.name(), nodeB.name(), db.url(), (System.nanoTime() - t0) / 1e9);
        load = new ClusterLoad(db);
    }

    @AfterAll
    static void stopCluster() {
        if (nodeB != null) {
            nodeB.stop();
        }
        if (nodeA != null) {
            nodeA.stop();
        }
        if (mail != null) {
            mail.stop();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    @Order(1)
    void twoNodesShareTheLoadAndEveryJobRunsOnce() {
        List<Integer> both = List.of(nodeA.port(), nodeB.port());
        String prefix = "Two nodes";
        int challenges = 6;

        assertThat(load.defineChallenges(both, prefix, challenges)).isEqualTo(challenges);
        assertThat(load.approveChallenges(both, prefix)).isEqualTo(challenges);
        List<String> open = load.awaitOpenCalls(prefix, challenges, Duration.ofSeconds(60));
        assertThat(open).as("calls published by the job executors").hasSize(challenges);
        load.apply(both, open, 5, 4, prefix);
        assertThat(load.closeCalls(both, prefix)).isEqualTo(challenges);
        Duration drained = ClusterChecks.awaitJobsDone(db, Duration.ofSeconds(90));

        assertThat(db.count("select count(*) from act_hi_actinst a join challenge c on c.process_instance_id = a.proc_inst_id_ "
                + "where a.act_id_ = 'ServiceTask_CheckEligibility' and a.end_time_ is not null and c.title like ?", prefix + " %"))
                .as("every challenge went through close call and eligibility").isEqualTo(challenges);
        Map<String, Long> perNode = ClusterChecks.jobsRunPerNode(db);
        assertThat(perNode).as("jobs ran on both nodes").containsKeys(nodeA.name(), nodeB.name());
        assertCleanCluster(prefix);
        System.out.printf("two nodes: %d challenges, %d submissions accepted, jobs per node %s, drained in %d ms, %d mails%n",
                challenges, accepted(prefix), perNode, drained.toMillis(), ClusterChecks.mailsReceived(mail));
    }

    @Test
    @Order(2)
    void aNodeKilledInTheMiddleOfLoadLosesAndDuplicatesNothing() throws Exception {
        List<Integer> both = List.of(nodeA.port(), nodeB.port());
        Random random = new Random(7);
        String previous = null;
        int crashes = 0;
        long inFlightAtKill = 0;
        CompletableFuture<Void> restarting = CompletableFuture.completedFuture(null);
        for (int round = 1; round <= CRASHES; round++) {
            String prefix = "Crash " + round;
            // while node B restarts, node A alone takes the officers' and the coordinator's work
            List<Integer> up = restarting.isDone() ? both : List.of(nodeA.port());
            assertThat(load.defineChallenges(up, prefix, 2)).isEqualTo(2);
            assertThat(load.approveChallenges(up, prefix)).isEqualTo(2);
            List<String> open = load.awaitOpenCalls(prefix, 2, Duration.ofSeconds(60));
            assertThat(open).hasSize(2);
            restarting.get();

            // submissions through both nodes while the previous round's calls close (async jobs on both nodes) ...
            CompletableFuture<Void> submitting = CompletableFuture.runAsync(() -> load.apply(both, open, 6, 2, prefix));
            ClusterNode.sleep(300 + random.nextInt(700));
            if (previous != null) {
                load.closeCalls(both, previous);
            }
            ClusterNode.sleep(100 + random.nextInt(400));
            // ... and node B dies: SIGKILL, no shutdown, its transactions and job locks left behind
            inFlightAtKill += db.count("select count(*) from act_ru_job where lock_owner_ is not null");
            nodeB.kill();
            crashes++;
            submitting.get();
            restarting = CompletableFuture.runAsync(() -> nodeB.start(START_TIMEOUT));
            previous = prefix;
        }
        restarting.get();
        load.closeCalls(both, previous);
        Duration drained = ClusterChecks.awaitJobsDone(db, Duration.ofSeconds(120));

        assertCleanCluster("Crash");
        assertThat(crashes).isEqualTo(CRASHES);
        Map<Outcome, Long> outcomes = new HashMap<>();
        load.submissions().forEach((title, outcome) -> { if (title.startsWith("Crash")) outcomes.merge(outcome, 1L, Long::sum); });
        System.out.printf("crash safety: node-b killed -9 and restarted %d times (jobs locked at the kills: %d); submissions %s; "
                + "drained %d ms after the last restart; jobs per node %s%n",
                crashes, inFlightAtKill, outcomes, drained.toMillis(), ClusterChecks.jobsRunPerNode(db));
    }

    /**
     * Sessions are rows in PostgreSQL (issue 20): the coordinator logs in on node B, node B dies, and node A serves
     * the same browser (same cookie) without a new login, the portal and Cockpit alike; a visitor gets no session.
     */
    @Test
    @Order(3)
    void aUserWhoseNodeDiesContinuesOnAnotherNodeWithoutLoggingInAgain() throws Exception {
        // one browser: cookies are per host, not per port, so both nodes see the same SESSION cookie
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> visitorPage = browser.send(HttpRequest.newBuilder(uri(nodeA, "/challenges")).build(), BodyHandlers.ofString());
        assertThat(visitorPage.headers().allValues("Set-Cookie")).as("a visitor's cookies").isEmpty();

        String form = browser.send(HttpRequest.newBuilder(uri(nodeB, "/login")).build(), BodyHandlers.ofString()).body();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri(nodeB, "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("_csrf=" + URLEncoder.encode(PortalClient.csrfToken(form), StandardCharsets.UTF_8)
                        + "&username=coordinator&password=demo")).build(), BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        assertThat(browser.send(HttpRequest.newBuilder(uri(nodeB, "/coordinator")).build(), BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);

        nodeB.kill();
        try {
            HttpResponse<String> dashboard = browser.send(HttpRequest.newBuilder(uri(nodeA, "/coordinator")).build(), BodyHandlers.ofString());
            assertThat(dashboard.statusCode()).as("the coordinator's dashboard on node A").isEqualTo(200);
            assertThat(dashboard.body()).contains("coordinator");
            HttpResponse<String> cockpit = browser.send(HttpRequest.newBuilder(uri(nodeA, "/camunda/app/cockpit/default/")).build(),
                    BodyHandlers.ofString());
            assertThat(cockpit.statusCode()).as("Cockpit on node A").isEqualTo(200);
            // Cockpit's own REST call, as its page makes it: the Camunda webapp sees the user of the shared session
            HttpResponse<String> user = browser.send(HttpRequest.newBuilder(uri(nodeA, "/camunda/api/admin/auth/user/default"))
                    .header("Accept", "application/json").build(), BodyHandlers.ofString());
            assertThat(user.statusCode()).as("Camunda's own session user on node A").isEqualTo(200);
            assertThat(user.body()).contains("\"userId\":\"coordinator\"");
        } finally {
            nodeB.start(START_TIMEOUT);
        }
    }

    private static URI uri(ClusterNode node, String path) {
        return URI.create("http://localhost:" + node.port() + path);
    }

    /** The invariants, over the whole database; and every submission that got an answer is there exactly as answered. */
    private static void assertCleanCluster(String prefix) {
        assertThat(ClusterChecks.failures(db)).as("incidents or jobs out of retries").isEmpty();
        assertThat(ClusterChecks.notAtWaitState(db)).as("running process instances not at a wait state").isEmpty();
        assertThat(ClusterChecks.duplicatedSideEffects(db, mail)).as("side effects that happened more than once").isEmpty();
        assertThat(ClusterChecks.missingSideEffects(db)).as("side effects that did not happen").isEmpty();

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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
