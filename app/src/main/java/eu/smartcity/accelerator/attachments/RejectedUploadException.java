package eu.smartcity.accelerator.attachments;

/** An upload refused before anything was stored; the message code ({@code upload.*}) says why, per language. */
public class RejectedUploadException extends RuntimeException {

    private final String code;
    private final String fileName;

    public RejectedUploadException(String code, String fileName) {
        super(code + ": " + fileName);
        this.code = code;
        this.fileName = fileName;
    }

    public String code() {
        return code;
    }

    public String fileName() {
        return fileName;
    }
}
