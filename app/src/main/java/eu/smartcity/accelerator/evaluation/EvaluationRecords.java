package eu.smartcity.accelerator.evaluation;

import eu.smartcity.accelerator.evaluation.internal.Evaluation;
import eu.smartcity.accelerator.evaluation.internal.Evaluations;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-only views of evaluations, for pages that show what a task is about (e.g. the pilot a city wants to replicate). */
@Service
public class EvaluationRecords {

    private final Evaluations evaluations;
    private final HistoryService history;

    EvaluationRecords(Evaluations evaluations, HistoryService history) {
        this.evaluations = evaluations;
        this.history = history;
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

    /** The evaluations of a challenge's pilots (its own and its replications'), oldest pilot first is not promised. */
    @Transactional(readOnly = true)
    public java.util.List<EvaluationView> ofChallenge(UUID challengeId) {
        return evaluations.findByChallengeId(challengeId).stream().map(EvaluationRecords::view).toList();
    }

    /** Why the city decided its verdict, as it wrote it in the evaluation process; empty when it wrote nothing. */
    @Transactional(readOnly = true)
    public Optional<String> verdictReason(UUID evaluationId) {
        // the evaluation process that holds this evaluationId (called by a challenge or a replication)
        for (HistoricVariableInstance holder : history.createHistoricVariableInstanceQuery()
                .variableValueEquals(EvaluationProcess.EVALUATION_ID.name(), EvaluationProcess.EVALUATION_ID.stored(evaluationId)).list()) {
            HistoricVariableInstance reason = history.createHistoricVariableInstanceQuery()
                    .processInstanceId(holder.getProcessInstanceId()).variableName(EvaluationProcess.VERDICT_REASON.name()).singleResult();
            if (reason != null && reason.getValue() != null && !reason.getValue().toString().isBlank()) {
                return Optional.of(reason.getValue().toString());
            }
        }
        return Optional.empty();
    }

    private static EvaluationView view(Evaluation e) {
        return new EvaluationView(e.id(), e.pilotId(), e.challengeId(), e.cityGroup(), e.kpiName(), e.kpiTarget(), e.kpiResult(),
                e.surveyScore(), e.measuredScore(), e.evidenceGap(), e.verdict(), e.publishedAt());
    }
}
