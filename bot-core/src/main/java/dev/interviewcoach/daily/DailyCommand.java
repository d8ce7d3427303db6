package dev.interviewcoach.daily;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.engine.CommandHandler;
import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.BankCatalog;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code daily subscribe [track] [HH:MM] [zone] [days]}, {@code daily unsubscribe}, {@code daily status}:
 * a channel's question of the day. The words after {@code subscribe} may come in any order; each
 * is recognised by its shape (a time, a zone, days, else a track).
 */
public final class DailyCommand implements CommandHandler {

    static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);
    static final Set<DayOfWeek> DEFAULT_DAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMM, HH:mm", Locale.ENGLISH);

    private final SubscriptionRepository subscriptions;
    private final BankCatalog banks;
    private final String defaultTrack;
    private final Clock clock;
    private final Supplier<String> ids;

    public DailyCommand(SubscriptionRepository subscriptions, BankCatalog banks, String defaultTrack, Clock clock,
                        Supplier<String> ids) {
        this.subscriptions = subscriptions;
        this.banks = banks;
        this.defaultTrack = defaultTrack;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public String name() {
        return "daily";
    }

    @Override
    public String usage() {
        return "daily subscribe [track] [HH:MM] [zone] [weekdays] | unsubscribe | status";
    }

    @Override
    public String summary() {
        return "a question of the day for this channel";
    }

    @Override
    public void handle(Inbound.Command command, List<String> args, ChatPort port) {
        String verb = args.isEmpty() ? "status" : args.getFirst().toLowerCase(Locale.ROOT);
        Place here = command.place();
        Reply reply = switch (verb) {
            case "subscribe" -> here.kind() != Place.Kind.CHANNEL ? notAChannel() : subscribe(command, args.subList(1, args.size()));
            case "unsubscribe" -> here.kind() != Place.Kind.CHANNEL ? notAChannel()
                    : subscriptions.delete(here) ? Reply.text("This channel will get no more questions of the day.")
                    : Reply.text("This channel has no question of the day to stop.");
            case "status" -> here.kind() != Place.Kind.CHANNEL ? notAChannel() : status(here);
            default -> Reply.text("I don't know \"daily " + verb + "\". Try: " + usage());
        };
        port.post(here, reply.onlyTo(command.user()));
    }

    private Reply subscribe(Inbound.Command command, List<String> words) {
        String track = null;
        LocalTime time = DEFAULT_TIME;
        ZoneId zone = ZoneId.of("UTC");
        Set<DayOfWeek> days = DEFAULT_DAYS;
        try {
            for (String word : words) {
                if (word.matches("\\d{1,2}(:\\d{2})?\\s*(am|pm|AM|PM)?") && (word.contains(":") || word.matches(".*[aApP][mM]"))) {
                    time = ScheduleInput.time(word);
                } else if (word.contains("/") || word.equalsIgnoreCase("UTC")) {
                    zone = ScheduleInput.zone(word);
                } else if (looksLikeDays(word)) {
                    days = ScheduleInput.days(word);
                } else if (track == null) {
                    track = word;
                } else {
                    return Reply.text("I read both \"" + track + "\" and \"" + word + "\" as a track. Usage: " + usage());
                }
            }
        } catch (ScheduleInput.Invalid e) {
            return Reply.text(e.getMessage());
        }
        Optional<Bank> bank = banks.current().track(track == null ? defaultTrack : track);
        if (bank.isEmpty()) {
            return Reply.text("I don't know the track \"" + track + "\". Tracks: " + banks.current().tracks().stream()
                    .map(Bank::track).collect(Collectors.joining(", ")) + ".");
        }
        Subscription saved = subscriptions.save(new Subscription(ids.get(), command.place(), bank.get().track(),
                new PostTimes(time, zone, days), command.user().userId(), clock.instant()));
        return Reply.text("This channel gets a " + saved.track() + " question " + describe(saved.times())
                + ". The first one: " + next(saved.times()) + ".");
    }

    private Reply status(Place here) {
        return subscriptions.find(here)
                .map(s -> Reply.text("This channel gets a " + s.track() + " question " + describe(s.times())
                        + ". Next: " + next(s.times()) + "."))
                .orElseGet(() -> Reply.text("This channel has no question of the day. Start one with: daily subscribe"
                        + " [track] [HH:MM] [zone] [weekdays]"));
    }

    private String next(PostTimes times) {
        return WHEN.format(times.next(clock.instant()).at().atZone(times.zone())) + " " + times.zone().getId();
    }

    static String describe(PostTimes times) {
        String days = times.days().equals(DEFAULT_DAYS) ? "every weekday"
                : times.days().size() == 7 ? "every day"
                : "on " + times.days().stream().sorted().map(d -> d.getDisplayName(TextStyle.FULL, Locale.ENGLISH))
                .collect(Collectors.joining(", "));
        return days + " at " + times.at() + " " + times.zone().getId();
    }

    private static boolean looksLikeDays(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.equals("weekdays") || w.equals("daily") || w.equals("weekends") || w.equals("everyday")
                || w.matches("(mon|tue|wed|thu|fri|sat|sun)[a-z]*(,(mon|tue|wed|thu|fri|sat|sun)[a-z]*)*");
    }

    private static Reply notAChannel() {
        return Reply.text("A question of the day belongs to a channel: run this in the channel that should get it.");
    }
}
