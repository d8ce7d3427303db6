package dev.interviewcoach.engine;

import java.time.Duration;
import java.util.ArrayDeque;
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
 * <p>A lane whose queue is full does not turn work away at once: the work waits in a waiting room
 * shared by all lanes, bounded by a number of events and by their size, behind the lane's other
 * work and in the same order, and moves into the lane as its queue drains. Adapters record an
 * event durably before they hand it over, so what waits here is acknowledged and still safe if the
 * process stops. Only when the waiting room is full too is work turned away.
 *
 * <p>Each event has a time budget. A lane whose event runs past it is given a fresh thread, and
 * its queued work moves there, so one pathological event cannot silence everyone behind it; the
 * old thread is interrupted and, while it still runs, readiness says so.
 *
 * <p>{@code coach run} now runs its events on {@link PlaceQueues#forEvents}, where an event waiting
 * on the platform holds up nobody else's; these lanes remain for work that needs a fixed set of
 * threads and for the load harness's comparison ({@code --hashed-lanes=true}).
 */
public final class ConversationExecutor implements CoachEngine.Lanes, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConversationExecutor.class);

    /** How long one event may hold its lane. */
    public static final Duration BUDGET = Duration.ofSeconds(30);

    /** How long closing lets the lanes work through what they hold before interrupting them. */
    static final Duration STOP_WAIT = Duration.ofSeconds(5);
    /** How long work interrupted at a stop gets to end, after {@link #STOP_WAIT}. */
    static final Duration INTERRUPTED_WAIT = Duration.ofSeconds(5);

    /** How much may wait beyond the lanes' queues, by default: events, and their summed size. */
    public static final WaitingRoom WAITING_ROOM = new WaitingRoom(10_000, 16_000_000);

    /**
     * Room for work beyond the lanes' queues: at most {@code events} items whose sizes (the
     * characters each carries, so a flood of huge messages cannot fill the heap) sum to at most
     * {@code size}.
     */
    public record WaitingRoom(int events, long size) {
        /** No room: a full lane turns work away at once. */
        public static final WaitingRoom NONE = new WaitingRoom(0, 0);
    }

    private final List<Lane> lanes = new ArrayList<>();
    private final String name;
    private final int queuePerLane;
    private final Duration budget;
    private final WaitingRoom room;
    /** What waits across all lanes: events and summed size, changed under a lane's lock. */
    private final AtomicLong waitingEvents = new AtomicLong();
    private final AtomicLong waitingSize = new AtomicLong();
    private final AtomicLong turnedAway = new AtomicLong();
    private volatile boolean closed;
    private final AtomicLong lanesRenewed = new AtomicLong();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("coach-lanes-watchdog").unstarted(r));

    public ConversationExecutor(int lanes, int queuePerLane) {
        this(lanes, queuePerLane, WAITING_ROOM, BUDGET);
    }

    /**
     * Lanes whose threads are named {@code name-0}, {@code name-1}, ...: for work other than
     * handling events (sending replies), so a thread dump and the metrics tell them apart.
     */
    public ConversationExecutor(String name, int lanes, int queuePerLane) {
        this(name, lanes, queuePerLane, WAITING_ROOM, BUDGET);
    }

    /** With a given time budget per event (tests use a short one). */
    public ConversationExecutor(int lanes, int queuePerLane, Duration budget) {
        this(lanes, queuePerLane, WAITING_ROOM, budget);
    }

    /** With a given waiting room beyond the lanes' queues and time budget per event. */
    public ConversationExecutor(int lanes, int queuePerLane, WaitingRoom room, Duration budget) {
        this("coach-lane", lanes, queuePerLane, room, budget);
    }

    private ConversationExecutor(String name, int lanes, int queuePerLane, WaitingRoom room, Duration budget) {
        if (lanes < 1 || queuePerLane < 1) {
            throw new IllegalArgumentException("lanes and their queues need room for work: " + lanes + " lanes of "
                    + queuePerLane);
        }
        this.name = name;
        this.queuePerLane = queuePerLane;
        this.budget = budget;
        this.room = room;
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
        /** Work that found the queue full, oldest first; guarded by the lane's lock. */
        final ArrayDeque<Waiting> waiting = new ArrayDeque<>();

        Lane(int index) {
            this.index = index;
            this.pool = newPool();
        }

        ThreadPoolExecutor newPool() {
            String thread = name + "-" + index + (generation == 0 ? "" : "." + generation);
            generation++;
            return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queuePerLane),
                    r -> Thread.ofPlatform().daemon().name(thread).unstarted(r));
        }
    }

    /** Work in the waiting room, with the size it counts for. */
    private record Waiting(Runnable work, int size) {
    }

    /** When a lane's thread started the event it runs now (nanoTime), or 0 when idle. */
    private static final class Running {
        volatile long since;
        volatile Thread thread;
    }

    /** Queues the work in its conversation's lane, as {@link #submit(String, int, Runnable)} with size 0. */
    public boolean submit(String conversationKey, Runnable work) {
        return submit(conversationKey, 0, work);
    }

    /**
     * Queues the work in its conversation's lane, or, when that lane's queue is full, in the waiting
     * room behind the lane's other work; false when there is no room there either (or the executor
     * is closed). {@code size}: what the work holds in memory, in characters.
     */
    public boolean submit(String conversationKey, int size, Runnable work) {
        Lane lane = lanes.get(Math.floorMod(spread(conversationKey), lanes.size()));
        synchronized (lane) {
            if (closed) {
                return false;
            }
            // Behind anything already waiting for this lane, so a conversation's events keep their order.
            if (lane.waiting.isEmpty() && execute(lane, work)) {
                return true;
            }
            if (!roomFor(size)) {
                turnedAway.incrementAndGet();
                return false;
            }
            lane.waiting.add(new Waiting(work, size));
            return true;
        }
    }

    private boolean roomFor(int size) {
        if (waitingEvents.get() >= room.events() || waitingSize.get() + size > room.size()) {
            return false;
        }
        waitingEvents.incrementAndGet();
        waitingSize.addAndGet(size);
        return true;
    }

    /** Hands work to the lane's thread; false when its queue is full. */
    private boolean execute(Lane lane, Runnable work) {
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
                    moveWaitingIn(lane);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Moves waiting work into the lane's queue while it has room, oldest first. */
    private void moveWaitingIn(Lane lane) {
        synchronized (lane) {
            while (!closed && !lane.waiting.isEmpty() && execute(lane, lane.waiting.peek().work())) {
                Waiting moved = lane.waiting.poll();
                waitingEvents.decrementAndGet();
                waitingSize.addAndGet(-moved.size());
            }
        }
    }

    /**
     * Gives every lane whose event has run past the budget a fresh thread, moving its queued work
     * there; the stuck thread is interrupted and kept in sight until it ends.
     */
    void renewStuckLanes() {
        long now = System.nanoTime();
        for (Lane lane : lanes) {
            // Each finished event moves waiting work in; this is the backstop should one not have.
            moveWaitingIn(lane);
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
                log.warn("an event held lane {} for {} s, past its {} s budget; the {} items behind it move to a fresh"
                        + " thread", name + "-" + lane.index, Duration.ofNanos(now - since).toSeconds(), budget.toSeconds(), queued.size());
            }
        }
    }

    /**
     * For readiness: a lane whose event has not finished within the budget, while that lasts; or a
     * waiting room nine tenths full, so a balancer sends new events to another instance first.
     */
    public Optional<String> problem() {
        long waitingNow = waitingEvents.get();
        if (room.events() > 0 && (waitingNow * 10 >= room.events() * 9L || waitingSize.get() * 10 >= room.size() * 9)) {
            return Optional.of(waitingNow + " events are waiting for a lane (room for " + room.events()
                    + "); new ones are taken while there is room, then refused until it drains");
        }
        long now = System.nanoTime();
        for (Lane lane : lanes) {
            List<Running> all = new ArrayList<>(lane.abandoned);
            all.add(lane.current);
            for (Running running : all) {
                long since = running.since;
                if (since != 0 && now - since >= budget.toNanos()) {
                    return Optional.of("an event on lane " + lane.index + " of " + name + " has run for "
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

    /** Work queued, waiting or running, across lanes. */
    public int pending() {
        return lanes.stream().mapToInt(l -> l.pool.getQueue().size() + l.pool.getActiveCount()).sum() + waiting();
    }

    /** Work in the waiting room (its lane's queue was full when it came). */
    public int waiting() {
        return (int) waitingEvents.get();
    }

    /** How many times work was turned away: its lane's queue and the waiting room were full. */
    public long turnedAway() {
        return turnedAway.get();
    }

    /**
     * Stops taking work, drops what is in the waiting room, and lets the lanes work through their
     * queues for at most {@link #STOP_WAIT} in all before interrupting them: adapters recorded every
     * event, so whatever is left is handled on the next start.
     */
    @Override
    public void close() {
        closed = true;
        int dropped = 0;
        for (Lane lane : lanes) {
            synchronized (lane) {
                dropped += lane.waiting.size();
                lane.waiting.clear();
            }
        }
        waitingEvents.set(0);
        waitingSize.set(0);
        if (dropped > 0) {
            log.info("{}: stopping with {} items still waiting for a lane; they stay recorded for the next start", name, dropped);
        }
        watchdog.shutdownNow();
        lanes.forEach(l -> l.pool.shutdown());
        // One deadline for all lanes, not one each: eight lanes must not make a stop take eight times as long.
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        int unstarted = 0;
        List<ThreadPoolExecutor> interrupted = new ArrayList<>();
        for (Lane lane : lanes) {
            ThreadPoolExecutor pool = lane.pool;
            try {
                if (!pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    unstarted += pool.shutdownNow().size();
                    interrupted.add(pool);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unstarted += pool.shutdownNow().size();
            }
        }
        // Work interrupted in a platform call still writes what became of its replies (sent, or to try again):
        // it gets a moment to, so that what closes after the lanes (the database) is not gone under it.
        long interruptedDeadline = System.nanoTime() + INTERRUPTED_WAIT.toNanos();
        for (ThreadPoolExecutor pool : interrupted) {
            try {
                if (!pool.awaitTermination(Math.max(0, interruptedDeadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    log.warn("a lane of {} did not stop within {} s of being interrupted", name, INTERRUPTED_WAIT.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (unstarted > 0) {
            log.info("{}: stopped with {} queued items not started; they stay recorded for the next start", name, unstarted);
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
