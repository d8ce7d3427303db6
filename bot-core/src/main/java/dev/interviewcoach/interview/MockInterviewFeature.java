package dev.interviewcoach.interview;

import dev.interviewcoach.command.CommandInput;
import dev.interviewcoach.feedback.AnswerScored;
import dev.interviewcoach.feedback.Feedback;
import dev.interviewcoach.command.CommandSpec;
import dev.interviewcoach.command.OptionSpec;
import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.RichText;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.engine.ActionHandler;
import dev.interviewcoach.engine.CommandHandler;
import dev.interviewcoach.engine.DeletionHandler;
import dev.interviewcoach.engine.EditHandler;
import dev.interviewcoach.engine.MessageHandler;
import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.TopicNames;
import dev.interviewcoach.question.UnknownTrack;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.text.TextAnalyzer;
import dev.interviewcoach.text.NotAnAnswer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.interviewcoach.chat.Block;
import java.util.ArrayList;
import java.util.Map;

/**
 * Mock interviews end to end: {@code mock [track] [questions]} starts one (in a DM, or in a
 * thread of its own when started in a channel); typed answers, words and buttons move it on;
 * every step is stored before the person hears of it.
 */
public final class MockInterviewFeature implements CommandHandler, MessageHandler, EditHandler, DeletionHandler,
        ActionHandler {

    private static final Logger log = LoggerFactory.getLogger(MockInterviewFeature.class);
    private static final int MAX_ATTEMPTS = 3;

    /** Defaults for a new interview. */
    public record Settings(String defaultTrack, int defaultQuestions, int maxQuestions, boolean followUps,
                           Duration joinWithin) {
        /** Settings with follow-up questions off. */
        public Settings(String defaultTrack, int defaultQuestions, int maxQuestions) {
            this(defaultTrack, defaultQuestions, maxQuestions, false);
        }

        /** Settings that never join a further message to the answer before it. */
        public Settings(String defaultTrack, int defaultQuestions, int maxQuestions, boolean followUps) {
            this(defaultTrack, defaultQuestions, maxQuestions, followUps, Duration.ZERO);
        }
    }

    /** Typed after {@code mock} to turn follow-up questions off, or on, for that interview. */
    static final String NO_FOLLOW_UPS = "--no-followups";
    static final String FOLLOW_UPS = "--followups";

    private final BankCatalog banks;
    private final SessionRepository sessions;
    private final InterviewMachine machine;
    private final InterviewReplies replies;
    private final QuestionPicker picker;
    private final Clock clock;
    private final Supplier<String> ids;
    private final Settings settings;
    private final TopicWeights weights;
    private final AnswerScored scored;

    /** How often each topic should come up for a person; topics not named weigh 1. */
    @FunctionalInterface
    public interface TopicWeights {
        Map<String, Double> forUser(UserRef user);

        static TopicWeights even() {
            return user -> Map.of();
        }
    }

    public MockInterviewFeature(BankCatalog banks, SessionRepository sessions, InterviewMachine machine,
                                InterviewReplies replies, QuestionPicker picker, Clock clock, Supplier<String> ids,
                                Settings settings) {
        this(banks, sessions, machine, replies, picker, clock, ids, settings, TopicWeights.even());
    }

    public MockInterviewFeature(BankCatalog banks, SessionRepository sessions, InterviewMachine machine,
                                InterviewReplies replies, QuestionPicker picker, Clock clock, Supplier<String> ids,
                                Settings settings, TopicWeights weights) {
        this(banks, sessions, machine, replies, picker, clock, ids, settings, weights, AnswerScored.nobody());
    }

    /** The feature, telling {@code scored} of every answer it scores (spaced review listens). */
    public MockInterviewFeature(BankCatalog banks, SessionRepository sessions, InterviewMachine machine,
                                InterviewReplies replies, QuestionPicker picker, Clock clock, Supplier<String> ids,
                                Settings settings, TopicWeights weights, AnswerScored scored) {
        this.scored = scored;
        this.weights = weights;
        this.banks = banks;
        this.sessions = sessions;
        this.machine = machine;
        this.replies = replies;
        this.picker = picker;
        this.clock = clock;
        this.ids = ids;
        this.settings = settings;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(CommandSpec.of("mock", "start a mock interview (default " + settings.defaultTrack() + ", "
                        + settings.defaultQuestions() + " questions)",
                OptionSpec.word("track", "Question track, e.g. python-developer").manyWords().suggesting(OptionSpec.Suggest.TRACKS),
                OptionSpec.number("questions", "How many questions (1-" + settings.maxQuestions() + ")", 1,
                        settings.maxQuestions()),
                OptionSpec.word("topic", "Lean on one topic, e.g. caching").after("on").manyWords().shownAs("TOPIC")
                        .suggesting(OptionSpec.Suggest.TOPICS),
                OptionSpec.choice("followups", "Follow-up questions after an answer that misses something (default "
                                + (settings.followUps() ? "on" : "off") + ")",
                        OptionSpec.of(NO_FOLLOW_UPS, "off: no follow-up questions"),
                        OptionSpec.of(FOLLOW_UPS, "on: one follow-up when an answer misses something")))
                .alsoCalled("interview", "start"));
    }

    @Override
    public String feature() {
        return InterviewReplies.FEATURE;
    }

    @Override
    public void handle(Inbound.Command command, CommandInput input, ChatPort port) {
        String trackWord = input.value("track").orElse(null);
        Integer count = input.value("questions").map(Integer::parseInt).orElse(null);
        String topic = input.value("topic").map(t -> t.toLowerCase(Locale.ROOT)).orElse(null);
        Place here = command.place();
        UserRef user = command.user();
        int questions = count == null ? settings.defaultQuestions() : count;
        if (questions < 1 || questions > settings.maxQuestions()) {
            port.post(here, Reply.text("An interview has 1 to " + settings.maxQuestions() + " questions; you asked for "
                    + questions + ". Try: mock " + (trackWord == null ? settings.defaultTrack() : trackWord) + " 5")
                    .onlyTo(user));
            return;
        }
        Optional<Bank> bank = banks.current().track(trackWord == null ? settings.defaultTrack() : trackWord);
        if (bank.isEmpty()) {
            port.post(here, unknownTrack(trackWord).onlyTo(user));
            return;
        }
        List<Question> chosen;
        if (topic != null) {
            String meant = TopicNames.meant(bank.get(), topic);
            List<Question> onTopic = bank.get().questions().stream().filter(q -> q.topics().contains(meant)).toList();
            if (onTopic.isEmpty()) {
                List<String> near = TopicNames.near(bank.get(), topic);
                port.post(here, Reply.text("The " + bank.get().track() + " track has no questions on \"" + topic
                        + "\"." + (near.isEmpty() ? "" : " Did you mean " + TopicNames.either(near) + "?")
                        + " Its topics: " + String.join(", ", TopicNames.of(bank.get())) + ".").onlyTo(user));
                return;
            }
            // The topic's questions first; others of the track fill up the interview if it has fewer.
            chosen = new ArrayList<>(picker.pick(new Bank(bank.get().track(), bank.get().title(),
                    bank.get().description(), onTopic, bank.get().source()), questions));
            List<Question> rest = bank.get().questions().stream().filter(q -> !onTopic.contains(q)).toList();
            if (chosen.size() < questions && !rest.isEmpty()) {
                chosen.addAll(picker.pick(new Bank(bank.get().track(), bank.get().title(), bank.get().description(), rest,
                        bank.get().source()), questions - chosen.size()));
            }
        } else {
            chosen = picker.pick(bank.get(), questions, weights.forUser(user));
        }
        boolean followUps = input.value("followups").map(v -> v.equalsIgnoreCase(FOLLOW_UPS))
                .orElse(settings.followUps());
        if (chosen.size() < questions) {
            start(command, bank.get(), chosen, "The " + bank.get().track() + " track has " + chosen.size()
                    + " questions, so this interview has " + chosen.size() + ".", followUps, port);
        } else {
            start(command, bank.get(), chosen, null, followUps, port);
        }
    }

    /**
     * Starts an interview on chosen questions of one track: in the direct conversation or thread
     * where it was asked for, or in a new thread when asked for in a channel.
     */
    public void start(Inbound.Command command, Bank bank, List<Question> chosen, String note, ChatPort port) {
        start(command, bank, chosen, note, settings.followUps(), port);
    }

    /** As {@link #start(Inbound.Command, Bank, List, String, ChatPort)}, asking follow-ups or not. */
    public void start(Inbound.Command command, Bank bank, List<Question> chosen, String note, boolean followUps,
                      ChatPort port) {
        start(command, null, bank, chosen, note, followUps, port);
    }

    /** Starts it in {@code ownPlace} when given (a thread or DM that was this person's interview), else as above. */
    private void start(Inbound.Command command, Place ownPlace, Bank bank, List<Question> chosen, String note,
                       boolean followUps, ChatPort port) {
        Place here = command.place();
        UserRef user = command.user();
        Optional<MockSession> running = sessions.activeFor(user);
        if (running.isPresent()) {
            port.post(here, inProgress(running.get(), here).onlyTo(user));
            return;
        }
        Reply opening = Reply.builder("Mock interview: " + bank.title())
                .text(RichText.builder().plain("Mock interview for ").mention(user)
                        .plain(": " + bank.title() + ", " + chosen.size()
                                + (chosen.size() == 1 ? " question. " : " questions. ")
                                + "Answer in this thread; only your replies count.").build())
                .build();
        Place place = ownPlace != null ? ownPlace : switch (here.kind()) {
            case CHANNEL -> port.openThread(here, opening);
            // A thread already holds a conversation (someone's interview, a question of the day, a
            // discussion): an interview never moves into it, it gets a thread of its own beside it.
            case THREAD -> {
                Place own = port.openThread(Place.channel(here.platform(), here.tenant(), here.channelId()), opening);
                port.post(here, Reply.text("I've started your interview in a thread of its own in this channel,"
                        + " so this thread stays as it is.").onlyTo(user));
                yield own;
            }
            case DIRECT -> here;
        };
        Instant now = clock.instant();
        MockSession session = new MockSession(ids.get(), user, place, bank.track(),
                chosen.stream().map(Question::id).toList(), 0, 0, MockSession.Status.ACTIVE, false, 0, now, null,
                followUps, null);
        if (!sessions.create(session)) {
            sessions.activeFor(user).ifPresent(s -> port.post(here, inProgress(s, here).onlyTo(user)));
            return;
        }
        log.info("mock interview {} started: track {}, {} questions", session.id(), session.track(), session.total());
        // In a chat each message is an answer: one sent in two parts would leave the second to the next question.
        Reply howTo = Reply.text("Answer each question as you would out loud. Type hint, skip, repeat or end"
                + " at any time." + (user.platform() == Platform.CONSOLE ? ""
                : " Send each answer as one message (Shift+Enter for a new line); to add to your latest answer,"
                + " edit it and it is scored again."));
        send(machine.start(session), port, note == null ? howTo : Reply.text(note).followedBy(howTo));
    }

    /**
     * The scorecard's "Try question N again": that one question as a new interview, in the finished interview's own
     * thread or DM, opening with the score it had so the person can see what the feedback bought them.
     */
    private void retry(MockSession finished, Inbound.Action action, ChatPort port) {
        long position = action.action().version(); // the question's place in the finished interview
        Optional<Question> question = position < 0 || position >= finished.questionIds().size() ? Optional.empty()
                : banks.current().question(finished.questionIds().get((int) position));
        Optional<Bank> bank = question.flatMap(q -> banks.current().track(q.track()));
        if (question.isEmpty() || bank.isEmpty()) {
            port.post(action.place(), Reply.text("That question is no longer in its bank. Start a new interview with:"
                    + " mock").onlyTo(action.user()));
            return;
        }
        Inbound.Command asked = new Inbound.Command(action.eventId(), action.user(), action.place(), "ask "
                + question.get().id(), action.receivedAt());
        start(asked, action.place().equals(finished.place()) ? finished.place() : null, bank.get(),
                List.of(question.get()), "Question " + (position + 1) + " again." + lastTime(action.user(), question.get())
                        .map(said -> " " + said).orElse(""), settings.followUps(), port);
    }

    /** What a question asked again opens with, when the person has answered it before: the score to beat. */
    public Optional<String> lastTime(UserRef user, Question question) {
        return sessions.lastAnswered(user, question.id(), clock.instant().plusMillis(1))
                .map(a -> "Last time it scored " + a.score() + "/5; use what the feedback said.");
    }

    /**
     * Picks up a person's interview in progress, if any, by asking its current question again.
     * Used when a person comes back (the console after a restart).
     */
    public Optional<MockSession> resume(UserRef user, ChatPort port) {
        Optional<MockSession> running = sessions.activeFor(user);
        running.ifPresent(session -> {
            send(machine.apply(session, new Move.Repeat(), clock.instant()), port, Reply.text("Welcome back: resuming your "
                    + session.track() + " interview at question " + (session.position() + 1) + " of " + session.total()
                    + "."));
        });
        return running;
    }

    @Override
    public boolean onMessage(Inbound.Message message, ChatPort port) {
        Optional<MockSession> found = sessions.activeAt(message.place());
        if (found.isEmpty()) {
            return finishedJustNow(message).map(s -> continueAnswer(s, message, port)).orElse(false)
                    || nothingToMove(message, port) || afterTheEnd(message, port);
        }
        MockSession session = found.get();
        if (!session.user().equals(message.user())) {
            port.post(message.place(), notYours().onlyTo(message.user()));
            return true;
        }
        Move move = Move.fromTyped(message.text());
        if (continueAnswer(session, message, port)) {
            return true;
        }
        apply(session, move, port, message.messageId());
        return true;
    }

    /**
     * Whether a message may be the rest of the answer before it. People send an answer in two or three messages in
     * chat, each Enter sending one, before they have read a word of the reply to the first
     * ({@link Settings#joinWithin}); the console gathers a whole answer up to an empty line, so there a message is
     * always whole.
     */
    private boolean mayContinue(Inbound.Message message) {
        String text = message.text().strip();
        // "thanks!", "what?" or "no idea" after the feedback is a remark on it, not more of the answer
        boolean remark = InterviewMachine.courtesy(text) || InterviewMachine.wordless(text) || NotAnAnswer.onlyCourtesy(text)
                || TextAnalyzer.wordCount(text) < FEWEST_JOINED_WORDS || NotAnAnswer.saysDontKnow(text)
                || NotAnAnswer.asksForHint(text) || NotAnAnswer.asksAgain(text);
        return settings.joinWithin().isPositive() && message.user().platform() != Platform.CONSOLE && !remark
                && Move.fromTyped(text) instanceof Move.Answer;
    }

    /** Fewer words than this are a remark ("see you later" aside), not the rest of an answer. */
    static final int FEWEST_JOINED_WORDS = 3;


    /** The person's interview in this conversation that their last answer ended moments ago. */
    private Optional<MockSession> finishedJustNow(Inbound.Message message) {
        if (!mayContinue(message)) {
            return Optional.empty();
        }
        return sessions.recentFor(message.user(), 1).stream().findFirst()
                .filter(s -> s.status() == MockSession.Status.FINISHED && s.place().equals(message.place())
                        && s.finishedAt() != null
                        && !s.finishedAt().plus(settings.joinWithin()).isBefore(message.receivedAt()));
    }

    /**
     * A message that follows the latest answer within {@link Settings#joinWithin}, before the person answered anything
     * since, is the rest of that answer: the two are scored again as one (as an edit is) and the interview waits where
     * it was. False when the message is not that, to be read as usual.
     */
    private boolean continueAnswer(MockSession session, Inbound.Message message, ChatPort port) {
        if (!mayContinue(message)) {
            return false;
        }
        boolean finished = session.status() == MockSession.Status.FINISHED;
        int latest = finished || session.awaitingFollowUp() ? (finished ? session.total() - 1 : session.position())
                : session.position() - 1;
        if (latest < 0) {
            return false; // the first question is still open: nothing answered to add to
        }
        Optional<AnswerRecord> previous = sessions.answers(session.id()).stream()
                .filter(a -> a.position() == latest && a.outcome() == AnswerRecord.Outcome.ANSWERED
                        && a.answerText() != null)
                .findFirst();
        if (previous.isEmpty() || message.text().isBlank()) {
            return false;
        }
        Optional<FollowUpRecord> followUp = sessions.followUps(session.id()).stream()
                .filter(f -> f.position() == latest && f.outcome() != null).findFirst();
        if (followUp.isPresent()) {
            // its follow-up came after it: the message is the rest of that, if of anything
            return continueFollowUp(session, followUp.get(), message, port);
        }
        if (previous.get().at().plus(settings.joinWithin()).isBefore(message.receivedAt())) {
            return false;
        }
        InterviewMachine.Reassessed again = machine.reassessed(session, previous.get(),
                previous.get().answerText() + "\n\n" + message.text().strip());
        if (again.event().feedback().inAnotherLanguage()) {
            return false; // read on its own, it is told what it is
        }
        sessions.rescore(again.record());
        sessions.markJoined(session.id(), latest);
        log.info("mock interview {} answer {} continued in a further message and scored again", session.id(), latest + 1);
        Reply said = Reply.text("I added that to your answer to question " + (latest + 1) + " and scored it again (it was "
                + previous.get().score() + "/5):").followedBy(replies.render(session, again.event(), null));
        port.post(session.place(), said.followedBy(whatComesNext(session, again.event().feedback())));
        return true;
    }

    /** A message moments after a follow-up's answer is the rest of it: the two are scored again as one. */
    private boolean continueFollowUp(MockSession session, FollowUpRecord previous, Inbound.Message message,
                                     ChatPort port) {
        if (previous.outcome() != AnswerRecord.Outcome.ANSWERED || previous.answerText() == null
                || previous.at().plus(settings.joinWithin()).isBefore(message.receivedAt())) {
            return false;
        }
        Optional<InterviewMachine.FollowUpReassessed> again = machine.reassessedFollowUp(session, previous,
                previous.answerText() + "\n\n" + message.text().strip());
        if (again.isEmpty() || again.get().event().feedback().inAnotherLanguage()) {
            return false;
        }
        sessions.rescoreFollowUp(again.get().record());
        log.info("mock interview {} follow-up {} continued in a further message and scored again", session.id(),
                previous.position() + 1);
        Reply said = Reply.text("I added that to your answer to the follow-up on question " + (previous.position() + 1)
                + " and scored it again (it was " + previous.score() + "/5):")
                .followedBy(replies.render(session, again.get().event(), null))
                .followedBy(session.status() == MockSession.Status.FINISHED
                        ? replies.render(session, new InterviewEvent.Finished(session.endedEarly()), scorecard(session))
                        : Reply.text("Question " + (session.position() + 1) + " above is still waiting for you."));
        port.post(session.place(), said);
        return true;
    }

    /**
     * What follows an answer scored again (edited, or joined with the rest of it): the follow-up waiting on it when it
     * still has something to ask, else the next question (or the scorecard); the scorecard again for an interview
     * already over.
     */
    private Reply whatComesNext(MockSession session, Feedback answerNow) {
        if (session.status() == MockSession.Status.FINISHED) {
            return replies.render(session, new InterviewEvent.Finished(session.endedEarly()), scorecard(session));
        }
        Optional<InterviewMachine.Step> moot = machine.followUpMadeMoot(session, answerNow, clock.instant());
        if (moot.isPresent() && sessions.save(moot.get().session(), session.version(), Optional.empty())) {
            // The follow-up would ask for what the answer now says: on to what comes next.
            Reply next = Reply.text("That answers the follow-up too, so on we go.");
            for (InterviewEvent event : moot.get().events()) {
                next = next.followedBy(replies.render(moot.get().session(), event,
                        event instanceof InterviewEvent.Finished ? scorecard(moot.get().session()) : null));
            }
            return next;
        }
        return Reply.text(session.awaitingFollowUp() ? "The follow-up above is still waiting for you."
                : "Question " + (session.position() + 1) + " above is still waiting for you.");
    }

    /**
     * An edit of the latest answer in an interview, before the next answer: scored again, and the interview goes on
     * where it was (people send half an answer with a stray Enter and finish it by editing). An edit of an earlier
     * answer leaves the score as first given, and the person is told; once the interview has ended its scorecard
     * stands and edits are left alone.
     */
    @Override
    public boolean onEdit(Inbound.Edit edit, ChatPort port) {
        Optional<MockSession> found = sessions.activeAt(edit.place());
        if (found.isEmpty() || !found.get().user().equals(edit.user())) {
            return false;
        }
        MockSession session = found.get();
        Optional<Integer> position = sessions.answerOfMessage(session.id(), edit.messageId());
        if (position.isEmpty()) {
            return true; // a move, a remark or a thanks: nothing was scored
        }
        int latest = session.awaitingFollowUp() ? session.position() : session.position() - 1;
        Optional<AnswerRecord> previous = sessions.answers(session.id()).stream()
                .filter(a -> a.position() == position.get()).findFirst();
        if (previous.isEmpty() || previous.get().answerText() == null
                || previous.get().answerText().equals(edit.text().strip()) || edit.text().isBlank()) {
            return true;
        }
        if (position.get() != latest) {
            port.post(session.place(), Reply.text("Your answer to question " + (position.get() + 1) + " was scored as you"
                    + " first sent it: the interview has moved on since."));
            return true;
        }
        if (sessions.joined(session.id(), position.get())) {
            // The edited message is only a part: scoring it alone would drop what the other messages added.
            port.post(session.place(), Reply.text("Your answer to question " + (position.get() + 1) + " was put together"
                    + " from more than one message, so I can't score an edit of one of them; it keeps its score of "
                    + previous.get().score() + "/5."));
            return true;
        }
        InterviewMachine.Reassessed again = machine.reassessed(session, previous.get(), edit.text());
        if (again.event().feedback().inAnotherLanguage()) {
            port.post(session.place(), Reply.text("Your edit reads as written in another language, which I can't judge,"
                    + " so your answer to question " + (position.get() + 1) + " keeps its score of "
                    + previous.get().score() + "/5."));
            return true;
        }
        sessions.rescore(again.record());
        log.info("mock interview {} answer {} edited and scored again", session.id(), position.get() + 1);
        // The review schedule keeps the first answer's rating: an edit is the same attempt, not a second one.
        Reply said = Reply.text("Scored again after your edit (it was " + previous.get().score() + "/5):")
                .followedBy(replies.render(session, again.event(), null))
                .followedBy(whatComesNext(session, again.event().feedback()));
        // Where the interview's feedback always goes: its own thread or DM.
        port.post(session.place(), said);
        return true;
    }

    /**
     * An answer whose message its author deleted is taken back, in an interview in progress or one finished: it no
     * longer counts on the scorecard or in progress, and its text is no longer kept. The interview goes on where it
     * was. A deletion the platform says someone else made (a moderator's) leaves the answer as it stands.
     */
    @Override
    public boolean onDeletion(Inbound.Deletion deletion, ChatPort port) {
        Optional<SessionRepository.AnswerAt> at = sessions.answerAt(deletion.place(), deletion.messageId())
                .or(() -> deletion.place().kind() == Place.Kind.DIRECT && !deletion.user().named()
                        ? sessions.answerInAnyDirect(deletion.place(), deletion.messageId()) : Optional.empty());
        if (at.isEmpty()) {
            return false;
        }
        Optional<MockSession> found = sessions.find(at.get().sessionId());
        if (found.isEmpty() || deletion.user().named() && !deletion.user().equals(found.get().user())) {
            return true;
        }
        MockSession session = found.get();
        int number = at.get().position() + 1;
        if (!sessions.withdraw(session.id(), at.get().position())) {
            return true; // withdrawn already: the same deletion delivered twice
        }
        log.info("mock interview {} answer {} withdrawn: its message was deleted", session.id(), number);
        String said = "You deleted your answer to question " + number + ", so it no longer counts on "
                + (session.status() == MockSession.Status.ACTIVE ? "this interview's" : "that interview's")
                + " scorecard and its text is no longer kept.";
        if (session.status() == MockSession.Status.ACTIVE) {
            said += session.awaitingFollowUp() ? " The follow-up above is still waiting for you."
                    : " Question " + (session.position() + 1) + " above is still waiting for you.";
        }
        port.post(session.place(), Reply.text(said).onlyTo(session.user()));
        return true;
    }

    /** How long after an interview ends an answer-like message where it ran is taken as meant for it. */
    static final Duration AFTER_THE_END = Duration.ofMinutes(30);
    /** Fewer words than this after an interview are a remark, left to the usual replies. */
    static final int ANSWER_LIKE_WORDS = 8;

    /**
     * An answer-like message where the person's interview ended a little while ago, too late to be the rest of its last
     * answer: told it was not scored and how to go on, rather than "I didn't find a command in ...".
     */
    private boolean afterTheEnd(Inbound.Message message, ChatPort port) {
        if (TextAnalyzer.wordCount(message.text()) < ANSWER_LIKE_WORDS) {
            return false;
        }
        // one ended before any answer was never answered in, so nothing typed after it is meant for it
        Optional<MockSession> ended = sessions.recentAnsweredFor(message.user(), 1).stream().findFirst()
                .filter(s -> s.status() == MockSession.Status.FINISHED && s.place().equals(message.place())
                        && s.finishedAt() != null && !s.finishedAt().plus(AFTER_THE_END).isBefore(message.receivedAt()));
        if (ended.isEmpty()) {
            return false;
        }
        MockSession s = ended.get();
        // the last question the interview got past (all of them when it ran to the end)
        String last = s.questionIds().get(Math.max(0, Math.min(s.position(), s.total()) - 1));
        port.post(message.place(), Reply.text("Your " + s.track() + " interview is over, so I didn't score that. To"
                + " practise its last question, type: ask " + last + ". To start another: mock " + s.track() + " "
                + s.total() + ".").onlyTo(message.user()));
        return true;
    }

    /**
     * "end" or "skip" typed in a DM by someone with no interview running gets told so and how to start one, rather
     * than "I don't know the command".
     */
    private boolean nothingToMove(Inbound.Message message, ChatPort port) {
        if (message.place().kind() != Place.Kind.DIRECT || sessions.activeFor(message.user()).isPresent()) {
            return false;
        }
        Optional<Move> move = Move.named(message.text());
        move.ifPresent(m -> port.post(message.place(), Reply.text(switch (m) {
            case Move.End end -> "There is no interview running to end.";
            case Move.Skip skip -> "There is no question waiting to skip.";
            case Move.Hint hint -> "There is no question waiting for a hint.";
            case Move.Repeat repeat -> "There is no question waiting to repeat.";
            case Move.Answer answer -> "There is no question waiting.";
        } + " Type mock to start a mock interview, or ask and a topic for one question (ask caching).")
                .onlyTo(message.user())));
        return move.isPresent();
    }

    @Override
    public boolean holdsConversation(Inbound.Message message) {
        return sessions.activeAt(message.place()).isPresent();
    }

    @Override
    public boolean interviewing(Inbound.Message message) {
        return sessions.activeAt(message.place()).filter(s -> s.user().equals(message.user())).isPresent();
    }

    @Override
    public List<String> moveWords() {
        return Move.WORDS;
    }

    @Override
    public void onAction(Inbound.Action action, ChatPort port) {
        if (action.action().verb().equals("start")) {
            // The home page's button: an interview on the default track, in the person's DM.
            Place direct = action.place().kind() == Place.Kind.DIRECT ? action.place() : port.openDirect(action.user());
            handle(new Inbound.Command(action.eventId(), action.user(), direct, "mock", action.receivedAt()),
                    new CommandInput("mock", Map.of()), port);
            return;
        }
        // An interview of another workspace (a forged button value) is as good as gone.
        Optional<MockSession> found = sessions.find(action.action().subject()).filter(s -> sameWorkspace(s, action.user()));
        if (found.isEmpty()) {
            port.post(action.place(), Reply.text("I can't find that interview any more. Start a new one with: mock")
                    .onlyTo(action.user()));
            return;
        }
        MockSession session = found.get();
        if (!session.user().equals(action.user())) {
            port.post(action.place(), notYours().onlyTo(action.user()));
            return;
        }
        if (action.action().verb().equals("review")) {
            port.post(action.place(), review(session).onlyTo(action.user()));
            return;
        }
        if (action.action().verb().equals("retry")) {
            retry(session, action, port);
            return;
        }
        Optional<Move> move = Move.commandWord(action.action().verb());
        if (move.isEmpty()) {
            port.post(action.place(), Reply.text("That button is no longer in use.").onlyTo(action.user()));
            return;
        }
        if (!session.active()) {
            // A button left on a question of a finished interview: only the person who pressed it hears so.
            port.post(action.place(), Reply.text("That button belongs to an interview that has finished."
                    + " Start a new one with: mock").onlyTo(action.user()));
            return;
        }
        if (action.action().version() != session.position()) {
            port.post(action.place(), Reply.text("That button belongs to an earlier question; use the buttons under"
                    + " question " + (session.position() + 1) + ".").onlyTo(action.user()));
            return;
        }
        apply(session, move.get(), port, null);
    }

    private static boolean sameWorkspace(MockSession session, UserRef user) {
        return session.user().platform() == user.platform() && session.user().tenant().equals(user.tenant());
    }

    /** An answer typed into the form behind the "Answer" button. */
    @Override
    public void onSubmission(Inbound.Submission submission, ChatPort port) {
        Optional<MockSession> found = sessions.find(submission.action().subject())
                .filter(s -> sameWorkspace(s, submission.user()));
        if (found.isEmpty() || !found.get().user().equals(submission.user())) {
            port.post(submission.place(), notYours().onlyTo(submission.user()));
            return;
        }
        MockSession session = found.get();
        if (session.active() && submission.action().version() != session.position()) {
            port.post(submission.place(), Reply.text("That answer was for an earlier question, which has moved on."
                    + " Here it is again so nothing is lost:\n" + submission.values().getOrDefault(
                    Block.Button.FORM_FIELD, "")).onlyTo(submission.user()));
            return;
        }
        apply(session, new Move.Answer(submission.values().getOrDefault(Block.Button.FORM_FIELD, "")), port, null);
    }

    /**
     * Applies a move to the session as just read; {@code messageId} is the message that carried it, when a typed
     * message did. Should the session have changed meanwhile (its version moved), it is read again and the move
     * applied again.
     */
    private void apply(MockSession read, Move move, ChatPort port, String messageId) {
        String sessionId = read.id();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            MockSession before = attempt == 1 ? read : sessions.find(sessionId).orElseThrow();
            InterviewMachine.Step step = machine.apply(before, move, clock.instant());
            // the message that carried an answer is stored with it, so an edit of that message finds it
            String carriedBy = step.recorded().filter(r -> r.outcome() == AnswerRecord.Outcome.ANSWERED).isPresent()
                    ? messageId : null;
            // Rendered before the session is written: from its first write to its commit the event's work holds
            // SQLite's one write turn, which every other event waits for. A scorecard reads the answers as stored,
            // the one just given among them, so it is rendered after.
            boolean finishes = step.events().stream().anyMatch(InterviewEvent.Finished.class::isInstance);
            Reply said = finishes ? null : message(step, null);
            if (!step.changed(before) || sessions.save(step.session(), before.version(), step.recorded(),
                    step.followUp(), carriedBy)) {
                step.recorded().filter(r -> r.score() != null).ifPresent(r -> scored.scored(before.user(),
                        machine.question(before, r.questionId()), r.score(), r.at()));
                // The question left behind keeps its buttons: editing it would cost a call per answer, and a
                // press on them is refused as belonging to an earlier question (onAction).
                post(step.session(), finishes ? message(step, null) : said, port);
                return;
            }
            log.debug("session {} changed under us (attempt {}); applying again", sessionId, attempt);
        }
        throw new IllegalStateException("session " + sessionId + " kept changing; gave up after " + MAX_ATTEMPTS);
    }

    /**
     * Everything a step says, in ONE message: the feedback first, then the next question (or the
     * follow-up, or the scorecard), a divider between them; {@code before}, if given, heads it. A
     * message per event would cost a platform call each, and a channel takes about one a second.
     */
    private void send(InterviewMachine.Step step, ChatPort port, Reply before) {
        post(step.session(), message(step, before), port);
    }

    private static void post(MockSession session, Reply message, ChatPort port) {
        if (message != null) {
            port.post(session.place(), message);
        }
    }

    /** What {@link #send} posts: null when the step says nothing. */
    private Reply message(InterviewMachine.Step step, Reply before) {
        MockSession session = step.session();
        Reply message = before;
        for (InterviewEvent event : step.events()) {
            Scorecard card = event instanceof InterviewEvent.Finished ? scorecard(session) : null;
            if (event instanceof InterviewEvent.Finished) {
                log.info("mock interview {} finished: {} of {} answered", session.id(), card.answered(), session.total());
            }
            Reply said = replies.render(session, event, card);
            message = message == null ? said : message.followedBy(said);
        }
        return message;
    }

    /** A person's answers to a session, quoted, with scores: for looking back. */
    public Reply review(MockSession session) {
        return replies.review(session, sessions.answers(session.id()), id -> machine.question(session, id));
    }

    /** The scorecard of a session from what was stored. */
    public Scorecard scorecard(MockSession session) {
        Map<String, Integer> before = sessions.lastScores(session.user(), session.questionIds(), session.startedAt());
        return Scorecard.of(session, sessions.answers(session.id()), sessions.followUps(session.id()),
                id -> machine.question(session, id), id -> Optional.ofNullable(before.get(id)));
    }

    private Reply inProgress(MockSession s, Place here) {
        // asked for in the conversation the interview runs in (the console, a DM), "where it started" is right here
        String next = s.place().equals(here) ? "Type end to finish it first, then start the new one."
                : "Answer it where it started, or type end there to finish it first.";
        return Reply.text("You already have a " + s.track() + " interview in progress (question " + (s.position() + 1)
                + " of " + s.total() + "). " + next);
    }

    private Reply notYours() {
        return Reply.text("This interview belongs to someone else, so I won't score your reply here."
                + " Start your own with: mock");
    }

    private Reply unknownTrack(String typed) {
        return Reply.text(UnknownTrack.message(banks.current(), typed));
    }
}
