package eu.smartcity.accelerator.evaluation.process;

import eu.smartcity.accelerator.evaluation.EvaluationProcess;
import static eu.smartcity.accelerator.evaluation.EvaluationProcess.EVALUATION_ID;
import static eu.smartcity.accelerator.evaluation.EvaluationProcess.VERDICT;

import eu.smartcity.accelerator.evaluation.EvaluationProcess.Verdict;
import eu.smartcity.accelerator.evaluation.EvaluationPublished;
import eu.smartcity.accelerator.evaluation.internal.Evaluation;
import eu.smartcity.accelerator.evaluation.internal.Evaluations;
import eu.smartcity.accelerator.shared.RuleViolationException;
import eu.smartcity.accelerator.workflow.Variable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_PublishEvaluation: the verdict is validated and recorded and the evaluation becomes public
 * ({@link EvaluationPublished}). An unknown verdict is an incident naming it (the form never offers one).
 */
@Component("publishEvaluation")
class PublishEvaluation implements JavaDelegate {

    static final List<String> VERDICTS = Arrays.stream(Verdict.values()).map(Variable::wireName).toList();

    private final Evaluations evaluations;
    private final ApplicationEventPublisher events;

    PublishEvaluation(Evaluations evaluations, ApplicationEventPublisher events) {
        this.evaluations = evaluations;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Verdict verdict = VERDICT.checkedFrom(execution, given -> new RuleViolationException(VERDICT.name(), "form.error.option",
                "one of " + VERDICTS + ", was '" + given + "'"));
        Evaluation evaluation = evaluations.findById(EVALUATION_ID.from(execution)).orElseThrow();
        evaluation.published(Variable.wireName(verdict), Instant.now());
        events.publishEvent(new EvaluationPublished(evaluation.id(), evaluation.pilotId(), evaluation.challengeId(),
                evaluation.cityGroup(), EvaluationProcess.COMPANY_GROUP.optionalFrom(execution).orElse(null), evaluation.kpiName(),
                evaluation.kpiTarget(), evaluation.kpiResult(), evaluation.surveyScore(), evaluation.measuredScore(),
                Variable.wireName(verdict), evaluation.publishedAt()));
    }
}
