package eu.smartcity.accelerator.privacy.retention;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.privacy.inactivity.InactiveAccounts;
import eu.smartcity.accelerator.shared.personaldata.DataSubject;
import eu.smartcity.accelerator.shared.personaldata.PersonalDataHolder;
import eu.smartcity.accelerator.shared.personaldata.RetentionClass;
import eu.smartcity.accelerator.shared.personaldata.RetentionPeriods;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The retention run on the real database: every holder expires in its own transaction, so one that fails rolls back
 * its own deletes only and the next one still runs; the run is recorded without personal data and shown to
 * coordinators. The holders here are written for the test (a scratch table of dated notes); the modules' own holders
 * are found by the application's job.
 */
@AcceleratorTest
class RetentionJobTest {

    @Autowired RetentionJob applicationJob;
    @Autowired ObjectProvider<PersonalDataHolder> applicationHolders;
    @Autowired RetentionPeriods periods;
    @Autowired InactiveAccounts inactiveAccounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;
    @LocalServerPort int port;

    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void notes() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS retention_test_note (id INT PRIMARY KEY, holder VARCHAR(20), written_at TIMESTAMP WITH TIME ZONE)");
        jdbc.update("DELETE FROM retention_test_note");
        Duration operational = periods.of(RetentionClass.PERSONAL_OPERATIONAL).orElseThrow();
        int id = 0;
        for (String holder : List.of("failing", "working")) {
            note(++id, holder, now.minus(operational).minusSeconds(1)); // due
            note(++id, holder, now.minus(operational).plusSeconds(60)); // not yet
        }
    }

    @Test
    void theDefaultPeriodsAndTheAccountsPathToErasure() {
        assertThat(periods.of(RetentionClass.PROCUREMENT_RECORD)).contains(Duration.ofDays(3650));
        assertThat(periods.of(RetentionClass.PUBLIC_RECORD)).contains(Duration.ofDays(3650));
        assertThat(periods.of(RetentionClass.PERSONAL_OPERATIONAL)).contains(Duration.ofDays(90));
        assertThat(periods.of(RetentionClass.PERSONAL_ACCOUNT)).contains(Duration.ofDays(730 + 30 + 90));
        assertThat(periods.of(RetentionClass.NONE)).isEmpty();
    }

    @Test
    void aFailingHolderRollsBackItsOwnWorkAndTheOthersStillRunAndTheRunIsRecorded() {
        RetentionJob job = new RetentionJob(List.of(holder("working", false), holder("failing", true)), periods,
                inactiveAccounts, jdbc, transactions);

        RetentionJob.Run run = job.run(now);

        assertThat(run.errors()).containsExactly("notes-failing IllegalStateException");
        assertThat(run.touched()).contains(new RetentionJob.Touched("notes-working", "retention_test_note", 1));
        assertThat(run.touched()).extracting(RetentionJob.Touched::section).doesNotContain("notes-failing")
                .contains(RetentionJob.INACTIVE_ACCOUNTS);
        assertThat(jdbc.queryForList("SELECT holder FROM retention_test_note ORDER BY id", String.class))
                .as("the failing holder's delete rolled back; the working one's due note is gone")
                .containsExactly("failing", "failing", "working");

        RetentionJob.Run recorded = job.lastRuns(1).get(0);
        assertThat(recorded.id()).isEqualTo(run.id());
        assertThat(recorded.touched()).isEqualTo(run.touched());
        assertThat(recorded.errors()).isEqualTo(run.errors());
        assertThat(recorded.node()).contains("@");

        PortalClient coordinator = new PortalClient(port);
        coordinator.login("coordinator", "demo");
        String page = coordinator.get("/coordinator/retention").body();
        assertThat(page).contains("data-run=\"" + run.id() + "\"", "notes-working · retention_test_note: 1",
                "notes-failing IllegalStateException", "data-class=\"PERSONAL_OPERATIONAL\"");
    }

    @Test
    void theApplicationsJobAsksEveryHolderOfTheApplication() {
        RetentionJob.Run run = applicationJob.run(now);
        assertThat(run.touched()).extracting(RetentionJob.Touched::section)
                .containsAll(applicationHolders.orderedStream().map(PersonalDataHolder::section).toList())
                .contains(RetentionJob.INACTIVE_ACCOUNTS);
        assertThat(run.errors()).isEmpty();
    }

    /** Deletes its notes older than PERSONAL_OPERATIONAL; the failing one throws after its delete. */
    PersonalDataHolder holder(String name, boolean fails) {
        return new PersonalDataHolder() {
            @Override
            public String section() {
                return "notes-" + name;
            }

            @Override
            public Map<String, Object> export(DataSubject subject) {
                return Map.of();
            }

            @Override
            public Map<String, Integer> erase(DataSubject subject) {
                return Map.of();
            }

            @Override
            public Map<String, Integer> expire(RetentionPeriods periods, Instant now) {
                int deleted = jdbc.update("DELETE FROM retention_test_note WHERE holder = ? AND written_at < ?", name,
                        now.minus(periods.of(RetentionClass.PERSONAL_OPERATIONAL).orElseThrow()).atOffset(ZoneOffset.UTC));
                if (fails) {
                    throw new IllegalStateException("a holder's bug, after deleting " + deleted);
                }
                return Map.of("retention_test_note", deleted);
            }
        };
    }

    void note(int id, String holder, Instant writtenAt) {
        jdbc.update("INSERT INTO retention_test_note (id, holder, written_at) VALUES (?, ?, ?)", id, holder, writtenAt.atOffset(ZoneOffset.UTC));
    }
}
