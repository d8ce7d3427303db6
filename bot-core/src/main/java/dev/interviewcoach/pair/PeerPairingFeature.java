package dev.interviewcoach.pair;

import dev.interviewcoach.chat.Block;
import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.PlatformRefusal;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.RichText;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.command.CommandInput;
import dev.interviewcoach.command.CommandSpec;
import dev.interviewcoach.command.OptionSpec;
import dev.interviewcoach.daily.PostTimes;
import dev.interviewcoach.daily.ScheduleInput;
import dev.interviewcoach.engine.ActionHandler;
import dev.interviewcoach.engine.CommandHandler;
import dev.interviewcoach.engine.MessageHandler;
import dev.interviewcoach.engine.Scheduled;
import dev.interviewcoach.feedback.AnswerScored;
import dev.interviewcoach.feedback.Feedback;
import dev.interviewcoach.feedback.FeedbackEngine;
import dev.interviewcoach.interview.QuestionPicker;
import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.UnknownTrack;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.Question;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code pair on|off|status|schedule|stop}: peer mock interviews. A channel's managers set when its
 * weekly pairs are made and its track; people opt in, with that track or one of their own. Each week the coach pairs them by track and
 * overlapping working hours, a new partner whenever there is one, and opens a private conversation
 * per pair: one interviews the other with a private card (rubric, buttons to mark points and to
 * score), both see the coach's score of a typed answer beside the peer's, then they swap. Whoever
 * never takes part in two pairings in a row is left out until they opt in again.
 */
public final class PeerPairingFeature implements CommandHandler, MessageHandler, ActionHandler, Scheduled {

    private static final Logger log = LoggerFactory.getLogger(PeerPairingFeature.class);
    static final LocalTime DEFAULT_TIME = LocalTime.of(10, 0);
    static final DayOfWeek DEFAULT_DAY = DayOfWeek.MONDAY;
    private static final String DAY_SHAPE = "(mon|tue|wed|thu|fri|sat|sun)[a-z]*";
    /** Working hours as typed: two times of day joined by a dash, 13:00-17:00, 9am-1pm or whole hours, 9-17. */
    private static final String HOURS_SHAPE = "\\d{1,2}(:\\d{2})?(am|pm)?\\s*-\\s*\\d{1,2}(:\\d{2})?(am|pm)?";
    private static final Pattern TYPED_MOVE = Pattern.compile("(covered|score)\\s+([0-9]{1,2})");
    private static final Pattern VERB = Pattern.compile("(cover|score)-([0-9]{1,2})");

    /** What the pairing needs to know about people beyond the platform: the zone they set with the coach. */
    @FunctionalInterface
    public interface SavedZones {
        Optional<ZoneId> of(UserRef user);
    }

    /** Whether a person muted the coach: they get no direct message they did not ask for (pair status still says all). */
    @FunctionalInterface
    public interface Muted {
        boolean test(UserRef user);
    }

    private final PairingRepository pairings;
    private final BankCatalog banks;
    private final FeedbackEngine feedback;
    /** Told of each question a candidate answered, as for other answers (spaced review). */
    private final AnswerScored scored;
    private final QuestionPicker picker;
    private final PairMatcher matcher = new PairMatcher();
    private final SavedZones savedZones;
    private final Muted muted;
    private final Supplier<String> ids;
    private final Clock clock;
    private final Duration window;
    private final Duration grace;
    private final Duration every;

    /**
     * @param window how long a week's pair has to meet; whoever never took part by then missed it
     * @param grace  how late pairs whose time passed while the bot was down may still be made
     * @param every  how often to look for pairings that are due or ended
     */
    public PeerPairingFeature(PairingRepository pairings, BankCatalog banks, FeedbackEngine feedback, AnswerScored scored,
                              QuestionPicker picker, SavedZones savedZones, Muted muted, Supplier<String> ids,
                              Clock clock, Duration window, Duration grace, Duration every) {
        this.scored = scored;
        this.muted = muted;
        this.pairings = pairings;
        this.banks = banks;
        this.feedback = feedback;
        this.picker = picker;
        this.savedZones = savedZones;
        this.ids = ids;
        this.clock = clock;
        this.window = window;
        this.grace = grace;
        this.every = every;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(CommandSpec.group("pair", "peer mock interviews: a weekly partner from this channel", "status",
                CommandSpec.of("on", "join this channel's weekly peer pairing",
                        OptionSpec.word("track", "The track you practise (default: the channel's)").manyWords()
                                .suggesting(OptionSpec.Suggest.TRACKS),
                        OptionSpec.word("zone", "Your time zone for working hours, e.g. Europe/Berlin (default: your"
                                + " profile's)").shaped(ScheduleInput.ZONE_SHAPE),
                        OptionSpec.word("hours", "When you are free on weekdays, e.g. 13:00-17:00 (default 09:00-18:00)")
                                .shaped(HOURS_SHAPE).shownAs("HH:MM-HH:MM").maxLength(20)),
                CommandSpec.of("off", "leave this channel's weekly peer pairing"),
                CommandSpec.of("status", "your pairing here: track, next pairing, partners, whether you are left out"),
                CommandSpec.of("schedule", "when this channel's pairs are made, and their track (managers)",
                        OptionSpec.word("track", "Question track, e.g. python-developer").manyWords()
                                .suggesting(OptionSpec.Suggest.TRACKS),
                        OptionSpec.word("weekday", "Weekday pairs are made (default mon)").shaped(DAY_SHAPE).shownAs("mon"),
                        OptionSpec.word("time", "Local time, HH:MM (default 10:00)").shaped(ScheduleInput.TIME_SHAPE)
                                .shownAs("HH:MM").maxLength(8),
                        OptionSpec.word("zone", "Time zone, e.g. Europe/Berlin (default: yours)").shaped(ScheduleInput.ZONE_SHAPE)),
                CommandSpec.of("stop", "stop this channel's weekly pairing (managers)")));
    }

    @Override
    public String feature() {
        return PairCards.FEATURE;
    }

    @Override
    public List<Job> jobs() {
        return List.of(Job.inPlaces("peer-pairings", every, this::run));
    }

    // --- commands

    @Override
    public void handle(Inbound.Command command, CommandInput input, ChatPort port) {
        Place here = command.place();
        UserRef user = command.user();
        if (here.kind() != Place.Kind.CHANNEL) {
            port.post(here, Reply.text("Peer pairing belongs to a channel: type this in the channel whose weekly pairing"
                    + " you mean." + port.whereChannelsAre()).onlyTo(user));
            return;
        }
        Reply reply = switch (input.verb()) {
            case "schedule" -> port.mayManage(user, here) ? schedule(command, input, port)
                    : Reply.text("Only people who manage this channel can set when its pairs are made: on Slack, workspace"
                    + " admins and owners or the bot's configured admins; on Discord, people with Manage Channels or"
                    + " Manage Server. Anyone can join with pair on.");
            case "stop" -> !port.mayManage(user, here)
                    ? Reply.text("Only people who manage this channel can stop its weekly pairing. To leave it yourself,"
                    + " type pair off.")
                    : pairings.deleteSchedule(here)
                    ? Reply.text("This channel's weekly peer pairing is stopped; pairs already open finish their week."
                    + " Start it again with pair schedule.")
                    : Reply.text("This channel has no weekly peer pairing to stop.");
            case "on" -> on(command, input, port);
            case "off" -> off(user, here);
            default -> status(user, here, port);
        };
        port.post(here, reply.onlyTo(user));
    }

    private Reply schedule(Inbound.Command command, CommandInput input, ChatPort port) {
        Place here = command.place();
        Optional<PairSchedule> existing = pairings.schedule(here);
        String track;
        DayOfWeek day = existing.map(PairSchedule::day).orElse(DEFAULT_DAY);
        LocalTime time = existing.map(s -> s.times().at()).orElse(DEFAULT_TIME);
        ZoneId zone = existing.map(s -> s.times().zone())
                .orElseGet(() -> port.zoneOf(command.user()).orElse(ZoneId.of("UTC")));
        Optional<String> typedTrack = input.value("track");
        if (typedTrack.isPresent()) {
            Optional<Bank> bank = banks.current().track(typedTrack.get());
            if (bank.isEmpty()) {
                return Reply.text(UnknownTrack.message(banks.current(), typedTrack.get()));
            }
            track = bank.get().track();
        } else if (existing.isPresent()) {
            track = existing.get().track();
        } else {
            return Reply.text("Say which track the pairs practise, for example: pair schedule python-developer mon 10:00");
        }
        try {
            ScheduleInput.Weekly when = ScheduleInput.weekly(input, new ScheduleInput.Weekly(day, time, zone),
                    "Pairs are made");
            day = when.day();
            time = when.time();
            zone = when.zone();
        } catch (ScheduleInput.Invalid e) {
            return Reply.text(e.getMessage());
        }
        PairSchedule schedule = new PairSchedule(here, track, new PostTimes(time, zone, Set.of(day)),
                existing.map(PairSchedule::createdBy).orElse(command.user().userId()),
                existing.map(PairSchedule::createdAt).orElse(clock.instant()));
        pairings.save(schedule);
        log.info("weekly peer pairing of channel {} set: {} {} {}", here.channelId(), day, time, zone);
        return Reply.text("This channel's peer pairs (" + track + ") are made " + describe(schedule) + ". Next: "
                + next(schedule) + ". Everyone who wants a partner types pair on here.");
    }

    private Reply on(Inbound.Command command, CommandInput input, ChatPort port) {
        Place here = command.place();
        UserRef user = command.user();
        Optional<PairSchedule> schedule = pairings.schedule(here);
        if (schedule.isEmpty()) {
            return noSchedule(user, here, port);
        }
        Optional<PairMember> before = pairings.member(user, here);
        ZoneId zone;
        try {
            // Typed, else the platform profile's, else the one they gave before (Discord has no profile zone).
            zone = input.value("zone").isPresent() ? ScheduleInput.zone(input.value("zone").get())
                    : port.zoneOf(user).or(() -> before.map(PairMember::zone)).or(() -> savedZones.of(user))
                            .orElse(schedule.get().times().zone());
        } catch (ScheduleInput.Invalid e) {
            return Reply.text(e.getMessage());
        }
        String track = schedule.get().track();
        if (input.value("track").isPresent()) {
            Optional<Bank> bank = banks.current().track(input.value("track").get());
            if (bank.isEmpty()) {
                return Reply.text(UnknownTrack.message(banks.current(), input.value("track").get())
                        + " Or leave it out for this channel's (" + track + ").");
            }
            track = bank.get().track();
        }
        String chosen = track;
        WorkingHours hours;
        try {
            // Typed hours replace the ones kept; otherwise a person keeps theirs when they change zone or track.
            hours = input.value("hours").isPresent() ? hours(input.value("hours").get(), zone)
                    : before.map(m -> m.hours().in(zone)).orElse(WorkingHours.standard(zone));
        } catch (ScheduleInput.Invalid e) {
            return Reply.text(e.getMessage());
        }
        PairMember member = before.map(m -> m.optIn(chosen, hours))
                .orElseGet(() -> new PairMember(user, here, chosen, hours, true, 0, false, Optional.empty(),
                        clock.instant()));
        pairings.save(member);
        boolean wasLeftOut = before.map(PairMember::leftOut).orElse(false);
        return Reply.text((wasLeftOut ? "Welcome back: you are in this channel's weekly peer pairing again"
                : "You are in this channel's weekly peer pairing") + " (" + member.track() + "). I pair you with someone"
                + " whose working hours overlap yours by an hour or more (" + hours.describe() + "; set others with, for"
                + " example, pair on 13:00-17:00 Area/City). Next pairs: " + next(schedule.get()) + ". Leave with pair off.");
    }

    /** Working hours as typed ({@code 13:00-17:00}, {@code 9am-1pm}) in {@code zone}. */
    static WorkingHours hours(String typed, ZoneId zone) {
        String[] ends = typed.strip().split("\\s*-\\s*");
        if (ends.length != 2) {
            throw new ScheduleInput.Invalid("Give your working hours as start-end, like 13:00-17:00, 9am-1pm or 9-17.");
        }
        LocalTime from = timeOfRange(ends[0]);
        LocalTime to = timeOfRange(ends[1]);
        if (Duration.between(from, to).compareTo(PairMatcher.MIN_OVERLAP) < 0) {
            throw new ScheduleInput.Invalid("Your working hours must end at least an hour after they start, on the same"
                    + " day (" + from + "-" + to + " does not); a partner needs an hour in common with you.");
        }
        return new WorkingHours(zone, from, to);
    }

    /** One end of a range: a whole hour alone (the 9 of 9-17) reads as 09:00, anything else as a time of day. */
    private static LocalTime timeOfRange(String typed) {
        if (typed.matches("\\d{1,2}")) {
            int hour = Integer.parseInt(typed);
            if (hour > 23) {
                throw new ScheduleInput.Invalid("\"" + typed + "\" is not an hour of the day; use 0 to 23, like 9-17.");
            }
            return LocalTime.of(hour, 0);
        }
        return ScheduleInput.time(typed);
    }

    private Reply off(UserRef user, Place here) {
        Optional<PairMember> member = pairings.member(user, here).filter(PairMember::optedIn);
        if (member.isEmpty()) {
            return Reply.text("You are not in this channel's weekly peer pairing. Join with pair on.");
        }
        pairings.save(member.get().optOut());
        return Reply.text("You have left this channel's weekly peer pairing; a pairing already open stays open until it"
                + " ends. Join again any time with pair on.");
    }

    /** There is no pairing here: who can start one, and how (the person asking, when they manage the channel). */
    private static Reply noSchedule(UserRef user, Place here, ChatPort port) {
        return Reply.text("This channel has no weekly peer pairing yet. " + (port.mayManage(user, here)
                ? "You manage this channel, so you can start one: pair schedule python-developer mon 10:00 (a track, a"
                        + " weekday and a time)."
                : "Someone who manages it can start one with: pair schedule python-developer mon 10:00"));
    }

    private Reply status(UserRef user, Place here, ChatPort port) {
        Optional<PairSchedule> schedule = pairings.schedule(here);
        if (schedule.isEmpty()) {
            return noSchedule(user, here, port);
        }
        PairSchedule s = schedule.get();
        List<String> lines = new ArrayList<>();
        lines.add("Weekly peer pairing here: " + s.track() + ", pairs made " + describe(s) + ". Next: " + next(s) + ".");
        Optional<PairMember> member = pairings.member(user, here);
        if (member.isEmpty() || !member.get().optedIn()) {
            lines.add("You are not in it; join with pair on.");
        } else if (member.get().leftOut()) {
            lines.add("You are left out: you missed " + PairMember.MISSES_TO_LEAVE_OUT + " pairings in a row. Type pair on"
                    + " to join again.");
        } else {
            PairMember m = member.get();
            lines.add("You are in (" + m.track() + "), paired by working hours " + m.hours().describe() + "."
                    + (m.missedInRow() > 0 ? " You missed your last pairing; missing the next"
                    + " one too leaves you out." : "")
                    + (m.waitingSince().isPresent() ? " You had no partner last time, so you are first in line." : ""));
        }
        List<Pairing> mine = pairings.pairingsOf(user, here);
        Set<String> partners = new HashSet<>();
        mine.forEach(p -> partners.add(p.partnerOf(user.userId())));
        lines.add("Pairings so far: " + mine.size() + ", with " + partners.size() + " different partner"
                + (partners.size() == 1 ? "" : "s") + ".");
        Optional<Pairing> open = mine.stream().filter(Pairing::open).findFirst();
        if (open.isEmpty()) {
            return Reply.text(String.join("\n", lines));
        }
        // Where this week's pairing is, with whom, and until when: one click from the status to the pair.
        Pairing p = open.get();
        String progress = (p.turn() < Pairing.DONE ? "question " + p.turn() + " of 2" : "both questions done")
                + ", until " + PairCards.when(p.windowEnds(), s.times().zone()) + ".";
        UserRef partner = new UserRef(user.platform(), user.tenant(), p.partnerOf(user.userId()));
        lines.add("Open now with " + partner.userId() + ": " + progress);
        Reply.Builder reply = Reply.builder(String.join("\n", lines));
        lines.subList(0, lines.size() - 1).forEach(reply::text);
        return reply.text(RichText.builder().plain("Open now with ").mention(partner).plain(" in ").channel(p.place())
                .plain(": " + progress).build()).build();
    }

    // --- the pair's conversation

    @Override
    public boolean holdsConversation(Inbound.Message message) {
        return pairings.openAt(message.place()).isPresent();
    }

    @Override
    public boolean onMessage(Inbound.Message message, ChatPort port) {
        Optional<Pairing> found = pairings.openAt(message.place());
        if (found.isEmpty()) {
            return false;
        }
        Pairing p = found.get();
        String userId = message.user().userId();
        if (!p.has(userId)) {
            return true; // someone else's words in a pair's conversation are not for the coach
        }
        markShowed(p, userId);
        String text = message.text().strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("here")) {
            port.post(message.place(), Reply.text("Thanks, you are counted as here.").onlyTo(message.user()));
            return true;
        }
        Matcher move = TYPED_MOVE.matcher(lower);
        if (move.matches() && p.turn() < Pairing.DONE) {
            int n = Integer.parseInt(move.group(2));
            if (move.group(1).equals("covered")) {
                cover(p, p.turn(), n, message.user(), message.place(), port);
            } else {
                score(p, p.turn(), n, message.user(), message.place(), port);
            }
            return true;
        }
        if (p.turn() < Pairing.DONE && p.candidate(p.turn()).equals(userId) && !text.isEmpty()) {
            message.ref().ifPresent(port::markReceived);
            takeAnswer(p, message.user(), text, message.place(), port);
        }
        return true;
    }

    /** An answer typed in a form (Discord without the Message Content intent): kept as a typed message would be. */
    @Override
    public void onSubmission(Inbound.Submission submission, ChatPort port) {
        UserRef user = submission.user();
        Optional<Pairing> found = pairings.pairing(submission.action().subject()).filter(Pairing::open);
        String text = submission.values().getOrDefault(Block.Button.FORM_FIELD, "").strip();
        if (found.isEmpty() || !found.get().has(user.userId()) || !submission.action().verb().equals("answer")) {
            port.post(submission.place(), Reply.text("That pairing has closed.").onlyTo(user));
            return;
        }
        Pairing p = found.get();
        markShowed(p, user.userId());
        if (submission.action().version() != p.turn() || !p.candidate(p.turn()).equals(user.userId())) {
            port.post(submission.place(), Reply.builder("Only the candidate of the current question answers it.")
                    .text(RichText.builder().plain("Only ").mention(p.user(p.candidate(Math.min(p.turn(), 2))))
                            .plain(" answers the current question.").build()).build().onlyTo(user));
            return;
        }
        if (!text.isEmpty()) {
            takeAnswer(p, user, text, submission.place(), port);
        }
    }

    /** Adds to the candidate's answer to the current question, until the interviewer scores it. */
    private void takeAnswer(Pairing p, UserRef candidate, String text, Place where, ChatPort port) {
        PeerTurn turn = pairings.turn(p.id(), p.turn()).orElseThrow();
        if (turn.peerScore().isPresent()) {
            return;
        }
        boolean first = turn.answer().isEmpty();
        pairings.answered(turn, turn.answer().map(a -> a + "\n" + text).orElse(text));
        if (first) {
            port.post(where, Reply.builder("Got your answer.").text(RichText.builder()
                    .plain("Got your answer; add to it in more messages if you like. When ")
                    .mention(p.user(p.interviewer(p.turn())))
                    .plain(" scores it, you both see the coach's score beside theirs.").build())
                    .build().onlyTo(candidate));
        }
    }

    @Override
    public void onAction(Inbound.Action action, ChatPort port) {
        UserRef user = action.user();
        Optional<Pairing> found = pairings.pairing(action.action().subject());
        if (found.isEmpty() || !found.get().open()) {
            port.post(action.place(), Reply.text("That pairing has closed.").onlyTo(user));
            return;
        }
        Pairing p = found.get();
        // The platform and person, not the tenant: a card's button pressed in a DM may not say which
        // server it came from (Discord DMs), and the pairing's id on the button is not guessable.
        if (!p.has(user.userId()) || p.channel().platform() != user.platform()) {
            port.post(action.place(), Reply.text("That pairing belongs to two other people.").onlyTo(user));
            return;
        }
        markShowed(p, user.userId());
        String verb = action.action().verb();
        if (verb.equals("here")) {
            port.post(action.place(), Reply.text("Thanks, you are counted as here.").onlyTo(user));
            return;
        }
        Matcher m = VERB.matcher(verb);
        if (!m.matches()) {
            port.post(action.place(), Reply.text("That button is no longer in use.").onlyTo(user));
            return;
        }
        int turn = (int) action.action().version();
        int n = Integer.parseInt(m.group(2));
        if (m.group(1).equals("cover")) {
            cover(p, turn, n, user, action.place(), port);
        } else {
            score(p, turn, n, user, action.place(), port);
        }
    }

    private void cover(Pairing p, int turn, int point, UserRef user, Place where, ChatPort port) {
        Optional<PeerTurn> t = current(p, turn, user, where, port);
        if (t.isEmpty()) {
            return;
        }
        Question q = question(p, t.get());
        if (point < 1 || point > q.talkingPoints().size()) {
            port.post(where, Reply.text("That question has talking points 1 to " + q.talkingPoints().size() + ".")
                    .onlyTo(user));
            return;
        }
        String id = q.talkingPoints().get(point - 1).id();
        Set<String> covered = new HashSet<>(t.get().covered());
        boolean now = covered.add(id) || !covered.remove(id);
        pairings.covered(t.get(), covered);
        port.post(where, Reply.text((now ? "Marked covered: " : "No longer marked covered: ")
                + q.talkingPoints().get(point - 1).point() + " (" + covered.size() + " of " + q.talkingPoints().size()
                + " so far). Score the answer 1-5 when it is done.").onlyTo(user));
    }

    private void score(Pairing p, int turn, int score, UserRef user, Place where, ChatPort port) {
        Optional<PeerTurn> found = current(p, turn, user, where, port);
        if (found.isEmpty()) {
            return;
        }
        if (score < 1 || score > 5) {
            port.post(where, Reply.text("A score is 1 to 5.").onlyTo(user));
            return;
        }
        PeerTurn t = found.get();
        if (!pairings.peerScored(t, score, clock.instant())) {
            port.post(where, Reply.text("You scored this question already.").onlyTo(user));
            return;
        }
        Question q = question(p, t);
        Optional<Feedback> coach = t.answer().filter(a -> !a.isBlank())
                .map(a -> feedback.assess(q, a, p.channel().platform() + ":" + p.channel().tenant()));
        coach.ifPresent(f -> pairings.coachScored(t, f.score()));
        // The question comes back for review as any answered one does: by the coach's score of what was
        // typed, else (answered out loud) by the interviewer's.
        scored.scored(p.user(t.candidate()), q, coach.map(Feedback::score).orElse(score), clock.instant());
        port.post(p.place(), PairCards.scores(p, t, q, score, coach));
        pairings.advance(p, turn);
        if (turn == 1) {
            Pairing swapped = pairings.pairing(p.id()).orElseThrow();
            Question next = secondQuestion(p, q);
            pairings.addTurn(swapped, new PeerTurn(p.id(), 2, p.second(), p.first(), next.id(), Optional.empty(),
                    Optional.empty(), Set.of(), Optional.empty()));
            port.post(p.place(), PairCards.swap(p).followedBy(PairCards.question(p, 2, next)));
            port.post(p.place(), PairCards.card(p, 2, next).onlyTo(p.user(p.second())));
        } else {
            port.post(p.place(), PairCards.finished());
            if (pairings.close(p.id(), clock.instant())) {
                settle(pairings.pairing(p.id()).orElseThrow(), port);
            }
        }
        log.info("peer pairing {} question {} scored by the interviewer", p.id(), turn);
    }

    /** The turn a button or typed move acts on, when it is still the current one and the person its interviewer. */
    private Optional<PeerTurn> current(Pairing p, int turn, UserRef user, Place where, ChatPort port) {
        if (turn != p.turn()) {
            port.post(where, Reply.text(p.turn() >= Pairing.DONE ? "Both questions of this pairing are done."
                    : "That card is for question " + turn + "; you are on question " + p.turn() + " now.").onlyTo(user));
            return Optional.empty();
        }
        if (!p.interviewer(turn).equals(user.userId())) {
            port.post(where, Reply.builder("Only the interviewer marks points and scores this question.")
                    .text(RichText.builder().plain("Only ").mention(p.user(p.interviewer(turn)))
                            .plain(", the interviewer, marks points and scores this question; you answer it.").build())
                    .build().onlyTo(user));
            return Optional.empty();
        }
        return pairings.turn(p.id(), turn);
    }

    private void markShowed(Pairing p, String userId) {
        if (!p.showed(userId)) {
            pairings.showed(p, userId);
        }
    }

    private Question question(Pairing p, PeerTurn t) {
        return banks.current().question(p.track(), t.questionId())
                .or(() -> banks.current().question(t.questionId()))
                .orElseThrow(() -> new IllegalStateException("question " + t.questionId() + " is gone from " + p.track()));
    }

    /** A different question of the track for the second turn. */
    private Question secondQuestion(Pairing p, Question first) {
        Bank bank = banks.current().track(p.track()).orElseThrow();
        return picker.pick(bank, 2).stream().filter(q -> !q.id().equals(first.id())).findFirst().orElse(first);
    }

    // --- the weekly job

    /** Closes pairings whose window ended, then makes the pairs that are due; returns how many pairs were made. */
    public int run(Instant now, ChatPorts ports) {
        for (Pairing ended : pairings.ended(now)) {
            Optional<ChatPort> port = ports.reaching(ended.channel());
            if (port.isPresent() && pairings.close(ended.id(), now)) {
                try {
                    port.get().post(ended.place(), PairCards.closed(ended));
                } catch (RuntimeException e) {
                    log.warn("could not say that pairing {} closed: {}", ended.id(), e.toString());
                }
                settle(ended, port.get());
            }
        }
        int made = 0;
        for (PairSchedule s : pairings.schedules()) {
            Optional<ChatPort> port = ports.reaching(s.channel());
            Optional<PostTimes.Due> due = s.times().catchUp(now, grace);
            if (port.isEmpty() || due.isEmpty() || !due.get().at().isAfter(s.createdAt())
                    || !pairings.claimRound(s.channel(), due.get().localDate(), now)) {
                continue;
            }
            made += makePairs(s, due.get().localDate(), now, port.get());
        }
        return made;
    }

    /**
     * After a pairing closed: a miss counts against whoever never took part; a second in a row leaves
     * them out, told why; a partner who came when the other did not is told privately that it was not them.
     */
    private void settle(Pairing p, ChatPort port) {
        if (p.showed(p.first()) != p.showed(p.second())) {
            tellPrivately(p.user(p.showed(p.first()) ? p.first() : p.second()), PairCards.partnerAbsent(p.channel()), port);
        }
        for (String userId : List.of(p.first(), p.second())) {
            UserRef user = p.user(userId);
            // Someone who left the pairing meanwhile (pair off) owes it nothing more.
            Optional<PairMember> member = pairings.member(user, p.channel()).filter(PairMember::optedIn);
            if (member.isEmpty()) {
                continue;
            }
            PairMember after = member.get().after(p.showed(userId));
            pairings.save(after);
            if (after.leftOut() && !member.get().leftOut()) {
                log.info("a person was left out of the peer pairing of channel {} after missing two", p.channel().channelId());
                tellPrivately(user, PairCards.leftOut(p.channel()), port);
            }
        }
    }

    private int makePairs(PairSchedule s, LocalDate date, Instant now, ChatPort port) {
        Map<String, List<PairMember>> byTrack = new LinkedHashMap<>();
        for (PairMember m : pairings.optedIn(s.channel())) {
            if (m.pairable()) {
                byTrack.computeIfAbsent(m.track(), t -> new ArrayList<>()).add(m);
            }
        }
        Map<Set<String>, Integer> past = pairings.pastPairs(s.channel());
        int made = 0;
        for (Map.Entry<String, List<PairMember>> track : byTrack.entrySet()) {
            Map<String, PairMember> members = new LinkedHashMap<>();
            track.getValue().forEach(m -> members.put(m.user().userId(), m));
            PairMatcher.Result result = matcher.match(track.getValue().stream()
                            .map(m -> new PairMatcher.Candidate(m.user().userId(), m.hours(), m.waitingSince(), m.joinedAt()))
                            .toList(),
                    (a, b) -> past.getOrDefault(Set.of(a, b), 0), date);
            for (PairMatcher.Pair pair : result.pairs()) {
                if (open(s, track.getKey(), pair, date, now, port)) {
                    pairings.save(members.get(pair.first()).waitingFrom(Optional.empty()));
                    pairings.save(members.get(pair.second()).waitingFrom(Optional.empty()));
                    made++;
                } else {
                    for (String userId : List.of(pair.first(), pair.second())) {
                        PairMember m = members.get(userId);
                        pairings.save(m.waitingFrom(m.waitingSince().or(() -> Optional.of(now))));
                    }
                }
            }
            for (Map.Entry<String, PairMatcher.Alone> alone : result.alone().entrySet()) {
                PairMember m = members.get(alone.getKey());
                pairings.save(m.waitingFrom(m.waitingSince().or(() -> Optional.of(now))));
                tellPrivately(m.user(), PairCards.alone(s.channel(), alone.getValue(), m.hours()), port);
            }
        }
        log.info("weekly peer pairing of channel {} ({}): {} pairs", s.channel().channelId(), date, made);
        return made;
    }

    /** Opens one pair's private conversation with its first question; false when the platform refused. */
    private boolean open(PairSchedule s, String track, PairMatcher.Pair pair, LocalDate date, Instant now, ChatPort port) {
        Optional<Bank> bank = banks.current().track(track);
        if (bank.isEmpty() || bank.get().questions().isEmpty()) {
            log.warn("peer pairing of channel {}: the track {} has no questions", s.channel().channelId(), track);
            return false;
        }
        Question first = picker.pick(bank.get(), 1).getFirst();
        Place channel = s.channel();
        Pairing draft = new Pairing(ids.get(), channel, date, track, pair.first(), pair.second(), channel, 1, false,
                false, now.plus(window), Optional.empty(), now);
        UserRef a = draft.user(pair.first());
        UserRef b = draft.user(pair.second());
        Place place;
        try {
            place = port.openGroup(channel, List.of(a, b), PairCards.opening(draft, s.times().zone()));
        } catch (PlatformRefusal refused) {
            log.warn("peer pairing of channel {}: no private conversation ({})", channel.channelId(), refused.getMessage());
            tellPrivately(a, PairCards.refusedGroup(channel, refused.getMessage()), port);
            tellPrivately(b, PairCards.refusedGroup(channel, refused.getMessage()), port);
            return false;
        } catch (RuntimeException e) {
            log.warn("peer pairing of channel {}: no private conversation: {}", channel.channelId(), e.toString());
            return false;
        }
        Pairing p = new Pairing(draft.id(), channel, date, track, pair.first(), pair.second(), place, 1, false, false,
                draft.windowEnds(), Optional.empty(), now);
        pairings.add(p, new PeerTurn(p.id(), 1, p.first(), p.second(), first.id(), Optional.empty(), Optional.empty(),
                Set.of(), Optional.empty()));
        try {
            port.post(place, PairCards.question(p, 1, first));
            port.post(place, PairCards.card(p, 1, first).onlyTo(a));
        } catch (RuntimeException e) {
            log.warn("peer pairing {}: the first question did not go out: {}", p.id(), e.toString());
        }
        return true;
    }

    private void tellPrivately(UserRef user, Reply reply, ChatPort port) {
        if (muted.test(user)) {
            return;
        }
        try {
            port.post(port.openDirect(user), reply.onlyTo(user));
        } catch (RuntimeException e) {
            log.warn("could not message a person about their peer pairing: {}", e.toString());
        }
    }

    private String next(PairSchedule s) {
        return PairCards.when(s.times().next(clock.instant()).at(), s.times().zone());
    }

    private static String describe(PairSchedule s) {
        return "every " + s.day().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " at " + s.times().at() + " "
                + s.times().zone().getId();
    }

    /** For tests and the console: the open pairing a person is in anywhere in their workspace, if any. */
    public Optional<Pairing> openFor(UserRef user) {
        return pairings.pairingsOf(user).stream().filter(Pairing::open).findFirst();
    }
}
