package eu.smartcity.accelerator.privacy.inactivity;

import static eu.smartcity.accelerator.shared.personaldata.PersonalColumns.iso;

import eu.smartcity.accelerator.shared.personaldata.DataSubject;
import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The person's place on the inactive accounts' path ({@code inactive_account}, PERSONAL_ACCOUNT): exported, deleted
 * on erasure. It expires by itself: the row goes when the path ends.
 */
@Component
class InactiveAccountData implements PersonalDataHolder {

    private final JdbcClient jdbc;

    InactiveAccountData(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    @Override
    public String section() {
        return "inactive-account";
    }

    @Override
    public Map<String, Object> export(DataSubject subject) {
        return jdbc.sql("SELECT warned_at, deactivated_at FROM inactive_account WHERE user_id = ?").param(subject.userId())
                .query((rs, row) -> {
                    Map<String, Object> state = new LinkedHashMap<>();
                    state.put("warnedAt", iso(rs.getObject(1, OffsetDateTime.class)));
                    state.put("deactivatedAt", iso(rs.getObject(2, OffsetDateTime.class)));
                    return state;
                })
                .optional().<Map<String, Object>>map(s -> s).orElse(Map.of());
    }

    @Override
    public Map<String, Integer> erase(DataSubject subject) {
        return Map.of("inactive_account",
                jdbc.sql("DELETE FROM inactive_account WHERE user_id = ?").param(subject.userId()).update());
    }

}
