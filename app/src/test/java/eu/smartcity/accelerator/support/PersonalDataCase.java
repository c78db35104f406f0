package eu.smartcity.accelerator.support;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.shared.personaldata.DataSubject;
import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import eu.smartcity.accelerator.shared.personaldata.RetentionPeriods;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the personal-data holder tests share: a person with unique id, e-mail and names, the holder of a section,
 * short retention periods, and the bare programme rows their records hang on ({@link PersonalDataScan} proves the
 * person gone).
 */
public final class PersonalDataCase {

    public static final Duration OPERATIONAL = Duration.ofDays(180);
    public static final Duration PROCUREMENT = Duration.ofDays(3650);
    public static final RetentionPeriods PERIODS = c -> switch (c) {
        case PERSONAL_OPERATIONAL -> Optional.of(OPERATIONAL);
        case PROCUREMENT_RECORD, PUBLIC_RECORD -> Optional.of(PROCUREMENT);
        case PERSONAL_ACCOUNT -> Optional.of(Duration.ofDays(730));
        case NONE -> Optional.<Duration>empty();
    };

    public final String unique = UUID.randomUUID().toString().substring(0, 8);
    public final DataSubject subject;
    private final JdbcTemplate jdbc;
    private final List<UUID> cycles = new ArrayList<>();
    private final List<UUID> challenges = new ArrayList<>();

    public PersonalDataCase(JdbcTemplate jdbc, String organisation) {
        this.jdbc = jdbc;
        this.subject = new DataSubject("zz-pd-" + unique, "zz-pd-" + unique + "@example.org",
                List.of("Firstname" + unique, "Lastname" + unique), organisation == null ? List.of() : List.of(organisation),
                "erased-" + unique.substring(0, 8));
    }

    public static PersonalDataHolder holder(List<PersonalDataHolder> holders, String section) {
        List<PersonalDataHolder> found = holders.stream().filter(h -> h.section().equals(section)).toList();
        assertThat(found).as("one holder of section " + section).hasSize(1);
        return found.get(0);
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public static OffsetDateTime daysAgo(long days) {
        return utc(Instant.now().minus(Duration.ofDays(days)));
    }

    /**
     * A cycle and a challenge of it (bare rows: no process), whose call closed {@code closedDaysAgo} days ago (in
     * selection), or is open for that many days more if negative (published).
     */
    public UUID challenge(long closedDaysAgo) {
        UUID cycle = UUID.randomUUID();
        jdbc.update("INSERT INTO cycle (id, name, bylaws_version, rules_json, rules_sha256, opened_at, status) VALUES (?, ?, 'test', '{}', ?, ?, 'OPEN')",
                cycle, "PD cycle " + unique, "0".repeat(64), daysAgo(closedDaysAgo + 30));
        UUID challenge = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO challenge (id, cycle_id, city_group, title, problem, budget_cap, min_trl, status, call_closes_at)
                VALUES (?, ?, 'city-zz-pd', ?, 'A problem', 50000, 4, ?, ?)""",
                challenge, cycle, "PD challenge " + unique, closedDaysAgo < 0 ? "PUBLISHED" : "SELECTION", daysAgo(closedDaysAgo));
        cycles.add(cycle);
        challenges.add(challenge);
        return challenge;
    }

    /** Deletes the programme rows made here and whatever the test hung on them (other tests count challenges). */
    public void deleteProgrammeRows() {
        for (UUID challenge : challenges) {
            for (String table : List.of("jury_score", "jury_score_task", "ranking_entry", "jury_seat", "quota_override", "application_draft")) {
                jdbc.update("DELETE FROM " + table + " WHERE challenge_id = ?", challenge);
            }
            jdbc.update("DELETE FROM application_status_change WHERE application_id IN (SELECT id FROM application WHERE challenge_id = ?)", challenge);
            jdbc.update("DELETE FROM application WHERE challenge_id = ?", challenge);
            jdbc.update("DELETE FROM challenge WHERE id = ?", challenge);
        }
        cycles.forEach(cycle -> jdbc.update("DELETE FROM cycle WHERE id = ?", cycle));
    }

    /** A submitted application of a company to the challenge. */
    public UUID application(UUID challenge, String company) {
        UUID application = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO application (id, challenge_id, company_group, solution_title, pitch, requested_budget, trl, legal_entity,
                    country, employees, interoperable, declarations_signed, submitted_at, status)
                VALUES (?, ?, ?, ?, 'Our pitch', ?, 6, TRUE, 'BE', 12, TRUE, TRUE, ?, 'SUBMITTED')""",
                application, challenge, company, "Solution " + unique, new BigDecimal("40000"), daysAgo(1));
        return application;
    }

    /** How many rows of a table contain the text in a column. */
    public int rows(String table, String column, Object value) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?", Integer.class, value);
    }
}
