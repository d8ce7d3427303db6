package dev.interviewcoach.app;

import java.util.List;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and Ctrl-C (SIGINT) stop {@code coach run} before the JVM's own shutdown begins, rather than through a
 * shutdown hook. Hooks run all at once, and ONNX Runtime's releases the sentence model's native environment: an
 * answer being judged, or the model loading, while the coach drained its work in a hook of its own could crash the
 * JVM on its way out (it did, with the model loading). Handled here, the coach closes everything first and the
 * process then exits, running the hooks with nothing left inside the model.
 */
final class StopSignals {

    private static final Logger log = LoggerFactory.getLogger(StopSignals.class);
    private static final List<String> STOPPING = List.of("TERM", "INT");

    private StopSignals() {
    }

    /**
     * Runs {@code stop} (which must return at once) when the process is told to stop. Returns false where this
     * JVM does not let them be handled (another platform, or {@code -Xrs}); the caller's shutdown hook then stops it.
     */
    static boolean install(Runnable stop) {
        return install(exitCode -> stop.run());
    }

    /**
     * As {@link #install(Runnable)}, telling {@code stop} the exit code a shell expects of a process ended by that
     * signal (128 and its number: 130 for Ctrl-C, 143 for SIGTERM).
     */
    static boolean install(IntConsumer stop) {
        for (String name : STOPPING) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    log.info("SIG{} received", signal.getName());
                    stop.accept(128 + signal.getNumber());
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                log.debug("SIG{} cannot be handled here; a shutdown hook stops the coach instead", name, e);
                return false;
            }
        }
        return true;
    }
}
