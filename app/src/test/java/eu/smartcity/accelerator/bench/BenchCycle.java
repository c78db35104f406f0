package eu.smartcity.accelerator.bench;

import eu.smartcity.accelerator.workflow.ProcessVariables;
import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.cycle.Bylaws;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.workflow.TaskCompletions;
import eu.smartcity.accelerator.evaluation.EvaluationProcess;
import eu.smartcity.accelerator.pilot.PilotProcess;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import eu.smartcity.accelerator.identity.Roles;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

/**
 * One full accelerator cycle of one challenge, driven through the real processes the way DemoCycle and the
 * process tests do it (ProcessDriver: tasks completed by BPMN id, async steps executed, timers fired instead of
 * waited for): define and approve, N applications, call closes, eligibility, three jury members declare and
 * score every application, ranking, selection approved, contract negotiated and signed, pilot with its
 * milestones, evaluation. Ends at {@link ChallengeProcess#END_EVALUATED}.
 */
final class BenchCycle {

    static final List<String> JURY = List.of("jury-an", "jury-ben", "jury-chloe");
    private static final List<String> COMPANIES = List.of("company-urbansense", "company-parkflow", "company-greengrid");

    private final Challenges challenges;
    private final Applications applications;
    private final ProcessEngine engine;
    private final ProcessDriver driver;
    private final TaskCompletions completions;

    BenchCycle(Challenges challenges, Applications applications, ProcessEngine engine, TaskCompletions completions) {
        this.challenges = challenges;
        this.applications = applications;
        this.engine = engine;
        this.driver = new ProcessDriver(engine, completions);
        this.completions = completions;
    }

    /**
     * The company of a challenge's i-th application: one live application per company and challenge, so beyond the
     * three demo companies each application comes from a benchmark company of its own (a Camunda organisation group).
     */
    String company(int i) {
        if (i < COMPANIES.size()) {
            return COMPANIES.get(i);
        }
        String group = "company-bench-" + i;
        synchronized (BenchCycle.class) {
            if (engine.getIdentityService().createGroupQuery().groupId(group).count() == 0) {
                Group created = engine.getIdentityService().newGroup(group);
                created.setName("Benchmark company " + i);
                created.setType(Roles.ORGANISATION_TYPE);
                engine.getIdentityService().saveGroup(created);
            }
        }
        return group;
    }

    /** Runs one challenge from definition to evaluation; returns its process instance id. */
    String run(UUID cycle, String city, String title, int applicationCount) {
        UUID id = publish(cycle, city, title);
        String pi = challenges.find(id).orElseThrow().processInstanceId();
        for (int i = 0; i < applicationCount; i++) {
            int n = i;
            StatementCounter.phase("submit", () -> applications.submit(new Applications.Submission(id, company(n), title + " solution " + n,
                    "Built on open standards and the city's open data.", BigDecimal.valueOf(7_000 + n), 7, true, "BE", 25, true, true)));
        }
        StatementCounter.phase("timer call window", () -> retry(() -> driver.fireTimer(pi, ChallengeProcess.TIMER_CALL_WINDOW_OVER)));
        for (String member : JURY) {
            complete(driver.taskOf(pi, ChallengeProcess.USER_TASK_DECLARE_CONFLICT, member), Map.of(ChallengeProcess.CONFLICT_DECISION.name(), ChallengeProcess.ConflictDecision.NONE.wire()), pi);
            int rank = 0;
            List<Task> open = new java.util.ArrayList<>();
            StatementCounter.phase("task list", () -> open.addAll(driver.tasks(pi, ChallengeProcess.USER_TASK_SCORE_APPLICATION)));
            for (Task task : open) {
                if (member.equals(task.getAssignee())) {
                    long score = Math.max(1, 9 - rank++ % 8);
                    Map<String, Object> scores = new HashMap<>();
                    for (String criterion : Bylaws.CRITERIA) {
                        scores.put(criterion, score);
                    }
                    complete(task, scores, pi);
                }
            }
        }
        // many challenges per city in one cycle: beyond quotas.pilotsPerCity the coordinator overrides (recorded)
        retry(() -> {
            Task approval = driver.task(pi, ChallengeProcess.USER_TASK_APPROVE_SELECTION);
            if (approval.getAssignee() == null) {
                engine.getTaskService().claim(approval.getId(), "coordinator");
            }
        });
        complete(pi, ChallengeProcess.USER_TASK_APPROVE_SELECTION, Map.of(ChallengeProcess.SELECTION_DECISION.name(), ChallengeProcess.SelectionDecision.APPROVE.wire(),
                ChallengeProcess.QUOTA_OVERRIDE.name(), ChallengeProcess.QuotaOverride.EXCEED.wire(),
                ChallengeProcess.QUOTA_OVERRIDE_REASON.name(), "Benchmark: many pilots per city"));
        complete(pi, ContractProcess.USER_TASK_REVIEW_DRAFT, ProcessVariables.of(ContractProcess.DRAFT_DECISION.with(ContractProcess.DraftDecision.AGREE)));
        complete(pi, ContractProcess.USER_TASK_CHECK_COMPLIANCE, ProcessVariables.of(ContractProcess.COMPLIANCE_DECISION.with(ContractProcess.ComplianceDecision.COMPLIES)));
        complete(pi, ContractProcess.USER_TASK_SIGN_AS_COMPANY, ProcessVariables.of(ContractProcess.COMPANY_SIGNS.with(true)));
        complete(pi, ContractProcess.USER_TASK_SIGN_AS_CITY, ProcessVariables.of(ContractProcess.CITY_DECISION.with(ContractProcess.CityDecision.SIGN)));
        complete(pi, PilotProcess.USER_TASK_KICK_OFF, ProcessVariables.of(PilotProcess.KICKOFF_NOTES.with("Scope, contacts and planning agreed")));
        complete(pi, PilotProcess.USER_TASK_CHECK_INFRASTRUCTURE,
                ProcessVariables.of(PilotProcess.CONNECTIVITY.with(PilotProcess.Answer.YES), PilotProcess.POWER.with(PilotProcess.Answer.YES), PilotProcess.SIM_NETWORK.with(PilotProcess.Answer.YES), PilotProcess.DATA_ACCESS.with(PilotProcess.Answer.YES)));
        int milestones = ChallengeProcess.MILESTONE_COUNT.read(engine.getRuntimeService().getVariable(pi, ChallengeProcess.MILESTONE_COUNT.name()));
        for (int m = 1; m <= milestones; m++) {
            complete(pi, PilotProcess.USER_TASK_REPORT_PROGRESS, ProcessVariables.of(PilotProcess.PROGRESS.with("Milestone " + m + " reached"), PilotProcess.MILESTONE_MET.with(PilotProcess.Answer.YES)));
            complete(pi, PilotProcess.USER_TASK_REVIEW_PROGRESS, ProcessVariables.of(PilotProcess.PROGRESS_DECISION.with(PilotProcess.ProgressDecision.CONTINUE)));
        }
        complete(pi, PilotProcess.USER_TASK_DEMO, ProcessVariables.of(PilotProcess.DEMO_NOTES.with("Residents and the support group saw it working")));
        complete(pi, EvaluationProcess.USER_TASK_KPI_RESULTS, Map.of(EvaluationProcess.KPI_NAME.name(), "Complaints per month", EvaluationProcess.KPI_TARGET.name(), 40L, EvaluationProcess.KPI_RESULT.name(), 31L));
        complete(pi, EvaluationProcess.USER_TASK_SURVEY_AND_BEHAVIOUR,
                Map.of(EvaluationProcess.SURVEY_SCORE.name(), 58L, EvaluationProcess.MEASURED_SCORE.name(), 74L));
        complete(pi, EvaluationProcess.USER_TASK_DECIDE_VERDICT,
                Map.of(EvaluationProcess.VERDICT.name(), "scale-up", EvaluationProcess.VERDICT_REASON.name(), "KPI met"));
        complete(pi, EvaluationProcess.USER_TASK_PLAN_SCALE_UP, Map.of(EvaluationProcess.SCALE_UP_PLAN.name(), "City-wide in 2028"));
        String end = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getEndActivityId();
        if (!ChallengeProcess.END_EVALUATED.equals(end)) {
            throw new IllegalStateException(title + " ended at " + end + ", expected " + ChallengeProcess.END_EVALUATED);
        }
        return pi;
    }

    /** A company user of its own for each rush client (a company applies once per call), logged in with {@code demo}. */
    String rushCompanyUser(int client) {
        String user = "rush-" + client;
        String group = "company-rush-" + client;
        synchronized (BenchCycle.class) {
            if (engine.getIdentityService().createUserQuery().userId(user).count() == 0) {
                Group created = engine.getIdentityService().newGroup(group);
                created.setName("Rush company " + client);
                created.setType(Roles.ORGANISATION_TYPE);
                engine.getIdentityService().saveGroup(created);
                User u = engine.getIdentityService().newUser(user);
                u.setFirstName("Rush");
                u.setLastName("Client " + client);
                u.setEmail(user + "@bench.smartcity.local");
                u.setPassword("demo");
                engine.getIdentityService().saveUser(u);
                engine.getIdentityService().createMembership(user, Roles.COMPANIES);
                engine.getIdentityService().createMembership(user, group);
            }
        }
        return user;
    }

    UUID publish(UUID cycle, String city, String title) {
        UUID id = challenges.launch(cycle, city, new Challenges.Definition(title, "A problem worth a pilot, for the benchmark.",
                "Open data portal of the city (CSV and API)", new BigDecimal("10000"), "Measured monthly", "nl, fr, en", 6));
        String pi = challenges.find(id).orElseThrow().processInstanceId();
        complete(pi, ChallengeProcess.USER_TASK_APPROVE_CHALLENGE, Map.of(ChallengeProcess.CHALLENGE_DECISION.name(), ChallengeProcess.ChallengeDecision.APPROVE.wire()));
        return id;
    }

    private void complete(String pi, String taskKey, Map<String, Object> variables) {
        retry(() -> {
            Task[] task = new Task[1];
            StatementCounter.phase("find task", () -> task[0] = driver.task(pi, taskKey));
            completeAndRunJobs(task[0], variables, pi);
        });
    }

    private void complete(Task task, Map<String, Object> variables, String pi) {
        retry(() -> completeAndRunJobs(task, variables, pi));
    }

    /** What {@link ProcessDriver#complete(Task, Map, String)} does, counted in two phases (the completion, then its jobs). */
    private void completeAndRunJobs(Task task, Map<String, Object> variables, String pi) {
        StatementCounter.phase(task.getTaskDefinitionKey(), () -> completions.complete(task, task.getAssignee(), variables));
        StatementCounter.phase(task.getTaskDefinitionKey() + " jobs", () -> driver.runNewAsyncJobs(pi));
    }

    /** Concurrent cycles may touch the same rows (the cycle's own instance): an optimistic-locking loser tries again, as a user would. */
    private static void retry(Runnable step) {
        for (int attempt = 1; ; attempt++) {
            try {
                step.run();
                return;
            } catch (OptimisticLockingException e) {
                if (attempt >= 5) {
                    throw e;
                }
            }
        }
    }
}
