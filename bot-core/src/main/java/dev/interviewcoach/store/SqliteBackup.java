package dev.interviewcoach.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Copies of the embedded SQLite database: taken while the coach runs (a snapshot of what was committed, never a torn
 * file), checked before they are kept, and put back in place of the database when the coach is stopped.
 */
public final class SqliteBackup {

    /** A checked copy: where it is, its size, and the database schema version it holds. */
    public record Copy(Path file, long bytes, String schemaVersion) {}

    /** Why a copy could not be taken or put back, in words for the person who asked. */
    public static final class BackupException extends RuntimeException {
        BackupException(String message) {
            super(message);
        }

        BackupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final int BUSY_TIMEOUT_MS = 10_000;

    private SqliteBackup() {
    }

    /**
     * Writes a copy of {@code live} to {@code target}, which must not exist yet. Runs beside a coach that is writing:
     * the copy is the database as of one moment. It is written under another name and renamed once checked, so a
     * copy cut short never passes for a whole one.
     */
    public static Copy take(Path live, Path target) {
        if (!Files.isRegularFile(live)) {
            throw new BackupException("There is no database at " + live + " to back up. Set database.path"
                    + " (COACH_DATABASE_PATH) or --db to the coach's database file.");
        }
        if (Files.exists(target)) {
            throw new BackupException(target + " already exists; give another file name, or move that one away.");
        }
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            Path folder = target.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            throw new BackupException("Cannot write in " + target.toAbsolutePath().getParent() + ": " + whyNot(e)
                    + ". Give this user a folder it may write in (database.backups.folder), or run it as the user that"
                    + " runs the coach.", e);
        }
        try (Connection db = readOnly(live); PreparedStatement copy = db.prepareStatement("VACUUM INTO ?")) {
            schemaVersion(db, live);
            copy.setString(1, partial.toAbsolutePath().toString());
            copy.execute();
        } catch (SQLException e) {
            deleteQuietly(partial);
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new BackupException("Could not copy " + live + ": " + why + (why.contains("READONLY")
                    || why.contains("readonly") ? ". SQLite needs to write its shared-memory file beside the database"
                    + " even to read it: run this as the user the coach runs as." : ""), e);
        }
        try {
            Copy checked = check(partial);
            // The copy carries the database's own permissions (a private database makes private copies), and is on
            // disk before it takes its name, so a power cut cannot leave an empty file that passed its check.
            sameAccessAs(live, partial);
            try (FileChannel file = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                file.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return new Copy(target, checked.bytes(), checked.schemaVersion());
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new BackupException("Could not keep the copy at " + target + ": " + e.getMessage(), e);
        } catch (BackupException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    /** Reads a copy through: SQLite's own check of every page, and the coach's schema version in it. */
    public static Copy check(Path copy) {
        if (Files.isDirectory(copy)) {
            throw new BackupException(copy + " is a folder; name one of the copies in it (coach-....db)");
        }
        if (!Files.isRegularFile(copy)) {
            throw new BackupException("No such file: " + copy);
        }
        try (Connection db = readOnly(copy); Statement st = db.createStatement();
             ResultSet rows = st.executeQuery("PRAGMA quick_check")) {
            String verdict = rows.next() ? rows.getString(1) : "no answer";
            if (!"ok".equals(verdict)) {
                throw new BackupException(copy + " is damaged (SQLite's check says: " + verdict + ").");
            }
            return new Copy(copy, Files.size(copy), schemaVersion(db, copy));
        } catch (SQLException e) {
            throw new BackupException(copy + " is not a database the coach can read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts {@code backup} in place of {@code live}, which no coach may have open. The database it replaces is kept
     * beside it, with its write-ahead log, as {@code <name>.before-restore-<stamp>}, so a restore loses nothing; the
     * backup itself is left where it was. Returns where the replaced database went (none if there was none).
     */
    public static Optional<Path> restore(Path backup, Path live, String stamp) {
        if (backup.toAbsolutePath().normalize().equals(live.toAbsolutePath().normalize())) {
            throw new BackupException(backup + " is the database itself; give a backup of it (coach backup makes"
                    + " one). Nothing was changed.");
        }
        Copy copy = check(backup);
        if (newerThanThisCoach(copy.schemaVersion())) {
            throw new BackupException(backup + " was made by a newer version of the coach (schema version "
                    + copy.schemaVersion() + "; this one knows up to " + Database.SCHEMA_VERSION + "). Restore it with"
                    + " that version or a later one. Nothing was changed.");
        }
        Path incoming = live.resolveSibling(live.getFileName() + ".restoring");
        Path kept = keptName(live, stamp);
        List<Path[]> moved = new ArrayList<>();
        try {
            Files.createDirectories(live.toAbsolutePath().getParent());
            Files.deleteIfExists(incoming);
            // Read through SQLite rather than copied as a file: a backup with its own write-ahead log (a database
            // set aside by an earlier restore, say) comes back whole, committed rows in the log included.
            take(backup, incoming);
            if (Files.exists(live)) {
                sameAccessAs(live, incoming); // the coach's user must be able to write what is put back
            }
            // SQLite finds a database's log and index by name: they go with the database they belong to, or a
            // log left behind would be replayed into the restored file.
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Path from = live.resolveSibling(live.getFileName() + suffix);
                if (Files.exists(from)) {
                    Path to = kept.resolveSibling(kept.getFileName() + suffix);
                    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
                    moved.add(new Path[] {from, to});
                }
            }
            Files.move(incoming, live, StandardCopyOption.ATOMIC_MOVE);
            return moved.isEmpty() ? Optional.empty() : Optional.of(kept);
        } catch (IOException | BackupException e) {
            deleteQuietly(incoming);
            // Put back what was moved aside, so a failed restore leaves the database as it was.
            for (Path[] move : moved.reversed()) {
                try {
                    Files.move(move[1], move[0], StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException stuck) {
                    throw new BackupException("Could not put " + backup + " in place of " + live + " (" + e.getMessage()
                            + "), nor move " + move[1] + " back; move it back to " + move[0] + " by hand.", stuck);
                }
            }
            throw new BackupException("Could not put " + backup + " in place of " + live + ": " + e.getMessage()
                    + (e.getMessage().endsWith(".") ? "" : ".") + " Nothing was changed.", e);
        }
    }

    /** {@code <name>.before-restore-<stamp>}, with a number after it when that name, its log or index is taken. */
    private static Path keptName(Path live, String stamp) {
        String base = live.getFileName() + ".before-restore-" + stamp;
        for (int n = 1; ; n++) {
            String name = n == 1 ? base : base + "-" + n;
            boolean free = true;
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                free &= !Files.exists(live.resolveSibling(name + suffix));
            }
            if (free) {
                return live.resolveSibling(name);
            }
        }
    }

    /** Gives {@code to} the permissions (and, where this user may, the owner and group) of {@code from}. */
    private static void sameAccessAs(Path from, Path to) {
        try {
            PosixFileAttributes access = Files.readAttributes(from, PosixFileAttributes.class);
            Files.setPosixFilePermissions(to, access.permissions());
            PosixFileAttributeView view = Files.getFileAttributeView(to, PosixFileAttributeView.class);
            try {
                view.setGroup(access.group());
                view.setOwner(access.owner());
            } catch (IOException notAllowed) {
                // only root may give a file away; the permissions above are what matters for a copy
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the copy keeps what the system gave it
        }
    }

    private static boolean newerThanThisCoach(String version) {
        try {
            return Integer.parseInt(version) > Database.SCHEMA_VERSION;
        } catch (NumberFormatException e) {
            return true; // the coach numbers its versions 1, 2, 3...; anything else is not one of its own
        }
    }

    private static Connection readOnly(Path file) throws SQLException {
        Properties settings = new Properties();
        settings.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY: never creates or changes the file
        settings.setProperty("busy_timeout", Integer.toString(BUSY_TIMEOUT_MS));
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), settings);
    }

    private static String schemaVersion(Connection db, Path file) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rows = st.executeQuery(
                "SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL"
                        + " ORDER BY installed_rank DESC LIMIT 1")) {
            if (!rows.next()) {
                throw new BackupException(file + " is not the coach's database (it has no schema history).");
            }
            return rows.getString(1);
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("no such table")) {
                throw new BackupException(file + " is not the coach's database (it has no schema history).", e);
            }
            throw e;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover .part file is named as such and replaced by the next attempt
        }
    }

    /** Why a folder cannot be written, in words: the file system's own exceptions carry little more than the path. */
    static String whyNot(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "this user may not write there (permission denied)";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException || e instanceof java.nio.file.NotDirectoryException) {
            return "a file of that name is in the way of the folder";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
