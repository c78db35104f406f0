package eu.smartcity.accelerator.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.application.ApplicationProcess;
import eu.smartcity.accelerator.notification.NotificationDispatcher;
import eu.smartcity.accelerator.support.AcceleratorTest;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sender's schedule obeys {@code accelerator.notifications.scheduling.enabled} when the app runs (the image's
 * Spring AOT start fixes bean conditions at build time, so the switch cannot be a condition).
 */
@AcceleratorTest
class NotificationSchedulingTest {

    @Autowired NotificationScheduling scheduling;
    @Autowired NotificationDispatcher dispatcher;
    @Autowired RemindersOncePerCluster reminders;
    @Autowired RuntimeService runtime;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    @AfterEach
    void noNotifications() {
        jdbc.update("delete from notification");
    }

    @Test
    void theScheduledSenderSendsOnlyWhenSchedulingIsSwitchedOn() {
        runtime.startProcessInstanceByKey(ApplicationProcess.KEY, UUID.randomUUID().toString(),
                Map.of(ApplicationProcess.APPLICATION_ID.name(), UUID.randomUUID().toString(),
                        ApplicationProcess.CHALLENGE_ID.name(), UUID.randomUUID().toString(),
                        ApplicationProcess.COMPANY_GROUP.name(), "company-parkflow"));
        assertThat(untried()).as("the application-received mail, due").isEqualTo(1);

        scheduling.send(); // this test context runs with accelerator.notifications.scheduling.enabled=false
        assertThat(untried()).as("switched off: not sent, not tried").isEqualTo(1);

        new NotificationScheduling(dispatcher, reminders, true).send();
        assertThat(untried()).as("switched on: sent (or tried, if no mail server listens)").isZero();
    }

    private long untried() {
        return jdbc.queryForObject("select count(*) from notification where attempts = 0 and sent_at is null", Long.class);
    }
}
