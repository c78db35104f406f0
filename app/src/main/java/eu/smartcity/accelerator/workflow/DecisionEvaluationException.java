package eu.smartcity.accelerator.workflow;

/** The decision engine could not evaluate a table (unknown key, broken expression, ...). */
public class DecisionEvaluationException extends RuntimeException {

    public DecisionEvaluationException(String message) {
        super(message);
    }

    public DecisionEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
