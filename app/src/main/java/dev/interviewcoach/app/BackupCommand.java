package dev.interviewcoach.app;

import dev.interviewcoach.store.SqliteBackup;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code coach backup}: a checked copy of the embedded database, safe to take while the coach runs. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Copy the embedded SQLite database to a file, checked, while the coach runs or not (default:"
                + " backups/ beside the database, named by the time). On PostgreSQL, use pg_dump.")
final class BackupCommand implements Callable<Integer> {

    /** How backups are named: sorted by name is sorted by time. */
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "Where to write the copy: a file that does not exist"
            + " yet, or a folder to write it into.")
    Path target;

    @Mixin
    DatabaseFileOptions files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Path> live = files.database(err);
        if (live.isEmpty()) {
            return 2;
        }
        Path to = target == null ? defaultTarget(live.get(), files.config().backups().folder(), Clock.systemUTC())
                // a folder given (a mounted disk, say): the copy goes into it, named as by default
                : Files.isDirectory(target) ? defaultTarget(live.get(), Optional.of(target), Clock.systemUTC())
                : target;
        try {
            SqliteBackup.Copy copy = SqliteBackup.take(live.get(), to);
            out.println("Backed up " + live.get() + " to " + copy.file() + " (" + size(copy.bytes())
                    + ", checked; schema version " + copy.schemaVersion() + ").");
            out.println("It holds everyone's answers and progress: keep it as safe as the database. To put it back,"
                    + " stop the coach and run: coach restore --db " + live.get().toAbsolutePath() + " " + copy.file());
            return 0;
        } catch (SqliteBackup.BackupException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    /** {@code <name>-<time>.db} in the backups folder (database.backups.folder, else backups/ beside the database). */
    static Path defaultTarget(Path database, Optional<Path> folder, Clock clock) {
        String name = database.getFileName().toString().replaceFirst("\\.db$", "");
        return DailyBackups.folderFor(database, folder).resolve(name + "-" + STAMP.format(clock.instant()) + ".db");
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
