package eu.smartcity.accelerator.pilot;

import static eu.smartcity.accelerator.support.PersonalDataFixture.lastName;
import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.shared.personaldata.DataSubject;
import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PersonalDataFixture;
import eu.smartcity.accelerator.support.PersonalDataScan;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pilot module's part of a person: the milestone report a company's project lead submitted (naming themselves)
 * and the city's review naming them. Erasure keeps both reports as evidence of the contract, without the person.
 */
@AcceleratorTest
class PilotPersonalDataTest {

    @Autowired List<PersonalDataHolder> holders;
    @Autowired PilotRecords pilots;
    @Autowired JdbcTemplate jdbc;

    PersonalDataHolder holder;
    DataSubject lead;
    UUID pilotId;

    @BeforeEach
    void aPilotWithTheLeadsReport() {
        holder = holders.stream().filter(h -> h.section().equals("pilots")).findFirst().orElseThrow();
        lead = PersonalDataFixture.person();
        pilotId = UUID.randomUUID();
        jdbc.update("insert into pilot (id, challenge_id, application_id, city_group, company_group, status, milestones_done, "
                + "reminders_sent, last_report) values (?, ?, ?, 'city-pd', 'company-pd', 'RUNNING', 1, 0, ?)", pilotId,
                UUID.randomUUID(), UUID.randomUUID(), "Sensors installed; contact " + lead.email());
        Instant submitted = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        report(1, "Sensors installed; contact " + lead.email(), lead.userId(), submitted, "city-reviewer",
                "Thanks " + lastName(lead) + ", go on.");
        report(2, "Dashboard live.", "company-colleague", submitted.plusSeconds(60), null, null);
    }

    private void report(int milestone, String text, String by, Instant at, String reviewer, String notes) {
        jdbc.update("insert into pilot_report (id, pilot_id, milestone_no, report, milestone_met, submitted_by, submitted_at, "
                + "reviewed_by, reviewed_at, continued, review_notes) values (?, ?, ?, ?, true, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(),
                pilotId, milestone, text, by, Timestamp.from(at), reviewer, reviewer == null ? null : Timestamp.from(at),
                reviewer == null ? null : true, notes);
    }

    @Test
    @SuppressWarnings("unchecked")
    void exportsTheirReportsAndThePilotNamingThem() {
        Map<String, Object> export = holder.export(lead);

        assertThat((List<Map<String, Object>>) export.get("milestoneReports")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("submitted_by", lead.userId()).containsEntry("milestone_no", 1)
                .containsEntry("report", "Sensors installed; contact " + lead.email())
                .doesNotContainKey("reviewed_by"));
        assertThat((List<?>) export.get("pilotsNamingYou")).hasSize(1);
    }

    @Test
    void erasureKeepsTheReportsWithoutThePerson() {
        Map<String, Integer> touched = holder.erase(lead);

        assertThat(touched).containsEntry("pilot_report", 2).containsEntry("pilot", 1);
        assertThat(PersonalDataScan.find(jdbc, lead, "pilot_report", "pilot")).as("traces of the erased person").isEmpty();
        assertThat(pilots.reports(pilotId)).extracting(PilotRecords.ReportView::report)
                .containsExactly("Sensors installed; contact " + lead.pseudonym(), "Dashboard live.");
        assertThat(pilots.reports(pilotId).get(0).reviewNotes()).isEqualTo("Thanks " + lead.pseudonym() + ", go on.");
        assertThat(jdbc.queryForList("select submitted_by from pilot_report where pilot_id = ? order by milestone_no", String.class,
                pilotId)).containsExactly(lead.pseudonym(), "company-colleague");
        assertThat(holder.erase(lead).values()).as("idempotent").containsOnly(0);
    }

    @Test
    void afterTenYearsWhoReportedIsForgotten() {
        jdbc.update("update pilot_report set submitted_at = ?, reviewed_at = null where pilot_id = ?",
                Timestamp.from(Instant.now().minus(3660, ChronoUnit.DAYS)), pilotId);

        assertThat(holder.expire(PersonalDataFixture.periods(), Instant.now()).get("pilot_report")).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.queryForList("select submitted_by from pilot_report where pilot_id = ?", String.class, pilotId))
                .containsOnly("expired");
        assertThat(pilots.reports(pilotId)).hasSize(2);
    }
}
