package eu.smartcity.accelerator.publicapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limit for /api/**: a token bucket per client address, refilled continuously at
 * {@code accelerator.api.requests-per-minute}. Over the limit: 429 with Retry-After and a problem
 * detail. Per node and in memory: enough to stop one client from flooding a node; put a shared
 * limiter in the reverse proxy for a cluster-wide budget.
 */
@Component
public class ApiRateLimitFilter extends OncePerRequestFilter {

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final double capacity;
    private final double tokensPerMilli;
    private final Clock clock;
    private final ObjectMapper json;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long lastRefill;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.lastRefill = now;
        }
    }

    ApiRateLimitFilter(@Value("${accelerator.api.requests-per-minute}") int requestsPerMinute, ObjectMapper json) {
        this.capacity = requestsPerMinute;
        this.tokensPerMilli = requestsPerMinute / 60_000.0;
        this.clock = Clock.systemUTC();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // the guided marketplace search is a public page that runs a decision per candidate: limited like the API
        return !(path.startsWith("/api/") || path.equals("/marketplace/guided"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long waitMillis = tryAcquire(request.getRemoteAddr());
        if (waitMillis == 0) {
            chain.doFilter(request, response);
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "More than " + (int) capacity + " requests per minute from this address; retry after the indicated seconds.");
        problem.setTitle("Too Many Requests");
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", String.valueOf(Math.max(1, (waitMillis + 999) / 1000)));
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** 0 when a token was taken, otherwise how many milliseconds until one is available. */
    long tryAcquire(String client) {
        long now = clock.millis();
        if (buckets.size() > MAX_TRACKED_CLIENTS) {
            buckets.clear(); // bounded memory under an address-spraying flood; everyone starts full again
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.lastRefill) * tokensPerMilli);
            bucket.lastRefill = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - bucket.tokens) / tokensPerMilli);
        }
    }

    /** Forgets every client's usage (tests; an operator after raising the limit). */
    public void reset() {
        buckets.clear();
    }
}
