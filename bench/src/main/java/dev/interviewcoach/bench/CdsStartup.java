package dev.interviewcoach.bench;

import dev.interviewcoach.testkit.slack.FakeSlack;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up of {@code coach run} with and without a class-data sharing archive, in one run: a first
 * start writes the archive as it stops (as the launcher's first run does), then starts with and
 * without it take turns on the same database, so both see the same machine. Reports medians and
 * the ratio, for the time from launch to ready and for the CPU the process used to get there.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.interviewcoach.bench.CdsStartup [--runs=5] [--coach-jar=app/target/coach.jar]
 * </pre>
 */
public final class CdsStartup {

    private CdsStartup() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
        Path jar = Path.of("app/target/coach.jar");
        for (String arg : args) {
            if (arg.startsWith("--runs=")) {
                runs = Integer.parseInt(arg.substring("--runs=".length()));
            } else if (arg.startsWith("--coach-jar=")) {
                jar = Path.of(arg.substring("--coach-jar=".length()));
            } else {
                throw new IllegalArgumentException("unknown option " + arg + "; use --runs=N and --coach-jar=PATH");
            }
        }
        compare(jar, runs, System.out);
        System.exit(0); // the fake Slack's threads
    }

    static void compare(Path jar, int runs, PrintStream out) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar.toAbsolutePath() + " is missing: build it first");
        }
        out.printf("machine: %d cores, JDK %s, load average %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), ResourceUse.loadAverageNow());
        Path dir = Files.createTempDirectory("coach-cds-");
        try (FakeSlack slack = FakeSlack.start()) {
            Path archive = dir.resolve("coach-run.jsa");
            // The options the launcher uses, so the figures are the launcher's.
            List<String> cds = List.of("-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive",
                    "-Xlog:disable", "-Xlog:all=warning:stderr", "-Xlog:cds*=off:stderr");
            CoachStartup.Result training = CoachStartup.once(jar, cds, dir, slack, out, System.err);
            out.printf("first start (new database, writes the archive as it stops): launch to ready %d ms, CPU %d ms%n",
                    training.wallMillis(), training.cpuMillis());
            if (!Files.isRegularFile(archive)) {
                throw new IllegalStateException("the first start wrote no archive at " + archive);
            }
            out.printf("archive: %d MiB%n", Files.size(archive) / (1024 * 1024));
            List<CoachStartup.Result> plain = new ArrayList<>();
            List<CoachStartup.Result> shared = new ArrayList<>();
            for (int i = 1; i <= runs; i++) {
                // Alternating, so a change in the machine's load falls on both alike.
                CoachStartup.Result without = CoachStartup.once(jar, List.of(), dir, slack, out, System.err);
                CoachStartup.Result with = CoachStartup.once(jar, cds, dir, slack, out, System.err);
                plain.add(without);
                shared.add(with);
                out.printf("run %d: without archive %5d ms (CPU %5d ms, load %s); with archive %5d ms (CPU %5d ms, load %s)%n",
                        i, without.wallMillis(), without.cpuMillis(), without.loadBefore(), with.wallMillis(),
                        with.cpuMillis(), with.loadBefore());
            }
            double wallWithout = median(plain.stream().mapToDouble(CoachStartup.Result::wallMillis).toArray());
            double wallWith = median(shared.stream().mapToDouble(CoachStartup.Result::wallMillis).toArray());
            double cpuWithout = median(plain.stream().mapToDouble(CoachStartup.Result::cpuMillis).toArray());
            double cpuWith = median(shared.stream().mapToDouble(CoachStartup.Result::cpuMillis).toArray());
            double loggedWithout = median(plain.stream().mapToDouble(CoachStartup.Result::loggedMillis).toArray());
            double loggedWith = median(shared.stream().mapToDouble(CoachStartup.Result::loggedMillis).toArray());
            out.printf("median of %d, existing database: launch to ready %s ms without, %s ms with (ratio %.2f);"
                            + " logged %s / %s ms; CPU %s / %s ms (ratio %.2f); target < 2000 ms%n", runs,
                    SlackLoadBenchmark.fmt(wallWithout), SlackLoadBenchmark.fmt(wallWith), wallWith / wallWithout,
                    SlackLoadBenchmark.fmt(loggedWithout), SlackLoadBenchmark.fmt(loggedWith),
                    SlackLoadBenchmark.fmt(cpuWithout), SlackLoadBenchmark.fmt(cpuWith), cpuWith / cpuWithout);
        } finally {
            SlackLoadBenchmark.deleteTree(dir);
        }
    }

    private static double median(double[] values) {
        return SlackLoadBenchmark.median(values);
    }
}
