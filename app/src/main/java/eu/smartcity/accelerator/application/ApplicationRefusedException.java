package eu.smartcity.accelerator.application;

/** An application or withdrawal is refused; the message says why in plain words. */
public class ApplicationRefusedException extends RuntimeException {

    public ApplicationRefusedException(String message) {
        super(message);
    }
}
