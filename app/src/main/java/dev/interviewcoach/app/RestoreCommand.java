package dev.interviewcoach.app;

import dev.interviewcoach.store.SqliteBackup;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code coach restore}: puts a backup in place of the embedded database, keeping the one it replaces. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Put a backup (from coach backup) in place of the embedded SQLite database. The coach must be"
                + " stopped; the database it replaces is kept beside it.")
final class RestoreCommand implements Callable<Integer> {

    @Parameters(paramLabel = "BACKUP", description = "The backup file to put back.")
    Path backup;

    @Mixin
    DatabaseFileOptions files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Path> live = files.database(err);
        if (live.isEmpty()) {
            return 2;
        }
        SqliteBackup.Copy checked;
        try {
            checked = SqliteBackup.check(backup);
        } catch (SqliteBackup.BackupException e) {
            err.println(e.getMessage() + (e.getMessage().endsWith(".") ? " " : ". ") + "Nothing was changed.");
            return 1;
        }
        boolean existed = Files.exists(live.get());
        AtomicReference<Optional<Path>> kept = new AtomicReference<>();
        AtomicReference<SqliteBackup.BackupException> failed = new AtomicReference<>();
        boolean alone = DatabaseInUse.whileUnused(live.get(), () -> {
            try {
                kept.set(SqliteBackup.restore(backup, live.get(), BackupCommand.STAMP.format(Clock.systemUTC().instant())));
            } catch (SqliteBackup.BackupException e) {
                failed.set(e);
            }
        });
        if (!alone) {
            err.println("A coach (coach run or coach console) has " + live.get() + " open. Stop it first, then run"
                    + " coach restore again. Nothing was changed.");
            return 1;
        }
        if (failed.get() != null) {
            err.println(failed.get().getMessage());
            return 1;
        }
        out.println("Restored " + live.get() + " from " + backup + " (schema version " + checked.schemaVersion() + ").");
        kept.get().ifPresent(k -> out.println("The database it replaced is kept as " + k + " (delete it once you are"
                + " sure)."));
        if (!existed) {
            // A mistyped --db would otherwise look like a restore of the coach's database.
            out.println("There was no database at " + live.get() + " before: if the coach uses another one, run coach"
                    + " restore again with --db (or --config) naming it.");
        }
        out.println("Start the coach as usual; a backup from an older version is brought up to date when it starts.");
        return 0;
    }
}
