package eu.smartcity.accelerator.evaluation.process;

import eu.smartcity.accelerator.challenge.ChallengeProcess;
import eu.smartcity.accelerator.shared.RuleViolationException;
import eu.smartcity.accelerator.evaluation.EvaluationProcess;
import eu.smartcity.accelerator.evaluation.EvaluationPublished;
import eu.smartcity.accelerator.evaluation.internal.Evaluation;
import eu.smartcity.accelerator.evaluation.internal.Evaluations;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Steps of the evaluation process. */
@Configuration(proxyBeanMethods = false)
class EvaluationDelegates {

    static final List<String> VERDICTS = List.of("scale-up", "replicate", "stop");

    /** ServiceTask_CompareEvidence: keeps survey and measurement side by side and the difference between them. */
    @Bean
    JavaDelegate compareEvidence(Evaluations evaluations) {
        return execution -> {
            UUID id = UUID.fromString((String) execution.getVariable(EvaluationProcess.EVALUATION_ID));
            Evaluation evaluation = evaluations.findById(id).orElseGet(() -> evaluations.save(new Evaluation(id,
                    UUID.fromString((String) execution.getVariable(ChallengeProcess.PILOT_ID.name())),
                    UUID.fromString((String) execution.getVariable(ChallengeProcess.CHALLENGE_ID.name())),
                    (String) execution.getVariable("cityGroup"))));
            double gap = evaluation.evidence((String) execution.getVariable("kpiName"), number(execution, "kpiTarget"),
                    number(execution, "kpiResult"), number(execution, EvaluationProcess.SURVEY_SCORE),
                    number(execution, EvaluationProcess.MEASURED_SCORE));
            execution.setVariable(EvaluationProcess.EVIDENCE_GAP, gap);
        };
    }

    /** ServiceTask_PublishEvaluation: the verdict is recorded and the evaluation becomes public ({@link EvaluationPublished}). */
    @Bean
    JavaDelegate publishEvaluation(Evaluations evaluations, ApplicationEventPublisher events) {
        return execution -> {
            String verdict = (String) execution.getVariable(EvaluationProcess.VERDICT);
            if (!VERDICTS.contains(verdict)) {
                throw new RuleViolationException(ChallengeProcess.VERDICT.name(), "form.error.option", "one of " + VERDICTS + ", was '" + verdict + "'");
            }
            Evaluation evaluation = evaluations.findById(UUID.fromString((String) execution.getVariable(EvaluationProcess.EVALUATION_ID)))
                    .orElseThrow();
            evaluation.published(verdict, Instant.now());
            Object company = execution.getVariable(ChallengeProcess.COMPANY_GROUP.name());
            events.publishEvent(new EvaluationPublished(evaluation.id(), evaluation.pilotId(), evaluation.challengeId(),
                    evaluation.cityGroup(), company == null ? null : company.toString(), evaluation.kpiName(),
                    evaluation.kpiTarget(), evaluation.kpiResult(), evaluation.surveyScore(), evaluation.measuredScore(),
                    verdict, evaluation.publishedAt()));
        };
    }

    private static double number(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (!(value instanceof Number n)) {
            throw new RuleViolationException(name, "form.error.number", "a number is required");
        }
        return n.doubleValue();
    }
}
