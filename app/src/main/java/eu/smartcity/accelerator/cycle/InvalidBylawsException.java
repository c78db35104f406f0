package eu.smartcity.accelerator.cycle;

/** A bylaws file is refused at load time; the message names the file, the key and the problem. */
public class InvalidBylawsException extends RuntimeException {

    public InvalidBylawsException(String source, String key, String problem) {
        super(source + ": key '" + key + "' " + problem);
    }

    public InvalidBylawsException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
    }
}
