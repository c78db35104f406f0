package eu.smartcity.accelerator.workflow;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored evaluation, as shown to the applicant, jury and coordinator (JSON as stored).
 * {@code actor} is for whom within the subject it was made (e.g. a jury member), or null.
 */
public record DecisionRecord(UUID id, String decisionKey, int decisionVersion, String subjectType, String subjectId,
        String processInstanceId, String actor, String inputsJson, String matchedRulesJson, String outputsJson,
        Instant evaluatedAt) {

    /** The same record with another actor label (e.g. a pseudonym for the applicant's view). */
    public DecisionRecord withActor(String label) {
        return new DecisionRecord(id, decisionKey, decisionVersion, subjectType, subjectId, processInstanceId, label,
                inputsJson, matchedRulesJson, outputsJson, evaluatedAt);
    }
}
