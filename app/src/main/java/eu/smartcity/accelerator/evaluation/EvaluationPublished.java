package eu.smartcity.accelerator.evaluation;

import java.time.Instant;
import java.util.UUID;

/**
 * A pilot's evaluation became public (published in the transaction of the publishing step, so a
 * listener's writes commit or roll back with it). The marketplace shows it on the solution.
 */
public record EvaluationPublished(UUID evaluationId, UUID pilotId, UUID challengeId, String cityGroup, String companyGroup,
        String kpiName, Double kpiTarget, Double kpiResult, Double surveyScore, Double measuredScore, String verdict,
        Instant publishedAt) {}
