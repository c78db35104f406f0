package eu.smartcity.accelerator.notification.internal;

import eu.smartcity.accelerator.support.PostgresTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Scheduled cluster-wide work runs once across nodes (ShedLock, table shedlock), on PostgreSQL. */
@PostgresTest
class SchedulerLockIT {

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
