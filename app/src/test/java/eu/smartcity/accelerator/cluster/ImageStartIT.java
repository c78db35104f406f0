package eu.smartcity.accelerator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.support.FreePort;
import eu.smartcity.accelerator.support.PortalClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The jar started as the image starts it: on Spring AOT's bean definitions, generated when the jar was built
 * ({@code -Dspring.aot.enabled=true}; bean conditions are fixed then), on the {@code postgres} profile, whose default is
 * no demo data. The settings read when the app runs still decide: no demo users and no demo content although the
 * build ran with the default profile's demo data on, and the first coordinator from ACCELERATOR_ADMIN_USER.
 * ({@link ClusterIT} starts its nodes the same way with demo data on.)
 */
class ImageStartIT {

    private static final String ADMIN = "first-admin";
    private static final String ADMIN_PASSWORD = "a first password, long enough";

    @Test
    void theAotStartOnPostgresFollowsTheSettingsReadAtRunTime() throws Exception {
        try (ClusterDatabase db = ClusterDatabase.create("accelerator_image")) {
            ClusterNode node = new ClusterNode("image", FreePort.any(), db.url(), FreePort.any(),
                    Path.of(System.getProperty("user.dir"), "target", "cluster", db.name()),
                    Map.of("ACCELERATOR_ADMIN_USER", ADMIN, "ACCELERATOR_ADMIN_PASSWORD", ADMIN_PASSWORD),
                    "--accelerator.notifications.scheduling.enabled=false",
                    // the node logs warnings only; the start line is the main class's INFO
                    "--logging.level.eu.smartcity.accelerator.AcceleratorApplication=INFO");
            try {
                node.start(Duration.ofMinutes(4));
                assertThat(Files.readString(node.log())).as("Spring Boot's start line on generated bean definitions")
                        .contains("Starting AOT-processed AcceleratorApplication");

                assertThat(db.strings("select id_ from act_id_user")).as("users: the first coordinator only, no demo users")
                        .containsExactly(ADMIN);
                assertThat(db.count("select count(*) from market_solution")).as("marketplace demo solutions").isZero();
                assertThat(db.count("select count(*) from cycle")).as("demo cycles").isZero();

                assertThat(engineTasks(node, ADMIN, ADMIN_PASSWORD)).as("the first coordinator on the engine's REST API").isEqualTo(200);
                assertThat(engineTasks(node, "coordinator", "demo")).as("a demo account").isEqualTo(401);
            } finally {
                node.stop();
            }
        }
    }

    private static int engineTasks(ClusterNode node, String user, String password) {
        return new PortalClient(node.port()).getWithBasicAuth("/engine-rest/task?maxResults=1", user, password).statusCode();
    }
}
