package dev.interviewcoach.console;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.engine.CoachEngine;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.interview.Move;
import dev.interviewcoach.interview.SessionRepository;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The console adapter's loop: typed lines become inbound events for the engine, exactly as a
 * chat platform's would. During an interview a multi-line answer ends with an empty line; a
 * command word alone on the first line acts at once; end of input ends the interview with the
 * scorecard so far, after handing in any answer already typed.
 */
public final class ConsoleSession {

    static final String TENANT = "local";
    private static final Set<String> QUIT = Set.of("quit", "exit", "bye");

    private final CoachEngine engine;
    private final MockInterviewFeature interviews;
    private final SessionRepository sessions;
    private final ChatPort port;
    private final PrintStream out;
    private final Clock clock;
    private final Steps steps;
    private final String runId = UUID.randomUUID().toString();
    private long eventCounter;

    public ConsoleSession(CoachEngine engine, MockInterviewFeature interviews, SessionRepository sessions,
                          ChatPort port, PrintStream out, Clock clock) {
        this(engine, interviews, sessions, port, out, clock, Steps.AS_THEY_COME);
    }

    /** As the plain constructor, handing each command and answer to the engine through {@code steps}. */
    public ConsoleSession(CoachEngine engine, MockInterviewFeature interviews, SessionRepository sessions,
                          ChatPort port, PrintStream out, Clock clock, Steps steps) {
        this.steps = steps;
        this.engine = engine;
        this.interviews = interviews;
        this.sessions = sessions;
        this.port = port;
        this.out = out;
        this.clock = clock;
    }

    /** The console's one conversation for a person. */
    public static Place placeFor(UserRef user) {
        return Place.direct(Platform.CONSOLE, TENANT, "console-" + user.userId());
    }

    public static UserRef user(String name) {
        return new UserRef(Platform.CONSOLE, TENANT, name);
    }

    /** Resumes the person's interview or starts one with {@code startCommand}, then reads input until it ends. */
    public void run(UserRef user, String startCommand, BufferedReader in) throws IOException {
        run(user, startCommand, false, in);
    }

    /**
     * As {@link #run(UserRef, String, BufferedReader)}; {@code asked}: the start command was asked for (a track or a
     * number of questions given), so a resumed interview says it goes on instead of that one.
     */
    public void run(UserRef user, String startCommand, boolean asked, BufferedReader in) throws IOException {
        Place place = placeFor(user);
        boolean[] resumed = new boolean[1];
        steps.run(() -> resumed[0] = interviews.resume(user, port).isPresent());
        if (!resumed[0]) {
            command(user, place, startCommand);
        } else if (asked) {
            say("(Your interview in progress goes on. To start the one you asked for, type end, then "
                    + startCommand + ".)");
        }
        boolean hinted = false;
        while (true) {
            if (sessions.activeFor(user).isPresent()) {
                hinted = false;
                if (!answerTurn(user, place, in)) {
                    return;
                }
            } else {
                // the hint once after each reply; a blank line only gets the prompt back
                prompt(hinted ? "> " : "\nType mock to start another interview, tracks to see them all, or quit.\n> ");
                hinted = true;
                String line = in.readLine();
                if (line == null || QUIT.contains(line.strip().toLowerCase(Locale.ROOT))) {
                    out.println();
                    return;
                }
                if (!line.isBlank()) {
                    command(user, place, line);
                    hinted = false;
                }
            }
        }
    }

    /**
     * The lines of an answer typed and not yet sent (no empty line after them yet), so that a stop can show them to
     * paste again rather than lose them.
     */
    public List<String> unsent() {
        return unsent;
    }

    private volatile List<String> unsent = List.of();

    /** Reads one answer or command word; false when input has ended. */
    private boolean answerTurn(UserRef user, Place place, BufferedReader in) throws IOException {
        prompt("\nYour answer (finish with an empty line):\n> ");
        List<String> lines = new ArrayList<>();
        unsent = List.of();
        while (true) {
            String line = in.readLine();
            if (line == null) {
                if (!lines.isEmpty()) {
                    message(user, place, String.join("\n", lines));
                }
                if (sessions.activeFor(user).isPresent()) {
                    message(user, place, "end");
                }
                return false;
            }
            // quit, exit or bye leaves the console as Ctrl-C does, the interview kept: in a terminal they mean the
            // program, not "end this interview for good", and as an answer they would only be scored 1/5.
            if (lines.isEmpty() && QUIT.contains(line.strip().toLowerCase(Locale.ROOT))) {
                say("Your interview is kept: run coach console again to go on where you left off (or type end there to"
                        + " finish it with a scorecard).");
                return false;
            }
            // A move ("hint") or a command word ("stats") on the first line acts at once, without the empty line.
            if (lines.isEmpty() && (Move.named(line).isPresent() || engine.isCommandWord(line)
                    || engine.isSwappedCommandWord(line))) {
                message(user, place, line.strip());
                return true;
            }
            // hint or skip alone on a later line acts too (the lines so far kept for a hint). end and repeat do not,
            // there: a block of code closes with end (SQL's CASE ... END, Ruby) or opens with repeat (Lua, Pascal),
            // and Ctrl-D ends the interview.
            Optional<String> midway = lines.isEmpty() ? Optional.empty() : bareMove(line);
            if (midway.isPresent()) {
                if (midway.get().equals("skip")) {
                    say("(Skipping: the " + (lines.size() == 1 ? "line you had typed for it is" : lines.size()
                            + " lines you had typed for it are") + " not scored.)");
                    message(user, place, "skip");
                    return true;
                }
                message(user, place, midway.get());
                prompt("\nYour answer so far is kept: go on, and finish with an empty line.\n> ");
                continue;
            }
            if (line.isBlank()) {
                if (lines.isEmpty()) {
                    prompt("> ");
                    continue;
                }
                message(user, place, String.join("\n", lines));
                return true;
            }
            lines.add(line);
            unsent = List.copyOf(lines);
            prompt("> ");
        }
    }

    /** The move a later line of an answer names when it is only that word: hint or skip. */
    static Optional<String> bareMove(String line) {
        String word = line.strip().toLowerCase(Locale.ROOT).replaceAll("[.!?]+$", "");
        return switch (word) {
            case "hint", "skip" -> Optional.of(word);
            default -> Optional.empty();
        };
    }

    private void say(String text) {
        steps.run(() -> out.println(text));
    }

    /** A prompt is a step too, so that one never follows what a stop says last. */
    private void prompt(String text) {
        steps.run(() -> {
            out.print(text);
            out.flush();
        });
    }

    private void command(UserRef user, Place place, String text) {
        Inbound event = new Inbound.Command(nextId(), user, place, text, clock.instant());
        steps.run(() -> engine.handle(event, port));
    }

    private void message(UserRef user, Place place, String text) {
        Inbound event = new Inbound.Message(nextId(), user, place, text, clock.instant());
        steps.run(() -> {
            if (String.join("\n", unsent).equals(text)) {
                unsent = List.of(); // sent: a stop from here on has nothing of it to show
            }
            engine.handle(event, port);
        });
    }

    private String nextId() {
        return "console:" + runId + ":" + (++eventCounter);
    }
}
