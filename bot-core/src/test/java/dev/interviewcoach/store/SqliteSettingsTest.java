package dev.interviewcoach.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite file's settings: the coach's by default; the durability an operator asks for in the URL. */
class SqliteSettingsTest {

    @TempDir
    Path dir;

    private static int pragma(Database db, String name) {
        return db.jdbi().withHandle(h -> h.createQuery("PRAGMA " + name).mapTo(Integer.class).one());
    }

    @Test
    void byDefaultACrashOfTheProcessLosesNothingAndDeletedTextIsOverwritten() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            assertThat(pragma(db, "synchronous")).as("NORMAL").isEqualTo(1);
            assertThat(pragma(db, "secure_delete")).isEqualTo(1);
            String journal = db.jdbi().withHandle(h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one());
            assertThat(journal).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void aUrlThatAsksForFullSynchronousGetsItAndKeepsTheRest() {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("sub/coach.db") + "?synchronous=FULL", null, null)) {
            assertThat(pragma(db, "synchronous")).as("FULL: a power cut loses nothing committed").isEqualTo(2);
            assertThat(pragma(db, "secure_delete")).isEqualTo(1);
            assertThat(dir.resolve("sub/coach.db")).exists();
        }
    }
}
