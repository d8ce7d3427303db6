package dev.interviewcoach.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up shortcut that skips Flyway must know the newest migration, and must not skip a new one. */
class SchemaVersionTest {

    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

    @TempDir
    Path dir;

    @Test
    void theSchemaVersionIsTheNewestMigrationFile() throws IOException, URISyntaxException {
        Path db = Path.of(Database.class.getResource("/db").toURI());
        int newest;
        try (Stream<Path> files = Files.walk(db)) {
            newest = files.map(p -> VERSION.matcher(p.getFileName().toString())).filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElseThrow();
        }
        assertThat(Database.SCHEMA_VERSION).isEqualTo(newest);
    }

    @Test
    void aMigratedDatabaseIsRecognisedAndAFreshOneIsMigrated() {
        try (Database first = Database.sqlite(dir.resolve("coach.db"))) {
            assertThat(first.migrate()).isEqualTo(Database.SCHEMA_VERSION);
        }
        try (Database again = Database.sqlite(dir.resolve("coach.db"))) {
            assertThat(again.migrate()).isZero();
            int people = again.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM coach_person")
                    .mapTo(Integer.class).one());
            assertThat(people).isZero();
        }
    }
}
