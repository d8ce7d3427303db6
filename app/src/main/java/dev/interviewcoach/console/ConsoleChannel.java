package dev.interviewcoach.console;

import dev.interviewcoach.chat.ActionId;
import dev.interviewcoach.chat.Block;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.command.CommandGrammar;
import dev.interviewcoach.daily.DailyPostRepository;
import dev.interviewcoach.daily.Subscription;
import dev.interviewcoach.daily.SubscriptionRepository;
import dev.interviewcoach.engine.CoachEngine;
import dev.interviewcoach.interview.SessionRepository;
import dev.interviewcoach.pair.PeerPairingFeature;
import dev.interviewcoach.text.TextAnalyzer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code coach console --channel}: a simulated team channel with a question of the day and a clock
 * the person moves, so the daily flow (post, answers, reveal, streaks) can be tried in a terminal.
 * Lines starting with ':' drive the simulation; everything else is what a member would do there.
 */
public final class ConsoleChannel {

    private static final Set<String> QUIT = Set.of(":quit", "quit", "exit", "bye", ":q");


    static final String CHANNEL_ID = "console-channel";
    private static final Pattern ADVANCE = Pattern.compile("(\\d{1,4})\\s*([wdhm])");
    /** The moves of a peer pair typed instead of pressed: covered N, score N, here. */
    private static final Pattern PAIR_MOVE = Pattern.compile("(covered|score)\\s+\\d{1,2}|here");
    private static final Duration STEP = Duration.ofMinutes(15);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    /**
     * What the simulated channel needs of a running coach: its engine, the stores it reads, and its scheduled
     * work (posts and reveals that are due), run on the moved clock.
     */
    public record Bot(CoachEngine engine, SubscriptionRepository subscriptions, DailyPostRepository dailyPosts,
                      SessionRepository sessions, PeerPairingFeature pairing, BiConsumer<Instant, ChatPorts> tick) {}

    private final Bot coach;
    private final ConsoleChatPort port;
    private final MovableClock clock;
    private final PrintStream out;
    private final String runId = UUID.randomUUID().toString();
    private final Place channel = Place.channel(Platform.CONSOLE, ConsoleSession.TENANT, CHANNEL_ID);
    private final Steps steps;
    private long eventCounter;
    private UserRef person;

    public ConsoleChannel(Bot coach, ConsoleChatPort port, MovableClock clock, PrintStream out, String name) {
        this(coach, port, clock, out, name, Steps.AS_THEY_COME);
    }

    /** As the plain constructor, handling each line typed (and the first post) through {@code steps}. */
    public ConsoleChannel(Bot coach, ConsoleChatPort port, MovableClock clock, PrintStream out, String name,
                          Steps steps) {
        this.steps = steps;
        this.coach = coach;
        this.port = port;
        this.clock = clock;
        this.out = out;
        this.person = ConsoleSession.user(name);
    }

    public static Place channel() {
        return Place.channel(Platform.CONSOLE, ConsoleSession.TENANT, CHANNEL_ID);
    }

    /** Subscribes the channel when it has no subscription yet, then reads lines until input ends. */
    public void run(String subscribeWords, BufferedReader in) throws IOException {
        out.println("A simulated channel, #" + CHANNEL_ID + ". " + help());
        steps.run(() -> {
            if (coach.subscriptions().find(channel).isEmpty()) {
                command("daily subscribe " + subscribeWords);
                if (coach.subscriptions().find(channel).isEmpty()) {
                    out.println("The channel has no question of the day: type daily subscribe with what to change"
                            + " (daily help shows how), or start again with a corrected --subscribe.");
                }
            } else {
                command("daily status");
            }
            coach.tick().accept(clock.instant(), ChatPorts.only(port)); // as a running bot would: post what is due now
        });
        while (true) {
            // a prompt is a step too, so that one never follows what a stop says last
            steps.run(() -> {
                out.print("\n[" + WHEN.format(clock.instant().atZone(zone())) + " " + zone().getId() + "] " + person.userId()
                        + "> ");
                out.flush();
            });
            String line = in.readLine();
            // "quit" as the interview console takes it, too: no command of the bot is called that
            if (line == null || QUIT.contains(line.strip().toLowerCase(Locale.ROOT))) {
                out.println();
                return;
            }
            steps.run(() -> handle(line.strip()));
        }
    }

    void handle(String line) {
        if (line.isEmpty()) {
            return;
        }
        String lower = line.toLowerCase(Locale.ROOT);
        if (line.startsWith(":")) {
            control(line.substring(1).strip());
        } else if (coach.sessions().activeFor(person).isPresent() && !forTheChannel(lower)) {
            // A mock interview (e.g. from the practise button) takes what is typed, as in a DM; the simulation's own
            // words for the channel (answer, reply, share, daily ...) still go to the channel.
            send(new Inbound.Message(nextId(), person, coach.sessions().activeFor(person).get().place(), line,
                    clock.instant()));
        } else if (lower.startsWith("say ") || PAIR_MOVE.matcher(lower).matches()) {
            // What a person says or presses in their peer pair's private conversation.
            coach.pairing().openFor(person).ifPresentOrElse(pairing -> send(new Inbound.Message(nextId(), person,
                            pairing.place(), lower.startsWith("say ") ? line.substring("say ".length()) : line,
                            "console-" + eventCounter, clock.instant())),
                    () -> out.println("You have no open peer pairing. Type pair on to join this channel's weekly"
                            + " pairing, then :advance to its time."));
        } else if (lower.equals("answer") || lower.equals("reply")) {
            out.println("Type your answer on the same line: " + lower + " I would put a cache in front of the"
                    + " database...");
        } else if (lower.startsWith("answer ")) {
            latest().ifPresentOrElse(post -> send(new Inbound.Submission(nextId(), person, channel,
                            new ActionId("daily", "answer", post.key(), 0),
                            Map.of(Block.Button.FORM_FIELD, line.substring("answer ".length())), clock.instant())),
                    () -> out.println("No question of the day yet: :advance the clock, or type daily now."));
        } else if (lower.startsWith("reply ")) {
            latest().ifPresentOrElse(post -> send(new Inbound.Message(nextId(), person, channel.thread(post.messageId()),
                            line.substring("reply ".length()), "console-" + eventCounter, clock.instant())),
                    () -> out.println("No question of the day yet: :advance the clock, or type daily now."));
        } else if (lower.equals("hint") || lower.equals("share") || lower.equals("unshare") || lower.equals("practise")
                || lower.equals("practice")) {
            String verb = lower.equals("practice") ? "practise" : lower;
            latest().ifPresentOrElse(post -> send(new Inbound.Action(nextId(), person, channel,
                            new ActionId("daily", verb, post.key(), 0), null, clock.instant())),
                    () -> out.println("No question of the day yet: :advance the clock, or type daily now."));
            if (verb.equals("practise") && coach.sessions().activeFor(person).isPresent()) {
                out.println("(What you type now answers the practice interview; answer, reply, share and daily still"
                        + " go to the channel, and end finishes the practice.)");
            }
        } else if (readsAsAnAnswer(line)) {
            // In a real channel people talk to each other; here a sentence that is no command was meant as an answer.
            out.println("That reads like an answer, not a command. Start the line with answer to answer today's"
                    + " question privately (answer and your words), or with reply to answer in its thread.");
        } else {
            command(line);
        }
    }

    /**
     * A line of several words whose first is no command of the coach's nor a slip of one, while a question waits for
     * answers.
     */
    private boolean readsAsAnAnswer(String line) {
        return TextAnalyzer.splitAtSpaces(line).length >= 4
                && coach.engine().grammar().parse(line) instanceof CommandGrammar.Parse.Unknown unknown
                && (unknown.closest().isEmpty() || unknown.word().length() < 4) // "a" is no slip of "ask"
                && latest().filter(post -> !post.revealed()).isPresent();
    }

    /** What the simulation reads as said in the channel even while a practice interview takes the rest. */
    private static boolean forTheChannel(String lower) {
        return lower.startsWith("answer ") || lower.startsWith("reply ") || lower.equals("share")
                || lower.equals("unshare") || lower.equals("daily") || lower.startsWith("daily ")
                || lower.startsWith("say ");
    }

    private void control(String words) {
        String lower = words.toLowerCase(Locale.ROOT);
        if (lower.startsWith("advance")) {
            Matcher m = ADVANCE.matcher(lower.substring("advance".length()).strip());
            if (!m.matches()) {
                out.println("Say how far, for example :advance 1w, :advance 1d, :advance 3h or :advance 30m.");
                return;
            }
            Duration by = switch (m.group(2)) {
                case "w" -> Duration.ofDays(7 * Long.parseLong(m.group(1)));
                case "d" -> Duration.ofDays(Long.parseLong(m.group(1)));
                case "h" -> Duration.ofHours(Long.parseLong(m.group(1)));
                default -> Duration.ofMinutes(Long.parseLong(m.group(1)));
            };
            if (by.compareTo(Duration.ofDays(366)) > 0) {
                out.println("At most a year at a time.");
                return;
            }
            if (by.isZero()) {
                out.println("That moves the clock nowhere; say how far, for example :advance 1d.");
                return;
            }
            // Step through the span so every post and reminder comes at its own time.
            Duration left = by;
            while (!left.isZero()) {
                Duration step = left.compareTo(STEP) < 0 ? left : STEP;
                clock.advance(step);
                left = left.minus(step);
                coach.tick().accept(clock.instant(), ChatPorts.only(port));
            }
        } else if (lower.startsWith("as ")) {
            String name = words.substring(3).strip();
            if (!name.matches("[A-Za-z0-9._-]{1,40}")) {
                out.println("A name is letters, digits, '.', '_' or '-', up to 40 characters.");
                return;
            }
            person = ConsoleSession.user(name);
            out.println("You are now " + name + ".");
        } else if (lower.equals("time")) {
            out.println(WHEN.format(clock.instant().atZone(zone())) + " " + zone().getId());
        } else if (lower.equals("as")) {
            out.println("Say who, for example :as ben.");
        } else {
            out.println((lower.isEmpty() || lower.equals("help") ? "" : "I don't know :" + words + ". ") + help());
        }
    }

    private static String help() {
        return "Type answer <text> to answer today's question privately, reply <text> to answer in its thread,"
                + " hint, share (unshare takes it back), practise, or any command (daily status, daily now, daily reveal, stats, help)."
                + " In a peer pairing (pair on), say <text> answers in your pair's conversation; covered N, score N"
                + " and here are the interviewer's card and the pair's buttons."
                + " :advance 1d moves the clock, :as NAME switches person, :time shows the time, :quit leaves.";
    }

    private ZoneId zone() {
        return coach.subscriptions().find(channel).map(s -> s.times().zone()).orElse(ConsoleChatPort.computerZone());
    }

    private Optional<DailyPostRepository.Post> latest() {
        return coach.subscriptions().find(channel).map(Subscription::id).flatMap(id -> coach.dailyPosts().latest(id));
    }

    private void command(String text) {
        send(new Inbound.Command(nextId(), person, channel, text, clock.instant()));
    }

    private void send(Inbound inbound) {
        coach.engine().handle(inbound, port);
    }

    private String nextId() {
        return "console:" + runId + ":" + (++eventCounter);
    }
}
