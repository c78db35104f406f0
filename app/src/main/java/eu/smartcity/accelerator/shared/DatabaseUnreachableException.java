package eu.smartcity.accelerator.shared;

/** The configured database cannot be reached; the message names the URL and the driver's reason. */
public class DatabaseUnreachableException extends RuntimeException {

    private final String url;

    public DatabaseUnreachableException(String url, String reason) {
        super("Cannot reach the database at " + url + ": " + reason);
        this.url = url;
    }

    public String url() {
        return url;
    }
}
