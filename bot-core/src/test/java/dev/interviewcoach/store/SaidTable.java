package dev.interviewcoach.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A new SQLite file for each test with one table, {@code said(who)}: for tests of when writes take their turn and
 * commit. Registered with {@code @RegisterExtension}.
 */
final class SaidTable implements BeforeEachCallback, AfterEachCallback {

    private Path dir;
    private Database db;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("said");
        db = Database.sqlite(dir.resolve("coach.db"));
        db.jdbi().useHandle(h -> h.execute("CREATE TABLE said (who TEXT NOT NULL)"));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(SaidTable::delete);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Database db() {
        return db;
    }

    /** One row, written on this thread: in its unit of work if one runs here, else committed at once. */
    void write(String who) {
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO said (who) VALUES (:who)").bind("who", who).execute());
    }

    /** The rows this thread sees. */
    int count() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM said").mapTo(Integer.class).one());
    }
}
