package eu.smartcity.accelerator.opendata.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.smartcity.accelerator.opendata.internal.OcdsPackages;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Public OCDS endpoints: release package per ocid, a paged feed of releases since a date, the compiled
 * record per ocid and a bulk download (204 No Content where there is nothing to serve: an OCDS package
 * needs at least one release). Cacheable for five minutes; packages carry a stable
 * publishedDate (their newest release), so their ETag only changes when a release is added.
 */
@RestController
@RequestMapping(path = "/api/ocds", produces = MediaType.APPLICATION_JSON_VALUE)
class OcdsController {

    private static final CacheControl PUBLIC_5_MIN = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final OcdsPackages packages;

    OcdsController(OcdsPackages packages) {
        this.packages = packages;
    }

    @GetMapping("/packages/{ocid}")
    ResponseEntity<ObjectNode> releasePackage(@PathVariable String ocid) {
        return packages.releasePackage(ocid).map(OcdsController::cacheable)
                .orElseThrow(() -> notFound(ocid));
    }

    @GetMapping("/records/{ocid}")
    ResponseEntity<ObjectNode> record(@PathVariable String ocid) {
        return packages.recordPackage(ocid).map(OcdsController::cacheable)
                .orElseThrow(() -> notFound(ocid));
    }

    @GetMapping("/releases")
    ResponseEntity<ObjectNode> feed(@RequestParam(defaultValue = "1970-01-01T00:00:00Z") String since,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        Instant from;
        try {
            from = Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST,
                    "'since' must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
        if (page < 0 || size < 1 || size > OcdsPackages.MAX_PAGE_SIZE) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST,
                    "'page' must be >= 0 and 'size' between 1 and " + OcdsPackages.MAX_PAGE_SIZE);
        }
        ObjectNode feed = packages.feed(from, page, size).orElse(null);
        if (feed == null) {
            return ResponseEntity.noContent().cacheControl(PUBLIC_5_MIN).build(); // nothing (more) since that date
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().cacheControl(PUBLIC_5_MIN);
        if (feed.get("releases").size() == size) {
            response.header(HttpHeaders.LINK, "</api/ocds/releases?since=" + from + "&page=" + (page + 1) + "&size=" + size
                    + ">; rel=\"next\"");
        }
        return response.body(feed);
    }

    @GetMapping("/bulk")
    ResponseEntity<ObjectNode> bulk() {
        return packages.bulk()
                .map(all -> ResponseEntity.ok().cacheControl(PUBLIC_5_MIN)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"accelerator-ocds-releases.json\"")
                        .body(all))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    private static ResponseEntity<ObjectNode> cacheable(ObjectNode body) {
        return ResponseEntity.ok().cacheControl(PUBLIC_5_MIN).eTag(body.get("publishedDate").asText() + "/"
                + body.path("releases").size() + body.path("records").size()).body(body);
    }

    private static ResponseStatusException notFound(String ocid) {
        return new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, "No published contracting process " + ocid);
    }
}
