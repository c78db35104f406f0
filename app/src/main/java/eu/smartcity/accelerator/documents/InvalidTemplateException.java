package eu.smartcity.accelerator.documents;

/** A contract template that cannot be used: names the file and the line, and what is wrong there. */
public class InvalidTemplateException extends RuntimeException {

    private final String source;
    private final int line;

    public InvalidTemplateException(String source, int line, String problem) {
        super(source + ":" + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public String source() { return source; }
    public int line() { return line; }
}
