package eu.smartcity.accelerator.workflow.process;

import eu.smartcity.accelerator.workflow.DecisionAudit;
import eu.smartcity.accelerator.workflow.DecisionResult;
import eu.smartcity.accelerator.workflow.DecisionService;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * A BPMN service task that evaluates a Flowable decision table:
 * {@code camunda:delegateExpression="${evaluateDecision}"} with the local input parameter
 * {@value #DECISION_KEY}. Inputs are the execution's variables. The outputs of a single-row result
 * become process variables; the full result is stored as JSON under
 * {@code <decisionKeyInCamelCase>Result} (never Java-serialized). The evaluation is recorded in the
 * engine's transaction.
 */
@Component("evaluateDecision")
class EvaluateDecisionDelegate implements JavaDelegate {

    public static final String DECISION_KEY = "decisionKey";

    private final DecisionService decisions;

    EvaluateDecisionDelegate(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String decisionKey = (String) execution.getVariableLocal(DECISION_KEY);
        if (decisionKey == null) {
            throw new IllegalStateException("Service task " + execution.getCurrentActivityId()
                    + " needs the input parameter '" + DECISION_KEY + "'");
        }
        Map<String, Object> inputs = new HashMap<>(execution.getVariables());
        inputs.remove(DECISION_KEY);

        DecisionResult result = decisions.evaluateAndRecord(decisionKey, inputs,
                new DecisionAudit(execution.getProcessDefinitionId().split(":")[0],
                        execution.getProcessBusinessKey(), execution.getProcessInstanceId()));

        if (result.outputs().size() == 1) {
            result.singleOutput().forEach(execution::setVariable);
        }
        execution.setVariable(resultVariable(decisionKey), Spin.JSON(result.outputs()));
    }

    /** {@code applicant-scoring} → {@code applicantScoringResult}. */
    static String resultVariable(String decisionKey) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : decisionKey.toCharArray()) {
            if (c == '-' || c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.append("Result").toString();
    }
}
