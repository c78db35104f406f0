package eu.smartcity.accelerator.attachments;

import java.util.Arrays;

/**
 * An upload refused before anything was stored. The message code ({@code upload.*}) says why, per
 * language; its arguments are the file name first, then the limit that was crossed (with its unit in the message).
 */
public class RejectedUploadException extends RuntimeException {

    private final String code;
    private final Object[] args;

    public RejectedUploadException(String code, Object... args) {
        super(code + ": " + Arrays.toString(args), null, false, false);
        this.code = code;
        this.args = args.clone();
    }

    public String code() {
        return code;
    }

    /** The message arguments: the (safe) file name first, then any limit. */
    public Object[] args() {
        return args.clone();
    }

    public String fileName() {
        return args.length > 0 && args[0] != null ? args[0].toString() : "";
    }
}
