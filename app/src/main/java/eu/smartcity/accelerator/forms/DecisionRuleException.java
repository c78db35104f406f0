package eu.smartcity.accelerator.forms;

/**
 * A task completion that breaks a decision rule of its form (no outcome chosen, an unknown outcome, a
 * negative outcome without its reason), refused by the process whoever completes the task (portal,
 * Tasklist, REST). Names the field and a message key that the portal shows in the user's language.
 */
public class DecisionRuleException extends IllegalArgumentException {

    private final String field;
    private final String messageKey;

    /** @param explanation plain English for Tasklist and REST users, who do not get the portal's bundles */
    public DecisionRuleException(String field, String messageKey, String explanation) {
        super(field + ": " + explanation + " (" + messageKey + ")");
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
