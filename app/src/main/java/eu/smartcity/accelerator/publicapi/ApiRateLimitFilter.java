package eu.smartcity.accelerator.publicapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.github.bucket4j.ConsumptionProbe;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limit for /api/**: a token bucket per client address, refilled continuously at
 * {@code accelerator.api.requests-per-minute}. Over the limit: 429 with Retry-After and a problem
 * detail. On PostgreSQL the buckets are shared by all nodes ({@link ApiRateLimitBuckets}). The client address is
 * {@code getRemoteAddr()}: behind a trusted proxy Tomcat has already replaced it with the forwarded client's
 * ({@code server.tomcat.remoteip.internal-proxies}); from anyone else a forwarded header is ignored.
 */
@Component
public class ApiRateLimitFilter extends OncePerRequestFilter {

    private final int requestsPerMinute;
    private final ApiRateLimitBuckets buckets;
    private final ObjectMapper json;

    ApiRateLimitFilter(@Value("${accelerator.api.requests-per-minute}") int requestsPerMinute, ApiRateLimitBuckets buckets,
            ObjectMapper json) {
        this.requestsPerMinute = requestsPerMinute;
        this.buckets = buckets;
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
                "More than " + requestsPerMinute + " requests per minute from this address; retry after the indicated seconds.");
        problem.setTitle("Too Many Requests");
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", String.valueOf(Math.max(1, (waitMillis + 999) / 1000)));
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** 0 when a token was taken, otherwise how many milliseconds until one is available. */
    long tryAcquire(String client) {
        ConsumptionProbe probe = buckets.tryConsume(client);
        return probe.isConsumed() ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(probe.getNanosToWaitForRefill()));
    }

    /** Forgets every client's usage (tests; an operator after raising the limit). */
    public void reset() {
        buckets.reset();
    }
}
