package dev.interviewcoach.testkit;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** One lock over a fake's recorded state that wakes every waiting test whenever that state changes. */
public final class StateMonitor {

    // One lock for all of a fake's state keeps the waiting obviously correct; contention does not matter at test
    // volumes. Waiters sleep on it until woken or timed out, never polling.
    private final Object lock = new Object();
    private final String owner;

    /** @param owner what the state belongs to, for messages, e.g. {@code the fake Slack} */
    public StateMonitor(String owner) {
        this.owner = owner;
    }

    /** Reads the state under the lock. */
    public <T> T read(Supplier<T> reader) {
        synchronized (lock) {
            return reader.get();
        }
    }

    /** Changes the state under the lock and wakes the waiters to look again. */
    public void update(Runnable change) {
        synchronized (lock) {
            change.run();
            lock.notifyAll();
        }
    }

    /** Like {@link #update(Runnable)} for a change that yields a result. */
    public <T> T updateAndGet(Supplier<T> change) {
        synchronized (lock) {
            T result = change.get();
            lock.notifyAll();
            return result;
        }
    }

    /** Wakes the waiters after a change they can see without the lock (a concurrent map, a socket's state). */
    public void wake() {
        update(() -> { });
    }

    /**
     * Waits until {@code condition}, evaluated under the lock after every change, holds; false on timeout.
     *
     * @throws AssertionError when the waiting thread is interrupted
     */
    public boolean waitUntil(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            try {
                while (!condition.getAsBoolean()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting on " + owner, e);
            }
        }
    }

    /**
     * Waits for the first of {@code items} (a collection this lock guards) that {@code match} accepts; empty on
     * timeout.
     */
    public <T> Optional<T> awaitFirst(Collection<? extends T> items, Predicate<? super T> match, Duration timeout) {
        AtomicReference<T> found = new AtomicReference<>();
        boolean arrived = waitUntil(() -> {
            for (T item : items) {
                if (match.test(item)) {
                    found.set(item);
                    return true;
                }
            }
            return false;
        }, timeout);
        return arrived ? Optional.of(found.get()) : Optional.empty();
    }
}
