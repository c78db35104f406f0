package eu.smartcity.accelerator.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 20 on one node (H2): sessions are rows of SPRING_SESSION, visitors get none, and a forwarded client
 * address counts only from a trusted proxy (default: loopback). ClusterIT proves a session on another node.
 */
@AcceleratorTest
class SessionsAndProxyTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aVisitorGetsNoSessionAndNoCookieOnPublicPages() {
        PortalClient visitor = new PortalClient(port);
        int sessions = jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION", Integer.class);
        for (String path : List.of("/", "/challenges", "/outcomes", "/bylaws", "/marketplace", "/marketplace?q=parking",
                "/api/challenges", "/api/ocds/releases")) {
            for (int i = 0; i < 2; i++) { // rendered, then (for the pages visitors see most) served from the page cache
                HttpResponse<String> page = visitor.get(path);
                assertThat(page.statusCode()).as(path).isBetween(200, 204);
                assertThat(page.headers().allValues("Set-Cookie")).as("cookies set by " + path).isEmpty();
            }
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION", Integer.class)).as("sessions stored").isEqualTo(sessions);
    }

    @Test
    void aVisitorsLanguageIsACookieNotASession() {
        PortalClient visitor = new PortalClient(port);
        HttpResponse<String> switched = visitor.get("/language?lang=nl&back=/challenges");
        assertThat(switched.statusCode()).isEqualTo(302);
        assertThat(switched.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/challenges"));
        assertThat(switched.headers().allValues("Set-Cookie")).singleElement().satisfies(c -> assertThat(c).startsWith("lang=nl;"));

        HttpResponse<String> dutch = visitor.get("/challenges");
        assertThat(dutch.body()).contains("<html lang=\"nl\"");
        assertThat(dutch.headers().allValues("Set-Cookie")).isEmpty();
        // the visitor's menu is a GET form: no CSRF token on a visitor's page, hence no session
        assertThat(dutch.body()).doesNotContain("name=\"_csrf\"");
    }

    @Test
    void aLoggedInUsersSessionIsARowInTheDatabaseThatAnyClientWithTheCookieContinues() {
        PortalClient officer = new PortalClient(port);
        HttpResponse<String> login = officer.login("officer-mechelen", "demo");
        assertThat(login.statusCode()).isEqualTo(302);
        String session = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst()
                .map(c -> c.substring("SESSION=".length(), c.indexOf(';'))).orElseThrow();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = 'officer-mechelen'", Integer.class))
                .isPositive();

        // another client (as another node would be) with only that cookie is the same logged-in officer
        PortalClient elsewhere = new PortalClient(port);
        HttpResponse<String> page = elsewhere.get("/account/notifications", "Cookie", "SESSION=" + session);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("officer-mechelen");
    }

    @Test
    void aForwardedAddressCountsFromATrustedProxyOnly() throws Exception {
        // from loopback (trusted by default): the address in X-Forwarded-For is the client's
        failLogin("127.0.0.1", "203.0.113.7");
        assertThat(throttledAddresses()).contains("address:203.0.113.7");

        // from another address of this machine (not a trusted proxy): the header is ignored
        Optional<String> untrusted = nonLoopbackAddress();
        assumeTrue(untrusted.isPresent(), "this machine has no non-loopback IPv4 address");
        failLogin(untrusted.get(), "198.51.100.9");
        assertThat(throttledAddresses()).contains("address:" + untrusted.get()).doesNotContain("address:198.51.100.9");
    }

    /** A wrong password through the login form from {@code host}, claiming to forward {@code forwardedFor}. */
    private void failLogin(String host, String forwardedFor) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://" + host + ":" + port;
        String form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String body = "_csrf=" + URLEncoder.encode(PortalClient.csrfToken(form), StandardCharsets.UTF_8) + "&username=nobody-" + forwardedFor + "&password=wrong";
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login?"));
    }

    private List<String> throttledAddresses() {
        return jdbc.queryForList("SELECT throttle_key FROM login_throttle WHERE throttle_key LIKE 'address:%'", String.class);
    }

    private static Optional<String> nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address.getHostAddress());
                    }
                }
            }
        }
        return Optional.empty();
    }
}
