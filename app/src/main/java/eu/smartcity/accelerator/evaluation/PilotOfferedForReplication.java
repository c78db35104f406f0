package eu.smartcity.accelerator.evaluation;

import java.time.Instant;
import java.util.UUID;

/**
 * A city's verdict on its pilot was "replicate" (evaluation's {@code SendTask_OfferForReplication}): the pilot is
 * offered to other cities. Published in the transaction of that step, after {@link EvaluationPublished}; the
 * marketplace marks the implementation as offered and tells the other cities' officers.
 */
public record PilotOfferedForReplication(UUID evaluationId, UUID pilotId, UUID challengeId, String cityGroup, String kpiName,
        Double kpiTarget, Double kpiResult, String verdictReason, Instant offeredAt) {}
