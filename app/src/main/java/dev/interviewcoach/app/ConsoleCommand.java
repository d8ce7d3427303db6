package dev.interviewcoach.app;

import dev.interviewcoach.app.logging.TerminalLogs;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.console.ConsoleChannel;
import dev.interviewcoach.console.ConsoleChatPort;
import dev.interviewcoach.console.MovableClock;
import dev.interviewcoach.console.ConsoleRenderer;
import dev.interviewcoach.console.ConsoleSession;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;

/** {@code coach console}: a whole mock interview in the terminal, on the embedded database. */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Run a mock interview in this terminal. Answers end with an empty line; "
                + "type hint, skip, repeat or end at any time; Ctrl-D ends with the scorecard so far.")
final class ConsoleCommand implements Callable<Integer> {

    @Option(names = "--track", description = "Question track (default from config: python-developer).")
    String track;

    @Option(names = "--questions", description = "How many questions (default from config: 5).")
    Integer questions;

    @Option(names = "--no-followups", description = "Ask no follow-up questions in this interview (default from"
            + " config: interview.followUps).")
    boolean noFollowUps;

    @Option(names = "--user", description = "Who is practising; your progress is kept under this name (default: $USER).")
    String user;

    @Option(names = "--db", description = "SQLite database file (default: data/coach.db).")
    Path db;

    @Option(names = "--config", description = "Configuration file (default: config/coach.yaml if present).")
    Path config;

    @Option(names = "--channel", description = "Simulate a team channel with a question of the day and a clock you move"
            + " (:advance 1d), instead of a mock interview.")
    boolean channel;

    @Option(names = "--subscribe", description = "With --channel: the channel's subscription when it has none,"
            + " as for daily subscribe (default: the track, 09:00, your zone, weekdays, sealed).")
    String subscribe;

    @Override
    public Integer call() throws Exception {
        // The terminal is the conversation here: only warnings belong beside it.
        TerminalLogs.onlyWarnings();
        Map<String, String> env = new HashMap<>(System.getenv());
        if (db != null) {
            env.remove("COACH_DB_URL");
            env.put(CoachConfig.envName("database.path"), db.toString());
            env.put(CoachConfig.envName("database.url"), "");
        }
        CoachConfig cfg = CoachConfig.load(Optional.ofNullable(config), env);
        if (subscribe != null && !channel) {
            System.err.println("--subscribe sets the simulated channel's question of the day: use it with --channel.");
            return 2;
        }
        if (questions != null && (questions < 1 || questions > cfg.maxQuestions())) {
            System.err.println("--questions must be a number from 1 to " + cfg.maxQuestions() + ", not " + questions
                    + " (interview.maxQuestions sets the most).");
            return 2;
        }
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        boolean ansi = System.console() != null && System.getenv("NO_COLOR") == null
                && !"dumb".equals(System.getenv("TERM"));
        String name = user != null && !user.isBlank() ? user.strip()
                : Optional.ofNullable(System.getenv("USER")).filter(s -> !s.isBlank()).orElse("you");
        if (channel) {
            return channel(cfg, env, out, ansi, name);
        }
        StopOutsideTheModel stops = new StopOutsideTheModel();
        try (DatabaseInUse inUse = DatabaseInUse.hold(cfg.sqliteFile(env));
             Coach coach = Coach.start(cfg, env, Clock.systemUTC(), stops)) {
            UserRef person = ConsoleSession.user(name);
            // Ctrl-C waits for the answer in hand to get its feedback; the interview stays where it was, and lines of
            // an answer not yet sent are shown, to paste again.
            AtomicReference<ConsoleSession> running = new AtomicReference<>();
            stops.stopOnSignals(() -> {
                out.println(coach.sessions().activeFor(person).isPresent()
                        ? "\nStopped. Your interview is kept: run coach console again to go on where you left off."
                        : "\nStopped.");
                List<String> typed = running.get() == null ? List.of() : running.get().unsent();
                if (!typed.isEmpty()) {
                    out.println("The answer you were typing was not sent; here it is, to paste again:");
                    typed.forEach(out::println);
                }
            });
            // A step too, so that a Ctrl-C in the first moments prints its farewell after the banner, not before.
            stops.run(() -> {
                coach.banks().problems().forEach(p -> System.err.println("warning: left out a custom bank: " + p));
                out.println("Interview Coach: a mock interview in your terminal. Type help for commands.");
                if (cfg.review().enabled()) {
                    // the log is quiet here, so the person is told where their answers go
                    cfg.review().settings().ifPresent(r -> out.println("Each answer also gets a second opinion from the"
                            + " model " + r.model() + " at " + r.where()
                            + (r.loopback() ? " (on this machine)." : ": your answers leave this machine.")));
                }
            });
            ConsoleChatPort port = new ConsoleChatPort(out, new ConsoleRenderer(ansi), charts(cfg));
            ConsoleSession session = new ConsoleSession(coach.engine(), coach.interviews(), coach.sessions(), port,
                    out, Clock.systemUTC(), stops);
            running.set(session);
            String start = "mock " + (track == null ? cfg.defaultTrack() : track) + " "
                    + (questions == null ? cfg.defaultQuestions() : questions) + (noFollowUps ? " --no-followups" : "");
            session.run(person, start, track != null || questions != null,
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        }
        return 0;
    }

    /** Charts are saved beside the database: {@code data/charts} by default. */
    private static Path charts(CoachConfig cfg) {
        Path db = Path.of(cfg.databasePath()).toAbsolutePath();
        return (db.getParent() == null ? Path.of(".") : db.getParent()).resolve("charts");
    }

    private int channel(CoachConfig cfg, Map<String, String> env, PrintStream out, boolean ansi, String name)
            throws IOException {
        MovableClock clock = new MovableClock(Clock.systemUTC().instant());
        StopOutsideTheModel stops = new StopOutsideTheModel();
        try (DatabaseInUse inUse = DatabaseInUse.hold(cfg.sqliteFile(env));
             Coach coach = Coach.start(cfg, env, clock, stops)) {
            stops.stopOnSignals(() -> out.println("\nStopped."));
            ConsoleChannel simulated = new ConsoleChannel(coach.consoleBot(), new ConsoleChatPort(out, new ConsoleRenderer(ansi), charts(cfg)), clock,
                    out, name, stops);
            simulated.run(subscribe != null ? subscribe : (track == null ? cfg.defaultTrack() : track),
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        }
        return 0;
    }
}
