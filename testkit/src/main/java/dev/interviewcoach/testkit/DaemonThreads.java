package dev.interviewcoach.testkit;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Threads for a fake's servers that never keep the test JVM alive. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** A factory of daemon threads named {@code prefix} and a counter, e.g. {@code fake-slack-http-1}. */
    public static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + n.incrementAndGet());
            // Daemon so a test that forgets close() cannot keep the JVM (and surefire) alive.
            thread.setDaemon(true);
            return thread;
        };
    }
}
