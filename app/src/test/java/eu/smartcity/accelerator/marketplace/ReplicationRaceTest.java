package eu.smartcity.accelerator.marketplace;

import eu.smartcity.accelerator.challenge.Challenges;
import eu.smartcity.accelerator.cycle.Cycles;
import eu.smartcity.accelerator.marketplace.replication.ReplicationStarter;
import eu.smartcity.accelerator.support.AcceleratorTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** One running replication per implementation and city, enforced by the database (V127), on H2. */
@AcceleratorTest
class ReplicationRaceTest {

    @Autowired Cycles cycles;
    @Autowired Challenges challenges;
    @Autowired ProcessEngine engine;
    @Autowired ReplicationStarter replications;
    @Autowired JdbcTemplate jdbc;

    @Test
    void officersClickingAtOnceStartOneReplication() throws Exception {
        new ReplicationRaceChecks(cycles, challenges, engine, replications, jdbc).oneRunningReplicationPerImplementationAndCity();
    }
}
