package eu.smartcity.accelerator.marketplace.internal;

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
 * A person in the marketplace: the officer who wrote a review, requested or decided a framework join, registered a
 * framework or requested a replication, and the person as named in a review, remarks, a supplier's decline reason or
 * a shared contract document. Reviews, frameworks and documents are published (PUBLIC_RECORD), join requests and
 * replications are procurement steps (PROCUREMENT_RECORD): erasure keeps each with its city and replaces the user id
 * by the pseudonym, removing the person from the text. A review's author is working data (PERSONAL_OPERATIONAL):
 * after its period the review is the city's alone. Searches and supplier alerts name no person.
 */
@Component
class MarketplacePersonalData implements PersonalDataHolder {

    private final PersonalColumns columns;

    MarketplacePersonalData(JdbcTemplate jdbc) {
        this.columns = new PersonalColumns(jdbc);
    }

    @Override
    public String section() {
        return "marketplace";
    }

    @Override
    public Map<String, Object> export(DataSubject subject) {
        Map<String, Object> export = new LinkedHashMap<>();
        put(export, "reviews", columns.rowsOf("market_review", "implementation_id, city_group, author, rating, comment_text, created_at",
                subject, List.of("author"), List.of("comment_text"), "created_at"));
        put(export, "frameworkJoinRequests", columns.rowsOf("market_join_request", "framework_id, city_group, requested_by, status, "
                + "remarks, decided_by, requested_at, decided_at", subject, List.of("requested_by", "decided_by"), List.of("remarks"),
                "requested_at"));
        put(export, "frameworksRegistered", columns.rowsOf("market_framework", "id, title, authority_group, registered_by, created_at",
                subject, List.of("registered_by"), List.of(), "created_at"));
        put(export, "replicationRequests", columns.rowsOf("market_replication", "implementation_id, city_group, requested_by, "
                + "requested_at, supplier_decline_reason, lapsed_at", subject, List.of("requested_by"), List.of("supplier_decline_reason"),
                "requested_at"));
        put(export, "sharedDocumentsNamingYou", columns.rowsOf("market_document", "id, title, kind, city_group, body, created_at",
                subject, List.of(), List.of("body"), "created_at"));
        return export;
    }

    private static void put(Map<String, Object> export, String key, List<Map<String, Object>> rows) {
        if (!rows.isEmpty()) {
            export.put(key, rows);
        }
    }

    @Override
    public Map<String, Integer> erase(DataSubject subject) {
        Map<String, Integer> touched = new LinkedHashMap<>();
        touched.put("market_review", columns.pseudonymise("market_review", "author", subject)
                + columns.pseudonymiseMentions("market_review", "id", subject, "comment_text"));
        touched.put("market_join_request", columns.pseudonymise("market_join_request", "requested_by", subject)
                + columns.pseudonymise("market_join_request", "decided_by", subject)
                + columns.pseudonymiseMentions("market_join_request", "id", subject, "remarks"));
        touched.put("market_framework", columns.pseudonymise("market_framework", "registered_by", subject)
                + columns.pseudonymiseMentions("market_framework", "id", subject, "description"));
        touched.put("market_replication", columns.pseudonymise("market_replication", "requested_by", subject)
                + columns.pseudonymiseMentions("market_replication", "id", subject, "supplier_decline_reason"));
        touched.put("market_document", columns.pseudonymiseMentions("market_document", "id", subject, "body", "search_text"));
        return touched;
    }

    /**
     * A review's author is forgotten after the PERSONAL_OPERATIONAL period; who asked for a join or a replication and
     * who decided it, after the PROCUREMENT_RECORD period; who registered a framework, after the PUBLIC_RECORD period.
     */
    @Override
    public Map<String, Integer> expire(RetentionPeriods periods, Instant now) {
        Map<String, Integer> touched = new LinkedHashMap<>();
        periods.of(RetentionClass.PERSONAL_OPERATIONAL).ifPresent(period -> touched.put("market_review",
                columns.expireUserIds("market_review", "author", "created_at", now.minus(period))));
        periods.of(RetentionClass.PROCUREMENT_RECORD).ifPresent(period -> {
            Instant cutoff = now.minus(period);
            touched.put("market_join_request", columns.expireUserIds("market_join_request", "requested_by", "requested_at", cutoff)
                    + columns.expireUserIds("market_join_request", "decided_by", "coalesce(decided_at, requested_at)", cutoff));
            touched.put("market_replication", columns.expireUserIds("market_replication", "requested_by", "requested_at", cutoff));
        });
        periods.of(RetentionClass.PUBLIC_RECORD).ifPresent(period -> touched.put("market_framework",
                columns.expireUserIds("market_framework", "registered_by", "created_at", now.minus(period))));
        return touched;
    }
}
