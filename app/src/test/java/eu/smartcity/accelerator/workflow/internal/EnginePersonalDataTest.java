package eu.smartcity.accelerator.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.shared.personaldata.DataSubject;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PersonalDataScan;
import eu.smartcity.accelerator.support.PersonalDataScan.Finding;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The engine's share of a person: found in runtime and history before, nowhere (but the account, identity's) after. */
@AcceleratorTest
class EnginePersonalDataTest {

    private static final String KEY = "privacy-engine-share";

    @Autowired EnginePersonalData holder;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;

    @Test
    void exportsWhatTheEngineHoldsAndErasesItFromRuntimeAndHistory() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String userId = "privacy-engine-" + suffix;
        String email = userId + "@example.org";
        String first = "Zebedeus";
        String last = "Quirindale" + suffix.replaceAll("[0-9]", "x");
        deploy();

        identity.setAuthentication(userId, List.of("camunda-admin")); // authorization is on: the test acts as an admin
        String processId;
        try {
            processId = runtime.startProcessInstanceByKey(KEY, Map.of("reviewer", userId, "contact", email,
                    "note", "Met " + first + " " + last + " about the pilot", "company", "company-urbansense")).getId();
            Task review = tasks.createTaskQuery().processInstanceId(processId).singleResult();
            tasks.createComment(review.getId(), processId, "Checked by " + last);
            tasks.complete(review.getId());
        } finally {
            identity.clearAuthentication();
        }
        jdbc.update("INSERT INTO decision_evaluation (id, decision_key, decision_version, subject_type, subject_id, process_instance_id,"
                + " inputs_json, matched_rules_json, outputs_json, evaluated_at, actor) VALUES (?, 'privacy-test', 1, 'test', ?, ?, ?, '[]', '{}', ?, ?)",
                UUID.randomUUID(), "s-" + suffix, processId, "{\"juror\":\"" + userId + "\"}", Instant.now().atOffset(ZoneOffset.UTC), userId);
        DataSubject subject = new DataSubject(userId, email, List.of(first, last), List.of(), "erased-" + suffix);
        List<String> needles = List.of(userId, email, first + " " + last, last);
        assertThat(engineFindings(needles)).isNotEmpty();

        Map<String, Object> export = holder.export(subject);
        assertThat(export).containsKeys("tasks", "processesStarted", "comments", "variables", "decisions");
        assertThat(export.get("comments").toString()).contains("Checked by " + last);

        Map<String, Integer> counts = holder.erase(subject);

        assertThat(engineFindings(needles)).isEmpty();
        assertThat(counts).containsKeys("ACT_HI_TASKINST", "ACT_HI_PROCINST", "ACT_HI_COMMENT", "ACT_RU_IDENTITYLINK", "decision_evaluation");
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(processId).taskAssignee("erased-" + suffix).count()).isEqualTo(1);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(processId).variableName("note").count())
                .as("free text about them leaves history").isZero();
        assertThat(runtime.getVariable(processId, "note")).isEqualTo("Met erased-" + suffix + " about the pilot");
        assertThat(runtime.getVariable(processId, "company")).as("the organisation stays").isEqualTo("company-urbansense");
        assertThat(holder.erase(subject)).as("idempotent").isEmpty();

        Task second = tasks.createTaskQuery().processInstanceId(processId).singleResult();
        tasks.complete(second.getId());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(processId).count()).as("the process still runs to its end").isZero();
    }

    private List<Finding> engineFindings(List<String> needles) {
        return PersonalDataScan.find(dataSource, needles).stream()
                .filter(f -> f.table().toUpperCase().startsWith("ACT_") && !f.table().toUpperCase().startsWith("ACT_ID_")
                        || f.table().equalsIgnoreCase("decision_evaluation"))
                .toList();
    }

    private void deploy() {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(KEY).count() > 0) {
            return;
        }
        BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("review").camundaAssignee("${reviewer}")
                .userTask("second").camundaCandidateUsers("${reviewer}").camundaCandidateGroups("coordinators")
                .endEvent().done();
        repository.createDeployment().addModelInstance(KEY + ".bpmn", model).deploy();
    }
}
