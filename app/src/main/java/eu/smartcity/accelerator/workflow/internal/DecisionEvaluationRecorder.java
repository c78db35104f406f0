package eu.smartcity.accelerator.workflow.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.smartcity.accelerator.workflow.DecisionAudit;
import eu.smartcity.accelerator.workflow.DecisionRecord;
import eu.smartcity.accelerator.workflow.DecisionRecords;
import eu.smartcity.accelerator.workflow.DecisionResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes and reads the decision audit trail (table decision_evaluation, owned by Flyway). */
@Component
class DecisionEvaluationRecorder implements DecisionRecords {

    private final DecisionEvaluations evaluations;
    private final ObjectMapper json;

    DecisionEvaluationRecorder(DecisionEvaluations evaluations, ObjectMapper json) {
        this.evaluations = evaluations;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void record(DecisionResult result, Map<String, Object> inputs, DecisionAudit audit, Instant evaluatedAt) {
        evaluations.save(new DecisionEvaluation(result.decisionKey(), result.decisionVersion(),
                audit.subjectType(), audit.subjectId(), audit.processInstanceId(), audit.actor(),
                write(inputs), write(result.matchedRules()), write(result.outputs()), evaluatedAt));
    }

    @Override
    @Transactional(readOnly = true)
    public List<DecisionRecord> forSubject(String subjectType, String subjectId) {
        return evaluations.findBySubjectTypeAndSubjectIdOrderByEvaluatedAt(subjectType, subjectId).stream()
                .map(e -> new DecisionRecord(e.id(), e.decisionKey(), e.decisionVersion(), e.subjectType(), e.subjectId(),
                        e.processInstanceId(), e.actor(), e.inputsJson(), e.matchedRulesJson(), e.outputsJson(), e.evaluatedAt()))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public long count() {
        return evaluations.count();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Decision record is not serializable as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
