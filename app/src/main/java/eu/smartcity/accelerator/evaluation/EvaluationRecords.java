package eu.smartcity.accelerator.evaluation;

import eu.smartcity.accelerator.evaluation.internal.Evaluation;
import eu.smartcity.accelerator.evaluation.internal.Evaluations;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-only views of evaluations, for pages that show what a task is about (e.g. the pilot a city wants to replicate). */
@Service
public class EvaluationRecords {

    private final Evaluations evaluations;

    EvaluationRecords(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    public record EvaluationView(UUID id, UUID pilotId, UUID challengeId, String cityGroup, String kpiName, Double kpiTarget,
            Double kpiResult, Double surveyScore, Double measuredScore, Double evidenceGap, String verdict, Instant publishedAt) {}

    @Transactional(readOnly = true)
    public Optional<EvaluationView> find(UUID evaluationId) {
        return evaluations.findById(evaluationId).map(EvaluationRecords::view);
    }

    @Transactional(readOnly = true)
    public Optional<EvaluationView> ofPilot(UUID pilotId) {
        return evaluations.findFirstByPilotId(pilotId).map(EvaluationRecords::view);
    }

    private static EvaluationView view(Evaluation e) {
        return new EvaluationView(e.id(), e.pilotId(), e.challengeId(), e.cityGroup(), e.kpiName(), e.kpiTarget(), e.kpiResult(),
                e.surveyScore(), e.measuredScore(), e.evidenceGap(), e.verdict(), e.publishedAt());
    }
}
