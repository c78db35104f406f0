package eu.smartcity.accelerator.shared;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A page of a public API list, and the one check of its paging parameters (400 with a problem detail). */
public record ApiPage<T>(List<T> items, int page, int size, long total) {

    public static void checkPaging(int page, int size) {
        if (page < 0 || page > 10_000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page: 0 to 10000");
        }
        if (size < 1 || size > 100) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "size: 1 to 100");
        }
    }
}
