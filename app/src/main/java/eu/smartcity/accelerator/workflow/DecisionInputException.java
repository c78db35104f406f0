package eu.smartcity.accelerator.workflow;

/** An input the decision needs is missing or has the wrong type; the message names it. */
public class DecisionInputException extends RuntimeException {

    private final String inputName;

    public DecisionInputException(String decisionKey, String inputName, String problem) {
        super("Decision '" + decisionKey + "': input '" + inputName + "' " + problem);
        this.inputName = inputName;
    }

    public String inputName() {
        return inputName;
    }
}
