package dev.interviewcoach.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The coach as a separate process, as an operator runs it, configured only by its environment. */
final class CoachProcess {

    private CoachProcess() {
    }

    /**
     * Spawned coaches skip the optimising compiler: they live seconds, so start-up is most of their
     * time. (A class-data archive cannot be used here: the test class path holds directories.)
     */
    private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1");

    static Process launch(Map<String, String> env, String... args) throws Exception {
        return builder(env, args).redirectErrorStream(true).start();
    }

    /** The command line and environment of a coach process, for a test that redirects its streams itself. */
    static ProcessBuilder builder(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(QUICK_START);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("DISCORD_") || k.startsWith("COACH_"));
        builder.environment().putAll(env);
        return builder;
    }

    /** Reads the process's output until a line contains {@code marker}, or the process ends or time runs out. */
    static List<String> readUntil(Process process, String marker, long seconds) throws Exception {
        List<String> lines = new ArrayList<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    if (line.contains(marker)) {
                        return;
                    }
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        try {
            reading.get(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            // report what was read
        }
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }
}
