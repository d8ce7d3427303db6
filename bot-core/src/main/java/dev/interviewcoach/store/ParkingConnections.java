package dev.interviewcoach.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionFactory;

/**
 * Connections for Jdbi that take a pooled connection at their first use rather than when the handle opens, and
 * that a unit of work can hand back to the pool while it waits on a chat platform ({@link Parkable#park}), taking
 * one again at its next statement. An event that waits for Discord to make its thread then holds no connection,
 * so the pool is sized for the work that runs rather than for the work that waits.
 */
final class ParkingConnections implements ConnectionFactory {

    /** A connection that can give its pooled connection back between transactions. */
    interface Parkable {
        /** Gives the pooled connection back unless a transaction is open on it; true if it did. */
        boolean park() throws SQLException;
    }

    private final DataSource pool;

    ParkingConnections(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public Connection openConnection() {
        return (Connection) Proxy.newProxyInstance(ParkingConnections.class.getClassLoader(),
                new Class<?>[] {Connection.class, Parkable.class}, new Lazy());
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        connection.close();
    }

    /** One handle's connection; used by the one thread that holds the handle. */
    private final class Lazy implements InvocationHandler {
        private Connection pooled;
        private boolean closed;

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "park" -> {
                    return park();
                }
                case "close" -> {
                    closed = true;
                    park(true);
                    return null;
                }
                case "isClosed" -> {
                    return closed;
                }
                case "getAutoCommit" -> {
                    if (pooled == null) {
                        return true; // a connection given back was in auto-commit; a new one starts in it
                    }
                }
                case "setAutoCommit" -> {
                    if (pooled == null && Boolean.TRUE.equals(args[0])) {
                        return null; // as a fresh one already is
                    }
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "parking connection (" + (pooled == null ? "none held" : pooled.toString()) + ")";
                }
                default -> {
                    // taken below
                }
            }
            if (closed) {
                throw new SQLException("connection closed");
            }
            if (pooled == null) {
                pooled = pool.getConnection();
            }
            try {
                return method.invoke(pooled, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private boolean park() throws SQLException {
            return park(false);
        }

        private boolean park(boolean closing) throws SQLException {
            if (pooled == null || !closing && !pooled.getAutoCommit()) {
                return false;
            }
            Connection giving = pooled;
            pooled = null;
            giving.close();
            return true;
        }
    }
}
