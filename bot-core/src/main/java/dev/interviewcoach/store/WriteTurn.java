package dev.interviewcoach.store;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The turn this process's writers take for SQLite's one writer at a time, with how long they have waited for it
 * and held it: held for most of every second, it is what bounds the process, and the sign to move to PostgreSQL.
 */
public final class WriteTurn {

    /*
     * SQLite makes a second writer wait in its busy handler, which sleeps 1 to 100 ms between tries, so a lock free
     * after a fraction of a millisecond could cost a waiter 50; writers queue here instead.
     */
    private final ReentrantLock lock = new ReentrantLock();
    private final LongAdder turns = new LongAdder();
    private final LongAdder nanosWaited = new LongAdder();
    private final LongAdder nanosHeld = new LongAdder();
    /** When the holder took the turn; written and read by the holder alone. */
    private long heldSince;

    WriteTurn() {
    }

    /** Waits for the turn; a thread that holds it already holds it once more. */
    void take() {
        long asked = System.nanoTime();
        lock.lock();
        if (lock.getHoldCount() == 1) {
            long now = System.nanoTime();
            nanosWaited.add(now - asked);
            turns.increment();
            heldSince = now;
        }
    }

    /** Gives the turn back once, if this thread holds it. */
    void giveBack() {
        if (!lock.isHeldByCurrentThread()) {
            return;
        }
        if (lock.getHoldCount() == 1) {
            nanosHeld.add(System.nanoTime() - heldSince);
        }
        lock.unlock();
    }

    /** Turns taken since the process opened the database. */
    public long turns() {
        return turns.sum();
    }

    /** Seconds writers have spent waiting for the turn, all of them together. */
    public double secondsWaited() {
        return nanosWaited.sum() / (double) TimeUnit.SECONDS.toNanos(1);
    }

    /** Seconds the turn has been held; its rate is the share of the time some writer held it. */
    public double secondsHeld() {
        return nanosHeld.sum() / (double) TimeUnit.SECONDS.toNanos(1);
    }

    /** Writers waiting for the turn now (an estimate, as the lock gives it). */
    public int waiting() {
        return lock.getQueueLength();
    }
}
