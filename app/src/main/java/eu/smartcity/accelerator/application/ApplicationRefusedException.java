package eu.smartcity.accelerator.application;

/**
 * An application or withdrawal is refused. The message key and its arguments let the web layer say why in
 * the user's language; the English message is for logs and API clients.
 */
public class ApplicationRefusedException extends RuntimeException {

    private final String key;
    private final transient Object[] args;

    public ApplicationRefusedException(String key, String englishMessage, Object... args) {
        super(englishMessage);
        this.key = key;
        this.args = args.clone();
    }

    /** Message key under {@code apply.refused.*} in the portal's bundles. */
    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
