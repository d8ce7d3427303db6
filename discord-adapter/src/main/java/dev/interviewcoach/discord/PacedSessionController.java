package dev.interviewcoach.discord;

import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * JDA's session controller, with a pause before a shard's connection is tried again. JDA queues a shard
 * that could not connect straight back and tries it again at once, so a shard still waiting for its
 * first connection when the gateway cannot be reached spins a core and logs an error many times a second
 * until it can; here each retry waits longer than the one before (one second, doubling, at most 30 s).
 * Optionally it also names the gateway to connect to (the fake Discord in tests).
 */
final class PacedSessionController extends SessionControllerAdapter {

    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final Optional<String> gatewayUrl;
    private final int shards;
    private final Duration identifySpacing;
    private final AtomicInteger failedConnects = new AtomicInteger();
    /** The node JDA handed in, and the one queued in its place. */
    private final Map<SessionConnectNode, PacedNode> paced = new IdentityHashMap<>();

    PacedSessionController(Optional<String> gatewayUrl, int shards, Duration identifySpacing) {
        this.gatewayUrl = gatewayUrl;
        this.shards = shards;
        this.identifySpacing = identifySpacing;
    }

    @Override
    protected void runWorker() {
        // JDA's own worker waits its fixed five seconds after each shard that connects; this one waits the spacing set.
        synchronized (lock) {
            if (workerHandle == null) {
                workerHandle = new QueueWorker(identifySpacing.toMillis());
                workerHandle.start();
            }
        }
    }

    @Override
    public void appendSession(SessionConnectNode node) {
        PacedNode queued;
        if (node instanceof PacedNode again) {
            if (stopped(again.getJDA())) {
                return; // its shard was shut down while it was being tried: JDA would try it for ever
            }
            queued = again; // JDA queues a node that failed once more
        } else {
            synchronized (paced) {
                queued = paced.computeIfAbsent(node, PacedNode::new);
            }
        }
        super.appendSession(queued);
    }

    @Override
    public void removeSession(SessionConnectNode node) {
        PacedNode queued;
        synchronized (paced) {
            queued = paced.remove(node);
        }
        super.removeSession(queued != null ? queued : node);
    }

    @Override
    public String getGateway() {
        return gatewayUrl.orElseGet(super::getGateway);
    }

    @Override
    public ShardedGateway getShardedGateway(JDA api) {
        // A sharded start asks gateway/bot where to connect; a configured gateway answers instead.
        return gatewayUrl.map(url -> new ShardedGateway(url, shards)).orElseGet(() -> super.getShardedGateway(api));
    }

    /** How many connects have failed so far. */
    int failedConnects() {
        return failedConnects.get();
    }

    private static boolean stopped(JDA shard) {
        return shard.getStatus() == JDA.Status.SHUTTING_DOWN || shard.getStatus() == JDA.Status.SHUTDOWN;
    }

    /** The pause before the given retry: one second, doubling, at most {@link #LONGEST_PAUSE}. */
    static Duration pauseBefore(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        long seconds = FIRST_PAUSE.toSeconds() << Math.min(failures - 1, 10);
        return seconds >= LONGEST_PAUSE.toSeconds() ? LONGEST_PAUSE : Duration.ofSeconds(seconds);
    }

    /** A shard's connection attempt that, after failing, waits before it is tried again. */
    private final class PacedNode implements SessionConnectNode {

        private final SessionConnectNode node;
        private int failures;

        PacedNode(SessionConnectNode node) {
            this.node = node;
        }

        @Override
        public boolean isReconnect() {
            return node.isReconnect();
        }

        @Override
        public JDA getJDA() {
            return node.getJDA();
        }

        @Override
        public JDA.ShardInfo getShardInfo() {
            return node.getShardInfo();
        }

        @Override
        public void run(boolean isLast) throws InterruptedException {
            // Runs on JDA's one connecting thread, which waits between shards anyway: nothing connects meanwhile.
            Thread.sleep(pauseBefore(failures));
            try {
                node.run(isLast);
            } catch (RuntimeException e) {
                failures++;
                failedConnects.incrementAndGet();
                throw e;
            }
            synchronized (paced) {
                paced.remove(node);
            }
        }
    }
}
