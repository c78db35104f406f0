package eu.smartcity.accelerator.attachments.internal;

import java.io.IOException;
import java.time.Duration;

/**
 * The wall-time bound of one inspection, checked by the code doing the work (pre-scan loops, the sink that
 * counts decompressed bytes, every read PDFBox makes): a thread that is past its deadline, or was
 * interrupted because the request gave up on it, stops at its next check instead of running on.
 */
public final class Deadline {

    private final long endNanos;
    private final Duration budget;

    public Deadline(Duration budget) {
        this.budget = budget;
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    public boolean passed() {
        return System.nanoTime() - endNanos > 0 || Thread.currentThread().isInterrupted();
    }

    public void check() throws Passed {
        if (passed()) {
            throw new Passed();
        }
    }

    public Duration budget() {
        return budget;
    }

    /** Thrown from inside the work; an IOException so that it passes through PDFBox's read methods. */
    public static final class Passed extends IOException {
        Passed() {
            super("inspection deadline passed", null);
        }
    }
}
