package eu.smartcity.accelerator.portal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A list with nothing in it says what would appear there and why, in the reader's language, instead of an empty table. */
@AcceleratorTest
class EmptyStatesTest {

    @LocalServerPort int port;

    /** Words no solution, document or supplier has. */
    final String nothing = "nothing" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void marketplaceListsWithoutResultsSayWhatWouldAppear() {
        PortalClient visitor = new PortalClient(port);
        assertThat(visitor.get("/marketplace?q=" + nothing).body()).contains("data-empty")
                .contains("Solutions appear here when a supplier lists one");
        assertThat(visitor.get("/marketplace?q=" + nothing, "Accept-Language", "nl").body())
                .contains("Oplossingen verschijnen hier zodra een leverancier");
        assertThat(visitor.get("/marketplace/documents?q=" + nothing, "Accept-Language", "fr").body())
                .contains("Les modèles et contrats passés apparaissent ici");
        assertThat(visitor.get("/marketplace/frameworks?supplier=" + nothing).body())
                .contains("Framework contracts appear here when a city registers one");
    }
}
