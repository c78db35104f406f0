package eu.smartcity.accelerator.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.support.AcceleratorTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Organisation names are kept for the TTL (issue 19, slice appvars): a rename made behind the portal's back (Camunda
 * Admin, engine REST, the other node) shows once the TTL is over, a group found missing is looked for again at once.
 */
@AcceleratorTest
class OrganisationNamesTest {

    @Autowired IdentityService identity;
    @Autowired MessageSource messages;
    @Autowired JdbcTemplate jdbc;

    final String groupId = "company-names-" + UUID.randomUUID().toString().substring(0, 8);
    final LoginThrottleTest.MovableClock clock = new LoginThrottleTest.MovableClock(Instant.parse("2026-12-06T10:00:00Z"));

    @AfterEach
    void dropGroup() {
        identity.deleteGroup(groupId);
    }

    void name(String name) {
        Group group = identity.createGroupQuery().groupId(groupId).singleResult();
        if (group == null) {
            group = identity.newGroup(groupId);
        }
        group.setName(name);
        identity.saveGroup(group);
    }

    @Test
    void aRenameShowsAfterTheTtlAtTheLatest() {
        CamundaOrganisations organisations = new CamundaOrganisations(identity, messages, jdbc, clock, Duration.ofMinutes(1));
        name("Quiet Lights");
        assertThat(organisations.nameOf(groupId)).isEqualTo("Quiet Lights");

        name("Quiet Lights NV"); // as Camunda's Admin webapp would
        assertThat(organisations.nameOf(groupId)).as("kept within the TTL").isEqualTo("Quiet Lights");
        clock.advance(Duration.ofSeconds(59));
        assertThat(organisations.nameOf(groupId)).isEqualTo("Quiet Lights");
        clock.advance(Duration.ofSeconds(1));
        assertThat(organisations.nameOf(groupId)).as("read again once the TTL is over").isEqualTo("Quiet Lights NV");
    }

    @Test
    void aMissingGroupIsNotKeptAndAZeroTtlKeepsNothing() {
        CamundaOrganisations organisations = new CamundaOrganisations(identity, messages, jdbc, clock, Duration.ofMinutes(1));
        assertThat(organisations.nameOf(groupId)).isEqualTo(groupId);
        name("Quiet Lights");
        assertThat(organisations.nameOf(groupId)).as("a new group's name at once").isEqualTo("Quiet Lights");

        CamundaOrganisations uncached = new CamundaOrganisations(identity, messages, jdbc, clock, Duration.ZERO);
        assertThat(uncached.nameOf(groupId)).isEqualTo("Quiet Lights");
        name("Quiet Lights NV");
        assertThat(uncached.nameOf(groupId)).isEqualTo("Quiet Lights NV");
    }
}
