package dev.interviewcoach.app;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's own command ({@code database.backups.afterCopy}) run on each new daily copy, so that a copy also
 * leaves the machine (rclone, rsync, an object store's client). It runs on a thread of its own, since an upload can
 * take minutes and the scheduler's one thread also posts the questions of the day; at most one runs at a time. The
 * name of the last copy it took is kept in a file in the backup folder, so a command that failed, or was cut short by
 * a stop, runs again on that copy at the next look, also after a restart.
 */
final class OffMachineCopies implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OffMachineCopies.class);

    /** A command still running after this long is stopped, with everything it started. */
    static final Duration TIME_LIMIT = Duration.ofHours(1);
    /** The file in the backup folder naming the last copy the command took without failing. */
    static final String SENT_MARK = ".sent-off";
    /** How much of a failed command's output goes into the log and {@code /readyz}. */
    private static final int OUTPUT_SHOWN = 400;
    /**
     * The coach's own secrets, which the command does not need and should not be able to leak: the key the copies'
     * tokens are encrypted with most of all, as the copies it uploads hold those tokens.
     */
    private static final Set<String> SECRET_WORDS = Set.of("TOKEN", "SECRET", "KEY", "PASSWORD");

    private final String command;
    private final Path folder;
    private final Map<String, String> environment;
    private final Duration limit;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("coach-backup-after-copy").daemon().factory());
    private final AtomicReference<Future<?>> running = new AtomicReference<>();
    private final AtomicReference<Process> process = new AtomicReference<>();
    private final AtomicReference<String> state = new AtomicReference<>("");
    private final AtomicBoolean closing = new AtomicBoolean();

    OffMachineCopies(String command, Path folder, Map<String, String> coachEnvironment, Duration limit) {
        this.command = command;
        this.folder = folder;
        this.environment = withoutSecrets(coachEnvironment);
        this.limit = limit;
    }

    /** The command's environment: the coach's, less its tokens, keys and passwords. */
    static Map<String, String> withoutSecrets(Map<String, String> env) {
        Map<String, String> kept = new TreeMap<>();
        env.forEach((name, value) -> {
            String upper = name.toUpperCase(Locale.ROOT);
            boolean coachs = upper.startsWith("COACH_") || upper.startsWith("SLACK_") || upper.startsWith("DISCORD_");
            boolean secret = SECRET_WORDS.stream().anyMatch(upper::contains) || upper.equals("COACH_DB_URL");
            if (!(coachs && secret)) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    /**
     * Starts the command on {@code copy} unless it already took that copy or is still busy with one; returns at once.
     * The newest copy is offered at every look, so one the command failed on is tried again an hour later.
     */
    void offer(Path copy, Instant now) {
        Future<?> busy = running.get();
        if (busy != null && !busy.isDone()) {
            return;
        }
        String name = copy.getFileName().toString();
        if (name.equals(lastSent().orElse(null))) {
            state.compareAndSet("", name + " sent off by database.backups.afterCopy");
            return;
        }
        running.set(runner.submit(() -> send(copy, now)));
    }

    /** For {@code /readyz}: what became of the last copy offered, or empty before any. */
    String state() {
        return state.get();
    }

    /** Waits for the command in hand; for tests. */
    void awaitIdle(Duration atMost) throws Exception {
        Future<?> busy = running.get();
        if (busy != null) {
            busy.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    Optional<String> lastSent() {
        try {
            Path mark = folder.resolve(SENT_MARK);
            return Files.exists(mark) ? Optional.of(Files.readString(mark).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void send(Path copy, Instant offeredAt) {
        String name = copy.getFileName().toString();
        state.set(name + " being sent off by database.backups.afterCopy since " + offeredAt);
        Path output = null;
        long started = System.nanoTime();
        try {
            output = Files.createTempFile("coach-after-copy", ".log");
            // sh -c 'command' name file: the copy is $1 (and COACH_BACKUP_FILE), as the README shows.
            ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command, "coach-after-copy", copy.toString())
                    .directory(folder.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().clear();
            builder.environment().putAll(environment);
            builder.environment().put("COACH_BACKUP_FILE", copy.toString());
            Process started0 = builder.start();
            process.set(started0);
            boolean ended = started0.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            if (closing.get()) {
                log.info("database.backups.afterCopy stopped with the coach; it runs again on {} at the next start",
                        name);
            } else if (!ended) {
                stopWithChildren(started0);
                fail(name, offeredAt, "it did not end within " + describe(limit) + " and was stopped", output);
            } else if (started0.exitValue() != 0) {
                fail(name, offeredAt, "it ended with exit code " + started0.exitValue(), output);
            } else {
                try {
                    markSent(name);
                } catch (IOException e) {
                    // Sent, but not noted: it is sent again at the next look, which the operator's tool can bear.
                    log.warn("{} was sent off, but {} could not be written in {} ({}); it is sent again at the next"
                            + " look", name, SENT_MARK, folder, e.getMessage());
                }
                log.info("daily copy {} sent off by database.backups.afterCopy in {} s", name, seconds);
                state.set(name + " sent off by database.backups.afterCopy at " + offeredAt.plusSeconds(seconds));
            }
        } catch (InterruptedException e) {
            // The coach is stopping: the command was stopped with it, and runs again on this copy at the next start.
            Thread.currentThread().interrupt();
            Process p = process.get();
            if (p != null) {
                stopWithChildren(p);
            }
            log.info("database.backups.afterCopy stopped with the coach; it runs again on {} at the next start", name);
        } catch (IOException e) {
            log.warn("database.backups.afterCopy could not be started for {}: {}", name, e.getMessage());
            state.set("sending " + name + " off failed at " + offeredAt + ": the command could not be started ("
                    + e.getMessage() + "); tried again at the next look");
        } finally {
            process.set(null);
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    log.debug("cannot delete {}: {}", output, e.getMessage());
                }
            }
        }
    }

    private void fail(String name, Instant offeredAt, String why, Path output) {
        String said = lastOutput(output);
        log.warn("database.backups.afterCopy failed on {}: {}{}; tried again at the next look", name, why,
                said.isEmpty() ? "" : "; it said: " + said);
        // /readyz may be served on a public port: what the tool printed (a bucket, a signed address) stays in the log
        state.set("sending " + name + " off failed at " + offeredAt + ": " + why + " (its output is in the log);"
                + " tried again at the next look");
    }

    /** The end of what the command printed, on one line: where its error usually is. */
    private static String lastOutput(Path output) {
        try {
            String text = new String(Files.readAllBytes(output), StandardCharsets.UTF_8).strip()
                    .replaceAll("\\s*\\R\\s*", " | ");
            return text.length() <= OUTPUT_SHOWN ? text : "..." + text.substring(text.length() - OUTPUT_SHOWN);
        } catch (IOException e) {
            return "";
        }
    }

    private void markSent(String name) throws IOException {
        Path part = folder.resolve(SENT_MARK + ".part");
        Files.writeString(part, name + "\n");
        Files.move(part, folder.resolve(SENT_MARK), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void stopWithChildren(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static String describe(Duration d) {
        return d.toMinutes() >= 1 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    /** At a stop a command still running is stopped (it runs again at the next start) rather than waited for. */
    @Override
    public void close() {
        closing.set(true);
        Process p = process.get();
        if (p != null) {
            stopWithChildren(p);
        }
        runner.shutdownNow();
        try {
            if (!runner.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("database.backups.afterCopy did not end within 5 s of the stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
