package dev.interviewcoach.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs engine work off the platform's request thread, so adapters acknowledge at once. Work is
 * spread over a fixed number of lanes by conversation, each lane one thread with a bounded queue:
 * events of one conversation run in the order they came, and a flood fills queues instead of
 * memory.
 *
 * <p>Each event has a time budget. A lane whose event runs past it is given a fresh thread, and
 * its queued work moves there, so one pathological event cannot silence everyone behind it; the
 * old thread is interrupted and, while it still runs, readiness says so.
 */
public final class ConversationExecutor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConversationExecutor.class);

    /** How long one event may hold its lane. */
    public static final Duration BUDGET = Duration.ofSeconds(30);

    private final List<Lane> lanes = new ArrayList<>();
    private final int queuePerLane;
    private final Duration budget;
    private final AtomicLong lanesRenewed = new AtomicLong();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("coach-lane-watchdog").unstarted(r));

    public ConversationExecutor(int lanes, int queuePerLane) {
        this(lanes, queuePerLane, BUDGET);
    }

    /** With a given time budget per event (tests use a short one). */
    public ConversationExecutor(int lanes, int queuePerLane, Duration budget) {
        this.queuePerLane = queuePerLane;
        this.budget = budget;
        for (int i = 0; i < lanes; i++) {
            this.lanes.add(new Lane(i));
        }
        long every = Math.max(100, budget.toMillis() / 6);
        watchdog.scheduleWithFixedDelay(this::renewStuckLanes, every, every, TimeUnit.MILLISECONDS);
    }

    /** One lane: a single thread, replaced when an event holds it past the budget. */
    private final class Lane {
        final int index;
        volatile ThreadPoolExecutor pool;
        /** Threads replaced while running an event past the budget, kept in sight until they end. */
        final List<Running> abandoned = new CopyOnWriteArrayList<>();
        volatile Running current = new Running();
        int generation;

        Lane(int index) {
            this.index = index;
            this.pool = newPool();
        }

        ThreadPoolExecutor newPool() {
            String name = "coach-lane-" + index + (generation == 0 ? "" : "." + generation);
            generation++;
            return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queuePerLane),
                    r -> Thread.ofPlatform().daemon().name(name).unstarted(r));
        }
    }

    /** When a lane's thread started the event it runs now (nanoTime), or 0 when idle. */
    private static final class Running {
        volatile long since;
        volatile Thread thread;
    }

    /** Queues the work in its conversation's lane; false when that lane is full. */
    public boolean submit(String conversationKey, Runnable work) {
        Lane lane = lanes.get(Math.floorMod(spread(conversationKey), lanes.size()));
        try {
            lane.pool.execute(() -> {
                Running running = lane.current;
                running.thread = Thread.currentThread();
                running.since = System.nanoTime();
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("engine work failed", e);
                } finally {
                    running.since = 0;
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /**
     * Gives every lane whose event has run past the budget a fresh thread, moving its queued work
     * there; the stuck thread is interrupted and kept in sight until it ends.
     */
    void renewStuckLanes() {
        long now = System.nanoTime();
        for (Lane lane : lanes) {
            lane.abandoned.removeIf(r -> r.since == 0);
            Running running = lane.current;
            long since = running.since;
            if (since == 0 || now - since < budget.toNanos()) {
                continue;
            }
            synchronized (lane) {
                ThreadPoolExecutor old = lane.pool;
                lane.current = new Running();
                lane.pool = lane.newPool();
                List<Runnable> queued = new ArrayList<>();
                old.getQueue().drainTo(queued);
                // Recorded before the work moves, so whatever runs next already sees the renewal and the stuck event.
                lane.abandoned.add(running);
                lanesRenewed.incrementAndGet();
                queued.forEach(lane.pool::execute);
                old.shutdown();
                Thread stuck = running.thread;
                if (stuck != null) {
                    stuck.interrupt();
                }
                log.warn("an event held lane {} for {} s, past its {} s budget; the {} events behind it move to a fresh"
                        + " thread", lane.index, Duration.ofNanos(now - since).toSeconds(), budget.toSeconds(), queued.size());
            }
        }
    }

    /** For readiness: a lane whose event has not finished within the budget, while that lasts. */
    public Optional<String> problem() {
        long now = System.nanoTime();
        for (Lane lane : lanes) {
            List<Running> all = new ArrayList<>(lane.abandoned);
            all.add(lane.current);
            for (Running running : all) {
                long since = running.since;
                if (since != 0 && now - since >= budget.toNanos()) {
                    return Optional.of("an event on lane " + lane.index + " has run for "
                            + Duration.ofNanos(now - since).toSeconds() + " s (budget " + budget.toSeconds()
                            + " s); its lane's other work moved on");
                }
            }
        }
        return Optional.empty();
    }

    /** How many times a lane got a fresh thread because an event ran past its budget. */
    public long lanesRenewed() {
        return lanesRenewed.get();
    }

    /** Work queued or running, across lanes. */
    public int pending() {
        return lanes.stream().mapToInt(l -> l.pool.getQueue().size() + l.pool.getActiveCount()).sum();
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        lanes.forEach(l -> l.pool.shutdown());
        for (Lane lane : lanes) {
            ThreadPoolExecutor pool = lane.pool;
            try {
                if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pool.shutdownNow();
            }
        }
    }

    /**
     * The key's hash with its bits mixed. Keys that repeat a part (a DM "D" + user id, then "/" +
     * the same user id) can cancel out in {@link String#hashCode} modulo a power of two, which put
     * every such conversation in one lane; mixing spreads them.
     */
    static int spread(String key) {
        int h = key.hashCode();
        h ^= h >>> 16;
        h *= 0x7feb352d;
        h ^= h >>> 15;
        h *= 0x846ca68b;
        h ^= h >>> 16;
        return h;
    }
}
