package dev.interviewcoach.app;

import dev.interviewcoach.engine.Scheduled;
import dev.interviewcoach.store.SqliteBackup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite database copied once a day while {@code coach run} runs, as {@code coach backup} copies it, into
 * {@code <name>-daily-<time>.db} files of which the newest few are kept. The job looks every hour and copies when the
 * newest daily copy is a day old, so restarts neither skip a day nor make extra copies. Copies made by hand (named
 * otherwise) are never counted or deleted.
 */
final class DailyBackups implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DailyBackups.class);

    /** How often the job looks; the copy itself is made once a day. */
    static final Duration LOOK_EVERY = Duration.ofHours(1);
    /**
     * A copy at most this old counts as the day's: under a day by less than a look's interval, so that with a look
     * every hour the copies come a day apart rather than an hour earlier each day.
     */
    static final Duration DAY = Duration.ofHours(23).plusMinutes(30);

    private final Path database;
    private final Path folder;
    private final int keep;
    private final String prefix;
    private final Pattern named;
    private final AtomicReference<String> state = new AtomicReference<>("no daily copy made by this process yet");
    private final Optional<OffMachineCopies> offMachine;

    DailyBackups(Path database, Optional<Path> folder, int keep) {
        this(database, folder, keep, Optional.empty(), Map.of(), OffMachineCopies.TIME_LIMIT);
    }

    /** With {@code afterCopy}, the operator's command run on each new copy (see OffMachineCopies). */
    DailyBackups(Path database, Optional<Path> folder, int keep, Optional<String> afterCopy, Map<String, String> env,
            Duration afterCopyLimit) {
        this.database = database.toAbsolutePath();
        this.folder = folderFor(this.database, folder);
        this.keep = keep;
        this.offMachine = afterCopy.map(command -> new OffMachineCopies(command, this.folder, env, afterCopyLimit));
        this.prefix = this.database.getFileName().toString().replaceFirst("\\.db$", "") + "-daily-";
        this.named = Pattern.compile(Pattern.quote(prefix) + "(\\d{4}-\\d{2}-\\d{2}T\\d{6}Z)\\.db");
    }

    /** Where copies go: the configured folder, else {@code backups} beside the database. */
    static Path folderFor(Path database, Optional<Path> configured) {
        // absolute: the operator's afterCopy command runs in this folder and is given the copy's path
        return configured.map(Path::toAbsolutePath).orElse(database.toAbsolutePath().getParent().resolve("backups"));
    }

    /** The daily copies the configuration asks for: none with {@code keep: 0} or on PostgreSQL. */
    static Optional<DailyBackups> of(CoachConfig cfg, Map<String, String> env) {
        Optional<Path> file = cfg.sqliteFile(env);
        if (file.isEmpty() || cfg.backups().keep() == 0) {
            return Optional.empty();
        }
        return Optional.of(new DailyBackups(file.get(), cfg.backups().folder(), cfg.backups().keep(),
                cfg.backups().afterCopy(), env, OffMachineCopies.TIME_LIMIT));
    }

    /** The scheduler's job: a look every hour. */
    Scheduled.Job job() {
        return new Scheduled.Job("database-backup", LOOK_EVERY, (now, ports) -> runAt(now));
    }

    /** For {@code /readyz}: the last copy, how many are kept, and whether the newest left the machine. */
    String state() {
        String sent = offMachine.map(OffMachineCopies::state).orElse("");
        return sent.isEmpty() ? state.get() : state.get() + "; " + sent;
    }

    Optional<OffMachineCopies> offMachine() {
        return offMachine;
    }

    /** Stops the operator's command if one is running; it runs again at the next start. */
    @Override
    public void close() {
        offMachine.ifPresent(OffMachineCopies::close);
    }

    Path folder() {
        return folder;
    }

    /** Copies the database if the newest daily copy is a day old (or there is none), then prunes to the newest few. */
    void runAt(Instant now) {
        removeCutShort();
        // A copy stamped ahead of now (the clock was wrong once) must not hold back every copy until then.
        List<Path> copies = dailyCopies().stream()
                .filter(c -> takenAt(c).map(t -> !t.isAfter(now.plus(LOOK_EVERY))).orElse(false)).toList();
        Optional<Instant> newest = copies.isEmpty() ? Optional.empty() : takenAt(copies.getLast());
        if (newest.isPresent() && newest.get().isAfter(now.minus(DAY))) {
            state.compareAndSet("no daily copy made by this process yet", "last daily copy "
                    + copies.getLast().getFileName() + ", " + Math.min(copies.size(), keep) + " kept in " + folder);
            // Also the copy the command failed on, or was stopped in, before: it is tried again at each look.
            offMachine.ifPresent(o -> o.offer(copies.getLast(), now));
            return;
        }
        Path target = folder.resolve(prefix + BackupCommand.STAMP.format(now) + ".db");
        try {
            SqliteBackup.Copy copy = SqliteBackup.take(database, target);
            log.info("database copied to {} ({}, checked)", copy.file(), BackupCommand.size(copy.bytes()));
        } catch (SqliteBackup.BackupException e) {
            // The coach goes on; the next look tries again, and /readyz says what went wrong meanwhile.
            log.warn("the daily copy of the database failed: {}", e.getMessage());
            state.set("the daily copy failed at " + now + ": " + e.getMessage());
            return;
        }
        List<Path> all = dailyCopies().stream()
                .filter(c -> takenAt(c).map(t -> !t.isAfter(now.plus(LOOK_EVERY))).orElse(false)).toList();
        for (Path old : all.subList(0, Math.max(0, all.size() - keep))) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                log.warn("could not delete the old daily copy {}: {}", old, e.getMessage());
            }
        }
        state.set("last daily copy " + target.getFileName() + ", " + Math.min(all.size(), keep) + " kept in " + folder);
        offMachine.ifPresent(o -> o.offer(target, now));
    }

    /** A copy the process was killed in the middle of leaves a {@code .part} file as big as the database. */
    private void removeCutShort() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path part : files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(".db.part");
            }).toList()) {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            log.debug("cannot clear cut-short copies in {}: {}", folder, e.getMessage());
        }
    }

    /** The daily copies in the folder, oldest first (their names sort by time). */
    List<Path> dailyCopies() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> named.matcher(f.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            log.warn("cannot list the backup folder {}: {}", folder, e.getMessage());
            return List.of();
        }
    }

    private Optional<Instant> takenAt(Path copy) {
        Matcher m = named.matcher(copy.getFileName().toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(BackupCommand.STAMP.parse(m.group(1), Instant::from));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
