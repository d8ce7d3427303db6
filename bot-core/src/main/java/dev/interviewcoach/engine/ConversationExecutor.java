package dev.interviewcoach.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs engine work off the platform's request thread, so adapters acknowledge at once. Work is
 * spread over a fixed number of lanes by conversation, each lane one thread with a bounded queue:
 * events of one conversation run in the order they came, and a flood fills queues instead of
 * memory.
 */
public final class ConversationExecutor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConversationExecutor.class);

    private final List<ThreadPoolExecutor> lanes = new ArrayList<>();

    public ConversationExecutor(int lanes, int queuePerLane) {
        for (int i = 0; i < lanes; i++) {
            int lane = i;
            this.lanes.add(new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queuePerLane),
                    r -> Thread.ofPlatform().daemon().name("coach-lane-" + lane).unstarted(r)));
        }
    }

    /** Queues the work in its conversation's lane; false when that lane is full. */
    public boolean submit(String conversationKey, Runnable work) {
        ThreadPoolExecutor lane = lanes.get(Math.floorMod(spread(conversationKey), lanes.size()));
        try {
            lane.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("engine work failed", e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Work queued or running, across lanes. */
    public int pending() {
        return lanes.stream().mapToInt(l -> l.getQueue().size() + l.getActiveCount()).sum();
    }

    @Override
    public void close() {
        lanes.forEach(ThreadPoolExecutor::shutdown);
        for (ThreadPoolExecutor lane : lanes) {
            try {
                if (!lane.awaitTermination(5, TimeUnit.SECONDS)) {
                    lane.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lane.shutdownNow();
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
