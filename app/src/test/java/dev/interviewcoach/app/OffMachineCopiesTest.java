package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.interviewcoach.store.Database;
import dev.interviewcoach.store.SqliteBackup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's command that takes each daily copy off the machine (database.backups.afterCopy). */
class OffMachineCopiesTest {

    private static final Instant MONDAY_NINE = Instant.parse("2026-12-07T09:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Path database;
    private Path remote;
    private Map<String, String> env;

    @BeforeEach
    void aDatabaseAndAPlaceElsewhere() throws Exception {
        database = dir.resolve("coach.db");
        try (Database db = Database.sqlite(database)) {
            db.migrate();
        }
        remote = Files.createDirectories(dir.resolve("elsewhere"));
        env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    private DailyBackups backups(String command, Duration limit) {
        return new DailyBackups(database, Optional.empty(), 7, Optional.of(command), env, limit);
    }

    private static void settle(DailyBackups backups) throws Exception {
        backups.offMachine().orElseThrow().awaitIdle(WAIT);
    }

    private long runs() throws Exception {
        Path count = remote.resolve("runs");
        return Files.exists(count) ? Files.readAllLines(count).size() : 0;
    }

    @Test
    void eachNewCopyIsSentOnceAndArrivesWhole() throws Exception {
        String command = "echo run >> '" + remote.resolve("runs") + "' && cp \"$1\" '" + remote + "/'";
        try (DailyBackups backups = backups(command, Duration.ofMinutes(1))) {
            backups.runAt(MONDAY_NINE);
            settle(backups);
            Path arrived = remote.resolve("coach-daily-2026-12-07T090000Z.db");
            assertThat(arrived).exists();
            assertThat(SqliteBackup.check(arrived).schemaVersion()).isNotBlank();
            assertThat(backups.state()).endsWith("; coach-daily-2026-12-07T090000Z.db sent off by "
                    + "database.backups.afterCopy at 2026-12-07T09:00:00Z");

            // The hourly looks of the same day, and a restart, do not send it again.
            for (int hour = 1; hour < 5; hour++) {
                backups.runAt(MONDAY_NINE.plus(Duration.ofHours(hour)));
                settle(backups);
            }
            try (DailyBackups restarted = backups(command, Duration.ofMinutes(1))) {
                restarted.runAt(MONDAY_NINE.plus(Duration.ofHours(6)));
                assertThat(restarted.offMachine().orElseThrow().lastSent())
                        .contains("coach-daily-2026-12-07T090000Z.db");
            }
            assertThat(runs()).isEqualTo(1);

            backups.runAt(MONDAY_NINE.plus(Duration.ofDays(1)));
            settle(backups);
            assertThat(remote.resolve("coach-daily-2026-12-08T090000Z.db")).exists();
            assertThat(runs()).isEqualTo(2);
        }
    }

    @Test
    void aCommandThatFailsSaysWhyAndRunsAgainAtTheNextLookAlsoAfterARestart() throws Exception {
        Path credentials = remote.resolve("credentials");
        String command = "echo run >> '" + remote.resolve("runs") + "'; if [ ! -f '" + credentials + "' ]; then"
                + " echo 'uploading...'; echo 'remote refused: no credentials' >&2; exit 3; fi; cp \"$1\" '" + remote + "/'";
        try (DailyBackups backups = backups(command, Duration.ofMinutes(1))) {
            backups.runAt(MONDAY_NINE);
            settle(backups);
            assertThat(backups.state()).endsWith("; sending coach-daily-2026-12-07T090000Z.db off failed at"
                    + " 2026-12-07T09:00:00Z: it ended with exit code 3 (its output is in the log); tried again at the"
                    + " next look").doesNotContain("credentials");
            assertThat(backups.state()).as("the copy itself is made and kept")
                    .startsWith("last daily copy coach-daily-2026-12-07T090000Z.db, 1 kept in ");

            backups.runAt(MONDAY_NINE.plus(Duration.ofHours(1)));
            settle(backups);
            assertThat(runs()).as("tried again an hour later").isEqualTo(2);
        }

        Files.writeString(credentials, "fixed");
        try (DailyBackups restarted = backups(command, Duration.ofMinutes(1))) {
            restarted.runAt(MONDAY_NINE.plus(Duration.ofHours(2)));
            settle(restarted);
            assertThat(remote.resolve("coach-daily-2026-12-07T090000Z.db")).exists();
            assertThat(restarted.state()).contains("sent off by database.backups.afterCopy");
        }
        assertThat(runs()).isEqualTo(3);
    }

    @Test
    void aCommandThatHangsIsStoppedWithWhatItStartedAtItsTimeLimit() throws Exception {
        Path pid = remote.resolve("pid");
        String command = "sleep 300 & echo $! > '" + pid + "'; wait";
        try (DailyBackups backups = backups(command, Duration.ofSeconds(2))) {
            backups.runAt(MONDAY_NINE);
            settle(backups);
            assertThat(backups.state()).contains("off failed at 2026-12-07T09:00:00Z: it did not end within 2 s and was"
                    + " stopped (its output is in the log); tried again at the next look");
            long sleeper = Long.parseLong(Files.readString(pid).strip());
            await().atMost(WAIT).until(() -> ProcessHandle.of(sleeper).map(h -> !h.isAlive()).orElse(true));
            assertThat(backups.offMachine().orElseThrow().lastSent()).isEmpty();
        }
    }

    @Test
    void aStopEndsACommandStillRunningAndTheNextStartSendsThatCopy() throws Exception {
        Path started = remote.resolve("started");
        String slow = "touch '" + started + "'; sleep 300";
        DailyBackups backups = backups(slow, Duration.ofHours(1));
        backups.runAt(MONDAY_NINE);
        await().atMost(WAIT).until(() -> Files.exists(started));
        long before = System.nanoTime();
        backups.close();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).as("the stop does not wait an hour")
                .isLessThan(Duration.ofSeconds(10));
        assertThat(backups.offMachine().orElseThrow().lastSent()).isEmpty();

        try (DailyBackups next = backups("cp \"$COACH_BACKUP_FILE\" '" + remote + "/'", Duration.ofMinutes(1))) {
            next.runAt(MONDAY_NINE.plus(Duration.ofMinutes(10)));
            settle(next);
        }
        assertThat(remote.resolve("coach-daily-2026-12-07T090000Z.db")).exists();
    }

    @Test
    void aRelativeBackupFolderStillGivesTheCommandAPathToTheCopy() throws Exception {
        Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("relative-backups"));
        try (DailyBackups backups = new DailyBackups(database, Optional.of(relative), 7,
                Optional.of("cp \"$1\" '" + remote + "/'"), env, Duration.ofMinutes(1))) {
            backups.runAt(MONDAY_NINE);
            settle(backups);
            assertThat(backups.state()).contains("sent off by database.backups.afterCopy");
        }
        assertThat(remote.resolve("coach-daily-2026-12-07T090000Z.db")).exists();
    }

    @Test
    void theCommandGetsTheEnvironmentButNotTheCoachsSecrets() throws Exception {
        env.put("COACH_SECRET_KEY", "the-key-the-tokens-are-sealed-with");
        env.put("SLACK_BOT_TOKEN", "xoxb-secret");
        env.put("SLACK_SIGNING_SECRET", "signing");
        env.put("DISCORD_TOKEN", "discord-secret");
        env.put("COACH_LLM_API_KEY", "sk-secret");
        env.put("COACH_DB_PASSWORD", "pw");
        env.put("AWS_SECRET_ACCESS_KEY", "for-the-upload");
        env.put("RCLONE_CONFIG", "/etc/rclone.conf");
        env.put("COACH_LOG_LEVEL", "INFO");
        try (DailyBackups backups = backups("env > '" + remote.resolve("env") + "'", Duration.ofMinutes(1))) {
            backups.runAt(MONDAY_NINE);
            settle(backups);
        }
        String seen = Files.readString(remote.resolve("env"));
        assertThat(seen).contains("AWS_SECRET_ACCESS_KEY=for-the-upload", "RCLONE_CONFIG=/etc/rclone.conf",
                "COACH_LOG_LEVEL=INFO", "COACH_BACKUP_FILE=" + dir.resolve("backups/coach-daily-2026-12-07T090000Z.db"));
        assertThat(seen).doesNotContain("the-key-the-tokens-are-sealed-with", "xoxb-secret", "signing", "discord-secret",
                "sk-secret", "=pw");
        try (Stream<Path> left = Files.list(dir.resolve("backups"))) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("coach-daily-2026-12-07T090000Z.db", OffMachineCopies.SENT_MARK);
        }
    }

    @Test
    void configCheckSaysWhenTheCommandWouldNeverRun() throws Exception {
        Path config = Files.writeString(dir.resolve("coach.yaml"), """
                database:
                  path: %s
                  backups:
                    keep: 0
                    afterCopy: 'rclone copy "$1" offsite:coach'
                """.formatted(database));
        java.io.StringWriter out = new java.io.StringWriter();
        int code = Main.run(new java.io.PrintWriter(out), new java.io.PrintWriter(out), "config", "check", "--config",
                config.toString());
        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("database.backups.afterCopy is set, but database.backups.keep is 0, so no"
                + " daily copy is made for it to send: set keep to 1 or more");
    }
}
