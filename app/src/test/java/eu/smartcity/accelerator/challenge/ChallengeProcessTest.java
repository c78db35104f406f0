package eu.smartcity.accelerator.challenge;

import eu.smartcity.accelerator.workflow.ProcessVariables;
import eu.smartcity.accelerator.worklist.MyTasks;
import eu.smartcity.accelerator.cycle.CycleProcess;
import static eu.smartcity.accelerator.challenge.ChallengeProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import eu.smartcity.accelerator.application.ApplicationProcess;
import eu.smartcity.accelerator.application.ApplicationRefusedException;
import eu.smartcity.accelerator.application.Applications;
import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.evaluation.EvaluationProcess;
import eu.smartcity.accelerator.identity.Roles;
import eu.smartcity.accelerator.opendata.OcdsPublisher;
import eu.smartcity.accelerator.pilot.PilotProcess;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.demo.ProcessDriver;
import eu.smartcity.accelerator.workflow.TaskCompletions;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of the challenge process (and the application processes it steers), on the real engine. */
@AcceleratorTest
class ChallengeProcessTest {

    static final List<String> JURY = List.of("jury-an", "jury-ben", "jury-chloe");

    @Autowired ProcessEngine engine;

    @Autowired TaskCompletions completions;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired IdentityService identityService;
    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired Applications applications;
    @Autowired OcdsPublisher ocds;
    @Autowired JdbcTemplate jdbc;
    @Autowired eu.smartcity.accelerator.selection.JuryRecords juryRecords;
    @Autowired MyTasks myTasks;

    ProcessDriver driver;
    UUID challengeId;
    ProcessInstance challenge;

    /** The challenge instances this class started, to check that together they reach every end event of the model. */
    static final java.util.Set<String> STARTED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @org.junit.jupiter.api.BeforeAll
    static void gateCoverage() {
        eu.smartcity.accelerator.support.ProcessCoverageTestConfiguration.gateThisClass();
    }

    @BeforeEach
    void startChallenge() {
        BpmnAwareTests.init(engine);
        driver = new ProcessDriver(engine, completions);
        Cycles.CycleView cycle = cycles.open("Second cycle", "scifi-2025");
        challengeId = challenges.launch(cycle.id(), "city-mechelen", new Challenges.Definition("Smart parking with open data",
                "Drivers circle for parking; guide them with the city's open parking data.", "Parking occupancy (CSV, API)",
                new BigDecimal("10000"), "Search time -20 %", "nl, en", 6));
        challenge = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(challengeId.toString())
                .processDefinitionKey(KEY).singleResult();
        STARTED.add(challenge.getId());
    }

    /**
     * Issue 23, point 1: the tests of this class walk every end event of the challenge (its own and its event
     * subprocesses', not the jury seat's), and each of those tests asserts that no application is left waiting.
     */
    @org.junit.jupiter.api.AfterAll
    static void everyEndEventOfTheChallengeWasWalked(@Autowired ProcessEngine engine) {
        org.camunda.bpm.model.bpmn.BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(
                engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult().getId());
        List<String> ends = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.EndEvent.class).stream()
                .filter(end -> !(end.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.SubProcess sub)
                        || sub.triggeredByEvent())
                .map(org.camunda.bpm.model.bpmn.instance.EndEvent::getId).toList();
        java.util.Set<String> reached = new java.util.HashSet<>();
        for (String instance : STARTED) {
            engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance).activityType("noneEndEvent")
                    .list().forEach(a -> reached.add(a.getActivityId()));
        }
        assertThat(reached).as("end events of %s reached by this class's tests", KEY).containsAll(ends);
        STARTED.clear();
    }

    @AfterEach
    void reset() {
        BpmnAwareTests.reset();
    }

    String pi() {
        return challenge.getId();
    }

    void approveAndPublish() {
        assertThat(driver.task(pi(), USER_TASK_APPROVE_CHALLENGE)).isNotNull();
        driver.complete(pi(), USER_TASK_APPROVE_CHALLENGE, Map.of(CHALLENGE_DECISION.name(), ChallengeDecision.APPROVE.wire()));
        assertThat(challenges.find(challengeId).orElseThrow().status()).isEqualTo("PUBLISHED");
    }

    UUID apply(String company, long budget, int trl, boolean legal, String country, int employees, boolean interoperable,
            boolean declared) {
        return applications.submit(new Applications.Submission(challengeId, "company-" + company, company + " parking guidance",
                "Sensors and an app that use the open parking data.", BigDecimal.valueOf(budget), trl, legal, country, employees,
                interoperable, declared));
    }

    UUID applyEligible(String company) {
        return apply(company, 9_500, 7, true, "BE", 40, true, true);
    }

    /** The challenge published, ParkFlow and UrbanSense applied (both eligible), the call closed: the jury declares next. */
    List<UUID> twoEligibleApplicationsAndTheCallClosed() {
        approveAndPublish();
        List<UUID> eligible = List.of(applyEligible("parkflow"), applyEligible("urbansense"));
        closeCall();
        return eligible;
    }

    void closeCall() {
        driver.fireTimer(pi(), TIMER_CALL_WINDOW_OVER);
    }

    void assertApplicationEndedAt(UUID applicationId, String endEvent) {
        assertThat(historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ApplicationProcess.KEY)
                        .processInstanceBusinessKey(applicationId.toString()).singleResult().getId())
                .activityId(endEvent).count()).as("application %s ended at %s", applicationId, endEvent).isEqualTo(1);
    }

    /** Cockpit names a called instance by its aggregate: its business key is the id the caller passed (contract, pilot, evaluation). */
    void assertCalledWithBusinessKey(String caller, String calledKey, String idVariable) {
        Object id = historyService.createHistoricVariableInstanceQuery().processInstanceId(caller).variableName(idVariable)
                .singleResult().getValue();
        assertThat(historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(caller).processDefinitionKey(calledKey)
                .singleResult().getBusinessKey()).as("business key of the %s called by %s", calledKey, caller).isNotNull().isEqualTo(id);
    }

    /**
     * Issue 19, slice announce: the application's process instance waits with no variable, and its row says so (the
     * variables bit of {@code CACHED_ENT_STATE_}, 1 << 5), so that the signal moving it on does not query its variables;
     * a routed outcome left in the instance's variables (stored, or transient and not removed) sets the bit.
     */
    void assertWaitsWithoutVariables(UUID applicationId) {
        String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(ApplicationProcess.KEY)
                .processInstanceBusinessKey(applicationId.toString()).singleResult().getId();
        assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(instance).count()).isZero();
        assertThat(jdbc.queryForObject("select cached_ent_state_ from act_ru_execution where id_ = ?", Integer.class, instance) & (1 << 4))
                .as("variables bit of application %s's execution", applicationId).isZero();
    }

    /** However the challenge ended, none of its applications is left waiting for a message that will not come. */
    void assertNoApplicationWaits() {
        List<String> received = jdbc.queryForList("select cast(id as varchar(36)) from application where challenge_id = ?", String.class, challengeId);
        for (String applicationId : received) {
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ApplicationProcess.KEY)
                    .processInstanceBusinessKey(applicationId).count()).as("application %s still running", applicationId).isZero();
        }
    }

    /** The juror's scoring progress on this test's challenge (the portal's "2 of 4"). */
    List<MyTasks.JuryProgress> progress(String juror) {
        return myTasks.juryProgress(new eu.smartcity.accelerator.identity.CurrentUser(juror,
                java.util.Set.of(eu.smartcity.accelerator.identity.Roles.JURY))).stream()
                .filter(p -> p.processInstanceId().equals(pi())).toList();
    }

    Map<String, Object> scores(int fit, int innovation) {
        return new HashMap<>(ProcessVariables.of(FIT.with((long) fit), INNOVATION.with((long) innovation), TEAM.with(7L),
                PRICE.with(7L), REPLICABILITY.with(8L), OPEN_DATA_USE.with(6L)));
    }

    /** All three members declare no conflict, then score: application a better than b. */
    void juryScores(UUID better, UUID worse) {
        for (String member : JURY) {
            driver.complete(driver.taskOf(pi(), USER_TASK_DECLARE_CONFLICT, member), Map.of(CONFLICT_DECISION.name(), ConflictDecision.NONE.wire()), pi());
        }
        for (String member : JURY) {
            for (Task task : driver.tasks(pi(), USER_TASK_SCORE_APPLICATION)) {
                if (!member.equals(task.getAssignee())) {
                    continue;
                }
                UUID applicationId = juryRecords.applicationScoredIn(task.getExecutionId()).orElseThrow();
                driver.complete(task, applicationId.equals(better) ? scores(9, 9) : scores(6, 5), pi());
            }
        }
    }

    @Test
    void shouldKeepEachJurorsMarksOutOfTheProcessAndOpenEveryScoreFormBlank() {
        List<UUID> eligible = twoEligibleApplicationsAndTheCallClosed();
        UUID parkflow = eligible.get(0);
        UUID urbansense = eligible.get(1);
        for (String member : JURY) {
            driver.complete(driver.taskOf(pi(), USER_TASK_DECLARE_CONFLICT, member), Map.of(CONFLICT_DECISION.name(), ConflictDecision.NONE.wire()), pi());
        }
        // each outcome routed its seat in the completing transaction only (transient): never stored, never in history
        assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(pi()).variableName(CONFLICT_DECISION.name()).count()).isZero();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi()).variableName(CONFLICT_DECISION.name())
                .count()).isZero();
        assertThat(driver.tasks(pi(), USER_TASK_SCORE_APPLICATION)).hasSize(2 * JURY.size());
        // the declaration names the applications it covered
        assertThat(jdbc.queryForObject("select covered_applications from jury_seat where challenge_id = ? and member = 'jury-an'",
                String.class, challengeId)).contains(parkflow.toString()).contains(urbansense.toString());

        Map<String, Object> marks = new HashMap<>(scores(9, 4));
        marks.put(SCORE_COMMENT.name(), "Strong data plan, weak team");
        driver.complete(driver.tasks(pi(), USER_TASK_SCORE_APPLICATION).stream()
                .filter(t -> t.getAssignee().equals("jury-an")).findFirst().orElseThrow(), marks, pi());

        // nothing of jury-an's marks reaches the process, another juror's task, or history
        for (Task next : driver.tasks(pi(), USER_TASK_SCORE_APPLICATION)) {
            assertThat(engine.getTaskService().getVariables(next.getId())).doesNotContainKeys(FIT.name(), INNOVATION.name(), SCORE_COMMENT.name());
        }
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi())
                .variableNameIn(FIT.name(), INNOVATION.name(), TEAM.name(), PRICE.name(), REPLICABILITY.name(), OPEN_DATA_USE.name(),
                        SCORE_COMMENT.name(), CONFLICT_REASON.name())
                .count()).isZero();
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(pi()).variableUpdates().list())
                .noneSatisfy(d -> assertThat(((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName())
                        .isIn(FIT.name(), SCORE_COMMENT.name()));
        assertThat(jdbc.queryForObject("select score_comment from jury_score where challenge_id = ? and member = 'jury-an'",
                String.class, challengeId)).isEqualTo("Strong data plan, weak team");
    }

    @Test
    void shouldRouteADeclarationWhereTheInstanceAlreadyKeepsAStoredOutcome() {
        approveAndPublish();
        applyEligible("parkflow");
        closeCall();
        // as an instance of the older model (a seat-local variable) or a value set through the engine's API keeps it:
        // Camunda refuses a transient value over a stored one, so the outcome is stored as before
        runtimeService.setVariable(pi(), CONFLICT_DECISION.name(), ConflictDecision.CONFLICT.wire());
        driver.complete(driver.taskOf(pi(), USER_TASK_DECLARE_CONFLICT, "jury-an"), Map.of(CONFLICT_DECISION.name(), ConflictDecision.NONE.wire()), pi());
        assertThat(driver.tasks(pi(), USER_TASK_SCORE_APPLICATION)).extracting(Task::getAssignee).containsExactly("jury-an");
        assertThat(runtimeService.getVariable(pi(), CONFLICT_DECISION.name())).isEqualTo(ConflictDecision.NONE.wire());
    }

    @Test
    void shouldRefuseMarksGivenThroughTheEngineOrForAnotherChallengesApplication() {
        approveAndPublish();
        applyEligible("parkflow");
        closeCall();
        driver.complete(driver.taskOf(pi(), USER_TASK_DECLARE_CONFLICT, "jury-an"), Map.of(CONFLICT_DECISION.name(), ConflictDecision.NONE.wire()), pi());
        Task score = driver.taskOf(pi(), USER_TASK_SCORE_APPLICATION, "jury-an");

        // the bare engine (what /engine-rest would do): no marks in the selection's records, so no completion
        assertThatThrownBy(() -> engine.getTaskService().complete(score.getId(), scores(10, 10)))
                .hasMessageContaining("portal");
        // a score task opened before the selection kept its application (its stored element variable, no row) and
        // pointed at someone else's application (a variable written behind the app's back) is refused
        UUID elsewhere = otherChallengesApplication();
        jdbc.update("delete from jury_score_task where execution_id = ?", score.getExecutionId());
        runtimeService.setVariableLocal(score.getExecutionId(), APPLICATION_ID.name(), elsewhere.toString());
        assertThatThrownBy(() -> driver.complete(score, scores(10, 10), pi())).hasMessageContaining("is not an application to");
        assertThat(jdbc.queryForObject("select count(*) from jury_score where challenge_id = ?", Long.class, challengeId)).isZero();
        assertThat(driver.taskOf(pi(), USER_TASK_SCORE_APPLICATION, "jury-an")).isNotNull();
    }

    @Test
    void shouldKeepWhichApplicationEachScoreTaskIsForInTheSelectionsRecordsNotInTheProcess() {
        List<UUID> eligible = twoEligibleApplicationsAndTheCallClosed();
        UUID parkflow = eligible.get(0);
        UUID urbansense = eligible.get(1);
        driver.complete(driver.taskOf(pi(), USER_TASK_DECLARE_CONFLICT, "jury-an"), Map.of(CONFLICT_DECISION.name(), ConflictDecision.NONE.wire()), pi());
        List<Task> scoring = driver.tasks(pi(), USER_TASK_SCORE_APPLICATION);
        // one row per score task, written when the declaration opened them; no variable, no history of one
        assertThat(scoring).hasSize(2).allSatisfy(t -> assertThat(runtimeService.getVariableLocal(t.getExecutionId(), APPLICATION_ID.name())).isNull());
        assertThat(scoring).extracting(t -> juryRecords.applicationScoredIn(t.getExecutionId()).orElseThrow())
                .containsExactlyInAnyOrder(parkflow, urbansense);
        assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(pi()).variableName(APPLICATION_ID.name()).count()).isZero();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi()).variableName(APPLICATION_ID.name()).count()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from jury_score_task where challenge_id = ? and round = 1", Long.class, challengeId))
                .isEqualTo(2);

        // a variable written behind the app's back does not move a task to another application: the row says
        Task first = scoring.get(0);
        UUID scored = juryRecords.applicationScoredIn(first.getExecutionId()).orElseThrow();
        runtimeService.setVariableLocal(first.getExecutionId(), APPLICATION_ID.name(), otherChallengesApplication().toString());
        driver.complete(first, scores(8, 8), pi());
        assertThat(jdbc.queryForList("select application_id from jury_score where challenge_id = ?", UUID.class, challengeId))
                .containsExactly(scored);

        // a score task opened before the rows (its element variable stored, as Camunda did) keeps working
        Task older = driver.taskOf(pi(), USER_TASK_SCORE_APPLICATION, "jury-an");
        UUID olderApplication = juryRecords.applicationScoredIn(older.getExecutionId()).orElseThrow();
        jdbc.update("delete from jury_score_task where execution_id = ?", older.getExecutionId());
        runtimeService.setVariableLocal(older.getExecutionId(), APPLICATION_ID.name(), olderApplication.toString());
        driver.complete(older, scores(6, 6), pi());
        assertThat(jdbc.queryForList("select application_id from jury_score where challenge_id = ?", UUID.class, challengeId))
                .containsExactlyInAnyOrder(scored, olderApplication);
    }

    /**
     * A score task keeps no engine history (accelerator.history = none): neither a task row nor an activity row nor the
     * assignee's link. The selection's records are its history (jury_score_task with the juror and the opening time,
     * jury_score), and the readers answer from them: the juror's progress (1 of 2 with one marked and one open, then
     * 2 of 2), and the score tasks they were given. The declaration, the seat's multi-instance body and every other
     * task keep theirs.
     */
    @Test
    void shouldKeepAScoreTasksHistoryInTheSelectionsRecordsOnly() {
        approveAndPublish();
        UUID parkflow = applyEligible("parkflow");
        UUID urbansense = applyEligible("urbansense");
        closeCall();
        Task declaration = driver.taskOf(pi(), USER_TASK_DECLARE_CONFLICT, "jury-an");
        driver.complete(declaration, Map.of(CONFLICT_DECISION.name(), ConflictDecision.NONE.wire()), pi());
        List<Task> scoring = driver.tasks(pi(), USER_TASK_SCORE_APPLICATION);
        assertThat(scoring).hasSize(2);
        eu.smartcity.accelerator.identity.CurrentUser juror = new eu.smartcity.accelerator.identity.CurrentUser("jury-an",
                java.util.Set.of(eu.smartcity.accelerator.identity.Roles.JURY));
        assertThat(myTasks.juryProgress(juror)).filteredOn(p -> p.processInstanceId().equals(pi())).containsExactly(new MyTasks.JuryProgress(pi(), 0, 2));
        driver.complete(scoring.get(0), scores(7, 5), pi());
        assertThat(myTasks.juryProgress(juror)).filteredOn(p -> p.processInstanceId().equals(pi())).as("one marked, one open").containsExactly(new MyTasks.JuryProgress(pi(), 1, 2));
        driver.complete(scoring.get(1), scores(7, 5), pi());
        assertThat(myTasks.juryProgress(juror)).filteredOn(p -> p.processInstanceId().equals(pi())).containsExactly(new MyTasks.JuryProgress(pi(), 2, 2));

        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(pi()).taskDefinitionKey(USER_TASK_SCORE_APPLICATION)
                .count()).as("task rows of the score tasks").isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi()).activityId(USER_TASK_SCORE_APPLICATION)
                .count()).as("activity rows of the score tasks").isZero();
        for (Task score : scoring) {
            assertThat(historyService.createHistoricIdentityLinkLogQuery().taskId(score.getId()).count())
                    .as("identity-link log of score task %s", score.getId()).isZero();
        }
        assertThat(jdbc.queryForList("select application_id from jury_score where challenge_id = ? and member = 'jury-an'"
                + " and scored_at is not null", UUID.class, challengeId)).containsExactlyInAnyOrder(parkflow, urbansense);
        assertThat(scoring).extracting(t -> juryRecords.applicationScoredIn(t.getExecutionId()).orElseThrow())
                .containsExactlyInAnyOrder(parkflow, urbansense);
        assertThat(juryRecords.scoreTasksOf("jury-an")).filteredOn(t -> t.challengeId().equals(challengeId)).hasSize(2).allSatisfy(t -> {
            assertThat(t.challengeId()).isEqualTo(challengeId);
            assertThat(t.openedAt()).isNotNull();
            assertThat(t.scored()).isTrue();
        }).extracting(eu.smartcity.accelerator.selection.JuryRecords.JurorScoreTask::applicationId)
                .containsExactlyInAnyOrder(parkflow, urbansense);
        assertThat(juryRecords.givenToScore("jury-an", challengeId, parkflow)).isTrue();
        assertThat(juryRecords.givenToScore("jury-bo", challengeId, parkflow)).as("another juror").isFalse();

        // what is not declared keeps its history: the declaration's task, activity and assignee, the seat's multi-instance body
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(pi()).taskDefinitionKey(USER_TASK_DECLARE_CONFLICT)
                .finished().count()).isOne();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi()).activityId(USER_TASK_DECLARE_CONFLICT)
                .finished().count()).isOne();
        assertThat(historyService.createHistoricIdentityLinkLogQuery().taskId(declaration.getId()).userId("jury-an").count()).isOne();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi())
                .activityId(USER_TASK_SCORE_APPLICATION + "#multiInstanceBody").finished().count()).isOne();
    }

    private UUID otherChallengesApplication() {
        Cycles.CycleView cycle = cycles.open("Another cycle", "scifi-2025");
        UUID other = challenges.launch(cycle.id(), "city-bruges", new Challenges.Definition("Canal water quality",
                "Measure the water of the canals.", "Water sensors (API)", new BigDecimal("9000"), "Alerts within 1 h", "nl", 5));
        String otherPi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(other.toString())
                .processDefinitionKey(KEY).singleResult().getId();
        driver.complete(otherPi, USER_TASK_APPROVE_CHALLENGE, Map.of(CHALLENGE_DECISION.name(), ChallengeDecision.APPROVE.wire()));
        return applications.submit(new Applications.Submission(other, "company-greengrid", "Canal probes", "Probes in the canals.",
                BigDecimal.valueOf(8_000), 7, true, "BE", 40, true, true));
    }

    @Test
    void shouldRefuseASecondApplicationOfTheSameCompanyUntilTheFirstIsWithdrawn() {
        approveAndPublish();
        UUID first = applyEligible("parkflow");
        assertThatThrownBy(() -> applyEligible("parkflow"))
                .isInstanceOf(ApplicationRefusedException.class)
                .satisfies(e -> assertThat(((ApplicationRefusedException) e).key()).isEqualTo("apply.refused.alreadyApplied"));
        applications.withdraw(first, "company-parkflow");
        UUID second = applyEligible("parkflow");
        assertThat(second).isNotEqualTo(first);
        assertThat(jdbc.queryForObject("select count(*) from application where challenge_id = ? and company_group = 'company-parkflow'"
                + " and active_company is not null", Long.class, challengeId)).isEqualTo(1);
        closeCall();
        assertThat(challenge).hasPassed(SERVICE_TASK_CHECK_ELIGIBILITY);
    }

    @Test
    void shouldEndInNoApplicationsWhenNobodyApplies() {
        approveAndPublish();
        closeCall();

        assertThat(challenge).isEnded().hasPassed(END_NO_APPLICATIONS);
        assertThat(challenges.find(challengeId).orElseThrow().status()).isEqualTo("NO_APPLICATIONS");
        assertNoApplicationWaits();
    }

    @Test
    void shouldSendTheChallengeBackWithRemarksAndPublishItOnceRevised() {
        assertThatThrownBy(() -> driver.complete(pi(), USER_TASK_APPROVE_CHALLENGE, Map.of(CHALLENGE_DECISION.name(), ChallengeDecision.SEND_BACK.wire())))
                .hasMessageContaining(ChallengeProcess.REMARKS.name());
        driver.complete(pi(), USER_TASK_APPROVE_CHALLENGE, Map.of(CHALLENGE_DECISION.name(), ChallengeDecision.SEND_BACK.wire(), REMARKS.name(), "Name the KPI target."));
        assertThat(challenges.find(challengeId).orElseThrow().status()).isEqualTo("SENT_BACK");
        assertThat(driver.task(pi(), USER_TASK_REVISE_CHALLENGE)).satisfies(task ->
                assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
                        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("city-mechelen")));

        Map<String, Object> revised = new HashMap<>(runtimeService.getVariables(pi()));
        revised.put(KPIS.name(), "Average search time from 9 to 7 minutes");
        driver.complete(pi(), USER_TASK_REVISE_CHALLENGE, revised);
        approveAndPublish();

        assertThat(challenges.find(challengeId).orElseThrow().kpis()).isEqualTo("Average search time from 9 to 7 minutes");
        assertThat(ocdsTag()).isEqualTo("tender");
        closeCall();
        assertThat(challenge).isEnded().hasPassed(END_NO_APPLICATIONS);
    }

    @Test
    void shouldEndInNoEligibleApplicantAndTellTheApplicantEveryReason() {
        approveAndPublish();
        UUID greengrid = apply("greengrid", 20_000, 4, false, "US", 900, false, false);
        closeCall();

        assertThat(challenge).isEnded().hasPassed(END_NO_ELIGIBLE_APPLICANT);
        Applications.ApplicationView view = applications.find(greengrid).orElseThrow();
        assertThat(view.status()).isEqualTo("INELIGIBLE");
        assertThat(view.ineligibilityReasons()).hasSize(7);
        assertApplicationEndedAt(greengrid, ApplicationProcess.END_INELIGIBLE);
        assertThat(applications.timeline(greengrid)).containsExactly("Application submitted", "Submitted", "Ineligible");
        assertNoApplicationWaits();
    }

    @Test
    void shouldRefuseALateApplicationWithAClearMessage() {
        approveAndPublish();
        closeCall();
        assertThatThrownBy(() -> applyEligible("parkflow"))
                .isInstanceOf(ApplicationRefusedException.class)
                .hasMessageStartingWith("The call for 'Smart parking with open data' closed on ")
                .hasMessageEndingWith("; late applications are refused.");
    }

    @Test
    void shouldLetACompanyWithdrawBeforeTheDeadlineOnly() {
        approveAndPublish();
        UUID withdrawn = applyEligible("parkflow");
        assertThatThrownBy(() -> applications.withdraw(withdrawn, "company-urbansense")).hasMessageContaining("No application");
        applications.withdraw(withdrawn, "company-parkflow");
        assertApplicationEndedAt(withdrawn, ApplicationProcess.END_WITHDRAWN);

        closeCall();
        assertThat(challenge).isEnded().hasPassed(END_NO_APPLICATIONS);
        assertThatThrownBy(() -> applications.withdraw(withdrawn, "company-parkflow")).isInstanceOf(ApplicationRefusedException.class);
    }

    @Test
    void shouldReplaceARecusedJuryMemberAndEndInNoQuorumWhenTheJuryWindowCloses() {
        ensureJuryMember("jury-dana");
        approveAndPublish();
        UUID urbansense = applyEligible("urbansense");
        closeCall();
        assertThat(driver.tasks(pi(), USER_TASK_DECLARE_CONFLICT)).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(JURY);

        driver.complete(driver.taskOf(pi(), USER_TASK_DECLARE_CONFLICT, "jury-an"),
                Map.of(CONFLICT_DECISION.name(), ConflictDecision.CONFLICT.wire(), ChallengeProcess.CONFLICT_REASON.name(), "Former employee of an applicant"), pi());
        assertThat(driver.taskOf(pi(), USER_TASK_DECLARE_CONFLICT, "jury-dana")).isNotNull();
        assertThat(jdbc.queryForObject("select status from jury_seat where challenge_id = ? and member = 'jury-an'",
                String.class, challengeId)).isEqualTo("RECUSED");

        Task dana = driver.taskOf(pi(), USER_TASK_DECLARE_CONFLICT, "jury-dana");
        assertThatThrownBy(() -> driver.complete(dana, Map.of(CONFLICT_DECISION.name(), ConflictDecision.CONFLICT.wire()), pi())).hasMessageContaining(CONFLICT_REASON.name());
        driver.complete(dana, Map.of(CONFLICT_DECISION.name(), ConflictDecision.CONFLICT.wire(), CONFLICT_REASON.name(), "Advises an applicant"), pi());
        // no one left to replace jury-dana: that seat stays vacant; jury-ben declares but marks nothing before the window closes
        driver.complete(driver.taskOf(pi(), USER_TASK_DECLARE_CONFLICT, "jury-ben"),
                Map.of(CONFLICT_DECISION.name(), ConflictDecision.NONE.wire()), pi());
        assertThat(progress("jury-ben")).containsExactly(new MyTasks.JuryProgress(pi(), 0, 1));
        driver.fireTimer(pi(), BOUNDARY_JURY_WINDOW_OVER);
        // the juror's progress counts the score task the closing window ended unmarked, as the task history did; the
        // recused seats (declared a conflict) were given none
        assertThat(progress("jury-ben")).containsExactly(new MyTasks.JuryProgress(pi(), 0, 1));
        assertThat(progress("jury-an")).isEmpty();
        assertThat(progress("jury-dana")).isEmpty();

        assertThat(challenge).isEnded().hasPassed(END_SEAT_VACANT).hasPassed(SEND_TELL_NO_SELECTION)
                .hasPassed(SERVICE_TASK_RECORD_NO_QUORUM, END_NO_QUORUM);
        // the eligible applicant is not left "under review": its application ends, and its company is told why
        assertApplicationEndedAt(urbansense, ApplicationProcess.END_NO_SELECTION);
        assertThat(applications.find(urbansense).orElseThrow().status()).isEqualTo("NO_SELECTION");
        assertThat(jdbc.queryForList("select subject from notification where kind = 'SELECTION_RESULT'", String.class))
                .anySatisfy(subject -> assertThat(subject).containsAnyOf("No selection was made", "Er werd geen selectie", "Aucune sélection"));
        assertNoApplicationWaits();
    }

    @Test
    void shouldReopenTheSelectionThenEvaluateThePilotWhenEverythingGoesWell() {
        approveAndPublish();
        UUID urbansense = applyEligible("urbansense");
        UUID parkflow = apply("parkflow", 8_000, 6, true, "FR", 12, true, true);
        closeCall();
        // the eligibility outcome routed both to Under review, and was not stored (transient: issue 19, slice announce)
        assertThat(runtimeService.createVariableInstanceQuery().variableName(ApplicationProcess.ELIGIBILITY.name())
                .processInstanceIdIn(runtimeService.createProcessInstanceQuery().processDefinitionKey(ApplicationProcess.KEY)
                        .processInstanceBusinessKey(parkflow.toString()).singleResult().getId()).count()).isZero();
        assertWaitsWithoutVariables(parkflow);
        juryScores(parkflow, urbansense);

        assertThatThrownBy(() -> driver.complete(pi(), USER_TASK_APPROVE_SELECTION, Map.of(SELECTION_DECISION.name(), SelectionDecision.REOPEN.wire())))
                .hasMessageContaining(SELECTION_REMARKS.name());
        driver.complete(pi(), USER_TASK_APPROVE_SELECTION, Map.of(SELECTION_DECISION.name(), SelectionDecision.REOPEN.wire(), SELECTION_REMARKS.name(), "Score the data plans again"));
        // the jury reads why on its next score tasks: kept with the round it starts
        assertThat(juryRecords.reopenings(challengeId)).singleElement()
                .satisfies(r -> assertThat(r.round()).isEqualTo(2))
                .satisfies(r -> assertThat(r.remarks()).isEqualTo("Score the data plans again"));
        assertThat(progress("jury-an")).containsExactly(new MyTasks.JuryProgress(pi(), 2, 2));
        juryScores(urbansense, parkflow); // the second round decides
        assertThat(progress("jury-an")).as("both rounds").containsExactly(new MyTasks.JuryProgress(pi(), 4, 4));
        driver.complete(pi(), USER_TASK_APPROVE_SELECTION, Map.of(SELECTION_DECISION.name(), SelectionDecision.APPROVE.wire()));
        assertThat(runtimeService.getVariable(pi(), SELECTED_APPLICATION_ID.name())).isEqualTo(urbansense.toString());
        assertApplicationEndedAt(parkflow, ApplicationProcess.END_NOT_SELECTED);
        assertWaitsWithoutVariables(urbansense);
        // the selection's outcome routed the selected application to contracting, and was not stored (transient)
        assertThat(runtimeService.createVariableInstanceQuery().variableName(ApplicationProcess.SELECTION.name())
                .processInstanceIdIn(runtimeService.createProcessInstanceQuery().processDefinitionKey(ApplicationProcess.KEY)
                        .processInstanceBusinessKey(urbansense.toString()).singleResult().getId()).count()).isZero();

        signContractWithOneNegotiationRound(true);
        runPilotToCompletion();
        evaluate("replicate");

        assertThat(challenge).isEnded().hasPassed(SERVICE_TASK_SEAT_JURY, THROW_TELL_CONTRACT_CONCLUDED, THROW_TELL_PILOT_ENDED,
                THROW_TELL_PILOT_EVALUATED, SERVICE_TASK_RECORD_EVALUATED, END_EVALUATED);
        assertThat(challenges.find(challengeId).orElseThrow().status()).isEqualTo("EVALUATED");
        assertApplicationEndedAt(urbansense, ApplicationProcess.END_EVALUATED);
        assertNoApplicationWaits();
        assertCalledWithBusinessKey(pi(), ContractProcess.KEY, CONTRACT_ID.name());
        assertCalledWithBusinessKey(pi(), PilotProcess.KEY, PILOT_ID.name());
        assertCalledWithBusinessKey(pi(), EvaluationProcess.KEY, EVALUATION_ID.name());
        assertThat(applications.timeline(urbansense)).containsExactly("Application submitted", "Submitted", "Under review",
                "Contracting", "Piloting", "Evaluating", "Evaluated");
        assertThat(jdbc.queryForList("select tag from ocds_release where ocid = ? order by release_date, release_id",
                String.class, ocds.ocidFor(challengeId.toString())))
                // one implementation release per reviewed milestone (the bylaws' milestone count)
                .containsExactly("tender", "award", "contract", "implementation", "implementation", "implementation");
    }

    @Test
    void shouldEndInContractNotSignedWhenTheCityDeclines() {
        approveAndPublish();
        UUID urbansense = applyEligible("urbansense");
        closeCall();
        for (String member : JURY) {
            driver.complete(driver.taskOf(pi(), USER_TASK_DECLARE_CONFLICT, member), Map.of(CONFLICT_DECISION.name(), ConflictDecision.NONE.wire()), pi());
            driver.complete(driver.taskOf(pi(), USER_TASK_SCORE_APPLICATION, member), scores(8, 8), pi());
        }
        driver.complete(pi(), USER_TASK_APPROVE_SELECTION, Map.of(SELECTION_DECISION.name(), SelectionDecision.APPROVE.wire()));

        signContractWithOneNegotiationRound(false);

        assertThat(challenge).isEnded().hasPassed(THROW_TELL_CONTRACT_CONCLUDED, SERVICE_TASK_RECORD_CONTRACT_NOT_SIGNED, END_CONTRACT_NOT_SIGNED)
                .hasNotPassed(CALL_ACTIVITY_PILOT);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi()).count()).isZero();
        assertApplicationEndedAt(urbansense, ApplicationProcess.END_CONTRACT_NOT_SIGNED);
        assertNoApplicationWaits();
        assertThat(jdbc.queryForMap("select status, declined_by, decline_reason from contract where application_id = ?", urbansense))
                .containsEntry("STATUS", "DECLINED").containsEntry("DECLINE_REASON", "Budget not approved by the council");
    }

    @Test
    void shouldEndEveryWaitingApplicationWhenTheCoordinatorWithdrawsTheChallengeDuringTheSelection() {
        approveAndPublish();
        UUID urbansense = applyEligible("urbansense");
        UUID withdrawnEarlier = applyEligible("parkflow");
        applications.withdraw(withdrawnEarlier, "company-parkflow");
        closeCall();
        assertThat(applications.find(urbansense).orElseThrow().status()).isEqualTo("UNDER_REVIEW");

        assertThatThrownBy(() -> challenges.withdraw(challengeId, " ", "coordinator")).hasMessageContaining("reason");
        challenges.withdraw(challengeId, "The city council cancelled the parking budget", "coordinator");
        driver.runAsyncJobs(pi());

        assertThat(challenge).isEnded().hasPassed(SEND_TELL_CHALLENGE_WITHDRAWN).hasPassed(END_CHALLENGE_WITHDRAWN);
        assertThat(challenges.find(challengeId).orElseThrow().status()).isEqualTo("WITHDRAWN");
        assertThat(driver.tasks(pi(), USER_TASK_SCORE_APPLICATION)).isEmpty(); // the jury is not left with tasks
        assertApplicationEndedAt(urbansense, ApplicationProcess.END_CHALLENGE_STOPPED);
        assertThat(applications.find(urbansense).orElseThrow().status()).isEqualTo("CHALLENGE_WITHDRAWN");
        assertThat(applications.find(withdrawnEarlier).orElseThrow().status()).isEqualTo("WITHDRAWN");
        assertThat(challengeEndedMails(urbansense, "body")).singleElement().asString()
                .contains("The city council cancelled the parking budget");
        assertNoApplicationWaits();
        assertThatThrownBy(() -> challenges.withdraw(challengeId, "again", "coordinator"))
                .hasMessageContaining("has not reached its contract");
    }

    @Test
    void shouldEndTheChallengeAndItsSubmittedApplicationsWhenItsCycleClosesDuringTheCall() {
        approveAndPublish();
        UUID parkflow = applyEligible("parkflow");
        UUID cycleId = challenges.find(challengeId).orElseThrow().cycleId();
        ProcessInstance cycle = runtimeService.createProcessInstanceQuery().processDefinitionKey(CycleProcess.KEY)
                .processInstanceBusinessKey(cycleId.toString()).singleResult();

        cycles.closeByCoordinator(cycleId, "coordinator");
        driver.runAsyncJobs(cycle.getId());
        driver.runAsyncJobs(pi());

        assertThat(cycle).isEnded().hasPassed(CycleProcess.SEND_TASK_STOP_OPEN_CHALLENGES, CycleProcess.END_CYCLE_CLOSED);
        assertThat(challenge).isEnded().hasPassed(SEND_TELL_CYCLE_CLOSED).hasPassed(END_CYCLE_CLOSED);
        assertThat(challenges.find(challengeId).orElseThrow().status()).isEqualTo("CYCLE_CLOSED");
        assertApplicationEndedAt(parkflow, ApplicationProcess.END_CHALLENGE_STOPPED_WHILE_SUBMITTED);
        assertThat(applications.find(parkflow).orElseThrow().status()).isEqualTo("CYCLE_CLOSED");
        assertThat(challengeEndedMails(parkflow, "subject")).singleElement().asString().containsAnyOf("The cycle closed", "De cyclus is afgesloten", "Le cycle est clôturé");
        assertNoApplicationWaits();
        // no timer is left to close a call that is gone
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi()).count()).isZero();
    }

    /** One eligible applicant, scored and approved: the contract process is waiting for the company's review. */
    UUID selectedAndContracting() {
        approveAndPublish();
        UUID urbansense = applyEligible("urbansense");
        closeCall();
        for (String member : JURY) {
            driver.complete(driver.taskOf(pi(), USER_TASK_DECLARE_CONFLICT, member), Map.of(CONFLICT_DECISION.name(), ConflictDecision.NONE.wire()), pi());
            driver.complete(driver.taskOf(pi(), USER_TASK_SCORE_APPLICATION, member), scores(8, 8), pi());
        }
        driver.complete(pi(), USER_TASK_APPROVE_SELECTION, Map.of(SELECTION_DECISION.name(), SelectionDecision.APPROVE.wire()));
        return urbansense;
    }

    @Test
    void shouldEndInContractNotSignedAndTellTheCompanyWhenTheNegotiationRunsOutOfTime() {
        UUID urbansense = selectedAndContracting();
        driver.fireTimer(pi(), ContractProcess.BOUNDARY_NEGOTIATION_OVER_COMPANY);

        assertThat(challenge).isEnded().hasPassed(END_CONTRACT_NOT_SIGNED);
        assertApplicationEndedAt(urbansense, ApplicationProcess.END_CONTRACT_NOT_SIGNED);
        assertThat(applications.find(urbansense).orElseThrow().status()).isEqualTo("CONTRACT_EXPIRED");
        assertNoApplicationWaits();
    }

    @Test
    void shouldEndInContractNotSignedWhenTheCityLetsItsSignatureWindowPass() {
        UUID urbansense = selectedAndContracting();
        driver.complete(pi(), ContractProcess.USER_TASK_REVIEW_DRAFT, ProcessVariables.of(ContractProcess.DRAFT_DECISION.with(ContractProcess.DraftDecision.AGREE)));
        driver.complete(pi(), ContractProcess.USER_TASK_CHECK_COMPLIANCE, ProcessVariables.of(ContractProcess.COMPLIANCE_DECISION.with(ContractProcess.ComplianceDecision.COMPLIES)));
        driver.complete(pi(), ContractProcess.USER_TASK_SIGN_AS_COMPANY, ProcessVariables.of(ContractProcess.COMPANY_SIGNS.with(true)));
        driver.fireTimer(pi(), ContractProcess.BOUNDARY_CITY_SIGNATURE_WINDOW_OVER);

        assertThat(challenge).isEnded().hasPassed(END_CONTRACT_NOT_SIGNED);
        assertThat(applications.find(urbansense).orElseThrow().status()).isEqualTo("CONTRACT_EXPIRED");
        assertNoApplicationWaits();
    }

    /** The CHALLENGE_ENDED mails (subject or body) about one application (dedup key: kind, application process, user). */
    List<String> challengeEndedMails(UUID applicationId, String column) {
        String process = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ApplicationProcess.KEY)
                .processInstanceBusinessKey(applicationId.toString()).singleResult().getId();
        return jdbc.queryForList("select " + column + " from notification where dedup_key like ?", String.class,
                "challenge-ended:" + process + ":%");
    }

    void signContractWithOneNegotiationRound(boolean citySigns) {
        driver.complete(pi(), ContractProcess.USER_TASK_REVIEW_DRAFT,
                ProcessVariables.of(ContractProcess.DRAFT_DECISION.with(ContractProcess.DraftDecision.REQUEST_CHANGES), ContractProcess.REQUESTED_CHANGES.with("C7: payment in two instalments")));
        driver.complete(pi(), ContractProcess.USER_TASK_ANSWER_CHANGES, ProcessVariables.of(ContractProcess.AGREED_CHANGES.with("C7 accepted")));
        driver.complete(pi(), ContractProcess.USER_TASK_REVIEW_DRAFT, ProcessVariables.of(ContractProcess.DRAFT_DECISION.with(ContractProcess.DraftDecision.AGREE)));
        assertThatThrownBy(() -> driver.complete(pi(), ContractProcess.USER_TASK_CHECK_COMPLIANCE,
                ProcessVariables.of(ContractProcess.COMPLIANCE_DECISION.with(ContractProcess.ComplianceDecision.SEND_BACK)))).hasMessageContaining(ContractProcess.COMPLIANCE_REMARKS.name());
        driver.complete(pi(), ContractProcess.USER_TASK_CHECK_COMPLIANCE, ProcessVariables.of(ContractProcess.COMPLIANCE_DECISION.with(ContractProcess.ComplianceDecision.SEND_BACK),
                ContractProcess.COMPLIANCE_REMARKS.with("C7 breaks the bylaws' payment terms")));
        driver.complete(pi(), ContractProcess.USER_TASK_REVIEW_DRAFT, ProcessVariables.of(ContractProcess.DRAFT_DECISION.with(ContractProcess.DraftDecision.AGREE)));
        driver.complete(pi(), ContractProcess.USER_TASK_CHECK_COMPLIANCE, ProcessVariables.of(ContractProcess.COMPLIANCE_DECISION.with(ContractProcess.ComplianceDecision.COMPLIES)));
        driver.complete(pi(), ContractProcess.USER_TASK_SIGN_AS_COMPANY, ProcessVariables.of(ContractProcess.COMPANY_SIGNS.with(true)));
        driver.complete(pi(), ContractProcess.USER_TASK_SIGN_AS_CITY, citySigns ? ProcessVariables.of(ContractProcess.CITY_DECISION.with(ContractProcess.CityDecision.SIGN))
                : ProcessVariables.of(ContractProcess.CITY_DECISION.with(ContractProcess.CityDecision.DECLINE), ContractProcess.DECLINE_REASON.with("Budget not approved by the council")));
    }

    void runPilotToCompletion() {
        driver.complete(pi(), PilotProcess.USER_TASK_KICK_OFF, ProcessVariables.of(PilotProcess.KICKOFF_NOTES.with("Scope agreed")));
        driver.complete(pi(), PilotProcess.USER_TASK_CHECK_INFRASTRUCTURE,
                ProcessVariables.of(PilotProcess.CONNECTIVITY.with(PilotProcess.Answer.YES), PilotProcess.POWER.with(PilotProcess.Answer.YES), PilotProcess.SIM_NETWORK.with(PilotProcess.Answer.NO), PilotProcess.DATA_ACCESS.with(PilotProcess.Answer.YES),
                        PilotProcess.READINESS_NOTES.with("No SIM cards yet")));
        driver.complete(pi(), PilotProcess.USER_TASK_FIX_INFRASTRUCTURE, ProcessVariables.of(PilotProcess.FIX_NOTES.with("SIM cards delivered")));
        driver.complete(pi(), PilotProcess.USER_TASK_CHECK_INFRASTRUCTURE,
                ProcessVariables.of(PilotProcess.CONNECTIVITY.with(PilotProcess.Answer.YES), PilotProcess.POWER.with(PilotProcess.Answer.YES), PilotProcess.SIM_NETWORK.with(PilotProcess.Answer.YES), PilotProcess.DATA_ACCESS.with(PilotProcess.Answer.YES)));
        for (int milestone = 1; milestone <= 3; milestone++) {
            if (milestone == 2) {
                driver.fireTimer(pi(), PilotProcess.BOUNDARY_REMINDER);
                driver.fireTimer(pi(), PilotProcess.BOUNDARY_OVERDUE);
                driver.complete(pi(), PilotProcess.USER_TASK_HANDLE_OVERDUE, ProcessVariables.of(PilotProcess.FOLLOW_UP.with("Called the company")));
            }
            driver.complete(pi(), PilotProcess.USER_TASK_REPORT_PROGRESS, ProcessVariables.of(PilotProcess.PROGRESS.with("Milestone " + milestone), PilotProcess.MILESTONE_MET.with(PilotProcess.Answer.YES)));
            driver.complete(pi(), PilotProcess.USER_TASK_REVIEW_PROGRESS, ProcessVariables.of(PilotProcess.PROGRESS_DECISION.with(PilotProcess.ProgressDecision.CONTINUE)));
        }
        driver.complete(pi(), PilotProcess.USER_TASK_DEMO, ProcessVariables.of(PilotProcess.DEMO_NOTES.with("Support group enthusiastic")));
    }

    void evaluate(String verdict) {
        driver.complete(pi(), EvaluationProcess.USER_TASK_KPI_RESULTS, Map.of(EvaluationProcess.KPI_NAME.name(), "Search time (min)", EvaluationProcess.KPI_TARGET.name(), 7L, EvaluationProcess.KPI_RESULT.name(), 6L));
        driver.complete(pi(), EvaluationProcess.USER_TASK_SURVEY_AND_BEHAVIOUR,
                Map.of(EvaluationProcess.SURVEY_SCORE.name(), 85L, EvaluationProcess.MEASURED_SCORE.name(), 60L));
        driver.complete(pi(), EvaluationProcess.USER_TASK_DECIDE_VERDICT, Map.of(EvaluationProcess.VERDICT.name(), verdict, EvaluationProcess.VERDICT_REASON.name(), "Works"));
    }

    String ocdsTag() {
        return jdbc.queryForObject("select tag from ocds_release where ocid = ?", String.class, ocds.ocidFor(challengeId.toString()));
    }

    void ensureJuryMember(String userId) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            User user = identityService.newUser(userId);
            user.setFirstName("Dana");
            user.setLastName("Reserve");
            user.setPassword("demo");
            identityService.saveUser(user);
            identityService.createMembership(userId, Roles.JURY);
        }
    }
}
