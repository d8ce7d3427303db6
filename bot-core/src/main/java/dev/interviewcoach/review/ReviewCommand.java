package dev.interviewcoach.review;

import dev.interviewcoach.chat.ActionId;
import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.RichText;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.command.CommandInput;
import dev.interviewcoach.command.CommandSpec;
import dev.interviewcoach.command.OptionSpec;
import dev.interviewcoach.engine.ActionHandler;
import dev.interviewcoach.engine.CommandHandler;
import dev.interviewcoach.interview.AnswerRecord;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.interview.MockSession;
import dev.interviewcoach.interview.SessionRepository;
import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.Question;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code review}: a person's answers to their latest interview (or an earlier one: {@code review 2}), quoted back
 * with scores; {@code history}: their latest interviews at a glance; and {@code review due}: a short interview on
 * the questions their spaced review says are due.
 */
public final class ReviewCommand implements CommandHandler, ActionHandler {

    /** The button under {@code stats} that starts a review of what is due, as {@code review due} does. */
    public static final ActionId DUE_BUTTON = new ActionId("review", "due", "me", 0);

    /** The most questions one review interview asks; the rest wait for the next. */
    static final int AT_ONCE = 5;
    /** How many interviews {@code history} lists, and how far back {@code review N} reaches. */
    static final int HISTORY = 10;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final SessionRepository sessions;
    private final MockInterviewFeature interviews;
    private final SpacedReview reviews;
    private final BankCatalog banks;
    private final Clock clock;
    private final Function<UserRef, Optional<ZoneId>> savedZone;

    /** With {@code savedZone}, the zone a person set with the coach, in which {@code history} shows its dates. */
    public ReviewCommand(SessionRepository sessions, MockInterviewFeature interviews, SpacedReview reviews,
                         BankCatalog banks, Clock clock, Function<UserRef, Optional<ZoneId>> savedZone) {
        this.savedZone = savedZone;
        this.sessions = sessions;
        this.interviews = interviews;
        this.reviews = reviews;
        this.banks = banks;
        this.clock = clock;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(CommandSpec.of("review", "your answers to your latest interview (review 2: the one before);"
                        + " review due: practise what is due again",
                OptionSpec.choice("what", "Your latest interview, or the questions due for review",
                        OptionSpec.of("due", "due: practise the questions due for review")),
                OptionSpec.number("which", "Which interview: 1 is the latest, 2 the one before (see history)", 1, HISTORY)),
                CommandSpec.of("history", "your latest interviews with their scores").alsoCalled("interviews"));
    }

    @Override
    public void handle(Inbound.Command command, CommandInput input, ChatPort port) {
        if (input.command().equals("history")) {
            port.post(command.place(), history(command.user(), port).onlyTo(command.user()));
            return;
        }
        if (input.value("what").isPresent()) {
            practiseDue(command, port);
            return;
        }
        int which = input.value("which").map(Integer::parseInt).orElse(1);
        if (which < 1) {
            port.post(command.place(), Reply.text("Interviews are numbered from 1, the latest (review 1), as history"
                    + " lists them.").onlyTo(command.user()));
            return;
        }
        // An interview ended before any answer has nothing to show: the one people mean is the latest with answers.
        List<MockSession> recent = sessions.recentAnsweredFor(command.user(), which);
        Reply reply = recent.isEmpty() ? Reply.text("You have no answered interviews yet. Start one with: mock")
                : recent.size() < which ? Reply.text("You have " + recent.size() + (recent.size() == 1 ? " interview"
                        : " interviews") + " with answers, so there is no number " + which + ". See them with: history")
                : interviews.review(recent.get(which - 1));
        port.post(command.place(), reply.onlyTo(command.user()));
    }

    /** One line per recent interview with answers: when, which track, how many answered and the mean score. */
    private Reply history(UserRef user, ChatPort port) {
        List<MockSession> recent = sessions.recentAnsweredFor(user, HISTORY);
        if (recent.isEmpty()) {
            return Reply.text("You have no answered interviews yet. Start one with: mock");
        }
        ZoneId zone = savedZone.apply(user).or(() -> port.zoneOf(user)).orElse(ZoneOffset.UTC);
        List<RichText> lines = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (int i = 0; i < recent.size(); i++) {
            MockSession s = recent.get(i);
            List<Integer> scores = sessions.answers(s.id()).stream()
                    .filter(a -> a.outcome() == AnswerRecord.Outcome.ANSWERED && a.score() != null)
                    .map(AnswerRecord::score).toList();
            double mean = scores.stream().mapToInt(Integer::intValue).average().orElse(0);
            String line = DAY.format(s.startedAt().atZone(zone)) + ", " + s.track() + ": " + scores.size() + " of "
                    + s.total() + " answered, " + String.format(Locale.ROOT, "%.1f/5", mean)
                    + (s.status() == MockSession.Status.ACTIVE ? " (in progress)" : "");
            lines.add(RichText.builder().bold((i + 1) + ". ").plain(line).build());
            plain.add((i + 1) + ". " + line);
        }
        Reply.Builder reply = Reply.builder("Your latest interviews:\n" + String.join("\n", plain))
                .heading("Your latest interviews");
        lines.forEach(reply::text);
        // the example names an interview the list has: "review 2" with one interview would be refused
        String example = recent.size() == 1 ? "review 1" : "review 2";
        return reply.text(RichText.builder().italic("See one again with: " + example + " (the number in this list).")
                .build()).build();
    }

    @Override
    public String feature() {
        return DUE_BUTTON.feature();
    }

    /** The stats page's button: as if the person had typed {@code review due} where the button is. */
    @Override
    public void onAction(Inbound.Action action, ChatPort port) {
        if (!action.action().verb().equals(DUE_BUTTON.verb())) {
            port.post(action.place(), Reply.text("That button is no longer in use.").onlyTo(action.user()));
            return;
        }
        practiseDue(new Inbound.Command(action.eventId() + ":review", action.user(), action.place(), "review due",
                action.receivedAt()), port);
    }

    private void practiseDue(Inbound.Command command, ChatPort port) {
        Instant now = clock.instant();
        List<ReviewRepository.Stored> due = reviews.due(command.user(), now);
        // One interview has one track: the track with the most due questions goes first.
        Map<String, List<Question>> byTrack = new LinkedHashMap<>();
        for (ReviewRepository.Stored card : due) {
            banks.current().question(card.track(), card.questionId())
                    .ifPresent(q -> byTrack.computeIfAbsent(card.track(), t -> new ArrayList<>()).add(q));
        }
        Optional<Map.Entry<String, List<Question>>> track = byTrack.entrySet().stream()
                .max(Comparator.comparingInt(e -> e.getValue().size()));
        Optional<Bank> bank = track.flatMap(t -> banks.current().track(t.getKey()));
        if (track.isEmpty() || bank.isEmpty()) {
            port.post(command.place(), Reply.text(due.isEmpty() ? "Nothing is due for review now. Questions you answer come"
                    + " back when you are about to forget them: a weak answer the next day, a strong one after days or"
                    + " weeks." : "The questions due for review are gone from the banks.").onlyTo(command.user()));
            return;
        }
        List<Question> chosen = track.get().getValue().subList(0, Math.min(AT_ONCE, track.get().getValue().size()));
        int left = due.size() - chosen.size();
        interviews.start(command, bank.get(), chosen, "Review: " + chosen.size() + (chosen.size() == 1 ? " question" : " questions")
                + " due again" + (left > 0 ? "; " + left + " more after this one (review due)." : "."), port);
    }
}
