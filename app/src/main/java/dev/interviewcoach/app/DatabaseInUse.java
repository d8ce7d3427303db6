package dev.interviewcoach.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says that a coach process has the embedded database open: {@code coach run} and {@code coach console} hold a shared
 * lock on {@code <database>.lock} while they run (the operating system lets it go when the process ends, however it
 * ends), and {@code coach restore} refuses to replace a database while anyone holds it.
 */
final class DatabaseInUse implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseInUse.class);

    private final Optional<FileChannel> channel;

    private DatabaseInUse(Optional<FileChannel> channel) {
        this.channel = channel;
    }

    static Path lockFileOf(Path database) {
        return database.resolveSibling(database.getFileName() + ".lock");
    }

    /**
     * Marks {@code database} as open by this process until closed; a database elsewhere (PostgreSQL) is not marked.
     * Refuses while a restore is putting a backup in its place.
     */
    static DatabaseInUse hold(Optional<Path> database) {
        if (database.isEmpty()) {
            return new DatabaseInUse(Optional.empty());
        }
        Path lock = lockFileOf(database.get().toAbsolutePath());
        FileChannel file = null;
        try {
            Files.createDirectories(lock.getParent());
            file = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            // Shared: a console beside coach run is fine; only a restore needs the database to itself.
            FileLock held = file.tryLock(0, Long.MAX_VALUE, true);
            if (held == null) {
                // A restore has the database to itself: opening it now would write into a file about to be set aside.
                closeQuietly(file);
                throw new StartupFailure("A restore of " + database.get() + " is under way (coach restore). Start the"
                        + " coach again once it has finished.", null);
            }
            return new DatabaseInUse(Optional.of(file));
        } catch (OverlappingFileLockException alreadyHere) {
            // this process holds it already (two coaches in one JVM, as tests run them)
            closeQuietly(file);
            return new DatabaseInUse(Optional.empty());
        } catch (IOException e) {
            // The mark is a safety net for restores; a folder where it cannot be written must not stop the coach.
            log.warn("cannot mark the database as in use ({}: {}); coach restore will not know it is running", lock,
                    e.getMessage());
            closeQuietly(file);
            return new DatabaseInUse(Optional.empty());
        }
    }

    /**
     * Runs {@code work} with {@code database} to itself, or returns false at once when a coach has it open. The lock is
     * held while {@code work} runs, so no coach can start on the database halfway through.
     */
    static boolean whileUnused(Path database, Runnable work) throws IOException {
        Path lock = lockFileOf(database.toAbsolutePath());
        Files.createDirectories(lock.getParent());
        try (FileChannel file = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            FileLock alone;
            try {
                alone = file.tryLock();
            } catch (OverlappingFileLockException inThisProcess) {
                return false;
            }
            if (alone == null) {
                return false;
            }
            try {
                work.run();
                return true;
            } finally {
                alone.release();
            }
        }
    }

    @Override
    public void close() {
        channel.ifPresent(DatabaseInUse::closeQuietly);
    }

    private static void closeQuietly(FileChannel file) {
        if (file == null) {
            return;
        }
        try {
            file.close();
        } catch (IOException ignored) {
            // closing releases the lock; nothing more to do
        }
    }
}
