package dev.interviewcoach.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.slf4j.LoggerFactory;

/**
 * The coach's database: a pooled connection to SQLite (the default, a single file in WAL mode)
 * or PostgreSQL, migrated by Flyway, used through Jdbi.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean sqlite;
    private final Optional<WriteTurn> writeTurn;

    private Database(HikariDataSource dataSource, boolean sqlite) {
        this.dataSource = dataSource;
        this.sqlite = sqlite;
        this.writeTurn = sqlite ? Optional.of(new WriteTurn()) : Optional.empty();
        this.jdbi = Jdbi.create(new ParkingConnections(dataSource));
        UnitOfWork.install(jdbi, writeTurn.orElse(null));
        // A failed statement's message names the statement only: Jdbi would add the bound values,
        // which can be what someone wrote, and the message goes to the log.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(Database::describe);
    }

    private static String describe(StatementException e) {
        String sql = e.getStatementContext() == null || e.getStatementContext().getRawSql() == null ? "?"
                : e.getStatementContext().getRawSql().replaceAll("\\s+", " ").strip();
        String cause = e.getCause() == null ? "" : ": " + e.getCause().getClass().getSimpleName();
        return "statement failed" + cause + " [" + (sql.length() <= 120 ? sql : sql.substring(0, 120) + "...") + "]";
    }

    /** Opens (creating it and its folder when missing) an SQLite file. */
    public static Database sqlite(Path file) {
        return open("jdbc:sqlite:" + file.toAbsolutePath(), null, null);
    }

    /** SQLite creates the file but not its folder: a first run with the default data/coach.db needs both. */
    private static void createFolderFor(String sqliteUrl) {
        String path = sqliteUrl.substring("jdbc:sqlite:".length());
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(path).toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder " + parent + " for the database; check"
                    + " database.path (COACH_DATABASE_PATH) and that the folder is writable", e);
        }
    }

    /** Opens a database by JDBC URL ({@code jdbc:sqlite:...} or {@code jdbc:postgresql://...}). */
    public static Database open(String url, String user, String password) {
        boolean sqlite = url.startsWith("jdbc:sqlite:");
        if (!sqlite && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("unsupported database URL '" + url
                    + "': use jdbc:sqlite:PATH or jdbc:postgresql://HOST/DB");
        }
        if (sqlite) {
            createFolderFor(url);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("coach-db");
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        if (sqlite) {
            // WAL lets readers run beside the one writer; busy_timeout makes writers queue
            // instead of failing; foreign keys are off by default in SQLite.
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("busy_timeout", "10000");
            config.addDataSourceProperty("foreign_keys", "true");
            // NORMAL survives any crash of the process; a power cut may lose the last commits. An operator
            // who wants those too names it in the URL (jdbc:sqlite:coach.db?synchronous=FULL), which wins.
            if (!url.matches(".*[?&]synchronous=.*")) {
                config.addDataSourceProperty("synchronous", "NORMAL");
            }
            // A transaction takes the write lock when it begins: one that read first and wrote later
            // would fail at once (SQLITE_BUSY) if another connection wrote in between, busy_timeout or not.
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            // Deleted rows are overwritten with zeros, so a forget-me leaves nothing readable in the file.
            config.addDataSourceProperty("secure_delete", "true");
            // A unit of work takes its connection at its first statement and gives it back while it waits on a
            // platform before writing (an interview start waiting for Discord to make its thread), so the events
            // doing database work at once (the engine's lanes, a few more), the acknowledgements recording events,
            // the sending threads' short statements and the workers share these; when events waiting on Discord
            // held theirs, a shard's one gateway reader waited for one and every event behind it waited too.
            // Writers still take turns. Connections beyond a few are opened as needed and closed again after a
            // while idle (each has its own page cache, up to 2 MB).
            config.setMaximumPoolSize(SQLITE_CONNECTIONS);
            config.setMinimumIdle(SQLITE_IDLE_CONNECTIONS);
            config.setIdleTimeout(Duration.ofMinutes(1).toMillis());
        } else {
            config.setMaximumPoolSize(10);
            // The server's detail of an error can quote the row ("Failing row contains ..."): someone's answer.
            config.addDataSourceProperty("logServerErrorDetail", "false");
        }
        config.setConnectionTimeout(10_000);
        return new Database(new HikariDataSource(config), sqlite);
    }

    /**
     * Connections to an SQLite file, at most. Waiting events hold none, and with the sent marks grouped 32 serve the
     * Slack path's open and closed loops as well as 80; but past what the engine can take, acknowledgements then wait
     * for a connection too and twice as many events are turned away (docs/performance.md, 7 December). Those beyond
     * the four kept idle close after a minute unused.
     */
    static final int SQLITE_CONNECTIONS = 80;

    /** Connections kept open while idle. */
    static final int SQLITE_IDLE_CONNECTIONS = 4;

    /** The newest migration's version; a test keeps it in step with the migration files. */
    static final int SCHEMA_VERSION = 26;

    /**
     * On an event's thread, before it waits on a chat platform: the unit of work running there gives its pooled
     * connection back unless it has begun writing, and takes one again at its next statement.
     */
    public void letGoWhileWaiting() {
        UnitOfWork.letGoWhileWaiting(jdbi);
    }

    /**
     * Runs work whose writes commit as each is made, beside the unit of work on this thread (if it has not begun
     * writing): see {@link UnitOfWork#beside}.
     */
    public <T> T besideTheUnit(Supplier<T> work) {
        return UnitOfWork.beside(jdbi, work);
    }

    /** On SQLite, the turn this process's writers take, with the time spent waiting for it and holding it. */
    public Optional<WriteTurn> writeTurn() {
        return writeTurn;
    }

    /** Whether the unit of work on this thread has begun writing (holds its transaction, on SQLite the write turn). */
    public boolean writing() {
        return UnitOfWork.writing(jdbi);
    }

    /** Applies pending migrations; returns how many ran. */
    public int migrate() {
        if (upToDate()) {
            return 0; // Flyway's own start-up (scanning, validation) costs about a second; nothing to do here
        }
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                // Shared migrations, plus the few a database needs in its own dialect (db/vendor/sqlite, .../postgresql).
                .locations("classpath:db/migration", sqlite ? "classpath:db/vendor/sqlite" : "classpath:db/vendor/postgresql")
                .load()
                .migrate();
        return result.migrationsExecuted;
    }

    /** Whether every migration up to {@link #SCHEMA_VERSION} is recorded as applied, and none failed. */
    private boolean upToDate() {
        return appliedVersion().orElse(-1) == SCHEMA_VERSION;
    }

    /**
     * The newest schema version applied to this database: empty for a new database, and for one whose history shows a
     * failed migration (Flyway has to look at it).
     */
    public OptionalInt appliedVersion() {
        try (Connection c = dataSource.getConnection();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, success FROM flyway_schema_history")) {
            int newest = 0;
            while (rs.next()) {
                if (!rs.getBoolean("success")) {
                    return OptionalInt.empty();
                }
                String version = rs.getString("version");
                if (version != null) {
                    newest = Math.max(newest, Integer.parseInt(version));
                }
            }
            return newest == 0 ? OptionalInt.empty() : OptionalInt.of(newest);
        } catch (SQLException | NumberFormatException e) {
            return OptionalInt.empty(); // a new database, or one Flyway should look at
        }
    }

    /** The schema version this build brings a database to. */
    public static int schemaVersion() {
        return SCHEMA_VERSION;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs work while holding a lock on {@code key} that every instance on this database honours,
     * so one conversation's steps and their replies go out in order even when its events reach
     * two instances at once. On PostgreSQL an advisory lock held by one of a few connections this
     * instance's threads share (the caller holds the conversation's in-process lock around it), so
     * events that wait on a platform while they hold their conversation use up no connection; on
     * SQLite, where several processes on one file are rare, the in-process order is all there is.
     */
    public void exclusively(String key, Runnable work) {
        if (sqlite) {
            work.run();
            return;
        }
        locks().exclusively(key, work);
    }

    /** Connections that hold conversation locks: few, since every thread of this instance shares them. */
    static final int LOCK_CONNECTIONS = 4;

    private HikariDataSource lockPool; // opened on first use: SQLite never needs it
    private SharedAdvisoryLocks sharedLocks;

    /** Connections that only hold advisory locks, so taking one never waits for the work's own pool. */
    private synchronized SharedAdvisoryLocks locks() {
        if (sharedLocks == null) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(dataSource.getJdbcUrl());
            config.setUsername(dataSource.getUsername());
            config.setPassword(dataSource.getPassword());
            config.setPoolName("coach-locks");
            config.setMaximumPoolSize(LOCK_CONNECTIONS);
            config.setMinimumIdle(0);
            config.setConnectionTimeout(30_000);
            lockPool = new HikariDataSource(config);
            sharedLocks = new SharedAdvisoryLocks(lockPool, LOCK_CONNECTIONS);
        }
        return sharedLocks;
    }

    /**
     * After deleting a person's data: on SQLite, copies of the deleted pages still sit in the
     * write-ahead log until it is checkpointed; this checkpoints it and empties it. PostgreSQL
     * keeps dead rows until VACUUM (autovacuum runs on its own schedule).
     */
    public static void purgeDeleted(Jdbi jdbi) {
        UnitOfWork.afterCommit(jdbi, () -> {
            try {
                jdbi.useHandle(h -> {
                    if (h.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("sqlite")) {
                        h.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                    }
                });
            } catch (SQLException | RuntimeException e) {
                // Readers of an older snapshot keep the log for now; it is checkpointed as they finish.
                LoggerFactory.getLogger(Database.class).warn("could not empty the write-ahead log after a"
                        + " deletion: {}", e.getClass().getSimpleName());
            }
        });
    }

    /** Whether the database answers a trivial query now: for readiness. */
    public Optional<String> ping() {
        try {
            jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("unreachable: " + e.getClass().getSimpleName());
        }
    }

    public boolean isSqlite() {
        return sqlite;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (sharedLocks != null) {
                sharedLocks.close();
                lockPool.close();
            }
        }
        dataSource.close();
    }
}
