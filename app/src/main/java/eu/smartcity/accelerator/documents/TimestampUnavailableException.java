package eu.smartcity.accelerator.documents;

/**
 * The timestamp authority did not answer (or answered with an error): nothing was signed. Thrown in the
 * asynchronous archive step (ServiceTask_ArchiveSignedContract), the engine retries the job and, when the
 * retries are spent, raises an incident carrying this message for the coordinators in Cockpit.
 */
public class TimestampUnavailableException extends SigningRefusedException {
    public TimestampUnavailableException(String authority, Throwable cause) {
        super("The timestamp authority (" + authority + ") did not answer, so the contract was not signed; "
                + "signing is retried automatically. Cause: " + rootMessage(cause), cause);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
