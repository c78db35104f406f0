package eu.smartcity.accelerator.shared;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code atOnce} pieces of the same work at once; the others wait their turn in the order they came (a fair
 * semaphore), at most {@code maxWait}. Work that shares two cores is processor-shared: taken in turn, it finishes in
 * arrival order at the same rate instead of each taking everyone's time (PDF inspections, catalogue searches, portal
 * submissions; docs/settings.md).
 */
public final class Turns {

    private final Semaphore turns;
    private final int atOnce;
    private final Duration maxWait;

    public Turns(int atOnce, Duration maxWait) {
        if (atOnce < 1 || maxWait.isNegative()) {
            throw new IllegalArgumentException("At least one at once and a wait that is not negative, not " + atOnce + ", " + maxWait);
        }
        this.turns = new Semaphore(atOnce, true);
        this.atOnce = atOnce;
        this.maxWait = maxWait;
    }

    /** Waits for a turn, at most the wait; false when none came (or the thread was interrupted, which stays flagged). */
    public boolean take() {
        try {
            return turns.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Gives back a turn {@link #take} gave. */
    public void release() {
        turns.release();
    }

    public int atOnce() {
        return atOnce;
    }

    public Duration maxWait() {
        return maxWait;
    }

    /** Turns free now. */
    public int free() {
        return turns.availablePermits();
    }

    /** Work waiting for its turn now (an estimate, as {@link Semaphore#getQueueLength()}). */
    public int waiting() {
        return turns.getQueueLength();
    }
}
