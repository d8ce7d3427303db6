package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.console.ConsoleChatPort;
import dev.interviewcoach.console.ConsoleRenderer;
import dev.interviewcoach.console.ConsoleSession;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.store.Database;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coach backup} and {@code coach restore} as an operator uses them, on real SQLite files. */
class BackupRestoreTest {

    private static final String ANSWER = """
            The GIL lets only one thread run Python bytecode at a time, so threads do not speed up CPU-bound work.
            For CPU-bound jobs I use multiprocessing or a ProcessPoolExecutor; for I/O-bound work such as many
            HTTP calls I use asyncio with an event loop, or threads when the library is blocking.
            """;

    @TempDir
    Path dir;

    /** What a command said, and its exit code. */
    private record Said(int code, String out, String err) {}

    private static Said coach(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Said(code, out.toString(), err.toString());
    }

    private static Coach open(Path db) {
        Database database = Database.sqlite(db);
        database.migrate();
        return new Coach(database, BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty())), Optional.empty(),
                new MockInterviewFeature.Settings("python-developer", 5, 20), Clock.systemUTC(), new Random()); // ids differ from one opening to the next, as in a real process
    }

    /** One console session of {@code user}: a one-question interview answered, or the lines given. */
    private static String console(Coach coach, String user, String start, String typed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ConsoleSession session = new ConsoleSession(coach.engine(), coach.interviews(), coach.sessions(),
                new ConsoleChatPort(out, new ConsoleRenderer(false)), out, Clock.systemUTC());
        try {
            session.run(ConsoleSession.user(user), start, new BufferedReader(new StringReader(typed)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String history(Path db, String user) {
        try (Coach coach = open(db)) {
            return console(coach, user, "history", "quit\n");
        }
    }

    @Test
    void aBackupTakenWhileTheCoachIsBusyIsWholeAndRestoresEveryonesInterviews() throws Exception {
        Path live = dir.resolve("data/coach.db");
        Path copy = dir.resolve("copy.db");
        try (Coach coach = open(live)) {
            assertThat(console(coach, "gus", "mock python-developer 1 --no-followups", ANSWER + "\n"))
                    .contains("Scorecard");
            // Others go on practising while the backup is taken.
            AtomicBoolean busy = new AtomicBoolean(true);
            java.util.concurrent.CountDownLatch practising = new java.util.concurrent.CountDownLatch(1);
            CompletableFuture<Integer> others = CompletableFuture.supplyAsync(() -> {
                int rounds = 0;
                while (busy.get()) {
                    console(coach, "hal" + rounds++, "mock python-developer 1 --no-followups", ANSWER + "\n");
                    practising.countDown();
                }
                return rounds;
            }, command -> Thread.ofPlatform().start(command));
            assertThat(practising.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            Said backup = coach("backup", "--db", live.toString(), copy.toString());
            busy.set(false);
            assertThat(others.get()).isPositive();

            assertThat(backup.code()).as(backup.err()).isZero();
            assertThat(backup.out()).contains("Backed up " + live + " to " + copy).contains("checked; schema version")
                    .contains("coach restore --db " + live + " " + copy);
        }

        Path elsewhere = dir.resolve("restored/coach.db");
        Said restore = coach("restore", "--db", elsewhere.toString(), copy.toString());
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored " + elsewhere + " from " + copy)
                .doesNotContain("kept as"); // nothing was there to replace
        assertThat(history(elsewhere, "gus")).contains("python-developer").contains("/5");
    }

    @Test
    void aRestoreWaitsForTheCoachToStopAndKeepsTheDatabaseItReplaces() throws Exception {
        Path live = dir.resolve("coach.db");
        Path backup = dir.resolve("monday.db");
        try (Coach coach = open(live)) {
            console(coach, "ida", "mock python-developer 1 --no-followups", ANSWER + "\n");
        }
        assertThat(coach("backup", "--db", live.toString(), backup.toString()).code()).isZero();
        try (Coach coach = open(live)) {
            // practised after the backup: the restore takes the database back to before it
            assertThat(console(coach, "jon", "mock python-developer 1 --no-followups", ANSWER + "\n")).contains("Scorecard");
        }
        byte[] before = Files.readAllBytes(live);

        try (DatabaseInUse running = DatabaseInUse.hold(Optional.of(live))) {
            Said refused = coach("restore", "--db", live.toString(), backup.toString());
            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.err()).contains("has " + live + " open. Stop it first").contains("Nothing was changed.");
            assertThat(Files.readAllBytes(live)).isEqualTo(before);
        }

        Said restored = coach("restore", "--db", live.toString(), backup.toString());
        assertThat(restored.code()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("The database it replaced is kept as " + live + ".before-restore-");
        assertThat(history(live, "ida")).contains("python-developer");
        assertThat(history(live, "jon")).doesNotContain("python-developer");
        Path kept;
        try (var files = Files.list(dir)) {
            kept = files.filter(f -> f.getFileName().toString().matches("coach\\.db\\.before-restore-[0-9TZ-]+"))
                    .findFirst().orElseThrow();
        }
        assertThat(history(kept, "jon")).as("what the restore replaced is all there").contains("python-developer");
    }

    @Test
    void whatCannotBeBackedUpOrRestoredIsSaidAndNothingIsChanged() throws Exception {
        Path live = dir.resolve("coach.db");
        try (Coach coach = open(live)) {
            console(coach, "kim", "mock python-developer 1 --no-followups", ANSWER + "\n");
        }
        Path copy = dir.resolve("copy.db");
        assertThat(coach("backup", "--db", live.toString(), copy.toString()).code()).isZero();

        Said again = coach("backup", "--db", live.toString(), copy.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains(copy + " already exists");

        Path usb = Files.createDirectories(dir.resolve("usb"));
        Said intoAFolder = coach("backup", "--db", live.toString(), usb.toString());
        assertThat(intoAFolder.code()).as(intoAFolder.err()).isZero();
        try (var files = Files.list(usb)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .singleElement().asString().matches("coach-\\d{4}-\\d{2}-\\d{2}T\\d{6}Z\\.db");
        }

        Said itself = coach("restore", "--db", live.toString(), live.toString());
        assertThat(itself.code()).isEqualTo(1);
        assertThat(itself.err()).contains("is the database itself").contains("Nothing was changed.");

        Said missing = coach("backup", "--db", dir.resolve("typo.db").toString(), dir.resolve("x.db").toString());
        assertThat(missing.err()).contains("There is no database at " + dir.resolve("typo.db"));
        assertThat(dir.resolve("typo.db")).doesNotExist();
        assertThat(dir.resolve("x.db")).doesNotExist();

        byte[] before = Files.readAllBytes(live);
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not a database");
        Said notADatabase = coach("restore", "--db", live.toString(), notes.toString());
        assertThat(notADatabase.code()).isEqualTo(1);
        assertThat(notADatabase.err()).contains("is not a database the coach can read").contains("Nothing was changed.");

        Path foreign = dir.resolve("foreign.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE notes (body TEXT)");
        }
        assertThat(coach("restore", "--db", live.toString(), foreign.toString()).err())
                .contains("is not the coach's database");

        Path newer = dir.resolve("newer.db");
        Files.copy(copy, newer);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer); Statement st = c.createStatement()) {
            st.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " installed_by, execution_time, success) VALUES (999, '999', 'from the future', 'SQL', 'V999.sql',"
                    + " 'coach', 1, 1)");
        }
        Said fromTheFuture = coach("restore", "--db", live.toString(), newer.toString());
        assertThat(fromTheFuture.code()).isEqualTo(1);
        assertThat(fromTheFuture.err()).contains("made by a newer version of the coach (schema version 999")
                .contains("Nothing was changed.");

        assertThat(Files.readAllBytes(live)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList())
                    .noneMatch(name -> name.contains("before-restore") || name.endsWith(".restoring"));
        }
    }

    @Test
    void anUpgradeCopiesTheDatabaseBeforeChangingItsSchemaAndOnlyThen() throws Exception {
        Path live = dir.resolve("coach.db");
        // A database as the version before last left it: migrated up to schema 20.
        org.flywaydb.core.Flyway.configure().dataSource("jdbc:sqlite:" + live, null, null)
                .locations("classpath:db/migration", "classpath:db/vendor/sqlite").target("20").load().migrate();
        CoachConfig config = CoachConfig.load(Optional.empty(), java.util.Map.of("COACH_DATABASE_PATH", live.toString()));

        try (Coach upgraded = Coach.start(config, java.util.Map.of())) {
            assertThat(upgraded.database().appliedVersion()).hasValue(Database.schemaVersion());
        }
        List<Path> copies;
        try (var files = Files.list(dir.resolve("backups"))) {
            copies = files.toList();
        }
        assertThat(copies).singleElement().satisfies(copy -> {
            assertThat(copy.getFileName().toString()).startsWith("coach-before-schema-" + Database.schemaVersion() + "-");
            assertThat(dev.interviewcoach.store.SqliteBackup.check(copy).schemaVersion()).isEqualTo("20");
        });

        try (Coach again = Coach.start(config, java.util.Map.of())) {
            assertThat(again.database().appliedVersion()).hasValue(Database.schemaVersion());
        }
        Path fresh = dir.resolve("new/coach.db");
        try (Coach first = Coach.start(CoachConfig.load(Optional.empty(),
                java.util.Map.of("COACH_DATABASE_PATH", fresh.toString())), java.util.Map.of())) {
            assertThat(first.database().appliedVersion()).hasValue(Database.schemaVersion());
        }
        try (var files = Files.list(dir.resolve("backups"))) {
            assertThat(files.toList()).as("no copy when nothing changes, nor of a new database").hasSize(1);
        }
        assertThat(dir.resolve("new/backups")).doesNotExist();
    }

    @Test
    void aDatabaseSetAsideWithItsLogComesBackWholeAndNoSetAsideDatabaseIsOverwritten() throws Exception {
        Path live = dir.resolve("coach.db");
        try (Database db = Database.sqlite(live)) {
            db.migrate();
        }
        // A database left with committed rows still in its write-ahead log (the process ended without closing it).
        Path aside = dir.resolve("aside.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + live); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA wal_autocheckpoint=0");
            st.execute("INSERT INTO daily_answer (subscription_id, local_date, platform, tenant, user_id, question_id,"
                    + " answer_text, score, covered, missed, share, answered_at) VALUES ('s', '2026-12-07', 'SLACK', 'T1',"
                    + " 'U1', 'q', 'in the log only', 4, '', '', 0, 1)");
            assertThat(dir.resolve("coach.db-wal")).isNotEmptyFile();
            Files.copy(live, aside);
            Files.copy(dir.resolve("coach.db-wal"), dir.resolve("aside.db-wal"));
        }
        Path restored = dir.resolve("restored.db");
        Said said = coach("restore", "--db", restored.toString(), aside.toString());
        assertThat(said.code()).as(said.err()).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + restored); Statement st = c.createStatement();
             var rows = st.executeQuery("SELECT answer_text FROM daily_answer")) {
            assertThat(rows.next()).as("the row that was only in the log").isTrue();
            assertThat(rows.getString(1)).isEqualTo("in the log only");
        }

        // Two restores within the same second each keep what they replaced.
        Optional<Path> first = dev.interviewcoach.store.SqliteBackup.restore(aside, restored, "same-second");
        Optional<Path> second = dev.interviewcoach.store.SqliteBackup.restore(aside, restored, "same-second");
        assertThat(first).isPresent();
        assertThat(second).isPresent().isNotEqualTo(first);
        assertThat(first.get()).exists();
        assertThat(second.get()).exists();
    }

    @Test
    void aCoachDoesNotStartOnADatabaseBeingRestoredAndCopiesAreAsPrivateAsTheDatabase() throws Exception {
        Path live = dir.resolve("coach.db");
        try (Database db = Database.sqlite(live)) {
            db.migrate();
        }
        java.nio.file.Files.setPosixFilePermissions(live, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Path copy = dir.resolve("copy.db");
        assertThat(coach("backup", "--db", live.toString(), copy.toString()).code()).isZero();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)))
                .isEqualTo("rw-------");

        String[] console = new String[1];
        boolean alone = DatabaseInUse.whileUnused(live, () -> {
            try {
                Process process = CoachProcess.launch(java.util.Map.of(), "console", "--db", live.toString());
                process.getOutputStream().close();
                console[0] = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).as(console[0]).isEqualTo(2);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(alone).isTrue();
        assertThat(console[0]).contains("A restore of " + live + " is under way (coach restore)");
    }

    @Test
    void onPostgresqlItPointsToTheDatabasesOwnTools() throws Exception {
        Path config = Files.writeString(dir.resolve("coach.yaml"), """
                database:
                  url: jdbc:postgresql://db.internal:5432/coach
                """);
        for (List<String> command : List.of(List.of("backup"), List.of("restore", "x.db"))) {
            String[] args = new java.util.ArrayList<>(command) {{
                add("--config");
                add(config.toString());
            }}.toArray(String[]::new);
            Said said = coach(args);
            assertThat(said.code()).isEqualTo(2);
            assertThat(said.err()).contains("jdbc:postgresql://db.internal:5432/coach").contains("pg_dump");
        }
    }
}
