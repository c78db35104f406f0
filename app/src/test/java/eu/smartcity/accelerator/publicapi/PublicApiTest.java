package eu.smartcity.accelerator.publicapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public API is described with OpenAPI, answers errors as problem details and is rate-limited. */
@AcceleratorTest
class PublicApiTest {

    @LocalServerPort int port;
    @Value("${accelerator.api.requests-per-minute}") int limit;
    @Autowired ApiRateLimitFilter rateLimit;
    @Autowired ObjectMapper json;

    @AfterEach
    void forgetUsage() {
        rateLimit.reset();
    }

    @Test
    void openApiDescribesTheOpenDataEndpointsForAnonymousVisitors() throws Exception {
        HttpResponse<String> docs = new PortalClient(port).get("/api/docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = json.readTree(docs.body()).get("paths");
        assertThat(paths.has("/api/ocds/packages/{ocid}")).isTrue();
        assertThat(paths.has("/api/ocds/records/{ocid}")).isTrue();
        assertThat(paths.has("/api/ocds/releases")).isTrue();
        assertThat(paths.has("/api/ocds/bulk")).isTrue();
        assertThat(paths.fieldNames()).toIterable().allSatisfy(path -> assertThat(path).startsWith("/api/"));

        assertThat(new PortalClient(port).get("/api/docs/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void theRateLimitAnswers429WithRetryAfterAndAProblemDetail() throws Exception {
        rateLimit.reset();
        PortalClient client = new PortalClient(port);
        // The bucket refills continuously (limit/60 per second), so a few more than `limit` may pass
        // while the loop runs; bounded at twice the limit so a broken limiter fails instead of looping.
        int passed = 0;
        HttpResponse<String> over = null;
        while (passed < 2 * limit) {
            HttpResponse<String> response = client.get("/api/ocds/packages/ocds-sca001-none");
            if (response.statusCode() == 429) {
                over = response;
                break;
            }
            assertThat(response.statusCode()).isEqualTo(404);
            passed++;
        }
        assertThat(over).as("no 429 after %d requests", passed).isNotNull();
        assertThat(passed).isBetween(limit, limit + limit / 4);
        assertThat(over.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isPositive());
        assertThat(over.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(over.body()).get("status").asInt()).isEqualTo(429);

        // Portal pages are not counted against the API budget.
        assertThat(client.get("/login").statusCode()).isEqualTo(200);
        // ... but the guided marketplace search is (it runs a decision per candidate solution). The bucket may have
        // refilled a token meanwhile (limit/60 per second, a slow machine): that one passes, the next is refused.
        List<Integer> guided = new ArrayList<>();
        for (int i = 0; i < 3 && !guided.contains(429); i++) {
            guided.add(client.get("/marketplace/guided").statusCode());
        }
        assertThat(guided).contains(429);
    }

    @Test
    void notFoundIsAProblemDetailNamingWhatIsMissing() throws Exception {
        HttpResponse<String> missing = new PortalClient(port).get("/api/ocds/records/ocds-sca001-nothing");
        assertThat(missing.statusCode()).isEqualTo(404);
        JsonNode problem = json.readTree(missing.body());
        assertThat(problem.get("title").asText()).isEqualTo("Not Found");
        assertThat(problem.get("detail").asText()).contains("ocds-sca001-nothing");
    }
}
