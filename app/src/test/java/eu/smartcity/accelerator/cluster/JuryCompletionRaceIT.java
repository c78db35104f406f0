package eu.smartcity.accelerator.cluster;

import static eu.smartcity.accelerator.challenge.ChallengeProcess.FIT;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.INNOVATION;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.OPEN_DATA_USE;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.PRICE;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.REPLICABILITY;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.SCORE_COMMENT;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.support.PortalClient;
import eu.smartcity.accelerator.support.PostgresTest;
import eu.smartcity.accelerator.workflow.TaskCompletions;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Jurors finishing at the same moment (issue 20, point 6): each seat of the jury is an instance of a parallel
 * multi-instance, and the last mark of a seat ends that instance. Two jurors handing in their last marks at once
 * used to update the multi-instance's counters in two transactions, and one of them got an optimistic-locking
 * error as a refused form. Now a seat ends in a job of its own (asyncBefore on EndEvent_SeatScored), which the
 * engine retries when two collide: every juror's form is accepted and every mark counts.
 *
 * <p>Through the portal on PostgreSQL: three jurors, each on their own connection, submit their forms behind a
 * barrier (all at once), several rounds.
 */
@PostgresTest
class JuryCompletionRaceIT {

    private static final List<String> JURY = List.of("jury-an", "jury-ben", "jury-chloe");
    private static final String[] COMPANIES = {"urbansense", "parkflow"};
    private static final int ROUNDS = 3;

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired TaskCompletions completions;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired Applications applications;
    @Autowired JdbcTemplate jdbc;

    @Test
    void jurorsHandingInAtOnceAreNeverRefusedAndEveryMarkCounts() throws Exception {
        ProcessDriver driver = new ProcessDriver(engine, completions);
        Cycles.CycleView cycle = cycles.open("Race cycle", "scifi-2025");
        List<PortalClient> jurors = JURY.stream().map(j -> {
            PortalClient client = new PortalClient(port);
            client.login(j, "demo");
            return client;
        }).toList();
        ExecutorService pool = Executors.newFixedThreadPool(JURY.size());
        try {
            for (int round = 0; round < ROUNDS; round++) {
                UUID challengeId = challenges.launch(cycle.id(), "city-mechelen", new Challenges.Definition("Race " + round,
                        "Jurors finishing together.", "Parking occupancy (CSV, API)", new BigDecimal("10000"), "Search time -20 %", "nl, en", 6));
                String pi = challenges.find(challengeId).orElseThrow().processInstanceId();
                driver.complete(pi, ChallengeProcess.USER_TASK_APPROVE_CHALLENGE,
                        Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.APPROVE.wire()));
                for (String company : COMPANIES) {
                    applications.submit(new Applications.Submission(challengeId, "company-" + company, company + " race " + round,
                            "Sensors and an app that use the open parking data.", new BigDecimal("9500"), 7, true, "BE", 40, true, true));
                }
                driver.fireTimer(pi, ChallengeProcess.TIMER_CALL_WINDOW_OVER);

                // declarations at once, then each application's marks at once: every form accepted
                List<List<String>> refused = new ArrayList<>();
                refused.add(allAtOnce(pool, jurors, j -> {
                    String task = "/tasks/" + driver.taskOf(pi, ChallengeProcess.USER_TASK_DECLARE_CONFLICT, JURY.get(j)).getId();
                    return List.of(task, ChallengeProcess.CONFLICT_DECISION.name(), ChallengeProcess.ConflictDecision.NONE.wire());
                }));
                for (int application = 0; application < COMPANIES.length; application++) {
                    int a = application;
                    refused.add(allAtOnce(pool, jurors, j -> {
                        List<Task> mine = driver.tasks(pi, ChallengeProcess.USER_TASK_SCORE_APPLICATION).stream()
                                .filter(t -> JURY.get(j).equals(t.getAssignee()))
                                .sorted(java.util.Comparator.comparing(Task::getId)).toList();
                        assertThat(mine).as("open marks of %s before application %d", JURY.get(j), a).hasSize(COMPANIES.length - a);
                        String task = "/tasks/" + mine.get(0).getId();
                        return List.of(task, FIT.name(), "8", INNOVATION.name(), String.valueOf(5 + j), TEAM.name(), "7", PRICE.name(), "7",
                                REPLICABILITY.name(), "7", OPEN_DATA_USE.name(), "6", SCORE_COMMENT.name(), "Race " + a);
                    }));
                }
                assertThat(refused).as("forms not accepted in round %d", round).allSatisfy(r -> assertThat(r).isEmpty());

                driver.runAsyncJobs(pi); // what the nodes' job executors do, retrying a collision
                assertThat(jdbc.queryForObject("select count(*) from jury_score where challenge_id = ?", Long.class, challengeId))
                        .as("marks recorded in round %d", round).isEqualTo((long) JURY.size() * COMPANIES.length);
                assertThat(driver.tasks(pi, ChallengeProcess.USER_TASK_APPROVE_SELECTION)).as("ranked after the last mark").hasSize(1);
                assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi).count()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** What one juror's thread posts: the task path, then field names and values. */
    private interface Form {
        List<String> of(int juror);
    }

    /** Each juror posts their form, all behind one barrier; returns the refusals (anything but the redirect to /tasks). */
    private static List<String> allAtOnce(ExecutorService pool, List<PortalClient> jurors, Form form) throws Exception {
        List<List<String>> forms = new ArrayList<>();
        for (int j = 0; j < jurors.size(); j++) {
            forms.add(form.of(j));
        }
        CyclicBarrier together = new CyclicBarrier(jurors.size());
        List<Future<String>> answers = new ArrayList<>();
        for (int j = 0; j < jurors.size(); j++) {
            PortalClient juror = jurors.get(j);
            List<String> f = forms.get(j);
            answers.add(pool.submit(() -> {
                String task = f.get(0);
                // the form as the juror's browser has it (with its CSRF token), then all submit together
                StringBuilder body = new StringBuilder("_csrf=").append(encode(PortalClient.csrfToken(juror.get(task).body())));
                for (int i = 1; i < f.size(); i += 2) {
                    body.append('&').append(encode(f.get(i))).append('=').append(encode(f.get(i + 1)));
                }
                together.await(30, TimeUnit.SECONDS);
                HttpResponse<String> answer = juror.postWithoutCsrf(task, body.toString());
                boolean accepted = answer.statusCode() == 302 && answer.headers().firstValue("Location").orElse("").endsWith("/tasks");
                String page = answer.body().replaceAll("(?s).*<main", "<main");
                return accepted ? null : task + " -> " + answer.statusCode() + " " + page.substring(0, Math.min(400, page.length()));
            }));
        }
        List<String> refused = new ArrayList<>();
        for (Future<String> answer : answers) {
            String problem = answer.get(2, TimeUnit.MINUTES);
            if (problem != null) {
                refused.add(problem);
            }
        }
        return refused;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
