package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.store.Database;
import dev.interviewcoach.store.SqliteBackup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily copy of the database that coach run makes, looking every hour. */
class DailyBackupsTest {

    private static final Instant MONDAY_NINE = Instant.parse("2026-12-07T09:00:00Z");

    @TempDir
    Path dir;

    private Path database;

    @BeforeEach
    void aDatabase() {
        database = dir.resolve("coach.db");
        try (Database db = Database.sqlite(database)) {
            db.migrate();
        }
    }

    private static String names(DailyBackups backups) {
        return backups.dailyCopies().stream().map(p -> p.getFileName().toString()).toList().toString();
    }

    @Test
    void oneCopyADayTheNewestFewKeptAndCopiesMadeByHandLeftAlone() throws Exception {
        DailyBackups backups = new DailyBackups(database, Optional.empty(), 2);
        Path byHand = dir.resolve("backups/coach-2026-12-01T080000Z.db");
        Files.createDirectories(byHand.getParent());
        SqliteBackup.take(database, byHand);

        backups.runAt(MONDAY_NINE);
        assertThat(names(backups)).isEqualTo("[coach-daily-2026-12-07T090000Z.db]");
        assertThat(backups.state()).isEqualTo("last daily copy coach-daily-2026-12-07T090000Z.db, 1 kept in "
                + dir.resolve("backups"));

        // Hourly looks, and a restart the same day, make no more copies.
        for (int hour = 1; hour < 23; hour++) {
            backups.runAt(MONDAY_NINE.plus(Duration.ofHours(hour)));
        }
        new DailyBackups(database, Optional.empty(), 2).runAt(MONDAY_NINE.plus(Duration.ofHours(5)));
        assertThat(backups.dailyCopies()).hasSize(1);

        backups.runAt(MONDAY_NINE.plus(Duration.ofHours(23)));
        assertThat(backups.dailyCopies()).as("a day apart, not an hour earlier each day").hasSize(1);
        backups.runAt(MONDAY_NINE.plus(Duration.ofHours(24)));
        // A copy cut short by a kill, and one stamped ahead by a wrong clock, hold nothing back.
        Files.writeString(dir.resolve("backups/coach-daily-2026-12-08T100000Z.db.part"), "half a copy");
        SqliteBackup.take(database, dir.resolve("backups/coach-daily-2027-06-01T000000Z.db"));
        backups.runAt(MONDAY_NINE.plus(Duration.ofHours(48)));
        assertThat(names(backups)).as("the newest two, and the one from the future left alone").isEqualTo(
                "[coach-daily-2026-12-08T090000Z.db, coach-daily-2026-12-09T090000Z.db, coach-daily-2027-06-01T000000Z.db]");
        assertThat(dir.resolve("backups/coach-daily-2026-12-08T100000Z.db.part")).doesNotExist();
        assertThat(byHand).exists();
        for (Path copy : backups.dailyCopies()) {
            assertThat(SqliteBackup.check(copy).schemaVersion()).isNotBlank();
        }
    }

    @Test
    void aCopyThatCannotBeMadeIsReportedAndTriedAgainAtTheNextLook() throws Exception {
        Path blocked = Files.writeString(dir.resolve("not-a-folder"), "a file where the folder should be");
        DailyBackups backups = new DailyBackups(database, Optional.of(blocked), 7);

        backups.runAt(MONDAY_NINE);
        assertThat(backups.state()).startsWith("the daily copy failed at 2026-12-07T09:00:00Z: Cannot write in")
                .as("says why, not only where").contains("a file of that name is in the way of the folder");

        Files.delete(blocked);
        backups.runAt(MONDAY_NINE.plus(DailyBackups.LOOK_EVERY));
        assertThat(backups.state()).startsWith("last daily copy coach-daily-2026-12-07T100000Z.db");
    }

    @Test
    void configCheckSaysWhenTheDailyCopiesCouldNotBeWritten() throws Exception {
        Files.writeString(dir.resolve("afile"), "not a folder");
        Path config = Files.writeString(dir.resolve("coach.yaml"), """
                database:
                  path: %s
                  backups:
                    folder: %s
                """.formatted(database, dir.resolve("afile/backups")));
        java.io.StringWriter out = new java.io.StringWriter();
        int code = Main.run(new java.io.PrintWriter(out), new java.io.PrintWriter(out), "config", "check", "--config",
                config.toString());
        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("database.backups.folder " + dir.resolve("afile/backups") + " cannot be made: "
                + dir.resolve("afile") + " is a file");
    }

    @Test
    void configCheckSaysWhenTheDailyCheckIsRarerThanTheGraceAllows() throws Exception {
        Path config = Files.writeString(dir.resolve("coach.yaml"), """
                database:
                  path: %s
                daily:
                  checkSeconds: 86400
                """.formatted(database));
        java.io.StringWriter out = new java.io.StringWriter();
        int code = Main.run(new java.io.PrintWriter(out), new java.io.PrintWriter(out), "config", "check", "--config",
                config.toString());
        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("daily.checkSeconds (86400) is longer than daily.graceMinutes (120)");
    }

    @Test
    void configCheckSaysWhenTheClockStartIsNoInstant() throws Exception {
        Path config = Files.writeString(dir.resolve("coach.yaml"), "database:\n  path: %s\n".formatted(database));
        java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.put("COACH_CLOCK_START", "2026-12-01T08:59");
        java.util.List<String> problems = ConfigCheckCommand.checks(CoachConfig.load(Optional.of(config), env), env);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("COACH_CLOCK_START must be an instant"));
    }

    @Test
    void noneAreMadeOfPostgresqlOrWithKeepZero() {
        CoachConfig none = CoachConfig.load(Optional.empty(), java.util.Map.of("COACH_DATABASE_BACKUPS_KEEP", "0",
                "COACH_DATABASE_PATH", database.toString()));
        assertThat(DailyBackups.of(none, java.util.Map.of())).isEmpty();
        CoachConfig postgres = CoachConfig.load(Optional.empty(), java.util.Map.of("COACH_DB_URL",
                "jdbc:postgresql://db/coach"));
        assertThat(DailyBackups.of(postgres, java.util.Map.of("COACH_DB_URL", "jdbc:postgresql://db/coach"))).isEmpty();
        CoachConfig sqlite = CoachConfig.load(Optional.empty(), java.util.Map.of("COACH_DATABASE_PATH",
                database.toString(), "COACH_DATABASE_BACKUPS_FOLDER", dir.resolve("elsewhere").toString()));
        assertThat(DailyBackups.of(sqlite, java.util.Map.of())).hasValueSatisfying(
                b -> assertThat(b.folder()).isEqualTo(dir.resolve("elsewhere")));
    }
}
