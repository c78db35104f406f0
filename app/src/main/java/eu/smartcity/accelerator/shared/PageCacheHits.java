package eu.smartcity.accelerator.shared;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Told when the visitors' page cache ({@code portal/AnonymousPageCache}) serves a copy instead of rendering the page:
 * for what a feature does on every visit besides rendering (the marketplace counts searched words as demand).
 * Implementations must be cheap and must not change what the page shows.
 */
public interface PageCacheHits {

    /** {@code request} is a visitor's GET that was answered from the cache. */
    void served(HttpServletRequest request);
}
