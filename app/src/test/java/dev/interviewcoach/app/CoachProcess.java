package dev.interviewcoach.app;

import dev.interviewcoach.testkit.discord.FakeDiscord;
import dev.interviewcoach.testkit.slack.FakeSlack;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** The coach as a separate process, as an operator runs it, configured only by its environment. */
final class CoachProcess {

    private CoachProcess() {
    }

    /**
     * Spawned coaches skip the optimising compiler: they live seconds, so start-up is most of their
     * time. They also map a class-data archive of a started coach (see {@link QuickStart}).
     */
    private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1");

    static Process launch(Map<String, String> env, String... args) throws Exception {
        return builder(env, args).redirectErrorStream(true).start();
    }

    /** The command line and environment of a coach process, for a test that redirects its streams itself. */
    static ProcessBuilder builder(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(QUICK_START);
        command.addAll(QuickStart.options());
        command.addAll(List.of(Main.class.getName()));
        command.addAll(List.of(args));
        return withEnvironment(new ProcessBuilder(command), env);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static ProcessBuilder withEnvironment(ProcessBuilder builder, Map<String, String> env) {
        builder.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("DISCORD_") || k.startsWith("COACH_"));
        builder.environment().putAll(env);
        return builder;
    }

    /**
     * Class-data sharing for the spawned coaches, as the {@code ./coach} launcher does for operators:
     * once per test JVM, one coach is started on the fake Slack and Discord and stopped with SIGTERM,
     * writing an archive of the classes it loaded; every coach the tests spawn after it maps that
     * archive instead of reading, verifying and linking those classes again. An archive holds only
     * classes from jars, so the class path's folders (this module's classes) are put in jars first.
     * The code that runs is the same; if anything here fails, coaches start as before, without one.
     */
    static final class QuickStart {

        private static List<String> options;

        private QuickStart() {
        }

        /** The class path and archive options of a spawned coach. */
        static synchronized List<String> options() {
            if (options == null) {
                options = prepare();
            }
            return options;
        }

        private static List<String> prepare() {
            List<String> plain = List.of("-cp", System.getProperty("java.class.path"));
            try {
                Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "spawned-coach-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                String classPath = jarred(dir);
                Path archive = dir.resolve("coach.jsa");
                List<String> withArchive = List.of("-cp", classPath, "-XX:SharedArchiveFile=" + archive,
                        // a coach must never say more because of the archive: its output is what tests read
                        "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
                train(classPath, archive);
                return Files.size(archive) > 0 ? withArchive : plain;
            } catch (Exception | AssertionError e) {
                System.err.println("Spawned coaches start without a class-data archive: " + e);
                return plain;
            }
        }

        /** The archive and jars go with the test JVM (its coaches have stopped by then). */
        private static void delete(Path dir) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException ignored) {
                // left in target/, which mvn clean removes
            }
        }

        /** This JVM's class path with each folder replaced by a jar of its contents. */
        private static String jarred(Path dir) throws IOException {
            List<String> entries = new ArrayList<>();
            int n = 0;
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                Path path = Path.of(entry);
                if (Files.isDirectory(path)) {
                    Path jar = dir.resolve("classes-" + n++ + ".jar");
                    jar(path, jar);
                    entries.add(jar.toString());
                } else {
                    entries.add(entry);
                }
            }
            return String.join(java.io.File.pathSeparator, entries);
        }

        private static void jar(Path folder, Path jar) throws IOException {
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                 Stream<Path> files = Files.walk(folder)) {
                for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                    String name = folder.relativize(p).toString().replace(java.io.File.separatorChar, '/');
                    if (name.isEmpty()) {
                        continue;
                    }
                    if (Files.isDirectory(p)) {
                        out.putNextEntry(new JarEntry(name + "/"));
                    } else {
                        out.putNextEntry(new JarEntry(name));
                        Files.copy(p, out);
                    }
                    out.closeEntry();
                }
            }
        }

        /** Starts a coach on both fake platforms, waits until it is ready, and stops it: it writes the archive. */
        private static void train(String classPath, Path archive) throws Exception {
            Path db = archive.resolveSibling("training.db");
            try (FakeSlack slack = FakeSlack.start(); FakeDiscord discord = FakeDiscord.start()) {
                List<String> command = new ArrayList<>(List.of(java()));
                command.addAll(QUICK_START);
                command.addAll(List.of("-cp", classPath, "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off",
                        "-Xlog:cds+dynamic=off", Main.class.getName(), "run"));
                Process process = withEnvironment(new ProcessBuilder(command), Map.of(
                        "SLACK_BOT_TOKEN", "xoxb-training", "SLACK_SIGNING_SECRET", "training-secret",
                        "COACH_SLACK_API_URL", slack.methodsUrl(), "COACH_SLACK_PORT", "0", "COACH_SLACK_HOST", "127.0.0.1",
                        "DISCORD_TOKEN", "discord-training", "COACH_DISCORD_API_URL", discord.restUrl(),
                        "COACH_DISCORD_GATEWAY_URL", discord.gatewayUrl(), "COACH_DISCORD_DEV_GUILD_ID", FakeDiscord.GUILD_ID,
                        "COACH_DATABASE_PATH", db.toString()))
                        .redirectErrorStream(true).start();
                try {
                    List<String> lines = readUntil(process, "Interview Coach ready", 90);
                    if (lines.stream().noneMatch(l -> l.contains("Interview Coach ready"))) {
                        throw new IllegalStateException("the training coach did not start:\n" + String.join("\n", lines));
                    }
                    process.toHandle().destroy(); // SIGTERM: a clean stop, which writes the archive
                    readUntil(process, "never", 60);
                    if (!process.waitFor(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the training coach did not stop");
                    }
                } finally {
                    process.destroyForcibly();
                }
            }
        }
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
