package eu.smartcity.accelerator.documents;

/** A signature that must not be made or accepted: wrong, expired or untrusted certificate, altered document. */
public class SigningRefusedException extends RuntimeException {
    public SigningRefusedException(String message) {
        super(message);
    }

    public SigningRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
