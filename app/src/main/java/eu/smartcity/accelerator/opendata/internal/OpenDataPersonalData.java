package eu.smartcity.accelerator.opendata.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.smartcity.accelerator.opendata.OcdsValidator;
import eu.smartcity.accelerator.shared.personaldata.DataSubject;
import eu.smartcity.accelerator.shared.personaldata.Mentions;
import eu.smartcity.accelerator.shared.personaldata.PersonalColumns;
import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * OCDS releases (PUBLIC_RECORD) name organisations only: parties, buyer and suppliers are groups, and no release
 * has contact points. A person can still be named in a release's free text (a challenge's title or description, a
 * document's title, copied from what a city wrote): erasure puts the pseudonym there, keeps ids, organisations and
 * amounts, and stores the release only if it is still valid OCDS 1.1.5 in a package. Nothing expires: once no
 * person is in them, releases hold no personal data.
 */
@Component
class OpenDataPersonalData implements PersonalDataHolder {

    /** Release fields written by people; ids, urls, codes, dates and organisation names are not searched. */
    static final Set<String> TEXT_FIELDS = Set.of("title", "description", "eligibilityCriteria", "awardCriteriaDetails",
            "procurementMethodDetails", "rationale");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final OcdsPackages packages;
    private final OcdsValidator validator;

    OpenDataPersonalData(JdbcTemplate jdbc, ObjectMapper json, OcdsPackages packages, OcdsValidator validator) {
        this.jdbc = jdbc;
        this.json = json;
        this.packages = packages;
        this.validator = validator;
    }

    @Override
    public String section() {
        return "open-data";
    }

    @Override
    public Map<String, Object> export(DataSubject subject) {
        List<Map<String, Object>> releases = new ArrayList<>();
        Mentions mentions = new Mentions(subject);
        List<Object> args = new ArrayList<>();
        String mayMention = PersonalColumns.mayMention(List.of("release_json"), mentions, args);
        for (Map<String, Object> row : jdbc.queryForList("select ocid, release_id, release_json from ocds_release where " + mayMention
                + " order by release_date, release_id", args.toArray())) {
            ObjectNode release = read((String) row.get("release_json"));
            if (pseudonymise(release.deepCopy(), mentions)) {
                Map<String, Object> found = new LinkedHashMap<>();
                found.put("ocid", row.get("ocid"));
                found.put("releaseId", row.get("release_id"));
                found.put("release", json.convertValue(release, Map.class));
                releases.add(found);
            }
        }
        return releases.isEmpty() ? Map.of() : Map.of("releasesNamingYou", releases);
    }

    @Override
    public Map<String, Integer> erase(DataSubject subject) {
        int changed = 0;
        Mentions mentions = new Mentions(subject);
        List<Object> args = new ArrayList<>();
        String mayMention = PersonalColumns.mayMention(List.of("release_json"), mentions, args);
        for (Map<String, Object> row : jdbc.queryForList("select id, release_json from ocds_release where " + mayMention, args.toArray())) {
            ObjectNode release = read((String) row.get("release_json"));
            if (pseudonymise(release, mentions)) {
                // served exactly as stored: invalid OCDS must not be written (the erasure then fails and is retried after a fix)
                validator.requireValid(packages.packageOf(List.of(release), release.get("ocid").asText()));
                changed += jdbc.update("update ocds_release set release_json = ? where id = ?", write(release), row.get("id"));
            }
        }
        return Map.of("ocds_release", changed);
    }

    /** Replaces the person by the pseudonym in the release's free text, in place; whether anything changed. */
    static boolean pseudonymise(JsonNode node, Mentions mentions) {
        boolean changed = false;
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual() && TEXT_FIELDS.contains(field.getKey())) {
                    String text = field.getValue().asText();
                    String replaced = mentions.pseudonymise(text);
                    if (!replaced.equals(text)) {
                        field.setValue(object.textNode(replaced));
                        changed = true;
                    }
                } else {
                    changed |= pseudonymise(field.getValue(), mentions);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                changed |= pseudonymise(element, mentions);
            }
        }
        return changed;
    }

    private ObjectNode read(String release) {
        try {
            return (ObjectNode) json.readTree(release);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored OCDS release is not JSON", e);
        }
    }

    private String write(ObjectNode release) {
        try {
            return json.writeValueAsString(release);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
