package dev.interviewcoach.engine;

import dev.interviewcoach.chat.ChatPorts;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes what the inbox and outbox hold, in the background: at start, events a stopped process
 * left; then, every second, replies whose rate limit has passed or whose platform failed for a
 * while (handed to the delivery lanes, each place's in order), and events put aside. Closing it
 * delivers what it can within a bound and leaves the rest for the next start.
 */
public final class DeliveryWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    /** An event this old and still pending was left by its lane (a crash, an instance that died). */
    static final Duration LEFT = Duration.ofSeconds(30);

    /**
     * How many pending events a pass every second looks at, at most: under a backlog most are in
     * this process's hand already, and paging through all of them every second would take the CPU
     * the backlog needs. The pass at start looks at every one.
     */
    static final int LOOK_AT_EACH_PASS = 1_000;

    private final CoachEngine engine;
    private final ChatPorts ports;
    private final Duration drainFor;
    private final CoachEngine.Lanes lanes;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("coach-delivery").unstarted(r));

    /** {@code drainFor}: how long closing may spend delivering what is still due; left events run on its own thread. */
    public DeliveryWorker(CoachEngine engine, ChatPorts ports, Duration drainFor) {
        this(engine, ports, drainFor, CoachEngine.Lanes.callerRuns());
    }

    /** Left events go to {@code lanes} (the conversation lanes), in their conversations' order. */
    public DeliveryWorker(CoachEngine engine, ChatPorts ports, Duration drainFor, CoachEngine.Lanes lanes) {
        this.engine = engine;
        this.ports = ports;
        this.drainFor = drainFor;
        this.lanes = lanes;
    }

    /** Finishes what a stopped process left, then keeps delivering every {@code every}. */
    public DeliveryWorker start(Duration every) {
        timer.execute(() -> run(Duration.ZERO, Integer.MAX_VALUE));
        timer.scheduleWithFixedDelay(() -> run(LEFT, LOOK_AT_EACH_PASS), every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    private void run(Duration age, int atMost) {
        try {
            int handled = engine.handleLeftEvents(ports, age, lanes, atMost);
            int places = engine.handOverDue(ports);
            if (handled > 0 || places > 0) {
                log.info("took up {} waiting events, and the waiting replies of {} places", handled, places);
            }
        } catch (RuntimeException e) {
            log.warn("background delivery failed; trying again shortly: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(drainFor.toMillis(), TimeUnit.MILLISECONDS);
            long deadline = System.nanoTime() + drainFor.toNanos();
            while (System.nanoTime() < deadline && engine.deliverDue(ports) > 0) {
                // keep going while replies still go out
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("could not deliver every waiting reply before stopping; the next start will: {}", e.toString());
        }
    }
}
