package eu.smartcity.accelerator.application.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletResponse;

/** The bound on submissions worked on at once, without the application around it. */
class SubmissionAdmissionTest {

    static MockHttpServletRequest submission() {
        return new MockHttpServletRequest("POST", "/challenges/6f1c1b8e-0000-4000-8000-000000000001/apply");
    }

    /** A servlet standing for the submission's work: runs {@code work} with the request. */
    static MockFilterChain chain(java.util.function.Consumer<HttpServletRequest> work) {
        return new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) {
                work.accept(request);
            }
        });
    }

    @Test
    void neverMoreSubmissionsAtWorkThanTheBoundHowManyEverArrive() throws Exception {
        SubmissionAdmission admission = new SubmissionAdmission(3, Duration.ofSeconds(30), Clock.systemUTC());
        AtomicInteger atWork = new AtomicInteger();
        AtomicInteger mostAtWork = new AtomicInteger();
        AtomicInteger turnedAway = new AtomicInteger();
        int clients = 24;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                go.await();
                for (int n = 0; n < 5; n++) {
                    admission.doFilter(submission(), new MockHttpServletResponse(), chain(request -> {
                        if (SubmissionAdmission.turnedAway(request)) {
                            turnedAway.incrementAndGet();
                            return;
                        }
                        mostAtWork.accumulateAndGet(atWork.incrementAndGet(), Math::max);
                        sleep(5);
                        atWork.decrementAndGet();
                    }));
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(mostAtWork.get()).isEqualTo(3); // never more, and the bound is used
        assertThat(turnedAway.get()).isZero();
        assertThat(admission.turns().free()).isEqualTo(3); // every turn given back
    }

    @Test
    void oneThatWaitedTooLongGoesOnTurnedAwayWithTheTimeItArrived() throws Exception {
        Instant arrival = Instant.parse("2026-12-06T11:59:59Z");
        SubmissionAdmission admission = new SubmissionAdmission(1, Duration.ofMillis(50), Clock.fixed(arrival, ZoneOffset.UTC));
        assertThat(admission.turns().take()).isTrue(); // another submission at work
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();

        admission.doFilter(submission(), new MockHttpServletResponse(), chain(seen::set));

        assertThat(seen.get()).isNotNull();
        assertThat(SubmissionAdmission.turnedAway(seen.get())).isTrue();
        assertThat(SubmissionAdmission.arrivedAt(seen.get(), Clock.systemUTC())).isEqualTo(arrival);
        admission.turns().release();
        admission.doFilter(submission(), new MockHttpServletResponse(), chain(seen::set));
        assertThat(SubmissionAdmission.turnedAway(seen.get())).isFalse();
        assertThat(admission.turns().free()).isEqualTo(1);
    }

    @Test
    void otherRequestsDoNotWait() throws Exception {
        SubmissionAdmission admission = new SubmissionAdmission(1, Duration.ofSeconds(30), Clock.systemUTC());
        assertThat(admission.turns().take()).isTrue();
        AtomicInteger served = new AtomicInteger();
        for (MockHttpServletRequest other : List.of(new MockHttpServletRequest("GET", "/challenges/6f1c1b8e/apply"),
                new MockHttpServletRequest("POST", "/challenges/6f1c1b8e/draft"), new MockHttpServletRequest("POST", "/applications/x/withdraw"))) {
            admission.doFilter(other, new MockHttpServletResponse(), chain(request -> {
                assertThat(SubmissionAdmission.turnedAway(request)).isFalse();
                served.incrementAndGet();
            }));
        }
        assertThat(served.get()).isEqualTo(3);
    }

    @Test
    void theDefaultKeepsEveryProcessorBusy() {
        assertThat(SubmissionAdmission.defaultRunningAtOnce()).isGreaterThanOrEqualTo(Runtime.getRuntime().availableProcessors());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
