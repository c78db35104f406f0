package eu.smartcity.accelerator.notification.internal;

import eu.smartcity.accelerator.support.AcceleratorTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Scheduled cluster-wide work runs once across nodes (ShedLock, table shedlock), on H2. */
@AcceleratorTest
class SchedulerLockTest {

    @Autowired DataSource dataSource;
    @Autowired ApplicationContext context;

    @Test
    void twoSchedulersOnOneDatabaseRunTheWorkOnce() throws Exception {
        SchedulerLockChecks.twoSchedulersOnOneDatabaseRunTheWorkOnce(dataSource);
    }

    @Test
    void theRemindersHoldTheirLock() {
        SchedulerLockChecks.theRemindersHoldTheirLock(context);
    }
}
