package eu.smartcity.accelerator.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.support.AcceleratorTest;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricScopeInstanceEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 19, point 3: the history each process keeps (AuditTrailHistory, docs/settings.md). */
@AcceleratorTest
class AuditTrailHistoryTest {

    static final String KEY = "audit-trail-history";

    @Autowired ProcessEngine engine;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired AuditTrailHistory rules;

    Deployment deployment;

    @AfterEach
    void undeployAndResetTheClock() {
        ClockUtil.reset();
        if (deployment != null) {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void aProcessOutsideTheProcurementRecordKeepsItsVariablesButNotEveryChangeOfThem() {
        ProcessInstance instance = runtime.startProcessInstanceByKey("smoke-decision", UUID.randomUUID().toString(),
                Map.of("requestedBudget", 12_000L));

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).finished().count()).isOne();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName("budgetVerdict")
                .singleResult().getValue()).isEqualTo("over-cap");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).activityId("ServiceTask_CheckBudget")
                .count()).isOne();
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void theProcurementProcessesKeepEveryVariableChangeAndNoProcessKeepsItsGateways() {
        assertThat(rules.keepsDetail(variableUpdateIn("challenge"))).isTrue();
        assertThat(rules.keepsDetail(variableUpdateIn("contract"))).isTrue();
        for (String key : List.of("application", "accelerator-cycle", "pilot", "evaluation", "smoke-decision")) {
            assertThat(rules.keepsDetail(variableUpdateIn(key))).as(key).isFalse();
        }
        assertThat(rules.keeps(activity("exclusiveGateway"))).isFalse();
        assertThat(rules.keeps(activity("parallelGateway"))).isFalse();
        for (String type : List.of("userTask", "serviceTask", "receiveTask", "startEvent", "noneEndEvent", "callActivity", "boundaryTimer",
                "multiInstanceBody", "subProcess")) {
            assertThat(rules.keeps(activity(type))).as(type).isTrue();
        }
        assertThat(new AuditTrailHistory(List.of("*"), List.of(), Set.of()).keepsDetail(variableUpdateIn("application"))).isTrue();
    }

    @Test
    void theApplicationProcessKeepsNoVariablesInHistory() {
        HistoricVariableUpdateEventEntity outcome = variableUpdateIn("application");
        outcome.setVariableName("eligibilityOutcome");
        assertThat(rules.keeps(outcome)).isFalse();
        HistoricFormPropertyEventEntity field = new HistoricFormPropertyEventEntity();
        field.setProcessDefinitionKey("application");
        field.setPropertyId("eligibilityOutcome");
        assertThat(rules.keeps(field)).isFalse();
        for (String key : List.of("challenge", "contract", "pilot", "evaluation", "replication", "accelerator-cycle")) {
            HistoricVariableUpdateEventEntity kept = variableUpdateIn(key);
            kept.setVariableName("challengeId");
            assertThat(rules.keeps(kept)).as(key).isTrue();
            field.setProcessDefinitionKey(key);
            assertThat(rules.keeps(field)).as(key).isTrue();
        }
        assertThat(new AuditTrailHistory(List.of(), List.of(" ", "pilot "), Set.of()).keeps(variableUpdateIn("pilot"))).isFalse();
    }

    @Test
    void theJobLogKeepsEveryRunOfAJobButNotItsScheduling() {
        assertThat(rules.keeps(jobLog(HistoryEventTypes.JOB_SUCCESS))).isTrue();
        assertThat(rules.keeps(jobLog(HistoryEventTypes.JOB_FAIL))).isTrue();
        assertThat(rules.keeps(jobLog(HistoryEventTypes.JOB_CREATE))).isFalse();
        assertThat(rules.keeps(jobLog(HistoryEventTypes.JOB_DELETE))).isFalse();
    }

    @Test
    void aMultiInstanceKeepsEachInstancesElementButNotTheEnginesCounters() {
        for (String counter : AuditTrailHistory.MULTI_INSTANCE_BOOKKEEPING) {
            HistoricVariableUpdateEventEntity update = variableUpdateIn("challenge"); // a process whose every change is kept
            update.setVariableName(counter);
            assertThat(rules.keeps(update)).as(counter).isFalse();
        }
        assertThat(AuditTrailHistory.MULTI_INSTANCE_BOOKKEEPING).containsExactlyInAnyOrder("nrOfInstances", "nrOfActiveInstances",
                "nrOfCompletedInstances", "loopCounter");

        deploy();
        ProcessInstance instance = runtime.startProcessInstanceByKey(KEY, Map.of("jurors", List.of("ann", "bob", "cas")));
        complete(task(instance, "UserTask_Prepare"));
        for (Task mark : tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("UserTask_Mark").list()) {
            complete(mark.getId());
        }
        assertThat(finished(instance)).isNotNull();

        List<String> names = history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list().stream()
                .map(v -> v.getName()).toList();
        assertThat(names).contains("jurors").doesNotContainAnyElementsOf(AuditTrailHistory.MULTI_INSTANCE_BOOKKEEPING);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName("juror").list())
                .extracting(v -> v.getValue()).containsExactlyInAnyOrder("ann", "bob", "cas");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).activityType("multiInstanceBody")
                .finished().count()).isOne();
    }

    /**
     * A user task whose model declares its history to be its task's (accelerator.history = task-only, as the jury's
     * score task does) keeps its task instance, with its assignee and end, but writes no activity instance and no
     * identity-link log, neither at creation nor at a reassignment or the end; the multi-instance body around it and
     * every undeclared task keep theirs.
     */
    @Test
    void aTaskDeclaredTaskOnlyKeepsItsTaskRowButNoActivityRowNorIdentityLinks() {
        Run run = runMarks(AuditTrailHistory.TASK_ONLY);
        ProcessInstance instance = run.instance();
        List<Task> marks = run.marks();

        assertThat(taskHistory(instance, "UserTask_Mark")).hasSize(2).allSatisfy(t -> {
            assertThat(t.getEndTime()).isNotNull();
            assertThat(t.getDeleteReason()).isEqualTo("completed");
        }).extracting(HistoricTaskInstance::getAssignee).containsExactlyInAnyOrder("cas", "bob");
        noActivityRowsNorLinks(instance.getId(), marks);
        assertThat(activity(instance, "UserTask_Prepare").getAssignee()).isEqualTo("dan");
        String prepare = taskHistory(instance, "UserTask_Prepare").get(0).getId();
        assertThat(history.createHistoricIdentityLinkLogQuery().taskId(prepare).userId("dan").count()).isOne();

        // outside a command (no deployment cache to ask) the rule keeps the event
        HistoricActivityInstanceEventEntity mark = activity("userTask");
        mark.setActivityId("UserTask_Mark");
        mark.setProcessDefinitionId(taskHistory(instance, "UserTask_Mark").get(0).getProcessDefinitionId());
        assertThat(rules.keeps(mark)).isTrue();
    }

    /**
     * A user task whose model declares no history (accelerator.history = none, as the jury's score task does: the
     * selection's records are its history) writes no task instance either — not at creation, a reassignment nor its end —
     * while the multi-instance body around it, every undeclared task and the user operation log keep theirs.
     */
    @Test
    void aTaskDeclaredNoneKeepsNoTaskRowNoActivityRowNorIdentityLinks() {
        Run run = runMarks(AuditTrailHistory.NONE);
        ProcessInstance instance = run.instance();
        List<Task> marks = run.marks();

        assertThat(taskHistory(instance, "UserTask_Mark")).as("task rows of the marks").isEmpty();
        noActivityRowsNorLinks(instance.getId(), marks);
        assertThat(taskHistory(instance, "UserTask_Prepare")).hasSize(1);
        assertThat(activity(instance, "UserTask_Prepare").getAssignee()).isEqualTo("dan");
    }

    private record Run(ProcessInstance instance, List<Task> marks) {}

    /** Deploys the test model declaring this history for its marks and runs it to its end (one mark reassigned). */
    private Run runMarks(String declaredHistory) {
        deployment = repository.createDeployment().addModelInstance(KEY + ".bpmn", declared(declaredHistory)).deploy();
        ProcessInstance instance = runtime.startProcessInstanceByKey(KEY, Map.of("jurors", List.of("ann", "bob")));
        complete(task(instance, "UserTask_Prepare"));
        List<Task> marks = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("UserTask_Mark").list();
        assertThat(marks).hasSize(2);
        tasks.setAssignee(marks.get(0).getId(), "cas");
        for (Task mark : marks) {
            complete(mark.getId());
        }
        assertThat(finished(instance)).isNotNull();
        return new Run(instance, marks);
    }

    /** No activity row and no identity-link log of the marks; the multi-instance body around them keeps its row. */
    private void noActivityRowsNorLinks(String instanceId, List<Task> marks) {
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instanceId).activityId("UserTask_Mark").count())
                .isZero();
        for (Task mark : marks) {
            assertThat(history.createHistoricIdentityLinkLogQuery().taskId(mark.getId()).count()).as(mark.getAssignee()).isZero();
        }
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instanceId).activityType("multiInstanceBody")
                .finished().count()).isOne();
    }

    @Test
    void aModelDeclaringAnyOtherHistoryForATaskIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> deployment = repository.createDeployment()
                .addModelInstance(KEY + ".bpmn", declared("activity-only")).deploy())
                .hasStackTraceContaining("accelerator.history may only be task-only or none");
    }

    /** The test model, its marking task declaring the history property with this value. */
    private static BpmnModelInstance declared(String value) {
        BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
                .startEvent().userTask("UserTask_Prepare").camundaAssignee("dan")
                .userTask("UserTask_Mark").camundaAssignee("${juror}")
                .multiInstance().camundaCollection("${jurors}").camundaElementVariable("juror").multiInstanceDone()
                .endEvent().done();
        CamundaProperties properties = model.newInstance(CamundaProperties.class);
        CamundaProperty property = model.newInstance(CamundaProperty.class);
        property.setCamundaName(AuditTrailHistory.HISTORY_PROPERTY);
        property.setCamundaValue(value);
        properties.addChildElement(property);
        ((UserTask) model.getModelElementById("UserTask_Mark")).builder().addExtensionElement(properties);
        return model;
    }

    /**
     * Ends written without reading the row first (one UPDATE, the database computes the duration from the stored
     * start): every end time and duration is the one Camunda's handler writes, for a task completed on its own, one
     * claimed and completed in one command (an update and an end of the same rows), and the process's own end.
     */
    @Test
    void anEndFromALaterTransactionHasItsEndTimeAndDuration() {
        deploy();
        Date start = new Date(ClockUtil.getCurrentTime().getTime() / 1000 * 1000);
        ClockUtil.setCurrentTime(start);
        ProcessInstance instance = runtime.startProcessInstanceByKey(KEY, Map.of("jurors", List.of("ann", "bob")));

        ClockUtil.setCurrentTime(new Date(start.getTime() + 5_123));
        complete(task(instance, "UserTask_Prepare"));

        List<Task> marks = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("UserTask_Mark").list();
        ClockUtil.setCurrentTime(new Date(start.getTime() + 7_000));
        complete(marks.get(0).getId());
        ClockUtil.setCurrentTime(new Date(start.getTime() + 9_250));
        String claimed = marks.get(1).getId();
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(context -> {
            tasks.claim(claimed, "bob");
            tasks.complete(claimed);
            return null;
        });

        HistoricProcessInstance process = finished(instance);
        assertThat(process).isNotNull();
        assertThat(process.getEndTime()).isEqualTo(new Date(start.getTime() + 9_250));
        assertThat(process.getDurationInMillis()).isEqualTo(9_250);
        assertThat(process.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);

        HistoricTaskInstance prepare = taskHistory(instance, "UserTask_Prepare").get(0);
        assertThat(prepare.getDurationInMillis()).isEqualTo(5_123);
        assertThat(prepare.getDeleteReason()).isEqualTo("completed");
        assertThat(taskHistory(instance, "UserTask_Mark")).extracting(HistoricTaskInstance::getDurationInMillis)
                .containsExactlyInAnyOrder(7_000 - 5_123L, 9_250 - 5_123L);
        HistoricTaskInstance claimedAndCompleted = history.createHistoricTaskInstanceQuery().taskId(claimed).singleResult();
        assertThat(claimedAndCompleted.getAssignee()).isEqualTo("bob");
        assertThat(claimedAndCompleted.getEndTime()).isEqualTo(new Date(start.getTime() + 9_250));

        assertThat(activity(instance, "UserTask_Prepare").getDurationInMillis()).isEqualTo(5_123);
        assertThat(activity(instance, "UserTask_Prepare").getEndTime()).isEqualTo(new Date(start.getTime() + 5_123));
        HistoricActivityInstance body = history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityType("multiInstanceBody").singleResult();
        assertThat(body.getDurationInMillis()).isEqualTo(9_250 - 5_123);
        HistoricActivityInstance claimedActivity = history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("UserTask_Mark").list().stream().filter(a -> claimed.equals(a.getTaskId())).findFirst().orElseThrow();
        assertThat(claimedActivity.getDurationInMillis()).isEqualTo(9_250 - 5_123);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).unfinished().count()).isZero();
        for (HistoricActivityInstance each : history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list()) {
            assertThat(each.getDurationInMillis()).as(each.getActivityId())
                    .isEqualTo(each.getEndTime().getTime() - each.getStartTime().getTime());
        }

        // no removal time is written at the end (history cleanup is end-time based: HistoryCleanupTest)
        assertThat(process.getRemovalTime()).isNull();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list())
                .extracting(HistoricActivityInstance::getRemovalTime).containsOnlyNulls();
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).list())
                .extracting(HistoricTaskInstance::getRemovalTime).containsOnlyNulls();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list())
                .extracting(v -> v.getRemovalTime()).isNotEmpty().containsOnlyNulls();
    }

    /** The end statements write what Camunda's own update statements write (AuditTrailHistory.xml copies their SET lists). */
    @Test
    void theEndStatementsSetTheColumnsOfCamundasUpdates() {
        org.apache.ibatis.session.Configuration mybatis = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getSqlSessionFactory().getConfiguration();
        Map<HistoryEvent, String> camundas = Map.of(
                ended(new HistoricActivityInstanceEventEntity()), "updateHistoricActivityInstanceEvent",
                ended(new HistoricTaskInstanceEventEntity()), "updateHistoricTaskInstanceEvent",
                ended(new HistoricProcessInstanceEventEntity()), "updateHistoricProcessInstanceEvent");
        camundas.forEach((event, camundasStatement) -> {
            String ours = AuditTrailHistory.END_STATEMENTS.get(event.getClass())[0];
            Set<String> expected = setColumns(mybatis.getMappedStatement(camundasStatement).getBoundSql(event).getSql());
            assertThat(expected).as(camundasStatement).contains("END_TIME_", "DURATION_");
            assertThat(setColumns(mybatis.getMappedStatement(ours).getBoundSql(event).getSql())).as(ours).isEqualTo(expected);
            String duration = AuditTrailHistory.END_STATEMENTS.get(event.getClass())[1];
            assertThat(setColumns(mybatis.getMappedStatement(duration).getBoundSql(event).getSql())).as(duration).containsExactly("DURATION_");
        });
    }

    private static Set<String> setColumns(String sql) {
        String set = sql.replaceAll("\\s+", " ").replaceFirst("(?i)^.*? SET ", "").replaceFirst("(?i) WHERE .*$", "");
        Set<String> columns = new TreeSet<>();
        Matcher column = Pattern.compile("(\\w+_)\\s*=").matcher(set);
        while (column.find()) {
            columns.add(column.group(1).toUpperCase());
        }
        return columns;
    }

    /** An end event with every optional field set, so that every conditional column of the statements shows. */
    private static HistoryEvent ended(HistoricScopeInstanceEvent event) {
        event.setId("id");
        event.setStartTime(new Date(0));
        event.setEndTime(new Date(1_000));
        event.setEventType(HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE.getEventName());
        event.setRemovalTime(new Date(2_000));
        if (event instanceof HistoricActivityInstanceEventEntity activity) {
            activity.setCalledProcessInstanceId("called");
        }
        return event;
    }

    private void deploy() {
        deployment = repository.createDeployment().addModelInstance(KEY + ".bpmn", Bpmn.createExecutableProcess(KEY)
                .camundaHistoryTimeToLive(1)
                .startEvent().userTask("UserTask_Prepare")
                .userTask("UserTask_Mark").multiInstance().camundaCollection("${jurors}").camundaElementVariable("juror").multiInstanceDone()
                .endEvent().done()).deploy();
    }

    private void complete(String taskId) {
        tasks.complete(taskId);
    }

    private String task(ProcessInstance instance, String key) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult().getId();
    }

    private HistoricProcessInstance finished(ProcessInstance instance) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).finished().singleResult();
    }

    private List<HistoricTaskInstance> taskHistory(ProcessInstance instance, String key) {
        return history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).list();
    }

    private HistoricActivityInstance activity(ProcessInstance instance, String id) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).activityId(id).singleResult();
    }

    private static HistoricVariableUpdateEventEntity variableUpdateIn(String processDefinitionKey) {
        HistoricVariableUpdateEventEntity event = new HistoricVariableUpdateEventEntity();
        event.setProcessDefinitionKey(processDefinitionKey);
        return event;
    }

    private static HistoricActivityInstanceEventEntity activity(String type) {
        HistoricActivityInstanceEventEntity event = new HistoricActivityInstanceEventEntity();
        event.setActivityType(type);
        return event;
    }

    private static HistoricJobLogEventEntity jobLog(HistoryEventTypes type) {
        HistoricJobLogEventEntity event = new HistoricJobLogEventEntity();
        event.setState(switch (type) {
            case JOB_CREATE -> 0;
            case JOB_FAIL -> 1;
            case JOB_SUCCESS -> 2;
            default -> 3;
        });
        return event;
    }
}
