package eu.smartcity.accelerator.cluster;

import static eu.smartcity.accelerator.challenge.ChallengeProcess.BUDGET_CAP;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.CYCLE_ID;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.FIT;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.INNOVATION;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.KPIS;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.LANGUAGES;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.MIN_TRL;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.OPEN_DATASETS;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.OPEN_DATA_USE;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.PRICE;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.PROBLEM;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.REPLICABILITY;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.SCORE_COMMENT;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.TEAM;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.TITLE;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.support.PortalClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load through the nodes' HTTP interfaces, as users cause it: city officers define challenges in the portal,
 * the coordinator approves them through /engine-rest, companies apply in the portal, and the call window's timer
 * is brought forward in the database (instead of waiting weeks). Each step alternates between the nodes;
 * the asynchronous steps (publish call, close call, eligibility) are left to the nodes' job executors.
 */
final class ClusterLoad {

    private static final Pattern CYCLE_OPTION = Pattern.compile("<option[^>]*value=\"([0-9a-f-]{36})\"");
    private static final String[] OFFICERS = {"officer-mechelen", "officer-delft"};
    private static final String[] COMPANIES = {"urbansense", "parkflow"};
    private static final String[] JURY = {"jury-an", "jury-ben", "jury-chloe"};

    /** What the client learnt about one submission. */
    enum Outcome { ACCEPTED, REFUSED, NOT_SENT, UNKNOWN }

    private final ClusterDatabase db;
    private final HttpClient rest = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Outcome> submissions = new ConcurrentHashMap<>();

    ClusterLoad(ClusterDatabase db) {
        this.db = db;
    }

    Map<String, Outcome> submissions() {
        return submissions;
    }

    /** Officers define {@code count} challenges titled {@code prefix N}, alternating over the ports; returns how many were accepted. */
    int defineChallenges(List<Integer> ports, String prefix, int count) {
        int defined = 0;
        for (int i = 0; i < count; i++) {
            PortalClient officer = new PortalClient(ports.get(i % ports.size()));
            officer.login(OFFICERS[i % OFFICERS.length], "demo");
            String page = officer.get("/city/challenges/new").body();
            Matcher cycle = CYCLE_OPTION.matcher(page);
            if (!cycle.find()) {
                throw new IllegalStateException("no open cycle offered on the define-challenge page");
            }
            HttpResponse<String> response = officer.postForm("/city/challenges/new", "/city/challenges/new",
                    CYCLE_ID.name(), cycle.group(1), TITLE.name(), prefix + " " + i,
                    PROBLEM.name(), "Load from the cluster test: a problem worth a pilot.",
                    OPEN_DATASETS.name(), "Open data portal (CSV)", BUDGET_CAP.name(), "10000", KPIS.name(), "Measured monthly",
                    LANGUAGES.name(), "nl, fr, en", MIN_TRL.name(), "6");
            if (response.statusCode() == 302 && response.headers().firstValue("Location").orElse("").contains("/city/challenges")) {
                defined++;
            }
        }
        return defined;
    }

    /** The coordinator approves every waiting challenge through /engine-rest, alternating over the ports. */
    int approveChallenges(List<Integer> ports, String prefix) {
        List<String> tasks = db.strings("select t.id_ from act_ru_task t join challenge c on c.process_instance_id = t.proc_inst_id_ "
                + "where t.task_def_key_ = ? and c.title like ?", ChallengeProcess.USER_TASK_APPROVE_CHALLENGE, prefix + " %");
        int approved = 0;
        for (int i = 0; i < tasks.size(); i++) {
            int status = restCall(ports.get(i % ports.size()), "POST", "/engine-rest/task/" + tasks.get(i) + "/complete",
                    "{\"variables\":{\"" + ChallengeProcess.CHALLENGE_DECISION.name() + "\":{\"value\":\"" + ChallengeProcess.ChallengeDecision.APPROVE.wire() + "\",\"type\":\"String\"}}}");
            if (status == 204) {
                approved++;
            }
        }
        return approved;
    }

    /** Waits until the job executors have published the calls of these challenges (their call has a closing time). */
    List<String> awaitOpenCalls(String prefix, int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> open = db.strings("select cast(id as varchar) from challenge where title like ? and call_closes_at is not null "
                    + "order by title", prefix + " %");
            if (open.size() >= expected || System.nanoTime() > deadline) {
                return open;
            }
            ClusterNode.sleep(300);
        }
    }

    /**
     * Companies apply, {@code perChallenge} times to each challenge, from {@code threads} clients at once spread
     * over the ports. Every title is unique, so the database can be checked for each accepted one.
     */
    void apply(List<Integer> ports, List<String> challengeIds, int perChallenge, int threads, String prefix) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    PortalClient company = loggedIn(ports, thread);
                    int n = 0;
                    for (String challenge : challengeIds) {
                        for (int k = 0; k < perChallenge; k++) {
                            if ((n++ % threads) == thread) {
                                submit(company, challenge, prefix + " t" + thread + " " + challenge.substring(0, 8) + " #" + k);
                            }
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(5, TimeUnit.MINUTES);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A company logged in on its thread's node, or (that node dying under the login) on the next one, as a person
     * would try again; through the proxy (one port) simply again.
     */
    static PortalClient loggedIn(List<Integer> ports, int thread) {
        RuntimeException lost = null;
        for (int i = 0; i < Math.max(3, ports.size()); i++) {
            PortalClient company = new PortalClient(ports.get((thread + i) % ports.size()));
            try {
                HttpResponse<String> login = company.login(COMPANIES[thread % COMPANIES.length], "demo");
                if (login.statusCode() == 302 && !login.headers().firstValue("Location").orElse("").contains("error")) {
                    return company;
                }
                lost = new IllegalStateException("login answered " + login.statusCode());
            } catch (RuntimeException connectionLost) {
                lost = connectionLost;
            }
            ClusterNode.sleep(500);
        }
        throw lost;
    }

    /** Someone logged in through {@code port} (the proxy), trying again while a node dies under the login. */
    static PortalClient loggedInAs(int port, String user) {
        for (int attempt = 0; ; attempt++) {
            PortalClient client = new PortalClient(port);
            try {
                HttpResponse<String> login = client.login(user, "demo");
                if (login.statusCode() == 302 && !login.headers().firstValue("Location").orElse("").contains("error")) {
                    return client;
                }
                if (attempt >= 2) {
                    throw new IllegalStateException(user + ": login answered " + login.statusCode());
                }
            } catch (RuntimeException connectionLost) {
                if (attempt >= 2) {
                    throw connectionLost;
                }
            }
            ClusterNode.sleep(500);
        }
    }

    /** A company's apply form as its browser holds it: the session's CSRF token, before anything is sent. */
    static String openForm(PortalClient company, String challengeId) {
        return PortalClient.csrfToken(company.get("/challenges/" + challengeId + "/apply").body());
    }

    /** Sends a form opened earlier (maybe on a node that has died since), as the browser would. */
    Outcome submitOpened(PortalClient company, String challengeId, String csrf, String title) {
        String[] fields = {"solutionTitle", title, "pitch", "Built on open standards and the city's open data.",
                "requestedBudget", "9000", "trl", "7", "legalEntity", "true", "country", "BE", "employees", "25",
                "interoperable", "true", "declarationsSigned", "true"};
        StringBuilder body = new StringBuilder("_csrf=").append(java.net.URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        for (int i = 0; i < fields.length; i += 2) {
            body.append('&').append(java.net.URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        Outcome outcome;
        try {
            HttpResponse<String> response = company.postWithoutCsrf("/challenges/" + challengeId + "/apply", body.toString());
            outcome = response.statusCode() == 302 && response.headers().firstValue("Location").orElse("").contains("/applications?submitted=")
                    ? Outcome.ACCEPTED : response.statusCode() == 200 ? Outcome.REFUSED : Outcome.UNKNOWN;
        } catch (RuntimeException connectionLost) {
            outcome = Outcome.UNKNOWN;
        }
        submissions.put(title, outcome);
        return outcome;
    }

    Outcome submit(PortalClient company, String challengeId, String title) {
        Outcome outcome;
        try {
            HttpResponse<String> response = company.postForm("/challenges/" + challengeId + "/apply", "/challenges/" + challengeId + "/apply",
                    "solutionTitle", title, "pitch", "Built on open standards and the city's open data.",
                    "requestedBudget", "9000", "trl", "7", "legalEntity", "true", "country", "BE", "employees", "25",
                    "interoperable", "true", "declarationsSigned", "true");
            outcome = response.statusCode() == 302 && response.headers().firstValue("Location").orElse("").contains("/applications?submitted=")
                    ? Outcome.ACCEPTED : response.statusCode() == 200 ? Outcome.REFUSED : Outcome.UNKNOWN;
        } catch (RuntimeException connectionLost) {
            // refused connection: the node is down and nothing was sent; otherwise the node died mid-request
            // and the client cannot know whether the submission committed
            outcome = connectionLost.getCause() instanceof java.net.ConnectException ? Outcome.NOT_SENT : Outcome.UNKNOWN;
        }
        submissions.put(title, outcome);
        return outcome;
    }

    /**
     * The jury of the challenges titled {@code prefix N} (N below {@code challenges}): each juror in a thread of their
     * own, logged in through {@code port}, declares no conflict and marks every application, all jurors at once, as
     * the portal's forms do. Returns the forms not accepted (empty when every one was).
     */
    List<String> juryMarks(int port, String prefix, int challenges) {
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < challenges; i++) {
            titles.add(prefix + " " + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(JURY.length);
        List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String juror : JURY) {
                futures.add(pool.submit(() -> {
                    PortalClient client = new PortalClient(port);
                    client.login(juror, "demo");
                    for (String key : List.of(ChallengeProcess.USER_TASK_DECLARE_CONFLICT, ChallengeProcess.USER_TASK_SCORE_APPLICATION)) {
                        for (String task : openTasks(juror, key, titles)) {
                            String path = "/tasks/" + task;
                            HttpResponse<String> answer = ChallengeProcess.USER_TASK_DECLARE_CONFLICT.equals(key)
                                    ? client.postForm(path, path, ChallengeProcess.CONFLICT_DECISION.name(), ChallengeProcess.ConflictDecision.NONE.wire())
                                    : client.postForm(path, path, FIT.name(), "8", INNOVATION.name(), "7", TEAM.name(), "7", PRICE.name(), "7",
                                            REPLICABILITY.name(), "7", OPEN_DATA_USE.name(), "6", SCORE_COMMENT.name(), "Marked through the proxy");
                            if (answer.statusCode() != 302 || !answer.headers().firstValue("Location").orElse("").endsWith("/tasks")) {
                                refused.add(juror + " " + key + " " + task + " -> " + answer.statusCode());
                            }
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(5, TimeUnit.MINUTES);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        return refused;
    }

    private List<String> openTasks(String juror, String key, List<String> challengeTitles) {
        return db.strings("select t.id_ from act_ru_task t join challenge c on c.process_instance_id = t.proc_inst_id_ "
                + "where t.assignee_ = ? and t.task_def_key_ = ? and c.title = any (?) order by t.id_", juror, key,
                challengeTitles.toArray(String[]::new));
    }

    /**
     * Brings the call-window timers of these challenges forward to now, in the database (the engine's REST API
     * refuses job changes: see README, Security); the job executors of both nodes then fire them.
     */
    int closeCalls(List<Integer> ports, String prefix) {
        return db.update("update act_ru_job set duedate_ = now() - interval '1 second' where type_ = 'timer' and handler_cfg_ like ? "
                + "and process_instance_id_ in (select process_instance_id from challenge where title like ?)",
                ChallengeProcess.TIMER_CALL_WINDOW_OVER + "%", prefix + " %");
    }

    private int restCall(int port, String method, String path, String json) {
        String basic = Base64.getEncoder().encodeToString("coordinator:demo".getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = rest.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                System.err.println(method + " " + path + " on " + port + ": " + response.statusCode() + " " + response.body());
            }
            return response.statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
