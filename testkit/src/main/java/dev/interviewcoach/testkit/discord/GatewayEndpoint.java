package dev.interviewcoach.testkit.discord;

import dev.interviewcoach.testkit.DaemonThreads;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The gateway's WebSocket server: accepts connections and hands what clients do to a {@link Handler}. */
final class GatewayEndpoint extends WebSocketServer {

    /** What the gateway does when clients connect, send and leave; called on the server's threads. */
    interface Handler {
        void opened(WebSocket connection, String resource);

        void closed(WebSocket connection, int code, boolean remote);

        void received(WebSocket connection, String text);
    }

    private static final Logger LOG = LoggerFactory.getLogger(FakeDiscord.class); // one log name for the fake
    private static final long FLUSH_INTERVAL_MS = 10;

    private final Handler handler;
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicReference<Exception> startFailure = new AtomicReference<>();
    private final ScheduledExecutorService flusher =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("fake-discord-gateway-flush-"));

    GatewayEndpoint(InetSocketAddress address, Handler handler) {
        super(address);
        this.handler = handler;
        setReuseAddr(true);
        setDaemon(true);
    }

    /** Starts the server and waits until it listens, so that its port is known. */
    void startAndAwait(Duration timeout) {
        start();
        try {
            // The selector thread binds asynchronously; the port is only known once onStart ran.
            if (!started.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the fake Discord gateway did not start within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the fake Discord gateway", e);
        }
        Exception failure = startFailure.get();
        if (failure != null) {
            throw new IllegalStateException("the fake Discord gateway failed to start", failure);
        }
    }

    @Override
    public void onStart() {
        flusher.scheduleWithFixedDelay(this::flushStrandedFrames, FLUSH_INTERVAL_MS, FLUSH_INTERVAL_MS,
                TimeUnit.MILLISECONDS);
        started.countDown();
    }

    /**
     * Java-WebSocket can strand a frame: when a thread other than the selector sends while the selector is
     * finishing a write batch, the selector resets the key to OP_READ after the sender asked for OP_WRITE, and
     * the frame waits for the next send. Tests send from their own thread (and the close handshake from a
     * worker), so the fake asks again for every connection that still holds unsent frames.
     */
    private void flushStrandedFrames() {
        try {
            for (WebSocket connection : getConnections()) {
                if (connection.hasBufferedData()) {
                    onWriteDemand(connection);
                }
            }
        } catch (RuntimeException e) {
            // A connection closing meanwhile; the next round sees the current set.
            LOG.trace("could not flush a gateway connection", e);
        }
    }

    @Override
    public void stop(int timeout, String closeMessage) throws InterruptedException {
        flusher.shutdownNow();
        super.stop(timeout, closeMessage);
    }

    @Override
    public void onOpen(WebSocket connection, ClientHandshake handshake) {
        handler.opened(connection, handshake.getResourceDescriptor());
    }

    @Override
    public void onClose(WebSocket connection, int code, String reason, boolean remote) {
        handler.closed(connection, code, remote);
    }

    @Override
    public void onMessage(WebSocket connection, String message) {
        try {
            handler.received(connection, message);
        } catch (RuntimeException e) {
            LOG.error("fake Discord gateway failed to handle {}", message, e);
        }
    }

    @Override
    public void onError(WebSocket connection, Exception e) {
        if (connection == null && started.getCount() > 0) {
            // A server-level error before onStart means the bind failed; unblock start().
            startFailure.set(e);
            started.countDown();
            return;
        }
        LOG.warn("fake Discord gateway error", e);
    }
}
