package dev.interviewcoach.engine;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How many events may run engine work at once (judging, rendering, writing): about the number of
 * cores' worth, so the work does not thrash. An event that waits on a platform (Discord making a
 * thread, Slack posting) gives its place up meanwhile, so other people's events run instead of
 * waiting behind that call.
 *
 * <p>The bound is for throughput, not for correctness: an event back from the platform takes its
 * place again if one comes free soon, and otherwise goes on without one, so an event can never
 * wait for a place that events blocked on it (on its conversation's lock) hold.
 */
final class WorkGate {

    /** How long an event back from the platform waits for a place before it goes on without one. */
    static final long BORROW_AFTER_MILLIS = 50;

    private final Semaphore places;
    private final ThreadLocal<Boolean> holds = ThreadLocal.withInitial(() -> Boolean.FALSE);

    WorkGate(int places) {
        if (places < 1) {
            throw new IllegalArgumentException("the engine needs at least one place for work, not " + places);
        }
        this.places = new Semaphore(places, true);
    }

    /** Takes a place for the work about to run on this thread, waiting for one; false if interrupted (a stop). */
    boolean enter() {
        try {
            places.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        holds.set(Boolean.TRUE);
        return true;
    }

    /** Gives this thread's place back, if it holds one. */
    void leave() {
        if (holds.get()) {
            holds.set(Boolean.FALSE);
            places.release();
        }
    }

    /** Runs a call that waits on a platform without holding a place; a thread that holds none just runs it. */
    <T> T whileWaiting(Supplier<T> call) {
        if (!holds.get()) {
            return call.get();
        }
        leave();
        try {
            return call.get();
        } finally {
            enterSoon();
        }
    }

    private void enterSoon() {
        try {
            if (places.tryAcquire(BORROW_AFTER_MILLIS, TimeUnit.MILLISECONDS)) {
                holds.set(Boolean.TRUE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // past its budget or stopping: it ends without a place
        }
    }

    /** Places free now: for tests. */
    int free() {
        return places.availablePermits();
    }
}
