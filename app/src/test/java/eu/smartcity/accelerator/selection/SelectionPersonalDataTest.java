package eu.smartcity.accelerator.selection;

import static eu.smartcity.accelerator.support.PersonalDataCase.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PersonalDataCase;
import eu.smartcity.accelerator.support.PersonalDataScan;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 24 point 3, selection's share: a juror's seats, conflict declarations, marks and comments and a
 * coordinator's quota overrides are exported; erasure keeps the selection report whole under the pseudonym (seats,
 * marks, comments, ranking) and deletes the conflict's reason; past the procurement record's period every juror of
 * a challenge becomes a pseudonym of their own.
 */
@AcceleratorTest
class SelectionPersonalDataTest {

    static final String[] TABLES = {"jury_seat", "jury_score", "jury_score_task", "ranking_entry", "quota_override", "selection_reopening"};

    @Autowired JdbcTemplate jdbc;
    @Autowired List<PersonalDataHolder> holders;

    PersonalDataCase person;

    @AfterEach
    void cleanUp() {
        person.deleteProgrammeRows();
    }

    void seat(UUID challenge, int seatNo, String member, String conflictReason, OffsetDateTime declaredAt) {
        jdbc.update("""
                INSERT INTO jury_seat (id, challenge_id, seat_no, member, status, conflict_reason, declared_at, declared_conflict)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), challenge, seatNo, member,
                conflictReason == null ? "ASSIGNED" : "RECUSED", conflictReason, declaredAt, declaredAt == null ? null : conflictReason != null);
    }

    void score(UUID challenge, UUID application, String member, String comment, OffsetDateTime at) {
        jdbc.update("""
                INSERT INTO jury_score (id, challenge_id, application_id, member, round, fit, innovation, team, price, replicability,
                    open_data_use, weighted_score, decision_version, scored_at, score_comment)
                VALUES (?, ?, ?, ?, 1, 4, 5, 3, 4, 2, 3, 3.9, 1, ?, ?)""", UUID.randomUUID(), challenge, application, member, at, comment);
    }

    /** A score task opened for the member (the selection's record of it: the task keeps no engine history). */
    void scoreTask(UUID challenge, UUID application, String member, OffsetDateTime openedAt) {
        jdbc.update("INSERT INTO jury_score_task (execution_id, challenge_id, application_id, round, member, opened_at) VALUES (?, ?, ?, 1, ?, ?)",
                UUID.randomUUID().toString(), challenge, application, member, openedAt);
    }

    @Test
    @SuppressWarnings("unchecked")
    void exportsTheJurorsWorkAndKeepsTheSelectionReportUnderThePseudonym() {
        person = new PersonalDataCase(jdbc, null);
        String juror = person.subject.userId();
        UUID challenge = person.challenge(5);
        UUID first = person.application(challenge, "company-zz-pd-a");
        UUID second = person.application(challenge, "company-zz-pd-b");
        String conflict = "My brother " + person.subject.names().get(1) + " works for company B";
        seat(challenge, 1, juror, conflict, daysAgo(4));
        seat(challenge, 2, "other-juror-" + person.unique, "I studied with " + person.subject.names().get(1).toUpperCase(), daysAgo(4));
        scoreTask(challenge, first, juror, daysAgo(4));
        scoreTask(challenge, second, juror, daysAgo(4));
        scoreTask(challenge, first, "other-juror-" + person.unique, daysAgo(4));
        score(challenge, first, juror, "Strong team, says " + juror, daysAgo(3));
        score(challenge, first, "other-juror-" + person.unique, "Fine", daysAgo(3));
        jdbc.update("""
                INSERT INTO ranking_entry (id, challenge_id, round, application_id, rank, average_score, average_innovation, scorings)
                VALUES (?, ?, 1, ?, 1, 3.9, 5, 2)""", UUID.randomUUID(), challenge, first);
        jdbc.update("""
                INSERT INTO quota_override (id, challenge_id, cycle_id, city_group, rule, quota_limit, already_held, reason, overridden_by, overridden_at)
                SELECT ?, id, cycle_id, city_group, 'pilotsPerCity', 2, 2, 'Exceptional', ?, ? FROM challenge WHERE id = ?""",
                UUID.randomUUID(), juror, daysAgo(2), challenge);
        PersonalDataHolder holder = PersonalDataCase.holder(holders, "jury");

        Map<String, Object> export = holder.export(person.subject);
        assertThat(export.get("seats").toString()).contains("conflictReason=" + conflict).contains("declaredConflict=true");
        assertThat(export.get("scores").toString()).contains("applicationId=" + first).contains("comment=Strong team")
                .doesNotContain("comment=Fine");
        assertThat(export.get("quotaOverridesApproved").toString()).contains("reason=Exceptional");
        // the marking work: which score task, opened when, marked when (the open one not yet)
        assertThat((List<?>) export.get("scoreTasks")).hasSize(2).extracting(t -> (Map<String, Object>) t).satisfiesExactlyInAnyOrder(
                t -> assertThat(t).containsEntry("task", eu.smartcity.accelerator.selection.internal.ScoreTasks.TASK).containsEntry("applicationId", first.toString())
                        .containsKeys("openedAt", "scoredAt"),
                t -> assertThat(t).containsEntry("task", eu.smartcity.accelerator.selection.internal.ScoreTasks.TASK).containsEntry("applicationId", second.toString())
                        .containsKey("openedAt").doesNotContainKey("scoredAt"));

        Map<String, Integer> erased = holder.erase(person.subject);

        assertThat(erased).containsEntry("jury_seat", 1).containsEntry("jury_score", 1).containsEntry("jury_score_task", 2)
                .containsEntry("quota_override", 1);
        assertThat(erased).containsEntry("jury_score.score_comment", 1).containsEntry("jury_seat.conflict_reason", 1);
        assertThat(jdbc.queryForObject("SELECT conflict_reason FROM jury_seat WHERE member = ?", String.class, "other-juror-" + person.unique))
                .as("another juror's reason names the person by last name, in capitals").isEqualTo("I studied with " + person.subject.pseudonym());
        assertThat(PersonalDataScan.find(jdbc, person.subject, TABLES)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT score_comment FROM jury_score WHERE member = ?", String.class, person.subject.pseudonym()))
                .as("the comment stays in the report, naming the pseudonym").isEqualTo("Strong team, says " + person.subject.pseudonym());
        assertThat(jdbc.queryForList("SELECT conflict_reason, status FROM jury_seat WHERE member = ?", person.subject.pseudonym()))
                .singleElement().satisfies(seat -> assertThat(seat).containsEntry("CONFLICT_REASON", null).containsEntry("STATUS", "RECUSED"));
        assertThat(person.rows("jury_score", "member", person.subject.pseudonym())).isEqualTo(1);
        assertThat(person.rows("ranking_entry", "challenge_id", challenge)).isEqualTo(1);
        assertThat(person.rows("application", "id", second)).isEqualTo(1);
        assertThat(holder.erase(person.subject).values()).as("erasing again touches nothing").containsOnly(0);
    }

    @Test
    void pastTheProcurementPeriodEveryJurorOfAChallengeBecomesAPseudonymOfTheirOwn() {
        person = new PersonalDataCase(jdbc, null);
        UUID old = person.challenge(3700);
        UUID application = person.application(old, "company-zz-pd-a");
        seat(old, 1, "ada-" + person.unique, "Knows them", daysAgo(3690));
        seat(old, 2, "bob-" + person.unique, null, null);
        scoreTask(old, application, "bob-" + person.unique, daysAgo(3685));
        score(old, application, "bob-" + person.unique, "Good", daysAgo(3680));
        UUID recent = person.challenge(30);
        seat(recent, 1, "ada-" + person.unique, null, null);
        score(recent, person.application(recent, "company-zz-pd-a"), "ada-" + person.unique, null, daysAgo(20));

        Map<String, Integer> expired = PersonalDataCase.holder(holders, "jury").expire(PersonalDataCase.PERIODS, Instant.now());

        assertThat(expired).containsEntry("jury_seat", 2).containsEntry("jury_score", 1).containsEntry("jury_score_task", 1);
        List<String> members = jdbc.queryForList("SELECT member FROM jury_seat WHERE challenge_id = ? ORDER BY seat_no", String.class, old);
        assertThat(members).allMatch(m -> m.startsWith("expired-")).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("SELECT member FROM jury_score WHERE challenge_id = ?", String.class, old)).isEqualTo(members.get(1));
        assertThat(jdbc.queryForObject("SELECT member FROM jury_score_task WHERE challenge_id = ?", String.class, old)).isEqualTo(members.get(1));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jury_seat WHERE challenge_id = ? AND conflict_reason IS NOT NULL", Integer.class, old)).isZero();
        assertThat(jdbc.queryForObject("SELECT member FROM jury_seat WHERE challenge_id = ?", String.class, recent)).isEqualTo("ada-" + person.unique);
    }
}
