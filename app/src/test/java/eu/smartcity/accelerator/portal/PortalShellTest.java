package eu.smartcity.accelerator.portal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The frame of every portal page, in each language: the skip link comes first and leads to the page's main
 * content, and the footer links the API documentation, the open-data feed and the bylaws, each of which answers.
 * (How it lays out on a phone: PhoneLayoutBrowserIT.)
 */
@AcceleratorTest
class PortalShellTest {

    private static final Pattern FOOTER = Pattern.compile("<footer>(.*?)</footer>", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("<a\\b[^>]*\\bhref=\"([^\"]+)\"[^>]*>(.*?)</a>", Pattern.DOTALL);

    @LocalServerPort int port;

    @ParameterizedTest
    @CsvSource({"en, Skip to content, API documentation", "nl, Naar de inhoud, API-documentatie",
            "fr, Aller au contenu, Documentation de l'API"})
    void theSkipLinkComesFirstAndTheFooterLinksTheApiTheOpenDataAndTheBylaws(String language, String skip, String apiDocs) {
        for (String page : List.of("/", "/challenges", "/login", "/bylaws")) {
            String html = new PortalClient(port).speaking(language).get(page).body();
            assertThat(html).as(page).contains("<main id=\"content\">");
            Matcher firstLink = LINK.matcher(html);
            assertThat(firstLink.find()).isTrue();
            assertThat(firstLink.group(1)).as("the first link of %s", page).isEqualTo("#content");
            assertThat(firstLink.group(2)).isEqualTo(skip);
        }

        // the error page too: its main is the skip link's target, the browser tests find it by #error-page inside
        assertThat(new PortalClient(port).get("/challenges/00000000-0000-0000-0000-000000000000", "Accept", "text/html").body())
                .contains("<main id=\"content\">").contains("id=\"error-page\" data-error-status=\"404\"");

        Matcher footer = FOOTER.matcher(new PortalClient(port).speaking(language).get("/").body());
        assertThat(footer.find()).isTrue();
        List<String> links = new ArrayList<>();
        Matcher link = LINK.matcher(footer.group(1));
        while (link.find()) {
            links.add(link.group(1));
            if (link.group(1).equals("/api/docs/ui")) {
                assertThat(link.group(2)).isEqualTo(apiDocs.replace("'", "&#39;"));
            }
        }
        assertThat(links).containsExactly("/api/docs/ui", "/api/ocds/releases", "/bylaws");
        for (String target : links) {
            assertThat(answer(target)).as("%s answers", target).isIn(200, 204);
        }
    }

    /** The status after following redirects within the application (Swagger UI's path redirects to its page). */
    private int answer(String path) {
        PortalClient visitor = new PortalClient(port);
        HttpResponse<String> response = visitor.get(path);
        for (int hops = 0; hops < 3 && response.statusCode() / 100 == 3; hops++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            response = visitor.get(location.replaceFirst("^https?://[^/]+", ""));
        }
        return response.statusCode();
    }
}
