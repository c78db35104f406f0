package eu.smartcity.accelerator.forms;

/** A form file the portal cannot render or validate faithfully: names the file and the component. */
public class UnsupportedFormException extends RuntimeException {

    public UnsupportedFormException(String message) {
        super(message);
    }
}
