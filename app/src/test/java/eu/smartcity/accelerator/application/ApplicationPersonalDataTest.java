package eu.smartcity.accelerator.application;

import static eu.smartcity.accelerator.support.PersonalDataCase.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PersonalDataCase;
import eu.smartcity.accelerator.support.PersonalDataScan;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 24 point 3, application's share: a person sees their company's applications and the drafts they saved;
 * erasure deletes their drafts and leaves the applications (the company's procurement records, naming no person);
 * a draft expires the operational period after its call closed.
 */
@AcceleratorTest
class ApplicationPersonalDataTest {

    static final String[] TABLES = {"application", "application_status_change", "application_draft"};

    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationDrafts drafts;
    @Autowired List<PersonalDataHolder> holders;

    PersonalDataCase person;

    @AfterEach
    void cleanUp() {
        person.deleteProgrammeRows();
    }

    UUID draft(UUID challenge, String company, String savedBy) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO application_draft (id, challenge_id, company_group, solution_title, legal_entity, interoperable,
                    declarations_signed, saved_by, saved_at) VALUES (?, ?, ?, 'A draft', TRUE, TRUE, FALSE, ?, ?)""",
                id, challenge, company, savedBy, daysAgo(30));
        return id;
    }

    @Test
    void exportsTheCompanysApplicationsAndThePersonsDraftsThenDeletesTheDraftsOnly() {
        String company = "company-zz-pd-" + UUID.randomUUID().toString().substring(0, 8);
        person = new PersonalDataCase(jdbc, company);
        UUID application = person.application(person.challenge(5), company);
        UUID open = person.challenge(-10);
        drafts.save(new ApplicationDrafts.Draft(open, company, "Half a solution", "Half a pitch", new BigDecimal("1000"), 5, true,
                "BE", 3, true, false, null), person.subject.userId());
        PersonalDataHolder holder = PersonalDataCase.holder(holders, "applications");

        Map<String, Object> export = holder.export(person.subject);
        assertThat(export.get("applicationsOfYourCompany").toString()).contains("id=" + application)
                .contains("solutionTitle=Solution " + person.unique).contains("status=SUBMITTED");
        assertThat(export.get("draftsYouSaved").toString()).contains("solutionTitle=Half a solution").contains("pitch=Half a pitch");

        assertThat(holder.erase(person.subject)).containsEntry("application_draft", 1);

        assertThat(PersonalDataScan.find(jdbc, person.subject, TABLES)).isEmpty();
        assertThat(person.rows("application", "id", application)).as("the application is the company's record").isEqualTo(1);
        assertThat(drafts.find(open, company)).isEmpty();
        assertThat(holder.erase(person.subject)).containsEntry("application_draft", 0);
    }

    @Test
    void aDraftExpiresTheOperationalPeriodAfterItsCallClosed() {
        person = new PersonalDataCase(jdbc, null);
        UUID closedLongAgo = draft(person.challenge(200), "company-zz-pd-a", "someone");
        UUID closedRecently = draft(person.challenge(10), "company-zz-pd-b", "someone");
        UUID stillOpen = draft(person.challenge(-3), "company-zz-pd-c", "someone");

        Map<String, Integer> expired = PersonalDataCase.holder(holders, "applications").expire(PersonalDataCase.PERIODS, Instant.now());

        assertThat(expired.get("application_draft")).isPositive();
        assertThat(person.rows("application_draft", "id", closedLongAgo)).isZero();
        assertThat(person.rows("application_draft", "id", closedRecently)).isEqualTo(1);
        assertThat(person.rows("application_draft", "id", stillOpen)).isEqualTo(1);
    }
}
