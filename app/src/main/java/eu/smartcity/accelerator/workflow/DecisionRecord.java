package eu.smartcity.accelerator.workflow;

import java.time.Instant;
import java.util.UUID;

/** A stored evaluation, as shown to the applicant, jury and coordinator (JSON as stored). */
public record DecisionRecord(UUID id, String decisionKey, int decisionVersion, String subjectType, String subjectId,
        String processInstanceId, String inputsJson, String matchedRulesJson, String outputsJson, Instant evaluatedAt) {}
