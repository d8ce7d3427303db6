package dev.interviewcoach.testkit;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a fake's HTTP answers a set time after the call came, as the real platforms' answers take 100-300 ms: from a
 * timer, so a slow answer holds none of the fake server's few threads. Zero (the default) answers at once.
 */
public final class LateAnswers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LateAnswers.class);

    /** Writes one answer to its exchange. */
    @FunctionalInterface
    public interface Answer {
        void send() throws IOException;
    }

    private final String fake;
    private final ScheduledExecutorService timer;
    private volatile Duration latency = Duration.ZERO;

    /** For the fake named {@code fake} (e.g. {@code slack}), whose timer thread is named after it. */
    public LateAnswers(String fake) {
        this.fake = fake;
        this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("fake-" + fake + "-late-"));
    }

    /** Answers every call this much after it arrives from now on. */
    public void after(Duration latency) {
        this.latency = latency;
    }

    /** Sends the answer now, or after the latency from the timer. */
    public void send(Answer answer) throws IOException {
        Duration wait = latency;
        if (wait.isZero()) {
            answer.send();
            return;
        }
        timer.schedule(() -> {
            try {
                answer.send();
            } catch (IOException e) {
                LOG.debug("fake {} could not send a late answer: {}", fake, e.toString());
            }
        }, wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
