package eu.smartcity.accelerator.privacy.internal;

import eu.smartcity.accelerator.shared.personaldata.DataSubject;
import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import eu.smartcity.accelerator.shared.personaldata.RetentionClass;
import eu.smartcity.accelerator.shared.personaldata.RetentionPeriods;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The privacy module's own share (section {@value #SECTION}): the person's erasure requests. Erasure and expiry keep
 * a request's dates, decision and ground (accountability) and drop who asked and the free text; the erasure record
 * never named anyone.
 */
@Component
class PrivacyPersonalData implements PersonalDataHolder {

    static final String SECTION = "privacy";

    private final JdbcClient jdbc;

    PrivacyPersonalData(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    @Override
    public String section() {
        return SECTION;
    }

    @Override
    public Map<String, Object> export(DataSubject subject) {
        var requests = jdbc.sql("SELECT requested_at, status, reason, decided_at, refusal_ground, refusal_text FROM erasure_request"
                + " WHERE user_id = ? ORDER BY requested_at").param(subject.userId()).query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("requestedAt", String.valueOf(rs.getObject("requested_at")));
                    row.put("status", rs.getString("status"));
                    row.put("reason", rs.getString("reason"));
                    row.put("decidedAt", rs.getObject("decided_at") == null ? null : String.valueOf(rs.getObject("decided_at")));
                    row.put("legalGround", rs.getString("refusal_ground"));
                    row.put("refusalText", rs.getString("refusal_text"));
                    return row;
                }).list();
        return requests.isEmpty() ? Map.of() : Map.of("erasureRequests", requests);
    }

    @Override
    public Map<String, Integer> erase(DataSubject subject) {
        int n = jdbc.sql("UPDATE erasure_request SET user_id = NULL, reason = NULL, refusal_text = NULL WHERE user_id = ?")
                .param(subject.userId()).update();
        return n == 0 ? Map.of() : Map.of("erasure_request", n);
    }

    /** A refused request names the person for PERSONAL_OPERATIONAL after its decision, then only its dates and ground stay. */
    @Override
    public Map<String, Integer> expire(RetentionPeriods periods, Instant now) {
        return periods.of(RetentionClass.PERSONAL_OPERATIONAL).map(period -> {
            int n = jdbc.sql("UPDATE erasure_request SET user_id = NULL, reason = NULL, refusal_text = NULL"
                    + " WHERE status = 'REFUSED' AND user_id IS NOT NULL AND decided_at < ?")
                    .param(now.minus(period).atOffset(ZoneOffset.UTC)).update();
            return n == 0 ? Map.<String, Integer>of() : Map.of("erasure_request", n);
        }).orElse(Map.of());
    }
}
