package dev.interviewcoach.engine;

import dev.interviewcoach.chat.ChatPort;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each place's work one item after another, places side by side on a shared set of threads:
 * for sending replies, where most of the time is spent waiting for the platform, and for the
 * coach's events ({@link #forEvents}), each conversation a place, where a bound on the engine work
 * running at once leaves out an event while it waits on the platform.
 *
 * <p>Unlike {@link ConversationExecutor}, whose lanes are chosen by a hash, no place waits behind
 * another place's work while a thread is free; with every thread busy, places take their turns in
 * the order their work came, and a place with much to send goes to the back after a few items. At
 * most {@code threads} items run at once (replies in flight), which is also what bounds the calls
 * one process makes to a platform side by side. Threads are started as work comes and end after a
 * minute idle.
 *
 * <p>An item that runs past its time budget is interrupted, its place's later work moves on
 * without it, and its thread no longer counts against the bound while it still runs; readiness says
 * so until it ends.
 */
public final class PlaceQueues implements CoachEngine.Lanes, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PlaceQueues.class);

    /** Items a place runs before the places waiting behind it get a thread. */
    static final int TURN = 8;

    private final String name;
    private final int capacity;
    /** The summed size of the items queued or running may not pass this (characters, for events). */
    private final long maxSize;
    private final AtomicLong pendingSize = new AtomicLong();
    /** For engine work: how many items run it at once, an item waiting on a platform not counted; else null. */
    private final WorkGate gate;
    /** Run before an event's call to a platform (see {@link #forEvents(int, int, Runnable)}). */
    private Runnable beforeWaiting = () -> { };
    private final Duration budget;
    private final ThreadPoolExecutor pool;
    /** A place is here while it has work queued or running; all changes to a place's queue go through compute. */
    private final ConcurrentHashMap<String, PlaceQueue> places = new ConcurrentHashMap<>();
    private final Set<Running> running = ConcurrentHashMap.newKeySet();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong turnedAway = new AtomicLong();
    private final AtomicLong overBudget = new AtomicLong();
    /** Threads still running an item past its budget: each widens the pool by one while it lasts. */
    private int stuckThreads;
    private final int threads;
    private volatile boolean closed;
    /** Set once the stop's wait is over: nothing more is started. */
    private volatile boolean stopNow;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("coach-send-watchdog").unstarted(r));

    /**
     * At most {@code threads} items at once, named {@code name-1}, {@code name-2}, ...; at most
     * {@code capacity} items queued or running in all (beyond that, {@link #submit} says no and the
     * caller does the work itself).
     */
    public PlaceQueues(String name, int threads, int capacity) {
        this(name, threads, capacity, ConversationExecutor.BUDGET);
    }

    /** With a given time budget per item (tests use a short one). */
    public PlaceQueues(String name, int threads, int capacity, Duration budget) {
        this(name, threads, capacity, Long.MAX_VALUE, budget, 0);
    }

    /**
     * For events: each conversation's events one after another, conversations side by side on up
     * to {@code threads} threads, of which at most {@code working} run engine work at once (about
     * the cores' worth); an event waiting on a platform through {@link #portFor} does not count
     * meanwhile, so a burst of interview starts waiting on Discord holds no one else's answer up.
     * At most {@code capacity} events, whose sizes sum to at most {@code maxSize}, queued or running.
     */
    public PlaceQueues(String name, int threads, int working, int capacity, long maxSize) {
        this(name, threads, capacity, maxSize, ConversationExecutor.BUDGET, working);
    }

    /**
     * The coach's event queues, named {@code coach-lane-N}: {@code working} events run engine work at once on up to
     * {@code threads} threads, with room for as many events (and of the same summed size) as the hashed lanes and
     * their waiting room had.
     */
    public static PlaceQueues forEvents(int working, int threads) {
        return forEvents(working, threads, () -> { });
    }

    /**
     * As above, with {@code beforeWaiting} run on an event's thread before each of its calls to a platform: the
     * database lets go of the connection of a unit of work that has not begun writing, so an event waiting on
     * Discord holds none.
     */
    public static PlaceQueues forEvents(int working, int threads, Runnable beforeWaiting) {
        PlaceQueues queues = new PlaceQueues("coach-lane", Math.max(working, threads), working,
                working * 256 + ConversationExecutor.WAITING_ROOM.events(), ConversationExecutor.WAITING_ROOM.size());
        queues.beforeWaiting = beforeWaiting;
        return queues;
    }

    /**
     * Threads that may hold the coach's events at once: many more than run engine work, since most of those
     * beyond it wait on a platform (an interview start waiting for Discord's thread) and hold neither a place
     * for work nor a database connection meanwhile.
     */
    public static final int EVENT_THREADS = 64;

    PlaceQueues(String name, int threads, int capacity, long maxSize, Duration budget, int working) {
        if (threads < 1 || capacity < 1 || maxSize < 1) {
            throw new IllegalArgumentException("place queues need threads and room for work: " + threads
                    + " threads, room for " + capacity);
        }
        this.name = name;
        this.threads = threads;
        this.capacity = capacity;
        this.maxSize = maxSize;
        this.gate = working > 0 ? new WorkGate(working) : null;
        this.budget = budget;
        AtomicInteger numbered = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> Thread.ofPlatform().daemon().name(name + "-" + numbered.incrementAndGet()).unstarted(r));
        pool.allowCoreThreadTimeOut(true);
        long every = Math.max(50, budget.toMillis() / 6);
        watchdog.scheduleWithFixedDelay(this::interruptOverBudget, every, every, TimeUnit.MILLISECONDS);
    }

    /** One place's queue while it has work; run by one thread at a time. */
    private final class PlaceQueue implements Runnable {
        final String key;
        /** Guarded by the map's lock on {@link #key} (taken by compute). */
        final ArrayDeque<Item> items = new ArrayDeque<>(2);
        /** Set when the watchdog moved this place's work on while an item ran past its budget. */
        volatile boolean abandoned;

        PlaceQueue(String key) {
            this.key = key;
        }

        @Override
        public void run() {
            // Past its turn, a place goes to the back; at a stop there is no back to go to, so it goes on here.
            for (int done = 0; done < TURN || closed; done++) {
                if (stopNow) {
                    drop(this); // the stop's wait is over: not started, so the outbox keeps it for the next deliverer
                    return;
                }
                Item next = take(this);
                if (next == null) {
                    return;
                }
                runItem(this, next);
                if (abandoned) {
                    return; // its work went on on another thread
                }
            }
            schedule(this); // more to do: behind the places that waited meanwhile
        }
    }

    /** Work queued for a place, and its size. */
    private record Item(Runnable work, int size) {
    }

    /** An item running now: its thread, when it started and for which place. */
    private static final class Running {
        final Thread thread = Thread.currentThread();
        final long since = System.nanoTime();
        final PlaceQueue place;
        /** Guarded by this: whether the watchdog interrupted the item, and whether it ended (none after that). */
        boolean interrupted;
        boolean ended;

        Running(PlaceQueue place) {
            this.place = place;
        }
    }

    /**
     * Queues the work behind its place's earlier work; false when {@code capacity} items are
     * already queued or running, their sizes would sum past the bound, or the queues are closed.
     */
    @Override
    public boolean submit(String place, int size, Runnable work) {
        if (closed) {
            return false;
        }
        if (pending.incrementAndGet() > capacity) {
            pending.decrementAndGet();
            turnedAway.incrementAndGet();
            return false;
        }
        if (pendingSize.addAndGet(size) > maxSize) {
            pendingSize.addAndGet(-size);
            pending.decrementAndGet();
            turnedAway.incrementAndGet();
            return false;
        }
        Item item = new Item(work, size);
        PlaceQueue[] started = new PlaceQueue[1];
        places.compute(place, (key, queue) -> {
            if (queue == null) {
                queue = new PlaceQueue(key);
                started[0] = queue;
            }
            queue.items.add(item);
            return queue;
        });
        if (started[0] != null) {
            schedule(started[0]);
        }
        return true;
    }

    /** The place's next item, or null, the place then leaving the map (with nothing queued) in the same step. */
    private Item take(PlaceQueue queue) {
        Item[] next = new Item[1];
        places.computeIfPresent(queue.key, (key, current) -> {
            if (current != queue) {
                return current; // abandoned meanwhile: the place's work is another queue's now
            }
            next[0] = queue.items.poll();
            return next[0] == null ? null : queue;
        });
        return next[0];
    }

    private void schedule(PlaceQueue queue) {
        try {
            pool.execute(queue);
        } catch (RejectedExecutionException e) {
            // Closing: what the place still holds is not started; it stays recorded for whoever delivers next.
            drop(queue);
        }
    }

    private void drop(PlaceQueue queue) {
        int[] dropped = new int[1];
        long[] droppedSize = new long[1];
        places.computeIfPresent(queue.key, (key, current) -> {
            if (current != queue) {
                return current;
            }
            dropped[0] = queue.items.size();
            queue.items.forEach(item -> droppedSize[0] += item.size());
            return null;
        });
        pending.addAndGet(-dropped[0]);
        pendingSize.addAndGet(-droppedSize[0]);
    }

    private void runItem(PlaceQueue queue, Item item) {
        // Before its budget starts: the budget is for the work, not for the wait for a place. Interrupted while
        // waiting, the queues are stopping: the item is not started, and stays recorded for whoever runs it next.
        if (gate != null && !gate.enter()) {
            pending.decrementAndGet();
            pendingSize.addAndGet(-item.size());
            return;
        }
        Running now = new Running(queue);
        running.add(now);
        try {
            item.work().run();
        } catch (RuntimeException e) {
            log.error("{}: work for {} failed", name, queue.key, e);
        } finally {
            if (gate != null) {
                gate.leave();
            }
            running.remove(now);
            pending.decrementAndGet();
            pendingSize.addAndGet(-item.size());
            boolean wasInterrupted;
            synchronized (now) {
                now.ended = true;
                wasInterrupted = now.interrupted;
                if (wasInterrupted) {
                    Thread.interrupted(); // the interrupt was for that item, not for the thread's next one
                }
            }
            if (wasInterrupted) {
                narrowAgain();
            }
        }
    }

    /**
     * Interrupts every item past its budget once and moves its place's later work to a fresh
     * queue, so the place goes on; the thread is not counted against the bound until it ends.
     */
    void interruptOverBudget() {
        long now = System.nanoTime();
        for (Running item : running) {
            if (now - item.since < budget.toNanos()) {
                continue;
            }
            synchronized (item) {
                if (item.interrupted || item.ended) {
                    continue;
                }
                item.interrupted = true;
                // Under the item's lock, so its thread, once the item ends, sees the place is no longer its own
                // before it takes another item, and the interrupt cannot reach that next item instead.
                item.place.abandoned = true;
                item.thread.interrupt();
            }
            overBudget.incrementAndGet();
            widen();
            PlaceQueue stuck = item.place;
            PlaceQueue[] moved = new PlaceQueue[1];
            places.computeIfPresent(stuck.key, (key, current) -> {
                if (current != stuck) {
                    return current;
                }
                if (stuck.items.isEmpty()) {
                    return null;
                }
                PlaceQueue fresh = new PlaceQueue(key);
                fresh.items.addAll(stuck.items);
                stuck.items.clear();
                moved[0] = fresh;
                return fresh;
            });
            log.warn("{}: work for {} has run {} s, past its {} s budget; it is interrupted and the place's later"
                    + " items go on without it", name, stuck.key, Duration.ofNanos(now - item.since).toSeconds(),
                    budget.toSeconds());
            if (moved[0] != null) {
                schedule(moved[0]);
            }
        }
    }

    private synchronized void widen() {
        stuckThreads++;
        pool.setMaximumPoolSize(threads + stuckThreads);
        pool.setCorePoolSize(threads + stuckThreads);
    }

    private synchronized void narrowAgain() {
        stuckThreads--;
        if (!pool.isShutdown()) {
            pool.setCorePoolSize(threads + stuckThreads);
            pool.setMaximumPoolSize(threads + stuckThreads);
        }
    }

    /**
     * The port an event run here should reply through: its calls to the platform let other events
     * run engine work while it waits. Work run elsewhere may use it too (it then just calls).
     */
    @Override
    public ChatPort portFor(ChatPort platform) {
        return gate == null ? platform : new WaitingPort(platform, gate, beforeWaiting);
    }

    /**
     * For readiness: an item that has run past its budget, while it still runs; or the queues nine
     * tenths full, so a balancer sends new work to another instance first.
     */
    public Optional<String> problem() {
        int queuedNow = pending.get();
        if (queuedNow * 10L >= capacity * 9L || maxSize != Long.MAX_VALUE && pendingSize.get() * 10 >= maxSize * 9) {
            return Optional.of(queuedNow + " items are queued or running on " + name + " (room for " + capacity
                    + "); new ones are taken while there is room, then refused until it drains");
        }
        long now = System.nanoTime();
        for (Running item : running) {
            if (now - item.since >= budget.toNanos()) {
                return Optional.of("work for " + item.place.key + " on " + name + " has run for "
                        + Duration.ofNanos(now - item.since).toSeconds() + " s (budget " + budget.toSeconds()
                        + " s); that place's later work went on without it");
            }
        }
        return Optional.empty();
    }

    /** Items queued and not started yet, across places. */
    public int queued() {
        return Math.max(0, pending.get() - running.size());
    }

    /** Items queued or running, across places. */
    public int pending() {
        return pending.get();
    }

    /** Places with work queued or running. */
    public int busyPlaces() {
        return places.size();
    }

    /** How many times work was turned away because {@code capacity} items were queued or running. */
    public long turnedAway() {
        return turnedAway.get();
    }

    /** How many items ran past their budget and were interrupted. */
    public long overBudget() {
        return overBudget.get();
    }

    /**
     * Stops taking work and lets the queued work run for at most {@link ConversationExecutor#STOP_WAIT},
     * then interrupts what runs and drops what has not started (the outbox keeps it for the next
     * deliverer); work interrupted gets {@link ConversationExecutor#INTERRUPTED_WAIT} more to end,
     * so that what closes after this (the database) is not gone under it.
     */
    @Override
    public void close() {
        closed = true;
        watchdog.shutdownNow();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(ConversationExecutor.STOP_WAIT.toNanos(), TimeUnit.NANOSECONDS)) {
                stopNow = true;
                List<Runnable> unstartedPlaces = pool.shutdownNow();
                unstartedPlaces.forEach(queue -> drop((PlaceQueue) queue));
                if (!pool.awaitTermination(ConversationExecutor.INTERRUPTED_WAIT.toNanos(), TimeUnit.NANOSECONDS)) {
                    log.warn("{}: work did not stop within {} s of being interrupted", name,
                            ConversationExecutor.INTERRUPTED_WAIT.toSeconds());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopNow = true;
            pool.shutdownNow();
        }
        int unstarted = pending.get() - running.size();
        if (unstarted > 0) {
            log.info("{}: stopped with {} queued items not started; they stay recorded for the next start", name,
                    unstarted);
        }
    }
}
