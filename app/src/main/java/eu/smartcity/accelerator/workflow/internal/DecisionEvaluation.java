package eu.smartcity.accelerator.workflow.internal;

import eu.smartcity.accelerator.shared.NewUntilStored;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One stored decision evaluation: what went in, which rules matched, what came out. */
@Entity
@Table(name = "decision_evaluation")
class DecisionEvaluation extends NewUntilStored {

    /** Records are only ever inserted: tell Spring Data so, or save() would SELECT before each INSERT. */


    @Id
    private UUID id;
    @Column(name = "decision_key", nullable = false)
    private String decisionKey;
    @Column(name = "decision_version", nullable = false)
    private int decisionVersion;
    @Column(name = "subject_type")
    private String subjectType;
    @Column(name = "subject_id")
    private String subjectId;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "actor")
    private String actor;
    @Column(name = "inputs_json", nullable = false)
    private String inputsJson;
    @Column(name = "matched_rules_json", nullable = false)
    private String matchedRulesJson;
    @Column(name = "outputs_json", nullable = false)
    private String outputsJson;
    @Column(name = "evaluated_at", nullable = false)
    private Instant evaluatedAt;

    protected DecisionEvaluation() {}

    DecisionEvaluation(String decisionKey, int decisionVersion, String subjectType, String subjectId,
            String processInstanceId, String actor, String inputsJson, String matchedRulesJson, String outputsJson, Instant evaluatedAt) {
        this.id = UUID.randomUUID();
        this.decisionKey = decisionKey;
        this.decisionVersion = decisionVersion;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.processInstanceId = processInstanceId;
        this.actor = actor;
        this.inputsJson = inputsJson;
        this.matchedRulesJson = matchedRulesJson;
        this.outputsJson = outputsJson;
        this.evaluatedAt = evaluatedAt;
    }

    @Override
    public UUID getId() { return id; }



    UUID id() { return id; }
    String decisionKey() { return decisionKey; }
    int decisionVersion() { return decisionVersion; }
    String subjectType() { return subjectType; }
    String subjectId() { return subjectId; }
    String processInstanceId() { return processInstanceId; }
    String actor() { return actor; }
    String inputsJson() { return inputsJson; }
    String matchedRulesJson() { return matchedRulesJson; }
    String outputsJson() { return outputsJson; }
    Instant evaluatedAt() { return evaluatedAt; }
}
