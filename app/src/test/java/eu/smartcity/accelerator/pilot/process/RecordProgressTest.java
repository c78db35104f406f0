package eu.smartcity.accelerator.pilot.process;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.opendata.OcdsFacts;
import eu.smartcity.accelerator.opendata.OcdsPublisher;
import eu.smartcity.accelerator.pilot.internal.Pilot;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * RecordProgress's open-data step on its own (no Spring, no engine, no database): what a reviewed milestone publishes.
 */
class RecordProgressTest {

    final List<OcdsFacts.Implementation> published = new ArrayList<>();
    /** Keeps what would be published; every other release kind is not this step's business. */
    final OcdsPublisher ocds = (OcdsPublisher) Proxy.newProxyInstance(OcdsPublisher.class.getClassLoader(),
            new Class<?>[] {OcdsPublisher.class}, (proxy, method, args) -> {
                if (!method.getName().equals("publishImplementation")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                published.add((OcdsFacts.Implementation) args[0]);
                return "release";
            });

    Pilot pilot(UUID contractId) {
        return new Pilot(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, contractId, "city-bruges", "company-greengrid");
    }

    @Test
    void aStoppedPilotPublishesTheMilestonesAheadAsNotMet() {
        Pilot pilot = pilot(UUID.randomUUID());
        RecordProgress.publishProgress(ocds, pilot, 1, 3, false);

        assertThat(published).singleElement().satisfies(release -> {
            assertThat(release.challengeId()).isEqualTo(pilot.challengeId().toString());
            assertThat(release.milestones()).extracting(OcdsFacts.Milestone::status).containsExactly("met", "notMet", "notMet");
        });
    }

    @Test
    void aContinuingPilotKeepsTheRestScheduled() {
        RecordProgress.publishProgress(ocds, pilot(UUID.randomUUID()), 2, 3, true);

        assertThat(published).singleElement().satisfies(release ->
                assertThat(release.milestones()).extracting(OcdsFacts.Milestone::status).containsExactly("met", "scheduled"));
    }

    @Test
    void aPilotWithoutAKnownContractPublishesNothing() {
        RecordProgress.publishProgress(ocds, pilot(null), 1, 3, true);

        assertThat(published).isEmpty();
    }
}
