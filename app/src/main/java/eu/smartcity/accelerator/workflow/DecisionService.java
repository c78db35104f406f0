package eu.smartcity.accelerator.workflow;

import java.util.Map;

/**
 * Our port to the decision engine. Callers name a decision by key and pass typed inputs;
 * they get the outputs and the rules that matched, and never see which engine evaluated it.
 */
public interface DecisionService {

    /**
     * Evaluates the latest deployed version of the decision.
     *
     * @throws DecisionInputException when an input the table needs is missing or of the wrong type
     * @throws DecisionEvaluationException when the engine cannot evaluate the table
     */
    DecisionResult evaluate(String decisionKey, Map<String, Object> inputs);

    /**
     * Evaluates and stores the evaluation (key, version, inputs, matched rules, outputs, time, case)
     * in the caller's transaction: when the business step rolls back, so does its record, and a
     * failed evaluation leaves no record at all.
     */
    DecisionResult evaluateAndRecord(String decisionKey, Map<String, Object> inputs, DecisionAudit audit);
}
