package eu.smartcity.accelerator.evaluation.process;

import eu.smartcity.accelerator.evaluation.EvaluationProcess;
import static eu.smartcity.accelerator.evaluation.EvaluationProcess.EVALUATION_ID;
import static eu.smartcity.accelerator.evaluation.EvaluationProcess.EVIDENCE_GAP;
import static eu.smartcity.accelerator.evaluation.EvaluationProcess.KPI_NAME;
import static eu.smartcity.accelerator.evaluation.EvaluationProcess.KPI_RESULT;
import static eu.smartcity.accelerator.evaluation.EvaluationProcess.KPI_TARGET;
import static eu.smartcity.accelerator.evaluation.EvaluationProcess.MEASURED_SCORE;
import static eu.smartcity.accelerator.evaluation.EvaluationProcess.SURVEY_SCORE;

import eu.smartcity.accelerator.evaluation.internal.Evaluation;
import eu.smartcity.accelerator.evaluation.internal.Evaluations;
import eu.smartcity.accelerator.shared.RuleViolationException;
import eu.smartcity.accelerator.workflow.Variable;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_CompareEvidence: keeps survey and measurement side by side and the difference between them. */
@Component("compareEvidence")
class CompareEvidence implements JavaDelegate {

    private final Evaluations evaluations;

    CompareEvidence(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID id = EVALUATION_ID.from(execution);
        Evaluation evaluation = evaluations.findById(id).orElseGet(() -> evaluations.save(new Evaluation(id,
                EvaluationProcess.PILOT_ID.from(execution), EvaluationProcess.CHALLENGE_ID.from(execution), EvaluationProcess.CITY_GROUP.from(execution))));
        double gap = evaluation.evidence(KPI_NAME.optionalFrom(execution).orElse(null), number(execution, KPI_TARGET),
                number(execution, KPI_RESULT), number(execution, SURVEY_SCORE), number(execution, MEASURED_SCORE));
        EVIDENCE_GAP.set(execution, gap);
    }

    /** A number the forms require: missing or not a number, the incident names the field. */
    static double number(DelegateExecution execution, Variable<Double> variable) {
        return variable.checkedFrom(execution, notANumber -> new RuleViolationException(variable.name(), "form.error.number",
                "a number is required"));
    }
}
