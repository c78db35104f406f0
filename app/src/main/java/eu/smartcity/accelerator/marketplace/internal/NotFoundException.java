package eu.smartcity.accelerator.marketplace.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Something asked for does not exist (or is not the asker's): 404, a problem detail on the API. */
public class NotFoundException extends ResponseStatusException {
    public NotFoundException(String what) {
        super(HttpStatus.NOT_FOUND, "No " + what);
    }
}
