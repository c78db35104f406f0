package eu.smartcity.accelerator.portal;

import eu.smartcity.accelerator.shared.DataChanges;
import eu.smartcity.accelerator.shared.PageCacheHits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Whole-page cache for visitors (issue 19): the public pages a visitor sees most ({@code /}, {@code /challenges},
 * {@code /marketplace}) are rendered once per address and language and then served from memory, in front of Spring
 * Security and Spring MVC. A request is a visitor's only when it carries no session cookie and no
 * {@code Authorization} header — anyone who may be logged in goes through the whole application as before, so a
 * cached page never holds a logged-in user's view. The key is the path with its query, the language the
 * {@link LocaleResolver} picks for a visitor (cookie {@code lang}, else the browser's preference) and whether htmx asks
 * for a fragment, so one language is never served for another.
 *
 * <p>A copy is used only while nothing has been written to the database since its rendering began
 * ({@link DataChanges#version()}: a published challenge, a new solution, an evaluation, anything), so a change shows at
 * once; and only until the next moment the page changes by the clock alone ({@link PageClock}: a call closing, its
 * countdown's next step) or at most {@code maxAge} (the bound for a change written by another node). Only a 200
 * without cookies is kept. The copy carries an ETag: a browser revalidating it gets a 304. While one request renders
 * a page, others asking for the same page wait for it instead of rendering it too.
 */
public class AnonymousPageCache extends OncePerRequestFilter {

    /** Addresses longer than this (query included) are rendered, not kept: a copy per arbitrary search is no use. */
    static final int MAX_KEY_LENGTH = 300;

    /** The session cookie of Spring Session ({@code SESSION}) and the servlet container's. */
    private static final Set<String> SESSION_COOKIES = Set.of("SESSION", "JSESSIONID");

    /** Response headers not replayed: per response, or recomputed. */
    private static final Set<String> NOT_KEPT = Set.of("set-cookie", "content-length", "date", "transfer-encoding", "etag",
            "cache-control", "pragma", "expires", "vary");

    /** What tells the instant a page would change by the clock alone; never later than {@code now + maxAge}. */
    public interface PageClock {
        Instant nextChange(Instant now);
    }

    record Key(String address, String language, boolean fragment) {}

    record Entry(byte[] body, String contentType, java.util.Locale locale, List<Map.Entry<String, String>> headers, String etag,
            long version, Instant validUntil) {}

    private final DataChanges changes;
    private final List<PageCacheHits> hitListeners;
    private final LocaleResolver locales;
    private final PageClock pageClock;
    private final Clock clock;
    private final Set<String> paths;
    private final Duration maxAge;
    private final long maxBytes;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Map<Key, CompletableFuture<Entry>> rendering = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final LongAdder renders = new LongAdder();
    private final LongAdder hits = new LongAdder();

    public AnonymousPageCache(DataChanges changes, List<PageCacheHits> hitListeners, LocaleResolver locales, PageClock pageClock,
            Clock clock, Set<String> paths, Duration maxAge, long maxBytes) {
        this.changes = changes;
        this.hitListeners = List.copyOf(hitListeners);
        this.locales = locales;
        this.pageClock = pageClock;
        this.clock = clock;
        this.paths = Set.copyOf(paths);
        this.maxAge = maxAge;
        this.maxBytes = maxBytes;
    }

    /** Pages rendered for the cache (counts that do not depend on load; tests read them). */
    long renders() {
        return renders.sum();
    }

    long hits() {
        return hits.sum();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !paths.contains(request.getRequestURI())
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null || hasSessionCookie(request);
    }

    private static boolean hasSessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (SESSION_COOKIES.contains(cookie.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        String address = query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
        if (address.length() > MAX_KEY_LENGTH) {
            chain.doFilter(request, response);
            return;
        }
        Key key = new Key(address, locales.resolveLocale(request).getLanguage(), request.getHeader("HX-Request") != null);
        Entry entry = valid(entries.get(key));
        for (int attempt = 0; entry == null; attempt++) {
            CompletableFuture<Entry> mine = new CompletableFuture<>();
            CompletableFuture<Entry> other = rendering.putIfAbsent(key, mine);
            if (other == null) {
                try {
                    render(key, request, response, chain, mine);
                } finally {
                    rendering.remove(key, mine);
                    mine.complete(null);
                }
                return;
            }
            // another request renders this page: take its copy, or (if it could not be kept) try once more
            entry = awaitOther(other);
            if (entry == null && attempt >= 1) {
                chain.doFilter(request, response);
                return;
            }
        }
        hits.increment();
        for (PageCacheHits listener : hitListeners) {
            try {
                listener.served(request);
            } catch (RuntimeException e) {
                logger.warn("after a cached page: " + e); // the visitor still gets the page
            }
        }
        send(entry, request, response);
    }

    private Entry valid(Entry entry) {
        return entry != null && entry.version() == changes.version() && clock.instant().isBefore(entry.validUntil()) ? entry : null;
    }

    private Entry awaitOther(CompletableFuture<Entry> other) {
        try {
            return valid(other.get(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    private void render(Key key, HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            CompletableFuture<Entry> result) throws ServletException, IOException {
        long version = changes.version();
        Instant started = clock.instant();
        renders.increment();
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, captured);
        if (captured.getStatus() != HttpServletResponse.SC_OK || !response.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()
                || request.getSession(false) != null) {
            if (logger.isTraceEnabled()) {
                logger.trace("not kept: " + key + " status " + captured.getStatus() + " cookies " + response.getHeaders(HttpHeaders.SET_COOKIE)
                        + " session " + (request.getSession(false) != null));
            }
            captured.copyBodyToResponse();
            return;
        }
        byte[] body = captured.getContentAsByteArray();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (!NOT_KEPT.contains(lower) && !lower.equals("content-type") && !lower.equals("content-language")) {
                response.getHeaders(name).forEach(value -> headers.add(Map.entry(name, value)));
            }
        }
        Instant until;
        try {
            until = pageClock.nextChange(started);
        } catch (RuntimeException e) {
            logger.warn("page not kept, its lifetime is unknown: " + e);
            until = started;
        }
        Instant latest = started.plus(maxAge);
        Entry entry = new Entry(body, response.getContentType(), response.getLocale(), List.copyOf(headers), etag(body, key), version, until.isBefore(latest) ? until : latest);
        if (changes.version() == version) { // nothing written while it was rendered: the copy is current
            store(key, entry);
            result.complete(entry);
        } else if (logger.isTraceEnabled()) {
            logger.trace("not kept: " + key + " written meanwhile");
        }
        if (logger.isTraceEnabled()) {
            logger.trace("rendered " + key + " valid until " + entry.validUntil() + " version " + version);
        }
        // this response itself: the same headers as a copy served later
        response.setHeader(HttpHeaders.ETAG, entry.etag());
        cacheHeaders(response);
        captured.copyBodyToResponse();
    }

    private void store(Key key, Entry entry) {
        Entry previous = entries.put(key, entry);
        long total = bytes.addAndGet(entry.body().length - (previous == null ? 0 : previous.body().length));
        if (total > maxBytes) {
            // over budget: drop stale copies first, then any, until three quarters are left
            evict(e -> valid(e) == null);
            evict(e -> true);
        }
    }

    private void evict(Function<Entry, Boolean> which) {
        for (Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator(); it.hasNext() && bytes.get() > maxBytes * 3 / 4;) {
            Map.Entry<Key, Entry> e = it.next();
            if (which.apply(e.getValue()) && entries.remove(e.getKey(), e.getValue())) {
                bytes.addAndGet(-e.getValue().body().length);
            }
        }
    }

    private static void send(Entry entry, HttpServletRequest request, HttpServletResponse response) throws IOException {
        for (Map.Entry<String, String> header : entry.headers()) {
            response.addHeader(header.getKey(), header.getValue());
        }
        response.setHeader(HttpHeaders.ETAG, entry.etag());
        cacheHeaders(response);
        if (entry.contentType() != null) {
            response.setContentType(entry.contentType());
        }
        response.setLocale(entry.locale());
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && (ifNoneMatch.contains(entry.etag()) || ifNoneMatch.trim().equals("*"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentLength(entry.body().length);
        response.getOutputStream().write(entry.body());
    }

    /**
     * A visitor's copy may be kept by the browser but must be revalidated every time (the ETag makes that a 304), never
     * by a shared cache, and only for the same cookies (a login) and language preference.
     */
    private static void cacheHeaders(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        response.setHeader(HttpHeaders.VARY, "Cookie, Accept-Language, HX-Request");
    }

    private static String etag(byte[] body, Key key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(key.language().getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return "\"" + HexFormat.of().formatHex(digest.digest(), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
