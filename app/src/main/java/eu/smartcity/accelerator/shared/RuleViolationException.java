package eu.smartcity.accelerator.shared;

/**
 * Input that breaks a rule of the domain (a limit of the bylaws, a length, a range), named by the field it
 * concerns. Pages show {@link #messageKey()} with {@link #args()} from the bundles in the user's language
 * ({@link UserMessages#arguments}); the English message is for logs, Tasklist and REST clients only.
 */
public class RuleViolationException extends IllegalArgumentException {

    private final String field;
    private final String messageKey;
    private final transient Object[] args;

    public RuleViolationException(String field, String messageKey, String englishMessage, Object... args) {
        super(field + ": " + englishMessage);
        this.field = field;
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
