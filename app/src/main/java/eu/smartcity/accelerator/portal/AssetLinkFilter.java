package eu.smartcity.accelerator.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Rewrites the links a page renders to static assets into their versioned form ({@code /css/portal-<md5>.css},
 * {@code /webjars/htmx.org/2.0.8/dist/htmx.min.js}), as Spring's {@link ResourceUrlEncodingFilter} does, but
 * resolves each link once: Spring's filter walks the resource chain for every {@code @{…}} link of every page,
 * and for a link that is no asset ({@code /challenges/12}) it searches every static location inside the jars each
 * time (a miss is never cached), queueing on the jar-file cache's lock — 93 % of a portal page's request time
 * under load (issue 19). Here a link whose last segment has no extension is no asset and is left alone, and
 * every other link's answer (versioned or unchanged) is remembered; assets only change with a new build.
 * Being a {@code ResourceUrlEncodingFilter}, it replaces the one Spring Boot would register.
 */
public class AssetLinkFilter extends ResourceUrlEncodingFilter {

    /** More distinct asset-like links than this is not a page's assets (e.g. document names): resolve, not remember. */
    static final int MAX_REMEMBERED = 2_000;

    private final ResourceUrlProvider resources;
    private final Map<String, String> resolved = new ConcurrentHashMap<>();
    private final LongAdder resolutions = new LongAdder();

    public AssetLinkFilter(ResourceUrlProvider resources) {
        this.resources = resources;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse) {
            chain.doFilter(request, new AssetLinks(http, httpResponse));
        } else {
            chain.doFilter(request, response);
        }
    }

    /** How often the resource chain was asked (a count that does not depend on load; tests read it). */
    long resolutions() {
        return resolutions.sum();
    }

    String link(HttpServletRequest request, String url) {
        if (!mayBeAsset(url)) {
            return url;
        }
        String known = resolved.get(url);
        if (known != null) {
            return known;
        }
        resolutions.increment();
        String versioned = resources.getForRequestUrl(request, url);
        String answer = versioned != null ? versioned : url;
        if (resolved.size() < MAX_REMEMBERED) {
            resolved.put(url, answer);
        }
        return answer;
    }

    /** An absolute path without query or fragment whose last segment has an extension ({@code /css/portal.css}). */
    static boolean mayBeAsset(String url) {
        if (url == null || url.isEmpty() || url.charAt(0) != '/' || url.startsWith("//")) {
            return false;
        }
        if (url.indexOf('?') >= 0 || url.indexOf('#') >= 0 || url.indexOf(';') >= 0) {
            return false;
        }
        int slash = url.lastIndexOf('/');
        return url.indexOf('.', slash) > slash + 1;
    }

    private final class AssetLinks extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        AssetLinks(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public String encodeURL(String url) {
            return super.encodeURL(link(request, url));
        }
    }
}
