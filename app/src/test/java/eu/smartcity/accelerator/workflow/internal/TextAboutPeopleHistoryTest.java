package eu.smartcity.accelerator.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.contract.ContractProcess;
import eu.smartcity.accelerator.pilot.PilotProcess;
import eu.smartcity.accelerator.support.AcceleratorTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 24, point 4: free text about people is never copied into the ten-year history, while the running process
 * still reads it (AuditTrailHistory; the variables are those the contracts declare with Variable.textAboutPeople).
 */
@AcceleratorTest
class TextAboutPeopleHistoryTest {

    static final String KEY = "text-about-people-history";
    static final String REPORT = "Jan Peeters was ill, his colleague Els took over";

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired HistoryService history;
    @Autowired AuditTrailHistory rules;
    @Autowired TextAboutPeopleHistoryCleanup cleanup;
    @Autowired ManagementService management;

    Deployment deployment;

    @AfterEach
    void undeploy() {
        if (deployment != null) {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void theEngineReadsTheContractsMarkings() {
        assertThat(rules.textAboutPeople()).contains(ChallengeProcess.CONFLICT_REASON.name(), ContractProcess.DECLINE_REASON.name(),
                PilotProcess.PROGRESS.name(), PilotProcess.REVIEW_NOTES.name());
        assertThat(rules.textAboutPeople()).doesNotContain(PilotProcess.MILESTONE_MET.name(), ChallengeProcess.CHALLENGE_ID.name());
        // also in the processes whose every variable change is kept (the procurement record)
        HistoricVariableUpdateEventEntity conflict = new HistoricVariableUpdateEventEntity();
        conflict.setProcessDefinitionKey(ChallengeProcess.KEY);
        conflict.setVariableName(ChallengeProcess.CONFLICT_REASON.name());
        assertThat(rules.keeps(conflict)).isFalse();
        conflict.setVariableName(ChallengeProcess.CONFLICT_DECISION.name());
        assertThat(rules.keeps(conflict)).isTrue();
    }

    @Test
    void aProgressReportReachesTheRunningProcessButNeverItsHistory() {
        deployment = repository.createDeployment().addModelInstance(KEY + ".bpmn", Bpmn.createExecutableProcess(KEY)
                .camundaHistoryTimeToLive(1)
                .startEvent().userTask("UserTask_First").userTask("UserTask_Second").endEvent().done()).deploy();
        ProcessInstance instance = runtime.startProcessInstanceByKey(KEY);

        // completed as the portal does (TaskCompletions → TaskService.complete)
        tasks.complete(task(instance), Map.of(PilotProcess.PROGRESS.name(), REPORT, PilotProcess.MILESTONE_MET.name(), "yes"));
        assertThat(runtime.getVariable(instance.getId(), PilotProcess.PROGRESS.name())).isEqualTo(REPORT);

        // submitted as Tasklist does (its form fields become form-property details in ACT_HI_DETAIL)
        forms.submitTaskForm(task(instance), Map.of(PilotProcess.REVIEW_NOTES.name(), REPORT, PilotProcess.PROGRESS_DECISION.name(), "continue"));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).finished().count()).isOne();

        List<String> kept = history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list().stream()
                .map(v -> v.getName()).toList();
        assertThat(kept).contains(PilotProcess.MILESTONE_MET.name(), PilotProcess.PROGRESS_DECISION.name())
                .doesNotContain(PilotProcess.PROGRESS.name(), PilotProcess.REVIEW_NOTES.name());
        List<HistoricDetail> details = history.createHistoricDetailQuery().processInstanceId(instance.getId()).list();
        assertThat(details).as("the form submission's details").isNotEmpty();
        assertThat(details.stream().map(TextAboutPeopleHistoryTest::nameAndValue).toList())
                .contains(PilotProcess.PROGRESS_DECISION.name() + "=continue")
                .noneMatch(text -> text.contains("Jan Peeters"));
        assertThat(history.createHistoricVariableInstanceQuery().variableValueEquals(PilotProcess.PROGRESS.name(), REPORT).count()).isZero();
    }

    @Test
    void whatHistoryHeldBeforeIsRemovedOnceWhileTheRunningProcessKeepsIt() {
        // the engine of this version cleaned once for today's list, and says so
        assertThat(management.getProperties()).containsEntry(TextAboutPeopleHistoryCleanup.PROPERTY,
                TextAboutPeopleHistoryCleanup.digest(rules.textAboutPeople()));

        // a variable history holds (as free text did before): a name of this test only, so no other test's history changes
        String probe = "textAboutPeopleProbe";
        deployment = repository.createDeployment().addModelInstance(KEY + ".bpmn", Bpmn.createExecutableProcess(KEY)
                .camundaHistoryTimeToLive(1)
                .startEvent().userTask("UserTask_First").userTask("UserTask_Second").endEvent().done()).deploy();
        ProcessInstance instance = runtime.startProcessInstanceByKey(KEY);
        forms.submitTaskForm(task(instance), Map.of(probe, REPORT));
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName(probe).count()).isOne();
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).formFields().count()).isOne();

        assertThat(cleanup.remove(history, Set.of(probe))).isGreaterThanOrEqualTo(2);

        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(runtime.getVariable(instance.getId(), probe)).isEqualTo(REPORT);
    }

    private static String nameAndValue(HistoricDetail detail) {
        return detail instanceof HistoricFormField field ? field.getFieldId() + "=" + field.getFieldValue()
                : ((HistoricVariableUpdate) detail).getVariableName() + "=" + ((HistoricVariableUpdate) detail).getValue();
    }

    private String task(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    }
}
