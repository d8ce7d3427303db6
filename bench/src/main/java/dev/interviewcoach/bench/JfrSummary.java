package dev.interviewcoach.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * A short reading of a flight recording of the harness: where the sampled CPU went, by component (the innermost
 * frame of a known library or of ours, so time in the JDK is charged to whoever called it), and the hottest
 * methods. Optionally only some threads ({@code coach-lane} for the engine) and a time window.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.interviewcoach.bench.SlackLoadBenchmark --mode=jfr --file=rec.jfr \
 *     [--threads=coach-lane] [--from=15:06:57] [--to=15:08:00] [--under=dev.interviewcoach.app.RunCommand.call]
 * </pre>
 *
 * <p>{@code --under=METHOD} adds a table of what that method spent its time in: for each sample with METHOD on
 * the stack, the first method of ours called beneath it, and the one beneath that (inclusive).
 */
final class JfrSummary {

    /** Package prefixes and the component they are reported as; the first match from the innermost frame wins. */
    private static final List<Map.Entry<String, String>> COMPONENTS = List.of(
            Map.entry("com.google.gson", "Gson (JSON in the Slack SDK)"),
            Map.entry("okhttp3", "OkHttp (the Slack SDK's HTTP client)"),
            Map.entry("okio", "OkHttp (the Slack SDK's HTTP client)"),
            Map.entry("com.slack.api", "Slack SDK and Bolt, other"),
            Map.entry("org.sqlite", "SQLite JDBC"),
            Map.entry("org.jdbi", "Jdbi"),
            Map.entry("com.zaxxer.hikari", "HikariCP"),
            Map.entry("org.apache.lucene", "Lucene analysis"),
            Map.entry("dev.interviewcoach.feedback", "coach: feedback scoring"),
            Map.entry("dev.interviewcoach.text", "coach: text analysis"),
            Map.entry("dev.interviewcoach.interview", "coach: mock interviews"),
            Map.entry("dev.interviewcoach.engine", "coach: engine"),
            Map.entry("dev.interviewcoach.slack", "coach: Slack adapter"),
            Map.entry("dev.interviewcoach.testkit", "fake Slack"),
            Map.entry("sun.net.httpserver", "fake Slack (JDK HTTP server)"),
            Map.entry("dev.interviewcoach.bench", "harness"),
            Map.entry("jdk.internal.net.http", "harness (JDK HTTP client)"),
            Map.entry("org.eclipse.jetty", "Jetty"),
            Map.entry("com.fasterxml.jackson", "Jackson"),
            Map.entry("ch.qos.logback", "logback"),
            Map.entry("org.flywaydb", "Flyway"),
            Map.entry("org.yaml.snakeyaml", "SnakeYAML"),
            Map.entry("com.github.kagkarlsson", "db-scheduler"),
            Map.entry("picocli", "picocli"),
            Map.entry("dev.interviewcoach", "coach: other"));

    private JfrSummary() {
    }

    static void print(Path file, String threadPrefix, LocalTime from, LocalTime to, String under, PrintStream out)
            throws IOException {
        Map<String, Integer> beneath = new HashMap<>();
        Map<String, Integer> components = new HashMap<>();
        Map<String, Integer> hot = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        int samples = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                RecordedThread thread = event.getThread("sampledThread");
                String name = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
                LocalTime at = LocalTime.ofInstant(event.getStartTime(), ZoneId.systemDefault());
                if (!name.startsWith(threadPrefix) || (from != null && at.isBefore(from)) || (to != null && at.isAfter(to))) {
                    continue;
                }
                samples++;
                threads.merge(name.replaceAll("\\d+", "#"), 1, Integer::sum);
                List<String> frames = new ArrayList<>();
                for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                    frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
                }
                if (!frames.isEmpty()) {
                    hot.merge(frames.getFirst(), 1, Integer::sum);
                }
                components.merge(component(frames), 1, Integer::sum);
                if (under != null && frames.contains(under)) {
                    beneath.merge(calledBeneath(frames, under), 1, Integer::sum);
                }
            }
        }
        out.printf("%d CPU samples (jdk.ExecutionSample)%s%s%n", samples,
                threadPrefix.isEmpty() ? "" : " of threads " + threadPrefix + "*",
                from == null && to == null ? "" : " between " + from + " and " + to);
        table("by thread family", threads, samples, 8, out);
        table("by component (innermost known frame)", components, samples, 20, out);
        table("hottest methods (top frame)", hot, samples, 15, out);
        if (under != null) {
            table("beneath " + under + " (inclusive, ours)", beneath, samples, 20, out);
        }
    }

    /** The first two methods of ours called beneath {@code under} in this stack (innermost frame first). */
    private static String calledBeneath(List<String> frames, String under) {
        List<String> ours = new ArrayList<>();
        for (int i = frames.indexOf(under) - 1; i >= 0 && ours.size() < 2; i--) {
            String frame = frames.get(i);
            if (frame.startsWith("dev.interviewcoach") && !frame.contains("lambda$") && !frame.equals(under)) {
                ours.add(frame.substring("dev.interviewcoach.".length()));
            }
        }
        return ours.isEmpty() ? "(itself, or library code only)" : String.join(" > ", ours);
    }

    private static String component(List<String> frames) {
        for (String frame : frames) {
            for (Map.Entry<String, String> component : COMPONENTS) {
                if (frame.startsWith(component.getKey())) {
                    return component.getValue();
                }
            }
        }
        return "JDK only";
    }

    private static void table(String title, Map<String, Integer> counts, int total, int limit, PrintStream out) {
        out.println(title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(e -> out.printf(Locale.ROOT, "  %6d  %5.1f%%  %s%n", e.getValue(), 100.0 * e.getValue() / total,
                        e.getKey()));
    }
}
