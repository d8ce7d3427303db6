package dev.interviewcoach.review;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.command.CommandInput;
import dev.interviewcoach.command.CommandSpec;
import dev.interviewcoach.command.OptionSpec;
import dev.interviewcoach.chat.ActionId;
import dev.interviewcoach.engine.ActionHandler;
import dev.interviewcoach.engine.CommandHandler;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.interview.MockSession;
import dev.interviewcoach.interview.SessionRepository;
import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.Question;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code review}: a person's answers to their latest interview, quoted back with scores; and
 * {@code review due}: a short interview on the questions their spaced review says are due.
 */
public final class ReviewCommand implements CommandHandler, ActionHandler {

    /** The button under {@code stats} that starts a review of what is due, as {@code review due} does. */
    public static final ActionId DUE_BUTTON = new ActionId("review", "due", "me", 0);

    /** The most questions one review interview asks; the rest wait for the next. */
    static final int AT_ONCE = 5;

    private final SessionRepository sessions;
    private final MockInterviewFeature interviews;
    private final SpacedReview reviews;
    private final BankCatalog banks;
    private final Clock clock;

    public ReviewCommand(SessionRepository sessions, MockInterviewFeature interviews, SpacedReview reviews,
                         BankCatalog banks, Clock clock) {
        this.sessions = sessions;
        this.interviews = interviews;
        this.reviews = reviews;
        this.banks = banks;
        this.clock = clock;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(CommandSpec.of("review", "your answers to your latest interview; review due: practise what is"
                        + " due again",
                OptionSpec.choice("what", "Your latest interview, or the questions due for review",
                        OptionSpec.of("due", "due: practise the questions due for review"))));
    }

    @Override
    public void handle(Inbound.Command command, CommandInput input, ChatPort port) {
        if (input.value("what").isPresent()) {
            practiseDue(command, port);
            return;
        }
        List<MockSession> recent = sessions.recentFor(command.user(), 1);
        Reply reply = recent.isEmpty()
                ? Reply.text("You have no interviews yet. Start one with: mock")
                : interviews.review(recent.getFirst());
        port.post(command.place(), reply.onlyTo(command.user()));
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
