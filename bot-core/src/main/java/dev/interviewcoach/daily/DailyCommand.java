package dev.interviewcoach.daily;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.RichText;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.command.CommandInput;
import dev.interviewcoach.command.CommandSpec;
import dev.interviewcoach.command.OptionSpec;
import dev.interviewcoach.engine.CommandHandler;
import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.TopicNames;
import dev.interviewcoach.question.UnknownTrack;
import dev.interviewcoach.question.BankCatalog;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code daily subscribe|unsubscribe|status|now|reveal|leaderboard|dm|...}: a channel's question of the
 * day. The words after {@code subscribe} may come in any order; each is recognised by its shape
 * (a time, a zone, days, a mode, {@code topic:X}, {@code difficulty:N}, else a track). Only
 * people who manage the channel may change it; anyone may see its status and leaderboard.
 */
public final class DailyCommand implements CommandHandler {

    static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);
    static final Set<DayOfWeek> DEFAULT_DAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMM, HH:mm", Locale.ENGLISH);

    private final SubscriptionRepository subscriptions;
    private final BankCatalog banks;
    private final String defaultTrack;
    private final DailyPoster poster;
    private final Leaderboard leaderboard;
    private final ScheduleRules rules;
    private final Clock clock;
    private final Supplier<String> ids;
    private final DailyDirect direct;

    public DailyCommand(SubscriptionRepository subscriptions, BankCatalog banks, String defaultTrack, DailyPoster poster,
                        Leaderboard leaderboard, ScheduleRules rules, DailyDirect direct, Clock clock, Supplier<String> ids) {
        this.direct = direct;
        this.rules = rules;
        this.subscriptions = subscriptions;
        this.banks = banks;
        this.defaultTrack = defaultTrack;
        this.poster = poster;
        this.leaderboard = leaderboard;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(CommandSpec.group("daily", "a question of the day for this channel", "status",
                CommandSpec.of("subscribe", "post a question here on a schedule",
                        OptionSpec.word("track", "Question track, e.g. python-developer").manyWords()
                                .suggesting(OptionSpec.Suggest.TRACKS),
                        OptionSpec.word("time", "Local time, HH:MM (default 09:00)").shaped(ScheduleInput.TIME_SHAPE)
                                .shownAs("HH:MM").maxLength(8),
                        OptionSpec.word("zone", "Time zone, e.g. Europe/Berlin (default UTC)").shaped(ScheduleInput.ZONE_SHAPE),
                        OptionSpec.word("days", "weekdays, daily, or e.g. mon,wed,fri").shaped(ScheduleInput.DAYS_SHAPE)
                                .shownAs("weekdays"),
                        OptionSpec.choice("mode", "How people answer",
                                OptionSpec.of("open", "open: answers in the thread"),
                                OptionSpec.of("sealed", "sealed: answers private until the reveal")),
                        OptionSpec.word("topic", "Only questions on this topic").keyed().shownAs("TOPIC")
                                .suggesting(OptionSpec.Suggest.TOPICS),
                        OptionSpec.choice("difficulty", "Up to this difficulty", OptionSpec.of("1", "1: warm-up"),
                                OptionSpec.of("2", "2: core"), OptionSpec.of("3", "3: senior")).keyed().shownAs("1-3")),
                CommandSpec.of("unsubscribe", "stop the question of the day here"),
                CommandSpec.of("status", "this channel's schedule and next question"),
                CommandSpec.of("now", "post today's question now"),
                CommandSpec.of("reveal", "show the example answer and recap now"),
                CommandSpec.of("leaderboard", "show the leaderboard, or turn it on or off",
                        OptionSpec.choice("state", "Turn it on or off; leave empty to show it", OptionSpec.of("on", "on"),
                                OptionSpec.of("off", "off"))),
                CommandSpec.of("preview", "see the next question privately, without using it up"),
                CommandSpec.of("pause", "post nothing here until resumed"),
                CommandSpec.of("resume", "post on schedule again"),
                CommandSpec.of("skip", "skip a date or a range of dates; alone, list the dates skipped",
                        OptionSpec.word("dates", "YYYY-MM-DD, today, tomorrow or a weekday, or a range such as 2026-12-24..2026-12-31")
                                .shaped(DATES_SHAPE).shownAs("YYYY-MM-DD[..YYYY-MM-DD]").maxLength(22)),
                CommandSpec.of("unskip", "post on a date skipped earlier after all, or a range of them",
                        OptionSpec.word("dates", "YYYY-MM-DD, today, tomorrow or a weekday, or a range such as 2026-12-24..2026-12-31")
                                .shaped(DATES_SHAPE).shownAs("YYYY-MM-DD[..YYYY-MM-DD]").maxLength(22).mandatory()),
                CommandSpec.of("holidays", "days skipped every year; alone, list them",
                        OptionSpec.choice("change", "Add or remove a day", OptionSpec.of("add", "add"),
                                OptionSpec.of("remove", "remove")),
                        OptionSpec.word("day", "MM-DD, e.g. 12-25").shaped(MONTH_DAY_SHAPE).shownAs("MM-DD")
                                .maxLength(5)),
                CommandSpec.of("dm", "get this channel's question by DM at your own time; alone, what you chose",
                        OptionSpec.choice("state", "on or off", OptionSpec.of("on", "on"), OptionSpec.of("off", "off")),
                        OptionSpec.word("time", "Your local time, HH:MM (default: the channel's)")
                                .shaped(ScheduleInput.TIME_SHAPE).shownAs("HH:MM").maxLength(8),
                        OptionSpec.word("zone", "Your time zone, e.g. Europe/Berlin (default: yours as the coach knows it)")
                                .shaped(ScheduleInput.ZONE_SHAPE))));
    }

    @Override
    public void handle(Inbound.Command command, CommandInput input, ChatPort port) {
        String verb = input.verb();
        Optional<String> state = input.value("state");
        Place here = command.place();
        if (verb.equals("dm")) {
            port.post(here, dm(command, input, port).onlyTo(command.user()));
            return;
        }
        if (here.kind() != Place.Kind.CHANNEL) {
            port.post(here, notAChannel(port).onlyTo(command.user()));
            return;
        }
        boolean changes = CHANGES.contains(verb) && !(verb.equals("leaderboard") && state.isEmpty())
                && !(verb.equals("skip") && input.value("dates").isEmpty())
                && !(verb.equals("holidays") && input.value("change").isEmpty());
        if (changes && !port.mayManage(command.user(), here)) {
            port.post(here, notAManager(verb).onlyTo(command.user()));
            return;
        }
        Reply reply = switch (verb) {
            case "subscribe" -> subscribe(command, input, port);
            case "unsubscribe" -> unsubscribe(here) ? Reply.text("This channel will get no more questions of the day.")
                    : Reply.text("This channel has no question of the day to stop.");
            case "now" -> withSubscription(here, s -> now(s, port));
            case "reveal" -> withSubscription(here, s -> poster.revealOpen(s, clock.instant(), port) > 0
                    ? Reply.text("Revealed: the example answer and the recap are in the question's thread.")
                    : Reply.text("There is no unrevealed question of the day in this channel."));
            case "leaderboard" -> withSubscription(here, s -> leaderboard(s, state));
            case "preview" -> withSubscription(here, s -> poster.preview(s)
                    .map(q -> Reply.builder("Next question of the day (" + next(s) + "): " + q.text())
                            .heading("Next question of the day, privately")
                            .text(RichText.builder().bold(q.text()).build())
                            .text(RichText.builder().italic((rules.paused(s.id()) ? "Nothing goes out while it is paused (daily resume)"
                                    : "It goes out " + next(s)) + "; only you see this.").build())
                            .build())
                    .orElseGet(() -> Reply.text("There is no question to post: no question of " + s.track()
                            + " matches this channel's topic and difficulty.")));
            case "pause" -> withSubscription(here, s -> rules.pause(s.id(), true)
                    ? Reply.text("Paused: no questions of the day here until someone who manages the channel types"
                            + " daily resume.")
                    : Reply.text("The question of the day here is paused already. Start it again with: daily resume"));
            case "resume" -> withSubscription(here, s -> rules.pause(s.id(), false)
                    ? Reply.text("Resumed. The next one: " + next(s) + ".")
                    : Reply.text("The question of the day here is not paused. Next: " + next(s) + "."));
            case "skip" -> withSubscription(here, s -> skip(s, input.value("dates")));
            case "unskip" -> withSubscription(here, s -> unskip(s, input.value("dates").orElseThrow()));
            case "holidays" -> withSubscription(here, s -> holidays(s, input.value("change"), input.value("day")));
            default -> status(here);
        };
        port.post(here, reply.onlyTo(command.user()));
    }

    private static final Set<String> CHANGES = Set.of("subscribe", "unsubscribe", "now", "reveal", "leaderboard", "preview",
            "pause",
            "resume", "skip", "unskip", "holidays");
    /** A date as YYYY-MM-DD, or today, tomorrow or a weekday's name (the next such day, today included). */
    private static final String ONE_DATE = "(?:\\d{4}-\\d{1,2}-\\d{1,2}|today|tomorrow|mon(?:day)?|tue(?:s|sday)?"
            + "|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)";
    static final String DATES_SHAPE = ONE_DATE + "(?:\\.\\." + ONE_DATE + ")?";
    static final String MONTH_DAY_SHAPE = "\\d{1,2}-\\d{1,2}";
    /** The longest range one skip takes. */
    static final int MOST_DAYS_SKIPPED = 366;

    private Reply withSubscription(Place here, Function<Subscription, Reply> action) {
        return subscriptions.find(here).map(action).orElseGet(() -> Reply.text("This channel has no question of the day."
                + " Start one with: daily subscribe [track] [HH:MM] [zone] [weekdays]"));
    }

    /**
     * {@code daily dm on|off [HH:MM] [zone]} in a channel changes how this person gets its question;
     * outside a channel (in the DM it came in), {@code daily dm off} stops every such DM and
     * {@code daily dm} lists them.
     */
    private Reply dm(Inbound.Command command, CommandInput input, ChatPort port) {
        Optional<String> state = input.value("state").map(v -> v.toLowerCase(Locale.ROOT));
        UserRef user = command.user();
        if (command.place().kind() != Place.Kind.CHANNEL) {
            List<DailyDirect.Choice> mine = direct.byUser(user);
            if (state.isPresent() && state.get().equals("on")) {
                return Reply.text("Type daily dm on HH:MM in the channel whose question you want by DM.");
            }
            if (state.isPresent()) {
                mine.forEach(c -> direct.forget(c.subscriptionId(), user));
                return Reply.text(mine.isEmpty() ? "You get no questions of the day by DM."
                        : "No more questions of the day by DM" + (mine.size() == 1 ? "" : " (" + mine.size() + " channels)")
                        + "; they are in their channels as usual.");
            }
            return Reply.text(mine.isEmpty() ? "You get no questions of the day by DM. To get a channel's at your own"
                    + " time, type daily dm on 07:30 in that channel."
                    : "You get " + (mine.size() == 1 ? "a channel's question of the day" : mine.size() + " channels'"
                    + " questions of the day") + " by DM, at " + mine.stream().map(c -> c.at() + " " + c.zone().getId())
                    .distinct().collect(Collectors.joining(", ")) + ". Stop with: daily dm off");
        }
        return withSubscription(command.place(), s -> state.isEmpty() ? direct.status(s, user)
                : state.get().equals("on") ? direct.turnOn(s, user, input.value("time"), input.value("zone"), port, clock.instant())
                : direct.turnOff(s, user));
    }

    private Reply now(Subscription s, ChatPort port) {
        return switch (poster.postNow(s, clock.instant(), port)) {
            case DailyPoster.Outcome.Posted p -> Reply.text("Posted. The next scheduled one: " + next(s) + ".");
            case DailyPoster.Outcome.AlreadyPosted p when p.post().messageId() == null -> Reply.text("Today's question"
                    + " is being posted right now. If it has not shown up here " + DailyPostRepository.LEFT_AFTER.toMinutes()
                    + " minutes from now, type daily now again.");
            case DailyPoster.Outcome.AlreadyPosted p -> Reply.text("Today's question is out already; the next one comes "
                    + next(s) + ". Use daily reveal to reveal the open one.");
            case DailyPoster.Outcome.NoQuestions p -> Reply.text("Nothing posted: " + p.why() + ".");
        };
    }

    private Reply leaderboard(Subscription s, Optional<String> state) {
        if (state.isEmpty()) {
            return s.leaderboard() ? leaderboard.board(s, clock.instant())
                    : Reply.text("The leaderboard is off in this channel; someone who manages it can turn it on with:"
                            + " daily leaderboard on");
        }
        boolean on = state.get().equalsIgnoreCase("on");
        subscriptions.save(s.withLeaderboard(on));
        return Reply.text(on
                ? "The leaderboard is on: the reveal shows who answered most this month (answers given, never scores)."
                : "The leaderboard is off.");
    }

    /** Deletes the channel's subscription and its schedule rules; false when it had none. */
    private boolean unsubscribe(Place here) {
        Optional<Subscription> existing = subscriptions.find(here);
        existing.ifPresent(s -> {
            rules.forget(s.id());
            direct.forgetSubscription(s.id());
        });
        return subscriptions.delete(here);
    }

    private Reply skip(Subscription s, Optional<String> typed) {
        LocalDate today = clock.instant().atZone(s.times().zone()).toLocalDate();
        if (typed.isEmpty()) {
            List<LocalDate> skipped = rules.skipped(s.id(), today);
            return Reply.text(skipped.isEmpty() ? "No dates are skipped here. Skip one with: daily skip 2026-12-24"
                    : "Skipped here: " + skipped.stream().map(DailyCommand::dayAndDate).collect(Collectors.joining(", ")) + ".");
        }
        DateRange range;
        try {
            range = DateRange.read(typed.get(), today, "skip");
        } catch (ScheduleInput.Invalid e) {
            return Reply.text(e.getMessage());
        }
        LocalDate from = range.from();
        LocalDate to = range.to();
        if (to.isBefore(today)) {
            return Reply.text(to + " has passed already; skip today or a later date.");
        }
        if (from.until(to, ChronoUnit.DAYS) >= MOST_DAYS_SKIPPED) {
            return Reply.text("That is more than a year of days; for a long break use daily pause, then daily resume.");
        }
        List<LocalDate> dates = from.datesUntil(to.plusDays(1)).filter(d -> !d.isBefore(today)).toList();
        int added = rules.skip(s.id(), dates);
        return Reply.text((dates.size() == 1 ? "Skipping " + dayAndDate(dates.getFirst()) : "Skipping " + dates.size()
                + " days, " + dayAndDate(dates.getFirst()) + " to " + dayAndDate(dates.getLast())) + (added < dates.size() ? " (some were skipped already)" : "")
                + ". The next one: " + next(s) + ".");
    }

    /** Takes dates back off the skipped list, so their questions go out after all. */
    private Reply unskip(Subscription s, String typed) {
        LocalDate today = clock.instant().atZone(s.times().zone()).toLocalDate();
        DateRange range;
        try {
            range = DateRange.read(typed, today, "unskip");
        } catch (ScheduleInput.Invalid e) {
            return Reply.text(e.getMessage());
        }
        LocalDate from = range.from();
        LocalDate to = range.to();
        List<LocalDate> skipped = rules.skipped(s.id(), today).stream()
                .filter(d -> !d.isBefore(from) && !d.isAfter(to)).toList();
        if (skipped.isEmpty()) {
            return Reply.text((from.equals(to) ? dayAndDate(from) + " is not" : "No date from " + dayAndDate(from)
                    + " to " + dayAndDate(to) + " is") + " skipped here; daily skip lists the dates that are.");
        }
        rules.unskip(s.id(), skipped);
        return Reply.text("Not skipping " + skipped.stream().map(DailyCommand::dayAndDate).collect(Collectors.joining(", "))
                + " any more. The next one: " + next(s) + ".");
    }

    /** A date or a range of them as typed after daily skip or unskip ({@code 2026-12-24..2026-12-31}, {@code friday}). */
    private record DateRange(LocalDate from, LocalDate to) {

        static DateRange read(String typed, LocalDate today, String verb) {
            String[] ends = typed.split("\\.\\.");
            LocalDate from;
            LocalDate to;
            try {
                from = date(ends[0], today);
                to = ends.length > 1 ? date(ends[1], today) : from;
            } catch (DateTimeException e) {
                throw new ScheduleInput.Invalid("\"" + shorten(typed) + "\" is not a date I can read. Write dates as"
                        + " YYYY-MM-DD, and a range as 2026-12-24..2026-12-31.");
            }
            if (to.isBefore(from)) {
                throw new ScheduleInput.Invalid("That range ends before it starts; write the earlier date first, e.g."
                        + " daily " + verb + " " + to + ".." + from);
            }
            return new DateRange(from, to);
        }
    }

    private static LocalDate date(String typed, LocalDate today) {
        String word = typed.toLowerCase(Locale.ROOT);
        if (word.equals("today")) {
            return today;
        }
        if (word.equals("tomorrow")) {
            return today.plusDays(1);
        }
        if (Character.isLetter(word.charAt(0))) {
            DayOfWeek day = Arrays.stream(DayOfWeek.values())
                    .filter(d -> d.name().toLowerCase(Locale.ROOT).startsWith(word.substring(0, 3))).findFirst()
                    .orElseThrow(() -> new DateTimeException("not a day: " + typed));
            return today.with(TemporalAdjusters.nextOrSame(day));
        }
        String[] parts = typed.split("-");
        return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }

    /** "Thursday 2026-12-24": a date typed as a word is shown as the date it was taken for. */
    private static String dayAndDate(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + date;
    }

    private Reply holidays(Subscription s, Optional<String> change, Optional<String> typedDay) {
        if (change.isEmpty()) {
            List<MonthDay> days = rules.holidays(s.id());
            return Reply.text(days.isEmpty() ? "No yearly holidays here. Add one with: daily holidays add 12-25"
                    : "Skipped every year here: " + days.stream().map(DailyCommand::monthDay)
                    .collect(Collectors.joining(", ")) + ".");
        }
        if (typedDay.isEmpty()) {
            return Reply.text("Which day? For example: daily holidays " + change.get().toLowerCase(Locale.ROOT) + " 12-25");
        }
        MonthDay day;
        try {
            String[] parts = typedDay.get().split("-");
            day = MonthDay.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (DateTimeException e) {
            return Reply.text("\"" + shorten(typedDay.get()) + "\" is not a day of the year; write it as MM-DD, e.g. 12-25.");
        }
        boolean add = change.get().equalsIgnoreCase("add");
        boolean changed = add ? rules.addHoliday(s.id(), day) : rules.removeHoliday(s.id(), day);
        return Reply.text((add ? changed ? monthDay(day) + " is skipped every year from now on"
                : monthDay(day) + " is a holiday here already"
                : changed ? monthDay(day) + " is no longer skipped" : monthDay(day) + " was not a holiday here")
                + ". The next one: " + next(s) + ".");
    }

    private static String monthDay(MonthDay day) {
        return day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + day.getDayOfMonth();
    }

    private static Reply notAManager(String verb) {
        return Reply.text("Only people who manage this channel can " + (verb.equals("leaderboard") ? "change the leaderboard"
                : verb.equals("now") || verb.equals("reveal") ? "post or reveal its question of the day"
                : verb.equals("preview") ? "see its next question ahead"
                : "change its question of the day") + ": on Slack, workspace admins and owners or the bot's configured"
                + " admins; on Discord, people with Manage Channels or Manage Server. Anyone can see it with: daily status");
    }

    private static String shorten(String word) {
        return word.length() > 40 ? word.substring(0, 40) + "..." : word;
    }

    private Reply subscribe(Inbound.Command command, CommandInput input, ChatPort port) {
        Optional<Subscription> existing = subscriptions.find(command.place());
        String track = input.value("track").orElse(null);
        LocalTime time = existing.map(s -> s.times().at()).orElse(DEFAULT_TIME);
        ZoneId zone = existing.map(s -> s.times().zone()).orElseGet(() -> port.zoneOf(command.user()).orElse(ZoneId.of("UTC")));
        Set<DayOfWeek> days = existing.map(s -> s.times().days()).orElse(DEFAULT_DAYS);
        Subscription.AnswerMode mode = input.value("mode")
                .map(m -> Subscription.AnswerMode.valueOf(m.toUpperCase(Locale.ROOT)))
                .orElse(existing.map(Subscription::mode).orElse(Subscription.AnswerMode.SEALED));
        String topic = input.value("topic").map(t -> t.isBlank() ? null : t.toLowerCase(Locale.ROOT))
                .orElse(existing.map(Subscription::topic).orElse(null));
        Integer difficulty = existing.map(Subscription::maxDifficulty).orElse(null);
        try {
            if (input.value("difficulty").isPresent()) {
                difficulty = difficulty(input.value("difficulty").get());
            }
            if (input.value("time").isPresent()) {
                time = ScheduleInput.time(input.value("time").get());
            }
            if (input.value("zone").isPresent()) {
                zone = ScheduleInput.zone(input.value("zone").get());
            }
            if (input.value("days").isPresent()) {
                days = ScheduleInput.days(input.value("days").get());
            }
        } catch (ScheduleInput.Invalid e) {
            return Reply.text(e.getMessage());
        }
        Optional<Bank> bank = banks.current().track(track != null ? track
                : existing.map(Subscription::track).orElse(defaultTrack));
        if (bank.isEmpty()) {
            return Reply.text(UnknownTrack.message(banks.current(), track));
        }
        // "indexing" or "index" for the track's indexes, as mock takes it
        List<String> nearTopics = topic == null ? List.of() : TopicNames.near(bank.get(), topic);
        if (topic != null) {
            topic = TopicNames.meant(bank.get(), topic);
        }
        PostTimes times = new PostTimes(time, zone, days);
        // New times count from now, as a new subscription's do: moving 11:00 to 09:30 at 10:00 starts with the next
        // 09:30, as the reply says, rather than a post at once for a time that was not set when it passed.
        Subscription wanted = new Subscription(ids.get(), command.place(), bank.get().track(), times,
                existing.map(Subscription::createdBy).orElse(command.user().userId()),
                existing.filter(e -> e.times().equals(times)).map(Subscription::createdAt).orElse(clock.instant()), mode,
                existing.map(Subscription::leaderboard).orElse(false), topic, difficulty);
        long matching = bank.get().questions().stream().filter(wanted::allows).count();
        if (matching == 0) {
            return Reply.text("No " + bank.get().track() + " question matches"
                    + (topic == null ? "" : " topic \"" + shorten(topic) + "\"")
                    + (difficulty == null ? "" : " at difficulty " + difficulty + " or below")
                    + (nearTopics.size() > 1 ? ". Did you mean " + TopicNames.either(nearTopics) + "?" : ".")
                    + " Topics in this track: " + bank.get().questions().stream().flatMap(q -> q.topics().stream())
                    .distinct().sorted().collect(Collectors.joining(", ")) + ".");
        }
        Subscription saved = subscriptions.save(wanted);
        return Reply.text("This channel gets a " + saved.track() + " question" + (topic == null ? "" : " on " + topic)
                + " " + describe(saved.times()) + ", answered " + (saved.mode() == Subscription.AnswerMode.SEALED
                ? "privately and revealed with the next question" : "in the thread") + " (" + matching + " questions"
                + " before any repeats). The next one: " + next(saved.times()) + ".");
    }

    private static Integer difficulty(String value) {
        if (!value.matches("[1-3]")) {
            throw new ScheduleInput.Invalid("Difficulty goes from 1 (warm-up) to 3 (senior), for example difficulty:2;"
                    + " you wrote \"" + shorten(value) + "\".");
        }
        return Integer.parseInt(value);
    }

    private Reply status(Place here) {
        return subscriptions.find(here)
                .map(s -> Reply.text("This channel gets a " + s.track() + " question"
                        + (s.topic() == null ? "" : " on " + s.topic())
                        + (s.maxDifficulty() == null ? "" : " up to difficulty " + s.maxDifficulty())
                        + " " + describe(s.times()) + ". Answers are " + (s.mode() == Subscription.AnswerMode.SEALED
                        ? "sealed until the reveal" : "open, in the thread") + "; the leaderboard is "
                        + (s.leaderboard() ? "on" : "off") + "." + (rules.paused(s.id())
                        ? " It is paused: nothing goes out until daily resume."
                        : " Next: " + next(s) + ".")))
                .orElseGet(() -> Reply.text("This channel has no question of the day. Start one with: daily subscribe"
                        + " [track] [HH:MM] [zone] [weekdays]"));
    }

    private String next(PostTimes times) {
        return WHEN.format(times.next(clock.instant()).at().atZone(times.zone())) + " " + times.zone().getId();
    }

    private String next(Subscription s) {
        if (rules.paused(s.id())) {
            return "none while it is paused (daily resume)";
        }
        return WHEN.format(poster.nextPost(s, clock.instant()).at().atZone(s.times().zone())) + " " + s.times().zone().getId();
    }

    static String describe(PostTimes times) {
        String days = times.days().equals(DEFAULT_DAYS) ? "every weekday"
                : times.days().size() == 7 ? "every day"
                : "on " + times.days().stream().sorted().map(d -> d.getDisplayName(TextStyle.FULL, Locale.ENGLISH))
                .collect(Collectors.joining(", "));
        return days + " at " + times.at() + " " + times.zone().getId();
    }

    private static Reply notAChannel(ChatPort port) {
        return Reply.text("A question of the day belongs to a channel: run this in the channel that should get it."
                + port.whereChannelsAre());
    }
}
