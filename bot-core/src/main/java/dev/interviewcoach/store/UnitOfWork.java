package dev.interviewcoach.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.JdbiConfig;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.transaction.TransactionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One transaction around everything a thread does for one event, which every repository call on
 * that thread joins (their own transactions included), begun at the first write rather than at
 * the start. Reads before it take no lock, so a handler that scores an answer or waits on a
 * platform does not hold SQLite's single write lock meanwhile, and recording a new event never
 * waits behind it; from the first write to the commit, the work is one transaction.
 */
public final class UnitOfWork implements JdbiConfig<UnitOfWork> {

    private static final Logger log = LoggerFactory.getLogger(UnitOfWork.class);

    /** The handle of the unit of work running on this thread, if any. */
    private final ThreadLocal<Handle> current = new ThreadLocal<>();
    /** Whether the unit on this thread took the write turn when it began its transaction. */
    private final ThreadLocal<Boolean> holdsTurn = ThreadLocal.withInitial(() -> false);
    /** On SQLite, the turn this process's writers take for its one writer; null where the database orders writers. */
    private WriteTurn writeTurn;
    /** What to do once the unit on this thread has committed. */
    private final ThreadLocal<List<Runnable>> afterCommit = ThreadLocal.withInitial(ArrayList::new);

    /**
     * Makes {@code jdbi} honour units of work: called once, where the Jdbi is made.
     * {@code writeTurn}: the turn writers take where the database lets one in at a time (SQLite), else null.
     */
    static void install(Jdbi jdbi, WriteTurn writeTurn) {
        UnitOfWork units = jdbi.getConfig(UnitOfWork.class);
        units.writeTurn = writeTurn;
        jdbi.setTransactionHandler(new Joining(jdbi.getTransactionHandler(), units));
        jdbi.addCustomizer(new BeginAtFirstWrite(units));
    }

    private void takeTurn() {
        if (writeTurn != null) {
            writeTurn.take();
        }
    }

    private void endTurn() {
        if (writeTurn != null) {
            writeTurn.giveBack();
        }
    }

    /**
     * Runs work as one unit: what it writes commits together when it returns, or not at all when
     * it throws. A unit inside another joins it.
     */
    public static <T> T run(Jdbi jdbi, Supplier<T> work) {
        UnitOfWork units = jdbi.getConfig(UnitOfWork.class);
        if (units.current.get() != null) {
            return work.get();
        }
        // Nested withHandle/useHandle calls on this thread get this same handle from Jdbi.
        return jdbi.withHandle(handle -> {
            units.current.set(handle);
            T result;
            try {
                result = work.get();
                end(handle.getConnection(), true);
            } catch (RuntimeException | Error e) {
                end(handle.getConnection(), false);
                units.afterCommit.remove();
                throw e;
            } finally {
                units.current.remove();
                if (units.holdsTurn.get()) {
                    units.holdsTurn.remove();
                    units.endTurn();
                }
            }
            List<Runnable> then = units.afterCommit.get();
            units.afterCommit.remove();
            then.forEach(Runnable::run);
            return result;
        });
    }

    /**
     * Before the thread waits on a chat platform: the unit of work running on it gives its pooled connection back
     * if it has not begun writing (its next statement takes one again), so work that waits holds none. A unit that
     * has begun writing keeps it, with its transaction.
     */
    static void letGoWhileWaiting(Jdbi jdbi) {
        Handle handle = jdbi.getConfig(UnitOfWork.class).current.get();
        if (handle != null && handle.getConnection() instanceof ParkingConnections.Parkable parkable) {
            try {
                parkable.park();
            } catch (SQLException e) {
                log.debug("could not give a connection back before a platform call; the unit keeps it", e);
            }
        }
    }

    /** Whether the unit of work on this thread has begun writing: its transaction is open until it ends. */
    static boolean writing(Jdbi jdbi) {
        Handle handle = jdbi.getConfig(UnitOfWork.class).current.get();
        if (handle == null) {
            return false;
        }
        try {
            return !handle.getConnection().getAutoCommit();
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Runs work beside the unit of work on this thread rather than in it: each of its writes commits as it is made,
     * as with no unit at all. For work that claims something others must see at once and then waits on a platform
     * (posting a question of the day): in the unit, the claim would keep the unit's transaction open across the
     * call, and on SQLite every writer in the process would wait for it; and should the unit fail afterwards, the
     * record of what the platform did would be undone with it. Once the unit has begun writing, the work can only
     * join it, and does.
     */
    static <T> T beside(Jdbi jdbi, Supplier<T> work) {
        UnitOfWork units = jdbi.getConfig(UnitOfWork.class);
        Handle handle = units.current.get();
        if (handle == null) {
            return work.get();
        }
        if (writing(jdbi)) {
            log.debug("work meant to commit on its own joins a unit that has begun writing");
            return work.get();
        }
        units.current.remove();
        try {
            return work.get();
        } finally {
            units.current.set(handle);
        }
    }

    /** Runs {@code action} once the unit of work on this thread commits; at once when there is none. */
    public static void afterCommit(Jdbi jdbi, Runnable action) {
        UnitOfWork units = jdbi.getConfig(UnitOfWork.class);
        if (units.active()) {
            units.afterCommit.get().add(action);
        } else {
            action.run();
        }
    }

    private static void end(Connection connection, boolean commit) {
        try {
            if (connection.getAutoCommit()) {
                return; // nothing was written
            }
            try {
                if (commit) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new TransactionException(
                    (commit ? "commit" : "rollback") + " failed: " + e.getMessage(), e);
        }
    }

    boolean active() {
        return current.get() != null;
    }

    @Override
    public UnitOfWork createCopy() {
        return this; // one per Jdbi: copies made for handles and statements share the thread's state
    }

    /** Inside a unit of work, a repository's own transaction is part of the unit's. */
    private static final class Joining extends DelegatingTransactionHandler {
        private final UnitOfWork units;

        Joining(TransactionHandler delegate, UnitOfWork units) {
            super(delegate);
            this.units = units;
        }

        @Override
        public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
            if (units.active()) {
                return callback.withHandle(handle);
            }
            // A repository's own transaction holds the write turn from its begin to its end.
            units.takeTurn();
            try {
                return super.inTransaction(handle, callback);
            } finally {
                units.endTurn();
            }
        }

        @Override
        public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level,
                                                       HandleCallback<R, X> callback) throws X {
            if (units.active()) {
                return callback.withHandle(handle);
            }
            units.takeTurn();
            try {
                return super.inTransaction(handle, level, callback);
            } finally {
                units.endTurn();
            }
        }

        @Override
        public TransactionHandler specialize(Handle handle) throws SQLException {
            return new Joining(getDelegate().specialize(handle), units);
        }

    }

    /** Opens the unit's transaction just before its first write. */
    private record BeginAtFirstWrite(UnitOfWork units) implements StatementCustomizer {
        private static final String TURN_TAKEN = "coach.writeTurnTaken";

        @Override
        public void beforeExecution(PreparedStatement statement, StatementContext context) throws SQLException {
            if (!writes(context.getRawSql())) {
                return;
            }
            Connection connection = context.getConnection();
            if (units.active()) {
                if (connection.getAutoCommit()) {
                    units.takeTurn();
                    units.holdsTurn.set(true);
                    connection.setAutoCommit(false);
                }
            } else if (connection.getAutoCommit() && units.writeTurn != null) {
                // A write on its own: its turn ends as soon as it has run, or, if it failed, when the
                // statement is closed (both on this thread; the second finds the turn already given back).
                units.takeTurn();
                context.define(TURN_TAKEN, Boolean.TRUE);
                context.addCleanable(() -> giveBack(context));
            }
        }

        @Override
        public void afterExecution(PreparedStatement statement, StatementContext context) {
            giveBack(context);
        }

        private void giveBack(StatementContext context) {
            if (Boolean.TRUE.equals(context.getAttribute(TURN_TAKEN))) {
                context.define(TURN_TAKEN, Boolean.FALSE);
                units.endTurn();
            }
        }

        private static boolean writes(String sql) {
            String verb = sql.stripLeading();
            int end = 0;
            while (end < verb.length() && Character.isLetter(verb.charAt(end))) {
                end++;
            }
            return switch (verb.substring(0, end).toUpperCase(Locale.ROOT)) {
                case "INSERT", "UPDATE", "DELETE", "REPLACE", "MERGE" -> true;
                default -> false;
            };
        }
    }
}
