package eu.smartcity.accelerator.opendata.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.smartcity.accelerator.opendata.OcdsValidator;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side: release packages, the paged feed, compiled records. Everything served is validated first. */
@Service
@Transactional(readOnly = true)
public class OcdsPackages {

    public static final int MAX_PAGE_SIZE = 500;

    private final OcdsReleases releases;
    private final OcdsValidator validator;
    private final ObjectMapper json;
    private final String baseUrl;
    private final String publisherName;

    OcdsPackages(OcdsReleases releases, OcdsValidator validator, ObjectMapper json,
            @Value("${accelerator.public-base-url}") String baseUrl,
            @Value("${accelerator.ocds.publisher-name}") String publisherName) {
        this.releases = releases;
        this.validator = validator;
        this.json = json;
        this.baseUrl = baseUrl;
        this.publisherName = publisherName;
    }

    /** All releases of one contracting process, or empty when the ocid is unknown. */
    public Optional<ObjectNode> releasePackage(String ocid) {
        List<JsonNode> found = read(releases.findByOcidOrderByReleaseDateAscReleaseIdAsc(ocid));
        return found.isEmpty() ? Optional.empty() : Optional.of(validated(packageOf(found, "packages/" + ocid)));
    }

    /**
     * Releases dated at or after {@code since}, oldest first, one page; empty when there are none
     * (OCDS packages need at least one release, so an empty page is not a package).
     */
    public Optional<ObjectNode> feed(Instant since, int page, int size) {
        List<OcdsRelease> rows = releases.findByReleaseDateGreaterThanEqualOrderByReleaseDateAscReleaseIdAsc(
                since, PageRequest.of(page, size));
        return rows.isEmpty() ? Optional.empty()
                : Optional.of(validated(packageOf(read(rows), "releases?since=" + since + "&page=" + page + "&size=" + size)));
    }

    /** Every release, for bulk download; empty when nothing is published yet. */
    public Optional<ObjectNode> bulk() {
        List<OcdsRelease> rows = releases.findAll(Sort.by("releaseDate", "releaseId"));
        return rows.isEmpty() ? Optional.empty() : Optional.of(validated(packageOf(read(rows), "bulk")));
    }

    /** A record package: the releases of one ocid and their compiled release (OCDS merge). */
    public Optional<ObjectNode> recordPackage(String ocid) {
        List<JsonNode> found = read(releases.findByOcidOrderByReleaseDateAscReleaseIdAsc(ocid));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode compiled = compile(ocid, found);
        validated(packageOf(List.of(compiled), "records/" + ocid)); // the compiled release must itself be valid
        ObjectNode recordPackage = header("records/" + ocid, latestDate(found));
        recordPackage.putArray("packages").add(baseUrl + "/api/ocds/packages/" + ocid);
        ObjectNode record = recordPackage.putArray("records").addObject();
        record.put("ocid", ocid);
        ArrayNode linked = record.putArray("releases");
        for (JsonNode release : found) {
            ObjectNode link = linked.addObject();
            link.put("url", baseUrl + "/api/ocds/packages/" + ocid + "#" + release.get("id").asText());
            link.put("date", release.get("date").asText());
            link.set("tag", release.get("tag"));
        }
        record.set("compiledRelease", compiled);
        return Optional.of(recordPackage);
    }

    ObjectNode packageOf(List<JsonNode> releaseList, String path) {
        ObjectNode pkg = header(path, latestDate(releaseList));
        pkg.putArray("releases").addAll(releaseList);
        return pkg;
    }

    /**
     * OCDS merge, in date order: objects merge field by field, arrays of objects with an id merge
     * by id, anything else is replaced by the later value.
     */
    ObjectNode compile(String ocid, List<JsonNode> ordered) {
        ObjectNode compiled = json.createObjectNode();
        for (JsonNode release : ordered) {
            merge(compiled, release);
        }
        compiled.put("id", ocid + "-compiled");
        compiled.putArray("tag").add("compiled");
        return compiled;
    }

    private static void merge(ObjectNode target, JsonNode source) {
        for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode existing = target.get(field.getKey());
            JsonNode value = field.getValue();
            if (existing instanceof ObjectNode existingObject && value.isObject()) {
                merge(existingObject, value);
            } else if (existing instanceof ArrayNode existingArray && isIdentifiedObjects(value)) {
                for (JsonNode item : value) {
                    ObjectNode match = findById(existingArray, item.get("id").asText());
                    if (match == null) {
                        existingArray.add(item.deepCopy());
                    } else {
                        merge(match, item);
                    }
                }
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        }
    }

    private static boolean isIdentifiedObjects(JsonNode array) {
        if (!array.isArray() || array.isEmpty()) {
            return false;
        }
        for (JsonNode item : array) {
            if (!item.isObject() || !item.has("id")) {
                return false;
            }
        }
        return true;
    }

    private static ObjectNode findById(ArrayNode array, String id) {
        for (JsonNode item : array) {
            if (item.isObject() && id.equals(item.path("id").asText(null))) {
                return (ObjectNode) item;
            }
        }
        return null;
    }

    private ObjectNode header(String path, Instant publishedDate) {
        ObjectNode pkg = json.createObjectNode();
        pkg.put("uri", baseUrl + "/api/ocds/" + path);
        pkg.put("version", "1.1");
        pkg.put("publishedDate", publishedDate.toString());
        pkg.putObject("publisher").put("name", publisherName);
        pkg.put("license", "https://creativecommons.org/publicdomain/zero/1.0/");
        pkg.put("publicationPolicy", baseUrl + "/api/ocds/policy");
        return pkg;
    }

    /** The newest release date: a package's publishedDate stays stable, so caches and ETags work. */
    private static Instant latestDate(List<JsonNode> releaseList) {
        return releaseList.stream().map(r -> Instant.parse(r.get("date").asText())).max(Instant::compareTo)
                .orElse(Instant.EPOCH);
    }

    private ObjectNode validated(ObjectNode pkg) {
        validator.requireValid(pkg);
        return pkg;
    }

    private List<JsonNode> read(List<OcdsRelease> rows) {
        return rows.stream().map(row -> {
            try {
                return json.readTree(row.releaseJson());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Stored release " + row.releaseId() + " is not JSON", e);
            }
        }).toList();
    }
}
