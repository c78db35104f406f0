package eu.smartcity.accelerator.portal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.smartcity.accelerator.support.AcceleratorTest;
import eu.smartcity.accelerator.support.PortalClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** Issue 19, point 1: asset links are versioned, each resolved once, and pages are not re-resolved per request. */
@AcceleratorTest
class AssetLinkFilterTest {

    @LocalServerPort int port;
    @Autowired List<FilterRegistrationBean<?>> registrations;

    @Test
    void assetLinksCarryTheirVersionAndAreResolvedOnceNotPerPage() {
        AssetLinkFilter filter = assetLinkFilter();
        PortalClient visitor = new PortalClient(port);
        String home = visitor.get("/").body();
        Matcher css = Pattern.compile("href=\"(/css/portal-[0-9a-f]{32}\\.css)\"").matcher(home);
        assertThat(css.find()).as("content-hashed stylesheet link in " + home).isTrue();
        assertThat(home).containsPattern("src=\"/js/tables-[0-9a-f]{32}\\.js\"")
                .containsPattern("src=\"/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min\\.js\"")
                .containsPattern("href=\"/webjars/picocss__pico/[0-9.]+/css/pico\\.classless\\.min\\.css\"");

        HttpResponse<String> stylesheet = visitor.get(css.group(1));
        assertThat(stylesheet.statusCode()).isEqualTo(200);
        assertThat(stylesheet.headers().allValues("Set-Cookie")).isEmpty();

        // every page after the first one resolves nothing: the links are remembered
        visitor.get("/challenges");
        long before = filter.resolutions();
        for (String path : List.of("/", "/challenges", "/bylaws", "/outcomes", "/", "/challenges")) {
            assertThat(visitor.get(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(filter.resolutions()).isEqualTo(before);
    }

    @Test
    void onlyLinksThatCanBeAssetsAreLookedUp() {
        assertThat(AssetLinkFilter.mayBeAsset("/css/portal.css")).isTrue();
        assertThat(AssetLinkFilter.mayBeAsset("/webjars/htmx.org/dist/htmx.min.js")).isTrue();
        assertThat(AssetLinkFilter.mayBeAsset("/challenges/12")).isFalse();
        assertThat(AssetLinkFilter.mayBeAsset("/marketplace?q=parking.sensor")).isFalse();
        assertThat(AssetLinkFilter.mayBeAsset("/v1.2/challenges")).isFalse();
        assertThat(AssetLinkFilter.mayBeAsset("https://example.org/a.css")).isFalse();
        assertThat(AssetLinkFilter.mayBeAsset("//example.org/a.css")).isFalse();
    }

    @Test
    void springBootsOwnPerLinkFilterIsReplaced() {
        assertThat(assetLinkFilter()).isNotNull();
    }

    private AssetLinkFilter assetLinkFilter() {
        List<Object> linkFilters = registrations.stream().map(FilterRegistrationBean::getFilter)
                .filter(ResourceUrlEncodingFilter.class::isInstance).map(Object.class::cast).toList();
        assertThat(linkFilters).singleElement().isInstanceOf(AssetLinkFilter.class);
        return (AssetLinkFilter) linkFilters.get(0);
    }
}
