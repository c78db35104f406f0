package eu.smartcity.accelerator.cycle.internal;

import eu.smartcity.accelerator.shared.personaldata.DataSubject;
import eu.smartcity.accelerator.shared.personaldata.PersonalColumns;
import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import eu.smartcity.accelerator.shared.personaldata.RetentionClass;
import eu.smartcity.accelerator.shared.personaldata.RetentionPeriods;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A person in the cycle module: the coordinator who drafted or published a bylaws version. The bylaws are the rules
 * of the procurement (PROCUREMENT_RECORD): erasure keeps the version and replaces the user id by the pseudonym; a
 * published text never changes. Cycles themselves hold no personal data.
 */
@Component
class CyclePersonalData implements PersonalDataHolder {

    private static final List<String> BY = List.of("created_by", "published_by");

    private final PersonalColumns columns;

    CyclePersonalData(JdbcTemplate jdbc) {
        this.columns = new PersonalColumns(jdbc);
    }

    @Override
    public String section() {
        return "cycles";
    }

    @Override
    public Map<String, Object> export(DataSubject subject) {
        List<Map<String, Object>> versions = columns.rowsOf("bylaws_version",
                "version, based_on, status, created_at, created_by, published_at, published_by", subject, BY, List.of(), "created_at");
        return versions.isEmpty() ? Map.of() : Map.of("bylawsVersions", versions);
    }

    @Override
    public Map<String, Integer> erase(DataSubject subject) {
        int rows = 0;
        for (String column : BY) {
            rows += columns.pseudonymise("bylaws_version", column, subject);
        }
        return Map.of("bylaws_version", rows);
    }

    /** Ten years (PROCUREMENT_RECORD) after a version was published (or drafted, if never published), who wrote it is forgotten. */
    @Override
    public Map<String, Integer> expire(RetentionPeriods periods, Instant now) {
        return periods.of(RetentionClass.PROCUREMENT_RECORD).map(period -> {
            Instant cutoff = now.minus(period);
            Map<String, Integer> touched = new LinkedHashMap<>();
            touched.put("bylaws_version", columns.expireUserIds("bylaws_version", "created_by", "coalesce(published_at, created_at)", cutoff)
                    + columns.expireUserIds("bylaws_version", "published_by", "coalesce(published_at, created_at)", cutoff));
            return touched;
        }).orElse(Map.of());
    }
}
