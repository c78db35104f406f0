package eu.smartcity.accelerator.application.web;

import eu.smartcity.accelerator.shared.Turns;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code runningAtOnce} portal submissions ({@code POST /challenges/{id}/apply}) are worked on at once; the
 * others wait for their turn in the order they arrived (a fair semaphore). On two cores fifty submissions worked on
 * together share the processors, so each takes about fifty times its own work and the slowest far longer; taken in
 * turn, they finish in arrival order at the same rate (issue 19, the deadline rush; docs/settings.md).
 *
 * <p>It stands before Spring Session and Spring Security, so a waiting request costs no processor time. One that
 * has waited {@code maxWait} is not refused here: it goes on marked {@link #turnedAway turned away}, and the apply
 * page shows the form again with the input kept, saying to send it again ({@code apply.busy}, status 503). The time
 * it arrived is kept ({@link #arrivedAt}): waiting for its turn never makes a submission late.
 */
final class SubmissionAdmission extends OncePerRequestFilter {

    private static final Pattern SUBMISSION = Pattern.compile("/challenges/[^/]+/apply");
    private static final String ARRIVED_AT = SubmissionAdmission.class.getName() + ".arrivedAt";
    private static final String TURNED_AWAY = SubmissionAdmission.class.getName() + ".turnedAway";

    private final Turns turns;
    private final Clock clock;

    SubmissionAdmission(int runningAtOnce, Duration maxWait, Clock clock) {
        this.turns = new Turns(runningAtOnce, maxWait);
        this.clock = clock;
    }

    /**
     * The default bound: enough to keep every processor busy while most submissions wait for a database round trip (about
     * 28 per submission; with twice the processors a loaded machine lost a fifth to two fifths of the rate, with four
     * times under a tenth to a sixth: performance.md, "Deadline rush: submissions in turn").
     */
    static int defaultRunningAtOnce() {
        return 4 * Runtime.getRuntime().availableProcessors();
    }

    int runningAtOnce() {
        return turns.atOnce();
    }

    /** The turns themselves: a test takes them all to see what a submission that waits too long is told. */
    Turns turns() {
        return turns;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !SUBMISSION.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(ARRIVED_AT, clock.instant());
        if (!turns.take()) {
            request.setAttribute(TURNED_AWAY, Boolean.TRUE);
            chain.doFilter(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            turns.release();
        }
    }

    /** The submission waited longer than allowed for its turn: nothing may be stored, the form comes back. */
    static boolean turnedAway(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(TURNED_AWAY));
    }

    /** When the submission reached the server, before any waiting; now for a request that did not pass here. */
    static Instant arrivedAt(HttpServletRequest request, Clock clock) {
        return request.getAttribute(ARRIVED_AT) instanceof Instant arrived ? arrived : clock.instant();
    }
}
