package eu.smartcity.accelerator.cycle;

/** A bylaws file is refused at load time; the message names the file, the key and the problem. */
public class InvalidBylawsException extends RuntimeException {

    /** The dotted rules.yaml key at fault ({@code (file)} when the file as a whole is unreadable): the drafting form shows the problem there. */
    private final String key;

    public InvalidBylawsException(String source, String key, String problem) {
        super(source + ": key '" + key + "' " + problem);
        this.key = key;
    }

    public InvalidBylawsException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.key = "(file)";
    }

    public String key() {
        return key;
    }
}
