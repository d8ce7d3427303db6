package dev.interviewcoach.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL advisory locks on conversations, held by a few connections shared by every thread of this instance
 * rather than a connection per holder: an event waiting on a platform while it holds its conversation then costs
 * nothing another event needs. A lock is taken with {@code pg_try_advisory_lock}, which never blocks the shared
 * connection; while another instance holds it, the taker tries again after a short, growing pause.
 *
 * <p>Session locks are re-entrant within a connection, so two threads of this instance must never hold the same
 * key at once: the caller holds the conversation's in-process lock around this one.
 */
final class SharedAdvisoryLocks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SharedAdvisoryLocks.class);

    /** How long a taker tries before it gives up, as the server's lock_timeout did before. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Session[] sessions;

    SharedAdvisoryLocks(DataSource pool, int connections) {
        sessions = new Session[connections];
        for (int i = 0; i < connections; i++) {
            sessions[i] = new Session(pool);
        }
    }

    /** Runs {@code work} holding the lock on {@code key} that every instance on the database honours. */
    void exclusively(String key, Runnable work) {
        long id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
        Session session = sessions[Math.floorMod(Long.hashCode(id), sessions.length)];
        session.take(id);
        try {
            work.run();
        } finally {
            session.give(id);
        }
    }

    @Override
    public void close() {
        for (Session session : sessions) {
            session.close();
        }
    }

    /** One shared connection; its statements run one at a time. */
    private static final class Session {
        private final DataSource pool;
        private Connection connection;

        Session(DataSource pool) {
            this.pool = pool;
        }

        void take(long id) {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            long pause = 1;
            while (!tryTake(id)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not take the conversation lock: another instance held it"
                            + " for " + TIMEOUT.toSeconds() + " s");
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the conversation lock", e);
                }
                pause = Math.min(pause * 2, 50);
            }
        }

        private synchronized boolean tryTake(long id) {
            try (PreparedStatement lock = connection().prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, id);
                try (ResultSet rs = lock.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            } catch (SQLException e) {
                lost(e);
                throw new IllegalStateException("could not take the conversation lock: " + e.getMessage(), e);
            }
        }

        synchronized void give(long id) {
            if (connection == null) {
                return; // the connection was lost, and the server let go of its locks with it
            }
            try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, id);
                unlock.execute();
            } catch (SQLException e) {
                lost(e);
            }
        }

        private Connection connection() throws SQLException {
            if (connection == null) {
                connection = pool.getConnection();
            }
            return connection;
        }

        /** A broken connection is dropped; its locks went with it on the server, and the next take opens another. */
        private void lost(SQLException e) {
            log.warn("a connection holding conversation locks failed ({}); the locks it held are released", e.toString());
            close();
        }

        synchronized void close() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    log.debug("closing a lock connection", e);
                }
                connection = null;
            }
        }
    }
}
