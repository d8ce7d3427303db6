package dev.interviewcoach.bench;

import dev.interviewcoach.testkit.slack.FakeSlack;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.io.IOException;

/**
 * Start-up of {@code coach run} as an operator starts it: the runnable jar in a process of its own, on an SQLite
 * file, with Slack over HTTP configured against a fake Slack. Times the launch to the "Interview Coach ready in N
 * ms" line, and reads N, which counts from the run command's start (so it leaves out JVM start and class loading
 * before it). A first start on a new file runs every migration; a restart finds them done.
 */
final class CoachStartup {

    private static final Pattern READY = Pattern.compile("Interview Coach ready in (\\d+) ms");
    private static final Pattern LISTENING = Pattern.compile("Slack: listening on (http://\\S+)");
    private static final long GIVE_UP_SECONDS = 60;
    /** How a JVM that ran its shutdown hooks after SIGTERM exits: 128 + 15. */
    private static final int SIGTERM_EXIT = 143;
    /** The Slack signing secret the coach is started with. */
    static final String SIGNING_SECRET = "startup-secret";

    /**
     * @param cpuMillis CPU time the coach's process had used when it said it was ready (all its threads: JIT and
     *                  GC too); less sensitive to other work on the machine than the wall times, -1 if unknown
     */
    record Result(long wallMillis, long loggedMillis, long cpuMillis, String loadBefore, List<Long> firstInterview) {
        Result(long wallMillis, long loggedMillis, long cpuMillis, String loadBefore) {
            this(wallMillis, loggedMillis, cpuMillis, loadBefore, List.of());
        }
    }

    /** Something done with the coach once it is ready and before it is stopped, given its Slack events URL. */
    interface WhileReady {
        /** What a person waited for each turn, in milliseconds. */
        List<Long> run(URI events) throws Exception;
    }

    /**
     * Starts {@code coach run} once and stops it when it is ready. Its log goes to {@code log}, each line with the
     * milliseconds since launch, to see where the time goes.
     *
     * @param javaOptions extra JVM options for the coach's process (e.g. a flight recording), may be empty
     */
    static Result once(Path coachJar, List<String> javaOptions, Path dir, FakeSlack slack, PrintStream out,
                       PrintStream log) throws Exception {
        return once(coachJar, javaOptions, dir, slack, out, log, null);
    }

    /** As {@link #once}, doing {@code whileReady} (if not null) once the coach is ready, before stopping it. */
    static Result once(Path coachJar, List<String> javaOptions, Path dir, FakeSlack slack, PrintStream out,
                       PrintStream log, WhileReady whileReady) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED"));
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", coachJar.toAbsolutePath().toString(), "run"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("DISCORD_")
                || k.startsWith("COACH_"));
        builder.environment().putAll(Map.of("SLACK_BOT_TOKEN", "xoxb-startup", "SLACK_SIGNING_SECRET", SIGNING_SECRET,
                "COACH_SLACK_API_URL", slack.methodsUrl(), "COACH_SLACK_PORT", "0", "COACH_SLACK_HOST", "127.0.0.1",
                "COACH_DATABASE_PATH", dir.resolve("coach.db").toString(),
                // The harness's person answers at once; a real one types for longer than the window (see FirstInterview).
                "COACH_INTERVIEW_JOIN_WITHIN_SECONDS", "0"));
        String load = ResourceUse.loadAverageNow();
        long launched = System.nanoTime();
        Process process = builder.start();
        List<String> seen = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            Thread killer = Thread.ofVirtual().start(() -> {
                try {
                    if (!process.waitFor(GIVE_UP_SECONDS, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException ignored) {
                    // the reader finished first
                }
            });
            String line;
            URI events = null;
            while ((line = lines.readLine()) != null) {
                seen.add(line);
                log.printf("[coach run +%5d ms] %s%n", (System.nanoTime() - launched) / 1_000_000, line);
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    events = URI.create(listening.group(1));
                }
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
                    long wall = (System.nanoTime() - launched) / 1_000_000;
                    long cpu = cpuMillis(process.pid());
                    killer.interrupt();
                    if (whileReady == null) {
                        return new Result(wall, Long.parseLong(ready.group(1)), cpu, load);
                    }
                    if (events == null) {
                        throw new IllegalStateException("coach run did not say where it listens for Slack events");
                    }
                    // Its log goes on while the person practises; a full pipe would stall it.
                    Thread.ofVirtual().start(() -> {
                        try {
                            String more;
                            while ((more = lines.readLine()) != null) {
                                log.printf("[coach run +%5d ms] %s%n", (System.nanoTime() - launched) / 1_000_000, more);
                            }
                        } catch (IOException stopped) {
                            // the process ended
                        }
                    });
                    List<Long> waited;
                    try {
                        waited = whileReady.run(events);
                    } finally {
                        // Ends the log, so that the reader (which the thread above holds) can be closed.
                        process.destroy();
                    }
                    return new Result(wall, Long.parseLong(ready.group(1)), cpu, load, waited);
                }
            }
            throw new IllegalStateException("coach run ended without saying it was ready; it said:\n"
                    + String.join("\n", seen));
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                out.println("coach run did not stop within 30 s of SIGTERM");
            } else if (process.exitValue() != 0 && process.exitValue() != SIGTERM_EXIT) {
                // A crash on the way out (an hs_err_pid file in its folder) ends the JVM with 134.
                out.println("coach run did not stop cleanly: exit code " + process.exitValue());
            }
        }
    }

    /** User plus system CPU time of a process, from /proc (clock ticks of 10 ms on Linux); -1 where unreadable. */
    private static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name, which is in parentheses and may hold spaces: state is field 3.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime (14) and stime (15)
            return ticks * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
